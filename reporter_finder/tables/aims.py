"""A grant's aim in one short clause, taken word for word from its abstract.

RePORTER abstracts often state the aim in one sentence: "The overall goal of this project is
to determine whether …". :func:`aim_clause` returns that clause ("determine whether …") when
it can stand alone in another person's sentence ("… your project, which aims to determine
whether …"), else "". Pure text; the grants table carries it as ``aim``.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["AIM_MAX_WORDS", "aim_clause"]

#: An aim longer than this is left out rather than cut: a cut aim misstates the project.
AIM_MAX_WORDS: Final = 28

_AIM_PATTERNS: Final = (
    # "The overall goal of this proposal is to …", "The objective of the study is to …"
    re.compile(
        r"\b(?:the\s+)?(?:(?:overall|long-term|long\s+term|central|primary|main|broad|major|"
        r"ultimate|specific)\s+)?(?:goal|objective|aim|purpose)s?\s+of\s+(?:this|the|our)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:proposal|project|application|study|research|renewal|program|"
        r"programme|work|grant|trial|center|centre|initiative|R01|R21|K\d\d)\s+(?:is|are)\s+"
        r"to\s+(?P<aim>[^.;:]+)",
        re.IGNORECASE,
    ),
    # "This project will …", "The proposed study aims to …"
    re.compile(
        r"\b(?:this|the)\s+(?:proposed\s+)?(?:proposal|project|study|application|research|"
        r"trial|program)\s+(?:will|aims\s+to|seeks\s+to|proposes\s+to|is\s+designed\s+to)\s+"
        r"(?P<aim>[^.;:]+)",
        re.IGNORECASE,
    ),
    # "Our long-term goal is to …", "The objective is to …"
    re.compile(
        r"\b(?:our|the)\s+(?:(?:overall|long-term|long\s+term|central|primary|main|broad|"
        r"major|ultimate)\s+)?(?:goal|objective|aim|purpose)\s+is\s+to\s+(?P<aim>[^.;:]+)",
        re.IGNORECASE,
    ),
    # "Here, we aim to …", "We propose to …": the weakest form, tried last
    re.compile(r"\bwe\s+(?:aim|propose|seek|plan)\s+to\s+(?P<aim>[^.;:]+)", re.IGNORECASE),
)
# Words that make a clause depend on its context ("our model", "this gap", "these skills"):
# the applicant cannot repeat such a clause.
_CONTEXT_WORDS: Final = re.compile(
    r"\b(?:we|our|us|i|my|ours|this|these|those|that|it|its|they|their|hypothesis|"
    r"hypotheses|aforementioned|above)\b",
    re.IGNORECASE,
)
#: Verbs an aim clause may start with: a clause starting otherwise ("also …", "not only …",
#: "have direct impacts …", "significantly enhance …") does not state an aim.
_AIM_VERB_TEXT: Final = (
    "accelerate address advance apply assess build characterize compare create define "
    "delineate demonstrate design determine develop discover elucidate enable establish "
    "evaluate examine expand explore focus generate harmonize identify implement improve "
    "increase integrate investigate leverage map maximize measure pilot predict provide "
    "quantify reduce reveal support test train uncover understand use validate"
)
_AIM_VERBS: Final = frozenset(_AIM_VERB_TEXT.split())
_ABBREVIATION: Final = re.compile(r"\b[A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b")


def _undefined_abbreviation(clause: str, abstract: str) -> bool:
    """True when the clause uses an abbreviation the abstract defined earlier ("… (TABs)"):
    a reader of the e-mail would not know it."""
    for word in _ABBREVIATION.findall(clause):
        if f"({word})" in abstract and f"({word})" not in clause:
            return True
    return False


_CITATION: Final = re.compile(r"\s*\[[^\]]*\]|\s*\((?:ref|refs?\.?|see)\b[^)]*\)", re.IGNORECASE)


def aim_clause(abstract: str) -> str:
    """The project's aim as a short clause ("determine whether …"), taken word for word from
    an abstract sentence such as "The goal of this project is to …"; "" when the abstract
    has none, or when the clause is longer than :data:`AIM_MAX_WORDS` words, does not start
    with a verb of :data:`_AIM_VERBS`, or leans on its context ("… our model …", "this
    gap"), which the applicant cannot repeat."""
    text = " ".join(abstract.split()) if isinstance(abstract, str) else ""
    # A word hyphenated across a line break ("bio-\nsamples") is one word; "pre- and post-"
    # is not.
    text = re.sub(r"(?<=\w)- (?!(?:and|or|to)\b)(?=[a-z])", "-", text)
    if not text or not any(c.islower() for c in text):
        return ""
    for pattern in _AIM_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        clause = _CITATION.sub("", match.group("aim")).strip().rstrip(",")
        clause = re.sub(r"\s*\((?:Aim|SA)\s*\d[^)]*\)", "", clause)
        clause = re.sub(r"\s*\((?:namely|e\.g\.|i\.e\.|including)\b[^)]*\)", "", clause)
        words = clause.split()
        if not 3 <= len(words) <= AIM_MAX_WORDS or words[0].lower() not in _AIM_VERBS:
            continue
        if _CONTEXT_WORDS.search(clause):
            continue
        if clause.count("(") != clause.count(")") or _undefined_abbreviation(clause, text):
            continue
        return clause
    return ""
