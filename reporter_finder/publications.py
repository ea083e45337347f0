"""Publications of the ranked PIs: RePORTER project→PMID links plus PubMed titles.

Two sources, both through :class:`~reporter_finder.transport.HttpTransport` (retries,
timeouts, typed errors) and the same cache (:mod:`reporter_finder.cache`):

1. RePORTER's ``/v2/publications/search`` links each core project number to the PMIDs that
   cite it (:func:`publication_links`, via :meth:`ReporterClient.iter_publications`).
2. NCBI E-utilities ``esummary`` gives each PMID's title, journal and date
   (:class:`PubMedClient`): up to 200 ids per GET request, at most 3 requests per second, or
   10 with an NCBI API key, with the ``tool`` and ``email`` parameters NCBI asks for.

:func:`pi_publications` joins the two for a set of PIs (the top of a ranking, not everyone)
and :func:`attach_publications` adds ``n_publications`` and ``recent_publications`` to a lead
list. If PubMed cannot be reached, the PMIDs are kept without titles and one warning is logged:
a lead list without paper titles is still useful; one without PMIDs would hide data.

A link means the paper acknowledges one of the PI's grants; it does not prove the PI is an
author. Drafts therefore say "a paper from your grant …", never "your paper".
"""

from __future__ import annotations

import html
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd

from reporter_finder.cache import CacheSettings, make_session
from reporter_finder.exceptions import (
    DataFormatError,
    InvalidResponseError,
    OfflineCacheMissError,
    QueryError,
    RateLimitError,
    ReporterConnectionError,
    ReporterError,
    ReporterHTTPError,
)
from reporter_finder.fields import PUBMED_URL_TEMPLATE
from reporter_finder.transport import DEFAULT_TIMEOUT, Clock, HttpTransport, SessionOwner, Sleep

if TYPE_CHECKING:  # pragma: no cover
    import requests

    from reporter_finder.client import ReporterClient
    from reporter_finder.tables import Tables

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_EUTILS_URL",
    "ESUMMARY_BATCH_SIZE",
    "LINK_COLUMNS",
    "PUBLICATION_COLUMNS",
    "PubMedClient",
    "PubMedSummary",
    "attach_publications",
    "format_citation",
    "pi_publications",
    "publication_links",
    "publications_for_leads",
    "publications_if_cached_or_online",
]

DEFAULT_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
#: Environment variable that points the client at another E-utilities root (a mirror or the
#: test stand-in).
EUTILS_URL_ENV = "REPORTER_FINDER_EUTILS_URL"
#: Environment variable NCBI's own tools read the API key from.
NCBI_API_KEY_ENV = "NCBI_API_KEY"
ESUMMARY_PATH = "esummary.fcgi"
#: NCBI: "if more than about 200 UIDs are to be provided, the request should be made using
#: HTTP POST". We stay at 200 so every request is a GET, which requests-cache keys on the URL.
ESUMMARY_BATCH_SIZE = 200
#: NCBI allows 3 requests/second without a key and 10 with one. The intervals carry a small
#: margin because NCBI counts requests per wall-clock second, and two starts exactly 1/3 s
#: apart can fall 4 to a second window.
INTERVAL_WITHOUT_KEY = 0.34
INTERVAL_WITH_KEY = 0.11
#: Only letters, digits and ``_.-`` (NCBI: "tool … with no internal spaces").
_TOOL = re.compile(r"^[A-Za-z0-9_.\-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

#: :func:`publication_links` columns.
LINK_COLUMNS = {"core_project_num": "string", "pmid": "Int64", "appl_id": "Int64"}
#: :func:`pi_publications` columns: one row per (PI, PMID), the PI's most recent first.
PUBLICATION_COLUMNS = {
    "pi_key": "string",
    "profile_id": "Int64",
    "pmid": "Int64",
    "core_project_num": "string",  # the PI's grant the paper cites (their latest, if several)
    "title": "string",  # NA when PubMed had no summary or was unreachable
    "journal": "string",  # ISO abbreviation, e.g. "Front Cardiovasc Med"
    "year": "Int64",
    "pub_date": "datetime64[ns]",
    "citation": "string",  # "Title — Journal Year (PMID n)", or "PMID n" without metadata
    "pubmed_url": "string",
}
#: Errors that mean "PubMed is unreachable right now" (after the transport's retries).
_UNREACHABLE = (ReporterConnectionError, RateLimitError)

_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


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


def format_citation(
    pmid: int, title: str | None = None, journal: str | None = None, year: int | None = None
) -> str:
    """Format one publication as ``"Title — Journal Year (PMID n)"``.

    Missing parts are left out; with no title at all the result is ``"PMID n"``.

    Example:
        >>> format_citation(40642746, "Ferroptosis in PH", "Front Cardiovasc Med", 2025)
        'Ferroptosis in PH — Front Cardiovasc Med 2025 (PMID 40642746)'
    """
    if not _present(title):
        return f"PMID {int(pmid)}"
    # A year read from a column with gaps arrives as 2019.0.
    year_text = str(int(float(year))) if _present(year) else None  # type: ignore[arg-type]
    source = " ".join(str(p) for p in (journal, year_text) if _present(p))
    head = f"{title} — {source}" if source else str(title)
    return f"{head} (PMID {int(pmid)})"


def _present(value: Any) -> bool:
    if value is None or value is pd.NA:
        return False
    if isinstance(value, float) and value != value:
        return False
    return str(value).strip() != ""


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
        self.transport = HttpTransport(
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

    def _params(self, batch: Sequence[int]) -> dict[str, str]:
        params = {
            "db": "pubmed",
            "id": ",".join(str(p) for p in batch),
            "retmode": "json",
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
    pub_date = _sort_date(doc.get("sortpubdate")) or _loose_date(doc.get("pubdate"))
    year = pub_date.year if pub_date else None
    if year is None:
        match = _YEAR.search(str(doc.get("pubdate") or doc.get("epubdate") or ""))
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


def _sort_date(value: Any) -> date | None:
    # "2025/06/26 00:00"
    try:
        return datetime.strptime(str(value or "")[:10], "%Y/%m/%d").date()
    except ValueError:
        return None


def _loose_date(value: Any) -> date | None:
    # "2025 Jun 26", "2025 Jun", "2024 Nov-Dec", "2023 Winter", "2025"
    parts = str(value or "").replace("-", " ").split()
    if not parts or not _YEAR.fullmatch(parts[0]):
        return None
    year = int(parts[0])
    month = _MONTHS.get(parts[1][:3].lower(), 1) if len(parts) > 1 else 1
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 1)


# --- RePORTER links --------------------------------------------------------------------------


def publication_links(client: ReporterClient, core_project_nums: Iterable[str]) -> pd.DataFrame:
    """RePORTER's project→PMID links for ``core_project_nums``.

    Batched and paged by :meth:`ReporterClient.iter_publications` (and cached like every
    RePORTER call). No request is made for an empty list.

    Returns:
        :data:`LINK_COLUMNS`: one row per (core project, PMID), with the latest ``appl_id``
        RePORTER gave for it; sorted by core project, then PMID descending (newest first).

    Raises:
        InvalidResponseError: a link lacks ``coreproject`` or a numeric ``pmid``.
        ReporterError: any failure of the RePORTER client.

    Example:
        >>> links = publication_links(client, ["R01HL161234"])  # doctest: +SKIP
    """
    wanted = [str(c).strip().upper() for c in core_project_nums if str(c).strip()]
    rows: list[tuple[str, int, int | None]] = []
    if wanted:
        for link in client.iter_publications(core_project_nums=dict.fromkeys(wanted)):
            core, pmid, appl = link.get("coreproject"), link.get("pmid"), link.get("applid")
            try:
                pmid_int = int(pmid)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                pmid_int = 0
            if not isinstance(core, str) or not core.strip() or pmid_int <= 0:
                raise InvalidResponseError(
                    f"RePORTER publication link without a core project or PMID: {link!r}"
                )
            try:
                appl_int = int(appl) if appl is not None else None
            except (TypeError, ValueError):
                appl_int = None
            rows.append((core.strip().upper(), pmid_int, appl_int))
    frame = pd.DataFrame(rows, columns=list(LINK_COLUMNS))
    frame = frame.astype(LINK_COLUMNS)
    frame = frame.sort_values(
        ["core_project_num", "pmid", "appl_id"], ascending=[True, False, False], kind="mergesort"
    )
    frame = frame.drop_duplicates(["core_project_num", "pmid"], keep="first")
    return frame.reset_index(drop=True)


# --- joining ---------------------------------------------------------------------------------


def _pi_cores(tables: Tables, pi_keys: Sequence[str]) -> dict[str, list[str]]:
    """Each PI's core project numbers, most recent fiscal year first.

    Component (subproject) links are used only for PIs who have no grant of their own: the
    publications of a whole centre grant would otherwise be credited to every component lead.
    """
    links = tables.pi_grants
    links = links[links["pi_key"].isin(pi_keys)]
    out: dict[str, list[str]] = {}
    for key, group in links.groupby("pi_key", sort=False):
        if "is_subproject" in group.columns:
            own = group[~group["is_subproject"].fillna(False).astype(bool)]
            group = own if len(own) else group
        latest = group.groupby("core_project_num")["fiscal_year"].max()
        ordered = sorted(latest.items(), key=lambda kv: (-_int_or(kv[1], 0), str(kv[0])))
        out[str(key)] = [str(core) for core, _ in ordered]
    return out


def _int_or(value: Any, default: int) -> int:
    return default if value is None or value is pd.NA or value != value else int(value)


def pi_publications(
    tables: Tables,
    pi_keys: Iterable[str],
    *,
    reporter_client: ReporterClient,
    pubmed_client: PubMedClient | None = None,
) -> pd.DataFrame:
    """The publications of the given PIs: RePORTER links, then PubMed titles.

    Meant for the top of a ranking (say 10–50 PIs), not for everyone: it makes one RePORTER
    request per 100 grants and one PubMed request per 200 PMIDs.

    Args:
        tables: the tables the PIs come from (``pi_grants`` names each PI's grants).
        pi_keys: the PIs, by ``pi_key``.
        reporter_client: fetches the project→PMID links.
        pubmed_client: fetches titles, journals and dates; ``None`` keeps PMIDs only.

    Returns:
        :data:`PUBLICATION_COLUMNS`, one row per (PI, PMID), PIs in the order given, each PI's
        papers most recent first (PubMed date, then PMID, which grows with time). When PubMed
        cannot be reached (connection error, timeout, rate limit or 5xx after every retry),
        the rows are kept with empty metadata and a single warning is logged.

    Raises:
        ReporterError: RePORTER failures; PubMed failures other than "unreachable" (e.g.
            :class:`~reporter_finder.exceptions.OfflineCacheMissError`, rejected requests).

    Example:
        >>> pubs = pi_publications(search.tables, ranked["pi_key"][:10],  # doctest: +SKIP
        ...                        reporter_client=client, pubmed_client=PubMedClient())
    """
    keys = list(dict.fromkeys(str(k) for k in pi_keys))
    cores = _pi_cores(tables, keys)
    wanted = list(dict.fromkeys(c for k in keys for c in cores.get(k, [])))
    links = publication_links(reporter_client, wanted)
    by_core: dict[str, list[int]] = {}
    for core, pmid in zip(links["core_project_num"], links["pmid"], strict=True):
        by_core.setdefault(str(core), []).append(int(pmid))

    profile = _profile_ids(tables)
    rows: list[dict[str, Any]] = []
    for key in keys:
        seen: set[int] = set()
        for core in cores.get(key, []):  # latest grant first: it names the paper's grant
            for pmid in by_core.get(core, []):
                if pmid not in seen:
                    seen.add(pmid)
                    rows.append(
                        {
                            "pi_key": key,
                            "profile_id": profile.get(key),
                            "pmid": pmid,
                            "core_project_num": core,
                        }
                    )

    meta = _fetch_metadata(pubmed_client, sorted({r["pmid"] for r in rows}))
    for row in rows:
        s = meta.get(row["pmid"])
        row["title"] = s.title if s and s.title else None
        row["journal"] = (s.journal or None) if s else None
        row["year"] = s.year if s else None
        row["pub_date"] = pd.Timestamp(s.pub_date) if s and s.pub_date else pd.NaT
        row["citation"] = format_citation(row["pmid"], row["title"], row["journal"], row["year"])
        row["pubmed_url"] = PUBMED_URL_TEMPLATE.format(pmid=row["pmid"])
    frame = pd.DataFrame(rows, columns=list(PUBLICATION_COLUMNS))
    frame = frame.astype(PUBLICATION_COLUMNS)
    if frame.empty:
        return frame.reset_index(drop=True)
    order = {k: i for i, k in enumerate(keys)}
    frame["_pi"] = frame["pi_key"].map(order)
    frame = frame.sort_values(
        ["_pi", "pub_date", "pmid"],
        ascending=[True, False, False],
        na_position="last",
        kind="mergesort",
    )
    return frame.drop(columns="_pi").reset_index(drop=True)


def _profile_ids(tables: Tables) -> dict[str, int | None]:
    pis = tables.pis
    return {
        str(k): (None if pd.isna(p) else int(p))
        for k, p in zip(pis["pi_key"], pis["profile_id"], strict=True)
    }


def _fetch_metadata(client: PubMedClient | None, pmids: list[int]) -> dict[int, PubMedSummary]:
    meta: dict[int, PubMedSummary] = {}
    if client is None or not pmids:
        return meta
    try:
        for summary in client.iter_summaries(pmids):
            meta[summary.pmid] = summary
    except ReporterError as exc:
        if not _is_unreachable(exc):
            raise
        logger.warning(
            "PubMed could not be reached (%s); keeping %d of %d PMIDs without titles",
            exc,
            len(pmids) - len(meta),
            len(pmids),
        )
    return meta


def _is_unreachable(exc: ReporterError) -> bool:
    if isinstance(exc, _UNREACHABLE):
        return True
    return isinstance(exc, ReporterHTTPError) and exc.status is not None and exc.status >= 500


def attach_publications(
    leads: pd.DataFrame,
    pubs: pd.DataFrame,
    *,
    recent: int = 3,
    covered: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Add ``n_publications`` and ``recent_publications`` to a lead list (pure).

    Leads are matched to ``pubs`` (from :func:`pi_publications`) on ``pi_key`` when both have
    it, else on ``profile_id`` (a lead list read back from CSV has profile ids as text).

    Args:
        leads: the lead list; not modified.
        pubs: publications, most recent first per PI.
        recent: how many citations go into ``recent_publications``.
        covered: the ``pi_key`` values (or profile ids) that were looked up. Leads outside it
            get ``<NA>`` and ``[]`` ("not looked up") instead of ``0`` ("none found").
            ``None``: every lead was looked up.

    Returns:
        A copy of ``leads`` with ``n_publications`` (Int64) and ``recent_publications``
        (list of ``"Title — Journal Year (PMID n)"`` strings, newest first) appended.

    Raises:
        DataFormatError: neither table has a column to match on.
    """
    if recent < 0:
        raise ValueError("recent must be >= 0")
    if "pi_key" in leads.columns and "pi_key" in pubs.columns:
        lead_keys = leads["pi_key"].map(_key_text)
        pub_keys = pubs["pi_key"].map(_key_text)
    elif "profile_id" in leads.columns and "profile_id" in pubs.columns:
        lead_keys = leads["profile_id"].map(_profile_text)
        pub_keys = pubs["profile_id"].map(_profile_text)
    else:
        raise DataFormatError(
            "cannot match leads to publications: need 'pi_key' or 'profile_id' in both"
        )
    counts = pub_keys.value_counts(dropna=True).to_dict()
    citations: dict[str, list[str]] = {}
    for key, citation in zip(pub_keys, pubs["citation"], strict=True):
        if key is not None and len(citations.setdefault(key, [])) < recent:
            citations[key].append(str(citation))
    looked_up = None if covered is None else {k for k in (_key_text(c) for c in covered) if k}
    out = leads.copy()
    n: list[int | None] = []
    lists: list[list[str]] = []
    for key in lead_keys:
        if key is None or (looked_up is not None and key not in looked_up):
            n.append(None)
            lists.append([])
        else:
            n.append(int(counts.get(key, 0)))
            lists.append(list(citations.get(key, [])))
    out["n_publications"] = pd.array(n, dtype="Int64")
    out["recent_publications"] = pd.Series(lists, index=out.index, dtype=object)
    return out


def _key_text(value: Any) -> str | None:
    if not _present(value):
        return None
    return _profile_text(value) or str(value).strip()


def _profile_text(value: Any) -> str | None:
    # "12345", 12345, 12345.0 (a CSV column with blanks read as float) all become "12345".
    if not _present(value):
        return None
    text = str(value).strip()
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() else text


# --- orchestration for the top of a ranking --------------------------------------------------


def publications_if_cached_or_online(
    tables: Tables,
    pi_keys: Iterable[str],
    *,
    reporter_client: ReporterClient,
    pubmed_client: PubMedClient | None = None,
) -> pd.DataFrame | None:
    """:func:`pi_publications`, except that an offline cache miss gives ``None`` and a warning.

    Publications are an extra on top of a search that has already succeeded: in offline
    cache mode, a look-up that was never cached must not throw the search away. One warning
    is logged and ``None`` ("not looked up") returned; every other error propagates as in
    :func:`pi_publications` (PubMed being unreachable is already a warning there).

    Example:
        >>> pubs = publications_if_cached_or_online(  # doctest: +SKIP
        ...     tables, ["10519021"], reporter_client=client, pubmed_client=pubmed)
    """
    try:
        return pi_publications(
            tables, pi_keys, reporter_client=reporter_client, pubmed_client=pubmed_client
        )
    except OfflineCacheMissError:
        logger.warning(
            "publications are not in the cache (offline mode): the publication columns are "
            "left empty; run once without --offline to fill the cache"
        )
        return None


def publications_for_leads(
    ranked: pd.DataFrame,
    tables: Tables,
    *,
    reporter_client: ReporterClient,
    pubmed_client: PubMedClient | None = None,
    top: int | None = None,
    recent: int = 3,
) -> pd.DataFrame:
    """Fill ``n_publications`` and ``recent_publications`` for the best ``top`` ranked PIs.

    Only the PIs that will be shown are looked up (one RePORTER request per 100 of their
    grants, one PubMed request per 200 PMIDs), not everyone the search ranked.

    Args:
        ranked: ``MentorSearch.ranked`` (needs ``rank`` and ``pi_key``); not modified.
        tables: the tables behind the ranking (each PI's grants).
        reporter_client: fetches the project→PMID links (same cache and offline settings as
            the search).
        pubmed_client: fetches titles, journals and dates; ``None`` keeps PMIDs only.
        top: how many of the best-ranked PIs to look up; ``None`` looks up all of them.
        recent: how many citations go into ``recent_publications``.

    Returns:
        A copy of ``ranked`` with ``n_publications`` (Int64) and ``recent_publications``
        (lists) for the top PIs, and ``<NA>`` / ``[]`` for the rest ("not looked up"). In
        offline mode with the publications not cached, every row is "not looked up" and one
        warning is logged (see :func:`publications_if_cached_or_online`).

    Raises:
        ReporterError: RePORTER failures, and PubMed failures other than an outage.

    Example:
        >>> ranked = publications_for_leads(search.ranked, search.tables,  # doctest: +SKIP
        ...                                 reporter_client=client, pubmed_client=pubmed, top=25)
    """
    if top is not None and top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    order = ranked.sort_values("rank", kind="stable") if "rank" in ranked.columns else ranked
    keys = [str(k) for k in order["pi_key"].head(len(order) if top is None else top)]
    pubs = (
        publications_if_cached_or_online(
            tables, keys, reporter_client=reporter_client, pubmed_client=pubmed_client
        )
        if keys
        else None
    )
    if pubs is None:
        out = ranked.copy()
        out["n_publications"] = pd.array([None] * len(out), dtype="Int64")
        out["recent_publications"] = pd.Series(
            [[] for _ in range(len(out))], index=out.index, dtype=object
        )
        return out
    return attach_publications(ranked, pubs, recent=recent, covered=keys)
