"""reporter_finder.search: retrieval defaults and the find_mentors facade (offline)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from reporter_finder.errors import DataFormatError, QueryError
from reporter_finder.rank.resolve import resolve_specialty
from reporter_finder.retrieval import split_query
from reporter_finder.schema import RANK_COLUMNS
from reporter_finder.search import MentorSearch, find_mentors, relevant_grants
from tests.search.conftest import FakeClient

AS_OF = date(2025, 1, 15)
CARDIOLOGY = resolve_specialty("cardiology").specialty


def test_find_mentors_on_fixture_records_ranks_with_explanations(
    common_fund_records: list[dict[str, Any]],
) -> None:
    search = find_mentors(
        "pediatrics",
        skills="machine learning",
        track="clinical",
        years=range(2020, 2027),
        records=common_fund_records,
        as_of=AS_OF,
    )
    assert isinstance(search, MentorSearch)
    assert search.queries == ()
    assert search.specialty.is_known
    assert search.specialty.specialty.key == "pediatrics"
    assert [s.name for s in search.skills]
    assert search.track == "clinical"
    assert search.as_of == AS_OF
    ranked = search.ranked
    assert list(ranked.columns) == list(RANK_COLUMNS)
    assert len(ranked) > 5
    assert ranked["rank"].tolist() == list(range(1, len(ranked) + 1))
    assert ranked["score"].is_monotonic_decreasing
    assert ranked["why"].str.len().min() > 20
    assert all(isinstance(v, list) and v for v in ranked["matched_terms"])
    assert search.top(3).equals(ranked.head(3))
    best = search.top(1).iloc[0]
    grants = search.pi(int(best["profile_id"]))
    assert best["top_grant_number"] in set(grants["core_project_num"])
    assert grants["is_contact_pi"].dtype == "boolean"
    assert search.pi(str(best["pi_key"])).equals(grants)
    assert search.pi("no-such-pi").empty
    assert search.pi("²").empty  # regression: int("²") raised ValueError


def test_find_mentors_filters_records_like_the_query_would(
    common_fund_records: list[dict[str, Any]],
) -> None:
    everything = find_mentors(
        "pediatrics", years=range(2020, 2027), records=common_fund_records, as_of=AS_OF
    )
    in_ca = find_mentors(
        "pediatrics",
        years=range(2020, 2027),
        states=["CA"],
        records=common_fund_records,
        as_of=AS_OF,
    )
    assert 0 < len(in_ca.ranked) < len(everything.ranked)
    assert set(in_ca.tables.projects["org_state"].dropna()) == {"CA"}
    r03_only = find_mentors(
        "pediatrics", activity_codes=["R03"], years=range(2020, 2027),
        records=common_fund_records, as_of=AS_OF,
    )  # fmt: skip
    assert set(r03_only.tables.projects["activity_code"]) == {"R03"}
    active = find_mentors(
        "pediatrics", years=range(2020, 2027), active_only=True,
        records=common_fund_records, as_of=AS_OF,
    )  # fmt: skip
    assert (active.ranked["n_active_grants"] > 0).all()
    assert active.ranked["rank"].tolist() == list(range(1, len(active.ranked) + 1))


def test_find_mentors_sends_default_queries_through_the_given_client(
    common_fund_records: list[dict[str, Any]],
) -> None:
    client = FakeClient(common_fund_records[:40])
    search = find_mentors("cardiology", track="postdoc", client=client, as_of=date(2025, 10, 2))
    assert client.queries
    assert tuple(client.queries) == search.queries
    assert not client.closed
    first = client.queries[0]
    assert first.fiscal_years == (2022, 2023, 2024, 2025, 2026)
    assert first.search_fields == ("projecttitle", "abstracttext")
    assert first.exclude_subprojects
    assert first.include_active
    # Records returned by several split queries are merged on appl_id.
    assert search.tables.projects["appl_id"].is_unique


def test_find_mentors_merges_split_queries_on_appl_id(
    common_fund_records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import reporter_finder.search as mentors
    from reporter_finder.tables.build import build_tables

    monkeypatch.setattr(
        mentors, "split_query", lambda q, max_chars=60: split_query(q, max_chars=max_chars)
    )
    client = FakeClient(common_fund_records[:30])
    search = find_mentors("cardiology", client=client, as_of=AS_OF)
    assert len(client.queries) > 1  # every split query returned all 30 records
    once = build_tables(common_fund_records[:30], as_of=AS_OF).projects
    assert search.tables.projects["appl_id"].tolist() == once["appl_id"].tolist()


def test_find_mentors_rejects_unknown_track() -> None:
    with pytest.raises(QueryError, match="track"):
        find_mentors("cardiology", track="bench", records=[], as_of=AS_OF)


def test_find_mentors_with_no_records_gives_empty_ranking() -> None:
    search = find_mentors("cardiology", records=[], as_of=AS_OF)
    assert search.ranked.empty
    assert list(search.ranked.columns) == list(RANK_COLUMNS)


# --- public helpers the command line uses ---------------------------------------------------


def test_relevant_grants_drop_off_topic_grants_and_sort_by_relevance(
    common_fund_records: list[dict[str, Any]],
) -> None:
    search = find_mentors("oncology", records=common_fund_records, as_of=AS_OF)
    grants = relevant_grants(search)
    assert grants.columns[0] == "relevance"
    assert len(grants) < len(search.tables.grants)
    assert (grants["relevance"] > 0).all()
    assert grants["relevance"].is_monotonic_decreasing
    active = relevant_grants(search, active_only=True)
    assert set(active["core_project_num"]) < set(grants["core_project_num"])
    assert active["is_active"].all()


# --- only the ReporterError family escapes ------------------------------------------------------


@pytest.mark.parametrize("fiscal_year", ["FY2024", float("nan"), None], ids=["text", "nan", "none"])
def test_records_with_an_unreadable_fiscal_year_are_kept_like_records_without_one(
    common_fund_records: list[dict[str, Any]], fiscal_year: Any
) -> None:
    # Regression: int("FY2024") and int(nan) escaped find_mentors as ValueError.
    records = [dict(rec, fiscal_year=fiscal_year) for rec in common_fund_records[:40]]
    without = [{k: v for k, v in rec.items() if k != "fiscal_year"} for rec in records]
    search = find_mentors("pediatrics", years=[2024], records=records, as_of=AS_OF)
    expected = find_mentors("pediatrics", years=[2024], records=without, as_of=AS_OF)
    assert len(search.tables.projects) == len(expected.tables.projects) > 0


def test_a_record_that_is_not_a_mapping_is_a_data_format_error() -> None:
    # Regression: "x".get(...) escaped find_mentors as AttributeError.
    with pytest.raises(DataFormatError, match="record 0 is a str"):
        find_mentors("cardiology", records=["x"], as_of=AS_OF)  # type: ignore[list-item]


def test_find_mentors_does_not_mutate_the_records(
    common_fund_records: list[dict[str, Any]],
) -> None:
    before = copy.deepcopy(common_fund_records)
    find_mentors("pediatrics", skills="R", records=common_fund_records, as_of=AS_OF)
    assert common_fund_records == before
