"""Proving an answer is the query's result: every record checked against the criteria sent. Pure.

RePORTER silently ignores a criterion it does not understand and then answers as if it had not
been sent (reporter-api.md §11). A record outside a criterion the client sent is the proof that
the server dropped it: :func:`check_record` raises :class:`FilterIgnoredError` naming it.

A criterion is checked only where the record carries the field (``include_fields`` decides
what comes back; :func:`fields_to_check` says what to ask for) and only in the lenient direction:
where RePORTER's matching is looser than an exact comparison (organisation names are a
*contains* match, agencies may match a funding institute), the check accepts anything the
server could legitimately have matched. It must never call a correct answer wrong.

Text cannot be checked record by record (RePORTER stems and ignores stop-words); the client
compares counts with and without the text instead.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from reporter_finder.api.pages import record_key
from reporter_finder.api.query import ProjectQuery
from reporter_finder.dates import api_date_text
from reporter_finder.errors import FilterIgnoredError

__all__ = ["check_record", "fields_to_check"]


def fields_to_check(query: ProjectQuery) -> tuple[str, ...]:
    """The ``include_fields`` names a record needs for :func:`check_record` to test ``query``."""
    needed: list[str] = ["ApplId"]
    if query.fiscal_years:
        needed += ["FiscalYear", *(["IsActive", "ProjectEndDate"] if query.include_active else [])]
    if query.activity_codes:
        needed.append("ActivityCode")
    if query.org_states or query.org_cities or query.org_names or query.dept_types:
        needed.append("Organization")
    if query.agencies:
        needed += ["AgencyIcAdmin", "AgencyIcFundings", "AgencyCode"]
    if query.pi_profile_ids:
        needed.append("PrincipalInvestigators")
    if query.project_nums:
        needed += ["ProjectNum", "CoreProjectNum"]
    if query.project_start_from or query.project_start_to:
        needed.append("ProjectStartDate")
    if query.project_end_from or query.project_end_to:
        needed.append("ProjectEndDate")
    if query.exclude_subprojects:
        needed.append("SubprojectId")
    if query.award_amount_min is not None or query.award_amount_max is not None:
        needed.append("AwardAmount")
    return tuple(dict.fromkeys(needed))


def check_record(record: Mapping[str, Any], query: ProjectQuery, where: str) -> None:
    """Raise :class:`FilterIgnoredError` when ``record`` lies outside a criterion of ``query``.

    Args:
        record: one project record as the API returned it.
        query: the query whose criteria were sent.
        where: the request URL, for the error.
    """
    for name, outside in _CHECKS:
        shown = outside(record, query)
        if shown is not None:
            raise FilterIgnoredError(
                f"RePORTER ignored the {name} filter: record {record.get('appl_id')} has "
                f"{shown}, outside {query.describe()}",
                criterion=name,
                url=where,
                hint="The API may have changed; report it, and use --load with saved records "
                "meanwhile.",
            )


# --- one check per criterion: the offending value as text, or None --------------------------


def _fiscal_year(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    if not query.fiscal_years or "fiscal_year" not in record:
        return None
    year = record.get("fiscal_year")
    year = int(year) if isinstance(year, str) and year.strip().isdigit() else year
    if not isinstance(year, int) or year in query.fiscal_years:
        return None
    if query.include_active and _maybe_active(record, query):
        return None  # active projects of any year are asked for
    return f"fiscal year {year}"


def _maybe_active(record: Mapping[str, Any], query: ProjectQuery) -> bool:
    """Whether RePORTER could count the record as active: its flag says so or is missing, or
    (the flag and the criterion's notion of "active" may differ) the project ends after the
    first asked fiscal year began."""
    if record.get("is_active") is not False:
        return True
    end = api_date_text(record.get("project_end_date"))
    first_day = datetime.date(min(query.fiscal_years) - 1, 10, 1).isoformat()
    return end is None or end >= first_day


def _activity_code(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    code = record.get("activity_code")
    if not query.activity_codes or not isinstance(code, str) or not code.strip():
        return None
    return None if code.strip().upper() in query.activity_codes else f"activity code {code}"


def _org(record: Mapping[str, Any], key: str) -> str:
    org = record.get("organization")
    return _text(org.get(key)) if isinstance(org, Mapping) else ""


def _org_state(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    state = _org(record, "org_state").upper()
    return (
        f"state {state}" if query.org_states and state and state not in query.org_states else None
    )


def _org_city(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    city = _org(record, "org_city")
    cities = [c.casefold() for c in query.org_cities]
    # Either way round: the API's exact matching rule for cities is not documented.
    if cities and city and not any(c in city.casefold() or city.casefold() in c for c in cities):
        return f"city {city}"
    return None


def _org_name(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    name = _org(record, "org_name")
    names = [" ".join(n.split()).casefold() for n in query.org_names]
    if names and name and not any(n in name.casefold() for n in names):
        return f"organisation {name}"  # org_names is a contains match (reporter-api.md §4)
    return None


def _dept_type(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    dept = _org(record, "dept_type").upper()
    return (
        f"department type {dept}"
        if query.dept_types and dept and dept not in query.dept_types
        else None
    )


def _agency(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    if not query.agencies:
        return None
    admin = record.get("agency_ic_admin")
    names = {_text(admin.get("abbreviation")).upper()} if isinstance(admin, Mapping) else set()
    fundings = record.get("agency_ic_fundings")
    if isinstance(fundings, list):
        names |= {_text(f.get("abbreviation")).upper() for f in fundings if isinstance(f, Mapping)}
    names |= {_text(record.get("agency_code")).upper()}
    names.discard("")
    if not names or names & set(query.agencies):
        return None
    return f"agency {', '.join(sorted(names))}"


def _pi(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    pis = record.get("principal_investigators")
    if not query.pi_profile_ids or not isinstance(pis, list) or not pis:
        return None
    ids = {p.get("profile_id") for p in pis if isinstance(p, Mapping)}
    if ids & set(query.pi_profile_ids):
        return None
    return f"PI profile ids {', '.join(str(i) for i in sorted(ids, key=str))}"


def _appl_id(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    key = record_key(record)
    if not query.appl_ids or key is None or key in query.appl_ids:
        return None
    return f"appl_id {key}"


def _project_num(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    numbers = [_text(record.get(k)) for k in ("project_num", "core_project_num")]
    # A pattern may target either number, so judge only a record that carries both.
    if not query.project_nums or not all(numbers):
        return None
    patterns = [_wildcard(p) for p in query.project_nums]
    if any(p.match(n) for p in patterns for n in numbers):
        return None
    return f"project number {numbers[0]}"


def _date_check(what: str) -> Callable[[Mapping[str, Any], ProjectQuery], str | None]:
    def outside(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
        low = getattr(query, f"project_{what}_from")
        high = getattr(query, f"project_{what}_to")
        text = api_date_text(record.get(f"project_{what}_date"))
        if (low is None and high is None) or text is None:
            return None
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:  # "2020-02-30": no date at all, so nothing to judge
            return None
        if (low is not None and day < low) or (high is not None and day > high):
            return f"project {what} date {text}"
        return None

    return outside


def _subproject(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    sub = record.get("subproject_id")
    # A string ("7754") in most captures; an int would be the same id in another type.
    if not query.exclude_subprojects or sub is None or (isinstance(sub, str) and not sub.strip()):
        return None
    return f"subproject id {sub}"


def _award(record: Mapping[str, Any], query: ProjectQuery) -> str | None:
    amount = record.get("award_amount")
    low, high = query.award_amount_min, query.award_amount_max
    if (low is None and high is None) or isinstance(amount, bool):
        return None
    if not isinstance(amount, (int, float)):
        return None
    if (low is not None and amount < low) or (high is not None and amount > high):
        return f"award amount {amount:,}"
    return None


_CHECKS: tuple[tuple[str, Callable[[Mapping[str, Any], ProjectQuery], str | None]], ...] = (
    ("fiscal_years", _fiscal_year),
    ("activity_codes", _activity_code),
    ("org_states", _org_state),
    ("org_cities", _org_city),
    ("org_names", _org_name),
    ("dept_types", _dept_type),
    ("agencies", _agency),
    ("pi_profile_ids", _pi),
    ("appl_ids", _appl_id),
    ("project_nums", _project_num),
    ("project_start_date", _date_check("start")),
    ("project_end_date", _date_check("end")),
    ("exclude_subprojects", _subproject),
    ("award_amount_range", _award),
)


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _wildcard(pattern: str) -> re.Pattern[str]:
    parts = (re.escape(p) for p in pattern.strip().split("*"))
    return re.compile("^" + ".*".join(parts) + "$", re.IGNORECASE)


def check_link(link: Mapping[str, Any], key: str, batch: Sequence[Any], where: str) -> None:
    """Raise :class:`FilterIgnoredError` when a publication link belongs to no id of ``batch``.

    ``key`` is the publications criterion sent (``core_project_nums`` or ``pmids``; links
    asked for by ``appl_ids`` are not checked, because a link's ``applid`` is the project's
    *latest* application, not necessarily the one asked for).
    """
    if key == "core_project_nums":
        value = _text(link.get("coreproject")).upper()
        if not value or any(_wildcard(str(b)).match(value) for b in batch):
            return
    elif key == "pmids":
        value = str(link.get("pmid"))
        if link.get("pmid") is None or value in {str(b) for b in batch}:
            return
    else:
        return
    raise FilterIgnoredError(
        f"RePORTER ignored the {key} filter: publication link {value} belongs to none of the "
        f"{len(batch)} ids asked for",
        criterion=key,
        url=where,
        hint="The API may have changed; report it.",
    )
