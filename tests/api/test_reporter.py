"""ReporterClient with ``responses``: payloads sent, paging, partitioning, retries, throttle,
cache and configuration. Where a test needs RePORTER's semantics (totals, filters, paging) the
stand-in's ``Backend`` answers as a ``responses`` callback, without sockets."""

from __future__ import annotations

import datetime
import itertools
import json
import logging
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
import requests
import responses
from responses import matchers

from reporter_finder import CacheSettings, ProjectQuery, ReporterClient
from reporter_finder.api import limits
from reporter_finder.api.transport import DEFAULT_USER_AGENT
from reporter_finder.errors import (
    FilterIgnoredError,
    IncompleteResultError,
    IncompleteResultsError,
    InvalidResponseError,
    OfflineCacheMissError,
    QueryError,
    RateLimitError,
    ReporterHTTPError,
    ReporterTimeoutError,
    ResultWindowError,
)
from tests.conftest import load_fixture
from tests.fakeclock import FakeClock
from tests.standin import Backend, synthetic_records

BASE = "https://api.example.org/v2"
PROJECTS = f"{BASE}/projects/search"
PUBLICATIONS = f"{BASE}/publications/search"
CF = load_fixture("projects-common-fund.json")
CF_RECORDS: list[dict[str, Any]] = sorted(CF["results"], key=lambda r: r["appl_id"])


@pytest.fixture
def backend() -> Iterator[Backend]:
    """A stand-in backend answering every request to BASE (any number of them)."""
    served = Backend()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:

        def callback(request: requests.PreparedRequest) -> tuple[int, dict[str, str], bytes]:
            return served.handle(urlparse(request.url).path, json.loads(request.body or b"null"))

        rsps.add_callback(responses.POST, re.compile(f"{BASE}/.*"), callback=callback)
        yield served


ALL_CF_YEARS = list(range(2020, 2027))
#: Every common-fund record: all are administered by OD (years alone are refused as no filter).
CF_QUERY = ProjectQuery(fiscal_years=ALL_CF_YEARS, agencies=["OD"])


@pytest.fixture
def client(fake: FakeClock) -> Iterator[ReporterClient]:
    with ReporterClient(
        BASE, cache=CacheSettings(mode="off"), clock=fake.clock, sleep=fake.sleep
    ) as c:
        yield c


def page(records: list[dict[str, Any]], total: int, **meta: Any) -> dict[str, Any]:
    return {"meta": {"total": total, "offset": 0, "limit": 500, **meta}, "results": records}


def sent(mocked: responses.RequestsMock) -> list[dict[str, Any]]:
    return [json.loads(call.request.body) for call in mocked.calls]


def many(n: int, **overrides: Any) -> list[dict[str, Any]]:
    records = synthetic_records(CF_RECORDS, n)
    for record in records:
        record.update(subproject_id=None, **overrides)
    return records


# --- payloads ---------------------------------------------------------------------------


def test_first_page_sends_exact_payload_and_returns_the_records(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    query = ProjectQuery(terms=["microbiome", "gut flora"], fiscal_years=[2024, 2025])
    expected = {
        "criteria": {
            "fiscal_years": [2024, 2025],
            "exclude_subprojects": True,
            "advanced_text_search": {
                "operator": "advanced",
                "search_field": "projecttitle,abstracttext",
                "search_text": 'microbiome OR "gut flora"',
            },
        },
        "include_fields": list(limits.INCLUDE_FIELDS),
        "offset": 0,
        "limit": 500,
        "sort_field": "appl_id",
        "sort_order": "asc",
    }
    records = [r for r in CF_RECORDS if r["fiscal_year"] in (2024, 2025)
               and r["subproject_id"] is None][:3]  # fmt: skip
    mocked.post(
        PROJECTS,
        json=page(records, 3),
        match=[matchers.json_params_matcher(expected, strict_match=True)],
    )
    assert client.fetch_projects(query) == records


def test_include_fields_always_carry_appl_id(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(
        PROJECTS,
        json=page([{"appl_id": 1, "project_title": "T"}], 1),
        match=[
            matchers.json_params_matcher(
                # ApplId is the key; SubprojectId proves exclude_subprojects was applied.
                {"include_fields": ["ApplId", "ProjectTitle", "SubprojectId"]},
                strict_match=False,
            )
        ],
    )
    records = client.fetch_projects(ProjectQuery(text="x"), include_fields=["ProjectTitle"])
    assert records == [{"appl_id": 1, "project_title": "T"}]


def test_count_sends_limit_1_and_reads_meta_total(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(
        PROJECTS,
        json=page(
            CF_RECORDS[:1], 2314, properties={"URL": "https:/reporter.nih.gov/search/abc/projects"}
        ),
        match=[
            matchers.json_params_matcher(
                {**ProjectQuery(text="sepsis").to_payload(limit=1, include_fields=["ApplId"])},
                strict_match=True,
            )
        ],
    )
    assert client.count(ProjectQuery(text="sepsis")) == 2314
    assert client.search_url == "https://reporter.nih.gov/search/abc/projects"


def test_user_agent_names_reporter_finder_and_version(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(PROJECTS, json=page([], 0))
    client.count(ProjectQuery(text="x"))
    assert mocked.calls[0].request.headers["User-Agent"] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("reporter_finder/")


# --- paging -----------------------------------------------------------------------------


def test_pages_to_the_end_with_offsets_and_each_record_once(
    client: ReporterClient, backend: Backend
) -> None:
    backend.set_records(many(1_234))
    got = client.fetch_projects(CF_QUERY)
    assert [r["appl_id"] for r in got] == [r["appl_id"] for r in backend.records]
    assert [(b["offset"], b["limit"]) for b in backend.bodies] == [
        (0, 500),
        (500, 500),
        (1000, 234),
    ]


def test_max_results_stops_early_and_asks_only_for_what_is_needed(
    client: ReporterClient, backend: Backend
) -> None:
    backend.set_records(many(2_000))
    got = client.fetch_projects(CF_QUERY, max_results=600)
    assert len(got) == 600
    assert [(b["offset"], b["limit"]) for b in backend.bodies] == [(0, 500), (500, 100)]


def test_exactly_15000_records_are_paged_without_splitting(
    client: ReporterClient, backend: Backend
) -> None:
    backend.set_records(many(15_000))
    got = client.fetch_projects(CF_QUERY, include_fields=["ApplId"])
    assert len(backend.bodies) == 30
    assert max(b["offset"] + b["limit"] for b in backend.bodies) == limits.RESULT_WINDOW
    assert len({r["appl_id"] for r in got}) == len(got) == 15_000


def test_short_page_is_fetched_again_once_then_raises_with_the_numbers(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    records = many(620)
    first, short = page(records[:500], 1_200), page(records[500:], 1_200)
    mocked.post(PROJECTS, json=first)
    mocked.post(PROJECTS, json=page([], 5_000))  # the count without the text
    mocked.post(PROJECTS, json=short)
    mocked.post(PROJECTS, json=first)  # one fresh retry
    mocked.post(PROJECTS, json=short)
    with pytest.raises(IncompleteResultError) as info:
        client.fetch_projects(ProjectQuery(text="x"))
    assert "120 records at offset 500 where 500 were expected" in info.value.message
    assert "(expected 1,200, got 500 after one retry)" in info.value.message
    assert (info.value.expected, info.value.got, len(info.value.records)) == (1_200, 500, 500)


def test_a_retry_that_comes_out_whole_is_kept(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    records = many(700)
    mocked.post(PROJECTS, json=page(records[:500], 700))
    mocked.post(PROJECTS, json=page(records[500:600], 700))  # short: data changed under us
    mocked.post(PROJECTS, json=page(records[:500], 700))
    mocked.post(PROJECTS, json=page(records[500:], 700))
    got = client.fetch_projects(ProjectQuery(agencies=["OD"]))
    assert [r["appl_id"] for r in got] == [r["appl_id"] for r in records]


def test_empty_page_before_total_raises_incomplete_results(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(PROJECTS, json=page([], 10))
    mocked.post(PROJECTS, json=page([], 10))
    with pytest.raises(IncompleteResultError, match="0 records at offset 0 where 10"):
        client.fetch_projects(ProjectQuery(text="x"))


def test_old_error_name_still_catches() -> None:
    assert IncompleteResultsError is IncompleteResultError


def test_response_without_meta_total_is_invalid(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(PROJECTS, json={"results": []})
    with pytest.raises(InvalidResponseError, match="not a search result"):
        client.count(ProjectQuery(text="x"))


# --- the 15,000 window ------------------------------------------------------------------

WINDOW = 1_000  # the window in these tests, so that a few thousand records need splitting


@pytest.fixture
def small_window(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> Backend:
    monkeypatch.setattr(limits, "RESULT_WINDOW", WINDOW)
    backend.result_window = WINDOW
    return backend


def spread(n: int, **fields: list[Any]) -> list[dict[str, Any]]:
    """``n`` records whose ``fields`` cycle through the given values."""
    records = many(n)
    for i, record in enumerate(records):
        for name, values in fields.items():
            record[name] = values[i % len(values)]
    return records


def ic(abbreviation: str) -> dict[str, str]:
    return {"abbreviation": abbreviation}


def criteria_of(backend: Backend, key: str) -> list[Any]:
    return [b["criteria"].get(key) for b in backend.bodies]


def test_large_result_is_split_by_activity_code_first(
    client: ReporterClient, small_window: Backend, caplog: pytest.LogCaptureFixture
) -> None:
    codes = ["R01", "R21", "K23", "U01", "P30", "T32"]
    records = spread(3_000, activity_code=codes, fiscal_year=[2024, 2025])
    small_window.set_records(records)
    query = ProjectQuery(fiscal_years=[2024, 2025], activity_codes=codes)
    with caplog.at_level(logging.INFO, logger="reporter_finder.api.reporter"):
        got = client.fetch_projects(query, include_fields=["ApplId"])
    assert sorted(r["appl_id"] for r in got) == [r["appl_id"] for r in records]
    assert all(years == [2024, 2025] for years in criteria_of(small_window, "fiscal_years"))
    assert "by activity code" in caplog.text


def test_query_without_codes_is_split_by_fiscal_year(
    client: ReporterClient, small_window: Backend
) -> None:
    records = spread(2_500, fiscal_year=[2021, 2022, 2023, 2024, 2025])
    small_window.set_records(records)
    got = client.fetch_projects(CF_QUERY, include_fields=["ApplId"])
    assert sorted(r["appl_id"] for r in got) == [r["appl_id"] for r in records]
    # Every record has one fiscal year, so halves of the years partition the query.
    assert criteria_of(small_window, "fiscal_years")[1:3] == [ALL_CF_YEARS[:3], ALL_CF_YEARS[3:]]


def test_include_active_is_never_split_by_fiscal_year(
    client: ReporterClient, small_window: Backend
) -> None:
    # RePORTER adds active projects of every year to each part: years cannot partition it.
    records = spread(2_400, fiscal_year=[2018, 2024, 2025], is_active=[True, False],
                     agency_ic_admin=[ic("NCI"), ic("NHLBI"), ic("NIA")])  # fmt: skip
    small_window.set_records(records)
    query = ProjectQuery(fiscal_years=[2024, 2025], include_active=True, activity_codes=["R03"],
                         org_states=[records[0]["organization"]["org_state"]])  # fmt: skip
    expected = {
        r["appl_id"] for r in records
        if r["activity_code"] == "R03"
        and r["organization"]["org_state"] == query.org_states[0]
        and (r["fiscal_year"] in (2024, 2025) or r["is_active"])
    }  # fmt: skip
    got = client.fetch_projects(query, include_fields=["ApplId"])
    assert {r["appl_id"] for r in got} == expected
    assert all(years == [2024, 2025] for years in criteria_of(small_window, "fiscal_years"))


def test_agency_split_that_misses_an_agency_falls_back_to_date_windows(
    client: ReporterClient, small_window: Backend, caplog: pytest.LogCaptureFixture
) -> None:
    # "XYZ" is an agency no list knows: splitting by agency leaves its records out, which
    # the coverage check sees; start-date windows then cover everything.
    records = spread(1_500, fiscal_year=[2024], agency_ic_admin=[ic("NCI"), ic("XYZ")],
                     project_start_date=["2019-07-01T00:00:00", "2023-03-15T00:00:00"])  # fmt: skip
    small_window.set_records(records)
    for record in records:
        record["activity_code"] = "R03"
    query = ProjectQuery(fiscal_years=[2024], activity_codes=["R03"])
    with caplog.at_level(logging.INFO, logger="reporter_finder.api.reporter"):
        got = client.fetch_projects(query, include_fields=["ApplId"])
    assert sorted(r["appl_id"] for r in got) == [r["appl_id"] for r in records]
    assert "by agency covers 750 of 1500 records; trying another way" in caplog.text
    windows = [w for w in criteria_of(small_window, "project_start_date") if w]
    assert windows[0] == {"from_date": "1950-01-01", "to_date": windows[1]["from_date"]}


def test_records_outside_every_split_raise_with_the_numbers(
    client: ReporterClient, small_window: Backend
) -> None:
    records = spread(1_500, fiscal_year=[2024], activity_code=["R03"],
                     agency_ic_admin=[ic("NCI"), ic("XYZ")])  # fmt: skip
    small_window.set_records(records)
    small_window.hidden_under["project_start_date"] = {r["appl_id"] for r in records[::2]}
    with pytest.raises(IncompleteResultError) as info:
        client.fetch_projects(ProjectQuery(fiscal_years=[2024], activity_codes=["R03"]))
    assert "no way of splitting" in info.value.message
    assert "its 1,500 records (by agency: 750; by project start date: 750)" in info.value.message


def test_part_that_cannot_be_split_raises_result_window_error(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(PROJECTS, json=page(many(500), 16_000))
    day = datetime.date(2024, 7, 1)
    query = ProjectQuery(
        fiscal_years=[2024], agencies=["NCI"], project_start_from=day, project_start_to=day
    )
    with pytest.raises(ResultWindowError, match="cannot be split") as info:
        client.fetch_projects(query)
    assert "16,000 records" in str(info.value)


def test_implausible_total_is_flagged(
    client: ReporterClient, mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    mocked.post(PROJECTS, json=page([], 83_297))
    with caplog.at_level(logging.WARNING, logger="reporter_finder.api.reporter"):
        assert client.count(ProjectQuery(text="x", fiscal_years=[2024])) == 83_297
    assert "may have ignored a filter" in caplog.text


# --- retries and errors -------------------------------------------------------------------


def test_429_with_retry_after_is_honoured_then_succeeds(
    client: ReporterClient, mocked: responses.RequestsMock, fake: FakeClock
) -> None:
    mocked.post(PROJECTS, status=429, headers={"Retry-After": "12"})
    mocked.post(PROJECTS, json=page(CF_RECORDS[:2], 2))
    assert len(client.fetch_projects(ProjectQuery(text="x"))) == 2
    assert fake.sleeps == [12.0]
    assert sent(mocked)[0] == sent(mocked)[1]  # the retry resends the same body


def test_503_then_success(
    client: ReporterClient, mocked: responses.RequestsMock, fake: FakeClock
) -> None:
    mocked.post(PROJECTS, status=503)
    mocked.post(PROJECTS, json=page(CF_RECORDS[:1], 1))
    assert len(client.fetch_projects(ProjectQuery(text="x"))) == 1
    assert fake.sleeps == [1.0]  # the throttle's second


def test_400_is_not_retried_and_shows_the_server_text(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(PROJECTS, status=400, body="Offset must be less than 15000")
    with pytest.raises(QueryError) as info:
        client.count(ProjectQuery(text="sepsis"))
    assert len(mocked.calls) == 1
    assert "Offset must be less than 15000" in str(info.value)
    assert "text sepsis" in str(info.value)


def test_five_503_give_a_typed_error_with_five_attempts(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    for _ in range(5):
        mocked.post(PROJECTS, status=503, body="down")
    with pytest.raises(ReporterHTTPError) as info:
        client.count(ProjectQuery(text="x"))
    assert (info.value.status, info.value.attempts, info.value.body) == (503, 5, "down")
    assert info.value.url == PROJECTS


def test_persistent_429_is_a_rate_limit_error(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    for _ in range(5):
        mocked.post(PROJECTS, status=429, headers={"Retry-After": "1"})
    with pytest.raises(RateLimitError):
        client.count(ProjectQuery(text="x"))


def test_timeout_is_a_reporter_timeout_error(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(PROJECTS, body=requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(ReporterTimeoutError):
        client.count(ProjectQuery(text="x"))


def test_truncated_json_is_retried_then_invalid_response(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    for _ in range(5):
        mocked.post(PROJECTS, body='{"meta": {"total": 3}, "results": [{"appl_')
    with pytest.raises(InvalidResponseError) as info:
        client.count(ProjectQuery(text="x"))
    assert info.value.attempts == 5
    assert len(mocked.calls) == 5


# --- politeness ---------------------------------------------------------------------------


def test_pages_start_at_least_one_second_apart(
    client: ReporterClient, mocked: responses.RequestsMock, fake: FakeClock
) -> None:
    backend = Backend(records=many(1_400))
    starts: list[float] = []

    def callback(request: requests.PreparedRequest) -> tuple[int, dict[str, str], bytes]:
        starts.append(fake.now)
        fake.advance(0.25)  # simulated round trip
        return backend.handle("/v2/projects/search", json.loads(request.body))

    for _ in range(3):
        mocked.add_callback(responses.POST, PROJECTS, callback=callback)
    client.fetch_projects(CF_QUERY)
    assert [b - a for a, b in itertools.pairwise(starts)] == [1.0, 1.0]
    assert fake.sleeps == [0.75, 0.75]  # only the part of the second not spent waiting


# --- cache --------------------------------------------------------------------------------


def test_cache_hit_makes_no_request_and_does_not_wait(
    fake: FakeClock, mocked: responses.RequestsMock, tmp_path: Any
) -> None:
    mocked.post(PROJECTS, json=page(CF_RECORDS[:3], 3))
    settings = CacheSettings(path=tmp_path / "c.sqlite")
    query = ProjectQuery(text="x")
    with ReporterClient(BASE, cache=settings, clock=fake.clock, sleep=fake.sleep) as first:
        assert len(first.fetch_projects(query)) == 3
    with ReporterClient(BASE, cache=settings, clock=fake.clock, sleep=fake.sleep) as second:
        assert len(second.fetch_projects(query)) == 3
        assert len(second.fetch_projects(query)) == 3
    assert len(mocked.calls) == 1
    assert fake.sleeps == []


def test_offline_miss_names_the_query(fake: FakeClock, tmp_path: Any) -> None:
    settings = CacheSettings(mode="offline", path=tmp_path / "c.sqlite")
    client = ReporterClient(BASE, cache=settings, clock=fake.clock, sleep=fake.sleep)
    with client, pytest.raises(OfflineCacheMissError) as info:
        client.fetch_projects(ProjectQuery(text="sepsis", fiscal_years=[2024]))
    assert "not in the cache" in str(info.value)
    assert "text sepsis; FY 2024" in str(info.value)


# --- configuration --------------------------------------------------------------------------


def test_base_url_comes_from_argument_then_env_then_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    off = CacheSettings(mode="off")
    assert ReporterClient(cache=off).base_url == limits.DEFAULT_API_URL
    monkeypatch.setenv(limits.API_URL_ENV, "http://127.0.0.1:8765/v2/")
    assert ReporterClient(cache=off).base_url == "http://127.0.0.1:8765/v2"
    assert ReporterClient("https://mirror.example.org/v2", cache=off).base_url == (
        "https://mirror.example.org/v2"
    )


def test_env_url_is_where_requests_go(
    monkeypatch: pytest.MonkeyPatch, mocked: responses.RequestsMock
) -> None:
    monkeypatch.setenv(limits.API_URL_ENV, "https://mirror.example.org/v2")
    mocked.post("https://mirror.example.org/v2/projects/search", json=page([], 0))
    assert (
        ReporterClient(cache=CacheSettings(mode="off"), min_interval=0).count(
            ProjectQuery(text="x")
        )
        == 0
    )


def test_injected_session_is_used_and_not_closed(mocked: responses.RequestsMock) -> None:
    session = requests.Session()
    closed: list[bool] = []
    session.close = lambda: closed.append(True)  # type: ignore[method-assign]
    mocked.post(PROJECTS, json=page([], 0))
    with ReporterClient(BASE, session=session, min_interval=0) as client:
        assert client.session is session
        client.count(ProjectQuery(text="x"))
    assert closed == []


def test_progress_bar_goes_to_stderr_when_asked(
    fake: FakeClock, backend: Backend, capsys: pytest.CaptureFixture[str]
) -> None:
    backend.set_records(many(700))
    with ReporterClient(
        BASE, cache=CacheSettings(mode="off"), clock=fake.clock, sleep=fake.sleep, progress=True
    ) as client:
        client.fetch_projects(CF_QUERY)
    out, err = capsys.readouterr()
    assert out == ""
    assert "RePORTER" in err


# --- publications ---------------------------------------------------------------------------


def test_publications_are_batched_paged_and_deduplicated(
    client: ReporterClient, backend: Backend
) -> None:
    links = load_fixture("publications-common-fund.json")["results"]
    cores = sorted({link["coreproject"] for link in links})
    backend.publications = links
    got = list(
        client.iter_publications(core_project_nums=[c.lower() for c in cores], batch_size=10)
    )
    assert sorted((g["coreproject"], g["pmid"]) for g in got) == sorted(
        {(link["coreproject"], link["pmid"]) for link in links}
    )
    bodies = backend.bodies
    assert [len(b["criteria"]["core_project_nums"]) for b in bodies] == [
        min(10, len(cores) - i) for i in range(0, len(cores), 10)
    ]
    assert all(b["limit"] == 500 and b["offset"] == 0 for b in bodies)


def test_publication_batch_above_the_window_is_halved(
    client: ReporterClient, backend: Backend
) -> None:
    backend.publications = [
        {"coreproject": f"R01X{i % 4}", "pmid": 1_000_000 + i, "applid": i} for i in range(12_000)
    ]
    got = list(client.iter_publications(core_project_nums=["R01X0", "R01X1", "R01X2", "R01X3"]))
    assert len(got) == 12_000
    bodies = backend.bodies
    assert len(bodies[0]["criteria"]["core_project_nums"]) == 4  # 12,000 > 10,000: split
    assert max(b["offset"] for b in bodies) <= limits.PUBLICATIONS_OFFSET_MAX


def test_single_id_above_the_publication_window_raises(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(PUBLICATIONS, json=page([], 10_001))
    with pytest.raises(ResultWindowError, match="R01X0 has 10,001 publication links"):
        list(client.iter_publications(core_project_nums=["R01X0"]))


def test_a_batch_over_one_page_is_cut_so_that_no_page_straddles_a_tie(
    client: ReporterClient, backend: Backend
) -> None:
    # 40 core projects with 30 links each (1,200): the first answer is too long for one
    # page, so the batch is asked again in pieces whose links fit in one page each; the
    # unstable order inside a project then cannot skip or repeat a link.
    links = [{"coreproject": f"R01X{i // 30:02d}", "pmid": 5_000 + i, "applid": i}
             for i in range(1_200)]  # fmt: skip
    backend.publications = links
    backend.unstable_ties = True
    got = list(
        client.iter_publications(core_project_nums=sorted({x["coreproject"] for x in links}))
    )
    assert sorted(g["pmid"] for g in got) == [x["pmid"] for x in links]
    bodies = backend.bodies
    assert len(bodies[0]["criteria"]["core_project_nums"]) == 40
    assert all(b["offset"] == 0 for b in bodies)  # never a second page
    assert [len(b["criteria"]["core_project_nums"]) for b in bodies[1:]] == [14, 14, 12]


def test_one_project_paged_across_an_unstable_tie_raises_after_one_retry(
    client: ReporterClient, backend: Backend
) -> None:
    backend.publications = [{"coreproject": "R01X0", "pmid": 1_000 + i, "applid": 1}
                            for i in range(600)]  # fmt: skip
    backend.unstable_ties = True
    with pytest.raises(IncompleteResultError) as info:
        list(client.iter_publications(core_project_nums=["R01X0"]))
    assert "came twice for publications of 1 core_project_nums" in info.value.message
    assert info.value.message.endswith("(after one retry)")
    assert [b["offset"] for b in backend.bodies] == [0, 500, 0, 500]


def test_one_project_over_one_page_is_paged_when_its_order_is_stable(
    client: ReporterClient, backend: Backend
) -> None:
    backend.publications = [{"coreproject": "R01X0", "pmid": 1_000 + i, "applid": 1}
                            for i in range(600)]  # fmt: skip
    got = list(client.iter_publications(core_project_nums=["R01X0"]))
    assert len({g["pmid"] for g in got}) == 600


def test_a_link_of_a_project_not_asked_for_is_an_ignored_filter(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(PUBLICATIONS, json=page([{"coreproject": "R01ZZ999", "pmid": 1, "applid": 2}], 1))
    with pytest.raises(FilterIgnoredError) as info:
        list(client.iter_publications(core_project_nums=["R01X0"]))
    assert info.value.criterion == "core_project_nums"


# --- ignored filters ------------------------------------------------------------------------


def test_a_text_that_changes_nothing_is_an_ignored_text_filter(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(PROJECTS, json=page(many(30), 30))
    without_text = ProjectQuery(text="x", org_states=["MA"]).to_payload(
        limit=1, include_fields=["ApplId"]
    )
    del without_text["criteria"]["advanced_text_search"]
    mocked.post(PROJECTS, json=page([], 30),
                match=[matchers.json_params_matcher(without_text, strict_match=True)])  # fmt: skip
    with pytest.raises(FilterIgnoredError) as info:
        client.fetch_projects(ProjectQuery(text="x", org_states=["MA"]))
    assert info.value.criterion == "advanced_text_search"
    assert "it counts 30 records for text x; states MA, and exactly as many without" in str(
        info.value
    )


def test_the_count_without_text_is_asked_once_per_other_criteria(
    client: ReporterClient, backend: Backend
) -> None:
    backend.set_records(many(40, fiscal_year=2024))
    for term in ("alpha", "beta"):  # the parts of a split query share their other criteria
        client.fetch_projects(ProjectQuery(terms=[term], fiscal_years=[2024], agencies=["OD"]))
    assert sum("advanced_text_search" not in b["criteria"] for b in backend.bodies) <= 1


def test_below_the_floor_equal_counts_prove_nothing(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    grants = many(3)  # a text matching all 3 grants of a PI
    pis = {p["profile_id"] for g in grants for p in g["principal_investigators"]}
    mocked.post(PROJECTS, json=page(grants, 3))
    assert len(client.fetch_projects(ProjectQuery(text="x", pi_profile_ids=pis))) == 3


def test_a_record_outside_the_years_is_an_ignored_filter(
    client: ReporterClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(PROJECTS, json=page(many(2, fiscal_year=2019), 2))
    with pytest.raises(FilterIgnoredError) as info:
        client.fetch_projects(ProjectQuery(text="x", fiscal_years=[2024]))
    assert info.value.criterion == "fiscal_years"
    assert len(mocked.calls) == 1  # not retried: asking again would not change the server
