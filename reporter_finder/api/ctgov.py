"""ClinicalTrials.gov API v2 client: the trials that cite a grant, or that a person leads.

:class:`ClinicalTrialsClient` sends ``GET /studies`` searches written in Essie
(``AREA[SecondaryId]…``, ``AREA[OverallOfficialName]…``) through the shared
:class:`~reporter_finder.api.transport.HttpTransport` (throttle, retries honouring
``Retry-After``, timeouts, typed errors) and the cache of :mod:`reporter_finder.api.cache`.
It asks only for the modules :func:`~reporter_finder.api.trials.parse_study` reads, follows
``nextPageToken`` with every other parameter repeated, and proves each result whole: the
distinct ``nctId`` values must number the first page's ``totalCount`` (one fresh re-fetch,
then :class:`~reporter_finder.errors.IncompleteResultError`).

The server's matching is not trusted: how Essie tokenises ``5R01HL123456-03`` or
``Neil H White, M.D.`` is not documented (``docs/pubmed-ctgov.md`` §13, §17), so the search
casts a wide net and every trial is checked here, on normalised grant numbers
(:mod:`~reporter_finder.api.grantids`) or on the official's surname and first initial.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Iterable, Mapping
from typing import Any

import requests

from reporter_finder.api.cache import CacheSettings, make_session
from reporter_finder.api.grantids import core_project_numbers, serial_key
from reporter_finder.api.limits import CTGOV_URL_ENV, DEFAULT_CTGOV_URL
from reporter_finder.api.throttle import Clock, Sleep
from reporter_finder.api.transport import DEFAULT_TIMEOUT, HttpTransport, SessionOwner
from reporter_finder.api.trials import (
    STUDY_FIELDS,
    Trial,
    TrialContact,
    TrialOfficial,
    name_matches,
    parse_study,
)
from reporter_finder.errors import (
    IncompleteResultError,
    InvalidArgumentError,
    InvalidResponseError,
    QueryError,
    RateLimitError,
    ReporterConnectionError,
    ReporterHTTPError,
)

logger = logging.getLogger(__name__)

__all__ = [
    "APPLICATION_TYPES",
    "DEFAULT_CTGOV_URL",
    "GRANT_BATCH_SIZE",
    "MIN_REQUEST_INTERVAL",
    "OFFICIAL_BATCH_SIZE",
    "PAGE_SIZE",
    "ClinicalTrialsClient",
    "Trial",
    "TrialContact",
    "TrialOfficial",
    "grant_spellings",
    "is_outage",
    "parse_study",
]

STUDIES_PATH = "studies"
#: ClinicalTrials.gov documents no rate limit and sends no rate-limit headers; its
#: robots.txt asks crawlers for ``Crawl-delay: 1`` and peer clients use about one request a
#: second. We do the same (cache hits do not count).
MIN_REQUEST_INTERVAL = 1.0
#: Studies per page. The API takes 1–1,000 (larger values are silently cut to 1,000); 100
#: keeps a page of multi-site trials with every location's contacts at a few MB.
PAGE_SIZE = 100
PAGE_SIZE_MAX = 1000
#: Grants per search: each adds seven ``AREA[SecondaryId]`` terms (:func:`grant_spellings`,
#: about 290 URL characters), so 10 keeps the URL near 3,000 characters, well under the
#: 8 KB most servers accept.
GRANT_BATCH_SIZE = 10
#: People per official-name search (two words each): the top 25 PIs in 3 requests.
OFFICIAL_BATCH_SIZE = 10
#: Application types written before a grant number in trial registrations (``1R18…-01A1``,
#: ``2R01…-06``, ``3R01…-04S1``; ``5`` is the yearly continuation, the commonest in papers).
APPLICATION_TYPES = ("1", "2", "3", "5")
#: Where the Essie expression goes: a filter (no relevance scoring), as in the API's own
#: ``AREA[...]`` examples. Every term names its area, so no default area is searched.
EXPRESSION_PARAM = "filter.advanced"
_NCT_ID = re.compile(r"^NCT\d{8}$")
#: Characters that would end an Essie phrase or open an operator.
_ESSIE_SPECIAL = re.compile(r'["\\\[\]()]')


def is_outage(exc: BaseException) -> bool:
    """Whether ``exc`` says ClinicalTrials.gov is away, throttling or failing: connection
    errors and timeouts, 429, 5xx, or 200 answers that are not study JSON. A reason to go on
    without its data, unlike a rejected query (:class:`~reporter_finder.errors.QueryError`)
    or an offline-cache miss."""
    server_error = isinstance(exc, ReporterHTTPError) and (exc.status or 0) >= 500
    unreachable = (ReporterConnectionError, RateLimitError, InvalidResponseError)
    return server_error or isinstance(exc, unreachable)


def grant_spellings(core: str) -> tuple[str, ...]:
    """The Essie terms that find a grant however a trial wrote it, under any tokenisation.

    Whether Essie splits ``5R01HL123456-03`` into words at the letters, the digits or only
    at the hyphen is not documented (``pubmed-ctgov.md`` §17), so the search names the core,
    the core after each common application type, the IC+serial and the IC and serial as a
    phrase (``R01-HL-123456``, ``R01 HL 123456``). Every hit is verified afterwards.

    Example:
        >>> grant_spellings("R01HL123456")[::2]
        ('R01HL123456', '2R01HL123456', '5R01HL123456', '"HL 123456"')
    """
    key = core[3:]
    return (core, *(t + core for t in APPLICATION_TYPES), key, f'"{key[:2]} {key[2:]}"')


def _official_expression(last_name: str, first_name: str) -> str:
    """``AREA[OverallOfficialName]"Rivera" AND AREA[OverallOfficialName]"Ana"`` (the given
    name only when it is more than an initial).

    Raises:
        QueryError: the surname has no letter or digit.
    """
    surname = " ".join(_ESSIE_SPECIAL.sub(" ", last_name).split())
    if not re.search(r"\w", surname):
        raise QueryError(f"A surname is needed to search trial officials; got {last_name!r}")
    expression = f"AREA[OverallOfficialName]{_essie_phrase(surname)}"
    given = next(iter(_ESSIE_SPECIAL.sub(" ", first_name.replace(".", " ")).split()), "")
    if len(given) > 1:
        expression += f" AND AREA[OverallOfficialName]{_essie_phrase(given)}"
    return expression


def _essie_phrase(text: str) -> str:
    return '"' + " ".join(_ESSIE_SPECIAL.sub(" ", text).split()) + '"'


class ClinicalTrialsClient(SessionOwner):
    """A polite, caching client for the ClinicalTrials.gov API v2.

    Args:
        base_url: the v2 root. Default: ``$REPORTER_FINDER_CTGOV_URL``, else
            ``https://clinicaltrials.gov/api/v2``.
        transport: an :class:`HttpTransport` to send through (its session, throttle and
            retries); ``session``, ``cache`` and the retry knobs are then ignored.
        session: a ``requests.Session`` to use; never closed by the client. Without one the
            client builds one from ``cache`` and closes it in :meth:`close`.
        cache: cache settings for the session the client builds (``normal``, ``refresh``,
            ``offline``, ``off``). Ignored when ``session`` or ``transport`` is given.
        timeout: ``(connect, read)`` seconds per attempt.
        max_attempts, backoff_factor: retry policy (429, 5xx, connection errors).
        page_size: studies per page, 1–1,000.
        clock, sleep: injectable monotonic clock and sleep (tests use fakes).

    Example:
        >>> with ClinicalTrialsClient() as ctgov:  # doctest: +SKIP
        ...     ctgov.trials_for_grants(["R01DC011020"])["R01DC011020"][0].nct_id
        'NCT05594173'
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        transport: HttpTransport | None = None,
        session: requests.Session | None = None,
        cache: CacheSettings | None = None,
        timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
        max_attempts: int = 5,
        backoff_factor: float = 1.0,
        page_size: int = PAGE_SIZE,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        if not 1 <= page_size <= PAGE_SIZE_MAX:
            raise InvalidArgumentError(f"page_size must be 1–{PAGE_SIZE_MAX}, got {page_size}")
        self.page_size = page_size
        self.cache = cache if cache is not None else CacheSettings()
        if transport is not None:
            super().__init__(transport.session, requests.Session)
            self.transport = transport
            self.base_url = transport.base_url
            return
        root = base_url or os.environ.get(CTGOV_URL_ENV) or DEFAULT_CTGOV_URL
        self.base_url = root.rstrip("/")
        super().__init__(session, lambda: make_session(self.cache))
        self.transport = HttpTransport(
            self.base_url,
            session=self.session,
            throttle_interval=MIN_REQUEST_INTERVAL,
            timeout=timeout,
            max_attempts=max_attempts,
            backoff_factor=backoff_factor,
            clock=clock,
            sleep=sleep,
            service="ClinicalTrials.gov",
        )

    # --- public ------------------------------------------------------------------------

    def trials_for_grants(self, cores: Iterable[str]) -> dict[str, list[Trial]]:
        """The trials that list each grant among their secondary ids.

        Each asked value is read as a grant number (``R01HL123456``, also
        ``5R01HL123456-03``); the search asks for its spellings (:func:`grant_spellings`) in
        ``AREA[SecondaryId]``, :data:`GRANT_BATCH_SIZE` grants per request, and keeps a trial
        only if one of its ids normalises to that core, or is a bare serial with the same
        IC+serial (a trial that wrote ``HL123456`` cites every grant with that serial).

        Returns:
            Every asked value (as given, without repeats) → its trials sorted by NCT id;
            ``[]`` when none, or when the value is not a grant number.

        Raises:
            QueryError, IncompleteResultError, InvalidResponseError, OfflineCacheMissError,
            ReporterError: see :meth:`search`.
        """
        asked = list(dict.fromkeys(s for s in (str(c).strip() for c in cores) if s))
        normal = {a: next(iter(core_project_numbers(a)), None) for a in asked}
        for value, core in normal.items():
            if core is None:
                logger.debug("ClinicalTrials.gov: %r is not a grant number; skipped", value)
        wanted = sorted({c for c in normal.values() if c})
        found: dict[str, list[Trial]] = {}
        for start in range(0, len(wanted), GRANT_BATCH_SIZE):
            batch = wanted[start : start + GRANT_BATCH_SIZE]
            terms = dict.fromkeys(s for core in batch for s in grant_spellings(core))
            expression = " OR ".join(f"AREA[SecondaryId]{term}" for term in terms)
            trials = self.search(expression, describe=f"trials citing {len(batch)} grants")
            for core in batch:
                found[core] = [t for t in trials if _cites(t, core)]
        return {a: list(found.get(c, [])) if c else [] for a, c in normal.items()}

    def trials_for_official(self, last_name: str, first_name: str) -> list[Trial]:
        """The trials with an overall official who can be this person, sorted by NCT id
        (:meth:`trials_for_officials` for one person)."""
        return self.trials_for_officials([(last_name, first_name)])[(last_name, first_name)]

    def trials_for_officials(
        self, names: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], list[Trial]]:
        """The trials with an overall official who can be each person (last, first name).

        Each person is searched as ``AREA[OverallOfficialName]`` for the surname (and the first
        given name, when it is more than an initial); :data:`OFFICIAL_BATCH_SIZE` people are
        ORed into one request (Essie's AND binds tighter than OR), so the top 25 PIs of a
        search cost 3 requests, not 25. A trial is kept for a person when an official's name
        matches on folded surname and first initial, degrees ignored
        (:func:`~reporter_finder.api.trials.name_matches`). Same name is not same person:
        the caller checks the official's affiliation.

        Returns:
            Every asked (last, first) → its trials sorted by NCT id (``[]`` when none).

        Raises:
            QueryError: a surname is empty, or the server rejected the search.
            IncompleteResultError, InvalidResponseError, OfflineCacheMissError,
            ReporterError: see :meth:`search`.
        """
        people = list(dict.fromkeys(names))
        found: dict[tuple[str, str], list[Trial]] = {}
        for start in range(0, len(people), OFFICIAL_BATCH_SIZE):
            batch = people[start : start + OFFICIAL_BATCH_SIZE]
            expression = " OR ".join(_official_expression(last, first) for last, first in batch)
            who = f"{batch[0][1]} {batch[0][0]}" if len(batch) == 1 else f"{len(batch)} people"
            trials = self.search(expression, describe=f"trials led by {who}")
            for last, first in batch:
                found[(last, first)] = [
                    t for t in trials if any(name_matches(o.name, last, first) for o in t.officials)
                ]
        return found

    def search(self, expression: str, *, describe: str | None = None) -> list[Trial]:
        """Every study matching an Essie ``expression`` (sent as ``filter.advanced``), sorted
        by NCT id, each once.

        Raises:
            QueryError: ClinicalTrials.gov rejected the request (unknown parameter, bad
                field name, bad Essie); ``body`` holds its words.
            IncompleteResultError: the pages did not hold ``totalCount`` distinct studies,
                even after one fresh re-fetch.
            InvalidResponseError: an answer is not a studies page.
            OfflineCacheMissError: offline cache mode and a page is not cached.
            ReporterError: any other transport failure (connection, timeout, 429, 5xx).
        """
        what = describe or expression
        try:
            studies = self._all_pages(expression, what, fresh=False)
        except IncompleteResultError as exc:
            logger.warning("ClinicalTrials.gov: %s; fetching it again", exc.message)
            try:
                studies = self._all_pages(expression, what, fresh=True)
            except IncompleteResultError as again:
                raise IncompleteResultError(
                    f"{again.message} (after one retry)",
                    expected=again.expected,
                    got=again.got,
                    records=again.records,
                    url=again.url,
                    hint="ClinicalTrials.gov's data changed while paging; try again later.",
                ) from None
        trials = (parse_study(s) for s in studies)
        return sorted((t for t in trials if t is not None), key=lambda t: t.nct_id)

    def study(self, nct_id: str) -> Trial:
        """One study by NCT id (``GET /studies/{nctId}``).

        Raises:
            QueryError: ``nct_id`` is not an NCT id, or the server does not know it (404).
            InvalidResponseError: the answer is not a study.
        """
        nct = nct_id.strip().upper()
        if not _NCT_ID.match(nct):
            raise QueryError(f"{nct_id!r} is not an NCT id (NCT and 8 digits)")
        path = f"{STUDIES_PATH}/{nct}"
        data = self.transport.request_json(
            "GET", path, params={"fields": ",".join(STUDY_FIELDS)}, describe=nct
        )
        trial = parse_study(data) if isinstance(data, Mapping) else None
        if trial is None:
            raise InvalidResponseError(
                f"ClinicalTrials.gov's answer for {nct} is not a study",
                url=self.transport.url_for(path),
            )
        return trial

    # --- private -----------------------------------------------------------------------

    def _all_pages(self, expression: str, what: str, *, fresh: bool) -> list[Mapping[str, Any]]:
        """The studies of every page, each once; raises unless they number ``totalCount``."""
        params = {EXPRESSION_PARAM: expression, "fields": ",".join(STUDY_FIELDS),
                  "pageSize": str(self.page_size)}  # fmt: skip
        url = self.transport.url_for(STUDIES_PATH)
        page = self._page({**params, "countTotal": "true"}, what, fresh=fresh)
        total = page.get("totalCount")
        if not isinstance(total, int) or isinstance(total, bool):
            raise InvalidResponseError(
                f"ClinicalTrials.gov sent no totalCount with countTotal=true ({what})", url=url
            )
        found: dict[str, Mapping[str, Any]] = {}
        tokens: set[str] = set()
        while True:
            for study in page["studies"]:
                nct = _nct_id(study)
                if nct:
                    found.setdefault(nct, study)
            token = page.get("nextPageToken")
            if not token:
                break
            if token in tokens or len(tokens) > total // self.page_size + 1:
                raise IncompleteResultError(
                    f"ClinicalTrials.gov kept sending more pages than {total:,} studies fill "
                    f"({what})", expected=total, got=len(found), records=list(found.values()),
                    url=url,
                )  # fmt: skip
            tokens.add(token)
            page = self._next_page({**params, "pageToken": token}, what, fresh=fresh, found=found)
        if len(found) != total:
            raise IncompleteResultError(
                f"{len(found):,} distinct studies arrived where ClinicalTrials.gov counted "
                f"{total:,} ({what})", expected=total, got=len(found),
                records=list(found.values()), url=url,
            )  # fmt: skip
        return list(found.values())

    def _next_page(
        self, params: dict[str, str], what: str, *, fresh: bool, found: Mapping[str, Any]
    ) -> Mapping[str, Any]:
        try:
            return self._page(params, f"{what}; next page", fresh=fresh)
        except QueryError as exc:
            if fresh:
                raise
            # A token from a cached first page may have outlived the server's data
            # refresh (its lifetime is undocumented): start over, fresh, once.
            raise IncompleteResultError(
                f"ClinicalTrials.gov refused a page token ({what}): {exc.body or exc.message}",
                got=len(found), records=list(found.values()), url=exc.url,
            ) from exc  # fmt: skip

    def _page(self, params: dict[str, str], what: str, *, fresh: bool) -> Mapping[str, Any]:
        data = self.transport.request_json(
            "GET", STUDIES_PATH, params=params, describe=what, fresh=fresh
        )
        if not isinstance(data, Mapping) or not isinstance(data.get("studies"), list):
            raise InvalidResponseError(
                f"ClinicalTrials.gov's answer is not a studies page ({what})",
                url=self.transport.url_for(STUDIES_PATH),
                hint="The API may have changed, or a proxy answered instead of it.",
            )
        return data


def _nct_id(study: Any) -> str:
    protocol = study.get("protocolSection") if isinstance(study, Mapping) else None
    ident = protocol.get("identificationModule") if isinstance(protocol, Mapping) else None
    return str(ident.get("nctId") or "").strip().upper() if isinstance(ident, Mapping) else ""


def _cites(trial: Trial, core: str) -> bool:
    """Whether ``trial`` lists grant ``core``: same core, or a bare serial with its IC+serial."""
    if core in trial.cores:
        return True
    return any(
        not core_project_numbers(raw) and serial_key(raw) == core[3:] for raw in trial.grant_ids
    )
