"""``ReporterClient``: fetch every record of a :class:`~reporter_finder.api.query.ProjectQuery`,
proven complete.

RePORTER serves at most 15,000 records per query (``offset + limit <= 15,000``), 500 per page.
The client pages through smaller results and splits larger ones into parts that fit
(:func:`~reporter_finder.api.partition.splits`). A query either yields *all* its records, once
each, or raises; it never returns partial data silently. The checks, and their cost:

* every page repeats the first page's ``meta.total``, echoes no sort but ``appl_id``
  ascending, and is as long as promised; records come in ascending ``appl_id`` order, never
  twice, and as many as the total (:mod:`~reporter_finder.api.pages`); no extra request;
* every record lies inside the criteria sent (:mod:`~reporter_finder.api.verify`); the fields
  this needs are added to ``include_fields``; no extra request;
* a text search must count differently from the same query without its text; one ``limit: 1``
  request per distinct set of other criteria (cached), skipped below
  :data:`TEXT_CHECK_FLOOR` records;
* every split covers its parent's count (else it is recounted once, then the next way of
  splitting is tried), and the parts together hold the query's count;
* publication links come in batches that fit in one page, since their order within one
  project is not stable.

A part that fails a check is fetched once more, bypassing the cache; failing again raises
:class:`~reporter_finder.errors.IncompleteResultError` (or is kept and reported, with
``fetch_projects(..., allow_partial=True)``). A record outside the criteria, or a text that
changes nothing, raises :class:`~reporter_finder.errors.FilterIgnoredError` at once.

Politeness (one request per second, retries with backoff, timeouts) lives in
:mod:`reporter_finder.api.transport`; caching in :mod:`reporter_finder.api.cache`.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import requests

from reporter_finder.api import limits
from reporter_finder.api.cache import CacheSettings, make_session
from reporter_finder.api.links import batch_links, link_ident
from reporter_finder.api.pages import (
    Page,
    check_key,
    check_page,
    parse_page,
    record_key,
)
from reporter_finder.api.partition import all_fiscal_years, splits
from reporter_finder.api.query import ProjectQuery
from reporter_finder.api.throttle import Clock, Sleep
from reporter_finder.api.transport import DEFAULT_TIMEOUT, HttpTransport, SessionOwner
from reporter_finder.api.verify import check_record, fields_to_check
from reporter_finder.errors import (
    FilterIgnoredError,
    IncompleteResultError,
    QueryError,
    ResultWindowError,
)

logger = logging.getLogger(__name__)

#: More than this many records for one fiscal year suggests the server dropped a filter
#: (RePORTER holds about 70–100K records per year in total; reporter-api.md §11).
IMPLAUSIBLE_TOTAL_PER_YEAR = 50_000
#: Default number of ids per publications request; a core project has tens of PMIDs at most,
#: so 100 projects stay well under the 10,000-record window.
PUBLICATION_BATCH_SIZE = 100
#: Below this many records, a text that matches every record the other criteria select is
#: plausible, so equal counts with and without the text prove nothing.
TEXT_CHECK_FLOOR = 25


class Records(list[dict[str, Any]]):
    """A list of project records that knows whether it is the whole result.

    ``incomplete`` lists the :class:`~reporter_finder.errors.IncompleteResultError` of each part
    that could not be proven complete (only ever non-empty when a partial result was allowed).
    """

    def __init__(self, records: Iterable[dict[str, Any]] = ()) -> None:
        super().__init__(records)
        self.incomplete: list[IncompleteResultError] = []

    @property
    def complete(self) -> bool:
        """True when every part was proven complete."""
        return not self.incomplete


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
        # Counts of queries without their text, keyed on the payload (see _check_text).
        self._counts_without_text: dict[str, int] = {}
        self._bar: Any = None  # the progress bar of the fetch under way

    # --- projects ----------------------------------------------------------------------

    def count(self, query: ProjectQuery) -> int:
        """The number of records matching ``query`` (one request).

        Raises:
            ReporterError: any failure (see :class:`HttpTransport`).
        """
        page = self._page(query, 0, ("ApplId",), limit=1, checked=False)
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
        """Yield every project record matching ``query``, each ``appl_id`` once, proven complete.

        Pages of 500 sorted by ``appl_id``. Above the 15,000-record window the query is split
        (see :func:`~reporter_finder.api.partition.splits`). Records are yielded one verified
        part at a time; the checks and what they cost are in the module documentation.

        Args:
            query: what to fetch.
            include_fields: PascalCase field names to return (default: what the table
                builders read). ``ApplId`` and the fields needed to check the criteria are
                always added. An empty sequence returns whole records.
            max_results: stop after this many records (the lowest ``appl_id`` values).

        Raises:
            IncompleteResultError: a part could not be proven complete, even after one fresh
                re-fetch (its records are in the error's ``records``).
            FilterIgnoredError: RePORTER ignored a criterion that was sent.
            ResultWindowError: a slice cannot be split below 15,000 records.
            ReporterError: any transport failure.
        """
        for records, problem in self._parts(query, tuple(include_fields), max_results):
            if problem is not None:
                raise problem
            yield from records

    def fetch_projects(
        self,
        query: ProjectQuery,
        *,
        include_fields: Iterable[str] = limits.INCLUDE_FIELDS,
        max_results: int | None = None,
        allow_partial: bool = False,
    ) -> Records:
        """All records of :meth:`iter_projects` as a list (same arguments and errors).

        Args:
            allow_partial: instead of raising :class:`IncompleteResultError`, keep what was
                fetched, go on with the other parts, and list each problem in the result's
                ``incomplete``. A WARNING is logged for each.
        """
        result = Records()
        for records, problem in self._parts(query, tuple(include_fields), max_results):
            if problem is not None:
                if not allow_partial:
                    raise problem
                # INFO: the caller asked for this and reports it (the CLI on stderr).
                logger.info("RePORTER: keeping a partial result: %s", problem.message)
                result.incomplete.append(problem)
            result.extend(records)
        return result

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

        Each id list is sent in batches of ``batch_size``; a batch whose links do not fit in
        one page of 500 is cut into smaller batches (see :mod:`~reporter_finder.api.links`). Every
        batch is checked: its count is the same on every page, no link repeats across pages,
        every link belongs to an id asked for. Each link is yielded once.

        Raises:
            ResultWindowError: a single id has more than 10,000 links.
            IncompleteResultError: a batch could not be proven complete after one retry.
            FilterIgnoredError: a link belongs to none of the ids sent.
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
                for link in batch_links(self.transport, key, values[start : start + batch_size]):
                    ident = link_ident(link)
                    if ident not in seen:
                        seen.add(ident)
                        yield link

    # --- private: projects -------------------------------------------------------------

    def _parts(
        self, query: ProjectQuery, include: Sequence[str], max_results: int | None
    ) -> Iterator[tuple[list[dict[str, Any]], IncompleteResultError | None]]:
        """``(records, problem)`` per part, each record once; ``problem`` is None when proven."""
        if max_results is not None and max_results < 1:
            raise QueryError(f"max_results must be >= 1 (got {max_results}).")
        first_limit = min(limits.PAGE_SIZE_MAX, max_results or limits.PAGE_SIZE_MAX)
        # The first page doubles as the count (meta.total).
        first = self._page(query, 0, include, limit=first_limit)
        self._remember_url(first)
        self._check_plausible(query, first.total)
        self._check_text(query, first.total)
        logger.info("RePORTER: %d records for %s", first.total, query.describe())
        cap = max_results if max_results is not None and max_results < first.total else None
        self._bar = self._progress_bar(cap or first.total)
        try:
            if min(first.total, cap or first.total) <= limits.RESULT_WINDOW:
                yield self._proven(query, first, include, cap)
                return
            seen: set[int | None] = set()
            failed = False
            for leaf, leaf_first in self._leaves(query, first, include):
                records, problem = self._proven(leaf, leaf_first, include, None)
                failed = failed or problem is not None
                new = [r for r in records if record_key(r) not in seen]
                seen.update(record_key(r) for r in new)
                yield new, problem
        finally:
            if self._bar is not None:
                self._bar.close()
                self._bar = None
        if not failed:
            problem = self._check_union(query, len(seen), first.total)
            if problem is not None:
                yield [], problem

    def _proven(
        self, query: ProjectQuery, first: Page, include: Sequence[str], cap: int | None
    ) -> tuple[list[dict[str, Any]], IncompleteResultError | None]:
        """The records of a part that fits in the window, read twice at most."""
        try:
            return self._read(query, first, include, cap, fresh=False), None
        except IncompleteResultError as exc:
            logger.warning("RePORTER: %s; fetching it again", exc.message)
        first = self._page(query, 0, include, limit=first.limit, fresh=True)
        try:
            return self._read(query, first, include, cap, fresh=True), None
        except IncompleteResultError as exc:
            got = exc.got if exc.got is not None else len(exc.records)
            numbers = "" if exc.expected is None else f"expected {exc.expected:,}, got {got:,} "
            return exc.records, IncompleteResultError(
                f"{exc.message} ({numbers}after one retry)",
                expected=exc.expected,
                got=exc.got,
                records=exc.records,
                url=exc.url,
                hint="RePORTER's data changed or its answers disagree: try again later, or "
                "pass --allow-partial to keep what was fetched.",
            )

    def _read(
        self, query: ProjectQuery, first: Page, include: Sequence[str], cap: int | None,
        *, fresh: bool,
    ) -> list[dict[str, Any]]:  # fmt: skip
        """Every record of ``query`` from its first page on, checked; raises when unproven."""
        url = self.transport.url_for(limits.PROJECTS_PATH)
        total = first.total
        target = total if cap is None else min(cap, total)
        ordered = not query.use_relevance
        describe = query.describe()
        records: list[dict[str, Any]] = []
        seen: set[int] = set()
        last: int | None = None
        page, offset = first, 0
        while True:
            try:
                check_page(page, offset, total, describe, url, ordered=ordered)
                for record in page.results:
                    check_record(record, query, url)
                    last = check_key(record, last, seen, describe, url, ordered=ordered)
                    seen.add(last)
                    records.append(record)
            except IncompleteResultError as exc:
                exc.records, exc.got = records, len(seen)
                raise
            offset += len(page.results)
            if self._bar is not None:
                self._bar.update(len(page.results))
            if offset >= target:
                break
            limit = min(limits.PAGE_SIZE_MAX, limits.RESULT_WINDOW - offset, target - offset)
            page = self._page(query, offset, include, limit=limit, fresh=fresh)
        if len(seen) < target:
            raise IncompleteResultError(
                f"{len(seen):,} distinct records arrived where RePORTER counted {target:,} for "
                f"{query.describe()}",
                expected=target, got=len(seen), records=records, url=url,
            )  # fmt: skip
        return records[:target]

    def _page(
        self,
        query: ProjectQuery,
        offset: int,
        include: Sequence[str],
        limit: int = limits.PAGE_SIZE_MAX,
        *,
        fresh: bool = False,
        checked: bool = True,
    ) -> Page:
        # Records are checked against the criteria, so ask for the fields that takes (an
        # empty list asks for whole records, which hold every field).
        if include:
            checks = fields_to_check(query) if checked else ()
            include = tuple(dict.fromkeys(("ApplId", *include, *checks)))
        payload = query.to_payload(offset=offset, limit=limit, include_fields=include)
        describe = f"{query.describe()}; offset {offset}"
        data = self.transport.request_json(
            "POST", limits.PROJECTS_PATH, json=payload, describe=describe, fresh=fresh
        )
        return parse_page(data, self.transport.url_for(limits.PROJECTS_PATH), limit)

    def _leaves(
        self, query: ProjectQuery, first: Page, include: Sequence[str]
    ) -> Iterator[tuple[ProjectQuery, Page]]:
        """The parts of ``query`` that fit in the window, with their first pages.

        Each split's halves are counted by their first page (one request each). A split must
        cover its parent's count (recounted once, fresh, when it does not), else the next way
        of splitting is tried. Halves still above the window are split again.
        """
        if first.total <= limits.RESULT_WINDOW:
            if first.total:
                yield query, first
            return
        ways = splits(query)
        if not ways:
            raise ResultWindowError(
                f"{first.total:,} records match {query.describe()}, more than RePORTER's "
                f"{limits.RESULT_WINDOW:,}-record window, and this slice cannot be split further",
                hint="Narrow the search (fewer years, states or activity codes), or use the "
                "ExPORTER bulk files for full crawls.",
            )
        short: list[str] = []
        for axis, parts, _exhaustive in ways:
            firsts = [self._page(part, 0, include) for part in parts]
            covered = sum(f.total for f in firsts)
            if covered < first.total:  # counts taken a moment apart: recount once, fresh
                first = self._page(query, 0, include, fresh=True)
                firsts = [self._page(part, 0, include, fresh=True) for part in parts]
                covered = sum(f.total for f in firsts)
            if covered >= first.total:
                shown = " + ".join(f"{f.total:,}" for f in firsts)
                logger.info("RePORTER: split %s by %s: %s", query.describe(), axis, shown)
                for part, part_first in zip(parts, firsts, strict=True):
                    yield from self._leaves(part, part_first, include)
                return
            short.append(f"by {axis}: {covered:,}")
            logger.info(
                "RePORTER: splitting %s by %s covers %d of %d records; trying another way",
                query.describe(), axis, covered, first.total,
            )  # fmt: skip
        raise IncompleteResultError(
            f"no way of splitting {query.describe()} covers its {first.total:,} records "
            f"({'; '.join(short)}): some records have no agency or start date the split knows",
            expected=first.total,
            hint="Narrow the search below 15,000 records (fewer years, states or activity "
            "codes), or use the ExPORTER bulk files.",
        )

    def _check_union(
        self, query: ProjectQuery, got: int, total: int
    ) -> IncompleteResultError | None:
        """The parts together hold exactly the query's records (recounted fresh when not)."""
        if got == total:
            return None
        recount = self._page(query, 0, ("ApplId",), limit=1, fresh=True, checked=False).total
        if got == recount:
            return None
        return IncompleteResultError(
            f"the parts of {query.describe()} hold {got:,} distinct records where RePORTER "
            f"counts {recount:,}",
            expected=recount,
            got=got,
            hint="RePORTER's data changed during the download: try again, or pass "
            "--allow-partial to keep what was fetched.",
        )

    def _check_text(self, query: ProjectQuery, total: int) -> None:
        """Raise when the text filter made no difference to the count (it was ignored).

        One extra limit-1 request, once per distinct set of other criteria (and cached).
        Below :data:`TEXT_CHECK_FLOOR` records a text that matches all of them is plausible.
        """
        if not query.has_text or total < TEXT_CHECK_FLOOR:
            return
        payload = query.to_payload(offset=0, limit=1, include_fields=("ApplId",))
        del payload["criteria"]["advanced_text_search"]
        key = json.dumps(payload, sort_keys=True)
        url = self.transport.url_for(limits.PROJECTS_PATH)
        if key not in self._counts_without_text:
            data = self.transport.request_json(
                "POST", limits.PROJECTS_PATH, json=payload,
                describe=f"{query.describe()} without its text (to check the text filter)",
            )  # fmt: skip
            self._counts_without_text[key] = parse_page(data, url, 1).total
        if self._counts_without_text[key] == total:
            raise FilterIgnoredError(
                f"RePORTER ignored the text filter: it counts {total:,} records for "
                f"{query.describe()}, and exactly as many without the text",
                criterion="advanced_text_search",
                url=url,
                hint="The API may have changed how it reads advanced_text_search; report it, "
                "and use --load with saved records meanwhile.",
            )

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


# --- helpers (private) -------------------------------------------------------------------


def _unique(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
