"""transport: the throttle, the retrying adapter and the mapping of failures to exceptions.

Unit tests use ``responses``. It replaces ``HTTPAdapter.send`` (so our adapter's throttle still
runs before it) and replays urllib3 retries by calling ``Retry.increment()``, which is where
our Retry subclass waits; the real-socket path is covered in test_client_e2e.py.
"""

from __future__ import annotations

import errno
import itertools
import logging
import pickle
import socket
from collections.abc import Callable
from typing import Any

import pytest
import requests
import responses
from responses import matchers
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ReadTimeoutError,
)

from reporter_finder import __version__
from reporter_finder.api.throttle import Throttle
from reporter_finder.api.transport import (
    DEFAULT_USER_AGENT,
    HttpTransport,
    SessionOwner,
    _PoliteRetry,
    no_network_reason,
    url_host,
)
from reporter_finder.errors import (
    InvalidArgumentError,
    InvalidResponseError,
    QueryError,
    RateLimitError,
    ReporterConnectionError,
    ReporterHTTPError,
    ReporterTimeoutError,
)
from tests.conftest import closed_port
from tests.fakeclock import FakeClock

BASE = "https://api.example.org/v2"
URL = f"{BASE}/things/search"


def recorder(
    starts: list[float], fake: FakeClock, status: int = 200, body: str = "{}"
) -> Callable[[requests.PreparedRequest], tuple[int, dict[str, str], str]]:
    """A responses callback that notes the fake time at which each request arrived."""

    def callback(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        starts.append(fake.now)
        return status, {}, body

    return callback


def make(fake: FakeClock, **kwargs: object) -> HttpTransport:
    return HttpTransport(BASE, clock=fake.clock, sleep=fake.sleep, **kwargs)  # type: ignore[arg-type]


# --- Throttle ----------------------------------------------------------------------------


def test_throttle_first_call_does_not_sleep(fake: FakeClock) -> None:
    assert Throttle(1.0, clock=fake.clock, sleep=fake.sleep).wait() == 0.0
    assert fake.sleeps == []


def test_throttle_sleeps_only_the_remainder_of_the_interval(fake: FakeClock) -> None:
    throttle = Throttle(1.0, clock=fake.clock, sleep=fake.sleep)
    throttle.wait()
    fake.advance(0.3)
    assert throttle.wait() == pytest.approx(0.7)
    fake.advance(2.0)  # a slow step in between: no wait needed
    assert throttle.wait() == 0.0
    assert fake.sleeps == [pytest.approx(0.7)]


def test_throttle_spaces_starts_even_if_sleep_does_not_advance_the_clock() -> None:
    slept: list[float] = []
    throttle = Throttle(1.0, clock=lambda: 5.0, sleep=slept.append)
    throttle.wait()
    throttle.wait()
    throttle.wait()
    assert slept == [1.0, 2.0]  # each start is one interval after the previous one


def test_throttle_rejects_negative_interval() -> None:
    with pytest.raises(InvalidArgumentError, match="min_interval"):
        Throttle(-1)


# --- requests sent ------------------------------------------------------------------------


def test_request_json_posts_json_with_user_agent_and_timeout(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.post(
        URL,
        json={"ok": True},
        match=[
            matchers.json_params_matcher({"q": 1}),
            matchers.header_matcher({"User-Agent": DEFAULT_USER_AGENT}),
            matchers.request_kwargs_matcher({"timeout": (3.0, 7.0)}),
        ],
    )
    with make(fake, timeout=(3.0, 7.0)) as transport:
        assert transport.request_json("POST", "/things/search", json={"q": 1}) == {"ok": True}
    assert DEFAULT_USER_AGENT.startswith(f"reporter_finder/{__version__} ")


def test_consecutive_requests_are_throttled(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    starts: list[float] = []
    for _ in range(3):
        mocked.add_callback(responses.POST, URL, callback=recorder(starts, fake))
    transport = make(fake, throttle_interval=1.0)
    for _ in range(3):
        transport.request_json("POST", "things/search", json={})
    assert [b - a for a, b in itertools.pairwise(starts)] == [1.0, 1.0]


# --- retries ----------------------------------------------------------------------------


def test_429_retry_after_is_honoured_then_success(
    fake: FakeClock, mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    mocked.post(URL, status=429, headers={"Retry-After": "7"}, body="slow down")
    mocked.post(URL, json={"ok": 1})
    with caplog.at_level(logging.WARNING, logger="reporter_finder.api.transport"):
        assert make(fake).request_json("POST", URL.removeprefix(BASE), json={}) == {"ok": 1}
    assert len(mocked.calls) == 2
    assert fake.sleeps == [7.0]  # Retry-After; the throttle's 1 s had passed by then
    assert "HTTP 429" in caplog.text
    assert "(Retry-After)" in caplog.text


def test_503_then_success_waits_at_least_the_throttle_interval(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    starts: list[float] = []
    mocked.add_callback(responses.POST, URL, callback=recorder(starts, fake, 503, "busy"))
    mocked.add_callback(responses.POST, URL, callback=recorder(starts, fake, 200, '{"ok": 2}'))
    assert make(fake, backoff_factor=1.0).request_json("POST", "things/search") == {"ok": 2}
    # urllib3's first backoff is 0, so the throttle alone spaces the retry by 1 s.
    assert starts[1] - starts[0] == pytest.approx(1.0)


def test_backoff_grows_between_consecutive_retries(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    for _ in range(3):
        mocked.post(URL, status=502)
    mocked.post(URL, json={})
    make(fake, backoff_factor=1.0, throttle_interval=0.0).request_json("POST", "things/search")
    # backoff_factor * 2**(n-1) from the second retry on, plus up to 0.5 s of jitter.
    assert len(fake.sleeps) == 2
    assert 2.0 <= fake.sleeps[0] <= 2.5
    assert 4.0 <= fake.sleeps[1] <= 4.5


def test_five_503_raise_http_error_with_attempts_and_body(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    for _ in range(5):
        mocked.post(URL, status=503, body="Service Unavailable: maintenance")
    with pytest.raises(ReporterHTTPError) as info:
        make(fake, max_attempts=5).request_json("POST", "things/search", describe="FY 2025")
    err = info.value
    assert type(err) is ReporterHTTPError
    assert (err.status, err.attempts, err.url) == (503, 5, URL)
    assert err.body == "Service Unavailable: maintenance"
    assert "HTTP 503 (FY 2025) after 5 attempts" in str(err)
    assert len(mocked.calls) == 5


def test_persistent_429_raises_rate_limit_error_with_retry_after(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    for _ in range(3):
        mocked.post(URL, status=429, headers={"Retry-After": "2"})
    with pytest.raises(RateLimitError) as info:
        make(fake, max_attempts=3).request_json("POST", "things/search")
    assert (info.value.retry_after, info.value.attempts, info.value.status) == (2.0, 3, 429)
    restored = pickle.loads(pickle.dumps(info.value))
    assert (restored.retry_after, restored.attempts) == (2.0, 3)


def test_400_is_not_retried_and_carries_the_server_text(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.post(URL, status=400, body="Invalid criteria: fiscal_years must be an array")
    with pytest.raises(QueryError) as info:
        make(fake).request_json("POST", "things/search", describe="text sepsis")
    assert len(mocked.calls) == 1
    assert info.value.status == 400
    assert info.value.attempts == 1
    assert "rejected the request (text sepsis)" in str(info.value)
    assert "fiscal_years must be an array" in str(info.value)
    assert fake.sleeps == []


def test_404_is_a_query_error_too(fake: FakeClock, mocked: responses.RequestsMock) -> None:
    mocked.post(URL, status=404, body="Not Found")
    with pytest.raises(QueryError, match="Not Found"):
        make(fake).request_json("POST", "things/search")


@pytest.mark.parametrize(
    "exc", [requests.exceptions.ReadTimeout("read"), requests.exceptions.ConnectTimeout("c")]
)
def test_timeouts_raise_reporter_timeout_error(
    fake: FakeClock, mocked: responses.RequestsMock, exc: Exception
) -> None:
    mocked.post(URL, body=exc)
    with pytest.raises(ReporterTimeoutError, match="did not answer within") as info:
        make(fake).request_json("POST", "things/search")
    assert info.value.url == URL
    assert isinstance(info.value.__cause__, requests.Timeout)


def test_connection_error_raises_reporter_connection_error(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.post(URL, body=requests.exceptions.ConnectionError("Name or service not known"))
    with pytest.raises(ReporterConnectionError, match="Could not reach RePORTER") as info:
        make(fake).request_json("POST", "things/search")
    assert not isinstance(info.value, ReporterTimeoutError)


def test_truncated_json_is_retried_through_the_throttle_then_succeeds(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    mocked.post(URL, body='{"meta": {"total": 3}, "resu')
    mocked.post(URL, json={"meta": {"total": 3}})
    assert make(fake).request_json("POST", "things/search") == {"meta": {"total": 3}}
    assert fake.sleeps == [1.0]


def test_truncated_json_every_time_raises_invalid_response(
    fake: FakeClock, mocked: responses.RequestsMock
) -> None:
    for _ in range(3):
        mocked.post(URL, body='{"results": [')
    with pytest.raises(InvalidResponseError, match="not valid JSON") as info:
        make(fake, max_attempts=3).request_json("POST", "things/search")
    assert info.value.attempts == 3
    assert info.value.body == '{"results": ['


def test_service_name_appears_in_messages(fake: FakeClock, mocked: responses.RequestsMock) -> None:
    mocked.post(URL, status=500)
    with pytest.raises(ReporterHTTPError, match="PubMed answered HTTP 500"):
        make(fake, service="PubMed", max_attempts=1).request_json("POST", "things/search")


# --- sessions ---------------------------------------------------------------------------


def test_injected_session_is_mounted_for_the_host_only_and_not_closed(fake: FakeClock) -> None:
    session = requests.Session()
    closed: list[bool] = []
    session.close = lambda: closed.append(True)  # type: ignore[method-assign]
    transport = make(fake, session=session)
    assert session.get_adapter(URL) is transport._adapter
    assert session.get_adapter("https://other.example.org/") is not transport._adapter
    transport.close()
    assert closed == []


def test_own_session_is_closed(fake: FakeClock) -> None:
    transport = make(fake)
    closed: list[bool] = []
    transport.session.close = lambda: closed.append(True)  # type: ignore[method-assign]
    with transport:
        pass
    assert closed == [True]


def _web_clients(session: requests.Session | None) -> list[SessionOwner]:
    from reporter_finder.api.cache import CacheSettings
    from reporter_finder.api.reporter import ReporterClient
    from reporter_finder.leads.publications import PubMedClient

    off = CacheSettings(mode="off")
    return [
        HttpTransport(BASE, session=session),
        ReporterClient(BASE, session=session, cache=off),
        PubMedClient(session=session, cache=off),
    ]


def test_every_web_client_leaves_a_borrowed_session_open() -> None:
    session = requests.Session()
    closed: list[bool] = []
    session.close = lambda: closed.append(True)  # type: ignore[method-assign]
    for client in _web_clients(session):
        with client as entered:
            assert entered is client
            assert entered.session is session
    assert closed == []


def test_every_web_client_closes_the_session_it_made() -> None:
    for client in _web_clients(None):
        closed: list[bool] = []
        client.session.close = lambda c=closed: c.append(True)  # type: ignore[method-assign,misc]
        with client:
            pass
        assert closed == [True], type(client).__name__


def test_max_attempts_must_be_positive() -> None:
    with pytest.raises(InvalidArgumentError, match="max_attempts"):
        HttpTransport(BASE, max_attempts=0)


def test_retry_warning_does_not_log_secret_query_parameters(
    fake: FakeClock, mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    # Regression: the retry warning logged the full URL, query string included, which put
    # an NCBI api_key (and the user's e-mail) into logs shown with -v.
    mocked.add(responses.GET, URL, status=503, body="busy")
    mocked.add(responses.GET, URL, json={"ok": 1})
    caplog.set_level(logging.DEBUG, logger="reporter_finder")
    params = {"id": "1,2", "api_key": "SECRET-KEY-123", "email": "me@example.org"}
    assert make(fake).request_json("GET", "things/search", params=params) == {"ok": 1}
    assert "retry 1" in caplog.text
    assert "SECRET-KEY-123" not in caplog.text
    assert "me@example.org" not in caplog.text
    assert "id=1%2C2" in caplog.text or "id=1,2" in caplog.text


# --- no network: a name that does not resolve, a refused connection ---------------------------
#
# Real sockets, no mock: urllib3 resolves and connects as it would for a user. The resolver is
# replaced (no DNS query ever leaves the machine) and the refused port is a closed one on
# 127.0.0.1. Attempts are counted, never timed (benchmarks/bench_offline.py measures the time).

NOWHERE = "http://reporter-finder-test.invalid/v2"


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The addresses every socket tried to connect to (the network guard still applies)."""
    seen: list[Any] = []
    guarded = socket.socket.connect

    def counting(self: socket.socket, address: Any) -> Any:
        seen.append(address)
        return guarded(self, address)

    monkeypatch.setattr(socket.socket, "connect", counting)
    return seen


def test_a_name_that_does_not_resolve_is_not_retried(
    fake: FakeClock, no_dns: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    # Regression: a failed DNS look-up was retried like a 503 (4 warnings, ~16 s offline).
    transport = HttpTransport(NOWHERE, clock=fake.clock, sleep=fake.sleep, max_attempts=5)
    with (
        caplog.at_level(logging.INFO, logger="reporter_finder"),
        pytest.raises(ReporterConnectionError) as info,
    ):
        transport.request_json("POST", "projects/search", json={})
    err = info.value
    assert type(err) is ReporterConnectionError
    assert no_dns == ["reporter-finder-test.invalid"]
    assert err.attempts == 1
    assert err.url == f"{NOWHERE}/projects/search"
    assert no_network_reason(err) == "the name does not resolve"
    assert str(err) == (
        "Could not reach RePORTER at reporter-finder-test.invalid: the name does not resolve "
        "(1 attempt)"
    )
    assert "retry" not in caplog.text
    assert fake.sleeps == []


def test_a_refused_connection_is_retried_once(
    fake: FakeClock, connects: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    # Regression: a refused connection was retried like a 503, max_attempts times.
    port = closed_port()
    base = f"http://127.0.0.1:{port}/v2"
    transport = HttpTransport(base, clock=fake.clock, sleep=fake.sleep, max_attempts=5)
    with (
        caplog.at_level(logging.INFO, logger="reporter_finder"),
        pytest.raises(ReporterConnectionError) as info,
    ):
        transport.request_json("POST", "projects/search", json={})
    err = info.value
    assert type(err) is ReporterConnectionError
    assert connects == [("127.0.0.1", port)] * 2
    assert err.attempts == 2
    assert no_network_reason(err) == "connection refused"
    assert str(err) == (
        f"Could not reach RePORTER at 127.0.0.1:{port}: connection refused (2 attempts)"
    )
    # The one retry is logged at INFO (shown with -v), not as a warning.
    ours = [r for r in caplog.records if r.name.startswith("reporter_finder")]
    assert [r.levelno for r in ours] == [logging.INFO]
    assert "connection refused" in caplog.text
    assert "retry 1" in caplog.text


def test_a_refused_connection_with_one_attempt_is_not_retried(
    fake: FakeClock, connects: list[Any]
) -> None:
    base = f"http://127.0.0.1:{closed_port()}/v2"
    transport = HttpTransport(base, clock=fake.clock, sleep=fake.sleep, max_attempts=1)
    with pytest.raises(ReporterConnectionError) as info:
        transport.request_json("GET", "x")
    assert (info.value.attempts, len(connects)) == (1, 1)


def test_a_503_from_a_real_server_still_uses_every_attempt(
    fake: FakeClock, reporter_server: Any
) -> None:
    reporter_server.faults.status(503, times=3)
    transport = HttpTransport(reporter_server.url, clock=fake.clock, sleep=fake.sleep,
                              max_attempts=3)  # fmt: skip
    with pytest.raises(ReporterHTTPError) as info:
        transport.request_json("POST", "projects/search", json={"criteria": {}})
    assert (info.value.status, info.value.attempts) == (503, 3)
    assert len(reporter_server.requests) == 3


def _refused() -> NewConnectionError:
    err = NewConnectionError(None, "Failed to establish a new connection: [Errno 111] refused")  # type: ignore[arg-type]
    err.__cause__ = ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")
    return err


@pytest.mark.parametrize(
    ("make_error", "retries"),
    [
        (lambda: NameResolutionError("h", None, socket.gaierror(-2, "no name")), 0),  # type: ignore[arg-type]
        (_refused, 1),
        (lambda: ConnectTimeoutError(None, "connect timed out"), 4),
        (lambda: ReadTimeoutError(None, "/", "read timed out"), 4),  # type: ignore[arg-type]
    ],
    ids=["dns", "refused", "connect-timeout", "read-timeout"],
)
def test_retry_budget_per_kind_of_failure(
    make_error: Callable[[], Exception], retries: int
) -> None:
    retry = _PoliteRetry(total=4, allowed_methods=frozenset({"POST"}), backoff_factor=0)
    assert _retries_until_exhausted(retry, make_error) == retries


def _retries_until_exhausted(retry: _PoliteRetry, make_error: Callable[[], Exception]) -> int:
    for done in itertools.count():
        try:
            retry = retry.increment("POST", "/v2/projects/search", error=make_error())
        except MaxRetryError:
            return done
    raise AssertionError("unreachable")


def test_a_refusal_after_a_connect_timeout_still_gets_its_one_retry() -> None:
    retry = _PoliteRetry(total=4, allowed_methods=frozenset({"POST"}), backoff_factor=0)
    retry = retry.increment("POST", "/x", error=ConnectTimeoutError(None, "timed out"))
    retry = retry.increment("POST", "/x", error=_refused())
    with pytest.raises(MaxRetryError):
        retry.increment("POST", "/x", error=_refused())


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://api.reporter.nih.gov/v2/projects/search", "api.reporter.nih.gov"),
        ("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esummary.fcgi?db=pubmed",
         "eutils.ncbi.nlm.nih.gov"),
        ("http://127.0.0.1:8123/v2", "127.0.0.1:8123"),
        ("http://user:secret@example.org:81/", "example.org:81"),
    ],
)  # fmt: skip
def test_url_host(url: str, host: str) -> None:
    assert url_host(url) == host


def test_a_timeout_is_not_no_network() -> None:
    assert no_network_reason(ReporterTimeoutError("slow")) is None
    assert no_network_reason(ReporterConnectionError("gone")) is None
