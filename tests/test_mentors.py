"""Tests of reporter_finder.search: retrieval defaults and the find_mentors facade (offline)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from reporter_finder.api.query import ProjectQuery
from reporter_finder.errors import QueryError
from reporter_finder.rank.resolve import resolve_specialty
from reporter_finder.schema import RANK_COLUMNS
from reporter_finder.search import (
    MENTOR_ACTIVITY_CODES,
    PI_DETAIL_COLUMNS,
    MentorSearch,
    default_query,
    fetch_records,
    find_mentors,
    pi_grant_details,
    pi_query,
    relevant_grants,
    split_query,
)

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


class FakeClient:
    """Stands in for ReporterClient: records every query, answers from a fixed list."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records
        self.queries: list[ProjectQuery] = []
        self.closed = False

    def iter_projects(self, query: ProjectQuery) -> Iterator[dict[str, Any]]:
        self.queries.append(query)
        yield from self.records

    def close(self) -> None:  # pragma: no cover - must not be called on a caller's client
        self.closed = True


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


def test_pi_query_by_profile_id_or_name() -> None:
    assert pi_query(" 8406715 ").pi_profile_ids == (8406715,)
    assert pi_query("Brown,  C Titus").pi_names == ("Brown, C Titus",)


def test_pi_grant_details_roles_newest_first_and_papers(
    common_fund_records: list[dict[str, Any]],
) -> None:
    import pandas as pd

    from reporter_finder.tables.build import build_tables

    tables = build_tables(common_fund_records, as_of=AS_OF)
    plain = pi_grant_details(tables, "8406715")
    assert list(plain.columns) == list(PI_DETAIL_COLUMNS)
    assert plain["core_project_num"].tolist() == ["R03OD034502", "R03OD030596"]  # newest first
    assert plain["role"].tolist() == ["PI (multi-PI)", "contact PI"]
    assert plain["n_publications"].isna().all()  # not looked up
    papers = pd.DataFrame({
        "pi_key": ["8406715", "8406715", "other"], "pmid": [3, 2, 1],
        "core_project_num": ["R03OD034502", "R03OD034502", "R03OD034502"],
        "citation": ["New — J 2025 (PMID 3)", "PMID 2", "PMID 1"],
    })  # fmt: skip
    rows = pi_grant_details(tables, "8406715", publications=papers)
    assert rows["n_publications"].tolist() == [2, 0]
    assert rows.loc[0, "publications"] == ["New — J 2025 (PMID 3)", "PMID 2"]
    assert rows.loc[0, "pubmed_urls"] == [
        "https://pubmed.ncbi.nlm.nih.gov/3/",
        "https://pubmed.ncbi.nlm.nih.gov/2/",
    ]
    with pytest.raises(KeyError):
        pi_grant_details(tables, "no-such-pi")


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
