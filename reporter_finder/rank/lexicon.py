"""The specialty and skills vocabularies, and resolution of what a user typed.

NIH grant text rarely names a clinical specialty ("cardiology" is almost absent from cardiology
grants), so ranking searches for each specialty's *vocabulary* instead: diseases, procedures and
phrases as they appear in titles and abstracts. The vocabularies live in package data
(``data/specialties.json`` and ``data/skills.json``) so that clinicians can review and extend them
without touching code; this module loads and validates them and turns free text such as
``"OB/GYN"``, ``"cardiolgy"`` or ``"R, qPCR; chart review"`` into :class:`Specialty` and
:class:`Skill` values.

Example:
    >>> from reporter_finder.rank.lexicon import resolve_specialty, resolve_skills
    >>> resolve_specialty("cards").specialty.key
    'cardiology'
    >>> [skill.key for skill in resolve_skills("R, chart review")]
    ['r_programming', 'chart_review']
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from rapidfuzz.utils import default_process

from reporter_finder.errors import LexiconError, QueryError

__all__ = [
    "CATEGORIES",
    "INSTITUTES",
    "ORIENTATIONS",
    "Lexicon",
    "Skill",
    "Specialty",
    "SpecialtyMatch",
    "load_lexicon",
    "resolve_skills",
    "resolve_specialty",
]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: NIH institute and centre abbreviations a specialty may name (``agency_ic_admin.abbreviation``).
INSTITUTES: Final = _word_set(
    "NCI NHLBI NIDDK NIAID NIGMS NINDS NIMH NIA NICHD NIDA NIAAA NIAMS NIBIB NIDCR NIDCD "
    "NEI NIEHS NIMHD NINR NHGRI NLM NCCIH NCATS FIC OD"
)
#: Allowed ``category`` values of a specialty.
CATEGORIES: Final = ("medicine", "surgery", "diagnostic", "other")
#: Allowed ``orientation`` values of a skill.
ORIENTATIONS: Final = ("clinical", "basic", "either")
#: Default similarity (0–100) a typo must reach to be taken as a known specialty or skill.
DEFAULT_CUTOFF: Final = 85.0

_SPECIALTIES_FILE: Final = "specialties.json"
_SKILLS_FILE: Final = "skills.json"
_KEY_RE: Final = re.compile(r"^[a-z][a-z0-9_]*$")
# Match keys this short ("gi", "id", "em", "im", "ent", "derm") are abbreviations: one wrong
# letter makes a different abbreviation, so they are matched exactly and never fuzzily.
_EXACT_ONLY_MAX_LEN: Final = 4
_N_SUGGESTIONS: Final = 3
_SPLIT_SKILLS_RE: Final = re.compile(r"[,;\n\r]+")
# Second chance for a skill piece nobody recognises: "R/Python", "western blot & qPCR".
_SPLIT_COMPOUND_RE: Final = re.compile(r"\s*(?:/|&|\+|\band\b)\s*", re.IGNORECASE)
# Words people wrap around a specialty ("cardiology research fellowship", "interested in GI").
_SPECIALTY_FILLER: Final = _word_set(
    "a an the in of for on at to into my i im am want would like do go pursue become "
    "interested interest field area specialty speciality subspecialty program programme "
    "training fellowship fellow residency resident research researcher department dept "
    "division year position clinical"
)
# Words people wrap around a skill ("experience with R", "basic knowledge of SPSS").
_SKILL_FILLER: Final = _word_set(
    "a an the in of with on for to using use used experience experienced skill basic "
    "advanced intermediate proficient proficiency knowledge familiar familiarity expertise "
    "expert strong good excellent hand work research technique analysis"
)
# English stop words and words too generic to search grant text for, dropped from the
# vocabulary built for an unknown specialty ("space medicine" searches for "space").
_FALLBACK_DROP: Final = _word_set(
    "a an and or the in of for on at to into with by from my i im am want would like do go "
    "pursue become interested interest field area specialty speciality subspecialty "
    "program programme training fellowship fellow residency resident research researcher "
    "department dept division year position clinical medicine medical health science "
    "sciences study studies care general"
)
_WORD_RE: Final = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

_SPECIALTY_FIELDS: Final = frozenset(
    {
        "key",
        "name",
        "aliases",
        "core_terms",
        "broad_terms",
        "institutes",
        "dept_types",
        "category",
        "exclude_terms",
    }
)
_SPECIALTY_OPTIONAL: Final = frozenset({"exclude_terms"})
_SKILL_FIELDS: Final = frozenset({"key", "name", "aliases", "terms", "orientation"})
_TOP_LEVEL_META: Final = frozenset({"version", "description"})


@dataclass(frozen=True)
class Specialty:
    """A target specialty and the grant vocabulary that stands for it.

    Attributes:
        key: snake_case identifier, e.g. ``"cardiology"``.
        name: display name, e.g. ``"Cardiology"``.
        aliases: what people type for it (``"cards"``, ``"cardio"``).
        core_terms: strong, specific terms as grant text says them (weight 1.0).
        broad_terms: adjacent, weaker terms (weight 0.5).
        institutes: NIH ICs that fund most of it (``"NHLBI"``).
        dept_types: RePORTER ``organization.dept_type`` values that fit it.
        category: ``"medicine"``, ``"surgery"``, ``"diagnostic"`` or ``"other"``.
        exclude_terms: false friends: phrases that contain a term but mean something else
            (``"tumor necrosis factor"`` for oncology).
        is_known: ``False`` for a fallback built from the user's own words.
    """

    key: str
    name: str
    aliases: tuple[str, ...]
    core_terms: tuple[str, ...]
    broad_terms: tuple[str, ...]
    institutes: tuple[str, ...]
    dept_types: tuple[str, ...]
    category: str
    exclude_terms: tuple[str, ...] = ()
    is_known: bool = True


@dataclass(frozen=True)
class Skill:
    """An applicant skill mapped to the words grants use for it.

    Attributes:
        key: snake_case identifier, e.g. ``"chart_review"``.
        name: display name.
        aliases: what applicants write (``"retrospective chart review"``).
        terms: grant vocabulary for it (``"electronic health records"``, ``"registry"``).
        orientation: ``"clinical"``, ``"basic"`` or ``"either"``.
        is_known: ``False`` for a skill not in the vocabulary, used as typed
            (``terms`` is then the typed text and ``orientation`` ``"either"``).
    """

    key: str
    name: str
    aliases: tuple[str, ...]
    terms: tuple[str, ...]
    orientation: str
    is_known: bool = True


@dataclass(frozen=True)
class SpecialtyMatch:
    """What :func:`resolve_specialty` made of a user's text.

    Attributes:
        query: the text as given.
        specialty: the known specialty, or a fallback (``is_known`` False) built from the text.
        score: 100 for an exact name/alias hit; the fuzzy similarity (0–100) otherwise.
        suggestions: names of the closest known specialties, best first. Empty for an exact or
            alias hit; for an unknown specialty, the three closest.
    """

    query: str
    specialty: Specialty
    score: float
    suggestions: tuple[str, ...]

    @property
    def is_known(self) -> bool:
        """Whether the text resolved to a specialty of the lexicon."""
        return self.specialty.is_known


@dataclass(frozen=True)
class _Index:
    """Look-up tables for one vocabulary: exact match keys and the forms worth fuzzing."""

    exact: Mapping[str, str]  # match key -> entry key
    fuzzy: tuple[tuple[str, str], ...]  # (normalised spaced form, entry key)
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (match tokens, entry key), for containment


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The validated specialty and skills vocabularies (immutable).

    Building one checks cross-entry consistency: no name, key or alias of one entry may
    normalise to the same match key as another's, every institute must be a known NIH IC and
    every specialty ``dept_type`` must be listed in ``dept_types``. Violations raise
    :class:`~reporter_finder.errors.LexiconError`.

    Attributes:
        specialties: key -> :class:`Specialty`, in file order.
        skills: key -> :class:`Skill`, in file order.
        dept_types: the RePORTER standard department names the specialties may use.
    """

    specialties: Mapping[str, Specialty]
    skills: Mapping[str, Skill]
    dept_types: frozenset[str]
    _specialty_index: _Index = field(init=False, repr=False)
    _skill_index: _Index = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Copy into read-only views so a caller's dict cannot change the lexicon afterwards.
        object.__setattr__(self, "specialties", MappingProxyType(dict(self.specialties)))
        object.__setattr__(self, "skills", MappingProxyType(dict(self.skills)))
        object.__setattr__(self, "dept_types", frozenset(self.dept_types))
        for key, specialty in self.specialties.items():
            if key != specialty.key:
                raise LexiconError(f"specialty stored under {key!r} has key {specialty.key!r}")
            unknown_ics = sorted(set(specialty.institutes) - INSTITUTES)
            if unknown_ics:
                raise LexiconError(
                    f"specialty {key!r}: unknown NIH institute(s) {unknown_ics}",
                    hint=f"valid institutes: {' '.join(sorted(INSTITUTES))}",
                )
            unknown_depts = sorted(set(specialty.dept_types) - self.dept_types)
            if unknown_depts:
                raise LexiconError(
                    f"specialty {key!r}: unknown dept type(s) {unknown_depts}",
                    hint='add them to the top-level "dept_types" list if they are NIH '
                    "standard department names",
                )
        for key, skill in self.skills.items():
            if key != skill.key:
                raise LexiconError(f"skill stored under {key!r} has key {skill.key!r}")
        object.__setattr__(
            self,
            "_specialty_index",
            _build_index(
                "specialty",
                (
                    (s.key, (s.key.replace("_", " "), s.name, *s.aliases))
                    for s in self.specialties.values()
                ),
            ),
        )
        object.__setattr__(
            self,
            "_skill_index",
            _build_index(
                "skill",
                (
                    (s.key, (s.key.replace("_", " "), s.name, *s.aliases))
                    for s in self.skills.values()
                ),
            ),
        )

    def specialty(self, key: str) -> Specialty:
        """Return the specialty stored under ``key``.

        Raises:
            KeyError: no specialty has that key (use :func:`resolve_specialty` for free text).
        """
        try:
            return self.specialties[key]
        except KeyError:
            raise KeyError(f"no specialty with key {key!r}") from None


# --- normalisation -----------------------------------------------------------------------


def _singular(token: str) -> str:
    # Crude on purpose: applied identically to the vocabulary and to the query, it only has
    # to make "pediatrics"/"pediatric" and "trials"/"trial" meet, not produce real words.
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def _tokens(text: str) -> list[str]:
    """Lower-case alphanumeric tokens, singularised, without "and" (so "&" and "and" agree)."""
    cleaned = default_process(unicodedata.normalize("NFKC", text))
    return [_singular(token) for token in cleaned.split() if token != "and"]


def _match_key(tokens: Iterable[str]) -> str:
    # Joined without spaces so "OB/GYN", "ob-gyn", "ob gyn" and "obgyn" all meet.
    return "".join(tokens)


def _build_index(kind: str, entries: Iterable[tuple[str, Iterable[str]]]) -> _Index:
    exact: dict[str, str] = {}
    origin: dict[str, str] = {}
    fuzzy: list[tuple[str, str]] = []
    phrases: list[tuple[tuple[str, ...], str]] = []
    for key, forms in entries:
        for form in forms:
            tokens = _tokens(form)
            match_key = _match_key(tokens)
            if not match_key:
                raise LexiconError(f"{kind} {key!r}: name or alias {form!r} has no letters")
            owner = exact.get(match_key)
            if owner is not None and owner != key:
                raise LexiconError(
                    f"{kind} alias collision: {form!r} of {key!r} matches "
                    f"{origin[match_key]!r} of {owner!r}",
                    hint="aliases are compared ignoring case, punctuation, spaces and plurals",
                )
            if owner is None:
                exact[match_key] = key
                origin[match_key] = form
                if len(match_key) > _EXACT_ONLY_MAX_LEN:
                    fuzzy.append((" ".join(tokens), key))
                    phrases.append((tuple(tokens), key))
    return _Index(MappingProxyType(exact), tuple(fuzzy), tuple(phrases))


# --- resolution --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Lookup:
    key: str | None  # the entry matched, or None
    score: float  # 100 for exact, the best fuzzy similarity otherwise
    ranked: tuple[str, ...]  # entry keys by closeness, best first (empty for exact hits)


def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if min(len(a), len(b)) <= _EXACT_ONLY_MAX_LEN:
        return 0.0  # short words are abbreviations: no fuzzy matching (see _EXACT_ONLY_MAX_LEN)
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


def _lookup(text: str, index: _Index, filler: frozenset[str], cutoff: float) -> _Lookup:
    tokens = _tokens(text)
    if not tokens:
        return _Lookup(None, 0.0, ())
    candidates = [tokens]
    stripped = [token for token in tokens if token not in filler]
    if stripped and stripped != tokens:
        candidates.append(stripped)
    for candidate in candidates:
        key = index.exact.get(_match_key(candidate))
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
    fuzzable = len(_match_key(candidates[-1])) > _EXACT_ONLY_MAX_LEN
    if best_key is not None and fuzzable and best >= cutoff:
        ranked = (best_key, *(k for k in ranked if k != best_key))
        return _Lookup(best_key, float(best), ranked)
    return _Lookup(None, float(best), ranked)


def _contained(text: str, index: _Index) -> tuple[str, ...]:
    """Entry keys whose name or alias appears as whole words inside ``text``."""
    tokens = _tokens(text)
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


def _fallback_specialty(text: str, lexicon: Lexicon, related: tuple[str, ...]) -> Specialty:
    words = _words(text)
    meaningful = [word for word in words if word not in _FALLBACK_DROP]
    whole = " ".join(words)
    core = _dedupe([whole, " ".join(meaningful), *(w for w in meaningful if len(w) > 2)])
    # A known specialty named inside the phrase ("sports cardiology") lends its core
    # vocabulary as broad terms: the bare words rarely occur in grant text (ranking-notes §5).
    broad = _dedupe(
        term for key in related for term in lexicon.specialties[key].core_terms if term not in core
    )
    exclude = _dedupe(term for key in related for term in lexicon.specialties[key].exclude_terms)
    named = [word for word in words if word not in _SPECIALTY_FILLER]
    return Specialty(
        key="_".join(named or words) or "custom",
        name=" ".join(text.split()),
        aliases=(),
        core_terms=core,
        broad_terms=broad,
        institutes=(),
        dept_types=(),
        category="other",
        exclude_terms=exclude,
        is_known=False,
    )


def resolve_specialty(
    text: str, lexicon: Lexicon | None = None, *, cutoff: float = DEFAULT_CUTOFF
) -> SpecialtyMatch:
    """Resolve what a user typed to a specialty, forgiving case, punctuation, plurals and typos.

    Order: exact name/key/alias (``"OB/GYN"``, ``"ob-gyn"`` and ``"obgyn"`` are one alias), the
    same after dropping filler words (``"cardiology research fellowship"``), then fuzzy
    similarity of at least ``cutoff`` (``"cardiolgy"``). Abbreviations of four letters or fewer
    (``"GI"``, ``"ID"``, ``"EM"``) only ever match exactly. Anything else becomes a fallback
    :class:`Specialty` with ``is_known=False`` whose core terms are the user's own words
    (stop words removed) and whose suggestions are the three closest known specialties.

    Args:
        text: the specialty as typed.
        lexicon: the vocabulary; the packaged one by default.
        cutoff: minimum fuzzy similarity, 0–100.

    Raises:
        QueryError: ``text`` has no letters or digits, or ``cutoff`` is outside 0–100.

    Example:
        >>> resolve_specialty("heme/onc").specialty.name
        'Hematology-Oncology'
    """
    if not 0 <= cutoff <= 100:
        raise QueryError(f"cutoff must be between 0 and 100, got {cutoff!r}")
    if not _tokens(text):
        raise QueryError(
            f"no specialty given (got {text!r})",
            hint="name a specialty, e.g. 'cardiology' or 'OB/GYN'",
        )
    lexicon = lexicon if lexicon is not None else load_lexicon()
    found = _lookup(text, lexicon._specialty_index, _SPECIALTY_FILLER, cutoff)
    names = lexicon.specialties
    if found.key is not None:
        suggestions = tuple(names[k].name for k in found.ranked[:_N_SUGGESTIONS])
        return SpecialtyMatch(text, names[found.key], found.score, suggestions)
    related = _contained(text, lexicon._specialty_index)
    ranked = (*related, *(k for k in found.ranked if k not in related))
    suggestions = tuple(names[k].name for k in ranked[:_N_SUGGESTIONS])
    specialty = _fallback_specialty(text, lexicon, related)
    return SpecialtyMatch(text, specialty, found.score, suggestions)


def _split_skills(skills: str | Iterable[str]) -> list[str]:
    items = [skills] if isinstance(skills, str) else list(skills)
    pieces: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise QueryError(f"skills must be strings, got {type(item).__name__}")
        pieces.extend(p.strip() for p in _SPLIT_SKILLS_RE.split(item))
    return [p for p in pieces if _tokens(p)]


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
    index = lexicon._skill_index
    resolved: dict[str, Skill] = {}
    for piece in _split_skills(skills):
        found = _lookup(piece, index, _SKILL_FILLER, DEFAULT_CUTOFF)
        if found.key is not None:
            matched = [lexicon.skills[found.key]]
        else:
            parts = [p for p in _SPLIT_COMPOUND_RE.split(piece) if _tokens(p)]
            lookups = [_lookup(p, index, _SKILL_FILLER, DEFAULT_CUTOFF) for p in parts]
            if len(parts) > 1 and all(lk.key is not None for lk in lookups):
                matched = [lexicon.skills[lk.key] for lk in lookups if lk.key is not None]
            else:
                matched = [_unknown_skill(piece)]
        for skill in matched:
            resolved.setdefault(skill.key, skill)
    return tuple(resolved.values())


# --- loading and validation --------------------------------------------------------------


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads silently keeps the last of two equal keys; in a hand-edited file that is
    # almost always a mistake, so make it loud.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise LexiconError(f"duplicate JSON key {key!r}")
        result[key] = value
    return result


def _read_json(source: str | Path | None, default_name: str) -> tuple[Any, str]:
    try:
        if source is None:
            where = f"reporter_finder/rank/data/{default_name}"
            resource = resources.files("reporter_finder.rank").joinpath("data", default_name)
            text = resource.read_text(encoding="utf-8")
        else:
            where = str(source)
            text = Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"cannot read vocabulary file {where}: {exc}") from exc
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicate_keys), where
    except LexiconError as exc:
        raise LexiconError(f"{where}: {exc.message}") from None
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{where} is not valid JSON: {exc}") from exc


def _string(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{what} must be a non-empty string, got {value!r}")
    return value.strip()


def _strings(
    value: Any, what: str, *, required: bool = True, lower: bool = False
) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise LexiconError(f"{what} must be a list of strings, got {type(value).__name__}")
    items = tuple(_string(item, f"each of {what}") for item in value)
    if required and not items:
        raise LexiconError(f"{what} must not be empty")
    if lower:
        upper = [item for item in items if item != item.lower()]
        if upper:
            raise LexiconError(f"{what} must be lower-case: {upper}")
    duplicates = sorted({item for item in items if items.count(item) > 1})
    if duplicates:
        raise LexiconError(f"{what} lists {duplicates} more than once")
    return items


def _entries(data: Any, where: str, list_name: str) -> list[dict[str, Any]]:
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: the top level must be a JSON object")
    entries = data.get(list_name)
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{where}: {list_name!r} must be a non-empty list")
    if not all(isinstance(entry, dict) for entry in entries):
        raise LexiconError(f"{where}: every item of {list_name!r} must be an object")
    return entries


def _check_fields(
    entry: dict[str, Any], what: str, allowed: frozenset[str], optional: frozenset[str]
) -> None:
    missing = sorted(allowed - optional - set(entry))
    extra = sorted(set(entry) - allowed)
    if missing:
        raise LexiconError(f"{what}: missing field(s) {missing}")
    if extra:
        raise LexiconError(f"{what}: unknown field(s) {extra}", hint=f"allowed: {sorted(allowed)}")


def _key(entry: dict[str, Any], what: str, seen: set[str]) -> str:
    key = _string(entry.get("key"), f"{what} key")
    if not _KEY_RE.match(key):
        raise LexiconError(f"{what}: key {key!r} must be snake_case")
    if key in seen:
        raise LexiconError(f"{what}: duplicate key {key!r}")
    seen.add(key)
    return key


def _parse_specialties(data: Any, where: str) -> tuple[dict[str, Specialty], frozenset[str]]:
    entries = _entries(data, where, "specialties")
    extra = sorted(set(data) - {"specialties", "dept_types"} - _TOP_LEVEL_META)
    if extra:
        raise LexiconError(f"{where}: unknown top-level field(s) {extra}")
    dept_types = frozenset(_strings(data.get("dept_types"), f"{where}: dept_types"))
    specialties: dict[str, Specialty] = {}
    seen: set[str] = set()
    for position, entry in enumerate(entries):
        what = f"{where}: specialty #{position + 1} ({entry.get('key')!r})"
        _check_fields(entry, what, _SPECIALTY_FIELDS, _SPECIALTY_OPTIONAL)
        key = _key(entry, what, seen)
        core = _strings(entry["core_terms"], f"{what} core_terms", lower=True)
        broad = _strings(entry["broad_terms"], f"{what} broad_terms", lower=True)
        exclude = _strings(
            entry.get("exclude_terms", []), f"{what} exclude_terms", required=False, lower=True
        )
        both = sorted(set(core) & set(broad))
        if both:
            raise LexiconError(f"{what}: {both} listed as both core and broad terms")
        clashing = sorted(set(exclude) & (set(core) | set(broad)))
        if clashing:
            raise LexiconError(f"{what}: {clashing} listed both as terms and as exclude_terms")
        category = _string(entry["category"], f"{what} category")
        if category not in CATEGORIES:
            raise LexiconError(f"{what}: category {category!r} is not one of {list(CATEGORIES)}")
        specialties[key] = Specialty(
            key=key,
            name=_string(entry["name"], f"{what} name"),
            aliases=_strings(entry["aliases"], f"{what} aliases", required=False),
            core_terms=core,
            broad_terms=broad,
            institutes=_strings(entry["institutes"], f"{what} institutes"),
            dept_types=_strings(entry["dept_types"], f"{what} dept_types"),
            category=category,
            exclude_terms=exclude,
        )
    return specialties, dept_types


def _parse_skills(data: Any, where: str) -> dict[str, Skill]:
    entries = _entries(data, where, "skills")
    extra = sorted(set(data) - {"skills"} - _TOP_LEVEL_META)
    if extra:
        raise LexiconError(f"{where}: unknown top-level field(s) {extra}")
    skills: dict[str, Skill] = {}
    seen: set[str] = set()
    for position, entry in enumerate(entries):
        what = f"{where}: skill #{position + 1} ({entry.get('key')!r})"
        _check_fields(entry, what, _SKILL_FIELDS, frozenset())
        key = _key(entry, what, seen)
        orientation = _string(entry["orientation"], f"{what} orientation")
        if orientation not in ORIENTATIONS:
            raise LexiconError(
                f"{what}: orientation {orientation!r} is not one of {list(ORIENTATIONS)}"
            )
        skills[key] = Skill(
            key=key,
            name=_string(entry["name"], f"{what} name"),
            aliases=_strings(entry["aliases"], f"{what} aliases", required=False),
            terms=_strings(entry["terms"], f"{what} terms", lower=True),
            orientation=orientation,
        )
    return skills


def _load(path: str | Path | None, skills_path: str | Path | None) -> Lexicon:
    specialties_data, specialties_where = _read_json(path, _SPECIALTIES_FILE)
    skills_data, skills_where = _read_json(skills_path, _SKILLS_FILE)
    specialties, dept_types = _parse_specialties(specialties_data, specialties_where)
    skills = _parse_skills(skills_data, skills_where)
    try:
        return Lexicon(specialties=specialties, skills=skills, dept_types=dept_types)
    except LexiconError as exc:
        # Cross-entry checks run in Lexicon, which does not know the files; name them here.
        raise LexiconError(
            f"{specialties_where} + {skills_where}: {exc.message}", hint=exc.hint
        ) from None


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return _load(None, None)


def load_lexicon(path: str | Path | None = None, skills_path: str | Path | None = None) -> Lexicon:
    """Load and validate the specialty and skills vocabularies.

    Args:
        path: a ``specialties.json`` to use instead of the packaged one.
        skills_path: a ``skills.json`` to use instead of the packaged one.

    The packaged vocabulary (both arguments ``None``) is read once and cached; the returned
    :class:`Lexicon` is immutable, so sharing it is safe. Custom files are read on every call.

    Raises:
        LexiconError: a file is missing, is not JSON, or breaks a rule (duplicate key or alias,
            unknown institute or department type, empty term list, unknown field, ...).
    """
    if path is None and skills_path is None:
        return _default_lexicon()
    return _load(path, skills_path)
