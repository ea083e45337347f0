"""Raw RePORTER records → the ``projects`` table and the ``pi_grants`` link table.

Flattening is column-wise: each field is pulled out of every record with one comprehension
and cleaned once per distinct value (:mod:`reporter_finder.tables.clean`); only the people
lists need a loop per record (:mod:`reporter_finder.tables.people`). Pure: the records are
never modified.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from reporter_finder.api.limits import PROJECT_URL_TEMPLATE
from reporter_finder.dates import api_date_text
from reporter_finder.errors import DataFormatError
from reporter_finder.schema import PI_GRANT_COLUMNS, PROJECT_COLUMNS, empty_frame, frame
from reporter_finder.tables.clean import (
    clean_code,
    clean_text,
    conform,
    float_column,
    int_column,
    is_mapping,
    map_column,
    mapping_get,
    memoised,
    num_part,
    pref_terms,
    sub_mappings,
    to_bool,
    to_int,
)
from reporter_finder.tables.people import (
    case_name_part,
    name_keys,
    officer_names,
    person_names,
    pi_entries,
)

__all__ = ["as_records", "pi_grants_table", "projects_and_links", "projects_table"]


# --- which records -------------------------------------------------------------------------------


def as_records(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """``records`` as a list, checked to hold only mappings.

    Raises:
        DataFormatError: an item is not a mapping.
    """
    out = list(records)
    for index, rec in enumerate(out):
        if not isinstance(rec, Mapping):
            raise DataFormatError(
                f"record {index} is a {type(rec).__name__}, not a RePORTER project record (dict)",
                hint="pass the 'results' list of a projects/search response, or use load_records()",
            )
    return out


def _record_key(rec: Mapping[str, Any], index: int) -> int | tuple[Any, ...]:
    appl_id = to_int(rec.get("appl_id"))
    if appl_id is not None:
        return appl_id  # a bare int: 100,000 tuples here would wake the garbage collector
    # include_fields responses may lack appl_id: one fiscal-year record is then identified
    # by its full project number, fiscal year and subproject.
    project_num = clean_text(rec.get("project_num"))
    if project_num:
        fiscal_year, subproject = to_int(rec.get("fiscal_year")), to_int(rec.get("subproject_id"))
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


def _kept_records(
    records: Iterable[Mapping[str, Any]], include_subprojects: bool
) -> tuple[list[Mapping[str, Any]], list[Any], list[bool]]:
    """The deduplicated records to flatten, their raw ``subproject_id`` and subproject flags."""
    kept = _dedupe(as_records(records))
    raw_sub = [rec.get("subproject_id") for rec in kept]
    is_sub = [s is not None and not (isinstance(s, str) and not s.strip()) for s in raw_sub]
    if not include_subprojects and any(is_sub):
        kept = [rec for rec, sub in zip(kept, is_sub, strict=True) if not sub]
        raw_sub = [None] * len(kept)
        is_sub = [False] * len(kept)
    return kept, raw_sub, is_sub


# --- columns -------------------------------------------------------------------------------------


def _clean_city(value: Any) -> str | None:
    city = clean_text(value)
    # "NOTRE DAME" and "Nashville" both occur: capitalise the all-caps ones.
    return case_name_part(city, first_of_name=True) if city and city.isupper() else city


def _column(records: list[Mapping[str, Any]], key: str) -> list[Any]:
    return [rec.get(key) for rec in records]


def _id_columns(
    kept: list[Mapping[str, Any]], raw_sub: list[Any], is_sub: list[bool]
) -> dict[str, Any]:
    """Ids, numbers, codes and the detail URL; parts missing from a record are derived from a
    well-formed project number."""
    cols: dict[str, Any] = {}
    appl_ids = int_column(_column(kept, "appl_id"))
    project_nums = map_column(_column(kept, "project_num"), clean_code)
    cores = map_column(_column(kept, "core_project_num"), clean_code)
    cols["core_project_num"] = [
        core or num_part(num, "core") for core, num in zip(cores, project_nums, strict=True)
    ]
    cols["appl_id"] = appl_ids
    cols["project_num"] = project_nums
    cols["subproject_id"] = int_column(raw_sub)
    cols["is_subproject"] = is_sub
    cols["fiscal_year"] = int_column(_column(kept, "fiscal_year"))
    for key, group in (("activity_code", "activity"), ("award_type", "type")):
        sent = map_column(_column(kept, key), clean_text)
        cols[key] = [
            value or num_part(num, group) for value, num in zip(sent, project_nums, strict=True)
        ]
    urls = map_column(_column(kept, "project_detail_url"), clean_text)
    cols["project_detail_url"] = [
        url or (PROJECT_URL_TEMPLATE.format(appl_id=a) if a is not None else None)
        for url, a in zip(urls, appl_ids, strict=True)
    ]
    cols["is_active"] = [to_bool(value) for value in _column(kept, "is_active")]
    return cols


#: The record dates kept (as ``YYYY-MM-DD``); ``award_notice_date`` tells a lead list's
#: ``--since`` run which awards are new (:mod:`reporter_finder.leads.since`).
_DATE_FIELDS = (
    "project_start_date",
    "project_end_date",
    "budget_start",
    "budget_end",
    "award_notice_date",
)


def _text_columns(kept: list[Mapping[str, Any]]) -> dict[str, Any]:
    """Title, long texts, terms, amounts and dates."""
    cols: dict[str, Any] = {}
    cols["project_title"] = map_column(_column(kept, "project_title"), clean_text)
    long_text = partial(clean_text, collapse=False)
    cols["abstract_text"] = [long_text(value) for value in _column(kept, "abstract_text")]
    cols["phr_text"] = [long_text(value) for value in _column(kept, "phr_text")]
    cols["pref_terms"] = map_column(_column(kept, "pref_terms"), pref_terms)
    cols["award_amount"] = float_column(_column(kept, "award_amount"))
    cols["direct_cost_amt"] = float_column(_column(kept, "direct_cost_amt"))
    for key in _DATE_FIELDS:
        cols[key] = map_column(_column(kept, key), api_date_text)
    return cols


def _org_columns(kept: list[Mapping[str, Any]]) -> dict[str, Any]:
    """Organisation, administering institute and study section, from their nested objects."""

    def nested(values: list[Mapping[str, Any]], key: str) -> list[Any]:
        return [value.get(key) for value in values]

    cols: dict[str, Any] = {}
    orgs = sub_mappings(_column(kept, "organization"))
    cols["org_name"] = map_column(nested(orgs, "org_name"), clean_text)
    cols["org_city"] = map_column(nested(orgs, "org_city"), _clean_city)
    for key in ("org_state", "org_country", "dept_type"):
        cols[key] = map_column(nested(orgs, key), clean_text)
    org_types = _column(kept, "organization_type")
    cols["organization_type"] = map_column(
        [mapping_get(value, "name") if is_mapping(value) else value for value in org_types],
        clean_text,
    )
    agencies = _column(kept, "agency_ic_admin")
    cols["agency_ic_admin"] = map_column(
        [
            (value.get("abbreviation") or value.get("code")) if is_mapping(value) else value
            for value in agencies
        ],
        clean_text,
    )
    sections = sub_mappings(_column(kept, "full_study_section"))
    cols["study_section"] = map_column(nested(sections, "name"), clean_text)
    cols["study_section_code"] = map_column(nested(sections, "srg_code"), clean_text)
    return cols


_LINK_FIELDS = ("row", "profile_id", "first", "middle", "last", "title", "is_contact", "org")


def _people_columns(
    kept: list[Mapping[str, Any]], org_names: list[Any]
) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """The people columns of ``projects``, and the raw links (one per record and PI)."""
    clean = memoised(clean_text)
    cols: dict[str, Any] = {}
    cols["program_officers"] = [officer_names(v, clean) for v in _column(kept, "program_officers")]
    contacts: list[int | None] = []
    profile_lists: list[list[int | None]] = []
    # One link per (record, PI), kept as parallel lists: a tuple per link would be a tracked
    # container, and 100,000s of them make the garbage collector rescan the input repeatedly.
    links: dict[str, list[Any]] = {name: [] for name in _LINK_FIELDS}
    add = [links[name].append for name in _LINK_FIELDS]
    for row, (rec, org_name) in enumerate(zip(kept, org_names, strict=True)):
        entries = pi_entries(rec, clean)
        contacts.append(next((e[0] for e in entries if e[5]), None))
        profile_lists.append([e[0] for e in entries])
        for entry in entries:
            for put, value in zip(add, (row, *entry, org_name), strict=True):
                put(value)
    cols["contact_pi_profile_id"] = contacts
    cols["pi_profile_ids"] = profile_lists
    cols["pi_keys"], link_columns = _link_columns(links, len(kept))
    return cols, link_columns


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
    keys_of = name_keys(nameless)
    keys_per_row: list[list[str]] = [[] for _ in range(n_rows)]
    out: dict[str, list[Any]] = {
        name: [] for name in ("row", "pi_key", "profile_id", "is_contact_pi", "pi_title")
    }
    out["pi_name"], out["sort_name"] = [], []
    for i, row in enumerate(rows):
        profile_id = profile_ids[i]
        key = (
            str(profile_id)
            if profile_id is not None
            else keys_of[(firsts[i], lasts[i], orgs[i] or "")]
        )
        row_keys = keys_per_row[row]
        if key in row_keys:  # two spellings of one person on one record
            continue
        row_keys.append(key)
        display, sort_name = person_names(firsts[i], links["middle"][i], lasts[i])
        out["row"].append(row)
        out["pi_key"].append(key)
        out["profile_id"].append(profile_id)
        out["is_contact_pi"].append(links["is_contact"][i])
        out["pi_title"].append(links["title"][i])
        out["pi_name"].append(display)
        out["sort_name"].append(sort_name)
    return keys_per_row, out


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
    return conform(frame, PI_GRANT_COLUMNS)


# --- the tables ----------------------------------------------------------------------------------


def projects_and_links(
    records: Iterable[Mapping[str, Any]], include_subprojects: bool
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``projects`` and ``pi_grants`` tables in one pass (what ``build_tables`` uses).

    Raises:
        DataFormatError: an item of ``records`` is not a mapping.
    """
    kept, raw_sub, is_sub = _kept_records(records, include_subprojects)
    cols = _id_columns(kept, raw_sub, is_sub)
    cols.update(_text_columns(kept))
    cols.update(_org_columns(kept))
    people, links = _people_columns(kept, cols["org_name"])
    cols.update(people)
    projects = frame(cols, PROJECT_COLUMNS)
    pi_grants = _pi_grant_frame(projects, links)
    # Stable, paging-independent order: by appl_id, records without one last.
    order = projects["appl_id"].sort_values(kind="stable", na_position="last").index
    projects = projects.loc[order].reset_index(drop=True)
    return projects, pi_grants


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
    return projects_and_links(records, include_subprojects)[0]


def pi_grants_table(
    records: Iterable[Mapping[str, Any]], *, include_subprojects: bool = False
) -> pd.DataFrame:
    """The PI ↔ ``appl_id`` link table (``schema.PI_GRANT_COLUMNS``), one row per pair.

    Every PI of a multi-PI record gets a row (with the record's whole ``award_amount``).
    Records without ``principal_investigators`` but with ``contact_pi_name`` yield that contact
    PI under a name key (see :mod:`reporter_finder.tables.people` for the PI key rule).

    Raises:
        DataFormatError: an item of ``records`` is not a mapping.
    """
    return projects_and_links(records, include_subprojects)[1]
