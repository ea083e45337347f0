"""partition.splits: the ways to cut a query over the 15,000-record window, best first."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from reporter_finder.api import limits
from reporter_finder.api.partition import all_fiscal_years, splits
from reporter_finder.api.query import ProjectQuery

TODAY = datetime.date(2026, 6, 15)
D = datetime.date

#: The criteria key each axis changes.
AXIS_KEY = {
    "activity code": "activity_codes",
    "fiscal year": "fiscal_years",
    "agency": "agencies",
    "project start date": "project_start_date",
}

RICH = ProjectQuery(
    terms=["heart failure", "arrhythmia"],
    fiscal_years=[2022, 2023, 2024, 2025],
    org_states=["MD", "VA"],
    org_names=["Hopkins"],
    activity_codes=["R01", "K23", "T32"],
    agencies=["NHLBI", "NCI"],
    pi_profile_ids=[10456789],
    project_nums=["5R01HL161234-*"],
    project_start_from="2010-01-01",
    project_start_to="2020-12-31",
    project_end_from="2015-01-01",
    award_amount_min=50_000,
    use_relevance=True,
)


def _axes(query: ProjectQuery) -> list[str]:
    return [axis for axis, _, _ in splits(query, today=TODAY)]


def _split(query: ProjectQuery, axis: str) -> tuple[tuple[ProjectQuery, ...], bool]:
    found = {name: (parts, exhaustive) for name, parts, exhaustive in splits(query, today=TODAY)}
    return found[axis]


def _start(part: ProjectQuery) -> tuple[datetime.date | None, datetime.date | None]:
    return part.project_start_from, part.project_start_to


# --- order of axes --------------------------------------------------------------------------


def test_axes_come_best_first() -> None:
    assert _axes(RICH) == ["activity code", "fiscal year", "agency", "project start date"]


def test_every_split_is_in_two() -> None:
    assert all(len(parts) == 2 for _, parts, _ in splits(RICH, today=TODAY))


@pytest.mark.parametrize("codes", [[], ["R01"]])
def test_activity_codes_are_an_axis_only_for_two_or_more(codes: list[str]) -> None:
    query = ProjectQuery(text="sepsis", activity_codes=codes)
    assert _axes(query) == ["fiscal year", "agency", "project start date"]


def test_two_activity_codes_give_one_each() -> None:
    parts, exhaustive = _split(
        ProjectQuery(text="x", activity_codes=["R01", "K23"]), "activity code"
    )
    assert [p.activity_codes for p in parts] == [("R01",), ("K23",)]
    assert exhaustive


def test_activity_code_halves_partition_the_querys_codes() -> None:
    parts, exhaustive = _split(RICH, "activity code")
    assert [p.activity_codes for p in parts] == [("R01",), ("K23", "T32")]
    assert exhaustive


@pytest.mark.parametrize("fiscal_years", [[], [2024], [2024, 2025]])
def test_fiscal_years_are_never_an_axis_with_include_active(fiscal_years: list[int]) -> None:
    query = ProjectQuery(text="x", fiscal_years=fiscal_years, include_active=True)
    assert _axes(query) == ["agency", "project start date"]


def test_include_active_keeps_the_other_axes() -> None:
    query = RICH.replace(include_active=True)
    assert _axes(query) == ["activity code", "agency", "project start date"]
    for _, parts, _ in splits(query, today=TODAY):
        assert all(p.include_active for p in parts)


def test_a_single_fiscal_year_is_not_an_axis() -> None:
    assert "fiscal year" not in _axes(ProjectQuery(text="x", fiscal_years=[2025]))


def test_fiscal_year_halves_partition_the_querys_years_in_order() -> None:
    parts, exhaustive = _split(
        RICH.replace(fiscal_years=[2025, 2022, 2024, 2023, 2021]), "fiscal year"
    )
    assert [p.fiscal_years for p in parts] == [(2021, 2022), (2023, 2024, 2025)]
    assert exhaustive


def test_a_query_without_fiscal_years_is_split_over_every_fiscal_year() -> None:
    parts, _ = _split(ProjectQuery(text="x"), "fiscal year")
    assert parts[0].fiscal_years + parts[1].fiscal_years == all_fiscal_years(TODAY)
    assert parts[0].fiscal_years[0] == 1985
    assert parts[1].fiscal_years[-1] == TODAY.year + 1
    assert not set(parts[0].fiscal_years) & set(parts[1].fiscal_years)


@pytest.mark.parametrize(
    ("today", "last"),
    [(D(2026, 6, 15), 2027), (D(2025, 1, 1), 2026), (D(2025, 12, 31), 2026)],
)
def test_all_fiscal_years_run_from_1985_to_next_year(today: datetime.date, last: int) -> None:
    assert all_fiscal_years(today) == tuple(range(limits.FISCAL_YEAR_MIN, last + 1))


def test_every_agency_split_covers_nih_and_other_agencies_and_is_not_exhaustive() -> None:
    parts, exhaustive = _split(ProjectQuery(text="x"), "agency")
    assert parts[0].agencies + parts[1].agencies == limits.AGENCIES
    assert not set(parts[0].agencies) & set(parts[1].agencies)
    assert {"NCI", "NHLBI", "AHRQ", "VA", "CDC", "FDA"} <= {*parts[0].agencies, *parts[1].agencies}
    assert not exhaustive  # an agency missing from the list falls outside both halves


def test_the_querys_own_agencies_split_exhaustively() -> None:
    query = ProjectQuery(text="x", agencies=["NHLBI", "NCI", "NIA"])
    parts, exhaustive = _split(query, "agency")
    assert [p.agencies for p in parts] == [("NHLBI",), ("NCI", "NIA")]
    assert exhaustive


def test_a_single_agency_is_not_an_axis() -> None:
    assert _axes(ProjectQuery(text="x", agencies=["NHLBI"])) == [
        "fiscal year",
        "project start date",
    ]


# --- project start-date windows -------------------------------------------------------------


def test_date_windows_are_not_exhaustive() -> None:
    _, exhaustive = _split(RICH, "project start date")
    assert not exhaustive  # a record without a start date is in no window


def test_date_windows_default_to_1950_through_ten_years_ahead() -> None:
    first, second = _split(ProjectQuery(text="x"), "project start date")[0]
    assert first.project_start_from == D(1950, 1, 1)
    assert second.project_start_to == D(TODAY.year + 10, 12, 31)
    assert first.project_start_to == second.project_start_from


@pytest.mark.parametrize(
    ("start_from", "start_to", "low", "high"),
    [
        (D(2000, 1, 1), None, D(2000, 1, 1), D(2036, 12, 31)),
        (None, D(2000, 1, 1), D(1950, 1, 1), D(2000, 1, 1)),
    ],
)
def test_an_open_side_of_the_querys_window_takes_the_default(
    start_from: datetime.date | None,
    start_to: datetime.date | None,
    low: datetime.date,
    high: datetime.date,
) -> None:
    query = ProjectQuery(text="x", project_start_from=start_from, project_start_to=start_to)
    first, second = _split(query, "project start date")[0]
    assert (first.project_start_from, second.project_start_to) == (low, high)


@pytest.mark.parametrize(
    ("start_from", "start_to"),
    [
        (D(2020, 1, 1), D(2020, 1, 3)),
        (D(2020, 1, 1), D(2020, 1, 4)),
        (D(2020, 1, 1), D(2020, 12, 31)),
        (D(2019, 12, 30), D(2020, 3, 1)),
        (D(2010, 1, 1), D(2020, 12, 31)),
    ],
)
def test_date_halves_cover_the_window_and_overlap_by_exactly_one_day(
    start_from: datetime.date, start_to: datetime.date
) -> None:
    query = ProjectQuery(text="x", project_start_from=start_from, project_start_to=start_to)
    first, second = _split(query, "project start date")[0]
    assert first.project_start_from == start_from
    assert second.project_start_to == start_to
    assert first.project_start_to == second.project_start_from
    # Both halves are smaller than the parent, so splitting again always ends.
    assert first.project_start_to < start_to
    assert second.project_start_from > start_from


def test_halves_are_balanced() -> None:
    query = ProjectQuery(
        text="x", project_start_from=D(2020, 1, 1), project_start_to=D(2020, 1, 11)
    )
    first, second = _split(query, "project start date")[0]
    assert (_start(first), _start(second)) == (
        (D(2020, 1, 1), D(2020, 1, 6)),
        (D(2020, 1, 6), D(2020, 1, 11)),
    )


def test_a_two_day_window_gives_two_single_days() -> None:
    query = ProjectQuery(
        text="x", project_start_from=D(2020, 2, 28), project_start_to=D(2020, 2, 29)
    )
    first, second = _split(query, "project start date")[0]
    assert (_start(first), _start(second)) == (
        (D(2020, 2, 28), D(2020, 2, 28)),
        (D(2020, 2, 29), D(2020, 2, 29)),
    )


def test_a_one_day_window_cannot_be_split_by_date() -> None:
    one_day = D(2020, 1, 1)
    query = ProjectQuery(text="x", project_start_from=one_day, project_start_to=one_day)
    assert _axes(query) == ["fiscal year", "agency"]


def test_a_window_outside_the_default_bounds_is_not_split_by_date() -> None:
    query = ProjectQuery(text="x", project_start_from=D(TODAY.year + 11, 1, 1))
    assert "project start date" not in _axes(query)


def test_repeated_date_splits_reach_single_days() -> None:
    query = ProjectQuery(text="x", project_start_from=D(2020, 1, 1), project_start_to=D(2020, 1, 9))
    pending, days = [query], set()
    for _ in range(100):
        if not pending:
            break
        part = pending.pop()
        if part.project_start_from == part.project_start_to:
            days.add(part.project_start_from)
        else:
            pending.extend(_split(part, "project start date")[0])
    assert days == {D(2020, 1, d) for d in range(1, 10)}


def test_a_query_that_cannot_be_cut_has_no_splits() -> None:
    one_day = D(2020, 1, 1)
    query = ProjectQuery(
        text="x",
        fiscal_years=[2020],
        activity_codes=["R01"],
        agencies=["NCI"],
        project_start_from=one_day,
        project_start_to=one_day,
    )
    assert splits(query, today=TODAY) == []


# --- each half is the parent with one criterion narrowed ------------------------------------


def _others(criteria: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in criteria.items() if k != key}


@pytest.mark.parametrize(
    "query",
    [RICH, RICH.replace(include_active=True), ProjectQuery(text="x", org_states=["CA"])],
    ids=["rich", "include_active", "plain"],
)
def test_each_part_keeps_every_other_criterion_unchanged(query: ProjectQuery) -> None:
    parent = query.to_criteria()
    found = splits(query, today=TODAY)
    assert found
    for axis, parts, _ in found:
        key = AXIS_KEY[axis]
        for part in parts:
            criteria = part.to_criteria()
            assert key in criteria
            assert criteria.get(key) != parent.get(key)
            assert _others(criteria, key) == _others(parent, key)


def test_splits_do_not_change_the_query() -> None:
    before = RICH.to_criteria()
    splits(RICH, today=TODAY)
    assert RICH.to_criteria() == before
