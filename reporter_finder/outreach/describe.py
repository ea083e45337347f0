"""How a draft describes the work it cites: a title in sentence case, a short topic.

Pure text functions. Everything they return is made of words of the source text (a grant
title, its abstract, a paper title), in the source's casing: a draft must never say "hiv"
where the PI wrote "HIV", nor describe a grant with a word the PI did not use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from reporter_finder.cellformat import cell_text

__all__ = [
    "in_sentence",
    "source_casing",
    "source_form",
    "title_in_sentence",
    "topic_of",
]

#: Words after which a title usually turns from "what" to "how", "where" or "in whom": the
#: topic of a subject line ends before one of them.
_BREAKS: Final = frozenset(
    {"via", "using", "through", "by", "with", "from", "across", "among", "in", "of", "for"}
    | {"to", "on", "and", "or", "among", "within", "during", "after", "before", "at", "as"}
    | {"versus", "vs", "into", "toward", "towards", "without", "under", "between"}
)
#: Participles that start a "how" clause after a noun phrase ("Rare variant analysis
#: integrating …"): a topic may end before them, but never starts after them.
_END_BREAKS: Final = frozenset(
    {"integrating", "combining", "leveraging", "targeting", "linking", "harnessing"}
    | {"exploring", "identifying", "predicting", "informing", "enabling", "supporting"}
)
_SMALL: Final = frozenset({"a", "an", "the", *_BREAKS})
#: Heads of titles that name a part of a centre grant, not its science.
_GENERIC_HEAD: Final = re.compile(
    r"^(?:project|core|aim|sub-?project|supplement|admin\w*|component|pilot)\b", re.IGNORECASE
)
TOPIC_MAX_WORDS: Final = 6
#: Acronyms common in grant titles written in capitals, kept when such a title is
#: sentence-cased and the abstract does not show the casing.
_ACRONYM_TEXT: Final = (
    "AI AIDS ALS ADHD ADRD BMI CAR CF CKD COPD COVID CRISPR CT CVD DNA ED EEG EHR FDA GWAS "
    "HBV HCV HIV HPV ICU IBD MRI MS NICU NIH PET PICU PTSD RCT RNA SLE TB UK US USA VA"
)
_KNOWN_ACRONYMS: Final = frozenset(_ACRONYM_TEXT.split())
_WORD: Final = re.compile(r"[A-Za-z0-9][\w'’-]*")


def source_casing(*texts: str) -> dict[str, str]:
    """Words written with inner capitals in the sources ("HIV", "REDCap", "mRNA", "GTEx"),
    by their lower-case form: how a sentence-cased title and the draft must spell them."""
    forms: dict[str, str] = {}
    for text in texts:
        if not _has_lower(text):
            continue  # an all-caps text shows no casing
        for word in _WORD.findall(text):
            if _is_acronym(word):
                forms.setdefault(word.lower(), word)
    return forms


def source_form(term: str, texts: Iterable[str]) -> str:
    """``term`` as the first text that contains it spells it, when that spelling is an
    acronym's ("redcap" → "REDCap", "hiv" → "HIV"); else ``term`` as given (a Title Case
    title's "Machine Learning" stays the applicant's "machine learning")."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)
    for text in texts:
        match = pattern.search(text)
        if match and any(_is_acronym(word) for word in match.group(0).split()):
            return match.group(0)
    return term


def _is_acronym(word: str) -> bool:
    """Capitals past the first letter: "HIV", "REDCap", "mRNA", "GTEx", "4DN"."""
    return word != word.lower() and word[1:] != word[1:].lower()


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def title_in_sentence(title: str, *sources: str) -> str:
    """A title fit for quoting in a sentence: no final period or brackets, inner double quotes
    made single, and sentence case if it was written in capitals — keeping the acronyms that
    ``sources`` (the abstract, other titles) spell in capitals, and well-known ones."""
    text = cell_text(title).strip()
    if text.startswith("[") and text.endswith("]"):  # PubMed's translated-title brackets
        text = text[1:-1]
    text = text.rstrip(". ").replace('"', "'").strip("'").strip()
    if not text or _has_lower(text) or not any(c.isalpha() for c in text):
        return text
    casing = source_casing(*sources)
    words = []
    for word in text.split():
        core = word.strip("(),;:")
        if re.search(r"\d", core) or core in _KNOWN_ACRONYMS:
            words.append(word)  # R01, COVID-19, 3D, HIV: identifiers as written
        elif core.lower() in casing:
            words.append(word.replace(core, casing[core.lower()]))
        else:
            words.append(word.lower())
    first = words[0]
    words[0] = first[0].upper() + first[1:]
    return " ".join(words)


def in_sentence(phrase: str) -> str:
    """A phrase to continue a sentence with: "Integrating 4DN data" → "integrating 4DN data".
    An acronym first ("HIV prevention") and a Title Case phrase ("Deep Phenotyping of 3D
    Data", which may be a name) are kept as written."""
    words = phrase.split()
    if not words or _is_acronym(words[0]):
        return phrase
    if any(w[0].isupper() and not _is_acronym(w) for w in words[1:]):
        return phrase
    return phrase[0].lower() + phrase[1:]


def topic_of(title: str, *sources: str) -> str:
    """A subject-line topic of at most :data:`TOPIC_MAX_WORDS` words, taken whole from the
    title — never a cut with "…". "" when the title has no such phrase.

    Candidates are the title's phrases that start at its beginning or right after a word
    such as "of", "in", "via" or "using", and end right before one (or at the end): "Effect
    of intensive blood pressure control on cognition" → "Effect of intensive blood pressure
    control"; "A database for high-resolution chromatin contact maps and …" →
    "High-resolution chromatin contact maps". The phrase with the most content words wins,
    an opening phrase by a small margin; a part naming a project or core ("Project 2:") and
    a leading activity code ("U24-") are skipped.
    """
    text = _LEADING_CODE.sub("", title_in_sentence(title, *sources))
    best: tuple[float, str] = (0.0, "")
    for part in _title_parts(text):
        for score, phrase in _phrases(part.split()):
            best = max(best, (score, phrase), key=lambda item: item[0])
    topic = best[1]
    return topic[0].upper() + topic[1:] if topic else ""


_LEADING_CODE: Final = re.compile(r"^[A-Z]\d\d[- ](?=[A-Za-z])")
_GENERIC: Final = frozenset(
    {"a", "an", "the", "use", "using", "leveraging", "toward", "towards", "expanding"}
    | {"evaluating", "developing", "improving", "enhancing", "method", "methods", "list"}
    | {"approach", "approaches", "utility", "value", "study", "project", "new", "novel"}
)
# A phrase ending on one of these usually stops mid-thought ("biomarkers predictive").
_DANGLING_END: Final = re.compile(r"(?:ive|ic|ous)$", re.IGNORECASE)


_LATIN: Final = frozenset({"silico", "vivo", "vitro", "situ", "utero"})


def _balanced(text: str) -> bool:
    return "[" not in text and "]" not in text and text.count("(") == text.count(")")


def _title_parts(text: str) -> list[str]:
    """The parts of "Head: tail" worth a topic; the head is dropped when it names a part of a
    centre grant ("Project 2", "Core B") or ends in a number ("Aim 2", "Record 23")."""
    for sep in (": ", " - ", " – ", " — "):
        head, found, tail = text.partition(sep)
        if found:
            if _GENERIC_HEAD.match(head) or re.search(r"\s\d+$", head):
                return [tail]
            return [head, tail]
    return [text]


def _phrases(words: list[str]) -> Iterable[tuple[float, str]]:
    plain = [w.lower().strip(",;()") for w in words]
    for i in range(len(plain) - 1):  # "in silico", "in vivo": not a break
        if plain[i] == "in" and plain[i + 1] in _LATIN:
            plain[i] = "in-"
    starts = [0] + [i + 1 for i, w in enumerate(plain) if w in _BREAKS and w != "to"]
    ends = [i for i, w in enumerate(plain) if w in _BREAKS or (i and w in _END_BREAKS)]
    ends.append(len(words))
    for start in starts:
        for end in ends:
            span = plain[start:end]
            if not 2 <= len(span) <= TOPIC_MAX_WORDS or span[-1] in _SMALL:
                continue
            if span[0] in _SMALL - {"a", "an", "the"} or words[end - 1].endswith((",", ";")):
                continue
            if end < len(words) and _DANGLING_END.search(span[-1]):
                continue
            if "to" in span or not _balanced(" ".join(words[start:end])):
                continue  # "GTEx to assess …" is a clause, not a topic
            content = sum(1 for w in span if w not in _SMALL and w not in _GENERIC)
            opening = start == 0 and span[0] not in _GENERIC
            yield content + (1.5 if opening else 0.0), " ".join(words[start:end]).strip(",;")
