"""The one-call facade: from "cardiology, echo + R, clinical track" to a ranked PI table.

:func:`find_mentors` resolves the specialty and skills against the lexicon, fetches the
projects RePORTER holds for the specialty's vocabulary (or filters records you already have),
builds the four tables and ranks the PIs, and returns a :class:`MentorSearch` that can explain
a PI's rank and save the lead list. What is asked of RePORTER is :mod:`reporter_finder.retrieval`.

Example:
    >>> from reporter_finder import find_mentors
    >>> search = find_mentors("cardiology", skills="echo, R", track="clinical", states=["MD"])
    >>> search.top(10)[["rank", "pi_name", "organization", "why"]]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from reporter_finder.api.query import ProjectQuery
from reporter_finder.errors import IncompleteResultError, NotFoundError, partial_note
from reporter_finder.rank.lexicon import Lexicon, Skill
from reporter_finder.rank.ranker import rank_pis
from reporter_finder.rank.relevance import score_projects
from reporter_finder.rank.resolve import SpecialtyMatch, resolve_skills, resolve_specialty
from reporter_finder.rank.weights import RankWeights
from reporter_finder.retrieval import default_query, fetch_records, filter_records, split_query
from reporter_finder.schema import COMPONENT_COLUMNS, GRANT_COLUMNS, PAY_LEAD_COLUMNS
from reporter_finder.tables.build import Tables, build_tables
from reporter_finder.vocabularies import normalise_track, normalise_visa

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.api.reporter import ReporterClient

__all__ = ["EXPLAIN_FIELDS", "MentorSearch", "find_mentors", "relevant_grants"]


def _is_pi(frame: pd.DataFrame, pi: str | int) -> np.ndarray:
    """Rows of ``frame`` (with ``pi_key`` and ``profile_id``) that are the PI ``pi``."""
    key = str(pi)
    mask = frame["pi_key"].eq(key).fillna(False)
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if isinstance(pi, int) or key.isdecimal():
        mask |= frame["profile_id"].eq(int(key)).fillna(False)
    return mask.to_numpy(dtype=bool)


#: What :meth:`MentorSearch.explain` shows: who, the rank and its reasons, then the score parts.
EXPLAIN_FIELDS: tuple[str, ...] = (
    "pi_key", "profile_id", "pi_name", "organization", "rank", "score", "why", "track_fit",
    "matched_terms", "matched_skills", "mentor_flags", "top_grant_number", "top_grant_title",
    *PAY_LEAD_COLUMNS,
    *(column for column in COMPONENT_COLUMNS if column != "pi_key"),
)  # fmt: skip


@dataclass(frozen=True)
class MentorSearch:
    """The result of :func:`find_mentors`: the ranking, what it was built from, and how to
    save or explain it.

    Attributes:
        ranked: the ranked PIs (:data:`~reporter_finder.schema.RANK_COLUMNS`), best first.
        tables: the projects, grants, PIs and PI–grant links behind the ranking.
        specialty: how the specialty text was resolved (``.is_known``, ``.suggestions``).
        skills: the resolved skills.
        track: "clinical", "postdoc" or "any".
        queries: the queries sent to RePORTER: :attr:`query`, split when its text is long
            (empty when records were given).
        as_of: the date activity and recency were judged on.
        query: the retrieval query (:func:`default_query` with the search's filters); when
            records were given it was not sent, its filters were applied to them instead.
        incomplete: what could not be proven complete when a partial result was allowed
            (``find_mentors(..., allow_partial=True)``); empty for a whole result.
        visa: the applicant's visa the ranking judged NRSA awards for (None: no constraint).

    Example:
        >>> search = find_mentors("cardiology", records=load_records("cardio.json"))
        >>> search.explain(search.top(1)["pi_key"].iloc[0])[["score", "why"]]  # doctest: +SKIP
        >>> search.to_excel("leads.xlsx", top=50)  # doctest: +SKIP
    """

    ranked: pd.DataFrame
    tables: Tables
    specialty: SpecialtyMatch
    skills: tuple[Skill, ...]
    track: str
    queries: tuple[ProjectQuery, ...]
    as_of: date
    query: ProjectQuery
    incomplete: tuple[IncompleteResultError, ...] = ()
    visa: str | None = None

    @property
    def partial_note(self) -> str | None:
        """One line saying the result is partial and why, or None when it is whole."""
        return partial_note(self.incomplete)

    @property
    def grants(self) -> pd.DataFrame:
        """The grants table behind the ranking (``tables.grants``)."""
        return self.tables.grants

    @property
    def projects(self) -> pd.DataFrame:
        """The projects table behind the ranking (``tables.projects``)."""
        return self.tables.projects

    def top(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` best-ranked PIs."""
        return self.ranked.head(n)

    def pi(self, pi: str | int) -> pd.DataFrame:
        """The grants (``grants`` table rows) of one PI, by ``pi_key`` or ``profile_id``.

        Adds ``is_contact_pi`` (contact PI on any of the grant's records) and sorts the grants
        by last fiscal year, newest first. Unknown PI: an empty frame with those columns.
        """
        links = self.tables.pi_grants
        mine = links[_is_pi(links, pi)]
        contact = mine.groupby("core_project_num")["is_contact_pi"].agg(
            lambda s: bool(s.fillna(False).any())
        )
        grants = self.tables.grants
        out = grants[grants["core_project_num"].isin(contact.index)]
        out = out.assign(
            is_contact_pi=out["core_project_num"].map(contact).astype("boolean")
        ).sort_values(["last_fiscal_year", "core_project_num"], ascending=[False, True])
        return out.reset_index(drop=True)

    def explain(self, pi: str | int) -> pd.Series:
        """Why one PI ranks where they do: the reasons and every score component.

        Args:
            pi: the PI's ``pi_key`` or RePORTER ``profile_id``.

        Returns:
            A Series named after the PI, indexed by :data:`EXPLAIN_FIELDS`: rank, score,
            ``why`` and the matched terms, then ``text_score``, ``relevance``, ``prior`` and
            each weighted ``prior_*`` part (see :data:`~reporter_finder.schema.COMPONENT_COLUMNS`).

        Raises:
            NotFoundError: ``pi`` is not in the ranking (the message says whether the PI is
                in the tables at all).
        """
        hits = self.ranked[_is_pi(self.ranked, pi)] if len(self.ranked) else self.ranked
        if hits.empty:
            pis = self.tables.pis
            if len(pis) and _is_pi(pis, pi).any():
                row = pis[_is_pi(pis, pi)].iloc[0]
                raise NotFoundError(
                    f"PI {pi!r} is in the search's tables but not in its ranking",
                    hint=self._why_absent(str(row["pi_name"]), row.get("profile_id")),
                )
            raise NotFoundError(
                f"no PI with pi_key or profile id {pi!r} in this search",
                hint="look a PI up by name with find_pi(search.tables.pis, name)",
            )
        row = hits.iloc[0]
        return row.loc[list(EXPLAIN_FIELDS)].rename(row["pi_name"])

    def _why_absent(self, name: str, profile_id: Any) -> str:
        """Why a PI of the tables has no row: folded into a co-PI's row, or no match."""
        if not pd.isna(profile_id):
            item = f"({int(profile_id)})"
            for key, members in zip(self.ranked["pi_key"], self.ranked["co_pis"], strict=True):
                if isinstance(members, list) and any(str(m).endswith(item) for m in members):
                    return f"{name} is named in the row of {key} (co-PIs of one grant share a row)"
        return (
            "none of their grants matched the specialty, or the search left them out (a "
            "for-profit organisation without include_companies, or active_only); see "
            "search.pi(...) for their grants"
        )

    def to_csv(self, path: str | os.PathLike[str], *, top: int | None = None) -> int:
        """Write the lead list (``lead_list`` columns) as CSV, as ``search -o leads.csv`` does.

        Publications are not looked up here, so their columns are empty; ``path`` ``"-"`` is
        stdout. Returns the number of PIs written.

        Raises:
            InvalidArgumentError: ``top`` is negative.
            OSError: the file cannot be written (nothing is left behind at ``path``).
        """
        return self._write(path, "csv", top)

    def to_excel(self, path: str | os.PathLike[str], *, top: int | None = None) -> int:
        """Write the lead list as an Excel workbook (.xlsx), as ``search -o leads.xlsx`` does.

        Same columns and rules as :meth:`to_csv`. Returns the number of PIs written.

        Raises:
            InvalidArgumentError: ``top`` is negative.
            OSError: the file cannot be written (nothing is left behind at ``path``).
        """
        return self._write(path, "xlsx", top)

    def _write(self, path: str | os.PathLike[str], fmt: str, top: int | None) -> int:
        # lead_list checks ``top`` (InvalidArgumentError when negative). Data flows
        # api → tables → rank → search → leads, so search never imports leads at module
        # level; this lazy import, inside the one method that writes, is the accepted
        # exception (and keeps openpyxl out of every search).
        from reporter_finder.leads.export import write_leads
        from reporter_finder.leads.listing import lead_list

        return write_leads(lead_list(self.ranked, top=top), path, fmt, partial=self.partial_note)


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
    allow_partial: bool = False,
    include_companies: bool = False,
    visa: str | None = None,
    intramural: bool = False,
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
        allow_partial: keep what was fetched when a part of the result cannot be proven
            complete, instead of raising; ``result.incomplete`` then says what is missing.
        as_of: the date "active", months left and recency are judged on; default today.
        weights: ranking weights; default ``RankWeights()``.
        lexicon: the vocabulary; default the packaged one.
        include_companies: also rank PIs at for-profit organisations, flagged "company (…)" in
            ``mentor_flags``; by default they are left out (see
            :func:`~reporter_finder.rank.ranker.rank_pis`).
        visa: the applicant's visa, one of :data:`~reporter_finder.vocabularies.VISAS` ("none",
            "J-1", "H-1B", "F-1", "other"; case and hyphens are ignored); ``None`` (default):
            no visa constraint. With a visa, Kirschstein-NRSA awards (T32, TL1, F-awards…)
            earn no credit and the row says why (see
            :func:`~reporter_finder.rank.ranker.rank_pis`).
        intramural: also search NIH intramural (ZIA…) projects, flagged "NIH intramural:
            Visiting Fellow program" (:func:`~reporter_finder.retrieval.default_query`).

    Returns:
        A :class:`MentorSearch` with the ranked PIs and the tables behind them.

    Raises:
        QueryError: invalid filter values, track or visa.
        DataFormatError: an item of ``records`` is not a project record (a mapping).
        IncompleteResultError: the result could not be proven complete (see
            ``allow_partial``).
        FilterIgnoredError: RePORTER ignored a criterion it was sent.
        ReporterError: fetching failed (see :class:`~reporter_finder.api.reporter.ReporterClient`).

    Example:
        >>> search = find_mentors("cardiology", skills="echo", track="clinical",
        ...                       records=load_records("cardiology.json"), as_of=date(2025, 6, 1))
        >>> search.top(5)[["rank", "pi_name", "why"]]
    """
    track = normalise_track(track)
    visa = normalise_visa(visa)
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
        intramural=intramural,
    )
    chosen: Sequence[Mapping[str, Any]]  # filtered records or fetched dicts
    incomplete: tuple[IncompleteResultError, ...] = ()
    if records is not None:
        queries: tuple[ProjectQuery, ...] = ()
        chosen = filter_records(records, query)
    else:
        queries = split_query(query)
        fetched = fetch_records(queries, client, allow_partial=allow_partial)
        chosen, incomplete = fetched, tuple(fetched.incomplete)
    tables = build_tables(chosen, as_of=day)
    ranked = rank_pis(tables, match.specialty, resolved, track, weights=weights, as_of=day,
                      include_companies=include_companies, visa=visa)  # fmt: skip
    if active_only:
        ranked = _active_only(ranked)
    return MentorSearch(
        ranked=ranked, tables=tables, specialty=match, skills=resolved, track=track,
        queries=queries, as_of=day, query=query, incomplete=incomplete, visa=visa,
    )  # fmt: skip


def _active_only(ranked: pd.DataFrame) -> pd.DataFrame:
    """The PIs with an active grant, renumbered 1..n."""
    if ranked.empty:
        return ranked
    ranked = ranked[(ranked["n_active_grants"].fillna(0) > 0).to_numpy(dtype=bool)]
    return ranked.reset_index(drop=True).assign(
        rank=pd.array(range(1, len(ranked) + 1), dtype="Int64")
    )


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
