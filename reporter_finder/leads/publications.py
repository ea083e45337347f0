"""Publications of the ranked PIs: RePORTER project→PMID links plus PubMed titles.

Two sources, both through :class:`~reporter_finder.api.transport.HttpTransport` (retries,
timeouts, typed errors) and the same cache (:mod:`reporter_finder.api.cache`):

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

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from reporter_finder.api.limits import PUBMED_URL_TEMPLATE
from reporter_finder.errors import (
    DataFormatError,
    InvalidArgumentError,
    InvalidResponseError,
    OfflineCacheMissError,
    ReporterError,
)

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.api.reporter import ReporterClient
    from reporter_finder.tables.build import Tables

from reporter_finder.api.pubmed import PubMedClient, PubMedSummary, is_outage
from reporter_finder.cellformat import cell_text, format_citation
from reporter_finder.schema import LINK_COLUMNS, PUBLICATION_COLUMNS

logger = logging.getLogger(__name__)

__all__ = [
    "attach_publications",
    "pi_publications",
    "publication_links",
    "publications_for_leads",
    "publications_if_cached_or_online",
]

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
            :class:`~reporter_finder.errors.OfflineCacheMissError`, rejected requests).

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

    rows = _pi_pmids(keys, cores, by_core, _profile_ids(tables))
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


def _pi_pmids(
    keys: Sequence[str],
    cores: Mapping[str, list[str]],
    by_core: Mapping[str, list[int]],
    profile: Mapping[str, int | None],
) -> list[dict[str, Any]]:
    """One row per (PI, PMID), each PMID credited to the PI's latest grant that it cites."""
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
    return rows


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
        if not is_outage(exc):
            raise
        logger.warning(
            "PubMed could not be reached (%s); keeping %d of %d PMIDs without titles",
            exc,
            len(pmids) - len(meta),
            len(pmids),
        )
    return meta


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
        DataFormatError: neither table has a column to match on, or ``pubs`` has no
            ``citation``.
        InvalidArgumentError: ``recent`` < 0 (also a ``ValueError``).
    """
    if recent < 0:
        raise InvalidArgumentError("recent must be >= 0")
    if "citation" not in pubs.columns:
        raise DataFormatError("the publications table has no 'citation' column")
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
    if not cell_text(value):
        return None
    return _profile_text(value) or str(value).strip()


def _profile_text(value: Any) -> str | None:
    # "12345", 12345, 12345.0 (a CSV column with blanks read as float) all become "12345".
    if not cell_text(value):
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
        InvalidArgumentError: ``top`` < 0 (also a ``ValueError``).

    Example:
        >>> ranked = publications_for_leads(search.ranked, search.tables,  # doctest: +SKIP
        ...                                 reporter_client=client, pubmed_client=pubmed, top=25)
    """
    if top is not None and top < 0:
        raise InvalidArgumentError(f"top must be 0 or more, not {top}")
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
    out = attach_publications(ranked, pubs, recent=recent, covered=keys)
    # The PI → PMID table, for leads.emails.emails_for_leads: the same links, not asked twice.
    out.attrs["publications"] = pubs
    return out
