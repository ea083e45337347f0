"""The one-call facade: from "cardiology, echo + R, clinical track" to a ranked PI table.

:func:`find_mentors` resolves the specialty and skills against the lexicon, fetches the
projects RePORTER holds for the specialty's vocabulary (or filters records you already have),
builds the four tables and ranks the PIs. :func:`default_query` is the retrieval default on its
own, for callers who fetch themselves.

Example:
    >>> from reporter_finder import find_mentors
    >>> search = find_mentors("cardiology", skills="echo, R", track="clinical", states=["MD"])
    >>> search.top(10)[["rank", "pi_name", "organization", "why"]]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from reporter_finder.api.limits import DEFAULT_SEARCH_FIELDS, PUBMED_URL_TEMPLATE
from reporter_finder.api.query import ProjectQuery
from reporter_finder.dates import nih_fiscal_year
from reporter_finder.rank.lexicon import Lexicon, Skill, Specialty
from reporter_finder.rank.ranker import _validate_track, rank_pis
from reporter_finder.rank.relevance import score_projects
from reporter_finder.rank.resolve import SpecialtyMatch, resolve_skills, resolve_specialty
from reporter_finder.rank.weights import RankWeights
from reporter_finder.schema import GRANT_COLUMNS
from reporter_finder.tables.build import Tables, build_tables

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.api.reporter import ReporterClient

__all__ = [
    "DEFAULT_YEARS",
    "MAX_SEARCH_TEXT",
    "MENTOR_ACTIVITY_CODES",
    "PI_DETAIL_COLUMNS",
    "MentorSearch",
    "default_query",
    "fetch_records",
    "find_mentors",
    "pi_grant_details",
    "pi_query",
    "relevant_grants",
    "split_query",
]

#: Activity codes of awards whose PI can host a research fellow (NIH activity-code list,
#: grants.nih.gov/funding/activity-codes). Included: research projects (R01, R21, R35…),
#: cooperative agreements (U01, UG3/UH3, UM1…), programme/centre grants (P01, P30, P50, U54…),
#: career-development awards (K01–K99/R00; junior ones are shown as near-peer mentors),
#: mentoring and training awards (K24, K26, T32, T35, TL1, KL2, K12, R25, D43, D71) and NIH
#: Director's awards (DP1, DP2, DP5). Left out on purpose: individual fellowships (F30–F33,
#: F99 — the PI is a trainee), small-business awards (R41–R44, U43/U44, SB1 — companies),
#: contracts (N01, N02…) and intramural projects (ZIA, ZIC… — not open to outside fellows).
MENTOR_ACTIVITY_CODES: tuple[str, ...] = (
    "R01", "R03", "R15", "R16", "R21", "R24", "R25", "R33", "R34", "R35", "R37", "R56", "R61",
    "RF1", "RM1", "U01", "U19", "U24", "U2C", "U54", "UG3", "UH3", "UM1", "P01", "P20", "P2C",
    "P30", "P42", "P50", "P60", "K01", "K05", "K07", "K08", "K12", "K22", "K23", "K24", "K25",
    "K26", "K43", "K76", "K99", "R00", "KL2", "TL1", "T32", "T35", "T90", "D43", "D71", "DP1",
    "DP2", "DP5",
)  # fmt: skip
#: Fiscal years searched by default: the current NIH fiscal year and the four before it.
DEFAULT_YEARS = 5
#: Longest search text sent in one query. RePORTER documents no limit; long boolean texts have
#: been seen to fail, so a longer OR-list is split into several queries whose results are
#: merged on ``appl_id`` (see :func:`split_query`).
MAX_SEARCH_TEXT = 1_500


def _fiscal_years(years: int | Iterable[int] | None, today: date) -> tuple[int, ...]:
    current = nih_fiscal_year(today)
    if years is None:
        years = DEFAULT_YEARS
    if isinstance(years, int):
        if years < 1:
            from reporter_finder.errors import QueryError

            raise QueryError(f"years must be at least 1, not {years}")
        return tuple(range(current - years + 1, current + 1))
    return tuple(sorted({int(y) for y in years}))


def default_query(
    specialty: Specialty,
    *,
    years: int | Iterable[int] | None = None,
    states: Iterable[str] = (),
    cities: Iterable[str] = (),
    institutions: Iterable[str] = (),
    activity_codes: Iterable[str] | None = None,
    include_active: bool = True,
    today: date | None = None,
) -> ProjectQuery:
    """The RePORTER query that retrieves a specialty's candidate mentors.

    The specialty's core terms are OR-ed (phrases quoted) and searched in project title and
    abstract; activity codes are :data:`MENTOR_ACTIVITY_CODES`; subprojects are excluded; fiscal
    years are the current NIH fiscal year (a new one starts on 1 October) and the four before
    it, plus projects still active. Every part can be overridden.

    Args:
        specialty: the resolved specialty (its ``core_terms`` are searched).
        years: an int N (the current fiscal year and the N−1 before it) or explicit years.
        states, cities, institutions: organisation filters (``org_states``, ``org_cities``,
            ``org_names``).
        activity_codes: override :data:`MENTOR_ACTIVITY_CODES`.
        include_active: also return projects still active outside those fiscal years.
        today: the date the current fiscal year is taken from; default today.

    Returns:
        One :class:`ProjectQuery`; pass it to :func:`split_query` before sending if its search
        text may be long.

    Raises:
        QueryError: for invalid values (e.g. an unknown state code).

    Example:
        >>> q = default_query(resolve_specialty("cardiology").specialty, today=date(2025, 10, 1))
        >>> q.fiscal_years
        (2022, 2023, 2024, 2025, 2026)
    """
    day = today or date.today()
    terms = tuple(dict.fromkeys(specialty.core_terms)) or (specialty.name,)
    return ProjectQuery(
        terms=terms,
        operator="or",
        search_fields=DEFAULT_SEARCH_FIELDS,
        fiscal_years=_fiscal_years(years, day),
        include_active=include_active,
        org_states=tuple(states),
        org_cities=tuple(cities),
        org_names=tuple(institutions),
        activity_codes=tuple(MENTOR_ACTIVITY_CODES if activity_codes is None else activity_codes),
        exclude_subprojects=True,
    )


def _or_length(terms: Sequence[str]) -> int:
    # Upper bound of the search text: each term quoted, joined by " OR ".
    return sum(len(t) + 2 for t in terms) + 4 * max(len(terms) - 1, 0)


def split_query(query: ProjectQuery, max_chars: int = MAX_SEARCH_TEXT) -> tuple[ProjectQuery, ...]:
    """Split a query whose OR-ed ``terms`` would exceed ``max_chars`` into several.

    Each part keeps every other criterion and a consecutive slice of the terms, so the union of
    their results (merged on ``appl_id``) is the result of the original OR query. A query that
    fits, or that has no terms, comes back alone.
    """
    terms = query.terms
    if not terms or _or_length(terms) <= max_chars:
        return (query,)
    parts: list[list[str]] = [[]]
    for term in terms:
        if parts[-1] and _or_length([*parts[-1], term]) > max_chars:
            parts.append([])
        parts[-1].append(term)
    return tuple(query.replace(terms=tuple(p)) for p in parts)


@dataclass(frozen=True)
class MentorSearch:
    """The result of :func:`find_mentors`.

    Attributes:
        ranked: the ranked PIs (:func:`reporter_finder.rank.rank_pis` columns).
        tables: the projects, grants, PIs and PI–grant links behind the ranking.
        specialty: how the specialty text was resolved (``.is_known``, ``.suggestions``).
        skills: the resolved skills.
        track: "clinical", "postdoc" or "any".
        queries: the queries sent to RePORTER (empty when records were given).
        as_of: the date activity and recency were judged on.
    """

    ranked: pd.DataFrame
    tables: Tables
    specialty: SpecialtyMatch
    skills: tuple[Skill, ...]
    track: str
    queries: tuple[ProjectQuery, ...]
    as_of: date

    def top(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` best-ranked PIs."""
        return self.ranked.head(n)

    def pi(self, pi: str | int) -> pd.DataFrame:
        """The grants (``grants`` table rows) of one PI, by ``pi_key`` or ``profile_id``.

        Adds ``is_contact_pi`` (contact PI on any of the grant's records) and sorts the grants
        by last fiscal year, newest first. Unknown PI: an empty frame with those columns.
        """
        links = self.tables.pi_grants
        key = str(pi)
        mask = links["pi_key"].eq(key).fillna(False)
        if isinstance(pi, int) or key.isdigit():
            mask |= links["profile_id"].eq(int(key)).fillna(False)
        mine = links[mask.to_numpy(dtype=bool)]
        contact = mine.groupby("core_project_num")["is_contact_pi"].agg(
            lambda s: bool(s.fillna(False).any())
        )
        grants = self.tables.grants
        out = grants[grants["core_project_num"].isin(contact.index)]
        out = out.assign(
            is_contact_pi=out["core_project_num"].map(contact).astype("boolean")
        ).sort_values(["last_fiscal_year", "core_project_num"], ascending=[False, True])
        return out.reset_index(drop=True)


def _get(record: Mapping[str, Any], *path: str) -> Any:
    value: Any = record
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _filter_records(
    records: Iterable[Mapping[str, Any]], query: ProjectQuery
) -> list[Mapping[str, Any]]:
    """Apply a query's year, place and activity filters to records already in hand.

    A criterion is applied only where the record has the field: a record missing it is kept,
    so records captured with fewer fields are not silently lost. Text is not re-searched (the
    ranker scores it).
    """
    years = set(query.fiscal_years)
    states = {s.upper() for s in query.org_states}
    cities = {c.casefold() for c in query.org_cities}
    names = [n.casefold() for n in query.org_names]
    codes = {c.upper() for c in query.activity_codes}
    kept = []
    for rec in records:
        fy = rec.get("fiscal_year")
        outside = bool(years) and fy is not None and int(fy) not in years
        if outside and not (query.include_active and rec.get("is_active") is True):
            continue
        state = _get(rec, "organization", "org_state")
        if states and isinstance(state, str) and state.upper() not in states:
            continue
        city = _get(rec, "organization", "org_city")
        if cities and isinstance(city, str) and city.casefold() not in cities:
            continue
        org = _get(rec, "organization", "org_name")
        if names and isinstance(org, str) and not any(n in org.casefold() for n in names):
            continue
        code = rec.get("activity_code")
        if codes and isinstance(code, str) and code.upper() not in codes:
            continue
        kept.append(rec)
    return kept


def find_mentors(
    specialty: str,
    *,
    skills: str | Iterable[str] = (),
    track: str = "any",
    years: int | Iterable[int] | None = None,
    states: Iterable[str] = (),
    cities: Iterable[str] = (),
    institutions: Iterable[str] = (),
    activity_codes: Iterable[str] | None = None,
    active_only: bool = False,
    client: ReporterClient | None = None,
    records: Iterable[Mapping[str, Any]] | None = None,
    as_of: date | None = None,
    weights: RankWeights | None = None,
    lexicon: Lexicon | None = None,
) -> MentorSearch:
    """Find and rank NIH-funded PIs as research mentors, in one call.

    Args:
        specialty: what the applicant typed ("cardiology", "cards", "OB/GYN"); an unknown
            specialty falls back to a vocabulary built from its words (see
            ``result.specialty.suggestions``).
        skills: "echo, R, chart review" or a list of skills.
        track: "clinical", "postdoc" or "any".
        years, states, cities, institutions, activity_codes: retrieval filters, as in
            :func:`default_query`.
        active_only: keep only PIs with at least one active grant on ``as_of``.
        client: the :class:`~reporter_finder.api.reporter.ReporterClient` to fetch with; one is
            created (and closed) when neither a client nor records are given.
        records: RePORTER project records already in hand (e.g. ``load_records(path)``);
            nothing is fetched, and the filters are applied to them where the fields exist.
        as_of: the date "active", months left and recency are judged on; default today.
        weights: ranking weights; default ``RankWeights()``.
        lexicon: the vocabulary; default the packaged one.

    Returns:
        A :class:`MentorSearch` with the ranked PIs and the tables behind them.

    Raises:
        QueryError: invalid filter values or track.
        ReporterError: fetching failed (see :class:`~reporter_finder.api.reporter.ReporterClient`).

    Example:
        >>> search = find_mentors("cardiology", skills="echo", track="clinical",
        ...                       records=load_records("cardiology.json"), as_of=date(2025, 6, 1))
        >>> search.top(5)[["rank", "pi_name", "why"]]
    """
    track = _validate_track(track)
    day = as_of or date.today()
    match = resolve_specialty(specialty, lexicon)
    resolved = tuple(resolve_skills(skills, lexicon)) if skills else ()
    query = default_query(
        match.specialty,
        years=years,
        states=states,
        cities=cities,
        institutions=institutions,
        activity_codes=activity_codes,
        today=day,
    )
    chosen: Sequence[Mapping[str, Any]]  # filtered records or fetched dicts
    if records is not None:
        queries: tuple[ProjectQuery, ...] = ()
        chosen = _filter_records(records, query)
    else:
        queries = split_query(query)
        chosen = fetch_records(queries, client)
    tables = build_tables(chosen, as_of=day)
    ranked = rank_pis(tables, match.specialty, resolved, track, weights=weights, as_of=day)
    if active_only and not ranked.empty:
        ranked = ranked[(ranked["n_active_grants"].fillna(0) > 0).to_numpy(dtype=bool)]
        ranked = ranked.reset_index(drop=True).assign(
            rank=pd.array(range(1, len(ranked) + 1), dtype="Int64")
        )
    return MentorSearch(
        ranked=ranked,
        tables=tables,
        specialty=match,
        skills=resolved,
        track=track,
        queries=queries,
        as_of=day,
    )


def fetch_records(
    queries: Iterable[ProjectQuery], client: ReporterClient | None = None
) -> list[dict[str, Any]]:
    """Run every query and merge the records on ``appl_id`` (first copy wins).

    The parts of a :func:`split_query` overlap (a project matching terms of two parts comes
    back twice), so merging on ``appl_id`` is what makes their union the original query's
    result. Records without an ``appl_id`` cannot be matched and are all kept, after the rest.

    Args:
        queries: the queries to run, e.g. ``split_query(default_query(...))``.
        client: the client to fetch with; without one, a default client is created and closed.

    Raises:
        ReporterError: any failure of the client.

    Example:
        >>> records = fetch_records(split_query(query), client)  # doctest: +SKIP
    """
    owned = client is None
    if client is None:
        from reporter_finder.api.reporter import ReporterClient

        client = ReporterClient()
    try:
        merged: dict[Any, dict[str, Any]] = {}
        unkeyed: list[dict[str, Any]] = []
        for query in queries:
            for record in client.iter_projects(query):
                appl_id = record.get("appl_id")
                if appl_id is None:
                    unkeyed.append(record)
                else:
                    merged.setdefault(appl_id, record)
        return [*merged.values(), *unkeyed]
    finally:
        if owned:
            client.close()


def relevant_grants(search: MentorSearch, *, active_only: bool = False) -> pd.DataFrame:
    """The grants of a mentor search that match the specialty, most relevant first.

    ``relevance`` is the best BM25 relevance (specialty terms, re-weighted by the skills) of
    any fiscal year of the grant: the same project score the PI ranking is built on. Records
    given to :func:`find_mentors` are not text-searched by RePORTER, so grants scoring 0 are
    dropped here.

    Returns:
        ``relevance`` then the ``GRANT_COLUMNS``; only active grants with ``active_only``.

    Example:
        >>> relevant_grants(find_mentors("cardiology")).head()  # doctest: +SKIP
    """
    tables = search.tables
    scored = score_projects(tables.projects, search.specialty.specialty, search.skills)
    best = scored.groupby("core_project_num")["relevance"].max()
    grants = tables.grants.assign(
        relevance=tables.grants["core_project_num"].map(best).astype("Float64").round(4)
    )
    keep = grants["relevance"].fillna(0) > 0
    if active_only:
        keep &= grants["is_active"].fillna(False)
    grants = grants[keep.to_numpy(dtype=bool)].sort_values(
        ["relevance", "last_fiscal_year", "core_project_num"], ascending=[False, False, True],
        kind="stable", na_position="last",
    )  # fmt: skip
    return grants.loc[:, ["relevance", *GRANT_COLUMNS]].reset_index(drop=True)


def pi_query(who: str | int) -> ProjectQuery:
    """The query for one PI's projects: by profile id when ``who`` is all digits, else by name.

    Example:
        >>> pi_query("8406715").pi_profile_ids
        (8406715,)
    """
    text = " ".join(str(who).split())
    if text.isdigit():
        return ProjectQuery(pi_profile_ids=(int(text),))
    return ProjectQuery(pi_names=(text,))


#: Columns of :func:`pi_grant_details`: the PI, then one row per grant, then its papers.
PI_DETAIL_COLUMNS: tuple[str, ...] = (
    "profile_id",
    "pi_name",
    "pi_title",
    "organization",
    "department",
    "core_project_num",
    "activity_code",
    "project_title",
    "first_fiscal_year",
    "last_fiscal_year",
    "latest_award_amount",
    "total_award_amount",
    "is_active",
    "role",
    "program_officers",
    "study_sections",
    "project_detail_url",
    "n_publications",
    "publications",
    "pubmed_urls",
)


def pi_grant_details(
    tables: Tables, pi_key: str, *, publications: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One PI in detail: one row per grant with the PI's details, role and papers, newest first.

    Args:
        tables: the tables holding the PI.
        pi_key: the PI (``tables.pis.pi_key``).
        publications: :func:`~reporter_finder.leads.publications.pi_publications` for this PI, most
            recent first; ``None`` when they were not looked up.

    Returns:
        :data:`PI_DETAIL_COLUMNS`. ``role`` is ``"contact PI"`` when the PI is contact PI on
        any record of the grant, else ``"PI (multi-PI)"``. ``publications`` lists the
        citations (``"Title — Journal Year (PMID n)"``) RePORTER links to the grant and
        ``pubmed_urls`` their PubMed pages, in the same order; without ``publications``,
        ``n_publications`` is ``<NA>`` and both lists are empty.

    Raises:
        KeyError: ``pi_key`` is not in ``tables.pis``.

    Example:
        >>> pi_grant_details(tables, "8406715")[["core_project_num", "role"]]  # doctest: +SKIP
    """
    people = tables.pis[tables.pis["pi_key"] == pi_key]
    if people.empty:
        raise KeyError(pi_key)
    person = people.iloc[0]
    links = tables.pi_grants[tables.pi_grants["pi_key"] == pi_key]
    contact = links.groupby("core_project_num")["is_contact_pi"].agg(
        lambda s: bool(s.fillna(False).any())
    )
    rows = tables.grants[tables.grants["core_project_num"].isin(contact.index)].copy()
    # bool(): the grouped values are numpy booleans, for which "is True" never holds.
    rows["role"] = [
        "contact PI" if bool(contact.get(num, False)) else "PI (multi-PI)"
        for num in rows["core_project_num"]
    ]
    for column in ("profile_id", "pi_name", "pi_title", "organization", "department"):
        rows[column] = person[column]
    cited: dict[str, list[tuple[str, str]]] = {}
    if publications is not None:
        mine = publications[publications["pi_key"].astype("string") == pi_key]
        for core, citation, pmid in zip(
            mine["core_project_num"], mine["citation"], mine["pmid"], strict=True
        ):
            url = PUBMED_URL_TEMPLATE.format(pmid=int(pmid))
            cited.setdefault(str(core), []).append((str(citation), url))
    numbers = [str(num) for num in rows["core_project_num"]]
    rows["n_publications"] = pd.array(
        [None if publications is None else len(cited.get(n, [])) for n in numbers], dtype="Int64"
    )
    rows["publications"] = [[c for c, _ in cited.get(n, [])] for n in numbers]
    rows["pubmed_urls"] = [[u for _, u in cited.get(n, [])] for n in numbers]
    rows = rows.sort_values(["last_fiscal_year", "core_project_num"], ascending=[False, True])
    return rows.loc[:, list(PI_DETAIL_COLUMNS)].reset_index(drop=True)
