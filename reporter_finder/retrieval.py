"""Retrieval: what to ask RePORTER for a specialty, and getting those records.

:func:`default_query` is the retrieval default (the specialty's core terms in title and
abstract, mentor-eligible activity codes, the last five fiscal years plus active projects);
:func:`split_query` cuts a long OR-list into queries RePORTER accepts; :func:`fetch_records`
runs them and merges the results; :func:`filter_records` applies the same filters to records
already in hand. :mod:`reporter_finder.search` builds on these; callers who fetch themselves can
use them directly.

Example:
    >>> query = default_query(resolve_specialty("cardiology").specialty)
    >>> records = fetch_records(split_query(query), client)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from reporter_finder.api.criteria import quote_term
from reporter_finder.api.limits import DEFAULT_SEARCH_FIELDS
from reporter_finder.api.query import ProjectQuery
from reporter_finder.dates import nih_fiscal_year
from reporter_finder.errors import QueryError
from reporter_finder.rank.lexicon import Specialty
from reporter_finder.tables.clean import to_int
from reporter_finder.tables.projects import as_records
from reporter_finder.vocabularies import INTRAMURAL_ACTIVITY_CODES

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.api.reporter import Records, ReporterClient

__all__ = [
    "DEFAULT_YEARS",
    "MAX_SEARCH_TEXT",
    "MENTOR_ACTIVITY_CODES",
    "default_query",
    "fetch_records",
    "filter_records",
    "split_query",
]

#: Activity codes of awards whose PI can host a research fellow (NIH activity-code list,
#: grants.nih.gov/funding/activity-codes). Included: research projects (R01, R21, R35…),
#: cooperative agreements (U01, UG3/UH3, UM1…), programme/centre grants (P01, P30, P50, U54…),
#: career-development awards (K01–K99/R00; junior ones are shown as near-peer mentors),
#: mentoring and training awards (K24, K26, T32, T35, TL1, KL2, K12, R25, D43, D71) and NIH
#: Director's awards (DP1, DP2, DP5). Left out on purpose: individual fellowships (F30–F33,
#: F99 — the PI is a trainee), small-business awards (R41–R44, U43/U44, SB1 — companies),
#: contracts (N01, N02…) and NIH intramural projects (ZIA, ZIC…: their labs do take foreign
#: postdocs, through the NIH Visiting Fellow program, but they are not grants one applies to a
#: university for; ``intramural=True`` / ``--intramural`` adds
#: :data:`~reporter_finder.vocabularies.INTRAMURAL_ACTIVITY_CODES`).
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
            raise QueryError(f"years must be at least 1, not {years}")
        return tuple(range(current - years + 1, current + 1))
    try:
        return tuple(sorted({int(y) for y in years}))
    except (TypeError, ValueError) as err:
        raise QueryError(f"years must be whole fiscal years, not {years!r}") from err


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
    intramural: bool = False,
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
        intramural: also search NIH intramural projects
            (:data:`~reporter_finder.vocabularies.INTRAMURAL_ACTIVITY_CODES`, added to the activity
            codes, default or given); their PIs are flagged "NIH intramural: Visiting Fellow
            program".

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
    text, terms = _search_text(specialty)
    codes = tuple(MENTOR_ACTIVITY_CODES if activity_codes is None else activity_codes)
    if intramural:
        codes = tuple(dict.fromkeys((*codes, *INTRAMURAL_ACTIVITY_CODES)))
    return ProjectQuery(
        text=text,
        terms=terms,
        operator="advanced" if text else "or",
        search_fields=DEFAULT_SEARCH_FIELDS,
        fiscal_years=_fiscal_years(years, day),
        include_active=include_active,
        org_states=tuple(states),
        org_cities=tuple(cities),
        org_names=tuple(institutions),
        activity_codes=codes,
        exclude_subprojects=True,
    )


def _search_text(specialty: Specialty) -> tuple[str | None, tuple[str, ...]]:
    """``(text, terms)`` of the query for a specialty: what must match, and the OR-list.

    A specialty composed with a modifier needs one of the modifier's terms *and* one of its
    own (``text`` is the modifier's OR-list, ANDed with ``terms``). A phrase matches as the
    exact phrase or all its content words; a specialty, as any of its core terms.
    """
    terms = tuple(dict.fromkeys(specialty.core_terms)) or (specialty.name,)
    if specialty.must_match_all:
        phrase, words = terms[0], specialty.must_match_all
        forms = specialty.word_forms or tuple(() for _ in words)
        every = " AND ".join(
            f"({' OR '.join(_quoted(f) for f in (word, *others))})" if others else quote_term(word)
            for word, others in zip(words, forms, strict=True)
        )
        return f'"{phrase}" OR ({every})', ()
    if specialty.must_match_any:
        return " OR ".join(_quoted(term) for term in specialty.must_match_any), terms
    return None, terms


def _quoted(term: str) -> str:
    return f'"{term}"' if " " in term else quote_term(term)


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


def _get(record: Mapping[str, Any], *path: str) -> Any:
    value: Any = record
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def filter_records(
    records: Iterable[Mapping[str, Any]], query: ProjectQuery
) -> list[Mapping[str, Any]]:
    """Apply a query's year, place and activity filters to records already in hand.

    A criterion is applied only where the record has the field: a record missing it is kept,
    so records captured with fewer fields are not silently lost. A fiscal year that cannot be
    read counts as missing (the table builder reads it the same way). Text is not re-searched
    (the ranker scores it).

    Raises:
        DataFormatError: an item of ``records`` is not a mapping.
    """
    years = set(query.fiscal_years)
    states = {s.upper() for s in query.org_states}
    cities = {c.casefold() for c in query.org_cities}
    names = [n.casefold() for n in query.org_names]
    codes = {c.upper() for c in query.activity_codes}
    kept = []
    for rec in as_records(records):
        fy = to_int(rec.get("fiscal_year"))
        outside = bool(years) and fy is not None and fy not in years
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


def fetch_records(
    queries: Iterable[ProjectQuery],
    client: ReporterClient | None = None,
    *,
    allow_partial: bool = False,
) -> Records:
    """Run every query and merge the records on ``appl_id`` (first copy wins).

    The parts of a :func:`split_query` overlap (a project matching terms of two parts comes
    back twice), so merging on ``appl_id`` is what makes their union the original query's
    result. Records without an ``appl_id`` cannot be matched and are all kept, after the rest.

    Args:
        queries: the queries to run, e.g. ``split_query(default_query(...))``.
        client: the client to fetch with; without one, a default client is created and closed.
        allow_partial: keep going when a part cannot be proven complete; the problems are in
            the result's ``incomplete`` (empty when the result is whole).

    Returns:
        The records, a list whose ``incomplete`` attribute lists what could not be proven.

    Raises:
        IncompleteResultError: a part could not be proven complete (unless ``allow_partial``).
        ReporterError: any other failure of the client.

    Example:
        >>> records = fetch_records(split_query(query), client)  # doctest: +SKIP
    """
    from reporter_finder.api.reporter import Records

    owned = client is None
    if client is None:
        from reporter_finder.api.reporter import ReporterClient

        client = ReporterClient()
    try:
        merged: dict[Any, dict[str, Any]] = {}
        unkeyed: list[dict[str, Any]] = []
        incomplete = []
        for query in queries:
            fetched = client.fetch_projects(query, allow_partial=allow_partial)
            incomplete.extend(fetched.incomplete)
            for record in fetched:
                appl_id = record.get("appl_id")
                try:
                    if appl_id is not None:
                        merged.setdefault(appl_id, record)
                        continue
                except TypeError:  # unhashable (a list): cannot be matched either
                    pass
                unkeyed.append(record)
        result = Records([*merged.values(), *unkeyed])
        result.incomplete.extend(incomplete)
        return result
    finally:
        if owned:
            client.close()
