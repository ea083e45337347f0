"""What is new since an earlier lead list: new PIs, and PIs with new awards (issue #16).

A lead list records when it was made (``listed_on``, the day its search judged "active" on)
and, per PI, the newest record it saw (``newest_appl_id``). A later search compares with it:

* **A PI is new** when the earlier list did not name them: neither their ``profile_id`` (as a
  row's PI or among its ``co_pis``) nor, for a PI without a profile id, their
  ``pi_name`` and ``organization`` (compared ignoring case and runs of spaces).
* **An award is new** when a record (one ``appl_id``) of the PI has a notice of award
  (``award_notice_date``) after the earlier ``listed_on`` (and not after ``tables.as_of``, the
  day the new search is judged on). A record without a notice date is
  new when its ``appl_id`` is above every ``newest_appl_id`` of the earlier list (RePORTER
  hands out application ids in increasing order). When neither can be decided (no notice date
  and an earlier list without any ``newest_appl_id``; or an earlier list with no rows, so no
  date), the record is not counted as new: the marks under-report rather than cry wolf.

``new_awards`` lists the core project numbers of the grants with a new award. The counts are
over the rows given (the lead list as written): PIs marked new, and distinct grants with a new
award. Pure: nothing is read, written or printed, and no input is modified.

Example:
    >>> earlier = earlier_list(read_leads("leads.csv"))  # doctest: +SKIP
    >>> marked = mark_new_since(lead_list(search.ranked, top=50), search.tables, earlier)
    >>> marked.summary()  # doctest: +SKIP
    'new since 2026-11-02: 3 PIs, 5 awards'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from reporter_finder.cellformat import cell_text, parse_co_pi, split_list_cell
from reporter_finder.dates import parse_sheet_date
from reporter_finder.errors import DataFormatError

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.tables.build import Tables

__all__ = ["EarlierList", "NewSince", "earlier_list", "mark_new_since"]

#: How an earlier list is named in errors when the caller does not say (the CLI passes the path).
_DEFAULT_SOURCE = "the earlier lead list"


@dataclass(frozen=True)
class EarlierList:
    """What a later search needs to know of an earlier lead list (:func:`earlier_list`).

    Attributes:
        listed_on: the day it was made for; ``None`` when it has no rows.
        newest_appl_id: the highest ``newest_appl_id`` in it; ``None`` when none is given.
        profile_ids: the profile ids it names (rows and ``co_pis``).
        names: ``(pi_name, organization)`` of its rows without a profile id, normalised.
    """

    listed_on: date | None
    newest_appl_id: int | None
    profile_ids: frozenset[int]
    names: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class NewSince:
    """The lead list with ``new_pi`` and ``new_awards`` filled, and what they add up to.

    Attributes:
        leads: a copy of the rows given, with ``new_pi`` (boolean) and ``new_awards`` (lists).
        listed_on: the earlier list's date (``None``: it had no rows).
        new_pis: rows marked ``new_pi``.
        new_awards: distinct grants (core project numbers) with a new award, over all rows.
    """

    leads: pd.DataFrame
    listed_on: date | None
    new_pis: int
    new_awards: int

    def summary(self) -> str:
        """One line for the user: ``"new since 2026-11-02: 3 PIs, 1 award"``."""
        since = self.listed_on.isoformat() if self.listed_on else "an empty lead list"
        return (
            f"new since {since}: {_count(self.new_pis, 'PI', 'PIs')}, "
            f"{_count(self.new_awards, 'award', 'awards')}"
        )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# --- reading the earlier list ----------------------------------------------------------------


def earlier_list(previous: pd.DataFrame, *, source: str = _DEFAULT_SOURCE) -> EarlierList:
    """What :func:`mark_new_since` compares with, from an earlier lead list.

    Args:
        previous: the earlier list as :func:`~reporter_finder.leads.sheet.read_leads` returns
            it (every cell a string); typed frames (a :func:`lead_list` result) work too.
        source: how to name the list in an error (the CLI passes its path).

    Raises:
        DataFormatError: no ``listed_on`` column (a list made before lead lists recorded their
            date), a ``listed_on`` cell that is not a date, or rows none of which has one.
            When the rows disagree (lists pasted together), the earliest date is used, so
            nothing new is missed.

    Example:
        >>> earlier_list(read_leads("leads.csv")).listed_on  # doctest: +SKIP
        datetime.date(2026, 11, 2)
    """
    if "listed_on" not in previous.columns:
        raise DataFormatError(
            f"{source} has no listed_on column (made before lead lists recorded when they "
            "were made); it cannot tell what is new",
            hint="run the search once without --since to make a list that records it, and "
            "compare with that list next time",
        )
    dates = _listed_dates(previous["listed_on"], source)
    if len(previous) and not dates:
        raise DataFormatError(
            f"{source} has an empty listed_on column: no row says when the list was made",
            hint="put the date the list was made (YYYY-MM-DD) in its listed_on column",
        )
    ids, names = _known_pis(previous)
    newest = _ints(previous["newest_appl_id"]) if "newest_appl_id" in previous.columns else []
    return EarlierList(
        listed_on=min(dates) if dates else None,
        newest_appl_id=max(newest) if newest else None,
        profile_ids=frozenset(ids),
        names=frozenset(names),
    )


def _listed_dates(column: pd.Series, source: str) -> list[date]:
    """Every filled ``listed_on`` cell as a date; the first unreadable one is an error."""
    found = []
    for position, value in enumerate(column.tolist()):
        try:
            day = parse_sheet_date(None if _blank(value) else value)
        except ValueError as exc:  # the dates owner's message says what it cannot read
            # position + 2: the header is spreadsheet row 1, the first data row is row 2.
            raise DataFormatError(
                f"{source}, row {position + 2}: listed_on {exc}",
                hint="write the date the list was made as YYYY-MM-DD",
            ) from exc
        if day is not None:
            found.append(day)
    return found


def _blank(value: Any) -> bool:
    return not cell_text(value) or value is pd.NaT


def _profile_id(value: Any) -> int | None:
    """A profile id cell as an int: ``"8406715"``, ``8406715``, or ``"8406715.0"`` from a
    spreadsheet that made it a number; ``None`` when blank or not a number."""
    text = cell_text(value)
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None


def _ints(values: Iterable[Any]) -> list[int]:
    return [n for n in (_profile_id(v) for v in values) if n is not None]


def _name_key(name: Any, organization: Any) -> tuple[str, str]:
    return cell_text(name).casefold(), cell_text(organization).casefold()


def _known_pis(previous: pd.DataFrame) -> tuple[set[int], set[tuple[str, str]]]:
    """The profile ids an earlier list names (its rows' and their co-PIs'), and the name keys
    of its rows without a profile id."""
    ids: set[int] = set()
    names: set[tuple[str, str]] = set()
    column = previous.get  # a list with a deleted column still counts what it has
    rows = zip(
        column("profile_id", pd.Series([None] * len(previous))).tolist(),
        column("pi_name", pd.Series([""] * len(previous))).tolist(),
        column("organization", pd.Series([""] * len(previous))).tolist(),
        column("co_pis", pd.Series([""] * len(previous))).tolist(),
        strict=True,
    )
    for profile, name, organization, co_pis in rows:
        profile_id = _profile_id(profile)
        if profile_id is not None:
            ids.add(profile_id)
        elif cell_text(name):
            names.add(_name_key(name, organization))
        items = co_pis if isinstance(co_pis, list) else split_list_cell(cell_text(co_pis))
        ids.update(p.profile_id for p in map(parse_co_pi, items) if p.profile_id is not None)
    return ids, names


# --- marking the new list --------------------------------------------------------------------


def mark_new_since(
    leads: pd.DataFrame, tables: Tables, earlier: EarlierList | pd.DataFrame
) -> NewSince:
    """Mark the PIs and awards of ``leads`` that are new since an earlier lead list.

    Args:
        leads: the rows to mark, as :func:`~reporter_finder.leads.export.lead_list` returns
            them (``profile_id``, ``pi_name`` and ``organization`` are read). Not modified.
        tables: the tables the ranking was built from (``projects``, ``pis``, ``pi_grants``).
        earlier: :func:`earlier_list`'s result, or the earlier list itself (read with
            :func:`~reporter_finder.leads.sheet.read_leads`).

    Returns:
        A :class:`NewSince`: a copy of ``leads`` with ``new_pi`` (True/False) and
        ``new_awards`` (the core project numbers of the PI's grants with a new award, sorted;
        ``[]`` when none) set, and the counts over its rows. Empty in, empty out.

    Raises:
        DataFormatError: ``earlier`` is a list :func:`earlier_list` refuses.

    Example:
        >>> mark_new_since(leads, search.tables, read_leads("old.csv")).new_pis  # doctest: +SKIP
        3
    """
    if isinstance(earlier, pd.DataFrame):
        earlier = earlier_list(earlier)
    out = leads.copy()
    rows = list(zip(out["profile_id"].tolist(), out["pi_name"].tolist(),
                    out["organization"].tolist(), strict=True))  # fmt: skip
    new_pi = [_is_new_pi(*row, earlier) for row in rows]
    keys = _pi_keys(rows, tables.pis)
    by_pi = _new_grants_by_pi(tables, earlier)
    awards = [list(by_pi.get(key, ())) if key is not None else [] for key in keys]
    out["new_pi"] = pd.Series(pd.array(new_pi, dtype="boolean"), index=out.index)
    out["new_awards"] = pd.Series(awards, index=out.index, dtype="object")
    return NewSince(
        leads=out,
        listed_on=earlier.listed_on,
        new_pis=sum(new_pi),
        new_awards=len({grant for row in awards for grant in row}),
    )


def _is_new_pi(profile: Any, name: Any, organization: Any, earlier: EarlierList) -> bool:
    profile_id = _profile_id(profile)
    if profile_id is not None:
        return profile_id not in earlier.profile_ids
    return _name_key(name, organization) not in earlier.names


def _pi_keys(rows: list[tuple[Any, Any, Any]], pis: pd.DataFrame) -> list[str | None]:
    """The ``pi_key`` of each lead row: its profile id (the PI key rule of
    :mod:`reporter_finder.tables.people`), else the PI of that name at that organisation."""
    nameless = pis[pis["profile_id"].isna().to_numpy(dtype=bool)]
    by_name = {
        _name_key(name, organization): key
        for key, name, organization in zip(
            nameless["pi_key"].tolist(), nameless["pi_name"].tolist(),
            nameless["organization"].tolist(), strict=True,
        )
    }  # fmt: skip
    keys: list[str | None] = []
    for profile, name, organization in rows:
        profile_id = _profile_id(profile)
        keys.append(str(profile_id) if profile_id is not None
                    else by_name.get(_name_key(name, organization)))  # fmt: skip
    return keys


def _new_grants_by_pi(tables: Tables, earlier: EarlierList) -> dict[str, tuple[str, ...]]:
    """pi_key -> the sorted core project numbers of the PI's grants with a new record."""
    projects = tables.projects
    notice = projects["award_notice_date"]
    is_new = pd.Series(False, index=projects.index)
    if earlier.listed_on is not None:
        # NaT compares False: a record without a notice date is left to the appl_id rule.
        # Notices after the day this search is judged on are not counted yet, so that a
        # re-run with the same --as-of marks the same awards whatever the data holds by then.
        after = notice > pd.Timestamp(earlier.listed_on)
        is_new |= (after & (notice <= pd.Timestamp(tables.as_of))).to_numpy(dtype=bool)
    if earlier.newest_appl_id is not None:
        later = projects["appl_id"].gt(earlier.newest_appl_id).fillna(False)
        is_new |= (notice.isna() & later).to_numpy(dtype=bool)
    new = projects.loc[is_new.to_numpy(dtype=bool), ["appl_id", "core_project_num"]].dropna()
    if new.empty:
        return {}
    links = tables.pi_grants[["pi_key", "appl_id"]].merge(new, on="appl_id")
    return {
        str(key): tuple(sorted(set(group.tolist())))
        for key, group in links.groupby("pi_key")["core_project_num"]
    }
