"""HTTP plumbing shared by every web client of reporter_finder.

:class:`HttpTransport` sends JSON requests to one service (RePORTER, later NCBI E-utilities)
and either returns decoded JSON or raises a typed :mod:`reporter_finder.errors` error.

How politeness and retries fit together:

* A :class:`Throttle` spaces the *starts* of requests at least ``min_interval`` apart,
  measured with a monotonic clock.
* The session gets a throttling ``HTTPAdapter`` whose ``send()`` waits on the throttle. Cached
  responses (requests-cache) never reach the adapter, so cache hits are not throttled.
* The adapter carries a urllib3 ``Retry`` subclass: 429/500/502/503/504, connection errors and
  read timeouts are retried (POST included, since RePORTER's search is a read-only POST), with
  exponential backoff plus jitter, honouring ``Retry-After``; the wait before each retry goes
  through the injected ``sleep`` and then the same throttle, so retries stay polite too.
* "No network" is not a transient server fault: a host name that does not resolve is not
  retried at all, and a refused connection (or an unreachable network) is retried once, so an
  offline run fails in about a second instead of after every backoff
  (:func:`no_network_reason` tells these failures apart).
* Other 4xx are never retried. A 200 whose body is not JSON (truncated) is retried here, a
  few times, through the same throttle.
"""

from __future__ import annotations

import errno
import logging
import re
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProxyError,
    ReadTimeoutError,
)
from urllib3.util.retry import Retry

from reporter_finder import __version__
from reporter_finder.api.throttle import Clock, Sleep, Throttle
from reporter_finder.errors import (
    InvalidArgumentError,
    InvalidResponseError,
    OfflineCacheMissError,
    QueryError,
    RateLimitError,
    ReporterConnectionError,
    ReporterError,
    ReporterHTTPError,
    ReporterTimeoutError,
)

if TYPE_CHECKING:  # pragma: no cover
    from urllib3.connectionpool import ConnectionPool
    from urllib3.response import BaseHTTPResponse

logger = logging.getLogger(__name__)

#: Sent with every request so that server operators can see (and reach) who is calling.
DEFAULT_USER_AGENT = f"reporter_finder/{__version__} (NIH RePORTER mentor finder; python-requests)"
#: (connect, read) seconds. Peers use 30–60 s read timeouts; RePORTER pages of 500 full
#: records can take several seconds to build.
DEFAULT_TIMEOUT = (10.0, 60.0)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Query parameters whose values never appear in logs (NCBI's key, the user's e-mail).
SECRET_PARAMS = frozenset({"api_key", "email"})
_SECRET_RE = re.compile(r"(?<=[?&])(" + "|".join(sorted(SECRET_PARAMS)) + r")=[^&#]*")


def redact_url(url: str | None) -> str | None:
    """Return ``url`` with the values of :data:`SECRET_PARAMS` replaced by ``***``."""
    return _SECRET_RE.sub(r"\1=***", url) if url else url


#: Jitter added to each backoff, as a fraction of ``backoff_factor``: spreads out clients
#: that failed together so they do not retry in lockstep.
_JITTER_FRACTION = 0.5


#: What :func:`no_network_reason` says for a host name that does not resolve.
_NO_NAME = "the name does not resolve"
#: OS errors of a connection that nothing answered: no server on that port, or no route to
#: the host. Each is retried once (a server may be restarting), never with the full backoff.
_REFUSED = {
    errno.ECONNREFUSED: "connection refused",
    errno.ENETUNREACH: "network unreachable",
    errno.EHOSTUNREACH: "host unreachable",
}


def _chain(exc: BaseException | None) -> list[BaseException]:
    """``exc`` and everything behind it: causes, contexts, urllib3's wrapped reasons."""
    found: list[BaseException] = []
    todo = [exc]
    while todo:
        current = todo.pop()
        if current is None or any(current is seen for seen in found):
            continue
        found.append(current)
        todo += [current.__cause__, current.__context__]
        if isinstance(current, MaxRetryError):
            todo.append(current.reason)
        elif isinstance(current, ProxyError):
            todo.append(current.original_error)
        todo += [arg for arg in current.args if isinstance(arg, BaseException)]
    return found


def no_network_reason(exc: BaseException | None) -> str | None:
    """Why ``exc`` means the host cannot be reached at all, or ``None`` if it does not.

    ``"the name does not resolve"`` (DNS), ``"connection refused"``, ``"network unreachable"``
    or ``"host unreachable"``, found anywhere in the exception's chain (a
    :class:`~reporter_finder.errors.ReporterConnectionError` keeps the OS error as its cause).
    Timeouts are not "no network": the server may just be slow.

    Example:
        >>> no_network_reason(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"))
        'connection refused'
    """
    chain = _chain(exc)
    for current in chain:
        if isinstance(current, (NameResolutionError, socket.gaierror)):
            return _NO_NAME
    for current in chain:
        if isinstance(current, OSError) and current.errno in _REFUSED:
            return _REFUSED[current.errno]
    return None


def url_host(url: str) -> str:
    """The host of ``url``, with the port when the URL names one: ``"127.0.0.1:8080"``.

    Example:
        >>> url_host("https://api.reporter.nih.gov/v2/projects/search")
        'api.reporter.nih.gov'
    """
    netloc = urlsplit(url).netloc
    return netloc.rpartition("@")[2] or url  # never the user:password part


@dataclass
class _RetryContext:
    """What the Retry copies share with their transport (urllib3 copies Retry objects)."""

    throttle: Throttle
    sleep: Sleep
    service: str
    attempts: int = 0


class _PoliteRetry(Retry):
    """A urllib3 ``Retry`` that waits through the injected sleep and the shared throttle.

    The wait happens at the end of :meth:`increment`, not in :meth:`sleep`: urllib3 calls
    ``increment()`` then ``sleep()``, but the ``responses`` mock library replays retries by
    calling ``increment()`` only. Waiting in ``increment()`` makes mocked and real retries run
    the same code, so unit tests see the real backoff, ``Retry-After`` and throttle behaviour.
    """

    context: _RetryContext | None = None

    def new(self, **kw: Any) -> _PoliteRetry:
        # Retry.new() rebuilds the object from its constructor arguments only; carry the
        # context over by hand or the copies would lose the throttle.
        retry = cast(_PoliteRetry, super().new(**kw))
        retry.context = self.context
        return retry

    def increment(
        self,
        method: str | None = None,
        url: str | None = None,
        response: BaseHTTPResponse | None = None,
        error: Exception | None = None,
        _pool: ConnectionPool | None = None,
        _stacktrace: TracebackType | None = None,
    ) -> _PoliteRetry:
        no_network = no_network_reason(error) if error is not None else None
        counted = self
        if no_network is not None and self._last_connect_try(no_network):
            # urllib3 counts connection errors in ``connect``: with none left, the increment
            # below raises MaxRetryError (the error stays its reason), as for any exhausted
            # budget. Connect timeouts keep the whole budget.
            counted = self.new(connect=0)
        retry = cast(
            _PoliteRetry,
            super(_PoliteRetry, counted).increment(
                method, url, response, error, _pool, _stacktrace
            ),
        )  # may raise MaxRetryError
        ctx = self.context
        last = retry.history[-1] if retry.history else None
        if ctx is None or last is None or last.redirect_location:
            return retry
        delay = None
        if response is not None and retry.respect_retry_after_header:
            delay = retry.get_retry_after(response)
        from_header = delay is not None
        if delay is None:
            delay = retry.get_backoff_time()
        what = no_network or (f"HTTP {last.status}" if last.status else type(last.error).__name__)
        ctx.attempts += 1
        # The single retry of a refused connection is routine (INFO, shown with -v): if it
        # fails too, the error says so in one line.
        logger.log(
            logging.INFO if no_network else logging.WARNING,
            "%s: %s on %s; retry %d in %.1f s%s",
            ctx.service,
            what,
            redact_url(last.url),
            len(retry.history),
            delay,
            " (Retry-After)" if from_header else "",
        )
        if delay > 0:
            ctx.sleep(delay)
        ctx.throttle.wait()
        return retry

    def _last_connect_try(self, no_network: str) -> bool:
        """Whether this "no network" failure ends the retries: a name that does not resolve
        always does; a refused (or unreachable) connection after one retry for it."""
        if no_network == _NO_NAME:
            return True
        return any(
            no_network_reason(h.error) not in (None, _NO_NAME) for h in self.history if h.error
        )

    def sleep(self, response: Any = None) -> None:
        """Do nothing: the wait already happened in :meth:`increment`."""


class _ThrottledAdapter(HTTPAdapter):
    """An ``HTTPAdapter`` that waits on the throttle before every request it sends."""

    def __init__(self, retry: _PoliteRetry) -> None:
        super().__init__(max_retries=retry)

    def send(
        self, request: requests.PreparedRequest, *args: Any, **kwargs: Any
    ) -> requests.Response:  # type: ignore[override]
        ctx = cast(_PoliteRetry, self.max_retries).context
        if ctx is not None:
            ctx.throttle.wait()
            ctx.attempts += 1
        return super().send(request, *args, **kwargs)


_Owner = TypeVar("_Owner", bound="SessionOwner")


class SessionOwner:
    """Holds a ``requests.Session`` that is either borrowed or owned, and closes only its own.

    A session the caller passes in is borrowed: the caller may share it (one cache for RePORTER
    and PubMed, a test's mock) and closes it. Without one, ``make_session()`` builds a session
    that this object owns and closes in :meth:`close`, also as a context manager. The web
    clients (:class:`HttpTransport`, ``ReporterClient``, ``PubMedClient``) all follow this rule.

    Args:
        session: the caller's session, or ``None`` to build one.
        make_session: builds the owned session (called only when ``session`` is ``None``).
    """

    def __init__(
        self, session: requests.Session | None, make_session: Callable[[], requests.Session]
    ) -> None:
        self._owns_session = session is None
        self.session = session if session is not None else make_session()

    def close(self) -> None:
        """Close the session if this object created it; a borrowed one stays open."""
        if self._owns_session:
            self.session.close()

    def __enter__(self: _Owner) -> _Owner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class HttpTransport(SessionOwner):
    """Send JSON requests to one web service, politely, and map failures to typed errors.

    Args:
        base_url: root of the service, e.g. ``"https://api.reporter.nih.gov/v2"``.
        session: a ``requests.Session`` (or requests-cache ``CachedSession``) to use. The
            transport mounts its retrying, throttling adapter on it for ``base_url``; it never
            closes a session it was given.
        throttle_interval: minimum seconds between request starts.
        timeout: ``(connect, read)`` seconds for each attempt.
        max_attempts: attempts per request, first one included (>= 1).
        backoff_factor: exponential backoff base in seconds (0, 2, 4, 8 … × factor / 2 …
            as urllib3 computes it), plus random jitter.
        clock, sleep: injectable monotonic clock and sleep, for tests.
        user_agent: ``User-Agent`` header; defaults to ``reporter_finder/<version> (+url)``.
        service: name used in log lines and error messages ("RePORTER", "PubMed").

    Not thread-safe: use one transport per thread (they may share a :class:`Throttle`).
    """

    def __init__(
        self,
        base_url: str,
        *,
        session: requests.Session | None = None,
        throttle_interval: float = 1.0,
        timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
        max_attempts: int = 5,
        backoff_factor: float = 1.0,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
        user_agent: str | None = None,
        service: str = "RePORTER",
    ) -> None:
        if max_attempts < 1:
            raise InvalidArgumentError(f"max_attempts must be >= 1, got {max_attempts}")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.service = service
        self.user_agent = user_agent or DEFAULT_USER_AGENT
        self.throttle = Throttle(throttle_interval, clock=clock, sleep=sleep)
        self._clock = clock
        super().__init__(session, requests.Session)
        self._context = _RetryContext(throttle=self.throttle, sleep=sleep, service=service)
        retry = _PoliteRetry(
            total=max_attempts - 1,
            allowed_methods=frozenset({"GET", "HEAD", "POST"}),
            status_forcelist=RETRY_STATUSES,
            backoff_factor=backoff_factor,
            backoff_jitter=backoff_factor * _JITTER_FRACTION,
            respect_retry_after_header=True,
            # The final error response comes back to us, so it can become a typed error
            # carrying the server's body instead of a bare urllib3 RetryError.
            raise_on_status=False,
            raise_on_redirect=False,
        )
        retry.context = self._context
        self._adapter = _ThrottledAdapter(retry)
        # Mount on the scheme+host prefix of base_url only: an injected session keeps its
        # own adapters for every other host.
        self.session.mount(_mount_prefix(self.base_url), self._adapter)

    # --- public ------------------------------------------------------------------------

    def url_for(self, path: str) -> str:
        """The absolute URL of ``path`` under ``base_url``."""
        return f"{self.base_url}/{path.lstrip('/')}"

    def request_json(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        describe: str | None = None,
        fresh: bool = False,
    ) -> Any:
        """Send one request (with retries) and return the decoded JSON body.

        Args:
            method: HTTP method, e.g. ``"POST"``.
            path: path under ``base_url``, e.g. ``"projects/search"``.
            json: body to send as JSON.
            params: query-string parameters.
            describe: a short human description of what is asked, used in error messages.
            fresh: bypass a cached answer and store the new one (used to re-fetch data that
                changed); in offline cache mode the cached answer is all there is.

        Raises:
            QueryError: the server rejected the request (a 4xx other than 429).
            RateLimitError: still 429 after every attempt.
            ReporterHTTPError: still 5xx after every attempt, or another unexpected status.
            ReporterTimeoutError: every attempt timed out.
            ReporterConnectionError: the server could not be reached.
            InvalidResponseError: 200 responses whose body is not JSON, on every attempt.
            OfflineCacheMissError: offline cache mode and the request is not cached.
        """
        url = self.url_for(path)
        what = f" ({describe})" if describe else ""
        self._context.attempts = 0
        for body_attempt in range(1, self.max_attempts + 1):
            response = self.response(method, path, json=json, params=params, describe=describe,
                                     fresh=fresh, reset=False)  # fmt: skip
            status = response.status_code
            try:
                return response.json()
            except ValueError:
                self._forget_cached(response)
                if body_attempt == self.max_attempts:
                    raise InvalidResponseError(
                        f"{self.service} answered 200 but the body is not valid JSON{what}, "
                        f"{self.max_attempts} times",
                        url=url,
                        status=status,
                        body=response.content[-200:],
                        attempts=self._context.attempts,
                        hint="The service may be overloaded; try again later.",
                    ) from None
                logger.warning(
                    "%s: invalid JSON body (%d bytes) from %s; retrying",
                    self.service,
                    len(response.content),
                    url,
                )
        raise AssertionError("unreachable")  # pragma: no cover

    def response(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        describe: str | None = None,
        fresh: bool = False,
        accept: str = "application/json",
        reset: bool = True,
    ) -> requests.Response:
        """Send one request (with retries) and return its 200 response, body unread.

        For bodies other than JSON (PubMed's efetch XML): the caller parses ``content``, and
        may call again for a broken body after :meth:`forget_cached`. ``data`` is sent
        form-encoded (a long id list as a POST). ``reset=False`` keeps counting attempts
        across calls (a caller retrying a broken body).

        Raises:
            QueryError, RateLimitError, ReporterHTTPError, ReporterTimeoutError,
            ReporterConnectionError, OfflineCacheMissError: as for :meth:`request_json`.
        """
        url = self.url_for(path)
        what = f" ({describe})" if describe else ""
        if reset:
            self._context.attempts = 0
        response = self._send(method, url, json=json, params=params, data=data, what=what,
                              fresh=fresh, accept=accept)  # fmt: skip
        if response.status_code == 504 and getattr(response, "from_cache", False):
            raise OfflineCacheMissError(
                f"Offline mode: this {self.service} request is not in the cache{what}",
                url=url,
                hint="Run it once online (or with cache mode 'normal') to cache it.",
            )
        if response.status_code != 200:
            raise self._status_error(response, url, what)
        return response

    def forget_cached(self, response: requests.Response) -> None:
        """Drop ``response`` from the cache (a broken 200 body must not be served again)."""
        self._forget_cached(response)

    # --- private -----------------------------------------------------------------------

    def _send(
        self,
        method: str,
        url: str,
        *,
        json: Any,
        params: dict[str, Any] | None,
        what: str,
        fresh: bool = False,
        data: dict[str, Any] | None = None,
        accept: str = "application/json",
    ) -> requests.Response:
        started = self._clock()
        extra: dict[str, Any] = {}
        settings = getattr(self.session, "settings", None)  # a requests-cache CachedSession
        if fresh and settings is not None and not getattr(settings, "only_if_cached", False):
            extra["force_refresh"] = True
        try:
            response = self.session.request(
                method,
                url,
                json=json,
                params=params,
                data=data,
                timeout=self.timeout,
                headers={"User-Agent": self.user_agent, "Accept": accept},
                **extra,
            )
        except requests.RequestException as exc:
            raise self._network_error(exc, url, what) from exc
        logger.debug(
            "%s %s -> %s in %.3f s (from_cache=%s, attempts=%d)",
            method,
            url,
            response.status_code,
            self._clock() - started,
            getattr(response, "from_cache", False),
            self._context.attempts,
        )
        return response

    def _network_error(self, exc: requests.RequestException, url: str, what: str) -> ReporterError:
        attempts = max(self._context.attempts, 1)
        reason = exc.args[0] if exc.args else None
        if isinstance(reason, MaxRetryError):
            reason = reason.reason
        # urllib3's NewConnectionError (refused, DNS) subclasses ConnectTimeoutError: not a timeout.
        timed_out = (
            isinstance(exc, requests.Timeout)
            or isinstance(reason, (ConnectTimeoutError, ReadTimeoutError))
        ) and not isinstance(reason, NewConnectionError)
        if timed_out:
            return ReporterTimeoutError(
                f"{self.service} did not answer within {self.timeout} s{what} "
                f"({attempts} attempt{'s' if attempts > 1 else ''})",
                url=url,
                attempts=attempts,
                hint="The service may be slow or down; try again later or raise the timeout.",
            )
        if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema)):
            return ReporterConnectionError(
                f"Invalid {self.service} URL {url!r}: {exc}",
                url=url,
                attempts=attempts,
                hint="Check the API URL setting.",
            )
        no_network = no_network_reason(exc)
        if no_network is not None:
            return ReporterConnectionError(
                f"Could not reach {self.service} at {url_host(url)}{what}: {no_network} "
                f"({attempts} attempt{'s' if attempts > 1 else ''})",
                url=url,
                attempts=attempts,
                hint="No network? Use the offline cache or records saved earlier.",
            )
        return ReporterConnectionError(
            f"Could not reach {self.service}{what} after {attempts} attempt"
            f"{'s' if attempts > 1 else ''}: {redact_url(str(reason or exc))}",
            url=url,
            attempts=attempts,
            hint="Check your internet connection and the API URL.",
        )

    def _status_error(self, response: requests.Response, url: str, what: str) -> ReporterError:
        status = response.status_code
        attempts = max(self._context.attempts, 1)
        body = response.text
        if status == 429:
            retry_after = _parse_retry_after(response.headers.get("Retry-After"))
            return RateLimitError(
                f"{self.service} kept answering 'Too Many Requests'{what}",
                url=url,
                status=status,
                body=body,
                attempts=attempts,
                retry_after=retry_after,
                hint="Wait a few minutes; large jobs are best run at night or on weekends.",
            )
        if 400 <= status < 500:
            return QueryError(
                f"{self.service} rejected the request{what}",
                url=url,
                status=status,
                body=body,
                attempts=attempts,
                hint="Check the query values; the server's message is shown above.",
            )
        return ReporterHTTPError(
            f"{self.service} answered HTTP {status}{what} after {attempts} attempt"
            f"{'s' if attempts > 1 else ''}",
            url=url,
            status=status,
            body=body,
            attempts=attempts,
            hint="The service may be down; try again later.",
        )

    def _forget_cached(self, response: requests.Response) -> None:
        # A truncated 200 would otherwise be cached by requests-cache and served again.
        key = getattr(response, "cache_key", None)
        cache = getattr(self.session, "cache", None)
        if key and cache is not None:
            cache.delete(key)


def _mount_prefix(base_url: str) -> str:
    scheme, sep, rest = base_url.partition("://")
    if not sep:
        return base_url
    return f"{scheme}://{rest.split('/', 1)[0]}"


def _parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return Retry().parse_retry_after(value)
    except Exception:  # an unparseable header is not worth failing over
        return None
