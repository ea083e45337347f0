"""ClinicalTrialsClient against recorded answers (``responses``): what it sends, how it pages
and proves a result whole, and how failures become typed errors."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import responses
from responses import matchers

from reporter_finder.api.cache import CacheSettings
from reporter_finder.api.ctgov import (
    GRANT_BATCH_SIZE,
    MIN_REQUEST_INTERVAL,
    ClinicalTrialsClient,
    Trial,
    is_outage,
)
from reporter_finder.api.limits import DEFAULT_CTGOV_URL
from reporter_finder.errors import (
    IncompleteResultError,
    InvalidArgumentError,
    InvalidResponseError,
    OfflineCacheMissError,
    QueryError,
    RateLimitError,
    ReporterConnectionError,
    ReporterHTTPError,
    ReporterTimeoutError,
)
from tests.conftest import FIXTURES, NO_CTGOV_URL, closed_port
from tests.fakeclock import FakeClock

BASE = "https://ctgov.example.org/api/v2"
STUDIES = f"{BASE}/studies"
FIELDS = (
    "IdentificationModule,StatusModule,DesignModule,ConditionsModule,"
    "SponsorCollaboratorsModule,ContactsLocationsModule"
)
R01HL123456 = (
    "AREA[SecondaryId]R01HL123456 OR AREA[SecondaryId]1R01HL123456 OR "
    "AREA[SecondaryId]2R01HL123456 OR AREA[SecondaryId]3R01HL123456 OR "
    'AREA[SecondaryId]5R01HL123456 OR AREA[SecondaryId]HL123456 OR AREA[SecondaryId]"HL 123456"'
)
_SOURCE = json.loads(
    (FIXTURES / "ctgov-v2-study-NCT05594173-nih-r01-secondary-id-official-results.json").read_text(
        encoding="utf-8"
    )
)


def made(nct: str, ids: Sequence[str] = (), officials: Sequence[str] = ()) -> dict[str, Any]:
    """A real study (NCT05594173) with another NCT id, secondary ids and official names."""
    study = copy.deepcopy(_SOURCE)
    ident = study["protocolSection"]["identificationModule"]
    ident["nctId"] = nct
    ident["secondaryIdInfos"] = [{"id": i, "type": "NIH"} for i in ids]
    people = study["protocolSection"]["contactsLocationsModule"]
    people["overallOfficials"] = [
        {"name": n, "affiliation": "Somewhere", "role": "PRINCIPAL_INVESTIGATOR"} for n in officials
    ]
    return study


def client(fake: FakeClock, **kwargs: Any) -> ClinicalTrialsClient:
    kwargs.setdefault("cache", CacheSettings(mode="off"))
    return ClinicalTrialsClient(BASE, clock=fake.clock, sleep=fake.sleep, **kwargs)


def sent(call: Any) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(call.request.url).query).items()}


def ids(trials: list[Trial]) -> list[str]:
    return [t.nct_id for t in trials]


# --- what is sent, paging ---------------------------------------------------------------------


def test_grant_search_pages_through_tokens_repeating_every_parameter(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    studies = [
        made("NCT00000005", ["5R01HL123456-03"]),
        made("NCT00000001", ["R01 HL 123456"]),
        made("NCT00000002", ["K99HL123456"]),  # same serial, another grant
        made("NCT00000003", ["HL123456"]),  # only the serial: kept
        made("NCT00000004", ["R01HL1234567", "2019-000001-01"]),
    ]
    params = {"filter.advanced": R01HL123456, "fields": FIELDS, "pageSize": "2"}
    pages = [
        ({**params, "countTotal": "true"},
         {"studies": studies[:2], "totalCount": 5, "nextPageToken": "t1"}),
        ({**params, "pageToken": "t1"}, {"studies": studies[2:4], "nextPageToken": "t2"}),
        ({**params, "pageToken": "t2"}, {"studies": studies[4:]}),
    ]  # fmt: skip
    for query, body in pages:
        mocked.get(STUDIES, json=body, match=[matchers.query_param_matcher(query)])
    with client(fake, page_size=2) as ctgov:
        found = ctgov.trials_for_grants(["R01HL123456"])
    assert {k: ids(v) for k, v in found.items()} == {
        "R01HL123456": ["NCT00000001", "NCT00000003", "NCT00000005"]
    }
    # countTotal on the first page only; one request a second.
    assert ["countTotal" in sent(c) for c in mocked.calls] == [True, False, False]
    assert fake.sleeps == [MIN_REQUEST_INTERVAL] * 2


def test_every_asked_value_is_a_key_and_grants_go_in_batches(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    cores = [f"R01HL{n:06d}" for n in range(1, 2 * GRANT_BATCH_SIZE + 4)]
    for _ in range(3):
        mocked.get(STUDIES, json={"studies": [], "totalCount": 0})
    asked = [*cores, "5R01HL000001-03", "HHSN272201400041C", "R01HL000002"]
    with client(fake) as ctgov:
        found = ctgov.trials_for_grants(asked)
    assert list(found) == [*cores, "5R01HL000001-03", "HHSN272201400041C"]
    assert all(v == [] for v in found.values())
    terms = [sent(c)["filter.advanced"].count("AREA[SecondaryId]") for c in mocked.calls]
    assert terms == [7 * GRANT_BATCH_SIZE, 7 * GRANT_BATCH_SIZE, 7 * 3]
    assert all(len(c.request.url) < 4000 for c in mocked.calls)


def test_values_that_are_no_grant_number_send_nothing(fake: FakeClock) -> None:
    with responses.RequestsMock() as nothing, client(fake) as ctgov:
        assert ctgov.trials_for_grants(["HHSN272201400041C", " ", "NCT00763412"]) == {
            "HHSN272201400041C": [],
            "NCT00763412": [],
        }
    assert len(nothing.calls) == 0


def test_official_search_sends_surname_and_first_name_and_checks_each_official(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    studies = [
        made("NCT00000001", officials=["Neil H White, M.D."]),
        made("NCT00000002", officials=["Catherine White, PhD"]),
        made("NCT00000003", officials=["Ann Other", "Neil Whitehead"]),
        made("NCT00000004", officials=["Ann Other", "White, Neil"]),
    ]
    query = {
        # As given: RePORTER's capitals are fine, Essie ignores case.
        "filter.advanced": 'AREA[OverallOfficialName]"WHITE" AND AREA[OverallOfficialName]"NEIL"',
        "fields": FIELDS,
        "pageSize": "100",
        "countTotal": "true",
    }
    mocked.get(STUDIES, json={"studies": studies, "totalCount": 4},
               match=[matchers.query_param_matcher(query)])  # fmt: skip
    with client(fake) as ctgov:
        assert ids(ctgov.trials_for_official("WHITE", "NEIL H")) == ["NCT00000001", "NCT00000004"]


def test_an_initial_is_not_searched_and_essie_characters_are_dropped(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.get(STUDIES, json={"studies": [], "totalCount": 0})
    with client(fake) as ctgov:
        assert ctgov.trials_for_official('O"Brien (Smith)', '"J."') == []
    assert sent(mocked.calls[0])["filter.advanced"] == 'AREA[OverallOfficialName]"O Brien Smith"'


def test_an_empty_surname_is_a_query_error_before_any_request(fake: FakeClock) -> None:
    with client(fake) as ctgov, pytest.raises(QueryError, match="surname"):
        ctgov.trials_for_official(" ()", "Neil")


def test_one_study_by_nct_id(fake: FakeClock, mocked: responses.RequestsMock) -> None:
    mocked.get(f"{STUDIES}/NCT05594173", json=_SOURCE,
               match=[matchers.query_param_matcher({"fields": FIELDS})])  # fmt: skip
    with client(fake) as ctgov:
        assert ctgov.study("nct05594173").cores == ("R01DC011020",)
        with pytest.raises(QueryError, match="not an NCT id"):
            ctgov.study("12345")
    assert len(mocked.calls) == 1


# --- completeness -----------------------------------------------------------------------------


def test_fewer_studies_than_counted_is_fetched_again_then_an_error(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    short = {"studies": [made("NCT00000001"), made("NCT00000002")], "totalCount": 3}
    mocked.get(STUDIES, json=short)
    mocked.get(STUDIES, json=short)
    with client(fake) as ctgov, pytest.raises(IncompleteResultError) as info:
        ctgov.search("AREA[SecondaryId]R01HL123456")
    err = info.value
    assert "2 distinct studies arrived where ClinicalTrials.gov counted 3" in err.message
    assert "after one retry" in err.message
    assert (err.expected, err.got, len(err.records)) == (3, 2, 2)
    assert len(mocked.calls) == 2


def test_a_second_fetch_that_is_whole_is_the_answer(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.get(STUDIES, json={"studies": [made("NCT00000001")], "totalCount": 2})
    mocked.get(
        STUDIES, json={"studies": [made("NCT00000001"), made("NCT00000002")], "totalCount": 2}
    )
    with client(fake) as ctgov:
        assert ids(ctgov.search("AREA[SecondaryId]X")) == ["NCT00000001", "NCT00000002"]


def test_a_study_sent_twice_counts_once(fake: FakeClock, mocked: responses.RequestsMock) -> None:
    a, b, c = made("NCT00000001"), made("NCT00000002"), made("NCT00000003")
    mocked.get(STUDIES, json={"studies": [a, b], "totalCount": 3, "nextPageToken": "t"})
    mocked.get(STUDIES, json={"studies": [b, c]})
    with client(fake, page_size=2) as ctgov:
        assert ids(ctgov.search("AREA[SecondaryId]X")) == [
            "NCT00000001",
            "NCT00000002",
            "NCT00000003",
        ]


def test_a_repeated_page_token_stops_the_paging(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    for _ in range(2):
        mocked.get(
            STUDIES, json={"studies": [made("NCT00000001")], "totalCount": 9, "nextPageToken": "t"}
        )
        mocked.get(STUDIES, json={"studies": [made("NCT00000002")], "nextPageToken": "t"})
    with client(fake, page_size=1) as ctgov, pytest.raises(IncompleteResultError):
        ctgov.search("AREA[SecondaryId]X")


def test_a_refused_page_token_starts_over_fresh_once(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    first = {"studies": [made("NCT00000001")], "totalCount": 2, "nextPageToken": "old"}
    mocked.get(STUDIES, json=first)
    mocked.get(STUDIES, status=400, body="Invalid pageToken", content_type="text/plain")
    mocked.get(STUDIES, json={**first, "nextPageToken": "new"})
    mocked.get(STUDIES, json={"studies": [made("NCT00000002")]})
    with client(fake, page_size=1) as ctgov:
        assert len(ctgov.search("AREA[SecondaryId]X")) == 2
    assert sent(mocked.calls[3])["pageToken"] == "new"


@pytest.mark.parametrize(
    "body", [{"studies": []}, {"error": "no"}, [], {"studies": None, "totalCount": 0}]
)
def test_an_answer_that_is_not_a_counted_studies_page_is_invalid(
    fake: FakeClock, mocked: responses.RequestsMock, body: Any
) -> None:
    mocked.get(STUDIES, json=body)
    with client(fake) as ctgov, pytest.raises(InvalidResponseError) as info:
        ctgov.search("AREA[SecondaryId]X")
    assert is_outage(info.value)


# --- failures ---------------------------------------------------------------------------------


def test_a_400_carries_the_servers_plain_text_and_is_not_retried(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.get(STUDIES, status=400, body="`filter.phase` is unknown parameter",
               content_type="text/plain")  # fmt: skip
    with client(fake) as ctgov, pytest.raises(QueryError) as info:
        ctgov.trials_for_grants(["R01HL123456"])
    err = info.value
    assert err.body == "`filter.phase` is unknown parameter"
    assert "`filter.phase` is unknown parameter" in str(err)
    assert "ClinicalTrials.gov rejected the request" in str(err)
    assert (err.status, len(mocked.calls), is_outage(err)) == (400, 1, False)


def test_a_429_waits_for_retry_after_then_goes_on(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.get(STUDIES, status=429, headers={"Retry-After": "7"}, body="Too Many Requests")
    mocked.get(STUDIES, json={"studies": [], "totalCount": 0})
    with client(fake) as ctgov:
        assert ctgov.search("AREA[SecondaryId]X") == []
    assert fake.sleeps == [7.0]  # Retry-After; the throttle's second had passed by then


def test_a_persistent_429_is_a_rate_limit_outage(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    for _ in range(2):
        mocked.get(STUDIES, status=429, headers={"Retry-After": "3"}, body="slow down")
    with client(fake, max_attempts=2) as ctgov, pytest.raises(RateLimitError) as info:
        ctgov.search("AREA[SecondaryId]X")
    assert (info.value.retry_after, info.value.attempts) == (3.0, 2)
    assert is_outage(info.value)


def test_a_persistent_503_is_an_outage(fake: FakeClock, mocked: responses.RequestsMock) -> None:
    for _ in range(2):
        mocked.get(STUDIES, status=503, body="Service Unavailable", content_type="text/plain")
    with client(fake, max_attempts=2) as ctgov, pytest.raises(ReporterHTTPError) as info:
        ctgov.search("AREA[SecondaryId]X")
    assert "ClinicalTrials.gov answered HTTP 503" in str(info.value)
    assert is_outage(info.value)


def test_a_refused_connection_fails_fast(fake: FakeClock) -> None:
    base = f"http://127.0.0.1:{closed_port()}/api/v2"
    with (
        ClinicalTrialsClient(base, cache=CacheSettings(mode="off"), clock=fake.clock,
                             sleep=fake.sleep) as ctgov,
        pytest.raises(ReporterConnectionError) as info,
    ):  # fmt: skip
        ctgov.trials_for_grants(["R01HL123456"])
    assert "connection refused" in str(info.value)
    assert info.value.attempts == 2  # one retry for a refused connection, no backoff chain
    assert sum(fake.sleeps) < 5
    assert is_outage(info.value)


def test_a_name_that_does_not_resolve_fails_at_once(fake: FakeClock, no_dns: list[str]) -> None:
    with (
        ClinicalTrialsClient("https://ctgov.invalid/api/v2", cache=CacheSettings(mode="off"),
                             clock=fake.clock, sleep=fake.sleep) as ctgov,
        pytest.raises(ReporterConnectionError, match="the name does not resolve") as info,
    ):  # fmt: skip
        ctgov.trials_for_official("White", "Neil")
    assert no_dns == ["ctgov.invalid"]
    assert (info.value.attempts, fake.sleeps) == (1, [])


@pytest.mark.parametrize(
    ("exc", "outage"),
    [
        (ReporterConnectionError("down"), True),
        (ReporterTimeoutError("slow"), True),
        (RateLimitError("429", status=429), True),
        (ReporterHTTPError("502", status=502), True),
        (InvalidResponseError("html"), True),
        (ReporterHTTPError("404", status=404), False),
        (QueryError("bad", status=400), False),
        (IncompleteResultError("short"), False),
        (OfflineCacheMissError("offline"), False),
        (ValueError("x"), False),
    ],
)
def test_is_outage(exc: BaseException, outage: bool) -> None:
    assert is_outage(exc) is outage


# --- configuration ----------------------------------------------------------------------------


def test_base_url_from_argument_then_environment_then_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    off = CacheSettings(mode="off")
    with ClinicalTrialsClient(cache=off) as ctgov:
        assert ctgov.base_url == NO_CTGOV_URL  # the tests' environment
    with ClinicalTrialsClient(f"{BASE}/", cache=off) as ctgov:
        assert ctgov.base_url == BASE
    monkeypatch.delenv("REPORTER_FINDER_CTGOV_URL")
    with ClinicalTrialsClient(cache=off) as ctgov:
        assert ctgov.base_url == DEFAULT_CTGOV_URL == "https://clinicaltrials.gov/api/v2"
        assert ctgov.transport.throttle.min_interval == 1.0


def test_a_given_transport_is_used_and_its_session_not_closed(fake: FakeClock) -> None:
    from reporter_finder.api.transport import HttpTransport

    transport = HttpTransport(
        BASE, clock=fake.clock, sleep=fake.sleep, service="ClinicalTrials.gov"
    )
    with ClinicalTrialsClient(transport=transport) as ctgov:
        assert ctgov.transport is transport
        assert ctgov.base_url == BASE
    assert transport.session.adapters  # still open: the caller closes it


@pytest.mark.parametrize("size", [0, 1001])
def test_page_size_is_1_to_1000(size: int) -> None:
    with pytest.raises(InvalidArgumentError):
        ClinicalTrialsClient(BASE, page_size=size)


def test_officials_are_searched_ten_to_a_request(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    for _ in range(2):
        mocked.get(STUDIES, json={"studies": [], "totalCount": 0})
    people = [(f"Surname{i}", "Ana") for i in range(12)]
    with client(fake) as ctgov:
        found = ctgov.trials_for_officials(people)
    assert found == {person: [] for person in people}
    expressions = [sent(call)["filter.advanced"] for call in mocked.calls]
    assert len(expressions) == 2  # 10 + 2 people
    assert expressions[1] == (
        'AREA[OverallOfficialName]"Surname10" AND AREA[OverallOfficialName]"Ana" OR '
        'AREA[OverallOfficialName]"Surname11" AND AREA[OverallOfficialName]"Ana"'
    )
