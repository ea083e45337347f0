"""Follow-up scheduling on a lead list the applicant has been editing by hand.

:func:`due_followups` finds the leads of a lead list (read with
:func:`~reporter_finder.leads.sheet.read_leads`) that are due for their one follow-up e-mail;
:func:`mark_followups` writes ``follow_up_on`` back into the lead list while leaving every other
byte of a CSV (:mod:`reporter_finder.leads.sheet`) and every other cell of an ``.xlsx``
workbook (:mod:`reporter_finder.leads.workbook`) as it was. :func:`followup_counts` says
where every lead stands (due, waiting, followed up, answered, not contacted yet).

Status rules (case-insensitive, surrounding spaces and a trailing period ignored):

* :data:`WAITING_STATUSES` — blank, ``contacted``, ``sent``, ``emailed``, ``waiting``,
  ``pending``, ``no reply``, ``no response``: the e-mail went out and nobody answered.
* :data:`CLOSED_STATUSES` — ``replied``, ``declined``, ``accepted``, ``meeting``, ``no``, and a few
  synonyms: never nag these.
* Anything else is treated as closed too (a status the user invented most likely records an
  answer), and is reported once through :mod:`logging` so the user can see why a row was skipped.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from reporter_finder.dates import DateOrder, parse_sheet_dates
from reporter_finder.errors import DataFormatError, InvalidArgumentError
from reporter_finder.leads.sheet import (
    Sheet,
    data_record_indexes,
    load_sheet,
    read_bytes,
    set_field,
    terminator,
    write_sheet,
)
from reporter_finder.leads.workbook import is_workbook, read_table, set_dates
from reporter_finder.schema import CONTACTED_DATE, DAYS_WAITING, FOLLOWUP_LIST_COLUMNS

logger = logging.getLogger(__name__)

__all__ = [
    "CLOSED_STATUSES",
    "WAITING_STATUSES",
    "FollowupCounts",
    "due_followups",
    "followup_counts",
    "followup_list",
    "mark_followups",
]

#: Statuses meaning "sent, no answer yet": these leads get a follow-up when due.
WAITING_STATUSES = frozenset(
    {
        "",
        "contacted",
        "sent",
        "emailed",
        "e-mailed",
        "waiting",
        "pending",
        "no reply",
        "no response",
    }
)
#: Statuses meaning the conversation moved on (an answer, a meeting, a no): never followed up.
CLOSED_STATUSES = frozenset(
    {
        "replied",
        "reply",
        "answered",
        "declined",
        "rejected",
        "accepted",
        "meeting",
        "interview",
        "call scheduled",
        "no",
        "yes",
        "closed",
        "bounced",
        "not interested",
    }
)

_STATUS = "status"
_CONTACTED_ON = "contacted_on"
_FOLLOW_UP_ON = "follow_up_on"

# --- selecting -------------------------------------------------------------------------------


def _normalise_status(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return re.sub(r"\s+", " ", text.strip().lower()).rstrip(".")


@dataclass(frozen=True)
class FollowupCounts:
    """Where each lead of a lead list stands, from :func:`followup_counts`.

    Every lead is in exactly one group, taken in this order: ``answered`` (its status is not
    one of :data:`WAITING_STATUSES`), ``followed_up`` (``follow_up_on`` is filled in),
    ``not_contacted`` (no ``contacted_on``), ``due`` (contacted at least ``days`` days ago),
    ``waiting`` (contacted less than ``days`` days ago).
    """

    due: int
    waiting: int
    followed_up: int
    answered: int
    not_contacted: int
    days: int

    @property
    def done(self) -> int:
        """Leads that will not get a follow-up: followed up already, or answered."""
        return self.followed_up + self.answered


def due_followups(
    leads: pd.DataFrame,
    *,
    days: int = 7,
    today: date | None = None,
    include_followed_up: bool = False,
    order: DateOrder | None = None,
) -> pd.DataFrame:
    """The leads whose first e-mail went out at least ``days`` days ago and got no answer.

    A lead is due when ``contacted_on`` is a date at least ``days`` before ``today``, its
    ``status`` is one of :data:`WAITING_STATUSES` (blank counts as waiting), and
    ``follow_up_on`` is blank (set ``include_followed_up=True`` to list those too). Dates are
    read by :func:`~reporter_finder.dates.parse_sheet_date`: ``03/12/2026`` is refused unless
    ``order`` says whether the file writes the day (``"dayfirst"``) or the month
    (``"monthfirst"``) first. Pure: the input is not modified.

    Returns:
        The due rows with all their columns and original index, plus ``contacted_date``
        (:class:`datetime.date`) and ``days_waiting`` (int), sorted by ``contacted_date``
        ascending (oldest first), ties in file order.

    Raises:
        DataFormatError: ``contacted_on`` is missing as a column, or a cell in it is not a date
            (every bad cell is listed, with its spreadsheet row number).
        AmbiguousDateError: dates such as ``03/12/2026`` and no ``order`` (a DataFormatError).
        InvalidArgumentError: ``days`` is negative (also a ``ValueError``).

    Example:
        >>> due = due_followups(read_leads("leads.csv"), days=7)  # doctest: +SKIP
    """
    contacted, statuses, followed = _tracking(leads, days, order)
    today = today or date.today()
    cutoff = today - timedelta(days=days)
    keep = [
        index
        for index in leads.index
        if index in contacted
        and contacted[index] <= cutoff
        and statuses[index] in WAITING_STATUSES
        and (include_followed_up or not followed[index])
    ]
    due = leads.loc[keep].copy()
    due[CONTACTED_DATE] = [contacted[i] for i in keep]
    due[DAYS_WAITING] = pd.array([(today - contacted[i]).days for i in keep], dtype="Int64")
    # mergesort is stable: ties stay in file order.
    return due.sort_values(CONTACTED_DATE, kind="mergesort")


def followup_counts(
    leads: pd.DataFrame,
    *,
    days: int = 7,
    today: date | None = None,
    order: DateOrder | None = None,
) -> FollowupCounts:
    """How many leads are due, waiting, followed up, answered and not contacted yet.

    The same rules as :func:`due_followups` (``due`` is its row count); the groups are those of
    :class:`FollowupCounts`. Pure.

    Raises:
        The errors of :func:`due_followups`.

    Example:
        >>> followup_counts(read_leads("leads.csv"), days=7).due  # doctest: +SKIP
        2
    """
    contacted, statuses, followed = _tracking(leads, days, order)
    cutoff = (today or date.today()) - timedelta(days=days)
    groups = {"due": 0, "waiting": 0, "followed_up": 0, "answered": 0, "not_contacted": 0}
    for index in leads.index:
        if statuses[index] not in WAITING_STATUSES:
            groups["answered"] += 1
        elif followed[index]:
            groups["followed_up"] += 1
        elif index not in contacted:
            groups["not_contacted"] += 1
        else:
            groups["due" if contacted[index] <= cutoff else "waiting"] += 1
    return FollowupCounts(**groups, days=days)


def _tracking(
    leads: pd.DataFrame, days: int, order: DateOrder | None
) -> tuple[dict[object, date], pd.Series, pd.Series]:
    """Each lead's contact date (filled cells only), normalised status, and followed-up flag."""
    if days < 0:
        raise InvalidArgumentError("days must be >= 0")
    if _CONTACTED_ON not in leads.columns:
        raise DataFormatError(
            "the lead list has no 'contacted_on' column",
            hint="Add a contacted_on column and fill in the date you sent each e-mail.",
        )
    dates = parse_sheet_dates(leads[_CONTACTED_ON], column=_CONTACTED_ON, order=order)
    contacted = {i: d for i, d in zip(leads.index, dates, strict=True) if d is not None}
    statuses = (
        leads[_STATUS].map(_normalise_status)
        if _STATUS in leads.columns
        else pd.Series("", index=leads.index)
    )
    unknown = sorted(set(statuses) - WAITING_STATUSES - CLOSED_STATUSES)
    if unknown:
        logger.info("treating these statuses as answered (no follow-up): %s", ", ".join(unknown))
    followed = (
        leads[_FOLLOW_UP_ON].map(lambda v: bool(str(v).strip()) if pd.notna(v) else False)
        if _FOLLOW_UP_ON in leads.columns
        else pd.Series(False, index=leads.index)
    )
    return contacted, statuses, followed


def followup_list(due: pd.DataFrame) -> pd.DataFrame:
    """The due leads as a short table: ``schema.FOLLOWUP_LIST_COLUMNS``, oldest contact first.

    ``contacted_on`` is the date as read (ISO ``YYYY-MM-DD``), not as typed: an Excel serial
    number such as ``46329`` means nothing to a reader. Columns the user deleted from the lead
    list are left out (``contacted_on`` and ``days_waiting`` are always there).

    Args:
        due: the result of :func:`due_followups`.

    Raises:
        DataFormatError: ``due`` lacks the ``contacted_date`` that :func:`due_followups` adds.

    Example:
        >>> followup_list(due_followups(read_leads("leads.csv")))  # doctest: +SKIP
    """
    if CONTACTED_DATE not in due.columns:
        raise DataFormatError(
            f"the table has no {CONTACTED_DATE!r} column: pass the result of due_followups"
        )
    table = due.assign(**{_CONTACTED_ON: [d.isoformat() for d in due[CONTACTED_DATE]]})
    columns = [c for c in FOLLOWUP_LIST_COLUMNS if c in table.columns]
    return table.loc[:, columns].reset_index(drop=True)


# --- writing back ----------------------------------------------------------------------------


def mark_followups(
    path: str | os.PathLike[str],
    due: pd.DataFrame | Iterable[int],
    *,
    on: date | None = None,
) -> Path:
    """Write ``follow_up_on`` for the due leads back into the lead list, atomically.

    ``due`` is the result of :func:`due_followups` on :func:`read_leads` of the same file (its
    index names the data rows), or those row positions directly. Only the ``follow_up_on`` cell
    of those rows changes (set to ``on``, default today); if the list has no ``follow_up_on``
    column, one is appended. The new content is written to a temporary file in the same folder
    and moved over the original with :func:`os.replace`, so a crash never leaves a
    half-written lead list.

    * A CSV keeps every other byte: other cells, quoting, line endings, byte-order mark,
      encoding, blank lines. The date is written ``YYYY-MM-DD``.
    * An ``.xlsx`` workbook keeps every other cell, value, formula and style, and its other
      sheets; the date is a real date cell shown ``yyyy-mm-dd``. openpyxl rewrites the file, and
      drops what it does not model (shapes, slicers, a chart's finer formatting, formulas'
      cached results): see :mod:`reporter_finder.leads.workbook`. With no row to mark, the
      workbook is left untouched.

    Returns:
        The path written.

    Raises:
        DataFormatError: the file cannot be read or written, or it changed since ``due`` was
            computed (a row's cells no longer match — re-run instead of overwriting edits).

    Example:
        >>> mark_followups("leads.csv", due_followups(read_leads("leads.csv")))  # doctest: +SKIP
    """
    path = Path(path)
    on = on or date.today()
    raw = read_bytes(path)
    if is_workbook(path, raw):
        table = read_table(path, raw)
        positions = _positions(path, due, len(table.rows))
        if isinstance(due, pd.DataFrame):
            _check_unchanged(path, _clean(table.header), table.rows, due)
        numbers = [table.row_numbers[p] for p in positions]
        if numbers:  # rewriting a workbook is not free (see above): only when a cell changes
            set_dates(path, raw, _FOLLOW_UP_ON, numbers, on)
        return path
    sheet = load_sheet(path, raw)
    header = _clean(sheet.header)
    data_records = data_record_indexes(sheet)
    positions = _positions(path, due, len(data_records))
    if isinstance(due, pd.DataFrame):
        current = [sheet.rows[i - 1] for i in data_records]
        _check_unchanged(path, header, current, due)
    write_sheet(path, _marked_text(sheet, header, data_records, positions, on), sheet.encoding)
    return path


def _clean(header: list[str]) -> list[str]:
    return [h.strip().lstrip("\ufeff") for h in header]


def _positions(path: Path, due: pd.DataFrame | Iterable[int], count: int) -> list[int]:
    """The data-row positions to mark, each checked to be one of the file's ``count`` rows."""
    positions = list(due.index) if isinstance(due, pd.DataFrame) else list(due)
    for position in positions:
        if not isinstance(position, int) or not 0 <= position < count:
            raise DataFormatError(
                f"row {position!r} is not a data row of {path}",
                hint="Pass the result of due_followups(read_leads(path)).",
            )
    return positions


def _marked_text(
    sheet: Sheet, header: list[str], data_records: list[int], positions: list[int], on: date
) -> str:
    """The CSV text with ``follow_up_on`` set on ``positions``, every other byte kept."""
    ending = terminator(sheet.records[0], "\r\n")
    records = list(sheet.records)
    if _FOLLOW_UP_ON in header:
        column = header.index(_FOLLOW_UP_ON)
    else:
        column = len(header)
        records[0] = records[0].rstrip("\r\n") + sheet.delimiter + _FOLLOW_UP_ON + ending
    width = column + 1 if column == len(header) else len(header)
    stamp = on.isoformat()
    for position in positions:
        i = data_records[position]
        records[i] = set_field(records[i], sheet.delimiter, column, stamp, width)
        if not records[i].endswith(("\n", "\r")) and i < len(records) - 1:
            records[i] += ending  # pragma: no cover - only the last record lacks a terminator
    return "".join(records)


def _check_unchanged(
    path: Path, header: list[str], rows: list[list[str]], due: pd.DataFrame
) -> None:
    """Refuse to write when a due row's cells (``rows``, by position) differ from ``due``."""
    names = [c for c in header if c in due.columns and c != _FOLLOW_UP_ON]
    values_by_row = due[names].itertuples(index=False, name=None)
    for position, values in zip(due.index, values_by_row, strict=True):
        current = (rows[position] + [""] * len(header))[: len(header)]
        for name, value in zip(names, values, strict=True):
            if str(value) != current[header.index(name)]:
                raise DataFormatError(
                    f"{path} changed since the follow-ups were computed (row {position + 2}, "
                    f"column {name!r})",
                    hint="Close the file in your spreadsheet program and run the command again.",
                )
