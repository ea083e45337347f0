"""Project relevance aggregated to PIs: the document-centric expert-finding step.

Step 2 of the ranking (the team's ranking notes §2 and §7, Balog's "Model 2"). Per distinct
``core_project_num``: the best fiscal year's relevance, divided by a pool reference (a high
quantile) and capped at 1 so that one mega-abstract cannot dominate, times the role weight
(contact PI 1.0, other multi-PI 0.6) and a recency decay ``exp(−years since the last fiscal
year / 3)``. A PI's text score is the sum of their best ``top_k`` (3) grants plus
``λ·log(1 + n matching grants)``; volume beyond that earns only the logarithmic breadth bonus.
``relevance`` = text score / best text score in the pool.

Each function is one stage, takes frames and returns new ones; none modifies its input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from reporter_finder.dates import DAYS_PER_MONTH, nih_fiscal_year
from reporter_finder.rank.weights import RankWeights

__all__ = [
    "TextScores",
    "grant_facts",
    "grant_relevance",
    "pi_grant_contributions",
    "pi_text_scores",
    "select_pis",
]


def grant_relevance(
    projects: pd.DataFrame, scored: pd.DataFrame, w: RankWeights, day: date
) -> pd.DataFrame | None:
    """Per core project: its best fiscal year's relevance, normalised, and its recency decay.

    Args:
        projects: the ``projects`` table (``fiscal_year`` is read), row-aligned with ``scored``.
        scored: :func:`reporter_finder.rank.relevance.score_projects` of ``projects``.
        w: the weights (``relevance_quantile``, ``min_project_relevance``, ``recency_years``).
        day: the date recency is judged on.

    Returns:
        Indexed by ``core_project_num``: ``rel`` (best fiscal year), ``clinical``/``basic``
        (cue counts, max over years), ``last_fy``, ``terms``/``skill_terms`` (matched on the
        best year), ``rel_norm`` (``rel`` / pool quantile, capped at 1), ``matching``
        (``rel_norm`` ≥ ``min_project_relevance``) and ``decay``. ``None`` when no project has
        a core number or none is relevant at all.
    """
    rows = pd.DataFrame(
        {
            "core": scored["core_project_num"].astype("object"),
            "rel": scored["relevance"].to_numpy(dtype=float, na_value=0.0),
            "fy": projects["fiscal_year"].to_numpy(dtype=float, na_value=np.nan),
            "clinical": scored["clinical_signal"].to_numpy(dtype=float, na_value=0.0),
            "basic": scored["basic_signal"].to_numpy(dtype=float, na_value=0.0),
        }
    )
    rows = rows[rows["core"].notna()]
    if rows.empty:
        return None
    best_row = rows.sort_values("rel", ascending=False, kind="stable").drop_duplicates("core")
    core = pd.DataFrame(
        {
            "rel": best_row.set_index("core")["rel"],
            "clinical": rows.groupby("core")["clinical"].max(),
            "basic": rows.groupby("core")["basic"].max(),
            "last_fy": rows.groupby("core")["fy"].max(),
        }
    )
    core["terms"] = pd.Series(
        scored["matched_terms"].to_numpy()[best_row.index.to_numpy()], index=best_row["core"]
    )
    core["skill_terms"] = pd.Series(
        scored["matched_skill_terms"].to_numpy()[best_row.index.to_numpy()],
        index=best_row["core"],
    )
    positive = core["rel"][core["rel"] > 0]
    if positive.empty:
        return None
    reference = float(positive.quantile(w.relevance_quantile))
    core["rel_norm"] = np.clip(core["rel"] / reference, 0.0, 1.0)
    core["matching"] = core["rel_norm"] >= w.min_project_relevance
    years_since = (nih_fiscal_year(day) - core["last_fy"]).clip(lower=0).fillna(0.0)
    core["decay"] = np.exp(-years_since / w.recency_years)
    return core


def grant_facts(grants: pd.DataFrame, day: date) -> pd.DataFrame:
    """Per core project: activity code, latest award, months left on ``day``, department,
    title, URL and number of PIs (the ``grants`` table, first row of each core number)."""
    g = grants.set_index("core_project_num")
    g = g[~g.index.duplicated()]
    end = pd.to_datetime(g["project_end_date"])
    months_left = (end - pd.Timestamp(day)).dt.days / DAYS_PER_MONTH
    return pd.DataFrame(
        {
            "code": g["activity_code"].astype("object"),
            "award": g["latest_award_amount"].to_numpy(dtype=float, na_value=np.nan),
            "months_left": months_left.to_numpy(dtype=float, na_value=np.nan),
            "dept": g["dept_type"].astype("object"),
            "title": g["project_title"].astype("object"),
            "url": g["project_detail_url"].astype("object"),
            "n_pis": g["pi_keys"].map(lambda v: len(v) if isinstance(v, list) else 0),
        },
        index=g.index,
    )


def _role_weights(contact: np.ndarray, n_pis: np.ndarray, w: RankWeights) -> np.ndarray:
    # A missing contact flag is read from the grant: its only PI is its contact PI.
    single = n_pis <= 1
    return np.where(
        np.isnan(contact),
        np.where(single, w.contact_weight, w.other_pi_weight),
        np.where(contact == 1.0, w.contact_weight, w.other_pi_weight),
    )


def pi_grant_contributions(
    links: pd.DataFrame, core: pd.DataFrame, facts: pd.DataFrame, w: RankWeights
) -> pd.DataFrame:
    """One row per (PI, core project) with the PI's role and the grant's contribution.

    Args:
        links: the ``pi_grants`` link table. Contact on any fiscal year counts as contact.
        core: :func:`grant_relevance`'s frame.
        facts: :func:`grant_facts`'s frame.
        w: the weights (role weights).

    Returns:
        Columns ``pi_key``, ``core``, ``contact``, the ``core`` and ``facts`` columns the later
        stages read, ``role`` and ``contrib`` (role × rel_norm × decay for a matching grant,
        else 0), plus ``pos``: the grant's place among the PI's grants, best first. Rows are
        sorted by PI, then contribution (descending), then core number.
    """
    contact_raw = links["is_contact_pi"].astype("boolean")
    lk = pd.DataFrame(
        {
            "pi_key": links["pi_key"].astype("object"),
            "core": links["core_project_num"].astype("object"),
            "contact": contact_raw.astype("Float64").to_numpy(dtype=float, na_value=np.nan),
        }
    )
    lk = lk[lk["pi_key"].notna() & lk["core"].notna()]
    lk = lk.groupby(["pi_key", "core"], sort=False, as_index=False)["contact"].max()
    lk = lk.join(core[["rel_norm", "matching", "decay", "clinical", "basic"]], on="core")
    lk = lk.join(facts, on="core")
    lk["code"] = lk["code"].fillna("")
    lk["role"] = _role_weights(lk["contact"].to_numpy(), lk["n_pis"].fillna(0).to_numpy(), w)
    lk["rel_norm"] = lk["rel_norm"].fillna(0.0)
    lk["matching"] = lk["matching"].fillna(False).astype(bool)
    lk["contrib"] = np.where(
        lk["matching"], lk["role"] * lk["rel_norm"] * lk["decay"].fillna(1.0), 0.0
    )
    lk = lk.sort_values(["pi_key", "contrib", "core"], ascending=[True, False, True], kind="stable")
    lk["pos"] = lk.groupby("pi_key", sort=False).cumcount()
    return lk


@dataclass(frozen=True)
class TextScores:
    """Per-PI text scores (each a Series indexed by ``pi_key``).

    Attributes:
        text: sum of the best ``top_k`` contributions + ``breadth·log(1 + n_matching)``.
        relevance: ``text`` / the best ``text`` in the pool, in (0, 1].
        n_matching: number of the PI's matching grants.
    """

    text: pd.Series
    relevance: pd.Series
    n_matching: pd.Series


def pi_text_scores(lk: pd.DataFrame, w: RankWeights) -> TextScores | None:
    """Aggregate :func:`pi_grant_contributions` to one text score per PI (``None`` if all 0)."""
    pi_of = lk["pi_key"]
    top_sum = lk["contrib"].where(lk["pos"] < w.top_k, 0.0).groupby(pi_of, sort=False).sum()
    n_match = lk["matching"].groupby(pi_of, sort=False).sum()
    text = top_sum + w.breadth * np.log1p(n_match)
    best = float(text.max()) if len(text) else 0.0
    if best <= 0:
        return None
    return TextScores(text=text, relevance=text / best, n_matching=n_match)


def select_pis(lk: pd.DataFrame, scores: TextScores, w: RankWeights) -> pd.Index:
    """The PIs worth ranking: relevance ≥ ``min_text_score``, at least one matching grant and,
    when ``exclude_trainees`` is set, not only F* fellowships. Keeps the pool's order."""
    pi_of = lk["pi_key"]
    has_code = lk["code"] != ""
    not_trainee = has_code & ~lk["code"].str.startswith("F")
    trainee_only = (
        has_code.groupby(pi_of, sort=False).any() & ~not_trainee.groupby(pi_of, sort=False).any()
    )
    keep = (scores.relevance >= w.min_text_score) & (scores.n_matching > 0)
    if w.exclude_trainees:
        keep &= ~trainee_only
    return keep[keep].index
