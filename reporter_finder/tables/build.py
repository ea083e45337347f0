"""Raw RePORTER project records → the four pandas tables users work with.

``projects`` (one row per ``appl_id``), ``grants`` (one row per ``core_project_num``),
``pis`` (one row per PI) and ``pi_grants`` (one row per PI and ``appl_id``). The schemas live
in :mod:`reporter_finder.schema`; every builder returns exactly those columns, in that order,
with those dtypes, also for empty input. Pure: the records are never modified.

The work is split by what it owns: :mod:`~reporter_finder.tables.clean` (field values),
:mod:`~reporter_finder.tables.people` (names and PI keys),
:mod:`~reporter_finder.tables.projects` (records → projects and links) and
:mod:`~reporter_finder.tables.summaries` (grants and PIs). Reading saved files is
:mod:`~reporter_finder.tables.records`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from reporter_finder.tables.projects import projects_and_links
from reporter_finder.tables.summaries import grants_table, pis_table

__all__ = ["Tables", "build_tables"]


@dataclass(frozen=True)
class Tables:
    """The four tables built from one set of records, and the date "active" was judged on."""

    projects: pd.DataFrame
    grants: pd.DataFrame
    pis: pd.DataFrame
    pi_grants: pd.DataFrame
    as_of: date


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of a build.

    Building allocates hundreds of thousands of small lists and tuples; each allocation burst
    triggers a collection that re-scans every live object, including the caller's records
    (about 40 objects per record). At 100,000 records that was a third of the run time. The
    build creates no reference cycles, so nothing is lost by collecting once afterwards. The
    collector is handed back exactly as found: a caller who disabled it keeps it disabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_tables(
    records: Iterable[Mapping[str, Any]],
    *,
    as_of: date | None = None,
    include_subprojects: bool = False,
) -> Tables:
    """All four tables from raw records in one pass (what the ranker and the CLI use).

    Args:
        records: RePORTER project records (dicts), e.g. from ``ReporterClient.iter_projects``
            or :func:`~reporter_finder.tables.records.load_records`. Not modified.
        as_of: the date "active" is judged on; default today.
        include_subprojects: keep subproject (component) records.

    Raises:
        DataFormatError: an item of ``records`` is not a mapping.

    Example:
        >>> tables = build_tables(load_records("cardiology.json"), as_of=date(2025, 6, 1))
        >>> tables.pis[["pi_name", "n_active_grants"]].head()  # doctest: +SKIP
    """
    day = as_of if as_of is not None else date.today()
    with _gc_paused():
        projects, pi_grants = projects_and_links(records, include_subprojects)
        grants = grants_table(projects, as_of=day)
        pis = pis_table(projects, grants, pi_grants)
    return Tables(projects=projects, grants=grants, pis=pis, pi_grants=pi_grants, as_of=day)
