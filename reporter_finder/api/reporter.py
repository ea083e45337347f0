"""``ReporterClient``: fetch every record of a :class:`~reporter_finder.api.query.ProjectQuery`.

RePORTER serves at most 15,000 records per query (``offset + limit <= 15,000``), 500 per page.
The client pages through smaller results, and splits larger ones into parts that fit (by
fiscal year, then administering institute, then project start date windows), so that a query
either yields *all* its records, once each, or raises. It never returns partial data silently.

Politeness (one request per second, retries with backoff, timeouts) lives in
:mod:`reporter_finder.api.transport`; caching in :mod:`reporter_finder.api.cache`.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import requests

from reporter_finder.api import limits
from reporter_finder.api.cache import CacheSettings, make_session
from reporter_finder.api.pages import Page, check_page_length, parse_page
from reporter_finder.api.partition import RecordFilter, all_fiscal_years, halve, plan_parts
from reporter_finder.api.query import ProjectQuery
from reporter_finder.api.throttle import Clock, Sleep
from reporter_finder.api.transport import DEFAULT_TIMEOUT, HttpTransport, SessionOwner
from reporter_finder.errors import (
    QueryError,
    ResultWindowError,
)

logger = logging.getLogger(__name__)

#: More than this many records for one fiscal year suggests the server dropped a filter
#: (RePORTER holds about 70–100K records per year in total; reporter-api.md §11).
IMPLAUSIBLE_TOTAL_PER_YEAR = 50_000
#: The publications endpoint serves offsets 0–9,999: with aligned 500-record pages that is
#: 10,000 records per query.
PUBLICATIONS_WINDOW = limits.PUBLICATIONS_OFFSET_MAX + 1
#: Default number of ids per publications request; a core project has tens of PMIDs at most,
#: so 100 projects stay well under the 10,000-record window.
PUBLICATION_BATCH_SIZE = 100


class ReporterClient(SessionOwner):
    """A polite, caching client for the NIH RePORTER API v2.

    Args:
        base_url: API root. Default: ``$REPORTER_FINDER_API_URL``, else
            ``https://api.reporter.nih.gov/v2``.
        session: a ``requests.Session`` to use (e.g. your own ``CachedSession``). It is never
            closed by the client. Without one, the client builds a cached session from
            ``cache`` and closes it in :meth:`close`.
        cache: cache settings for the session the client builds (default: normal mode, 7-day
            expiry, in the user cache directory). Ignored when ``session`` is given.
        timeout: ``(connect, read)`` seconds per attempt.
        min_interval: minimum seconds between request starts (NIH asks for at most one
            request per second; cache hits do not count).
        max_attempts: attempts per request, including the first.
        backoff_factor: exponential backoff base (seconds) between retries.
        clock, sleep: injectable monotonic clock and sleep (tests use fakes).
        progress: show a progress bar on stderr for multi-page fetches; ``None`` = only when
            stderr is a terminal.

    Example:
        >>> with ReporterClient() as client:  # doctest: +SKIP
        ...     records = client.fetch_projects(ProjectQuery(text="sepsis", fiscal_years=[2025]))
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        session: requests.Session | None = None,
        cache: CacheSettings | None = None,
        timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
        min_interval: float = limits.MIN_REQUEST_INTERVAL,
        max_attempts: int = 5,
        backoff_factor: float = 1.0,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
        progress: bool | None = None,
    ) -> None:
        self.base_url = (
            base_url or os.environ.get(limits.API_URL_ENV) or limits.DEFAULT_API_URL
        ).rstrip("/")
        self.cache = cache if cache is not None else CacheSettings()
        super().__init__(session, lambda: make_session(self.cache))
        self.transport = HttpTransport(
            self.base_url,
            session=self.session,
            throttle_interval=min_interval,
            timeout=timeout,
            max_attempts=max_attempts,
            backoff_factor=backoff_factor,
            clock=clock,
            sleep=sleep,
            service="RePORTER",
        )
        self.progress = progress
        #: The RePORTER website URL of the last search, when the API gave one.
        self.search_url: str | None = None

    # --- projects ----------------------------------------------------------------------

    def count(self, query: ProjectQuery) -> int:
        """The number of records matching ``query`` (one request).

        Raises:
            ReporterError: any failure (see :class:`HttpTransport`).
        """
        page = self._page(query, 0, ("ApplId",), limit=1)
        self._remember_url(page)
        self._check_plausible(query, page.total)
        return page.total

    def iter_projects(
        self,
        query: ProjectQuery,
        *,
        include_fields: Iterable[str] = limits.INCLUDE_FIELDS,
        max_results: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Yield every project record matching ``query``, each ``appl_id`` once.

        Pages of 500 sorted by ``appl_id``. Above the 15,000-record window the query is split
        (fiscal years, then institutes, then project start date windows) and the parts
        merged; a WARNING is logged when the merged count differs from RePORTER's total.
        ``ApplId`` is always requested (it is the de-duplication key).

        Args:
            query: what to fetch.
            include_fields: PascalCase field names to return (default: what the table
                builders read). An empty sequence returns whole records.
            max_results: stop after this many records.

        Raises:
            IncompleteResultsError: a page came back shorter than the total promised.
            ResultWindowError: a part cannot be split below 15,000 records.
            ReporterError: any transport failure.
        """
        if max_results is not None and max_results < 1:
            raise QueryError(f"max_results must be >= 1 (got {max_results}).")
        include = tuple(include_fields)
        if include and "ApplId" not in include:
            include = ("ApplId", *include)
        if include and query.include_active and "IsActive" not in include:
            include = (*include, "IsActive")  # needed if the query has to be split
        first_limit = min(limits.PAGE_SIZE_MAX, max_results or limits.PAGE_SIZE_MAX)
        # The first page doubles as the count (meta.total): one request fewer than a separate
        # limit-1 count for every query that fits in the window.
        first = self._page(query, 0, include, limit=first_limit)
        self._remember_url(first)
        total = first.total
        self._check_plausible(query, total)
        wanted = total if max_results is None else min(total, max_results)
        logger.info("RePORTER: %d records for %s", total, query.describe())

        seen: set[Any] = set()
        bar = self._progress_bar(wanted)
        try:
            single = total <= limits.RESULT_WINDOW or wanted <= limits.RESULT_WINDOW
            parts: Iterable[tuple[ProjectQuery, Page, RecordFilter | None]] = (
                [(query, first, None)] if single else self._partition(query, first, include)
            )
            for part, part_first, keep in parts:
                # A part is read to its end: filtered or duplicate records do not count.
                cap = wanted if single else part_first.total
                for record in self._page_through(part, part_first, include, cap):
                    if keep is not None and not keep(record):
                        continue
                    key = record.get("appl_id")
                    if key in seen:
                        continue
                    seen.add(key)
                    if bar is not None:
                        bar.update(1)
                    yield record
                    if len(seen) >= wanted:
                        break
                if len(seen) >= wanted:
                    break
        finally:
            if bar is not None:
                bar.close()
        if len(seen) != wanted:
            logger.warning(
                "RePORTER coverage: %d unique records fetched but RePORTER counted %d for %s "
                "(parts can miss records, e.g. with no institute or start date, or overlap "
                "through co-funding)",
                len(seen),
                wanted,
                query.describe(),
            )

    def fetch_projects(self, query: ProjectQuery, **kwargs: Any) -> list[dict[str, Any]]:
        """All records of :meth:`iter_projects` as a list (same arguments and errors)."""
        return list(self.iter_projects(query, **kwargs))

    # --- publications ------------------------------------------------------------------

    def iter_publications(
        self,
        *,
        core_project_nums: Iterable[str] = (),
        appl_ids: Iterable[int] = (),
        pmids: Iterable[int] = (),
        batch_size: int = PUBLICATION_BATCH_SIZE,
    ) -> Iterator[dict[str, Any]]:
        """Yield project↔publication links (``coreproject``, ``pmid``, ``applid``).

        Each id list is sent in batches of ``batch_size``; each batch is paged (500 per page,
        offsets up to 9,999). A batch above that window is split in halves. Each link is
        yielded once.

        Raises:
            ResultWindowError: a single id has more than 10,000 links.
            IncompleteResultsError: a page came back shorter than promised.
            ReporterError: any transport failure.
        """
        if batch_size < 1:
            raise QueryError(f"batch_size must be >= 1 (got {batch_size}).")
        lists: list[tuple[str, list[Any]]] = [
            ("core_project_nums", _unique(str(v).strip().upper() for v in core_project_nums)),
            ("appl_ids", _unique(int(v) for v in appl_ids)),
            ("pmids", _unique(int(v) for v in pmids)),
        ]
        seen: set[tuple[Any, ...]] = set()
        for key, values in lists:
            for start in range(0, len(values), batch_size):
                for link in self._publication_batch(key, values[start : start + batch_size]):
                    ident = (link.get("coreproject"), link.get("pmid"), link.get("applid"))
                    if ident not in seen:
                        seen.add(ident)
                        yield link

    # --- private: projects -------------------------------------------------------------

    def _page(
        self,
        query: ProjectQuery,
        offset: int,
        include: Sequence[str],
        limit: int = limits.PAGE_SIZE_MAX,
    ) -> Page:
        payload = query.to_payload(offset=offset, limit=limit, include_fields=include)
        describe = f"{query.describe()}; offset {offset}"
        data = self.transport.request_json(
            "POST", limits.PROJECTS_PATH, json=payload, describe=describe
        )
        return parse_page(data, self.transport.url_for(limits.PROJECTS_PATH), limit)

    def _page_through(
        self, query: ProjectQuery, first: Page, include: Sequence[str], wanted: int
    ) -> Iterator[dict[str, Any]]:
        """Yield the records of ``query`` from its first page on, up to ``wanted``."""
        total = first.total
        target = min(total, wanted)
        url = self.transport.url_for(limits.PROJECTS_PATH)
        check_page_length(first, 0, first.limit, total, query.describe(), url)
        yield from first.results
        offset = len(first.results)
        while offset < target:
            limit = min(limits.PAGE_SIZE_MAX, limits.RESULT_WINDOW - offset, target - offset)
            page = self._page(query, offset, include, limit=limit)
            check_page_length(page, offset, limit, total, query.describe(), url)
            yield from page.results
            offset += len(page.results)

    def _partition(
        self, query: ProjectQuery, first: Page, include: Sequence[str]
    ) -> Iterator[tuple[ProjectQuery, Page, RecordFilter | None]]:
        """Split ``query`` into parts of at most RESULT_WINDOW records each."""
        groups = [
            (part, first if reuse_first else None, keep)
            for part, keep, reuse_first in plan_parts(query)
        ]
        logger.info(
            "RePORTER: %d records exceed the %d-record window; splitting %s by fiscal year, "
            "then institute, then start date",
            first.total,
            limits.RESULT_WINDOW,
            query.describe(),
        )
        for part, part_first, keep in groups:
            if part_first is None:
                part_first = self._page(part, 0, include)
            for leaf, leaf_first in self._leaves(part, part_first, include):
                logger.info("RePORTER: part %s: %d records", leaf.describe(), leaf_first.total)
                yield leaf, leaf_first, keep

    def _leaves(
        self, query: ProjectQuery, first: Page, include: Sequence[str]
    ) -> Iterator[tuple[ProjectQuery, Page]]:
        # Bisection: each half's first page doubles as its count, so a split costs one
        # request per half, and only halves still above the window are split again.
        if first.total <= limits.RESULT_WINDOW:
            if first.total:
                yield query, first
            return
        halves = halve(query)
        if halves is None:
            raise ResultWindowError(
                f"{first.total:,} records match {query.describe()} and the query cannot be "
                f"split below RePORTER's {limits.RESULT_WINDOW:,}-record window",
                attempts=None,
                hint="Narrow the query (fewer years, states or activity codes), or use the "
                "ExPORTER bulk files for full crawls.",
            )
        for half in halves:
            yield from self._leaves(half, self._page(half, 0, include), include)

    def _check_plausible(self, query: ProjectQuery, total: int) -> None:
        n_years = len(query.fiscal_years) or len(all_fiscal_years())
        if total > IMPLAUSIBLE_TOTAL_PER_YEAR * n_years:
            logger.warning(
                "RePORTER counted %d records for %s (over %d per fiscal year): the server may "
                "have ignored a filter",
                total,
                query.describe(),
                IMPLAUSIBLE_TOTAL_PER_YEAR,
            )

    def _remember_url(self, page: Page) -> None:
        props = page.meta.get("properties")
        url = props.get("URL") if isinstance(props, dict) else None
        if isinstance(url, str) and url:
            # RePORTER sends "https:/reporter.nih.gov/..." (one slash); repair it.
            if url.startswith(("https:/", "http:/")) and "://" not in url:
                url = url.replace(":/", "://", 1)
            self.search_url = url

    def _progress_bar(self, total: int) -> Any:
        enabled = self.progress if self.progress is not None else _stderr_is_tty()
        if not enabled or total <= limits.PAGE_SIZE_MAX:
            return None
        from tqdm import tqdm

        return tqdm(total=total, file=sys.stderr, unit="rec", desc="RePORTER", leave=False)

    # --- private: publications ---------------------------------------------------------

    def _publication_batch(self, key: str, batch: list[Any]) -> Iterator[dict[str, Any]]:
        url = self.transport.url_for(limits.PUBLICATIONS_PATH)
        describe = f"publications of {len(batch)} {key}"
        first = self._publication_page(key, batch, 0, describe)
        if first.total > PUBLICATIONS_WINDOW:
            if len(batch) == 1:
                raise ResultWindowError(
                    f"{batch[0]} has {first.total:,} publication links, more than the "
                    f"{PUBLICATIONS_WINDOW:,} the publications endpoint serves",
                    url=url,
                )
            middle = len(batch) // 2
            logger.info(
                "RePORTER: %d publication links for %d ids; splitting the batch",
                first.total,
                len(batch),
            )
            yield from self._publication_batch(key, batch[:middle])
            yield from self._publication_batch(key, batch[middle:])
            return
        pages = [first]
        size, links = limits.PAGE_SIZE_MAX, "publication links"
        check_page_length(first, 0, size, first.total, describe, url, noun=links)
        offset = len(first.results)
        while offset < first.total:
            page = self._publication_page(key, batch, offset, describe)
            check_page_length(page, offset, size, first.total, describe, url, noun=links)
            pages.append(page)
            offset += len(page.results)
        for page in pages:
            yield from page.results

    def _publication_page(self, key: str, batch: list[Any], offset: int, describe: str) -> Page:
        payload = {"criteria": {key: batch}, "offset": offset, "limit": limits.PAGE_SIZE_MAX}
        data = self.transport.request_json(
            "POST", limits.PUBLICATIONS_PATH, json=payload, describe=f"{describe}; offset {offset}"
        )
        return parse_page(
            data, self.transport.url_for(limits.PUBLICATIONS_PATH), limits.PAGE_SIZE_MAX
        )


# --- helpers (private) -------------------------------------------------------------------


def _unique(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
