"""The exception family of reporter_finder.

Every error the library raises on purpose is a :class:`ReporterError`. Each one carries the
context a user or a bug report needs: the URL, the HTTP status, an excerpt of the server's
body and how many attempts were made. All of them pickle (they cross process boundaries in
notebooks and multiprocessing), which is why they keep their constructor arguments and
implement ``__reduce__``.

Only ``reporter_finder.cli`` turns them into terminal messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

BODY_EXCERPT_CHARS = 500


def _excerpt(body: str | bytes | None) -> str | None:
    if body is None:
        return None
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="replace")
    body = body.strip()
    if len(body) > BODY_EXCERPT_CHARS:
        return body[:BODY_EXCERPT_CHARS] + "…"
    return body


class ReporterError(Exception):
    """Base class of every error raised by reporter_finder.

    Attributes:
        message: what went wrong, in words a user can act on.
        url: the URL of the request that failed, if any.
        status: the HTTP status code, if a response arrived.
        body: an excerpt (at most 500 characters) of the response body, if any.
        attempts: how many attempts were made before giving up.
        hint: an optional suggestion of what to do about it.
    """

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        status: int | None = None,
        body: str | bytes | None = None,
        attempts: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.url = url
        self.status = status
        self.body = _excerpt(body)
        self.attempts = attempts
        self.hint = hint

    def _kwargs(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "status": self.status,
            "body": self.body,
            "attempts": self.attempts,
            "hint": self.hint,
        }

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.message, self._kwargs()))

    def __str__(self) -> str:
        parts = [self.message]
        if self.status is not None:
            parts.append(f"(HTTP {self.status})")
        if self.body:
            parts.append(f"— server said: {self.body}")
        return " ".join(parts)


def _rebuild(cls: type[ReporterError], message: str, kwargs: dict[str, Any]) -> ReporterError:
    return cls(message, **kwargs)


class QueryError(ReporterError):
    """The query cannot be sent as it is (invalid value, or rejected by the server with a 4xx)."""


class InvalidArgumentError(ReporterError, ValueError):
    """A function was given a value it cannot use (a negative count, an unknown format).

    Also a :class:`ValueError`, so code written against the built-in type keeps working.
    """


class NotFoundError(ReporterError, KeyError):
    """What was asked for by name or key (a PI, a specialty) is not in the data.

    Also a :class:`KeyError`, so code written against the built-in type keeps working.
    """


class ReporterHTTPError(ReporterError):
    """The server answered with an error status (after retries for the retryable ones)."""


class RateLimitError(ReporterHTTPError):
    """The server kept answering 429 Too Many Requests after every retry.

    ``retry_after`` holds the last ``Retry-After`` the server asked for, in seconds.
    """

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after

    def _kwargs(self) -> dict[str, Any]:
        return {**super()._kwargs(), "retry_after": self.retry_after}


class ReporterConnectionError(ReporterError):
    """The server could not be reached (DNS, refused connection, network down)."""


class ReporterTimeoutError(ReporterConnectionError):
    """The server did not answer within the timeout, on every attempt."""


class InvalidResponseError(ReporterError):
    """The server answered 200 but the body is not the JSON we expect (e.g. truncated)."""


class ResultWindowError(ReporterError):
    """A query matches more records than the API serves and cannot be partitioned further."""


class IncompleteResultError(ReporterError):
    """The records fetched cannot be proven to be the whole result.

    A page ended early, ``meta.total`` changed between pages, records came out of the
    requested order or twice, or the parts of a split query do not cover their parent's
    count, and one fresh re-fetch did not fix it. ``expected`` and ``got`` hold the counts
    when they are known. ``records`` holds what *was* fetched (verified parts and the last
    attempt of the failing one), for callers who explicitly accept a partial result.
    """

    def __init__(
        self,
        message: str,
        *,
        expected: int | None = None,
        got: int | None = None,
        records: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.expected = expected
        self.got = got
        self.records = records if records is not None else []

    def _kwargs(self) -> dict[str, Any]:
        return {**super()._kwargs(), "expected": self.expected, "got": self.got,
                "records": self.records}  # fmt: skip


def partial_note(problems: Sequence[IncompleteResultError]) -> str | None:
    """The one line that marks a partial result (None when ``problems`` is empty).

    Written into partial files (JSON metadata, a comment line, a sidecar file) and printed
    on stderr, so that a partial list is never taken for a whole one.
    """
    if not problems:
        return None
    first = problems[0].message
    more = f"; and {len(problems) - 1} more part(s)" if len(problems) > 1 else ""
    return f"PARTIAL RESULT: records may be missing ({first}{more})"


#: The name this error had in 0.1; kept so existing ``except`` clauses still work.
IncompleteResultsError = IncompleteResultError


class FilterIgnoredError(ReporterError):
    """The server ignored a criterion it was sent, so its answer is not the query's result.

    Seen when a record violates a criterion (a fiscal year, state or activity code outside the
    ones asked for), or when a text search counts exactly as many records as the same query
    without the text. ``criterion`` names the ignored criteria key.
    """

    def __init__(self, message: str, *, criterion: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.criterion = criterion

    def _kwargs(self) -> dict[str, Any]:
        return {**super()._kwargs(), "criterion": self.criterion}


class OfflineCacheMissError(ReporterError):
    """Offline mode was asked for, and the request is not in the cache."""


class DataFormatError(ReporterError):
    """A file or record is not RePORTER data (e.g. a ``--load`` file of another shape)."""


class OutputExistsError(ReporterError, FileExistsError):
    """A writer was asked not to replace an existing file, and the file exists.

    ``path`` is the file left untouched. Also a :class:`FileExistsError`, so code written
    against the built-in type keeps working.
    """

    def __init__(self, message: str, *, path: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.path = path
        self.filename = path  # what OSError handlers read

    def _kwargs(self) -> dict[str, Any]:
        return {**super()._kwargs(), "path": self.path}


class AmbiguousDateError(DataFormatError, ValueError):
    """A date such as ``03/12/2026`` reads as two different days, and nothing says which order
    the file uses (see :func:`reporter_finder.dates.parse_sheet_date`)."""


class LexiconError(ReporterError):
    """The packaged specialty or skills vocabulary is malformed."""


class OutreachError(ReporterError):
    """An e-mail draft cannot be written as asked (no grant for the PI, missing applicant
    details, or a template with an unknown placeholder)."""


__all__ = [
    "AmbiguousDateError",
    "DataFormatError",
    "FilterIgnoredError",
    "IncompleteResultError",
    "IncompleteResultsError",
    "InvalidArgumentError",
    "InvalidResponseError",
    "LexiconError",
    "NotFoundError",
    "OfflineCacheMissError",
    "OutputExistsError",
    "OutreachError",
    "QueryError",
    "RateLimitError",
    "ReporterConnectionError",
    "ReporterError",
    "ReporterHTTPError",
    "ReporterTimeoutError",
    "ResultWindowError",
    "partial_note",
]
