"""The clinical track's trial component: a PI running a recruiting NIH-linked trial needs hands.

Trials are looked up after ranking, for the best PIs only (:mod:`reporter_finder.leads.trials`),
so this component re-orders those PIs among themselves. With ``--track clinical``, a PI with a
recruiting or not-yet-recruiting trial gets ``prior_trial = recruiting_trial`` added to their
prior, the score follows the ranker's formula (``relevance × (1 + prior) / (1 + max prior)``,
capped at 1), and ``why`` says so: "runs a recruiting NIH-funded trial: NCT01234567". A PI can
only rise, so the set of looked-up PIs stays at the top. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from reporter_finder.rank.ranker import in_rank_order
from reporter_finder.rank.weights import RankWeights

__all__ = ["RECRUITING_STATUSES", "trial_reason", "with_recruiting_trials"]

#: The statuses that mean the trial takes participants now or soon.
RECRUITING_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING")


def trial_reason(trials: Sequence[tuple[str, str]]) -> str | None:
    """The ``why`` clause for a PI's trials, given as (NCT id, status), recruiting first;
    ``None`` when none recruits."""
    recruiting = [nct for nct, status in trials if status == "RECRUITING"]
    soon = [nct for nct, status in trials if status == "NOT_YET_RECRUITING"]
    if recruiting:
        more = f" (+{len(recruiting) + len(soon) - 1} more)" if len(recruiting + soon) > 1 else ""
        return f"runs a recruiting NIH-funded trial: {recruiting[0]}{more}"
    if soon:
        more = f" (+{len(soon) - 1} more)" if len(soon) > 1 else ""
        return f"runs an NIH-funded trial about to recruit: {soon[0]}{more}"
    return None


def _joined(old: object, reason: str | None) -> object:
    text = "" if old is None or old is pd.NA or (isinstance(old, float) and old != old) else old
    if not reason:
        return old
    return f"{text}; {reason}" if text else reason


def with_recruiting_trials(
    ranked: pd.DataFrame,
    trials: Mapping[str, Sequence[tuple[str, str]]],
    weights: RankWeights | None = None,
) -> pd.DataFrame:
    """``ranked`` with the trial component for the PIs of ``trials`` (by ``pi_key``: their
    trials as (NCT id, status)), re-ordered and re-numbered. Not modified; ``attrs`` kept.

    For the clinical track only: the caller decides (the postdoc track does not weigh
    trials).
    """
    w = weights or RankWeights()
    if ranked.empty:
        return ranked.copy()
    reasons = [trial_reason(trials.get(str(key), ())) for key in ranked["pi_key"]]
    bonus = np.array([w.recruiting_trial if r else 0.0 for r in reasons])
    prior = ranked["prior"].astype(float).fillna(0.0).to_numpy()
    score = ranked["score"].astype(float).to_numpy()
    raised = np.minimum(1.0, score * (1.0 + prior + bonus) / (1.0 + prior))
    why = [_joined(old, reason) for old, reason in zip(ranked["why"], reasons, strict=True)]
    out = ranked.assign(
        score=np.round(raised, 4), prior_trial=bonus, why=pd.Series(why, index=ranked.index)
    )
    ordered = in_rank_order(out)
    # in_rank_order keeps the ranked columns only: the look-up columns ride along by pi_key.
    extra = [c for c in ranked.columns if c not in ordered.columns]
    if extra:
        by_key = ranked.set_index("pi_key")[extra]
        ordered = ordered.join(by_key, on="pi_key")
    ordered.attrs = dict(ranked.attrs)
    return ordered
