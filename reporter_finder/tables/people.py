"""Person names: the one owner of how reporter_finder reads, cases and keys people.

RePORTER sends names in capitals, lower case or mixed case, split into parts or as one
``"LAST, FIRST M"`` string, with particles ("de la Cruz") and suffixes ("Jr"). Everything that
turns such a name into a display name, a sort name, a matching key or a PI key lives here, so
the tables, the ranking and the e-mail drafts cannot disagree about a person. Finding a PI
by a name someone typed is :mod:`reporter_finder.tables.lookup`'s.

PI key rule
    ``pi_key`` is ``str(profile_id)`` when the record gives a profile id. Otherwise (older
    captures, bulk files, ``include_fields`` responses with only ``contact_pi_name``) it is
    ``"name:<last>|<first initial>|<org>"`` where each part is folded by :func:`fold_name`.
    Spellings of one person within one organisation and first initial are merged when their
    folded "first last" names have a rapidfuzz ``token_sort_ratio`` of at least
    :data:`NAME_MERGE_SCORE` (the most frequent spelling names the key). If two different
    people still end up with the same key (John and Jane Smith at one organisation), each of
    their keys gains ``"|<first name>"``. Name keys are never merged into profile-id keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from reporter_finder.tables.clean import is_mapping, to_int

__all__ = [
    "NAME_MERGE_SCORE",
    "PARTICLES",
    "SUFFIXES",
    "PiEntry",
    "case_name_part",
    "fold_name",
    "name_keys",
    "officer_names",
    "person_names",
    "pi_entries",
    "pretty_title",
    "sort_name_parts",
    "split_full_name",
]

#: Two names of one person (same organisation and first initial) merge at this score.
NAME_MERGE_SCORE = 92.0

#: Surname particles ("de la Cruz"), lower-case, kept in lower case inside a name.
PARTICLES = frozenset(
    {
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "y",
    }
)
_ROMAN = frozenset({"ii", "iii", "iv", "vi", "vii"})
#: Name suffixes ("Jr", "III"), folded.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_AFTER_SEPARATOR = re.compile(r"(^|[-./])(\w)")
_ELISION = re.compile(r"^(\w)(['’])(\w)")
_MC = re.compile(r"(^|-)Mc(\w)")

# --- casing ------------------------------------------------------------------------------------


def _cap_token(token: str) -> str:
    low = token.lower()
    if low in _ROMAN:
        return token.upper()
    out = _AFTER_SEPARATOR.sub(lambda m: m.group(1) + m.group(2).upper(), low)
    out = _ELISION.sub(lambda m: m.group(1).upper() + m.group(2) + m.group(3).upper(), out)
    return _MC.sub(lambda m: m.group(1) + "Mc" + m.group(2).upper(), out)


def case_name_part(part: str, *, first_of_name: bool) -> str:
    """Capitalise the words of a name that arrived all upper or all lower case.

    Words already in mixed case ("DiGiovanna", "McDonald", "Titus") are kept as sent;
    particles ("de", "van") stay lower case unless they open the name (``first_of_name``).
    Also used for place names sent in capitals ("NOTRE DAME" → "Notre Dame").
    """
    words = part.split(" ")
    out = []
    for i, word in enumerate(words):
        if word != word.upper() and word != word.lower():
            out.append(word)
        elif word.lower() in PARTICLES and not (first_of_name and i == 0) and i < len(words) - 1:
            out.append(word.lower())
        else:
            out.append(_cap_token(word))
    return " ".join(out)


@lru_cache(maxsize=65536)
def person_names(first: str, middle: str, last: str) -> tuple[str | None, str | None]:
    """``("Ana M Rivera", "RIVERA, ANA M")`` from cleaned name parts (any may be "")."""
    parts = [
        case_name_part(p, first_of_name=(i == 0)) for i, p in enumerate((first, middle, last)) if p
    ]
    if not parts:
        return None, None
    given = " ".join(p for p in (first, middle) if p).upper()
    sort_name = f"{last.upper()}, {given}" if last and given else (last or given).upper()
    return " ".join(parts), sort_name


def split_full_name(full: str) -> tuple[str, str, str]:
    """(first, middle, last) from "LAST, FIRST M" or "First M Last"."""
    if "," in full:
        last, _, given = full.partition(",")
        tokens = given.split()
        last = last.strip()
    else:
        tokens = full.split()
        last = tokens.pop() if tokens else ""
        if last.lower().rstrip(".") in SUFFIXES and len(tokens) > 1:
            last = f"{tokens.pop()} {last}"
        # "Maria de la Cruz": particles before the surname belong to it.
        while len(tokens) > 1 and tokens[-1].lower() in PARTICLES:
            last = f"{tokens.pop()} {last}"
    first = tokens[0] if tokens else ""
    return first, " ".join(tokens[1:]), last


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """Case-folded, accent-free, letters/digits and single spaces: for keys and matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+|_", " ", stripped).split())


_TITLE_SMALL = frozenset({"of", "and", "in", "for", "the", "at", "to", "on", "&"})
_TITLE_UPPER = frozenset(
    {"pi", "pd", "pd/pi", "md", "dvm", "mph", "rn", "nih", "va", "us", "usa", "hhmi", "ai"}
)


@lru_cache(maxsize=4096)
def pretty_title(title: str) -> str:
    """ "ASSOCIATE PROFESSOR OF MEDICINE" → "Associate Professor of Medicine"; mixed case kept."""
    if title != title.upper():
        return title
    words = []
    for i, word in enumerate(title.lower().split(" ")):
        bare = word.strip(",;:()")
        if bare in _TITLE_UPPER:
            words.append(word.upper())
        elif bare == "phd":
            words.append(word.replace("phd", "PhD"))
        elif i and bare in _TITLE_SMALL:
            words.append(word)
        else:
            words.append(_AFTER_SEPARATOR.sub(lambda m: m.group(1) + m.group(2).upper(), word))
    return " ".join(words)


# --- people on a record ------------------------------------------------------------------------

#: (profile_id, first, middle, last, title, is_contact) of one PI of one record.
PiEntry = tuple[int | None, str, str, str, str | None, bool]


def _name_parts(person: Mapping[str, Any], clean: Callable[[Any], Any]) -> tuple[str, str, str]:
    first = clean(person.get("first_name")) or ""
    middle = clean(person.get("middle_name")) or ""
    last = clean(person.get("last_name")) or ""
    if not (first or last):
        first, middle, last = split_full_name(clean(person.get("full_name")) or "")
    return first, middle, last


def pi_entries(rec: Mapping[str, Any], clean: Callable[[Any], Any]) -> list[PiEntry]:
    """The PIs of one record, contact first, no repeats; ``clean`` cleans each text field."""
    raw = rec.get("principal_investigators")
    people = [p for p in raw if is_mapping(p)] if type(raw) is list else []
    entries: list[PiEntry] = []
    if not people:
        # include_fields responses often carry only "LAST, FIRST M " for the contact PI.
        contact = clean(rec.get("contact_pi_name"))
        if contact:
            first, middle, last = split_full_name(contact)
            entries.append((None, first, middle, last, None, True))
        return entries
    seen: set[Any] = set()
    for person in people:
        profile_id = to_int(person.get("profile_id"))
        first, middle, last = _name_parts(person, clean)
        if not (first or last or profile_id is not None):
            continue
        marker = profile_id if profile_id is not None else (first.casefold(), last.casefold())
        if marker in seen:
            continue
        seen.add(marker)
        is_contact = person.get("is_contact_pi") is True
        entries.append((profile_id, first, middle, last, clean(person.get("title")), is_contact))
    if len(entries) == 1 and not entries[0][5]:
        # A lone PI is the contact PI even where older records leave the flag unset.
        entries[0] = (*entries[0][:5], True)
    entries.sort(key=lambda e: not e[5])  # stable: contact first, the rest in API order
    return entries


def officer_names(value: Any, clean: Callable[[Any], Any]) -> list[str]:
    """Display names of a record's ``program_officers``, distinct, in API order."""
    names: list[str] = []
    if type(value) is not list:
        return names
    for officer in value:
        if not is_mapping(officer):
            continue
        display = person_names(*_name_parts(officer, clean))[0]
        if display and display not in names:
            names.append(display)
    return names


_Variant = tuple[str, str, str, str]  # (first initial, org, first, last), all folded


def _canonical_variants(variants: Counter[_Variant]) -> dict[_Variant, _Variant]:
    """Each spelling → the spelling that names its cluster (see the module docstring)."""
    groups: dict[tuple[str, str], list[_Variant]] = {}
    # Most frequent spelling first, so it becomes the canonical name of its cluster.
    for variant, _count in sorted(variants.items(), key=lambda item: (-item[1], item[0])):
        groups.setdefault(variant[:2], []).append(variant)
    canonical: dict[_Variant, _Variant] = {}
    for members in groups.values():
        heads: list[_Variant] = []
        for variant in members:
            name = f"{variant[2]} {variant[3]}"
            scores = [fuzz.token_sort_ratio(name, f"{h[2]} {h[3]}", processor=None) for h in heads]
            best = int(np.argmax(scores)) if scores else -1
            if best >= 0 and scores[best] >= NAME_MERGE_SCORE:
                canonical[variant] = heads[best]
            else:
                heads.append(variant)
                canonical[variant] = variant
    return canonical


def name_keys(people: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
    """PI keys for people without a profile id: (first, last, org) → "name:last|i|org"."""
    variants: Counter[_Variant] = Counter()
    raw_to_variant: dict[tuple[str, str, str], _Variant] = {}
    for person in people:
        first, last, org = (fold_name(part) for part in person)
        variant = (first[:1], org, first, last)
        raw_to_variant[person] = variant
        variants[variant] += 1
    canonical = _canonical_variants(variants)
    base = {head: f"name:{head[3]}|{head[0]}|{head[1]}" for head in set(canonical.values())}
    clashes = Counter(base.values())
    keys = {head: (key if clashes[key] == 1 else f"{key}|{head[2]}") for head, key in base.items()}
    return {person: keys[canonical[variant]] for person, variant in raw_to_variant.items()}


def sort_name_parts(sort_name: object) -> tuple[str, str, str]:
    """(first, middle, last) from a ``sort_name`` such as "RIVERA, ANA M" ("" when missing)."""
    last, _, given = str(sort_name or "").partition(",")
    words = given.split()
    return (words[0] if words else "", " ".join(words[1:]), last.strip())
