"""Raw RePORTER project records → the four pandas tables users work with.

``projects`` (one row per ``appl_id``), ``grants`` (one row per ``core_project_num``),
``pis`` (one row per PI) and ``pi_grants`` (one row per PI and ``appl_id``). The schemas live
in :mod:`reporter_finder.schema`; every builder returns exactly those columns, in that order,
with those dtypes, also for empty input. Everything here is pure except :func:`load_records`.

PI key rule
    ``pi_key`` is ``str(profile_id)`` when the record gives a profile id. Otherwise (older
    captures, bulk files, ``include_fields`` responses with only ``contact_pi_name``) it is
    ``"name:<last>|<first initial>|<org>"`` where each part is case-folded, accent-stripped
    and reduced to letters, digits and single spaces. Spellings of one person within one
    organisation and first initial are merged when their normalised "first last" names have
    a rapidfuzz ``token_sort_ratio`` of at least 92 (the most frequent spelling names the
    key). If two different people still end up with the same key (John and Jane Smith at one
    organisation), each of their keys gains ``"|<first name>"``. Name keys are never merged
    into profile-id keys.

Active
    ``grants.is_active`` is computed, not copied: the grant's latest ``project_end_date`` is on
    or after ``as_of`` (default: today). ``projects.is_active`` is the API's own flag.
"""

from __future__ import annotations

import gc
import html
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from reporter_finder.api.limits import PROJECT_URL_TEMPLATE
from reporter_finder.dates import DAYS_PER_MONTH, api_date_text
from reporter_finder.errors import DataFormatError
from reporter_finder.schema import (
    GRANT_COLUMNS,
    PI_COLUMNS,
    PI_GRANT_COLUMNS,
    PROJECT_COLUMNS,
    empty_frame,
    frame,
)

__all__ = [
    "Tables",
    "build_tables",
    "find_pi",
    "grants_table",
    "load_records",
    "pi_grants_table",
    "pis_table",
    "projects_table",
]

#: Two names of one person (same organisation and first initial) merge at this score.
NAME_MERGE_SCORE = 92.0
#: Average month length used for ``months_left``.

# --- scalar coercion -----------------------------------------------------------------------

_PLACEHOLDERS = frozenset({"", "no text", "none", "null", "n/a"})
_WS = re.compile(r"\s+")
# type digit, activity code, IC, serial, then support year and suffix (A1 amendment, S1 supplement)
_PROJECT_NUM = re.compile(
    r"^(?P<type>[1-9])?(?P<activity>[A-Z][A-Z0-9]{2})(?P<ic>[A-Z]{2})(?P<serial>\d{6})"
    r"(?:-(?P<year>\d{2})(?P<suffix>[A-Z0-9]*))?$"
)
_SUPPLEMENT_SUFFIX = re.compile(r"S\d")
_MISSING = object()


def _is_mapping(value: Any) -> bool:
    # The exact-type test first: isinstance against an ABC is slow in a 100,000-record loop.
    return type(value) is dict or isinstance(value, Mapping)


def _to_int(value: Any) -> int | None:
    """An id or year from int, float or numeric string; anything else is missing."""
    if type(value) is int:
        return value
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit() and text.isascii():
            return int(text)
        try:
            number = float(text)
        except ValueError:
            return None
        return int(number) if math.isfinite(number) and number.is_integer() else None
    return None


def _to_float(value: Any) -> float | None:
    if type(value) is float:
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", ""))
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _to_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return {"true": True, "false": False, "y": True, "n": False}.get(value.strip().lower())
    if isinstance(value, int):
        return bool(value) if value in (0, 1) else None
    return None


def _clean_text(value: Any, *, collapse: bool = True) -> str | None:
    """Unescape HTML, NFKC-normalise and strip; placeholders ("", "No Text") become None.

    ``collapse`` folds inner whitespace runs to one space (names, titles); long texts keep
    their line breaks.
    """
    if type(value) is str:
        text = value
    elif value is None or isinstance(value, bool):
        return None
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        text = str(value)
    elif isinstance(value, str):
        text = str(value)
    else:
        return None
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    # isprintable() is False for every whitespace but " " (after NFKC): skip the regex if clean.
    if collapse and ("  " in text or not text.isprintable()):
        text = _WS.sub(" ", text)
    text = text.strip()
    if len(text) <= 7 and text.casefold() in _PLACEHOLDERS:
        return None
    return text


def _pref_terms(value: Any) -> str | None:
    # Unescape before splitting: "&apos;" itself contains the ";" separator.
    text = _clean_text(value)
    if text is None:
        return None
    terms = [t.strip() for t in text.split(";")]
    joined = "; ".join(t for t in terms if t)
    return joined or None


def _get(mapping: Any, key: str) -> Any:
    return mapping.get(key) if _is_mapping(mapping) else None


def _memoised(function: Any) -> Any:
    """``function`` with a per-build memo for string arguments.

    Names, organisations, cities, codes and dates repeat across thousands of records; long
    texts (abstracts) are not memoised.
    """
    memo: dict[str, Any] = {}

    def call(value: Any) -> Any:
        if type(value) is str:
            result = memo.get(value, _MISSING)
            if result is _MISSING:
                result = memo[value] = function(value)
            return result
        return function(value)

    return call


# --- names -----------------------------------------------------------------------------------

_PARTICLES = frozenset(
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
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_AFTER_SEPARATOR = re.compile(r"(^|[-./])(\w)")
_ELISION = re.compile(r"^(\w)(['’])(\w)")
_MC = re.compile(r"(^|-)Mc(\w)")


def _cap_token(token: str) -> str:
    low = token.lower()
    if low in _ROMAN:
        return token.upper()
    out = _AFTER_SEPARATOR.sub(lambda m: m.group(1) + m.group(2).upper(), low)
    out = _ELISION.sub(lambda m: m.group(1).upper() + m.group(2) + m.group(3).upper(), out)
    return _MC.sub(lambda m: m.group(1) + "Mc" + m.group(2).upper(), out)


def _case_name_part(part: str, *, first_of_name: bool) -> str:
    """Capitalise the words of a name that arrived all upper or all lower case.

    Words already in mixed case ("DiGiovanna", "McDonald", "Titus") are kept as sent.
    """
    words = part.split(" ")
    out = []
    for i, word in enumerate(words):
        if word != word.upper() and word != word.lower():
            out.append(word)
        elif word.lower() in _PARTICLES and not (first_of_name and i == 0) and i < len(words) - 1:
            out.append(word.lower())
        else:
            out.append(_cap_token(word))
    return " ".join(out)


@lru_cache(maxsize=65536)
def _person_names(first: str, middle: str, last: str) -> tuple[str | None, str | None]:
    """``("Ana M Rivera", "RIVERA, ANA M")`` from cleaned name parts (any may be "")."""
    parts = [
        _case_name_part(p, first_of_name=(i == 0)) for i, p in enumerate((first, middle, last)) if p
    ]
    if not parts:
        return None, None
    given = " ".join(p for p in (first, middle) if p).upper()
    sort_name = f"{last.upper()}, {given}" if last and given else (last or given).upper()
    return " ".join(parts), sort_name


def _split_full_name(full: str) -> tuple[str, str, str]:
    """(first, middle, last) from "LAST, FIRST M" or "First M Last"."""
    if "," in full:
        last, _, given = full.partition(",")
        tokens = given.split()
        last = last.strip()
    else:
        tokens = full.split()
        last = tokens.pop() if tokens else ""
        if last.lower().rstrip(".") in _SUFFIXES and len(tokens) > 1:
            last = f"{tokens.pop()} {last}"
        # "Maria de la Cruz": particles before the surname belong to it.
        while len(tokens) > 1 and tokens[-1].lower() in _PARTICLES:
            last = f"{tokens.pop()} {last}"
    first = tokens[0] if tokens else ""
    return first, " ".join(tokens[1:]), last


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """Case-folded, accent-free, letters/digits and single spaces: for keys and matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+|_", " ", stripped).split())


_TITLE_SMALL = frozenset({"of", "and", "in", "for", "the", "at", "to", "on", "&"})
_TITLE_UPPER = frozenset(
    {"pi", "pd", "pd/pi", "md", "dvm", "mph", "rn", "nih", "va", "us", "usa", "hhmi", "ai"}
)


@lru_cache(maxsize=4096)
def _pretty_title(title: str) -> str:
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


# --- flattening --------------------------------------------------------------------------------


def _record_key(rec: Mapping[str, Any], index: int) -> int | tuple[Any, ...]:
    appl_id = _to_int(rec.get("appl_id"))
    if appl_id is not None:
        return appl_id  # a bare int: 100,000 tuples here would wake the garbage collector
    # include_fields responses may lack appl_id: one fiscal-year record is then identified
    # by its full project number, fiscal year and subproject.
    project_num = _clean_text(rec.get("project_num"))
    if project_num:
        fiscal_year, subproject = _to_int(rec.get("fiscal_year")), _to_int(rec.get("subproject_id"))
        return ("num", project_num, fiscal_year, subproject)
    return ("row", index)


def _completeness(rec: Mapping[str, Any]) -> int:
    return sum(1 for v in rec.values() if v is not None and v != "" and v != [])


def _dedupe(records: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One record per key: the most complete one, the later one on ties (a newer capture)."""
    chosen: dict[int | tuple[Any, ...], int] = {}
    for index, rec in enumerate(records):
        key = _record_key(rec, index)
        previous = chosen.get(key)
        if previous is None or _completeness(rec) >= _completeness(records[previous]):
            chosen[key] = index
    return [records[i] for i in sorted(chosen.values())]


def _as_records(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    out = list(records)
    for index, rec in enumerate(out):
        if not isinstance(rec, Mapping):
            raise DataFormatError(
                f"record {index} is a {type(rec).__name__}, not a RePORTER project record (dict)",
                hint="pass the 'results' list of a projects/search response, or use load_records()",
            )
    return out


_PiEntry = tuple[int | None, str, str, str, str | None, bool]


def _pi_entries(rec: Mapping[str, Any], clean: Any) -> list[_PiEntry]:
    """(profile_id, first, middle, last, title, is_contact) per PI, contact first, no repeats."""
    raw = rec.get("principal_investigators")
    people = [p for p in raw if _is_mapping(p)] if type(raw) is list else []
    entries: list[_PiEntry] = []
    if not people:
        # include_fields responses often carry only "LAST, FIRST M " for the contact PI.
        contact = clean(rec.get("contact_pi_name"))
        if contact:
            first, middle, last = _split_full_name(contact)
            entries.append((None, first, middle, last, None, True))
        return entries
    seen: set[Any] = set()
    for person in people:
        profile_id = _to_int(person.get("profile_id"))
        first = clean(person.get("first_name")) or ""
        middle = clean(person.get("middle_name")) or ""
        last = clean(person.get("last_name")) or ""
        if not (first or last):
            first, middle, last = _split_full_name(clean(person.get("full_name")) or "")
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


def _officer_names(value: Any, clean: Any) -> list[str]:
    names: list[str] = []
    if type(value) is not list:
        return names
    for officer in value:
        if not _is_mapping(officer):
            continue
        first = clean(officer.get("first_name")) or ""
        middle = clean(officer.get("middle_name")) or ""
        last = clean(officer.get("last_name")) or ""
        if not (first or last):
            first, middle, last = _split_full_name(clean(officer.get("full_name")) or "")
        display = _person_names(first, middle, last)[0]
        if display and display not in names:
            names.append(display)
    return names


def _name_keys(people: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
    """PI keys for people without a profile id: (first, last, org) → "name:last|i|org"."""
    variants: Counter[tuple[str, str, str, str]] = Counter()  # (initial, org, first, last)
    raw_to_variant: dict[tuple[str, str, str], tuple[str, str, str, str]] = {}
    for person in people:
        first, last, org = (_norm(part) for part in person)
        variant = (first[:1], org, first, last)
        raw_to_variant[person] = variant
        variants[variant] += 1
    groups: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}
    # Most frequent spelling first, so it becomes the canonical name of its cluster.
    for variant, _count in sorted(variants.items(), key=lambda item: (-item[1], item[0])):
        groups.setdefault(variant[:2], []).append(variant)
    canonical: dict[tuple[str, str, str, str], tuple[str, str, str, str]] = {}
    for members in groups.values():
        heads: list[tuple[str, str, str, str]] = []
        for variant in members:
            name = f"{variant[2]} {variant[3]}"
            scores = [fuzz.token_sort_ratio(name, f"{h[2]} {h[3]}", processor=None) for h in heads]
            best = int(np.argmax(scores)) if scores else -1
            if best >= 0 and scores[best] >= NAME_MERGE_SCORE:
                canonical[variant] = heads[best]
            else:
                heads.append(variant)
                canonical[variant] = variant
    base = {head: f"name:{head[3]}|{head[0]}|{head[1]}" for head in set(canonical.values())}
    clashes = Counter(base.values())
    keys = {head: (key if clashes[key] == 1 else f"{key}|{head[2]}") for head, key in base.items()}
    return {person: keys[canonical[variant]] for person, variant in raw_to_variant.items()}


_NONE_TYPE = type(None)


def _map_column(values: list[Any], function: Any) -> list[Any]:
    """``function`` over a column, once per distinct value when the column is all str/None.

    Names, organisations, codes and dates repeat across thousands of records. Columns with
    other types (type drift) take the slow path, so ``1`` and ``True`` never share a result.
    """
    if set(map(type, values)) <= {str, _NONE_TYPE}:
        mapping = {value: function(value) for value in dict.fromkeys(values)}
        return [mapping[value] for value in values]
    return [function(value) for value in values]


def _int_column(values: list[Any]) -> list[Any]:
    if set(map(type, values)) <= {int, _NONE_TYPE}:
        return values
    return [_to_int(value) for value in values]


def _float_column(values: list[Any]) -> Any:
    if set(map(type, values)) <= {int, float, _NONE_TYPE}:
        numbers = np.array(values, dtype=np.float64)  # None becomes NaN, later <NA>
        numbers[~np.isfinite(numbers)] = np.nan
        return numbers
    return [_to_float(value) for value in values]


def _sub_mappings(values: list[Any]) -> list[Mapping[str, Any]]:
    empty: dict[str, Any] = {}
    return [value if _is_mapping(value) else empty for value in values]


def _clean_code(value: Any) -> str | None:
    text = _clean_text(value)
    return text.replace(" ", "").upper() if text else None


def _build(
    records: Iterable[Mapping[str, Any]], include_subprojects: bool
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Flatten records into the projects and pi_grants tables.

    Column-wise: each field is pulled out with one comprehension and cleaned once per distinct
    value; only the people lists need a loop per record.
    """
    kept = _dedupe(_as_records(records))
    raw_sub = [rec.get("subproject_id") for rec in kept]
    is_sub = [s is not None and not (isinstance(s, str) and not s.strip()) for s in raw_sub]
    if not include_subprojects and any(is_sub):
        kept = [rec for rec, sub in zip(kept, is_sub, strict=True) if not sub]
        raw_sub = [None] * len(kept)
        is_sub = [False] * len(kept)

    def column(key: str) -> list[Any]:
        return [rec.get(key) for rec in kept]

    def nested(values: list[Mapping[str, Any]], key: str) -> list[Any]:
        return [value.get(key) for value in values]

    cols: dict[str, Any] = {}
    appl_ids = _int_column(column("appl_id"))
    project_nums = _map_column(column("project_num"), _clean_code)
    cores = _map_column(column("core_project_num"), _clean_code)
    cols["core_project_num"] = [
        core or _num_part(num, "core") for core, num in zip(cores, project_nums, strict=True)
    ]
    cols["appl_id"] = appl_ids
    cols["project_num"] = project_nums
    cols["subproject_id"] = _int_column(raw_sub)
    cols["is_subproject"] = is_sub
    cols["fiscal_year"] = _int_column(column("fiscal_year"))
    for key, group in (("activity_code", "activity"), ("award_type", "type")):
        cols[key] = [
            value or _num_part(num, group)
            for value, num in zip(_map_column(column(key), _clean_text), project_nums, strict=True)
        ]
    cols["project_title"] = _map_column(column("project_title"), _clean_text)
    long_text = partial(_clean_text, collapse=False)
    cols["abstract_text"] = [long_text(value) for value in column("abstract_text")]
    cols["phr_text"] = [long_text(value) for value in column("phr_text")]
    cols["pref_terms"] = _map_column(column("pref_terms"), _pref_terms)
    cols["award_amount"] = _float_column(column("award_amount"))
    cols["direct_cost_amt"] = _float_column(column("direct_cost_amt"))
    for key in ("project_start_date", "project_end_date", "budget_end"):
        cols[key] = _map_column(column(key), api_date_text)
    orgs = _sub_mappings(column("organization"))
    cols["org_name"] = _map_column(nested(orgs, "org_name"), _clean_text)
    cols["org_city"] = _map_column(nested(orgs, "org_city"), _clean_city)
    for key in ("org_state", "org_country", "dept_type"):
        cols[key] = _map_column(nested(orgs, key), _clean_text)
    org_types = column("organization_type")
    cols["organization_type"] = _map_column(
        [_get(value, "name") if _is_mapping(value) else value for value in org_types],
        _clean_text,
    )
    agencies = column("agency_ic_admin")
    cols["agency_ic_admin"] = _map_column(
        [
            (value.get("abbreviation") or value.get("code")) if _is_mapping(value) else value
            for value in agencies
        ],
        _clean_text,
    )
    sections = _sub_mappings(column("full_study_section"))
    cols["study_section"] = _map_column(nested(sections, "name"), _clean_text)
    cols["study_section_code"] = _map_column(nested(sections, "srg_code"), _clean_text)
    urls = _map_column(column("project_detail_url"), _clean_text)
    cols["project_detail_url"] = [
        url or (PROJECT_URL_TEMPLATE.format(appl_id=a) if a is not None else None)
        for url, a in zip(urls, appl_ids, strict=True)
    ]
    cols["is_active"] = [_to_bool(value) for value in column("is_active")]

    clean = _memoised(_clean_text)
    cols["program_officers"] = [_officer_names(v, clean) for v in column("program_officers")]
    contacts: list[int | None] = []
    profile_lists: list[list[int | None]] = []
    # One link per (record, PI), kept as parallel lists: a tuple per link would be a tracked
    # container, and 100,000s of them make the garbage collector rescan the input repeatedly.
    links: dict[str, list[Any]] = {name: [] for name in _LINK_FIELDS}
    add = [links[name].append for name in _LINK_FIELDS]
    for row, (rec, org_name) in enumerate(zip(kept, cols["org_name"], strict=True)):
        entries = _pi_entries(rec, clean)
        contacts.append(next((e[0] for e in entries if e[5]), None))
        profile_lists.append([e[0] for e in entries])
        for entry in entries:
            for put, value in zip(add, (row, *entry, org_name), strict=True):
                put(value)
    cols["contact_pi_profile_id"] = contacts
    cols["pi_profile_ids"] = profile_lists
    cols["pi_keys"], link_frame = _link_columns(links, len(kept))

    projects = frame(cols, PROJECT_COLUMNS)
    pi_grants = _pi_grant_frame(projects, link_frame)
    # Stable, paging-independent order: by appl_id, records without one last.
    order = projects["appl_id"].sort_values(kind="stable", na_position="last").index
    projects = projects.loc[order].reset_index(drop=True)
    return projects, pi_grants


_LINK_FIELDS = ("row", "profile_id", "first", "middle", "last", "title", "is_contact", "org")


def _link_columns(
    links: Mapping[str, list[Any]], n_rows: int
) -> tuple[list[list[str]], dict[str, list[Any]]]:
    """PI keys per project row, and the pi_grants columns (one entry per row and PI key)."""
    rows, profile_ids = links["row"], links["profile_id"]
    firsts, lasts, orgs = links["first"], links["last"], links["org"]
    nameless = sorted(
        {
            (firsts[i], lasts[i], orgs[i] or "")
            for i, profile_id in enumerate(profile_ids)
            if profile_id is None
        }
    )
    name_keys = _name_keys(nameless)
    keys_per_row: list[list[str]] = [[] for _ in range(n_rows)]
    out: dict[str, list[Any]] = {
        name: [] for name in ("row", "pi_key", "profile_id", "is_contact_pi", "pi_title")
    }
    out["pi_name"], out["sort_name"] = [], []
    for i, row in enumerate(rows):
        profile_id = profile_ids[i]
        if profile_id is None:
            key = name_keys[(firsts[i], lasts[i], orgs[i] or "")]
        else:
            key = str(profile_id)
        row_keys = keys_per_row[row]
        if key in row_keys:  # two spellings of one person on one record
            continue
        row_keys.append(key)
        display, sort_name = _person_names(firsts[i], links["middle"][i], lasts[i])
        out["row"].append(row)
        out["pi_key"].append(key)
        out["profile_id"].append(profile_id)
        out["is_contact_pi"].append(links["is_contact"][i])
        out["pi_title"].append(links["title"][i])
        out["pi_name"].append(display)
        out["sort_name"].append(sort_name)
    return keys_per_row, out


@lru_cache(maxsize=65536)
def _num_part(project_num: str | None, part: str) -> str | None:
    """Core number, activity code or type from a full match of the project-number pattern.

    Never sliced by position: numbers that do not match the documented pattern give None.
    """
    match = _PROJECT_NUM.match(project_num) if project_num else None
    if match is None:
        return None
    if part == "core":
        return match["activity"] + match["ic"] + match["serial"]
    return match[part]


def _clean_city(value: Any) -> str | None:
    city = _clean_text(value)
    # "NOTRE DAME" and "Nashville" both occur: capitalise the all-caps ones.
    return _case_name_part(city, first_of_name=True) if city and city.isupper() else city


def _pi_grant_frame(projects: pd.DataFrame, links: Mapping[str, list[Any]]) -> pd.DataFrame:
    if not links["row"]:
        return empty_frame(PI_GRANT_COLUMNS)
    at = np.asarray(links["row"], dtype=np.int64)
    frame = pd.DataFrame(
        {
            "pi_key": pd.array(links["pi_key"], dtype="string"),
            "profile_id": pd.array(links["profile_id"], dtype="Int64"),
            "core_project_num": projects["core_project_num"].array[at],
            "appl_id": projects["appl_id"].array[at],
            "fiscal_year": projects["fiscal_year"].array[at],
            "is_contact_pi": pd.array(links["is_contact_pi"], dtype="boolean"),
            "pi_title": pd.array(links["pi_title"], dtype="string"),
            "pi_name": pd.array(links["pi_name"], dtype="string"),
            "sort_name": pd.array(links["sort_name"], dtype="string"),
            "is_subproject": projects["is_subproject"].array[at],
            "award_amount": projects["award_amount"].array[at],
        }
    )
    frame = frame.sort_values(
        ["pi_key", "fiscal_year", "appl_id"], kind="stable", na_position="last"
    ).reset_index(drop=True)
    return _conform(frame, PI_GRANT_COLUMNS)


def _conform(frame: pd.DataFrame, schema: Mapping[str, str]) -> pd.DataFrame:
    """Exactly the schema's columns, order and dtypes."""
    if frame.empty:
        return empty_frame(schema)
    return frame.loc[:, list(schema)].astype(dict(schema)).reset_index(drop=True)


# --- public builders -----------------------------------------------------------------------------


def projects_table(
    records: Iterable[Mapping[str, Any]], *, include_subprojects: bool = False
) -> pd.DataFrame:
    """One row per ``appl_id`` (``schema.PROJECT_COLUMNS``) from raw RePORTER records.

    Duplicate ``appl_id`` records (overlapping pages or captures) keep the most complete one,
    the later one on ties. Records without ``appl_id`` (``include_fields`` responses) are
    identified by ``project_num`` + ``fiscal_year`` + ``subproject_id``. Subprojects
    (``subproject_id`` set) are dropped unless ``include_subprojects``. Text is HTML-unescaped,
    NFKC-normalised and stripped; ``""``/``"No Text"``/null become ``<NA>``. ``pref_terms``
    is re-joined with ``"; "``. Dates keep only their ``YYYY-MM-DD`` part; anything unparsable
    is ``NaT``. A missing ``core_project_num`` is derived from a well-formed ``project_num``.
    ``pi_profile_ids`` and ``pi_keys`` are aligned lists, contact PI first.

    Raises:
        DataFormatError: an item of ``records`` is not a mapping.
    """
    return _build(records, include_subprojects)[0]


def pi_grants_table(
    records: Iterable[Mapping[str, Any]], *, include_subprojects: bool = False
) -> pd.DataFrame:
    """The PI ↔ ``appl_id`` link table (``schema.PI_GRANT_COLUMNS``), one row per pair.

    Every PI of a multi-PI record gets a row (with the record's whole ``award_amount``).
    Records without ``principal_investigators`` but with ``contact_pi_name`` yield that contact
    PI under a name key (see the module docstring for the PI key rule).
    """
    return _build(records, include_subprojects)[1]


def _as_of(as_of: date | None) -> pd.Timestamp:
    return pd.Timestamp(as_of if as_of is not None else date.today())


def _is_supplement(projects: pd.DataFrame) -> pd.Series:
    suffix = projects["project_num"].str.extract(r"-\d{2}([A-Z0-9]*)$", expand=False)
    by_suffix = suffix.str.contains(_SUPPLEMENT_SUFFIX.pattern, regex=True)
    by_type = projects["award_type"].eq("3")
    return (by_suffix.fillna(False) | by_type.fillna(False)).astype(bool)


def _distinct_lists(
    groups: pd.Series, values: pd.Series, keys: pd.Index, *, explode: bool
) -> pd.Series:
    """Per key, the distinct non-missing values in row order.

    A plain loop: ``groupby().agg(list)`` builds one Series per group and is ~50x slower.
    """
    out: dict[Any, list[Any]] = {}
    seen: set[tuple[Any, Any]] = set()
    for group, cell in zip(groups.tolist(), values.tolist(), strict=True):
        for value in cell if explode else (cell,):
            if isinstance(value, str) and (group, value) not in seen:
                seen.add((group, value))
                out.setdefault(group, []).append(value)
    return pd.Series([out.get(key, []) for key in keys], index=keys, dtype="object")


# projects columns grants_table reads, and those taken from each grant's latest record
_GRANT_HEAD = (
    "appl_id", "activity_code", "project_title", "org_name", "org_city", "org_state",
    "dept_type", "agency_ic_admin", "contact_pi_profile_id", "project_detail_url",
)  # fmt: skip
_GRANT_INPUTS = [
    *_GRANT_HEAD, "fiscal_year", "project_start_date", "project_end_date", "award_amount",
    "is_subproject", "project_num", "award_type", "study_section", "program_officers", "pi_keys",
]  # fmt: skip


def grants_table(projects: pd.DataFrame, *, as_of: date | None = None) -> pd.DataFrame:
    """One row per ``core_project_num`` (``schema.GRANT_COLUMNS``) from a projects table.

    Fiscal years, amendments and supplements (``3…S1``) collapse into one grant: earliest
    start, latest end, first/last fiscal year, ``latest_award_amount`` = sum of awards in the
    latest fiscal year (parent plus that year's supplements), ``total_award_amount`` = sum of
    every row. Title, activity code, organisation and URL come from the latest fiscal year's
    parent (non-supplement) record when there is one. Subproject rows are left out of every
    figure (a parent's award already includes its components) unless a grant has only
    subproject rows. Rows without a core project number are not grants and are skipped.
    ``is_active`` is ``project_end_date >= as_of`` (default today; pass ``as_of`` for
    reproducible results); ``months_left`` is the distance in average months (negative once
    ended).
    """
    if projects.empty or projects["core_project_num"].isna().all():
        return empty_frame(GRANT_COLUMNS)
    rows = projects[projects["core_project_num"].notna()]
    # Integer codes in core-number order: sorting and grouping on them is much cheaper than on
    # the strings, and the output comes out sorted by core number.
    codes, keys = pd.factorize(rows["core_project_num"], sort=True)
    rows = rows.loc[:, _GRANT_INPUTS].assign(_g=codes)
    is_sub = rows["is_subproject"].fillna(False).to_numpy(dtype=bool)
    has_parent = pd.Series(~is_sub, index=rows.index).groupby(codes).transform("any")
    rows = rows[~is_sub | ~has_parent.to_numpy(dtype=bool)]
    rows = rows.assign(_parent=~_is_supplement(rows))
    # Latest first: the first row of each grant is its latest fiscal year's parent record.
    rows = rows.sort_values(
        ["_g", "fiscal_year", "_parent", "appl_id"],
        ascending=[True, False, False, False],
        kind="stable",
        na_position="last",
    )
    grouped = rows.groupby("_g", sort=True)
    head = grouped[list(_GRANT_HEAD)].first()  # latest non-missing value per column
    last_fy = grouped["fiscal_year"].max()
    in_last_fy = rows["fiscal_year"].eq(rows["_g"].map(last_fy)).fillna(False)
    latest_award = (
        rows.loc[in_last_fy.to_numpy(dtype=bool)].groupby("_g")["award_amount"].sum(min_count=1)
    )
    index = head.index
    end = grouped["project_end_date"].max()
    as_of_ts = _as_of(as_of)
    out = pd.DataFrame(
        {
            "core_project_num": pd.Series(keys.take(index.to_numpy()), index=index),
            "latest_appl_id": head["appl_id"],
            "first_fiscal_year": grouped["fiscal_year"].min(),
            "last_fiscal_year": last_fy,
            "n_records": grouped.size(),
            "project_start_date": grouped["project_start_date"].min(),
            "project_end_date": end,
            "latest_award_amount": latest_award.reindex(index),
            "total_award_amount": grouped["award_amount"].sum(min_count=1),
            "study_sections": _distinct_lists(
                rows["_g"], rows["study_section"], index, explode=False
            ),
            "program_officers": _distinct_lists(
                rows["_g"], rows["program_officers"], index, explode=True
            ),
            "pi_keys": _distinct_lists(rows["_g"], rows["pi_keys"], index, explode=True),
            "is_active": pd.Series(end >= as_of_ts, dtype="boolean").where(end.notna()),
            "months_left": (end - as_of_ts).dt.days / DAYS_PER_MONTH,
            **{column: head[column] for column in _GRANT_HEAD if column != "appl_id"},
        }
    )
    return _conform(out, GRANT_COLUMNS)


_PI_GRANT_FACTS = (
    "is_active", "latest_award_amount", "project_end_date", "activity_code", "org_name",
    "dept_type", "org_city", "org_state",
)  # fmt: skip


def pis_table(
    projects: pd.DataFrame,
    grants: pd.DataFrame,
    pi_grants: pd.DataFrame,
    *,
    records: Iterable[Mapping[str, Any]] | None = None,
) -> pd.DataFrame:
    """One row per PI (``schema.PI_COLUMNS``) from the other three tables.

    Names, titles and amounts travel in ``pi_grants``; grant status and organisation come from
    ``grants``. ``projects`` and ``records`` are accepted so callers can pass what they have;
    neither is needed (``records`` is ignored, names are already in ``pi_grants``).

    Name and sort name come from the PI's latest record; ``pi_title`` is the latest non-empty
    title, title-cased when sent in capitals; organisation, department, city and state are those
    of the PI's most recent grant (latest fiscal year the PI is on it, then latest end date).
    ``n_grants`` counts distinct core project numbers, multi-PI grants counting for every PI.
    ``active_funding`` sums ``latest_award_amount`` over the PI's active grants;
    ``total_funding`` sums ``award_amount`` over the PI's records (a subproject record is
    skipped where the PI is also on the parent record of that grant and year).
    """
    del projects, records  # see docstring: everything needed is in pi_grants and grants
    if pi_grants.empty:
        return empty_frame(PI_COLUMNS)
    # Integer codes in key order for every sort and groupby (strings are slow to sort/hash);
    # -1 marks a link without a core project number.
    pi_codes, pi_keys = pd.factorize(pi_grants["pi_key"], sort=True)
    grant_codes, cores = pd.factorize(pi_grants["core_project_num"], sort=True)
    everyone = pd.RangeIndex(len(pi_keys))
    links = pi_grants.assign(_pi=pi_codes, _grant=grant_codes).sort_values(
        ["_pi", "fiscal_year", "appl_id"], kind="stable", na_position="first"
    )
    by_pi = links.groupby("_pi", sort=True)
    # the latest non-missing name, sort name and profile id
    latest = by_pi[["profile_id", "pi_name", "sort_name"]].last().reindex(everyone)

    # Money: skip subproject rows where the same PI holds the parent record that year.
    sub = links["is_subproject"].fillna(False).to_numpy(dtype=bool)
    slot = [links["_pi"], links["_grant"], links["fiscal_year"].fillna(-1)]
    has_parent = pd.Series(~sub, index=links.index).groupby(slot).transform("any")
    paid = links[~sub | ~has_parent.to_numpy(dtype=bool)]
    total = paid.groupby("_pi")["award_amount"].sum(min_count=1).reindex(everyone)

    pairs = (
        links[links["_grant"] >= 0]
        .groupby(["_pi", "_grant"], sort=True)
        .agg(pi_last_fy=("fiscal_year", "max"), contact=("is_contact_pi", "any"))
        .reset_index()
    )
    # Grant facts aligned with the grant codes (missing where grants lacks the number).
    facts = grants.drop_duplicates("core_project_num").set_index("core_project_num")
    facts = facts.reindex(pd.Index(cores, dtype="string"))
    at = pairs["_grant"].to_numpy()
    for column in _PI_GRANT_FACTS:
        pairs[column] = facts[column].array.take(at)
    active = pairs["is_active"].fillna(False).to_numpy(dtype=bool)
    pairs["_active_amount"] = pairs["latest_award_amount"].where(active)
    pairs["_active"] = active
    pairs["_contact"] = pairs["contact"].fillna(False).to_numpy(dtype=bool)
    per_pi = pairs.groupby("_pi", sort=True)
    # The most recent grant's own row (NA included), hence drop_duplicates, not groupby.last.
    recent = (
        pairs.sort_values(
            ["_pi", "pi_last_fy", "project_end_date", "_grant"], na_position="first", kind="stable"
        )
        .drop_duplicates("_pi", keep="last")
        .set_index("_pi")[["org_name", "dept_type", "org_city", "org_state"]]
        .reindex(everyone)
    )
    by_code = pairs.sort_values(["_pi", "activity_code"], kind="stable")
    code_lists = _distinct_lists(by_code["_pi"], by_code["activity_code"], everyone, explode=False)
    titles = links.dropna(subset=["pi_title"]).groupby("_pi")["pi_title"].last()
    out = pd.DataFrame(
        {
            "pi_key": pd.Series(pi_keys, index=everyone),
            "profile_id": latest["profile_id"],
            "pi_name": latest["pi_name"],
            "sort_name": latest["sort_name"],
            "pi_title": titles.reindex(everyone).map(_pretty_title, na_action="ignore"),
            "organization": recent["org_name"],
            "department": recent["dept_type"],
            "city": recent["org_city"],
            "state": recent["org_state"],
            "n_grants": per_pi.size().reindex(everyone, fill_value=0),
            "n_active_grants": per_pi["_active"].sum().reindex(everyone, fill_value=0),
            "n_contact_grants": per_pi["_contact"].sum().reindex(everyone, fill_value=0),
            "active_funding": per_pi["_active_amount"].sum().reindex(everyone, fill_value=0.0),
            "total_funding": total,
            "first_fiscal_year": by_pi["fiscal_year"].min().reindex(everyone),
            "last_fiscal_year": by_pi["fiscal_year"].max().reindex(everyone),
            "activity_codes": code_lists,
        }
    )
    return _conform(out, PI_COLUMNS)


@dataclass(frozen=True)
class Tables:
    """The four tables built from one set of records, and the date "active" was judged on."""

    projects: pd.DataFrame
    grants: pd.DataFrame
    pis: pd.DataFrame
    pi_grants: pd.DataFrame
    as_of: date


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of a build.

    Building allocates hundreds of thousands of small lists and tuples; each allocation burst
    triggers a collection that re-scans every live object, including the caller's records
    (about 40 objects per record). At 100,000 records that was a third of the run time. The
    build creates no reference cycles, so nothing is lost by collecting once afterwards. The
    collector is handed back exactly as found: a caller who disabled it keeps it disabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_tables(
    records: Iterable[Mapping[str, Any]],
    *,
    as_of: date | None = None,
    include_subprojects: bool = False,
) -> Tables:
    """All four tables from raw records in one pass (what the ranker and the CLI use).

    Args:
        records: RePORTER project records (dicts), e.g. from ``ReporterClient.iter_projects``
            or :func:`load_records`. Not modified.
        as_of: the date "active" is judged on; default today.
        include_subprojects: keep subproject (component) records.
    """
    day = as_of if as_of is not None else date.today()
    with _gc_paused():
        projects, pi_grants = _build(records, include_subprojects)
        grants = grants_table(projects, as_of=day)
        pis = pis_table(projects, grants, pi_grants)
    return Tables(projects=projects, grants=grants, pis=pis, pi_grants=pi_grants, as_of=day)


# --- lookup --------------------------------------------------------------------------------------


def _query_forms(name: str) -> tuple[str, bool]:
    """Normalised "first ... last" form of what a user typed, and whether it has initials."""
    text = unicodedata.normalize("NFKC", name).strip()
    if "," in text:
        last, _, given = text.partition(",")
        text = f"{given} {last}"
    query = _norm(text)
    return query, any(len(token) == 1 for token in query.split())


def find_pi(
    pis: pd.DataFrame, name: str, *, limit: int = 5, score_cutoff: float = 60
) -> pd.DataFrame:
    """Rows of ``pis`` that best match what a user typed, with a ``match_score`` column (0–100).

    Accepts "tamara phillips", "PHILLIPS TAMARA", "Phillips, Tamara", "Phillips, T" and a
    profile id ("10456789", an exact match scoring 100). Names are compared with rapidfuzz's
    ``token_sort_ratio`` (word order does not matter) against the PI's full name, first + last,
    and — when the query has one-letter words — initial + last. Best first; ties are broken by
    more active grants, then name, then ``pi_key``.
    """
    columns = [*PI_COLUMNS, "match_score"]
    query_text = name.strip()
    if pis.empty or not query_text:
        return empty_frame({**PI_COLUMNS, "match_score": "Float64"})
    if query_text.isdigit():
        hit = pis["pi_key"].eq(query_text).fillna(False) | pis["profile_id"].eq(
            int(query_text)
        ).fillna(False)
        scores = np.where(hit.to_numpy(dtype=bool), 100.0, 0.0)
    else:
        query, has_initials = _query_forms(query_text)
        if not query:
            return empty_frame({**PI_COLUMNS, "match_score": "Float64"})
        sort_names = pis["sort_name"].fillna("").tolist()
        display = pis["pi_name"].fillna("").tolist()
        full, first_last, initial_last = [], [], []
        for sort_name, shown in zip(sort_names, display, strict=True):
            last, _, given = sort_name.partition(",") if "," in sort_name else ("", "", sort_name)
            given_tokens = _norm(given).split()
            last_n = _norm(last)
            full.append(_norm(shown))
            first_last.append(" ".join([*given_tokens[:1], last_n]).strip())
            initial_last.append(" ".join([*(t[:1] for t in given_tokens[:1]), last_n]).strip())
        variants = [full, first_last] + ([initial_last] if has_initials else [])
        matrix = process.cdist(
            [query], [v for group in variants for v in group],
            scorer=fuzz.token_sort_ratio, processor=None, dtype=np.float64,
        )[0]  # fmt: skip
        scores = matrix.reshape(len(variants), len(pis)).max(axis=0)
    out = pis.assign(match_score=pd.array(scores, dtype="Float64"))
    out = out[out["match_score"] >= score_cutoff]
    out = out.assign(_active=out["n_active_grants"].fillna(0)).sort_values(
        ["match_score", "_active", "pi_name", "pi_key"],
        ascending=[False, False, True, True],
        kind="stable",
        na_position="last",
    )
    return out.head(limit).loc[:, columns].reset_index(drop=True)


# --- the one loader ----------------------------------------------------------------------------

_PROJECT_KEYS = frozenset(
    {
        "appl_id", "project_num", "core_project_num", "project_title", "fiscal_year",
        "principal_investigators", "contact_pi_name", "abstract_text", "organization",
    }
)  # fmt: skip
_PUBLICATION_KEYS = frozenset({"coreproject", "pmid", "applid"})


def _results_of(obj: Any, where: str) -> list[Any]:
    """The records of one parsed JSON value: an envelope, a page list or a results list."""
    if isinstance(obj, Mapping):
        if "results" in obj:
            results = obj["results"]
            if not isinstance(results, list):
                raise DataFormatError(
                    f"{where}: 'results' is a {type(results).__name__}, not a list"
                )
            return results
        return [obj]  # a single record (JSON Lines of records)
    if isinstance(obj, list):
        if obj and all(isinstance(item, Mapping) and "results" in item for item in obj):
            return [rec for page in obj for rec in _results_of(page, where)]
        return obj
    raise DataFormatError(f"{where}: expected a JSON object or array, found {type(obj).__name__}")


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Project records from a saved RePORTER JSON file.

    Accepts a results list, a full ``{"meta", "results"}`` envelope, a list of envelopes
    (saved pages), or JSON Lines (one record or one envelope per line). UTF-8 with or without
    BOM, LF or CRLF.

    Raises:
        DataFormatError: the file is not valid JSON, or holds something other than
            ``projects/search`` records (e.g. ``publications/search`` output).
        OSError: the file cannot be read.
    """
    file = Path(path)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataFormatError(f"{file}: not UTF-8 text ({err.reason})") from err
    if not text.strip():
        raise DataFormatError(f"{file}: the file is empty")
    try:
        parsed: list[Any] = [json.loads(text)]
    except json.JSONDecodeError as err:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            parsed = [json.loads(line) for line in lines]
        except json.JSONDecodeError:
            raise DataFormatError(
                f"{file}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})",
                hint="save the API response as returned, or one JSON record per line",
            ) from err
        if len(parsed) < 2:  # one bad line: report the original error
            raise DataFormatError(f"{file}: not valid JSON ({err.msg})") from err
    records: list[Any] = []
    for obj in parsed:
        records.extend(_results_of(obj, str(file)))
    for index, rec in enumerate(records):
        if not isinstance(rec, Mapping):
            raise DataFormatError(
                f"{file}: item {index} is a {type(rec).__name__}, not a project record"
            )
        keys = set(rec)
        if keys & _PUBLICATION_KEYS and not keys & _PROJECT_KEYS:
            raise DataFormatError(
                f"{file}: these are publications/search records (coreproject/pmid/applid), "
                "not projects",
                hint="load the projects/search response instead",
            )
        if not keys & _PROJECT_KEYS:
            raise DataFormatError(
                f"{file}: item {index} has none of the RePORTER project fields "
                f"({', '.join(sorted(_PROJECT_KEYS))})"
            )
    return [dict(rec) for rec in records]
