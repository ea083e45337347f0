"""Project relevance aggregated to PIs: the document-centric expert-finding step.

Step 2 of the ranking (the team's ranking notes §2 and §7, Balog's "Model 2"). Per distinct
``core_project_num``: the best fiscal year's relevance, divided by a pool reference (a high
quantile) and capped at 1 so that one mega-abstract cannot dominate, times the role weight
(contact PI 1.0, other multi-PI 0.6) and a recency decay ``exp(−years since the last fiscal
year / 3)``. A PI's text score is the sum of their best ``top_k`` (3) grants plus
``λ·log(1 + n matching grants)``; volume beyond that earns only the logarithmic breadth bonus.
``relevance`` = text score / best text score in the pool.

After scoring, :func:`group_co_pis` shows the co-PIs of one multi-PI grant once, in one row
(``docs/ranking.md``, "Mentor sanity").

Each function is one stage, takes frames and returns new ones; none modifies its input.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from reporter_finder.cellformat import cell_text, format_co_pi
from reporter_finder.dates import DAYS_PER_MONTH, nih_fiscal_year
from reporter_finder.rank.weights import RankWeights

__all__ = [
    "TextScores",
    "grant_facts",
    "grant_relevance",
    "group_co_pis",
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
    title, URL, number of PIs and award dates (``latest_award_date``, ``new_award_date``) (the
    ``grants`` table, first row of each core number)."""
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
            # A grants table built before aims were carried has none.
            "aim": g["aim"].astype("object") if "aim" in g else None,
            "n_pis": g["pi_keys"].map(lambda v: len(v) if isinstance(v, list) else 0),
            # A grants table built before award dates were carried has none (NaT).
            **{
                column: pd.to_datetime(g[column]) if column in g else pd.NaT
                for column in ("latest_award_date", "new_award_date")
            },
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


def _co_pi_hosts(order: list[Hashable], links: pd.DataFrame) -> dict[Hashable, list[Hashable]]:
    """{kept PI: the co-PIs folded into their row, contact PIs first then in rank order}.

    ``order`` is the ranked ``pi_key``s, best first; ``links`` their grant links (``pi_key``,
    ``core``, ``contact``, ``matching``). The rule is :func:`group_co_pis`'.
    """
    pos = {key: i for i, key in enumerate(order)}
    m = links[links["matching"] & links["pi_key"].isin(pos)]
    mine: dict[Hashable, set[Hashable]] = {}  # a PI's matching grants
    on: dict[Hashable, list[Hashable]] = {}  # a grant's ranked PIs, in rank order
    contacts: dict[Hashable, set[Hashable]] = {}  # a grant's contact PIs
    for key, core, contact in zip(
        m["pi_key"].tolist(), m["core"].tolist(), m["contact"].tolist(), strict=True
    ):
        mine.setdefault(key, set()).add(core)
        on.setdefault(core, []).append(key)
        if contact == 1.0:
            contacts.setdefault(core, set()).add(key)
    for members in on.values():
        members.sort(key=pos.__getitem__)

    def keeper(core: Hashable, members: list[Hashable]) -> Hashable:
        leads = [k for k in members if k in contacts.get(core, ())]
        return (leads or members)[0]

    shared = [core for core, members in on.items() if len(members) >= 2]
    shared.sort(key=lambda core: (pos[keeper(core, on[core])], str(core)))
    folded: dict[Hashable, Hashable] = {}
    hosts: dict[Hashable, list[Hashable]] = {}
    for core in shared:
        members = [k for k in on[core] if k not in folded]
        if len(members) < 2:
            continue
        keep = keeper(core, members)
        grants_of_keep = mine[keep]
        for other in members:
            # A row that already names co-PIs stays; so does a co-PI with a matching grant of
            # their own (one the kept PI is not on).
            if other == keep or other in hosts or not mine[other] <= grants_of_keep:
                continue
            folded[other] = keep
            hosts.setdefault(keep, []).append(other)
    for keep, others in hosts.items():
        others.sort(key=lambda k: (not any(k in contacts.get(g, ()) for g in mine[keep]), pos[k]))
    return hosts


def group_co_pis(ranked: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """The ranking with the co-PIs of a multi-PI grant shown once, in one row.

    The rule, with M(P) the matching grants of a ranked PI P:

    1. Every matching grant with two or more ranked PIs is a *group*. Its *kept* PI is its
       contact PI when the contact PI is ranked, else its best-ranked PI.
    2. Groups are taken in the rank order of their kept PI (then by core project number). In
       each, every other ranked PI Q still shown is folded into the kept PI K's row when K is a
       PI of every grant in M(Q): nothing that makes Q relevant is Q's own. A Q with a
       matching grant that K is not on keeps their own row, and so does a Q whose row already
       names folded co-PIs. A folded PI is not a member of later groups.
    3. A folded PI's row is removed; the kept row keeps its score and lists the folded PIs in
       ``co_pis`` as "Name (profile id)" (:func:`~reporter_finder.cellformat.format_co_pi`),
       contact PIs of the kept PI's grants first, then in rank order. Ranks are renumbered
       1..n.

    Args:
        ranked: the ranked PIs, best first (``pi_key``, ``pi_name``, ``profile_id``, ``rank``,
            ``co_pis`` are read). Not modified.
        links: the ranked PIs' grant links (:func:`pi_grant_contributions`). Not modified.

    Returns:
        A new frame with the same columns (and dtypes); empty in, empty out.

    Example:
        >>> grouped = group_co_pis(ranked, links)  # doctest: +SKIP
    """
    if ranked.empty or links.empty:
        return ranked
    hosts = _co_pi_hosts(ranked["pi_key"].tolist(), links)
    if not hosts:
        return ranked
    folded = {key for others in hosts.values() for key in others}
    shown_as = {
        key: format_co_pi(cell_text(name) or str(key), profile)
        for key, name, profile in zip(
            ranked["pi_key"].tolist(),
            ranked["pi_name"].tolist(),
            ranked["profile_id"].tolist(),
            strict=True,
        )
    }
    out = ranked[~ranked["pi_key"].isin(folded).to_numpy(dtype=bool)].reset_index(drop=True)
    out["co_pis"] = pd.Series(
        [
            [*existing, *(shown_as[k] for k in hosts.get(key, ()))]
            for key, existing in zip(out["pi_key"].tolist(), out["co_pis"].tolist(), strict=True)
        ],
        dtype="object",
    )
    out["rank"] = pd.array(range(1, len(out) + 1), dtype="Int64")
    return out
