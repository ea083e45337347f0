"""What a draft cites: the PI's grant and paper, chosen from the tables or rebuilt from a lead.

A draft only ever cites the PI's own grants (``pi_keys`` lists the PI) and the PI's own papers;
a lead list saved as CSV is enough: its ``top_grant_*`` cells and its ``recent_publications``
cell stand in for the tables (the cell formats are :mod:`reporter_finder.schema`'s).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from reporter_finder.cellformat import cell_text, parse_citation, split_citations, split_list_cell
from reporter_finder.errors import OutreachError
from reporter_finder.tables.clean import to_int

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.tables.build import Tables

__all__ = [
    "choose_grant",
    "choose_paper",
    "find_pi_row",
    "found_in",
    "grant_abstracts",
    "grant_from_lead",
    "has_pi_key",
    "own_grants",
    "paper_from_lead",
    "pi_key_of",
    "profile_id_of",
    "terms_of",
    "whole_number",
]

#: What a publications table needs for a paper to be cited.
_PAPER_COLUMNS = ("title", "pmid", "core_project_num")


# --- reading a PI's identity and a lead's cells ----------------------------------------------


def pi_key_of(pi: Mapping[str, Any]) -> str | None:
    key = cell_text(pi.get("pi_key"))
    if key:
        return key
    profile = profile_id_of(pi.get("profile_id"))
    return str(profile) if profile is not None else None


def profile_id_of(value: Any) -> int | None:
    """A RePORTER profile id from a cell ("12345", 12345, 12345.0 from a CSV), else None."""
    number = to_int(cell_text(value))
    return number if number is not None and number > 0 else None


def terms_of(value: Any) -> list[str]:
    """matched_terms from a lead: a list, or a "; "-joined CSV cell."""
    if value is None or value is pd.NA:
        return []
    if isinstance(value, str):
        return split_list_cell(value)
    if isinstance(value, float) and value != value:
        return []
    return [cell_text(t) for t in value if cell_text(t)]


def _term_pattern(term: str) -> re.Pattern[str]:
    # Short terms ("R", "ML", "EHR") match case-sensitively: "r" is inside every title.
    flags = 0 if len(term) <= 3 else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?:s|es)?(?![\w-])", flags)


def found_in(terms: Iterable[str], text: str) -> list[str]:
    found: list[str] = []
    for term in terms:
        term = cell_text(term)
        duplicate = term.lower() in (f.lower() for f in found)
        if term and not duplicate and _term_pattern(term).search(text):
            found.append(term)
    return found


# --- choosing what to cite -------------------------------------------------------------------


def find_pi_row(tables: Tables, pi: Any) -> Mapping[str, Any] | None:
    pis = tables.pis
    text = cell_text(pi)
    hit = pis[pis["pi_key"].astype("string") == text]
    if hit.empty and profile_id_of(pi) is not None:
        hit = pis[pis["profile_id"] == profile_id_of(pi)]
    return None if hit.empty else {str(k): v for k, v in hit.iloc[0].items()}


def own_grants(grants: pd.DataFrame, pi_key: str | None, pi_name: str) -> pd.DataFrame:
    if grants.empty:
        raise OutreachError(
            f"no grants given for {pi_name or 'the PI'}: a draft must cite one of their grants"
        )
    if "pi_keys" not in grants.columns or pi_key is None:
        return grants
    mine = grants[grants["pi_keys"].map(lambda keys: has_pi_key(keys, pi_key))]
    if mine.empty:
        raise OutreachError(
            f"none of the grants given lists {pi_name or pi_key} as a PI",
            hint="Pass the PI's own grants (tables.grants filtered on pi_keys).",
        )
    return mine


def has_pi_key(keys: Any, pi_key: str) -> bool:
    if isinstance(keys, str):
        return pi_key in (k.strip() for k in keys.split(";"))
    try:
        return pi_key in {str(k) for k in keys}
    except TypeError:
        return False


def choose_grant(
    grants: pd.DataFrame, terms: Sequence[str], abstracts: Mapping[str, str] | None = None
) -> tuple[pd.Series, list[str]]:
    """The grant to cite: the newest one whose title or abstract has one of ``terms`` (the
    applicant's specialty and skills, the ranker's matched terms), else the newest; active
    before ended, then the most terms. Returns the row and the terms found in it.

    ``abstracts`` maps a core project number to its abstract (:func:`grant_abstracts`).
    """
    best: tuple[Any, ...] | None = None
    chosen: pd.Series | None = None
    chosen_terms: list[str] = []
    for _, row in grants.iterrows():
        title = cell_text(row.get("project_title"))
        number = cell_text(row.get("core_project_num"))
        if not title or not number:
            continue
        found = found_in(terms, f"{title}\n{(abstracts or {}).get(number, '')}")
        active = row.get("is_active")
        end = row.get("project_end_date")
        key = (
            bool(found),
            whole_number(row.get("last_fiscal_year")),
            bool(active) if active is not None and active is not pd.NA else False,
            len(found),
            pd.Timestamp(end).value if end is not None and not pd.isna(end) else 0,
            number,
        )
        if best is None or key > best:
            best, chosen, chosen_terms = key, row, found
    if chosen is None:
        raise OutreachError("the PI's grants have no title or number to cite")
    return chosen, chosen_terms


def grant_abstracts(tables: Tables, numbers: Iterable[str]) -> dict[str, str]:
    """The abstract of each grant's latest record (``latest_appl_id``), by core project number;
    grants without one are left out."""
    wanted = set(numbers)
    grants = tables.grants[tables.grants["core_project_num"].isin(wanted)]
    projects = tables.projects
    if grants.empty or "abstract_text" not in projects.columns:
        return {}
    texts = projects.set_index("appl_id")["abstract_text"]
    texts = texts[~texts.index.duplicated()]
    found: dict[str, str] = {}
    for number, appl_id in zip(grants["core_project_num"], grants["latest_appl_id"], strict=True):
        text = cell_text(texts.get(appl_id)) if appl_id in texts.index else ""
        if text:
            found[str(number)] = text
    return found


def whole_number(value: Any) -> int:
    try:
        return int(value) if value is not None and not pd.isna(value) else 0
    except (TypeError, ValueError):
        return 0


def choose_paper(
    publications: pd.DataFrame | None,
    pi_key: str | None,
    profile_id: int | None,
    terms: Sequence[str] = (),
) -> tuple[pd.Series | None, list[str]]:
    """The PI's newest relevant paper with a title: the newest whose title has one of
    ``terms``, else the newest. Returns the row (or None) and the terms found in its title.

    Raises:
        OutreachError: ``publications`` lacks ``title``, ``pmid`` or ``core_project_num``.
    """
    if publications is None or publications.empty:
        return None, []
    missing = [c for c in _PAPER_COLUMNS if c not in publications.columns]
    if missing:
        raise OutreachError(
            f"the publications table lacks {', '.join(missing)}",
            hint="Pass the result of pi_publications (or publications_for_leads).",
        )
    pubs = publications
    if pi_key is not None and "pi_key" in pubs.columns:
        pubs = pubs[pubs["pi_key"].astype("string") == pi_key]
    elif profile_id is not None and "profile_id" in pubs.columns:
        pubs = pubs[pubs["profile_id"].map(profile_id_of) == profile_id]
    else:
        return None, []  # cannot tell whose papers these are: cite none rather than a stranger's
    pubs = pubs[pubs["title"].map(lambda t: bool(cell_text(t)))]
    if pubs.empty:
        return None, []
    found = pubs["title"].map(lambda t: found_in(terms, cell_text(t)))
    dates = (
        pd.to_datetime(pubs["pub_date"], errors="coerce")
        if "pub_date" in pubs.columns
        else pd.Series(pd.NaT, index=pubs.index)
    )
    years = pubs["year"].map(whole_number) if "year" in pubs.columns else 0
    order = pubs.assign(
        _relevant=found.map(bool), _date=dates, _year=years, _pmid=pubs["pmid"].map(whole_number)
    ).sort_values(["_relevant", "_date", "_year", "_pmid"], ascending=False, na_position="last")
    return order.iloc[0], found[order.index[0]]


# --- rebuilding the sources from a lead row --------------------------------------------------


def grant_from_lead(lead: Mapping[str, Any]) -> pd.DataFrame:
    number, title = cell_text(lead.get("top_grant_number")), cell_text(lead.get("top_grant_title"))
    if not number or not title:
        raise OutreachError(
            f"lead {cell_text(lead.get('pi_name')) or '?'} has no top_grant_number/top_grant_title "
            "to cite",
            hint="Draft from a lead list written by 'reporter-finder search', or pass the data.",
        )
    return pd.DataFrame(
        [
            {
                "core_project_num": number,
                "project_title": title,
                "project_detail_url": cell_text(lead.get("top_grant_url")),
                "aim": cell_text(lead.get("top_grant_aim")),
            }
        ]
    )


def paper_from_lead(lead: Mapping[str, Any]) -> pd.DataFrame | None:
    """The citable papers of a lead's ``recent_publications`` (a list, or a CSV cell) as a
    publications table; ``None`` when there is none or the lead has no key."""
    cell = lead.get("recent_publications")
    if isinstance(cell, str):
        items = split_citations(cell)
    else:
        items = list(cell) if isinstance(cell, (list, tuple)) else []
    key = pi_key_of(lead)
    citations = [parse_citation(cell_text(item)) for item in items]
    rows = [
        {
            "pi_key": key,
            "pmid": c.pmid,
            "title": c.title,
            "journal": c.journal,
            "year": c.year,
            "core_project_num": None,
            "pub_date": None,
        }
        for c in citations
        if c is not None and c.title
    ]
    return pd.DataFrame(rows) if rows and key is not None else None
