"""reporter_finder.retrieval: the default query, splitting, fetching and merging (offline)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from reporter_finder.errors import QueryError
from reporter_finder.investigator import pi_query
from reporter_finder.rank.resolve import resolve_specialty
from reporter_finder.retrieval import (
    MENTOR_ACTIVITY_CODES,
    default_query,
    fetch_records,
    split_query,
)
from tests.search.conftest import FakeClient

AS_OF = date(2025, 1, 15)
CARDIOLOGY = resolve_specialty("cardiology").specialty


def test_default_query_searches_core_terms_in_title_and_abstract() -> None:
    query = default_query(CARDIOLOGY, today=date(2025, 3, 1))
    criteria = query.to_payload(0, 50)["criteria"]
    text = criteria["advanced_text_search"]
    assert text["search_field"] == "projecttitle,abstracttext"
    assert " OR " in text["search_text"]
    phrases = [t for t in CARDIOLOGY.core_terms if " " in t]
    assert phrases, "the cardiology lexicon has multi-word core terms"
    assert f'"{phrases[0]}"' in text["search_text"]
    assert criteria["exclude_subprojects"] is True
    assert criteria["include_active_projects"] is True


def test_default_activity_codes_exclude_fellowships_sbir_contracts_and_intramural() -> None:
    codes = default_query(CARDIOLOGY, today=AS_OF).activity_codes
    assert codes == MENTOR_ACTIVITY_CODES
    assert {"R01", "K24", "T32", "R25", "D43", "U01", "P50", "DP2"} <= set(codes)
    assert not [c for c in codes if c.startswith("F")]
    assert not {"R41", "R42", "R43", "R44", "U44", "SB1", "N01", "ZIA", "ZIC"} & set(codes)


@pytest.mark.parametrize(
    ("today", "years"),
    [
        (date(2025, 9, 30), (2021, 2022, 2023, 2024, 2025)),
        (date(2025, 10, 1), (2022, 2023, 2024, 2025, 2026)),
        (date(2026, 1, 1), (2022, 2023, 2024, 2025, 2026)),
    ],
)
def test_default_fiscal_years_are_current_nih_year_and_four_before(
    today: date, years: tuple[int, ...]
) -> None:
    assert default_query(CARDIOLOGY, today=today).fiscal_years == years


def test_default_query_overrides() -> None:
    query = default_query(
        CARDIOLOGY,
        years=2,
        states=["md", "CA"],
        cities=["Baltimore"],
        institutions=["Johns Hopkins University"],
        activity_codes=["R01"],
        include_active=False,
        today=AS_OF,
    )
    assert query.fiscal_years == (2024, 2025)
    assert query.org_states == ("MD", "CA")
    assert query.org_cities == ("Baltimore",)
    assert query.org_names == ("Johns Hopkins University",)
    assert query.activity_codes == ("R01",)
    assert query.include_active is False
    assert default_query(CARDIOLOGY, years=[2019, 2018], today=AS_OF).fiscal_years == (2018, 2019)
    with pytest.raises(QueryError):
        default_query(CARDIOLOGY, years=0, today=AS_OF)


def test_split_query_keeps_short_queries_and_splits_long_or_lists() -> None:
    short = default_query(CARDIOLOGY, today=AS_OF)
    assert split_query(short, max_chars=10_000) == (short,)
    terms = tuple(f"term number {i}" for i in range(200))
    long = short.replace(terms=terms)
    parts = split_query(long, max_chars=300)
    assert len(parts) > 1
    assert tuple(t for p in parts for t in p.terms) == terms
    for part in parts:
        assert len(part.to_payload()["criteria"]["advanced_text_search"]["search_text"]) <= 300
        assert part.activity_codes == long.activity_codes
        assert part.fiscal_years == long.fiscal_years


def test_fetch_records_merges_overlapping_queries_on_appl_id(
    common_fund_records: list[dict[str, Any]],
) -> None:
    unkeyed = {"project_title": "no appl_id"}
    client = FakeClient([*common_fund_records[:20], unkeyed])
    queries = split_query(default_query(CARDIOLOGY, today=AS_OF), max_chars=60)
    records = fetch_records(queries, client)  # type: ignore[arg-type]
    assert len(client.queries) == len(queries) > 1
    keyed = [r["appl_id"] for r in records if "appl_id" in r]
    assert keyed == [r["appl_id"] for r in common_fund_records[:20]]  # first copy, in order
    assert records[-len(queries) :] == [unkeyed] * len(queries)  # cannot be merged: all kept
    assert not client.closed  # the caller's client is left open


def test_non_integer_years_are_a_query_error() -> None:
    # Regression: int("x") escaped default_query as ValueError.
    with pytest.raises(QueryError, match="years"):
        default_query(CARDIOLOGY, years=["x"], today=AS_OF)


def test_fetch_records_keeps_a_record_with_an_unhashable_appl_id_unmerged() -> None:
    # Regression: a list appl_id escaped as TypeError (unhashable type).
    odd = {"appl_id": [1], "project_title": "odd"}
    records = fetch_records([pi_query("1")], FakeClient([odd]))  # type: ignore[arg-type]
    assert records == [odd]
