"""Splitting a RePORTER query whose result exceeds the 15,000-record window. Pure.

:func:`splits` lists the ways to cut a query in two, best first. A split along an axis the query
already restricts (its activity codes, its fiscal years, its agencies) is exhaustive by
construction: every record of the parent has exactly one of those values. A split over a list
the client supplies (every agency it knows, project start-date windows) is not: a record of an
agency missing from the list, or without a start date, falls outside both halves. The client
therefore checks every split against its parent's count and takes the next axis when a split
does not cover it (:class:`~reporter_finder.api.reporter.ReporterClient`).

Fiscal years are not an axis for a query with ``include_active``: RePORTER adds the active
projects of *every* year to each part, so parts restricted to years would not partition it.
The other axes are independent of it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from reporter_finder.api import limits
from reporter_finder.api.query import ProjectQuery

__all__ = ["Split", "all_fiscal_years", "splits"]

#: Bounds of project start dates when splitting by date windows. A record outside (or without
#: a start date) is in no window; the coverage check then says so.
_START_DATE_MIN = datetime.date(1950, 1, 1)
_START_DATE_YEARS_AHEAD = 10

#: ``(axis, parts, exhaustive)``: a way to cut a query; ``exhaustive`` when no record of the
#: parent can fall outside every part.
Split = tuple[str, tuple[ProjectQuery, ...], bool]


def splits(query: ProjectQuery, today: datetime.date | None = None) -> list[Split]:
    """The ways to cut ``query`` in two, best first (empty: it cannot be cut).

    Order: activity codes, fiscal years (not with ``include_active``), agencies, then
    project start-date windows that overlap by one day (the API's boundary rule is not
    documented; the duplicates this makes are removed on ``appl_id``).
    """
    day = today or datetime.date.today()
    found: list[Split] = []
    if len(query.activity_codes) > 1:
        a, b = _halves(query.activity_codes)
        found.append(("activity code", (query.replace(activity_codes=a),
                                        query.replace(activity_codes=b)), True))  # fmt: skip
    if not query.include_active:
        years = query.fiscal_years or all_fiscal_years(day)
        if len(years) > 1:
            a, b = _halves(sorted(years))
            found.append(("fiscal year", (query.with_fiscal_years(a),
                                          query.with_fiscal_years(b)), True))  # fmt: skip
    agencies = query.agencies or limits.AGENCIES
    if len(agencies) > 1:
        a, b = _halves(agencies)
        found.append(("agency", (query.with_agencies(a), query.with_agencies(b)),
                      bool(query.agencies)))  # fmt: skip
    windows = _date_halves(query, day)
    if windows is not None:
        found.append(("project start date", windows, False))
    return found


def all_fiscal_years(today: datetime.date | None = None) -> tuple[int, ...]:
    """Every fiscal year RePORTER may hold, to this day's next one."""
    # Fiscal year N starts in October of N-1, so next year's records already exist.
    day = today or datetime.date.today()
    return tuple(range(limits.FISCAL_YEAR_MIN, day.year + 2))


def _halves(values: Sequence[str] | Sequence[int]) -> tuple[tuple, tuple]:  # type: ignore[type-arg]
    mid = len(values) // 2
    return tuple(values[:mid]), tuple(values[mid:])


def _date_halves(
    query: ProjectQuery, day: datetime.date
) -> tuple[ProjectQuery, ProjectQuery] | None:
    low = query.project_start_from or _START_DATE_MIN
    high = query.project_start_to or datetime.date(day.year + _START_DATE_YEARS_AHEAD, 12, 31)
    span = (high - low).days
    if span < 1:
        return None
    if span == 1:  # two days: one each (an overlap would repeat the parent)
        return query.with_project_start(low, low), query.with_project_start(high, high)
    mid = low + datetime.timedelta(days=span // 2)
    return query.with_project_start(low, mid), query.with_project_start(mid, high)
