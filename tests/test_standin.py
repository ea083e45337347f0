"""The RePORTER stand-in's misbehaviour switches (tests/standin.py), over real sockets with
plain ``requests``: each switch serves the fault it promises, and is off by default."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.conftest import load_fixture
from tests.standin import Backend, StandIn, agency_fields, synthetic_records

pytestmark = pytest.mark.e2e

CF_RECORDS: list[dict[str, Any]] = load_fixture("projects-common-fund.json")["results"]
STATES = ("CA", "NY", "TX")
N = 30


def _state(i: int, record: dict[str, Any]) -> None:
    record["organization"] = {**record["organization"], "org_state": STATES[i % 3]}


@pytest.fixture
def records() -> list[dict[str, Any]]:
    """``N`` records, appl_id 20000000.., FY2024, org_state cycling CA/NY/TX, agency OD."""
    return synthetic_records(CF_RECORDS, N, fiscal_year=2024, subproject_id=None, vary=_state)


@pytest.fixture
def server(records: list[dict[str, Any]]) -> Iterator[StandIn]:
    with StandIn(records) as standin:
        yield standin


def post(
    standin: StandIn, criteria: dict[str, Any], offset: int = 0, limit: int = 500, **extra: Any
) -> requests.Response:
    body = {"criteria": criteria, "offset": offset, "limit": limit, **extra}
    return requests.post(f"{standin.url}/projects/search", json=body, timeout=10)


def search(standin: StandIn, criteria: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    response = post(standin, criteria, **kwargs)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def ids(data: dict[str, Any]) -> list[int]:
    return [int(r["appl_id"]) for r in data["results"]]


def pages(standin: StandIn, criteria: dict[str, Any], total: int, limit: int) -> list[int]:
    """Every appl_id served when paging ``total`` records ``limit`` at a time."""
    return [
        i
        for off in range(0, total, limit)
        for i in ids(search(standin, criteria, offset=off, limit=limit))
    ]


FY = {"fiscal_years": [2024]}


def test_switches_are_off_by_default() -> None:
    backend = Backend()
    assert backend.ignored_criteria == set()
    assert (backend.joining, backend.leaving) == ([], set())
    assert not backend.misordered_pages
    assert not backend.overlapping_pages
    assert not backend.unstable_ties
    assert not backend.agencies_match_funding
    assert (backend.sort_echo, backend.hidden_under, backend.result_window) == (None, {}, 15_000)


def test_ignored_criteria_are_not_applied(server: StandIn) -> None:
    assert search(server, {**FY, "org_states": ["CA"]})["meta"]["total"] == N // 3
    server.ignore_criteria("org_states")
    data = search(server, {**FY, "org_states": ["CA"]})
    assert data["meta"]["total"] == N
    assert {r["organization"]["org_state"] for r in data["results"]} == set(STATES)
    server.ignore_criteria()
    assert search(server, {**FY, "org_states": ["CA"]})["meta"]["total"] == N // 3


def test_an_ignored_text_filter_returns_the_count_without_text(reporter_server: StandIn) -> None:
    text = {"search_text": "zebrafish", "operator": "and", "search_field": "projecttitle"}
    criteria = {"fiscal_years": list(range(2020, 2027)), "advanced_text_search": text}
    without_text = search(reporter_server, {"fiscal_years": criteria["fiscal_years"]})
    assert search(reporter_server, criteria)["meta"]["total"] < without_text["meta"]["total"]
    reporter_server.ignore_criteria("advanced_text_search")
    assert search(reporter_server, criteria)["meta"]["total"] == without_text["meta"]["total"]


def test_records_join_after_n_projects_requests(server: StandIn) -> None:
    joining = synthetic_records(CF_RECORDS, 3, start=19_000_000, fiscal_year=2024)
    joining.append({**joining[0], "appl_id": 20_000_100})  # after the others
    server.add_records_after(1, joining)
    first = search(server, FY)
    second = search(server, FY)
    third = search(server, FY)
    assert first["meta"]["total"] == N
    assert second["meta"]["total"] == third["meta"]["total"] == N + 4
    assert ids(second) == sorted(ids(second))
    assert set(ids(second)) - set(ids(first)) == {int(r["appl_id"]) for r in joining}
    assert server.backend.projects_handled == 3


def test_records_leave_after_n_projects_requests(server: StandIn) -> None:
    server.remove_records_after(2, [20_000_000, 20_000_029])
    totals = [search(server, FY, limit=1)["meta"]["total"] for _ in range(3)]
    assert totals == [N, N, N - 2]
    assert ids(search(server, FY))[0] == 20_000_001


def test_joining_counts_every_projects_request_but_not_publications(server: StandIn) -> None:
    server.add_records_after(2, synthetic_records(CF_RECORDS, 1, start=30_000_000))
    assert post(server, FY, limit=501).status_code == 400  # counts: it was handled
    pubs = requests.post(
        f"{server.url}/publications/search", json={"criteria": {"pmids": [1]}}, timeout=10
    )
    assert pubs.status_code == 200
    assert search(server, {})["meta"]["total"] == N
    assert search(server, {})["meta"]["total"] == N + 1


def test_misordered_pages_come_descending_after_the_first(server: StandIn) -> None:
    server.misorder_pages()
    first = search(server, FY, limit=10, sort_field="appl_id", sort_order="asc")
    second = search(server, FY, offset=10, limit=10, sort_field="appl_id", sort_order="asc")
    assert ids(first) == sorted(ids(first))
    assert ids(second) == sorted(ids(second), reverse=True)
    assert ids(second) == list(range(20_000_019, 20_000_009, -1))  # the right records
    assert second["meta"]["sort_order"] == "ASC"
    assert not second["meta"]["sorted_by_relevance"]
    server.misorder_pages(on=False)
    assert ids(search(server, FY, offset=10, limit=10)) == list(range(20_000_010, 20_000_020))


def test_sort_echo_overrides_the_meta(server: StandIn) -> None:
    body = {"sort_field": "appl_id", "sort_order": "asc"}
    assert search(server, FY, **body)["meta"]["sort_field"] == "appl_id"
    server.set_sort_echo({"sorted_by_relevance": True, "sort_field": "project_start_date"})
    meta = search(server, FY, **body)["meta"]
    assert meta["sorted_by_relevance"] is True
    assert meta["sort_field"] == "project_start_date"
    assert meta["sort_order"] == "ASC"
    server.set_sort_echo(None)
    assert search(server, FY, **body)["meta"]["sorted_by_relevance"] is False


def test_overlapping_pages_double_one_id_and_drop_the_last(server: StandIn) -> None:
    server.overlap_pages()
    assert len(search(server, FY, offset=20, limit=500)["results"]) == N - 20
    served = pages(server, FY, N, 20)
    assert len(served) == N
    assert len(set(served)) == N - 1
    assert [i for i in set(served) if served.count(i) > 1] == [20_000_019]
    assert 20_000_029 not in served
    assert search(server, FY, offset=20, limit=20)["meta"]["total"] == N
    server.overlap_pages(on=False)
    assert sorted(pages(server, FY, N, 20)) == list(range(20_000_000, 20_000_000 + N))


def test_hidden_records_are_missing_only_when_the_key_is_sent(server: StandIn) -> None:
    hidden = {20_000_003, 20_000_004}
    server.hide_under("agencies", hidden)
    assert search(server, FY)["meta"]["total"] == N
    assert search(server, {**FY, "agencies": []})["meta"]["total"] == N  # empty: not sent
    split = search(server, {**FY, "agencies": ["OD"]})
    assert split["meta"]["total"] == N - 2
    assert not hidden & set(ids(split))
    server.hide_under("project_start_date", [20_000_005])
    window = {"from_date": "1990-01-01", "to_date": "2100-12-31"}
    assert search(server, {**FY, "project_start_date": window})["meta"]["total"] == N - 1
    assert search(server, {**FY, "agencies": ["OD"]})["meta"]["total"] == N - 2


def test_the_parts_of_a_split_do_not_sum_to_the_parent(server: StandIn) -> None:
    server.hide_under("org_states", [20_000_000])
    parent = search(server, FY, limit=1)["meta"]["total"]
    parts = [search(server, {**FY, "org_states": [s]}, limit=1)["meta"]["total"] for s in STATES]
    assert sum(parts) == parent - 1


def test_result_window_is_configurable(server: StandIn) -> None:
    assert post(server, FY, offset=14_500, limit=500).status_code == 200
    assert post(server, FY, offset=14_501, limit=500).status_code == 400
    server.set_result_window(20)
    assert post(server, FY, offset=10, limit=10).status_code == 200
    too_far = post(server, FY, offset=15, limit=10)
    assert too_far.status_code == 400
    assert "20" in too_far.text


def publication_links() -> list[dict[str, Any]]:
    tie = [{"coreproject": "R01AA000002", "pmid": p, "applid": 1} for p in range(100, 106)]
    return [{"coreproject": "U01ZZ000001", "pmid": 50, "applid": 2}, *tie]


def post_publications(standin: StandIn, offset: int, limit: int) -> list[int]:
    body = {"criteria": {"core_project_nums": ["R01AA000002", "U01ZZ000001"]}}
    response = requests.post(
        f"{standin.url}/publications/search",
        json={**body, "offset": offset, "limit": limit},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    assert response.json()["meta"]["total"] == 7
    return [int(p["pmid"]) for p in response.json()["results"]]


def test_unstable_publication_ties_alternate_the_pmid_order() -> None:
    with StandIn(publications=publication_links()) as standin:
        assert post_publications(standin, 0, 7) == [50, 105, 104, 103, 102, 101, 100]
        standin.unstable_publication_ties()
        handled = standin.backend.publications_handled
        assert handled % 2 == 1  # so the next request is odd: pmid desc within the tie
        assert post_publications(standin, 0, 7) == [50, 105, 104, 103, 102, 101, 100]
        assert post_publications(standin, 0, 7) == [50, 100, 101, 102, 103, 104, 105]
        # paging across the tie: page 1 (odd request) then page 2 (even request)
        served = post_publications(standin, 0, 4) + post_publications(standin, 4, 4)
        assert served == [50, 105, 104, 103, 103, 104, 105]
        assert not {100, 101, 102} & set(served)  # skipped; 103-105 doubled


def test_agencies_match_funding_ics_only_when_switched_on() -> None:
    records = [
        *synthetic_records(CF_RECORDS, 2, **agency_fields("AHRQ", "NCI", fiscal_year=2024)),
        *synthetic_records(CF_RECORDS, 3, start=21_000_000, **agency_fields("NCI")),
    ]
    with StandIn(records) as standin:
        assert search(standin, {"agencies": ["NCI"]})["meta"]["total"] == 3
        assert search(standin, {"agencies": ["ahrq"]})["meta"]["total"] == 2
        standin.match_agencies_on_funding()
        assert search(standin, {"agencies": ["NCI"]})["meta"]["total"] == 5
        assert search(standin, {"agencies": ["AHRQ"]})["meta"]["total"] == 2


@pytest.mark.parametrize(
    ("agency", "agency_code"),
    [("AHRQ", "AHRQ"), ("CDC", "ALLCDC"), ("FDA", "FDA"), ("VA", "VA"), ("NIDA", "NIH")],
)
def test_records_of_any_agency_are_served_and_matched(agency: str, agency_code: str) -> None:
    fields = agency_fields(agency)
    assert fields["agency_code"] == agency_code
    assert fields["agency_ic_admin"]["abbreviation"] == agency
    records = synthetic_records(CF_RECORDS, 4, **fields) + synthetic_records(
        CF_RECORDS, 2, start=21_000_000
    )
    with StandIn(records) as standin:
        data = search(standin, {"agencies": [agency]})
        assert data["meta"]["total"] == 4
        assert {r["agency_ic_admin"]["abbreviation"] for r in data["results"]} == {agency}
        assert {r["agency_code"] for r in data["results"]} == {agency_code}


def test_synthetic_records_overrides_vary_and_backward_compatibility() -> None:
    before = copy.deepcopy(CF_RECORDS[:2])
    plain = synthetic_records(CF_RECORDS, 200)
    assert [r["appl_id"] for r in plain] == list(range(20_000_000, 20_000_200))
    assert plain[155]["project_num"] == CF_RECORDS[0]["project_num"]

    def vary(i: int, record: dict[str, Any]) -> dict[str, Any]:
        return {**record, "award_amount": i * 1_000}

    made = synthetic_records(CF_RECORDS[:2], 4, 5, vary=vary, fiscal_year=2019, is_active=True)
    assert [r["appl_id"] for r in made] == [5, 6, 7, 8]
    assert [r["award_amount"] for r in made] == [0, 1_000, 2_000, 3_000]
    assert {(r["fiscal_year"], r["is_active"]) for r in made} == {(2019, True)}
    assert made[2]["project_num"] == CF_RECORDS[0]["project_num"]
    assert CF_RECORDS[:2] == before  # the templates are not changed
