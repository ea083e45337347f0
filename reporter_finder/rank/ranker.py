"""Rank principal investigators as research mentors for a target specialty, skills and track.

The model is document-centric expert finding (Balog's "Model 2", see
the team's ranking notes §2 and §7): every project is scored against the query, then the
scores are aggregated to the PIs on the project, and mentor priors re-rank the topically
relevant PIs. :func:`rank_pis` composes one stage per module:

1. **Project relevance** (:mod:`~reporter_finder.rank.relevance`): BM25 of the specialty and
   skill vocabularies over each project's text.
2. **PI text score** (:mod:`~reporter_finder.rank.aggregate`): best ``top_k`` grants per PI,
   weighted by role and recency, plus a breadth bonus; normalised to the best in the pool.
3. **Mentor prior** (:mod:`~reporter_finder.rank.priors`): active funding, mechanism,
   mentoring awards, funding, department, track fit, seniority and whether the PI can pay the
   applicant (``funding_for_you``; NRSA awards cannot pay a visa holder); missing data is
   neutral.
4. **Final** ``score = relevance × (1 + prior) / (1 + max prior)``, in [0, 1]. The prior
   re-orders topically relevant PIs and never lifts an off-topic one: PIs below
   ``min_text_score`` relevance are not ranked at all.
5. **Explanation** (:mod:`~reporter_finder.rank.explain`): top grant, matched terms and
   skills, flags, track fit and a one-line ``why``.
6. **Mentor sanity** (``docs/ranking.md``): PIs at for-profit organisations are left out
   unless ``include_companies``; a trainee title multiplies the score by
   ``trainee_title_factor``; the co-PIs of one multi-PI grant are shown once
   (:func:`~reporter_finder.rank.aggregate.group_co_pis`).

Ties are broken by score (descending), then ``profile_id`` (ascending, missing last), then
``pi_key``. Everything here is pure: no I/O, inputs are never modified, outputs have a fixed
column schema and empty input gives an empty frame with that schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from reporter_finder.rank.aggregate import (
    TextScores,
    grant_facts,
    grant_relevance,
    group_co_pis,
    pi_grant_contributions,
    pi_text_scores,
    select_pis,
)
from reporter_finder.rank.explain import explain
from reporter_finder.rank.priors import Priors, company_reasons, mentor_priors
from reporter_finder.rank.relevance import score_projects
from reporter_finder.rank.weights import RankWeights
from reporter_finder.schema import (
    EMAIL_LEAD_COLUMNS,
    RANK_COLUMNS,
    TRIAL_LEAD_COLUMNS,
    empty_frame,
    frame,
)
from reporter_finder.vocabularies import normalise_track, normalise_visa

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.rank.lexicon import Skill, Specialty
    from reporter_finder.tables.build import Tables

__all__ = ["RankWeights", "final_score", "in_rank_order", "rank_pis"]


def final_score(relevance: pd.Series, priors: Priors, w: RankWeights) -> pd.Series:
    """``relevance × (1 + prior) / (1 + max prior)``, times ``trainee_title_factor`` for a PI
    whose title says trainee; in [0, 1] for non-negative priors."""
    factor = np.where(priors.trainee.reindex(relevance.index, fill_value=False),
                      w.trainee_title_factor, 1.0)  # fmt: skip
    return relevance * (1.0 + priors.total) / (1.0 + w.max_prior) * factor


def _rounded(values: pd.Series, decimals: int) -> np.ndarray:
    return np.round(values.to_numpy(dtype=float), decimals)


# Columns copied from the ``pis`` table: text ones as Python objects, numbers as they are.
_PEOPLE_TEXT = ("pi_name", "pi_title", "organization", "department", "city", "state")
_PEOPLE_NUMBERS = ("n_grants", "n_active_grants", "active_funding", "last_fiscal_year")


def _lead_frame(
    people: pd.DataFrame,
    score: pd.Series,
    text: TextScores,
    priors: Priors,
    reasons: dict[str, list[Any]],
    listing: dict[str, Any],
) -> pd.DataFrame:
    """The ranked PIs' columns, unordered: who they are, the score components, the reasons
    and the ``listing`` columns (:func:`_listing_columns`)."""
    chosen = people.index
    return pd.DataFrame(
        {
            "score": _rounded(score, 4),
            **{c: people[c].astype("object").to_numpy() for c in _PEOPLE_TEXT},
            "profile_id": people["profile_id"].to_numpy(),
            **{c: people[c].to_numpy() for c in _PEOPLE_NUMBERS},
            "activity_codes": [
                list(v) if isinstance(v, list) else [] for v in people["activity_codes"]
            ],
            "pi_key": list(chosen),
            "text_score": _rounded(text.text.reindex(chosen), 4),
            "relevance": _rounded(text.relevance.reindex(chosen), 4),
            "prior": _rounded(priors.total, 4),
            "prior_active": _rounded(priors.active, 4),
            "prior_mechanism": priors.mechanism.to_numpy(dtype=float),
            "prior_mentoring": priors.mentoring.to_numpy(dtype=float),
            "prior_funding": _rounded(priors.funding, 4),
            "prior_department": priors.department.to_numpy(dtype=float),
            "prior_seniority": priors.seniority.to_numpy(dtype=float),
            "prior_track": _rounded(priors.track, 4),
            "months_left": _rounded(priors.months_left, 1),
            **_pay_columns(priors, chosen),
            # Publications and addresses are looked up after ranking, for the top PIs only
            # (leads.publications, leads.emails): until then "not looked up", never 0.
            **{c: [None] * len(chosen) for c in EMAIL_LEAD_COLUMNS},
            "n_publications": [None] * len(chosen),
            "recent_publications": [[] for _ in chosen],
            # Filled for the top of a ranking by leads.trials (issue #17): not looked up yet.
            **{c: [None] * len(chosen) for c in TRIAL_LEAD_COLUMNS if c != "trial_nct_ids"},
            "trial_nct_ids": [[] for _ in chosen],
            "co_pis": [[] for _ in chosen],  # filled by group_co_pis
            **reasons,
            **listing,
        }
    )


def _listing_columns(links: pd.DataFrame, chosen: pd.Index, day: date) -> dict[str, Any]:
    """When the ranking was made and each PI's newest record, so that a later ``--since`` run
    can tell what is new (:mod:`reporter_finder.leads.since`); ``new_pi`` and ``new_awards``
    stay empty until such a run fills them."""
    newest = links.groupby("pi_key")["appl_id"].max().reindex(chosen)
    return {
        "listed_on": [day.isoformat()] * len(chosen),  # parsed to a date by schema.frame
        "newest_appl_id": newest.to_numpy(),
        "new_pi": [None] * len(chosen),
        "new_awards": [[] for _ in chosen],
    }


def _pay_columns(priors: Priors, chosen: pd.Index) -> dict[str, Any]:
    """``funding_for_you``, its component and the hiring signals (issue #15)."""
    pay = priors.pay
    if pay is None:  # hand-built priors: nothing known
        return {}
    return {
        "funding_for_you": pay.funding_for_you.reindex(chosen).to_numpy(),
        "prior_funding_for_you": _rounded(pay.prior.reindex(chosen), 4),
        # Set later, for the top of a clinical-track ranking (rank.trials): none yet.
        "prior_trial": np.zeros(len(chosen)),
        "n_active_research_grants": pay.n_active_research.reindex(chosen).to_numpy(),
        "newest_award_date": pay.newest_award_date.reindex(chosen).to_numpy(),
        "new_or_renewed_last_12_months": pay.new_award.reindex(chosen).to_numpy(),
    }


def in_rank_order(out: pd.DataFrame) -> pd.DataFrame:
    """``out`` sorted best first (score, then profile_id with missing last, then pi_key),
    numbered 1..n, as :data:`~reporter_finder.schema.RANK_COLUMNS`."""
    out = out.assign(_pid=out["profile_id"].astype("Float64").fillna(np.inf).astype(float))
    out = out.sort_values(
        ["score", "_pid", "pi_key"], ascending=[False, True, True], kind="stable"
    ).drop(columns="_pid")
    out["rank"] = np.arange(1, len(out) + 1)
    return frame({c: out[c].to_numpy() for c in RANK_COLUMNS}, RANK_COLUMNS)


def rank_pis(
    tables: Tables,
    specialty: Specialty,
    skills: Iterable[Skill] = (),
    track: str = "any",
    *,
    weights: RankWeights | None = None,
    as_of: date | None = None,
    include_companies: bool = False,
    visa: str | None = None,
) -> pd.DataFrame:
    """Rank the PIs of ``tables`` as mentors for a specialty, skills and track.

    Args:
        tables: the four tables from :func:`reporter_finder.tables.build_tables`. Not modified.
        specialty: the specialty (:func:`~reporter_finder.rank.resolve.resolve_specialty`).
        skills: the applicant's skills; they re-rank within the specialty and set the
            orientation for track "any".
        track: "clinical" (patient-oriented research fellow), "postdoc" (bench, translational
            or computational) or "any".
        weights: the :class:`RankWeights`; default ``RankWeights()``.
        as_of: the date recency and months left are judged on; default ``tables.as_of``.
        include_companies: also rank PIs at for-profit organisations (flagged "company (…)"
            in ``mentor_flags``); by default they are left out. Either way, no other PI's
            score changes (relevance is normalised over the whole pool).
        visa: the applicant's visa, one of :data:`~reporter_finder.vocabularies.VISAS`; ``None``
            (default): no visa constraint. Any visa but "none" means Kirschstein-NRSA awards
            (T32, T35, TL1, T90, F-awards) cannot pay the applicant: they earn no active,
            funding, mentoring or ``funding_for_you`` credit and ``mentor_flags``/``why`` say
            so ("T32 (NRSA): cannot pay trainees on a J-1 or H-1B visa"); the PI may still rank
            through research grants.

    Returns:
        One row per ranked PI, best first, with ``schema.LEAD_COLUMNS`` then ``pi_key`` and the
        score components (:data:`~reporter_finder.schema.RANK_COLUMNS`). ``score`` is in
        [0, 1] (4 decimals); ``rank`` is 1..n. ``track_fit`` is "strong" / "partial" / "weak"
        for the clinical and postdoc tracks (and for "any" when the skills have an
        orientation), "clinical" / "basic" / "mixed" describing the PI for "any" otherwise,
        and "unknown" when no grant text says. ``why`` is one readable line. A PI whose title
        says trainee is flagged "trainee title" and demoted (``trainee_title_factor``). With
        ``weights.group_co_pis`` (default) co-PIs of a shared grant are folded into one row
        and named in ``co_pis`` (:func:`~reporter_finder.rank.aggregate.group_co_pis`).

    Raises:
        QueryError: for an unknown track or visa.

    Example:
        >>> ranked = rank_pis(tables, cardiology, resolve_skills("echo, R"), track="clinical")
        >>> ranked[["rank", "pi_name", "score", "why"]].head()
    """
    track = normalise_track(track)
    visa = normalise_visa(visa)
    w = weights or RankWeights()
    skills = tuple(skills)
    day = as_of or tables.as_of
    projects, pis, links = tables.projects, tables.pis, tables.pi_grants
    if projects.empty or pis.empty or links.empty:
        return empty_frame(RANK_COLUMNS)

    # 1. score grants
    scored = score_projects(projects, specialty, skills, weights=w)
    core = grant_relevance(projects, scored, w, day)
    if core is None:
        return empty_frame(RANK_COLUMNS)
    # 2. aggregate per PI
    facts = grant_facts(tables.grants, day)
    lk = pi_grant_contributions(links, core, facts, w)
    text = pi_text_scores(lk, w)
    if text is None:
        return empty_frame(RANK_COLUMNS)
    chosen = select_pis(lk, text, w)
    if len(chosen) == 0:
        return empty_frame(RANK_COLUMNS)
    lk = lk[lk["pi_key"].isin(chosen)]
    people = pis.drop_duplicates("pi_key").set_index("pi_key").reindex(chosen)
    if not include_companies:
        # After scoring, so that including them changes no one else's relevance.
        companies = company_reasons(lk, people, w)
        if companies:
            chosen = chosen[~chosen.isin(list(companies))]
            if len(chosen) == 0:
                return empty_frame(RANK_COLUMNS)
            lk = lk[lk["pi_key"].isin(chosen)]
            people = people.reindex(chosen)
    # 3. priors
    priors = mentor_priors(lk, people, specialty, skills, track, w, visa=visa, day=day)
    score = final_score(text.relevance.reindex(chosen), priors, w)
    # 4. explain
    reasons = explain(lk, core, facts, priors, skills, track, w)
    listing = _listing_columns(links, chosen, day)
    ranked = in_rank_order(_lead_frame(people, score, text, priors, reasons, listing))
    # 5. one row per group of co-PIs
    return group_co_pis(ranked, lk) if w.group_co_pis else ranked
