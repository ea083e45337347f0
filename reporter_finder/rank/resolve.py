"""Turning what a user typed into the lexicon's specialties and skills.

Free text such as ``"OB/GYN"``, ``"cardiolgy"``, ``"cardiology research fellowship"`` or
``"R, qPCR; chart review"`` becomes :class:`~reporter_finder.rank.lexicon.Specialty` and
:class:`~reporter_finder.rank.lexicon.Skill` values: exact names and aliases first, then the
same without filler words, then fuzzy similarity. A specialty nobody knows becomes a fallback
built from the user's own words.

Example:
    >>> from reporter_finder.rank.resolve import resolve_specialty, resolve_skills
    >>> resolve_specialty("cards").specialty.key
    'cardiology'
    >>> [skill.key for skill in resolve_skills("R, chart review")]
    ['r_programming', 'chart_review']
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from rapidfuzz.utils import default_process

from reporter_finder.errors import QueryError
from reporter_finder.rank import matchkey
from reporter_finder.rank.lexicon import (
    Lexicon,
    Modifier,
    Skill,
    Specialty,
    load_lexicon,
    medical_stopwords,
    medical_synonyms,
)
from reporter_finder.rank.matchkey import EXACT_ONLY_MAX_LEN, Index, word_set

__all__ = ["DEFAULT_CUTOFF", "HOW", "SpecialtyMatch", "resolve_skills", "resolve_specialty"]


#: Default similarity (0–100) a typo must reach to be taken as a known specialty or skill.
DEFAULT_CUTOFF: Final = 85.0
_N_SUGGESTIONS: Final = 3
_SPLIT_SKILLS_RE: Final = re.compile(r"[,;\n\r]+")
# Second chance for a skill piece nobody recognises: "R/Python", "western blot & qPCR".
_SPLIT_COMPOUND_RE: Final = re.compile(r"\s*(?:/|&|\+|\band\b)\s*", re.IGNORECASE)
# Words people wrap around a specialty ("cardiology research fellowship", "interested in GI").
_SPECIALTY_FILLER: Final = word_set(
    "a an the in of for on at to into my i im am want would like do go pursue become "
    "interested interest field area specialty speciality subspecialty program programme "
    "training fellowship fellow residency resident research researcher department dept "
    "division year position clinical"
)
# Words people wrap around a skill ("experience with R", "basic knowledge of SPSS").
_SKILL_FILLER: Final = word_set(
    "a an the in of with on for to using use used experience experienced skill basic "
    "advanced intermediate proficient proficiency knowledge familiar familiarity expertise "
    "expert strong good excellent hand work research technique analysis"
)
# English stop words and words too generic to search grant text for, dropped from the
# vocabulary built for an unknown specialty ("space medicine" searches for "space").
_FALLBACK_DROP: Final = word_set(
    "a an and or the in of for on at to into with by from my i im am want would like do go "
    "pursue become interested interest field area specialty speciality subspecialty "
    "program programme training fellowship fellow residency resident research researcher "
    "department dept division year position clinical medicine medical health science "
    "sciences study studies care general"
)
_WORD_RE: Final = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


#: How a text was understood (:attr:`SpecialtyMatch.how`).
HOW: Final = ("name", "typo", "composed", "phrase")


@dataclass(frozen=True)
class SpecialtyMatch:
    """What :func:`resolve_specialty` made of a user's text.

    Attributes:
        query: the text as given.
        specialty: the known specialty (composed with a modifier for "pediatric cardiology"),
            or, for any other phrase, one built from the text (``is_known`` False).
        score: 100 for an exact name/alias hit; the fuzzy similarity (0–100) otherwise.
        suggestions: names of the closest known specialties, best first. Empty for an exact or
            alias hit; for a phrase, the three closest (by the specialties' vocabularies first,
            then by their names).
        how: ``"name"`` (a name, key or alias), ``"typo"`` (the closest spelling of one),
            ``"composed"`` (a modifier and a specialty: the intersection of their
            vocabularies) or ``"phrase"`` (searched as typed).
        suggestion_keys: the keys of ``suggestions``, in the same order.
        related_keys: for a phrase, the specialties it names or whose vocabulary it uses
            ("sickle cell disease" → hematology), best first; empty when none does (then the
            suggestions are only the closest names).
    """

    query: str
    specialty: Specialty
    score: float
    suggestions: tuple[str, ...]
    how: str = "name"
    suggestion_keys: tuple[str, ...] = ()
    related_keys: tuple[str, ...] = ()

    @property
    def is_known(self) -> bool:
        """Whether the text resolved to a specialty of the lexicon (or one composed from it)."""
        return self.specialty.is_known


@dataclass(frozen=True)
class _Lookup:
    key: str | None  # the entry matched, or None
    score: float  # 100 for exact, the best fuzzy similarity otherwise
    ranked: tuple[str, ...]  # entry keys by closeness, best first (empty for exact hits)


def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if min(len(a), len(b)) <= EXACT_ONLY_MAX_LEN:
        return 0.0  # short words are abbreviations: no fuzzy matching (see EXACT_ONLY_MAX_LEN)
    # OSA counts a transposition or a substitution as one edit, like a typist makes them;
    # the indel ratio counts a substitution twice yet scores "audiology" ~ "radiology" 89.
    return OSA.normalized_similarity(a, b) * 100


def _similarity(query: tuple[str, ...], choice: tuple[str, ...]) -> float:
    """Similarity (0–100) of two token sequences: the worst word of a one-to-one pairing.

    Whole-string ratios let a shared word carry a different one ("pediatric cardiology" ~
    "pediatric urology" scores 87 with fuzz.ratio), so every word must be a near-copy of
    its partner; word order is free ("surgery plastic").
    """
    if len(query) != len(choice):
        return 0.0
    remaining = list(choice)
    worst = 100.0
    for word in sorted(query, key=len, reverse=True):
        scores = [_word_similarity(word, other) for other in remaining]
        best = max(range(len(scores)), key=scores.__getitem__)
        worst = min(worst, scores[best])
        del remaining[best]
    return worst


def _lookup(text: str, index: Index, filler: frozenset[str], cutoff: float) -> _Lookup:
    tokens = matchkey.tokens(text)
    if not tokens:
        return _Lookup(None, 0.0, ())
    candidates = [tokens]
    stripped = [token for token in tokens if token not in filler]
    if stripped and stripped != tokens:
        candidates.append(stripped)
    for candidate in candidates:
        key = index.exact.get(matchkey.match_key(candidate))
        if key is not None:
            return _Lookup(key, 100.0, ())

    words = tuple(candidates[-1])
    query = " ".join(words)
    accept: dict[str, float] = {}
    closeness: dict[str, float] = {}
    for choice, key in index.fuzzy:
        similarity = _similarity(words, tuple(choice.split()))
        accept[key] = max(accept.get(key, 0.0), similarity)
        # Suggestions need a softer notion of "close": WRatio credits partial matches
        # ("sports cardiology" ~ "cardiology"), ratio keeps plain typos on top.
        near = (
            fuzz.WRatio(query, choice, processor=default_process)
            + fuzz.ratio(query, choice, processor=default_process)
        ) / 2
        closeness[key] = max(closeness.get(key, 0.0), near, similarity)
    ranked = tuple(sorted(closeness, key=lambda k: (-closeness[k], k)))
    best_key = min(accept, key=lambda k: (-accept[k], k), default=None)
    best = accept.get(best_key, 0.0) if best_key is not None else 0.0
    fuzzable = len(matchkey.match_key(candidates[-1])) > EXACT_ONLY_MAX_LEN
    if best_key is not None and fuzzable and best >= cutoff:
        ranked = (best_key, *(k for k in ranked if k != best_key))
        return _Lookup(best_key, float(best), ranked)
    return _Lookup(None, float(best), ranked)


def _contained(text: str, index: Index) -> tuple[str, ...]:
    """Entry keys whose name or alias appears as whole words inside ``text``."""
    tokens = matchkey.tokens(text)
    found: list[str] = []
    for phrase, key in index.phrases:
        if key in found or len(phrase) > len(tokens):
            continue
        if all(word in _FALLBACK_DROP for word in phrase):
            continue  # "medicine" inside "space medicine" says nothing about the field
        width = len(phrase)
        if any(tuple(tokens[i : i + width]) == phrase for i in range(len(tokens) - width + 1)):
            found.append(key)
    return tuple(found)


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(unicodedata.normalize("NFKC", text).lower())


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))


def _phrase_specialty(text: str, lexicon: Lexicon, related: tuple[str, ...]) -> Specialty:
    """A phrase nobody knows, searched as what it is: the exact phrase, or all its words.

    Generic words ("disease", "prevention", :func:`medical_stopwords`) stay inside the exact
    phrase but are never required, nor matched, on their own.

    Raises:
        QueryError: the phrase has only generic words.
    """
    words = _words(text)
    generic = medical_stopwords() | _FALLBACK_DROP
    content = list(dict.fromkeys(w for w in words if w not in generic and len(w) > 1))
    if not content:
        raise QueryError(
            f"{' '.join(text.split())!r} has only generic words, which match almost every grant",
            hint="name a specialty or a topic, e.g. 'cardiology' or 'sickle cell disease'",
        )
    # Filler around the phrase ("… research fellowship", "interested in …") is not part of it.
    start, end = 0, len(words)
    while start < end and words[start] in _SPECIALTY_FILLER:
        start += 1
    while end > start and words[end - 1] in _SPECIALTY_FILLER:
        end -= 1
    phrase = " ".join(words[start:end])
    # A known specialty named inside the phrase lends its core vocabulary as broad terms:
    # they count only in grants that match the phrase (ranking-notes §5).
    broad = _dedupe(
        term
        for key in related
        for term in lexicon.specialties[key].core_terms
        if term not in content and term != phrase
    )
    exclude = _dedupe(term for key in related for term in lexicon.specialties[key].exclude_terms)
    named = [word for word in words if word not in _SPECIALTY_FILLER]
    synonyms = medical_synonyms()
    forms = tuple(tuple(f for f in synonyms.get(word, ()) if f != phrase) for word in content)
    required = tuple(content) if len(content) > 1 or content[0] != phrase else ()
    return Specialty(
        key="_".join(named or words) or "custom",
        name=" ".join(text.split()),
        aliases=(),
        core_terms=_dedupe([phrase, *content, *(f for group in forms for f in group)]),
        broad_terms=tuple(t for t in broad if all(t not in group for group in forms)),
        institutes=(),
        dept_types=(),
        category="other",
        exclude_terms=exclude,
        is_known=False,
        must_match_all=required,
        word_forms=forms if required else (),
    )


def _composed(base: Specialty, modifier: Modifier) -> Specialty:
    """``base`` narrowed by ``modifier``: its vocabulary, in grants that also speak the
    modifier's ("pediatric cardiology": cardiology terms and one of children, infants …)."""
    return dataclasses.replace(
        base,
        key=f"{modifier.key}_{base.key}",
        name=f"{modifier.name} {base.name}",
        aliases=(),
        exclude_terms=_dedupe([*base.exclude_terms, *modifier.exclude_terms]),
        must_match_any=modifier.terms,
        qualifier=modifier.name,
    )


def _compose(text: str, lexicon: Lexicon, cutoff: float) -> tuple[Specialty, float] | None:
    """A modifier followed (or preceded) by a specialty, e.g. "sports cardiology"."""
    tokens = [t for t in matchkey.tokens(text) if t not in _SPECIALTY_FILLER]
    for cut in range(1, len(tokens)):
        for mod_words, spec_words in ((tokens[:cut], tokens[cut:]), (tokens[cut:], tokens[:cut])):
            mod_key = lexicon.modifier_index.exact.get(matchkey.match_key(mod_words))
            if mod_key is None:
                continue
            found = _lookup(
                " ".join(spec_words), lexicon.specialty_index, _SPECIALTY_FILLER, cutoff
            )
            if found.key is not None:
                base = lexicon.specialties[found.key]
                return _composed(base, lexicon.modifiers[mod_key]), found.score
    return None


def _by_vocabulary(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Specialties whose core terms the phrase contains, or that contain the phrase, best
    first: "sickle cell disease" names hematology's "sickle cell".

    A specialty counts by its best term: the longest one inside the phrase, a little less
    when the phrase is only part of a longer term ("pediatric sickle cell disease" is more
    specific than what was typed). Ties go to the key, alphabetically.
    """
    words = tuple(_words(text))
    phrase = " ".join(words)
    generic = medical_stopwords()
    scores: dict[str, float] = {}
    for key, specialty in lexicon.specialties.items():
        for term in specialty.core_terms:
            term_words = tuple(_words(term))
            if not term_words or all(w in generic for w in term_words):
                continue
            width = len(term_words)
            inside = any(words[i : i + width] == term_words for i in range(len(words) - width + 1))
            around = len(words) > 1 and f" {phrase} " in f" {' '.join(term_words)} "
            score = width if inside else len(words) - 0.5 if around else 0.0
            scores[key] = max(scores.get(key, 0.0), score)
    return tuple(sorted((k for k in scores if scores[k] > 0), key=lambda k: (-scores[k], k)))


def resolve_specialty(
    text: str, lexicon: Lexicon | None = None, *, cutoff: float = DEFAULT_CUTOFF
) -> SpecialtyMatch:
    """Resolve what a user typed to a specialty, forgiving case, punctuation, plurals and typos.

    Order: exact name/key/alias (``"OB/GYN"``, ``"ob-gyn"`` and ``"obgyn"`` are one alias), the
    same after dropping filler words (``"cardiology research fellowship"``), then fuzzy
    similarity of at least ``cutoff`` (``"cardiolgy"``, ``how="typo"``). Abbreviations of four
    letters or fewer (``"GI"``, ``"ID"``, ``"EM"``) only ever match exactly. Then a modifier
    with a specialty (``"sports cardiology"``, ``how="composed"``): the specialty's vocabulary
    in grants that also speak the modifier's. Anything else is a phrase (``how="phrase"``,
    ``is_known=False``): searched as the exact phrase or all its content words (generic words
    such as "disease" never match alone), with the closest specialties as suggestions, those
    whose vocabulary the phrase names first ("sickle cell disease" → Hematology).

    Args:
        text: the specialty as typed.
        lexicon: the vocabulary; the packaged one by default.
        cutoff: minimum fuzzy similarity, 0–100.

    Raises:
        QueryError: ``text`` has no letters or digits, or only generic words, or ``cutoff``
            is outside 0–100.

    Example:
        >>> resolve_specialty("heme/onc").specialty.name
        'Hematology-Oncology'
    """
    if not 0 <= cutoff <= 100:
        raise QueryError(f"cutoff must be between 0 and 100, got {cutoff!r}")
    if not matchkey.tokens(text):
        raise QueryError(
            f"no specialty given (got {text!r})",
            hint="name a specialty, e.g. 'cardiology' or 'OB/GYN'",
        )
    lexicon = lexicon if lexicon is not None else load_lexicon()
    found = _lookup(text, lexicon.specialty_index, _SPECIALTY_FILLER, cutoff)
    names = lexicon.specialties
    if found.key is not None:
        keys = found.ranked[:_N_SUGGESTIONS]
        how = "name" if found.score >= 100 else "typo"
        return SpecialtyMatch(text, names[found.key], found.score,
                              tuple(names[k].name for k in keys), how, keys)  # fmt: skip
    composed = _compose(text, lexicon, cutoff)
    if composed is not None:
        specialty, score = composed
        return SpecialtyMatch(text, specialty, score, (), "composed", ())
    related = _contained(text, lexicon.specialty_index)
    by_words = _dedupe([*related, *_by_vocabulary(text, lexicon)])
    ranked = _dedupe([*by_words, *found.ranked])[:_N_SUGGESTIONS]
    specialty = _phrase_specialty(text, lexicon, related)
    return SpecialtyMatch(text, specialty, found.score, tuple(names[k].name for k in ranked),
                          "phrase", ranked, by_words)  # fmt: skip


def _split_skills(skills: str | Iterable[str]) -> list[str]:
    items = [skills] if isinstance(skills, str) else list(skills)
    pieces: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise QueryError(f"skills must be strings, got {type(item).__name__}")
        pieces.extend(p.strip() for p in _SPLIT_SKILLS_RE.split(item))
    return [p for p in pieces if matchkey.tokens(p)]


def _unknown_skill(text: str) -> Skill:
    words = _words(text)
    return Skill(
        key="_".join(words) or "custom",
        name=" ".join(text.split()),
        aliases=(),
        terms=(" ".join(text.lower().split()),),
        orientation="either",
        is_known=False,
    )


def resolve_skills(
    skills: str | Iterable[str], lexicon: Lexicon | None = None
) -> tuple[Skill, ...]:
    """Resolve an applicant's skills to the vocabulary, keeping unknown ones as typed.

    A string is split on commas, semicolons and newlines (so are the items of an iterable).
    Each piece is matched like a specialty (exact, alias, minus filler words such as
    "experience with", then fuzzy at 85); a piece nobody recognises is tried once more split
    on ``/``, ``&``, ``+`` and "and" (``"R/Python"``), and otherwise kept as an unknown
    :class:`Skill` (``is_known=False``) whose only term is the typed text. Duplicates are
    dropped; order is kept.

    Raises:
        QueryError: an item of the iterable is not a string.

    Example:
        >>> [s.key for s in resolve_skills("qPCR; western blot, R/Python")]
        ['pcr', 'western_blot', 'r_programming', 'python']
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    index = lexicon.skill_index
    resolved: dict[str, Skill] = {}
    for piece in _split_skills(skills):
        found = _lookup(piece, index, _SKILL_FILLER, DEFAULT_CUTOFF)
        if found.key is not None:
            matched = [lexicon.skills[found.key]]
        else:
            parts = [p for p in _SPLIT_COMPOUND_RE.split(piece) if matchkey.tokens(p)]
            lookups = [_lookup(p, index, _SKILL_FILLER, DEFAULT_CUTOFF) for p in parts]
            if len(parts) > 1 and all(lk.key is not None for lk in lookups):
                matched = [lexicon.skills[lk.key] for lk in lookups if lk.key is not None]
            else:
                matched = [_unknown_skill(piece)]
        for skill in matched:
            resolved.setdefault(skill.key, skill)
    return tuple(resolved.values())
