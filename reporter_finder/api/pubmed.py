"""NCBI E-utilities client: ``esummary`` (title, journal, date) and ``efetch`` (full records).

:class:`PubMedClient` asks up to 200 ids per request, at most 3 requests per second, or 10
with an NCBI API key, with the ``tool`` and ``email`` parameters NCBI asks for; through
:class:`~reporter_finder.api.transport.HttpTransport` (retries, timeouts, typed errors) and the
cache of :mod:`reporter_finder.api.cache`. ``efetch`` replies are XML, parsed with
``defusedxml`` by :mod:`reporter_finder.api.efetch`.
"""

from __future__ import annotations

import html
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import requests

from reporter_finder.api.cache import CacheSettings, make_session
from reporter_finder.api.efetch import PubmedRecord, parse_efetch
from reporter_finder.api.limits import EUTILS_URL_ENV, PUBMED_URL_TEMPLATE
from reporter_finder.api.throttle import Clock, Sleep
from reporter_finder.api.transport import DEFAULT_TIMEOUT, HttpTransport, SessionOwner
from reporter_finder.cellformat import format_citation
from reporter_finder.dates import YEAR, pubmed_date
from reporter_finder.errors import (
    InvalidResponseError,
    QueryError,
    RateLimitError,
    ReporterConnectionError,
    ReporterError,
    ReporterHTTPError,
)

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_EUTILS_URL",
    "EFETCH_BATCH_SIZE",
    "ESUMMARY_BATCH_SIZE",
    "UNREACHABLE",
    "PubMedClient",
    "PubMedRecords",
    "PubMedSummary",
    "PubmedRecord",
    "is_outage",
]

DEFAULT_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
#: Environment variable that points the client at another E-utilities root (a mirror or the
#: test stand-in).
#: Environment variable NCBI's own tools read the API key from.
NCBI_API_KEY_ENV = "NCBI_API_KEY"
ESUMMARY_PATH = "esummary.fcgi"
#: NCBI: "if more than about 200 UIDs are to be provided, the request should be made using
#: HTTP POST". We stay at 200 so every request is a GET, which requests-cache keys on the URL.
ESUMMARY_BATCH_SIZE = 200
EFETCH_PATH = "efetch.fcgi"
#: NCBI: "several hundred records can be downloaded using one EFetch request"; 200 keeps a
#: reply (mostly reference lists) at about 5–10 MB.
EFETCH_BATCH_SIZE = 200
#: An efetch id list longer than this (about 110 PMIDs) is POSTed as a form body instead of
#: sent in the URL, as Biopython does: NCBI answers very long GET URLs with 414.
EFETCH_GET_MAX_CHARS = 1000
#: NCBI allows 3 requests/second without a key and 10 with one. The intervals carry a small
#: margin because NCBI counts requests per wall-clock second, and two starts exactly 1/3 s
#: apart can fall 4 to a second window.
INTERVAL_WITHOUT_KEY = 0.34
INTERVAL_WITH_KEY = 0.11
#: Only letters, digits and ``_.-`` (NCBI: "tool … with no internal spaces").
_TOOL = re.compile(r"^[A-Za-z0-9_.\-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

#: Errors that mean "PubMed is unreachable right now" (after the transport's retries).
UNREACHABLE = (ReporterConnectionError, RateLimitError)


def is_outage(exc: ReporterError) -> bool:
    """Whether ``exc`` says PubMed is away, throttling or failing (connection, 429, 5xx): a
    reason to go on without its data, unlike a rejected request."""
    server_error = isinstance(exc, ReporterHTTPError) and (exc.status or 0) >= 500
    return server_error or isinstance(exc, UNREACHABLE)


_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class PubMedSummary:
    """What a draft or a lead list needs to cite one PubMed record.

    Attributes:
        pmid: the PubMed id.
        title: the article title (HTML entities and tags removed, no final period).
        journal: the journal's ISO abbreviation (``source``), else its full name.
        year: publication year, or ``None`` if PubMed gives none.
        pub_date: PubMed's sort date (``sortpubdate``), or the best reading of ``pubdate``.
        journal_full: the full journal name (``fulljournalname``), possibly empty.
    """

    pmid: int
    title: str
    journal: str
    year: int | None
    pub_date: date | None
    journal_full: str = ""

    @property
    def citation(self) -> str:
        """``"Title — Journal Year (PMID n)"``."""
        return format_citation(self.pmid, self.title, self.journal, self.year)

    @property
    def url(self) -> str:
        """The PubMed page of the record."""
        return PUBMED_URL_TEMPLATE.format(pmid=self.pmid)


class PubMedRecords(list[PubmedRecord]):
    """The records :meth:`PubMedClient.fetch_records` found, plus the PMIDs PubMed did not have.

    A list of :class:`~reporter_finder.api.efetch.PubmedRecord` (sorted by PMID); ``missing``
    holds the PMIDs asked for that PubMed no longer has (deleted, withdrawn, never existed),
    sorted.
    """

    def __init__(self, records: Iterable[PubmedRecord] = (), missing: Iterable[int] = ()) -> None:
        super().__init__(records)
        self.missing: tuple[int, ...] = tuple(missing)

    @property
    def missing_count(self) -> int:
        """How many PMIDs PubMed did not return."""
        return len(self.missing)


class _EutilsTransport(HttpTransport):
    """The shared transport plus one call for XML bodies and form-encoded POSTs (efetch).

    Same throttle, retries, cache, timeouts and typed errors as :meth:`request_json`.
    """

    def request_xml(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        data: dict[str, str] | None = None,
        describe: str | None = None,
    ) -> list[PubmedRecord]:
        """Send one request (with retries) and parse the efetch XML body.

        A body that is not well-formed XML (truncated) is fetched again, a few times, like a
        truncated JSON body; an NCBI error reply or a page that is not PubMed XML is not.

        Raises:
            InvalidResponseError: see :func:`~reporter_finder.api.efetch.parse_efetch`.
            QueryError, RateLimitError, ReporterHTTPError, ReporterTimeoutError,
            ReporterConnectionError, OfflineCacheMissError: as for :meth:`request_json`.
        """
        self._context.attempts = 0
        for body_attempt in range(1, self.max_attempts + 1):
            response = self.response(method, path, params=params, data=data, describe=describe,
                                     accept="application/xml", reset=False)  # fmt: skip
            url = self.url_for(path)
            try:
                return parse_efetch(response.content, url=url)
            except InvalidResponseError as exc:
                if not isinstance(exc.__cause__, SyntaxError) or body_attempt == self.max_attempts:
                    exc.attempts = self._context.attempts
                    raise
                self.forget_cached(response)
                logger.warning(
                    "%s: broken XML body (%d bytes) from %s; retrying",
                    self.service,
                    len(response.content),
                    url,
                )
        raise AssertionError("unreachable")  # pragma: no cover


# --- PubMed ----------------------------------------------------------------------------------


class PubMedClient(SessionOwner):
    """A polite, caching client for NCBI E-utilities ``esummary`` (PubMed).

    Args:
        api_key: NCBI API key; ``None`` reads ``$NCBI_API_KEY``, ``""`` means no key. With a
            key the client sends up to 10 requests per second instead of 3. requests-cache
            leaves the ``api_key`` parameter out of cache keys and stored URLs.
        email: a contact address NCBI can write to before blocking a misbehaving tool
            (optional, recommended).
        tool: the tool name NCBI sees (letters, digits, ``_.-``).
        base_url: E-utilities root. Default: ``$REPORTER_FINDER_EUTILS_URL``, else NCBI's.
        session: a ``requests.Session`` to use; never closed by the client. Without one the
            client builds one from ``cache`` and closes it in :meth:`close`.
        cache: cache settings for the session the client builds (same modes as RePORTER:
            ``normal``, ``refresh``, ``offline``, ``off``). Ignored when ``session`` is given.
        timeout: ``(connect, read)`` seconds per attempt.
        max_attempts, backoff_factor: retry policy (429, 5xx, connection errors).
        clock, sleep: injectable monotonic clock and sleep (tests use fakes).

    Raises:
        QueryError: ``tool`` or ``email`` is malformed.

    Example:
        >>> with PubMedClient(email="me@example.org") as pubmed:  # doctest: +SKIP
        ...     pubmed.summaries([40642746])[40642746].title
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        email: str | None = None,
        tool: str = "reporter_finder",
        base_url: str | None = None,
        session: requests.Session | None = None,
        cache: CacheSettings | None = None,
        timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
        max_attempts: int = 5,
        backoff_factor: float = 1.0,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        if not _TOOL.match(tool):
            raise QueryError(f"NCBI tool name {tool!r} must be letters, digits, '_', '.' or '-'")
        email = (email or "").strip() or None
        if email is not None and not _EMAIL.match(email):
            raise QueryError(
                f"{email!r} does not look like an e-mail address",
                hint="NCBI uses it to contact you about problems; leave it out if unsure.",
            )
        key = os.environ.get(NCBI_API_KEY_ENV, "") if api_key is None else api_key
        self.api_key: str | None = key.strip() or None
        self.email = email
        self.tool = tool
        self.base_url = (base_url or os.environ.get(EUTILS_URL_ENV) or DEFAULT_EUTILS_URL).rstrip(
            "/"
        )
        self.cache = cache if cache is not None else CacheSettings()
        super().__init__(session, lambda: make_session(self.cache))
        self.transport = _EutilsTransport(
            self.base_url,
            session=self.session,
            throttle_interval=INTERVAL_WITH_KEY if self.api_key else INTERVAL_WITHOUT_KEY,
            timeout=timeout,
            max_attempts=max_attempts,
            backoff_factor=backoff_factor,
            clock=clock,
            sleep=sleep,
            service="PubMed",
        )

    @property
    def throttle_interval(self) -> float:
        """Minimum seconds between request starts (0.34 without a key, 0.11 with one)."""
        return self.transport.throttle.min_interval

    def iter_summaries(self, pmids: Iterable[int | str]) -> Iterator[PubMedSummary]:
        """Yield the PubMed summaries of ``pmids``, one batch of up to 200 at a time.

        Ids are deduplicated and sorted (so the same set always makes the same cached
        requests). PMIDs PubMed has no summary for (withdrawn, not yet indexed) are logged at
        DEBUG and not yielded. Because results arrive batch by batch, a caller that catches a
        failure keeps every summary yielded before it.

        Raises:
            QueryError: a PMID is not a positive integer, or PubMed rejected the request.
            InvalidResponseError: the body is not an esummary result.
            OfflineCacheMissError: offline cache mode and a batch is not cached.
            ReporterError: any other transport failure (connection, timeout, rate limit, 5xx).
        """
        ids = sorted(_pmid_set(pmids))
        for start in range(0, len(ids), ESUMMARY_BATCH_SIZE):
            batch = ids[start : start + ESUMMARY_BATCH_SIZE]
            data = self.transport.request_json(
                "GET",
                ESUMMARY_PATH,
                params=self._params(batch),
                describe=f"summaries of {len(batch)} PMIDs",
            )
            found = _parse_esummary(data, self.transport.url_for(ESUMMARY_PATH))
            missing = sorted(set(batch) - {s.pmid for s in found})
            if missing:
                logger.debug("PubMed has no summary for %d PMIDs: %s", len(missing), missing)
            yield from (s for s in found if s.pmid in set(batch))

    def summaries(self, pmids: Iterable[int | str]) -> dict[int, PubMedSummary]:
        """The PubMed summaries of ``pmids``, keyed by PMID (see :meth:`iter_summaries`).

        PMIDs PubMed has no summary for are absent from the result.
        """
        return {s.pmid: s for s in self.iter_summaries(pmids)}

    def fetch_records(self, pmids: Iterable[int | str]) -> PubMedRecords:
        """The full PubMed records of ``pmids`` (efetch XML): authors, affiliations, e-mail
        addresses, ORCIDs, grants.

        Ids are deduplicated and sorted, then asked in batches of up to 200 (a GET for a short
        id list, a form-encoded POST for a long one), throttled and cached like
        :meth:`summaries`. PMIDs PubMed does not return are skipped and counted in the result's
        ``missing``. The records come back sorted by PMID.

        Raises:
            QueryError: a PMID is not a positive integer, or PubMed rejected the request.
            InvalidResponseError: the body is not PubMed XML (broken, an NCBI error message,
                a maintenance page); the message carries NCBI's words.
            OfflineCacheMissError: offline cache mode and a batch is not cached.
            ReporterError: any other transport failure (connection, timeout, rate limit, 5xx).

        Example:
            >>> with PubMedClient(email="me@example.org") as pubmed:  # doctest: +SKIP
            ...     records = pubmed.fetch_records([38170905, 1])
            >>> records[0].authors[-1].emails, records.missing  # doctest: +SKIP
            (('bsmoore@ucsd.edu',), (1,))
        """
        records: list[PubmedRecord] = []
        missing: list[int] = []
        for batch in self.iter_record_batches(pmids):
            records += batch
            missing += batch.missing
        if missing:
            logger.info(
                "PubMed has no record for %d of %d PMIDs", len(missing), len(records) + len(missing)
            )
        return PubMedRecords(records, missing)

    def iter_record_batches(self, pmids: Iterable[int | str]) -> Iterator[PubMedRecords]:
        """Yield :meth:`fetch_records`' result one batch (up to 200 PMIDs) at a time.

        Each batch holds its records (sorted by PMID) and its ``missing`` PMIDs. A caller that
        catches a failure keeps every batch yielded before it.

        Raises:
            The errors of :meth:`fetch_records`.
        """
        ids = sorted(_pmid_set(pmids))
        for start in range(0, len(ids), EFETCH_BATCH_SIZE):
            batch = ids[start : start + EFETCH_BATCH_SIZE]
            params = self._params(batch, retmode="xml")
            post = len(params["id"]) > EFETCH_GET_MAX_CHARS
            records = self.transport.request_xml(
                "POST" if post else "GET",
                EFETCH_PATH,
                params=None if post else params,
                data=params if post else None,
                describe=f"records of {len(batch)} PMIDs",
            )
            wanted = set(batch)
            # Keyed by PMID, not position: NCBI does not promise the order.
            found = {r.pmid: r for r in records if r.pmid in wanted}
            missing = [p for p in batch if p not in found]
            if missing:
                logger.debug("PMIDs PubMed did not return: %s", missing)
            yield PubMedRecords((found[p] for p in batch if p in found), missing)

    def _params(self, batch: Sequence[int], retmode: str = "json") -> dict[str, str]:
        params = {
            "db": "pubmed",
            "id": ",".join(str(p) for p in batch),
            "retmode": retmode,
            "tool": self.tool,
        }
        if self.email:
            params["email"] = self.email
        if self.api_key:
            params["api_key"] = self.api_key
        return params


def _pmid_set(pmids: Iterable[int | str]) -> set[int]:
    out: set[int] = set()
    for value in pmids:
        try:
            pmid = int(str(value).strip())
        except ValueError:
            raise QueryError(f"{value!r} is not a PMID (a positive integer)") from None
        if pmid <= 0:
            raise QueryError(f"{value!r} is not a PMID (a positive integer)")
        out.add(pmid)
    return out


def _parse_esummary(data: Any, url: str) -> list[PubMedSummary]:
    """Parse an esummary JSON body (``retmode=json``) into summaries, skipping error uids."""
    if not isinstance(data, Mapping):
        raise InvalidResponseError("PubMed esummary answer is not a JSON object", url=url)
    result = data.get("result")
    if not isinstance(result, Mapping):
        # Whole-request errors come as {"error": "..."} or {"esummaryresult": ["..."]}.
        message = data.get("error") or data.get("esummaryresult") or "no 'result' object"
        if isinstance(message, list):
            message = "; ".join(str(m) for m in message)
        raise InvalidResponseError(
            f"PubMed esummary failed: {message}",
            url=url,
            hint="Check the PMIDs; if they are right, PubMed may be having problems.",
        )
    uids = result.get("uids")
    if not isinstance(uids, list):
        raise InvalidResponseError("PubMed esummary result has no 'uids' list", url=url)
    found: list[PubMedSummary] = []
    for uid in uids:
        doc = result.get(str(uid))
        if not isinstance(doc, Mapping) or "error" in doc:
            continue  # e.g. {"uid": "…", "error": "cannot get document summary"}
        try:
            found.append(_summary(int(uid), doc))
        except ValueError:
            raise InvalidResponseError(
                f"PubMed esummary uid {uid!r} is not a PMID", url=url
            ) from None
    return found


def _clean_title(value: Any) -> str:
    text = _WS.sub(" ", _TAG.sub("", html.unescape(str(value or "")))).strip()
    # PubMed titles end with a period; a citation adds its own punctuation. "?" and "!" stay.
    return text[:-1].rstrip() if text.endswith(".") else text


def _summary(pmid: int, doc: Mapping[str, Any]) -> PubMedSummary:
    pub_date = pubmed_date(doc.get("sortpubdate"), doc.get("pubdate"))
    year = pub_date.year if pub_date else None
    if year is None:
        match = YEAR.search(str(doc.get("pubdate") or doc.get("epubdate") or ""))
        year = int(match.group(1)) if match else None
    full = _WS.sub(" ", str(doc.get("fulljournalname") or "")).strip()
    journal = _WS.sub(" ", str(doc.get("source") or "")).strip() or full
    return PubMedSummary(
        pmid=pmid,
        title=_clean_title(doc.get("title")),
        journal=journal,
        year=year,
        pub_date=pub_date,
        journal_full=full,
    )
