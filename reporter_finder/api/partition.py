"""Splitting a RePORTER query whose result exceeds the 15,000-record window. Pure.

A query is cut in two along the first axis that still has room: fiscal years, then NIH
institutes, then project start-date windows (:func:`halve`); the client fetches each half's
first page (which doubles as its count) and splits again only the halves still too large.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from reporter_finder.api import limits
from reporter_finder.api.query import ProjectQuery

__all__ = ["RecordFilter", "all_fiscal_years", "halve", "is_active", "plan_parts"]

#: Keeps a record of a part (``None``: keep all).
RecordFilter = Callable[[dict[str, Any]], bool]

#: Bounds of project start dates when splitting by date windows (no real record falls outside;
#: any that did would show up in the coverage warning).
_START_DATE_MIN = datetime.date(1950, 1, 1)
#: When a query with fiscal years *and* include_active must be split, active projects outside
#: those years are looked for in this many recent years (an active project's latest record is
#: almost always from the last few years).
_ACTIVE_LOOKBACK_YEARS = 4


def plan_parts(query: ProjectQuery) -> list[tuple[ProjectQuery, RecordFilter | None, bool]]:
    """The first split of a query over the window: ``(part, keep, reuse_first_page)`` each.

    With fiscal years *and* include_active, every part would carry include_active and so add
    *all* active projects to each part: fetch the asked years, then the active records of
    recent years outside them (``keep`` = :func:`is_active`). Without fiscal years,
    include_active adds nothing (every year is asked anyway), and the first page already
    fetched for ``query`` can be reused.
    """
    if query.include_active and query.fiscal_years:
        base = query.replace(include_active=False)
        this_year = datetime.date.today().year
        extra = sorted(
            set(range(this_year - _ACTIVE_LOOKBACK_YEARS, this_year + 2)) - set(query.fiscal_years)
        )
        parts: list[tuple[ProjectQuery, RecordFilter | None, bool]] = [(base, None, False)]
        if extra:
            parts.append((base.with_fiscal_years(extra), is_active, False))
        return parts
    return [(query.replace(include_active=False), None, True)]


def halve(query: ProjectQuery) -> tuple[ProjectQuery, ProjectQuery] | None:
    """Split ``query`` in two along the first axis that still has room, or None."""
    years = query.fiscal_years or all_fiscal_years()
    if len(years) > 1:
        ys = sorted(years)
        mid = len(ys) // 2
        return query.with_fiscal_years(ys[:mid]), query.with_fiscal_years(ys[mid:])
    if not query.fiscal_years:  # a single possible year: make it explicit
        query = query.with_fiscal_years(years)
    agencies = query.agencies or limits.NIH_AGENCIES
    if len(agencies) > 1:
        mid = len(agencies) // 2
        return query.with_agencies(agencies[:mid]), query.with_agencies(agencies[mid:])
    low = query.project_start_from or _START_DATE_MIN
    high = query.project_start_to or datetime.date(datetime.date.today().year + 10, 12, 31)
    if low < high:
        # Windows are inclusive on both ends (from_date/to_date): [low, mid] + [mid+1, high].
        mid_date = low + (high - low) // 2
        return (
            query.with_project_start(low, mid_date),
            query.with_project_start(mid_date + datetime.timedelta(days=1), high),
        )
    return None


def all_fiscal_years() -> tuple[int, ...]:
    """Every fiscal year RePORTER may hold, to this day's next one."""
    # Fiscal year N starts in October of N-1, so next year's records already exist.
    return tuple(range(limits.FISCAL_YEAR_MIN, datetime.date.today().year + 2))


def is_active(record: dict[str, Any]) -> bool:
    """Whether RePORTER marks the record as an active project."""
    return record.get("is_active") is True
