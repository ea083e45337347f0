"""End to end over real sockets: ReporterClient against the local RePORTER stand-in.

These exercise the real urllib3 retry path (which ``responses`` replaces in unit tests):
retries inside ``HTTPAdapter.send``, Retry-After, read timeouts, keep-alive connections and the
SQLite cache. Clocks stay real but intervals are tiny or zero; sleeps are recorded fakes where
a test checks them.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from reporter_finder import CacheSettings, ProjectQuery, ReporterClient
from reporter_finder.errors import (
    InvalidResponseError,
    OfflineCacheMissError,
    QueryError,
    ReporterConnectionError,
    ReporterHTTPError,
    ReporterTimeoutError,
)
from tests.conftest import load_fixture
from tests.standin import StandIn, synthetic_records

pytestmark = pytest.mark.e2e

CF_YEARS = list(range(2020, 2027))
#: Parent (non-subproject) FY2024 records in the Common Fund fixture.
FY2024 = sum(
    r["fiscal_year"] == 2024 and r["subproject_id"] is None
    for r in load_fixture("projects-common-fund.json")["results"]
)


def make_client(url: str, **kwargs: Any) -> ReporterClient:
    kwargs.setdefault("cache", CacheSettings(mode="off"))
    kwargs.setdefault("min_interval", 0.0)
    return ReporterClient(url, **kwargs)


def test_fetches_every_record_of_the_fixture_with_filters(reporter_server: StandIn) -> None:
    with make_client(reporter_server.url) as client:
        got = client.fetch_projects(ProjectQuery(fiscal_years=CF_YEARS, org_states=["MA"]))
        assert client.search_url == "https://reporter.nih.gov/search/standin/projects"
    assert got
    assert all(r["organization"]["org_state"] == "MA" for r in got)
    assert len(got) == len({r["appl_id"] for r in got})
    body = reporter_server.bodies()[0]
    assert body["criteria"] == {
        "fiscal_years": CF_YEARS,
        "org_states": ["MA"],
        "exclude_subprojects": True,
    }


def test_text_search_reaches_the_server_as_an_advanced_expression(reporter_server: StandIn) -> None:
    with make_client(reporter_server.url) as client:
        n = client.count(ProjectQuery(terms=["data coordinating center", "microbiome"]))
    assert 0 < n < 155
    search = reporter_server.bodies()[0]["criteria"]["advanced_text_search"]
    assert search["search_text"] == '"data coordinating center" OR microbiome'


def test_pages_over_keep_alive_connections(reporter_server: StandIn) -> None:
    records = synthetic_records(load_fixture("projects-common-fund.json")["results"], 1_600)
    for r in records:
        r["subproject_id"] = None
    reporter_server.set_records(records)
    with make_client(reporter_server.url) as client:
        got = client.fetch_projects(
            ProjectQuery(fiscal_years=CF_YEARS, agencies=["OD"]), include_fields=["ApplId"]
        )
    assert [r["appl_id"] for r in got] == sorted(r["appl_id"] for r in records)
    assert [(b["offset"], b["limit"]) for b in reporter_server.bodies()] == [
        (0, 500),
        (500, 500),
        (1000, 500),
        (1500, 100),
    ]


def test_real_retries_honour_retry_after_then_back_off(reporter_server: StandIn) -> None:
    sleeps: list[float] = []
    reporter_server.faults.status(429, retry_after="3", body="slow down")
    reporter_server.faults.status(503)
    with make_client(reporter_server.url, sleep=sleeps.append) as client:
        assert client.count(ProjectQuery(fiscal_years=[2024], agencies=["OD"])) == FY2024
    assert len(reporter_server.requests) == 3
    # Retry-After: 3 s. The 503 is the second consecutive error: 1 s × 2**1 plus ≤ 0.5 s jitter.
    assert len(sleeps) == 2
    assert sleeps[0] == 3.0
    assert 2.0 <= sleeps[1] <= 2.5


def test_real_retries_wait_on_the_throttle(reporter_server: StandIn) -> None:
    reporter_server.faults.status(503)
    with make_client(reporter_server.url, min_interval=0.3) as client:
        client.count(ProjectQuery(fiscal_years=[2024], agencies=["OD"]))
    first, second = (r.started for r in reporter_server.requests)
    # The first retry has no backoff: the throttle spaces it. Arrival times are measured by the
    # server, so they carry the first request's TCP connect and thread scheduling on a busy
    # CI machine; an unthrottled retry would arrive within a few milliseconds, so a 0.1 s
    # tolerance still tells the two apart without flaking.
    assert second - first >= 0.3 - 0.1


def test_persistent_503_gives_up_after_max_attempts(reporter_server: StandIn) -> None:
    reporter_server.faults.status(503, times=5, body="maintenance")
    client = make_client(reporter_server.url, sleep=lambda s: None)
    with client, pytest.raises(ReporterHTTPError) as info:
        client.count(ProjectQuery(text="x"))
    assert (info.value.status, info.value.attempts, info.value.body) == (503, 5, "maintenance")
    assert len(reporter_server.requests) == 5


def test_server_400_past_the_window_is_a_query_error_with_its_text(
    reporter_server: StandIn,
) -> None:
    client = make_client(reporter_server.url)
    with client, pytest.raises(QueryError, match="narrow your search"):
        client.transport.request_json(
            "POST", "projects/search", json={"criteria": {}, "offset": 14_900, "limit": 500}
        )
    assert len(reporter_server.requests) == 1


def test_read_timeouts_are_retried_then_raise(reporter_server: StandIn) -> None:
    reporter_server.faults.delay(0.5, times=2)
    client = make_client(
        reporter_server.url, timeout=(1.0, 0.1), max_attempts=2, sleep=lambda s: None
    )
    with client, pytest.raises(ReporterTimeoutError) as info:
        client.count(ProjectQuery(text="x"))
    assert len(reporter_server.requests) == 2
    assert info.value.attempts == 2


def test_one_slow_answer_is_retried_and_succeeds(reporter_server: StandIn) -> None:
    reporter_server.faults.delay(0.5)
    with make_client(reporter_server.url, timeout=(1.0, 0.2), sleep=lambda s: None) as client:
        assert client.count(ProjectQuery(fiscal_years=[2024], agencies=["OD"])) == FY2024


def test_truncated_json_is_retried_then_succeeds_or_fails(reporter_server: StandIn) -> None:
    reporter_server.faults.truncated()
    with make_client(reporter_server.url) as client:
        assert client.count(ProjectQuery(fiscal_years=[2024], agencies=["OD"])) == FY2024
    reporter_server.faults.truncated(times=3)
    client = make_client(reporter_server.url, max_attempts=3)
    with client, pytest.raises(InvalidResponseError):
        client.count(ProjectQuery(fiscal_years=[2024], agencies=["OD"]))


def test_refused_connection_is_a_connection_error() -> None:
    server = StandIn()
    url = server.url
    server._server.server_close()  # the port is now closed
    client = make_client(url, max_attempts=2, sleep=lambda s: None)
    with client, pytest.raises(ReporterConnectionError) as info:
        client.count(ProjectQuery(text="x"))
    assert not isinstance(info.value, ReporterTimeoutError)
    assert info.value.attempts == 2


def test_cache_round_trip_then_offline(reporter_server: StandIn, tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    query = ProjectQuery(fiscal_years=[2024, 2025], agencies=["OD"])
    with make_client(reporter_server.url, cache=CacheSettings(path=path), min_interval=0.2) as c:
        first = c.fetch_projects(query)
    started = time.monotonic()
    with make_client(reporter_server.url, cache=CacheSettings(path=path), min_interval=5.0) as c:
        again = c.fetch_projects(query)
        again_count = len(c.fetch_projects(query))
    assert time.monotonic() - started < 2.0  # cache hits never wait on the 5 s throttle
    assert again == first
    assert again_count == len(first)
    with make_client(reporter_server.url, cache=CacheSettings(mode="offline", path=path)) as c:
        assert c.fetch_projects(query) == first
        with pytest.raises(OfflineCacheMissError, match="FY 2023"):
            c.fetch_projects(query.with_fiscal_years([2023]))
    assert len(reporter_server.requests) == 1


def test_publications_from_the_fixture(reporter_server: StandIn) -> None:
    links = load_fixture("publications-common-fund.json")["results"]
    cores = sorted({link["coreproject"] for link in links})
    with make_client(reporter_server.url) as client:
        got = list(client.iter_publications(core_project_nums=cores, batch_size=7))
    assert len(got) == len({(link["coreproject"], link["pmid"], link["applid"]) for link in links})
