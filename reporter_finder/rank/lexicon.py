"""The specialty and skills vocabularies: their data classes, loading and validation.

NIH grant text rarely names a clinical specialty ("cardiology" is almost absent from cardiology
grants), so ranking searches for each specialty's *vocabulary* instead: diseases, procedures and
phrases as they appear in titles and abstracts. The vocabularies live in package data
(``data/specialties.json`` and ``data/skills.json``) so that clinicians can review and extend them
without touching code; this module loads and validates them into :class:`Specialty` and
:class:`Skill` values. Turning free text such as ``"OB/GYN"``, ``"cardiolgy"`` or
``"R, qPCR; chart review"`` into those values is :mod:`reporter_finder.rank.resolve`.

Example:
    >>> from reporter_finder.rank.lexicon import load_lexicon
    >>> load_lexicon().specialty("cardiology").name
    'Cardiology'
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from reporter_finder.errors import LexiconError, NotFoundError
from reporter_finder.rank.matchkey import Index, build_index, word_set

__all__ = [
    "CATEGORIES",
    "INSTITUTES",
    "ORIENTATIONS",
    "Lexicon",
    "Modifier",
    "Skill",
    "Specialty",
    "load_lexicon",
    "medical_stopwords",
    "medical_synonyms",
]


#: NIH institute and centre abbreviations a specialty may name (``agency_ic_admin.abbreviation``).
INSTITUTES: Final = word_set(
    "NCI NHLBI NIDDK NIAID NIGMS NINDS NIMH NIA NICHD NIDA NIAAA NIAMS NIBIB NIDCR NIDCD "
    "NEI NIEHS NIMHD NINR NHGRI NLM NCCIH NCATS FIC OD"
)
#: Allowed ``category`` values of a specialty.
CATEGORIES: Final = ("medicine", "surgery", "diagnostic", "other")
#: Allowed ``orientation`` values of a skill.
ORIENTATIONS: Final = ("clinical", "basic", "either")

_SPECIALTIES_FILE: Final = "specialties.json"
_SKILLS_FILE: Final = "skills.json"
_STOPWORDS_FILE: Final = "stopwords.txt"
_SYNONYMS_FILE: Final = "synonyms.txt"
_KEY_RE: Final = re.compile(r"^[a-z][a-z0-9_]*$")

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
_MODIFIER_FIELDS: Final = frozenset({"key", "name", "aliases", "terms", "exclude_terms"})
_MODIFIER_OPTIONAL: Final = frozenset({"exclude_terms"})
_SKILL_FIELDS: Final = frozenset(
    {"key", "name", "aliases", "terms", "orientation", "patterns", "examples"}
)
_SKILL_OPTIONAL: Final = frozenset({"patterns", "examples"})
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
        must_match_any: when set, a project must also match one of these terms: the
            vocabulary of a modifier composed with the specialty ("pediatric" in "pediatric
            cardiology" requires children, infants, congenital …).
        must_match_all: when set, a project must match the first core term (the exact
            phrase typed) or every one of these words (its content words).
        word_forms: for each word of ``must_match_all``, the other forms that count as it
            ("artificial intelligence" for "ai", :func:`medical_synonyms`).
        qualifier: display name of the modifier composed with the specialty, or "".
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
    must_match_any: tuple[str, ...] = ()
    must_match_all: tuple[str, ...] = ()
    word_forms: tuple[tuple[str, ...], ...] = ()
    qualifier: str = ""


@dataclass(frozen=True)
class Modifier:
    """A word that narrows a specialty to a population or a setting ("pediatric",
    "geriatric", "sports", "interventional"), and the grant vocabulary that stands for it.

    ``"pediatric cardiology"`` is the intersection of cardiology's vocabulary and this one.

    Attributes:
        key: snake_case identifier, e.g. ``"pediatric"``.
        name: display name, e.g. ``"Pediatric"``.
        aliases: what people type for it (``"peds"``, ``"paediatric"``, ``"child"``).
        terms: grant vocabulary for it (``"children"``, ``"infants"``, ``"congenital"``).
        exclude_terms: false friends of its terms.
    """

    key: str
    name: str
    aliases: tuple[str, ...]
    terms: tuple[str, ...]
    exclude_terms: tuple[str, ...] = ()


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
        patterns: case-sensitive regular expressions for the forms of the text that mean
            the skill, for short or ambiguous names ("R", "SAS", "ML"). When set, they are
            how the skill is found in grant text, instead of ``terms``.
        examples: ``(text, should_match)`` pairs that document the patterns; a test runs
            them.
    """

    key: str
    name: str
    aliases: tuple[str, ...]
    terms: tuple[str, ...]
    orientation: str
    is_known: bool = True
    patterns: tuple[str, ...] = ()
    examples: tuple[tuple[str, bool], ...] = ()


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
        modifiers: key -> :class:`Modifier` ("pediatric", "sports" …), in file order.
        specialty_index, skill_index, modifier_index: every name, key and alias by its match
            key (built here, where the collision check needs them;
            :mod:`~reporter_finder.rank.resolve` looks names up in them).
    """

    specialties: Mapping[str, Specialty]
    skills: Mapping[str, Skill]
    dept_types: frozenset[str]
    modifiers: Mapping[str, Modifier] = field(default_factory=dict)
    specialty_index: Index = field(init=False, repr=False)
    skill_index: Index = field(init=False, repr=False)
    modifier_index: Index = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Copy into read-only views so a caller's dict cannot change the lexicon afterwards.
        object.__setattr__(self, "specialties", MappingProxyType(dict(self.specialties)))
        object.__setattr__(self, "skills", MappingProxyType(dict(self.skills)))
        object.__setattr__(self, "modifiers", MappingProxyType(dict(self.modifiers)))
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
        entries: dict[str, Iterable[Specialty | Skill | Modifier]] = {
            "specialty": self.specialties.values(),
            "skill": self.skills.values(),
            "modifier": self.modifiers.values(),
        }
        for kind, values in entries.items():
            names = ((e.key, (e.key.replace("_", " "), e.name, *e.aliases)) for e in values)
            object.__setattr__(self, f"{kind}_index", build_index(kind, names))

    @property
    def term_owners(self) -> Mapping[str, int]:
        """How many specialties list each term (core or broad): a term several claim says
        less about any one of them."""
        cached = self.__dict__.get("_term_owners")
        if cached is None:
            counts: dict[str, int] = {}
            for specialty in self.specialties.values():
                for term in {*specialty.core_terms, *specialty.broad_terms}:
                    counts[term] = counts.get(term, 0) + 1
            cached = MappingProxyType(counts)
            object.__setattr__(self, "_term_owners", cached)
        return cached

    def specialty(self, key: str) -> Specialty:
        """Return the specialty stored under ``key``.

        Raises:
            NotFoundError: no specialty has that key (also a ``KeyError``); the message
                suggests the closest keys.
                :func:`~reporter_finder.rank.resolve.resolve_specialty` takes free text.

        Example:
            >>> load_lexicon().specialty("cardiology").name
            'Cardiology'
        """
        found = self.specialties.get(key)
        if found is not None:
            return found
        close = difflib.get_close_matches(str(key), list(self.specialties), n=3)
        suggestion = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise NotFoundError(
            f"no specialty with key {key!r}{suggestion}",
            hint="keys are snake_case, e.g. 'cardiology'; resolve_specialty() takes free text",
        )


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
            package = resources.files("reporter_finder.rank")
            resource = package.joinpath("data").joinpath(default_name)
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


def _keyed_entries(
    entries: list[dict[str, Any]], where: str, kind: str
) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``(key, entry, what)`` for each entry of a ``kind`` ("specialty", "modifier", "skill"),
    its fields and unique snake_case key checked."""
    fields, optional = {
        "specialty": (_SPECIALTY_FIELDS, _SPECIALTY_OPTIONAL),
        "modifier": (_MODIFIER_FIELDS, _MODIFIER_OPTIONAL),
        "skill": (_SKILL_FIELDS, _SKILL_OPTIONAL),
    }[kind]
    seen: set[str] = set()
    for position, entry in enumerate(entries):
        what = f"{where}: {kind} #{position + 1} ({entry.get('key')!r})"
        _check_fields(entry, what, fields, optional)
        yield _key(entry, what, seen), entry, what


def _parse_modifiers(data: Any, where: str) -> dict[str, Modifier]:
    entries = data.get("modifiers", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise LexiconError(f"{where}: 'modifiers' must be a list of objects")
    modifiers: dict[str, Modifier] = {}
    for key, entry, what in _keyed_entries(entries, where, "modifier"):
        terms = _strings(entry["terms"], f"{what} terms", lower=True)
        exclude = _strings(
            entry.get("exclude_terms", []), f"{what} exclude_terms", required=False, lower=True
        )
        modifiers[key] = Modifier(
            key=key,
            name=_string(entry["name"], f"{what} name"),
            aliases=_strings(entry["aliases"], f"{what} aliases", required=False),
            terms=terms,
            exclude_terms=exclude,
        )
    return modifiers


def _parse_examples(value: Any, what: str) -> tuple[tuple[str, bool], ...]:
    if not isinstance(value, dict) or set(value) - {"match", "no_match"}:
        raise LexiconError(f"{what} must be an object with 'match' and 'no_match' lists")
    match = _strings(value.get("match", []), f"{what} match", required=False)
    no_match = _strings(value.get("no_match", []), f"{what} no_match", required=False)
    return (*((t, True) for t in match), *((t, False) for t in no_match))


def _parse_patterns(value: Any, what: str) -> tuple[str, ...]:
    patterns = _strings(value, what)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise LexiconError(f"{what}: {pattern!r} is not a regular expression: {exc}") from None
    return patterns


def _parse_specialties(data: Any, where: str) -> tuple[dict[str, Specialty], frozenset[str]]:
    entries = _entries(data, where, "specialties")
    extra = sorted(set(data) - {"specialties", "dept_types", "modifiers"} - _TOP_LEVEL_META)
    if extra:
        raise LexiconError(f"{where}: unknown top-level field(s) {extra}")
    dept_types = frozenset(_strings(data.get("dept_types"), f"{where}: dept_types"))
    specialties: dict[str, Specialty] = {}
    for key, entry, what in _keyed_entries(entries, where, "specialty"):
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
    for key, entry, what in _keyed_entries(entries, where, "skill"):
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
            patterns=(
                _parse_patterns(entry["patterns"], f"{what} patterns")
                if "patterns" in entry
                else ()
            ),
            examples=(
                _parse_examples(entry["examples"], f"{what} examples")
                if "examples" in entry
                else ()
            ),
        )
    return skills


def _load(path: str | Path | None, skills_path: str | Path | None) -> Lexicon:
    specialties_data, specialties_where = _read_json(path, _SPECIALTIES_FILE)
    skills_data, skills_where = _read_json(skills_path, _SKILLS_FILE)
    specialties, dept_types = _parse_specialties(specialties_data, specialties_where)
    modifiers = _parse_modifiers(specialties_data, specialties_where)
    skills = _parse_skills(skills_data, skills_where)
    try:
        return Lexicon(
            specialties=specialties, skills=skills, dept_types=dept_types, modifiers=modifiers
        )
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


def _data_lines(name: str) -> list[str]:
    """The non-empty lines of a packaged text file, comments (``#``) dropped, lower case."""
    where = f"reporter_finder/rank/data/{name}"
    try:
        text = resources.files("reporter_finder.rank").joinpath("data").joinpath(name)
        lines = text.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(f"cannot read {where}: {exc}") from exc
    cleaned = (line.split("#", 1)[0].strip().lower() for line in lines)
    return [line for line in cleaned if line]


@lru_cache(maxsize=1)
def medical_synonyms() -> Mapping[str, tuple[str, ...]]:
    """Short forms a user types and the forms grants spell out ("ai" → "artificial
    intelligence"), from the packaged ``data/synonyms.txt`` (``short = long; other``).

    Raises:
        LexiconError: the file cannot be read or a line is not ``word = form; form``.
    """
    found: dict[str, tuple[str, ...]] = {}
    for line in _data_lines(_SYNONYMS_FILE):
        word, sep, forms = line.partition("=")
        alternatives = tuple(f.strip() for f in forms.split(";") if f.strip())
        if not sep or not word.strip() or not alternatives:
            raise LexiconError(f"{_SYNONYMS_FILE}: {line!r} is not 'word = form; form'")
        found[word.strip()] = alternatives
    return MappingProxyType(found)


@lru_cache(maxsize=1)
def medical_stopwords() -> frozenset[str]:
    """Words too generic to search grant text for on their own ("disease", "care", "study").

    Read from the packaged ``data/stopwords.txt`` (one lower-case word per line, ``#``
    comments), where clinicians can review them.

    Raises:
        LexiconError: the file cannot be read.
    """
    return frozenset(_data_lines(_STOPWORDS_FILE))
