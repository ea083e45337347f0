"""publications: PubMed esummary client, RePORTER links, the per-PI join and the lead columns.

Unit tests mock both APIs with ``responses``; the e2e test at the end runs the RePORTER
stand-in (tests/standin.py) and the PubMed stand-in (tests/pubmed_standin.py) over sockets.
"""

from __future__ import annotations

import itertools
import json
import logging
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
import requests
import responses
from responses import matchers

from reporter_finder.api.cache import CacheSettings
from reporter_finder.api.pubmed import ESUMMARY_BATCH_SIZE, INTERVAL_WITH_KEY, INTERVAL_WITHOUT_KEY
from reporter_finder.api.reporter import ReporterClient
from reporter_finder.errors import (
    DataFormatError,
    InvalidArgumentError,
    InvalidResponseError,
    OfflineCacheMissError,
    QueryError,
    ReporterConnectionError,
)
from reporter_finder.leads.publications import (
    PUBLICATION_COLUMNS,
    PubMedClient,
    attach_publications,
    format_citation,
    pi_publications,
    publication_links,
    publications_for_leads,
)
from reporter_finder.tables.build import Tables, build_tables
from tests.conftest import load_fixture
from tests.fakeclock import FakeClock
from tests.frames import assert_unchanged, snapshot
from tests.pubmed_standin import serve_pubmed

EUTILS = "https://eutils.example.org/entrez/eutils"
ESUMMARY = f"{EUTILS}/esummary.fcgi"
REPORTER = "https://reporter.example.org/v2"
PUBLICATIONS = f"{REPORTER}/publications/search"
#: PI 10519021 (Hu Li) has two grants with links in publications-common-fund.json.
HU_LI = "10519021"
HU_LI_CORES = {"R03OD034496", "R03OD038392"}


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def mocked() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


@pytest.fixture(scope="module")
def esummary_fixture() -> dict[str, Any]:
    return load_fixture("pubmed-esummary.json")


@pytest.fixture(scope="module")
def tables() -> Tables:
    return build_tables(
        load_fixture("projects-common-fund.json")["results"], as_of=date(2026, 11, 24)
    )


def pubmed(fake: FakeClock, **kwargs: Any) -> PubMedClient:
    kwargs.setdefault("cache", CacheSettings(mode="off"))
    return PubMedClient(base_url=EUTILS, clock=fake.clock, sleep=fake.sleep, **kwargs)


def reporter(fake: FakeClock) -> ReporterClient:
    return ReporterClient(
        REPORTER, cache=CacheSettings(mode="off"), clock=fake.clock, sleep=fake.sleep
    )


def esummary_callback(
    fixture: dict[str, Any], starts: list[float] | None = None, fake: FakeClock | None = None
) -> Any:
    """Answer like esummary: the fixture's documents for known ids, error documents else."""
    result = fixture["result"]

    def callback(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        if starts is not None and fake is not None:
            starts.append(fake.now)
        ids = parse_qs(urlsplit(request.url or "").query)["id"][0].split(",")
        body: dict[str, Any] = {"uids": ids}
        for uid in ids:
            doc = result.get(uid)
            body[uid] = doc if doc else {"uid": uid, "error": "cannot get document summary"}
        return 200, {}, json.dumps({"header": fixture["header"], "result": body})

    return callback


def reporter_callback(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
    """Answer /publications/search from the Common Fund links, filtered and paged."""
    body = json.loads(request.body or b"{}")
    wanted = set(body["criteria"]["core_project_nums"])
    links = [
        r
        for r in load_fixture("publications-common-fund.json")["results"]
        if r["coreproject"] in wanted
    ]
    page = links[body["offset"] : body["offset"] + body["limit"]]
    meta = {"total": len(links), "offset": body["offset"], "limit": body["limit"]}
    return 200, {}, json.dumps({"meta": meta, "results": page})


def sent_ids(call: Any) -> list[str]:
    return parse_qs(urlsplit(call.request.url).query)["id"][0].split(",")


# --- PubMedSummary parsing -------------------------------------------------------------------


def test_summaries_parse_the_real_esummary_shape(
    fake: FakeClock, mocked: responses.RequestsMock, esummary_fixture: dict[str, Any]
) -> None:
    mocked.get(ESUMMARY, json=esummary_fixture)
    wanted = [int(u) for u in esummary_fixture["result"]["uids"]]
    result = pubmed(fake).summaries(wanted)

    real = result[40642746]  # the verbatim NCBI record
    assert real.title == (
        "Interaction of ferroptosis and cuproptosis in the perspective of pulmonary hypertension"
    )
    assert real.journal == "Front Cardiovasc Med"
    assert real.journal_full == "Frontiers in cardiovascular medicine"
    assert (real.year, real.pub_date) == (2025, date(2025, 6, 26))
    assert real.url == "https://pubmed.ncbi.nlm.nih.gov/40642746/"
    assert real.citation == (
        "Interaction of ferroptosis and cuproptosis in the perspective of pulmonary hypertension"
        " — Front Cardiovasc Med 2025 (PMID 40642746)"
    )
    # HTML entities and tags from PubMed's title are removed.
    assert result[37371475].title.endswith("by Bacteroides thetaiotaomicron in the human gut")
    # The per-uid error document is not a summary.
    assert 99999999 not in result
    assert len(result) == len(wanted) - 1


def test_request_carries_db_retmode_tool_and_email_but_no_key_by_default(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.get(
        ESUMMARY,
        match=[
            matchers.query_param_matcher(
                {
                    "db": "pubmed",
                    "id": "3,20,100",  # deduplicated and sorted
                    "retmode": "json",
                    "tool": "reporter_finder",
                    "email": "ana@example.org",
                }
            )
        ],
        json={"header": {}, "result": {"uids": []}},
    )
    client = pubmed(fake, email="ana@example.org")
    assert client.summaries(["100", 20, 3, 20]) == {}
    assert client.throttle_interval == INTERVAL_WITHOUT_KEY


def test_api_key_from_the_environment_is_sent_and_raises_the_rate(
    fake: FakeClock, mocked: responses.RequestsMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NCBI_API_KEY", "k3y")
    mocked.get(
        ESUMMARY,
        match=[matchers.query_param_matcher({"api_key": "k3y"}, strict_match=False)],
        json={"result": {"uids": []}},
    )
    client = pubmed(fake)
    client.summaries([1])
    assert client.throttle_interval == INTERVAL_WITH_KEY == 0.11
    # "" switches the environment's key off.
    assert pubmed(fake, api_key="").throttle_interval == INTERVAL_WITHOUT_KEY


@pytest.mark.parametrize(("api_key", "interval"), [(None, 0.34), ("k3y", 0.11)])
def test_requests_are_spaced_by_the_ncbi_rate_limit(
    fake: FakeClock,
    mocked: responses.RequestsMock,
    esummary_fixture: dict[str, Any],
    api_key: str | None,
    interval: float,
) -> None:
    starts: list[float] = []
    mocked.add_callback("GET", ESUMMARY, callback=esummary_callback(esummary_fixture, starts, fake))
    client = pubmed(fake, api_key=api_key)
    client.summaries(range(1, 2 * ESUMMARY_BATCH_SIZE + 2))  # three batches
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert gaps == [pytest.approx(interval)] * 2
    assert 1 / interval <= (3.0 if api_key is None else 10.0)


def test_ids_are_sent_in_batches_of_200(
    fake: FakeClock, mocked: responses.RequestsMock, esummary_fixture: dict[str, Any]
) -> None:
    mocked.add_callback("GET", ESUMMARY, callback=esummary_callback(esummary_fixture))
    pmids = [int(u) for u in esummary_fixture["result"]["uids"]] + list(range(1, 430))
    result = pubmed(fake).summaries(pmids)
    sizes = [len(sent_ids(call)) for call in mocked.calls]
    assert sizes == [200, 200, len(set(pmids)) - 400]
    assert all(call.request.method == "GET" for call in mocked.calls)
    assert 41977346 in result
    assert 40642746 in result


def test_second_call_is_served_from_the_cache_and_the_key_is_not_stored(
    fake: FakeClock, mocked: responses.RequestsMock, tmp_path: Path, esummary_fixture: dict
) -> None:
    mocked.add_callback("GET", ESUMMARY, callback=esummary_callback(esummary_fixture))
    cache = CacheSettings(path=tmp_path / "http.sqlite")
    first = pubmed(fake, cache=cache, api_key="s3cret-key")
    assert first.summaries([40642746])[40642746].year == 2025
    first.close()
    again = pubmed(fake, cache=cache, api_key="s3cret-key")
    assert again.summaries([40642746])[40642746].year == 2025
    again.close()
    assert len(mocked.calls) == 1
    # requests-cache leaves api_key out of keys and stored URLs: the secret is not on disk.
    with sqlite3.connect(tmp_path / "http.sqlite") as db:
        blobs = [bytes(v) for (v,) in db.execute("SELECT value FROM responses")]
    assert blobs
    assert not any(b"s3cret-key" in blob for blob in blobs)


def test_offline_mode_raises_on_a_cache_miss(
    fake: FakeClock, mocked: responses.RequestsMock, tmp_path: Path
) -> None:
    client = pubmed(fake, cache=CacheSettings(mode="offline", path=tmp_path / "c.sqlite"))
    with pytest.raises(OfflineCacheMissError):
        client.summaries([40642746])
    assert len(mocked.calls) == 0


@pytest.mark.parametrize(
    "body",
    [
        {"error": "API key invalid"},
        {"header": {}, "esummaryresult": ["Too many UIDs in request"]},
        {"result": {"no": "uids"}},
        [],
    ],
)
def test_a_body_that_is_not_an_esummary_result_is_an_invalid_response(
    fake: FakeClock, mocked: responses.RequestsMock, body: Any
) -> None:
    mocked.get(ESUMMARY, json=body)
    with pytest.raises(InvalidResponseError):
        pubmed(fake).summaries([1])


def test_bad_pmids_and_tool_names_are_query_errors(fake: FakeClock) -> None:
    with pytest.raises(QueryError):
        pubmed(fake).summaries(["38000001", "PMC123"])
    with pytest.raises(QueryError):
        pubmed(fake).summaries([0])
    with pytest.raises(QueryError):
        pubmed(fake, tool="reporter finder")
    with pytest.raises(QueryError):
        pubmed(fake, email="not an address")


def test_format_citation_without_metadata_keeps_the_pmid() -> None:
    assert format_citation(38000001) == "PMID 38000001"
    assert format_citation(38000001, "A title", None, None) == "A title (PMID 38000001)"
    assert format_citation(38000001, "A title", "Nat Med", 2024) == (
        "A title — Nat Med 2024 (PMID 38000001)"
    )


# --- RePORTER links --------------------------------------------------------------------------


def test_publication_links_batches_core_numbers_and_dedupes(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.add_callback("POST", PUBLICATIONS, callback=reporter_callback)
    links = publication_links(reporter(fake), ["r03od034496", "R03OD038392", "R03OD034496"])
    assert list(links.columns) == ["core_project_num", "pmid", "appl_id"]
    assert str(links["pmid"].dtype) == "Int64"
    assert set(links["core_project_num"]) == HU_LI_CORES
    assert len(links) == 17
    assert not links.duplicated(["core_project_num", "pmid"]).any()
    body = json.loads(mocked.calls[0].request.body)
    assert body["criteria"] == {"core_project_nums": ["R03OD034496", "R03OD038392"]}


def test_publication_links_of_nothing_makes_no_request(fake: FakeClock) -> None:
    with responses.RequestsMock() as rsps:
        links = publication_links(reporter(fake), [])
        assert links.empty
        assert list(links.columns) == ["core_project_num", "pmid", "appl_id"]
        assert len(rsps.calls) == 0


def test_a_link_without_pmid_is_an_invalid_response(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.post(
        PUBLICATIONS,
        json={"meta": {"total": 1}, "results": [{"coreproject": "R01X", "applid": 1}]},
    )
    with pytest.raises(InvalidResponseError):
        publication_links(reporter(fake), ["R01X"])


# --- pi_publications -------------------------------------------------------------------------


def test_pi_publications_joins_links_and_titles_most_recent_first(
    fake: FakeClock,
    mocked: responses.RequestsMock,
    tables: Tables,
    esummary_fixture: dict[str, Any],
) -> None:
    mocked.add_callback("POST", PUBLICATIONS, callback=reporter_callback)
    mocked.add_callback("GET", ESUMMARY, callback=esummary_callback(esummary_fixture))
    pubs = pi_publications(
        tables, [HU_LI, "12266974"], reporter_client=reporter(fake), pubmed_client=pubmed(fake)
    )
    assert list(pubs.columns) == list(PUBLICATION_COLUMNS)
    assert {c: str(t) for c, t in pubs.dtypes.items()} == {
        c: ("datetime64[ns]" if t.startswith("datetime") else t)
        for c, t in PUBLICATION_COLUMNS.items()
    }
    mine = pubs[pubs["pi_key"] == HU_LI]
    # 17 links, 16 PMIDs: 39562549 cites both grants and is credited to the later one.
    assert len(mine) == 16
    assert set(mine["core_project_num"]) == HU_LI_CORES
    shared = mine[mine["pmid"] == 39562549]
    assert shared["core_project_num"].tolist() == ["R03OD038392"]
    assert mine["title"].notna().all()
    dates = mine["pub_date"].tolist()
    assert dates == sorted(dates, reverse=True)
    assert list(pubs["pi_key"].unique()) == [HU_LI, "12266974"]  # order given is kept
    assert (pubs.loc[pubs["pi_key"] == "12266974", "core_project_num"] == "R03OD039979").all()
    # One PubMed request for all 22 PMIDs of both PIs.
    assert len([c for c in mocked.calls if "esummary" in c.request.url]) == 1


@pytest.mark.parametrize(
    "failure",
    [requests.ConnectionError("network is down"), requests.ReadTimeout("slow"), 503],
)
def test_pubmed_down_keeps_the_pmids_and_warns_once(
    fake: FakeClock,
    mocked: responses.RequestsMock,
    tables: Tables,
    caplog: pytest.LogCaptureFixture,
    failure: Any,
) -> None:
    mocked.add_callback("POST", PUBLICATIONS, callback=reporter_callback)
    if isinstance(failure, int):
        mocked.get(ESUMMARY, status=failure)
    else:
        mocked.get(ESUMMARY, body=failure)
    with caplog.at_level(logging.WARNING, logger="reporter_finder.leads.publications"):
        pubs = pi_publications(
            tables, [HU_LI], reporter_client=reporter(fake), pubmed_client=pubmed(fake)
        )
    assert len(pubs) == 16
    assert pubs["title"].isna().all()
    assert pubs["citation"].str.fullmatch(r"PMID \d+").all()
    # Without dates, the newest PMIDs come first.
    assert pubs["pmid"].tolist() == sorted(pubs["pmid"].tolist(), reverse=True)
    warnings = [r for r in caplog.records if r.name == "reporter_finder.leads.publications"]
    assert len(warnings) == 1
    assert "PubMed could not be reached" in warnings[0].getMessage()


def test_pubmed_failing_on_a_later_batch_keeps_the_titles_already_fetched(
    fake: FakeClock, mocked: responses.RequestsMock, esummary_fixture: dict[str, Any]
) -> None:
    good = esummary_callback(esummary_fixture)
    calls = {"n": 0}

    def flaky(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        calls["n"] += 1
        if calls["n"] == 1:
            return good(request)
        raise requests.ConnectionError("dropped")

    mocked.add_callback("GET", ESUMMARY, callback=flaky)
    client = pubmed(fake, max_attempts=1)
    known = {int(u) for u in esummary_fixture["result"]["uids"]} - {99999999}
    # Sorted, the 27 known PMIDs fill the start of the first batch; the 2nd batch fails.
    summaries = client.iter_summaries([*known, *range(90_000_000, 90_000_300)])
    got = [next(summaries).pmid for _ in known]
    with pytest.raises(ReporterConnectionError, match="Could not reach PubMed"):
        next(summaries)
    assert set(got) == known
    assert calls["n"] == 2


def test_pubmed_errors_that_are_not_outages_propagate(
    fake: FakeClock, mocked: responses.RequestsMock, tables: Tables
) -> None:
    mocked.add_callback("POST", PUBLICATIONS, callback=reporter_callback)
    mocked.get(ESUMMARY, status=400, body="bad request")
    with pytest.raises(QueryError):
        pi_publications(tables, [HU_LI], reporter_client=reporter(fake), pubmed_client=pubmed(fake))


def test_pi_publications_without_pubmed_client_has_pmids_only(
    fake: FakeClock, mocked: responses.RequestsMock, tables: Tables
) -> None:
    mocked.add_callback("POST", PUBLICATIONS, callback=reporter_callback)
    pubs = pi_publications(tables, [HU_LI, "no-such-pi"], reporter_client=reporter(fake))
    assert len(pubs) == 16
    assert pubs["title"].isna().all()


# --- attach_publications ---------------------------------------------------------------------


def _pubs() -> pd.DataFrame:
    rows = [
        ("1", 1, 300, "Newest", "J A", 2025, "2025-05-01"),
        ("1", 1, 200, "Middle", "J B", 2024, "2024-05-01"),
        ("1", 1, 150, None, None, None, None),
        ("1", 1, 100, "Oldest", "J C", 2020, "2020-01-01"),
        ("2", 2, 50, "Only", "J D", 2019, "2019-01-01"),
    ]
    frame = pd.DataFrame(
        rows, columns=["pi_key", "profile_id", "pmid", "title", "journal", "year", "pub_date"]
    )
    frame["citation"] = [
        format_citation(p, t, j, y)
        for p, t, j, y in zip(frame.pmid, frame.title, frame.journal, frame.year, strict=True)
    ]
    return frame


def test_attach_publications_counts_and_lists_the_three_most_recent() -> None:
    leads = pd.DataFrame(
        {"pi_key": ["2", "1", "3"], "pi_name": ["B", "A", "C"], "matched_terms": [["x"], [], []]}
    )
    pubs = _pubs()
    leads_before, pubs_before = snapshot(leads), snapshot(pubs)
    out = attach_publications(leads, pubs)
    assert_unchanged(leads, leads_before)  # pure, list cells included
    assert_unchanged(pubs, pubs_before)
    assert out["n_publications"].tolist() == [1, 4, 0]
    assert out["recent_publications"].tolist() == [
        ["Only — J D 2019 (PMID 50)"],
        ["Newest — J A 2025 (PMID 300)", "Middle — J B 2024 (PMID 200)", "PMID 150"],
        [],
    ]
    assert "n_publications" not in leads.columns  # pure


def test_attach_publications_matches_csv_profile_ids_and_marks_uncovered_leads() -> None:
    leads = pd.DataFrame({"profile_id": ["1", "2", ""], "pi_name": ["A", "B", "C"]})
    out = attach_publications(leads, _pubs(), covered=["1"], recent=1)
    assert out["n_publications"].tolist()[:1] == [4]
    assert out["n_publications"].isna().tolist() == [False, True, True]
    assert out["recent_publications"].tolist() == [["Newest — J A 2025 (PMID 300)"], [], []]


def test_attach_publications_needs_a_key() -> None:
    with pytest.raises(DataFormatError):
        attach_publications(pd.DataFrame({"pi_name": ["A"]}), _pubs())


# --- end to end ------------------------------------------------------------------------------


@pytest.mark.e2e
def test_e2e_publications_over_sockets_with_cache(
    reporter_server: Any, tables: Tables, tmp_path: Path
) -> None:
    cache = CacheSettings(path=tmp_path / "http.sqlite")
    with serve_pubmed() as standin:
        for run in (1, 2):
            with (
                ReporterClient(reporter_server.url, cache=cache, min_interval=0) as client,
                PubMedClient(base_url=standin.base_url, email="ana@example.org", cache=cache) as pm,
            ):
                pubs = pi_publications(tables, [HU_LI], reporter_client=client, pubmed_client=pm)
            assert len(pubs) == 16, run
            assert pubs["title"].notna().all(), run
        # The second run came from the cache: one esummary request in all.
        assert len(standin.requests) == 1
        assert standin.requests[0]["tool"] == ["reporter_finder"]
        assert standin.requests[0]["email"] == ["ana@example.org"]
        standin.fail_next(503, times=10)
        with PubMedClient(
            base_url=standin.base_url,
            cache=CacheSettings(mode="off"),
            max_attempts=2,
            backoff_factor=0,
        ) as down:
            leads = pd.DataFrame({"pi_key": [HU_LI]})
            with ReporterClient(reporter_server.url, cache=cache, min_interval=0) as client:
                pubs = pi_publications(tables, [HU_LI], reporter_client=client, pubmed_client=down)
        out = attach_publications(leads, pubs)
        assert out.loc[0, "n_publications"] == 16
        assert all(c.startswith("PMID ") for c in out.loc[0, "recent_publications"])


# --- publications_for_leads ------------------------------------------------------------------


def _ranked(keys: list[str]) -> pd.DataFrame:
    # Deliberately out of rank order: the top is chosen by rank, not by position.
    ranks = list(range(len(keys), 0, -1))
    return pd.DataFrame({"rank": ranks, "pi_key": keys, "pi_name": [f"PI {k}" for k in keys]})


def test_publications_for_leads_looks_up_only_the_top_pis(
    fake: FakeClock,
    mocked: responses.RequestsMock,
    tables: Tables,
    esummary_fixture: dict[str, Any],
) -> None:
    mocked.add_callback("POST", PUBLICATIONS, callback=reporter_callback)
    mocked.add_callback("GET", ESUMMARY, callback=esummary_callback(esummary_fixture))
    ranked = _ranked(["8406715", HU_LI])  # Hu Li has rank 1, Brown rank 2
    before = snapshot(ranked)
    out = publications_for_leads(
        ranked, tables, reporter_client=reporter(fake), pubmed_client=pubmed(fake), top=1
    )
    sent = json.loads(mocked.calls[0].request.body)["criteria"]["core_project_nums"]
    assert set(sent) == HU_LI_CORES
    by_key = out.set_index("pi_key")
    assert by_key.loc[HU_LI, "n_publications"] == 16
    assert len(by_key.loc[HU_LI, "recent_publications"]) == 3
    assert pd.isna(by_key.loc["8406715", "n_publications"])  # not looked up, not 0
    assert by_key.loc["8406715", "recent_publications"] == []
    assert_unchanged(ranked, before)  # pure


def test_publications_for_leads_offline_miss_warns_once_and_leaves_columns_empty(
    fake: FakeClock, tables: Tables, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    offline = CacheSettings(mode="offline", path=tmp_path / "c.sqlite")
    client = ReporterClient(REPORTER, cache=offline, clock=fake.clock, sleep=fake.sleep)
    with caplog.at_level(logging.WARNING, logger="reporter_finder.leads.publications"):
        out = publications_for_leads(
            _ranked([HU_LI]), tables, reporter_client=client, pubmed_client=pubmed(fake)
        )
    assert out["n_publications"].isna().all()
    assert out["recent_publications"].tolist() == [[]]
    warnings = [r for r in caplog.records if r.name == "reporter_finder.leads.publications"]
    assert len(warnings) == 1
    assert "not in the cache (offline mode)" in warnings[0].getMessage()


@pytest.mark.parametrize(
    "call",
    [
        lambda: attach_publications(pd.DataFrame({"pi_key": ["1"]}), _pubs(), recent=-1),
        lambda: publications_for_leads(_ranked(["1"]), None, reporter_client=None, top=-1),  # type: ignore[arg-type]
    ],
    ids=["recent", "top"],
)
def test_negative_counts_raise_the_library_error_that_is_also_a_value_error(call: Any) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        call()
    assert isinstance(caught.value, ValueError)


def test_attach_publications_without_citations_is_a_data_error() -> None:
    pubs = _pubs().drop(columns="citation")
    with pytest.raises(DataFormatError, match="citation"):
        attach_publications(pd.DataFrame({"pi_key": ["1"]}), pubs)
