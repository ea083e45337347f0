"""The lead list: a ranked PI table shaped into the fixed columns users open in Excel.

:func:`lead_list` is pure (no I/O); :mod:`reporter_finder.leads.export` writes the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from reporter_finder.errors import InvalidArgumentError
from reporter_finder.leads.cells import as_list
from reporter_finder.schema import (
    EMAIL_LEAD_COLUMNS,
    LEAD_COLUMNS,
    LEAD_LIST_COLUMNS,
    PAY_LEAD_COLUMNS,
    PUBLICATION_LEAD_COLUMNS,
    SINCE_LEAD_COLUMNS,
    TRACKING_COLUMNS,
    TRIAL_LEAD_COLUMNS,
)

if TYPE_CHECKING:  # pragma: no cover - typing only; pandas is imported lazily
    import pandas as pd

__all__ = ["lead_list"]

#: Lead-list columns a ranked table may lack and still be complete, left empty (not 0):
#: the publications, e-mail and trials look-ups are later, optional steps; a table ranked before
#: issue #15 has no pay signals, and one ranked before issue #16 no grant aim and no
#: ``listed_on`` (a later ``--since`` cannot compare with it, and says so).
_OPTIONAL_COLUMNS: Final = (
    *PUBLICATION_LEAD_COLUMNS,
    *EMAIL_LEAD_COLUMNS,
    *TRIAL_LEAD_COLUMNS,
    *PAY_LEAD_COLUMNS,
    "top_grant_aim",
    *SINCE_LEAD_COLUMNS,
)


def lead_list(ranked: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """The lead list users open in Excel, from a ranked PI table.

    Args:
        ranked: ``MentorSearch.ranked`` (the ``LEAD_COLUMNS`` first, extra score columns after;
            extra columns are dropped). An empty frame, even one without columns, is fine.
            ``n_publications`` and ``recent_publications`` may be missing (publications not
            looked up): they are then empty, not 0. ``co_pis`` may be missing (a table ranked
            before co-PIs were grouped): it is then empty; so may ``PAY_LEAD_COLUMNS``
            (``funding_for_you`` and the hiring signals) and ``SINCE_LEAD_COLUMNS``
            (``listed_on`` and the ``--since`` marks), then empty too.
        top: keep the best ``top`` rows (by ``rank``); ``None`` keeps all.

    Returns:
        A new DataFrame with exactly ``LEAD_COLUMNS + TRACKING_COLUMNS``: list columns hold
        lists (never missing), ``score`` is rounded to 4 decimals, ``n_publications`` is Int64
        (``<NA>`` for a PI whose publications were not looked up), and the tracking columns
        (status, contacted_on, follow_up_on, notes) are empty for the user to fill.

    Raises:
        InvalidArgumentError: ``ranked`` has rows but lacks some of the ``LEAD_COLUMNS``, or
            ``top`` < 0.

    Example:
        >>> leads = lead_list(search.ranked, top=50)  # doctest: +SKIP
    """
    import pandas as pd

    if top is not None and top < 0:
        raise InvalidArgumentError(f"top must be 0 or more, not {top}")
    not_looked_up: dict[str, Any] = {
        c: pd.NA for c in _OPTIONAL_COLUMNS if c not in ranked.columns and len(ranked)
    }
    # A table ranked before co-PIs were grouped (issue #14) has no co_pis: none were folded.
    if "co_pis" not in ranked.columns and len(ranked):
        not_looked_up["co_pis"] = [[] for _ in range(len(ranked))]
    ranked = ranked.assign(**not_looked_up)
    missing = [column for column in LEAD_COLUMNS if column not in ranked.columns]
    if missing and len(ranked):
        raise InvalidArgumentError(
            f"the ranked table lacks lead-list columns: {', '.join(missing)}"
        )

    if missing:  # an empty result: the header must still be written
        leads = pd.DataFrame({column: pd.Series([], dtype="object") for column in LEAD_COLUMNS})
    else:
        leads = ranked.loc[:, list(LEAD_COLUMNS)].copy()
    if "rank" in leads and len(leads):
        # A stable sort keeps the ranker's tie-break for equal ranks.
        leads = leads.sort_values("rank", kind="stable")
    if top is not None:
        leads = leads.head(top)
    leads = leads.reset_index(drop=True)

    for column in LEAD_LIST_COLUMNS:
        leads[column] = pd.Series(
            [as_list(value) for value in leads[column]], index=leads.index, dtype="object"
        )
    if len(leads):
        leads["score"] = pd.to_numeric(leads["score"], errors="coerce").round(4)
        for column in ("n_publications", "email_pmid", "email_year", "n_trials",
                       "n_recruiting_trials"):  # fmt: skip
            leads[column] = pd.to_numeric(leads[column]).astype("Int64")
    for column in TRACKING_COLUMNS:
        leads[column] = pd.Series([pd.NA] * len(leads), index=leads.index, dtype="string")
    return leads
