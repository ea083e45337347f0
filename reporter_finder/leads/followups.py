"""Follow-up scheduling on a lead list the applicant has been editing by hand.

The lead CSV is the applicant's own working document: after ``reporter-finder search`` wrote it,
they opened it in Excel or LibreOffice, filled in ``status`` and ``contacted_on``, added their own
columns and notes, maybe re-saved it with a byte-order mark or with ``11/3/2026``-style dates.
This module reads such a file without losing anything (every cell stays the string the user
typed), finds the leads that are due for their one follow-up e-mail, and writes ``follow_up_on``
back while leaving every other byte of the file as it was.

Status rules (case-insensitive, surrounding spaces and a trailing period ignored):

* :data:`WAITING_STATUSES` — blank, ``contacted``, ``sent``, ``emailed``, ``waiting``,
  ``pending``, ``no reply``, ``no response``: the e-mail went out and nobody answered.
* :data:`CLOSED_STATUSES` — ``replied``, ``declined``, ``accepted``, ``meeting``, ``no``, and a few
  synonyms: never nag these.
* Anything else is treated as closed too (a status the user invented most likely records an
  answer), and is reported once through :mod:`logging` so the user can see why a row was skipped.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from reporter_finder._files import atomic_write_text
from reporter_finder.dates import parse_sheet_date
from reporter_finder.errors import DataFormatError

logger = logging.getLogger(__name__)

__all__ = [
    "CLOSED_STATUSES",
    "FOLLOWUP_LIST_COLUMNS",
    "WAITING_STATUSES",
    "due_followups",
    "followup_list",
    "mark_followups",
    "read_leads",
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

#: Columns due_followups adds to its result (not written back to the file).
CONTACTED_DATE = "contacted_date"
DAYS_WAITING = "days_waiting"

_STATUS = "status"
_CONTACTED_ON = "contacted_on"
_FOLLOW_UP_ON = "follow_up_on"

# Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug folded in); a cell
# formatted as a number after a date was typed shows up as e.g. "46329". The bounds keep
# ordinary integers (a PI count, a year) from being read as dates: 36526 = 2000-01-01,
# 73051 = 2100-01-01.


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sheet:
    """A lead CSV as text, with what is needed to write it back byte-for-byte."""

    text: str
    encoding: str  # the codec the file was read with ("utf-8-sig" keeps a BOM)
    delimiter: str
    records: list[str]  # raw text of each record, line terminator included
    header: list[str]
    rows: list[list[str]]


def _read_text(path: Path) -> tuple[str, str]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFormatError(
            f"cannot read lead list {path}: {exc.strerror or exc}",
            hint="Check the path, and close the file if another program has it locked.",
        ) from exc
    # Excel on Windows saves "CSV" in the ANSI code page; everything else writes UTF-8. The
    # same codec is used to write the file back, so a cp1252 file stays cp1252.
    # A BOM is kept when there was one and not added when there was none.
    utf8 = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
    for encoding in (utf8, "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise DataFormatError(  # pragma: no cover - cp1252 decodes all but 5 byte values
        f"{path} is neither UTF-8 nor Windows-1252 text",
        hint="Save the lead list as 'CSV UTF-8' from your spreadsheet program.",
    )


def _split_records(text: str) -> list[str]:
    """Split CSV text into raw records, keeping each record's own line terminator.

    A newline ends a record only outside quotes. Doubled quotes inside a quoted field toggle the
    state twice, so counting every quote character is enough.
    """
    records: list[str] = []
    start = 0
    in_quotes = False
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            in_quotes = not in_quotes
        elif not in_quotes and ch in "\r\n":
            end = i + 1
            if ch == "\r" and end < n and text[end] == "\n":
                end += 1
            records.append(text[start:end])
            start = i = end
            continue
        i += 1
    if start < n:
        records.append(text[start:])
    return records


def _parse_record(record: str, delimiter: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(record), delimiter=delimiter))
    return rows[0] if rows else []


def _sniff_delimiter(header_line: str) -> str:
    # Spreadsheets in comma-decimal locales save ";"-separated "CSV"; pick the delimiter that
    # makes the header look most like a lead list, comma on ties.
    best, best_score = ",", -1
    for delimiter in (",", ";", "\t"):
        fields = [f.strip().lower() for f in _parse_record(header_line, delimiter)]
        score = sum(name in fields for name in (_CONTACTED_ON, _STATUS, "pi_name", "rank")) * 100
        score += len(fields)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _load_sheet(path: Path) -> _Sheet:
    text, encoding = _read_text(path)
    records = _split_records(text)
    # Trailing blank lines are kept as records (written back untouched) but are not rows.
    if not records or not records[0].strip():
        raise DataFormatError(
            f"{path} is empty: expected a lead list with a header row",
            hint="Pass the CSV written by 'reporter-finder search -o leads.csv'.",
        )
    delimiter = _sniff_delimiter(records[0])
    header = _parse_record(records[0], delimiter)
    rows = [_parse_record(r, delimiter) for r in records[1:]]
    return _Sheet(text, encoding, delimiter, records, header, rows)


def _data_records(sheet: _Sheet) -> list[int]:
    """Indexes into ``sheet.records`` of the data rows (blank lines skipped)."""
    return [i for i in range(1, len(sheet.records)) if sheet.records[i].strip()]


def read_leads(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a lead list CSV exactly as the user left it.

    Every column is kept, in the file's order, with every cell as the string typed (blank cells
    are ``""``, never NaN; ``"NA"`` stays ``"NA"``). A UTF-8 byte-order mark, Windows-1252
    encoding, ``;``/tab delimiters, quoted commas and embedded newlines are handled. Blank lines
    are skipped. The index is the data row's position (0 = first row under the header), which
    :func:`mark_followups` uses to write back. Missing tracking columns are not added.

    Raises:
        DataFormatError: the file cannot be read, is empty, or has duplicate column names.

    Example:
        >>> leads = read_leads("leads.csv")  # doctest: +SKIP
    """
    path = Path(path)
    sheet = _load_sheet(path)
    header = [h.strip() for h in sheet.header]
    if header and header[0].startswith("\ufeff"):  # a second BOM from a careless concat
        header[0] = header[0].lstrip("\ufeff")
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise DataFormatError(
            f"{path} has duplicate column names: {', '.join(repr(d) for d in dupes)}",
            hint="Rename or delete the repeated columns in your spreadsheet.",
        )
    width = len(header)
    data = []
    for i in _data_records(sheet):
        row = sheet.rows[i - 1]
        # Spreadsheets drop trailing empty cells on some rows; pad so every row has a value
        # per column. Cells beyond the header (a stray comma) are kept under generated names
        # only if non-empty — there is no column to hold them otherwise.
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            raise DataFormatError(
                f"{path}, line {_line_number(sheet, i)}: {len(row)} cells but the header has "
                f"{width} columns",
                hint="A cell probably contains an unquoted delimiter; fix that row.",
            )
        data.append((row + [""] * width)[:width])
    # dtype=object keeps plain str cells, exactly as typed (no NaN, no numbers, no dates).
    return pd.DataFrame(data, columns=header, dtype=object)


def _line_number(sheet: _Sheet, record_index: int) -> int:
    """1-based line of a record in the file (what a text editor shows)."""
    before = "".join(sheet.records[:record_index])
    return 1 + (before.count("\n") or before.count("\r"))


# --- selecting -------------------------------------------------------------------------------


def _normalise_status(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return re.sub(r"\s+", " ", text.strip().lower()).rstrip(".")


def due_followups(
    leads: pd.DataFrame,
    *,
    days: int = 7,
    today: date | None = None,
    include_followed_up: bool = False,
) -> pd.DataFrame:
    """The leads whose first e-mail went out at least ``days`` days ago and got no answer.

    A lead is due when ``contacted_on`` is a date at least ``days`` before ``today``, its
    ``status`` is one of :data:`WAITING_STATUSES` (blank counts as waiting), and
    ``follow_up_on`` is blank (set ``include_followed_up=True`` to list those too). Pure: the
    input is not modified.

    Returns:
        The due rows with all their columns and original index, plus ``contacted_date``
        (:class:`datetime.date`) and ``days_waiting`` (int), sorted by ``contacted_date``
        ascending (oldest first), ties in file order.

    Raises:
        DataFormatError: ``contacted_on`` is missing as a column, or a cell in it is not a date
            (every bad cell is listed, with its spreadsheet row number).
        ValueError: ``days`` is negative.

    Example:
        >>> due = due_followups(read_leads("leads.csv"), days=7)  # doctest: +SKIP
    """
    if days < 0:
        raise ValueError("days must be >= 0")
    if _CONTACTED_ON not in leads.columns:
        raise DataFormatError(
            "the lead list has no 'contacted_on' column",
            hint="Add a contacted_on column and fill in the date you sent each e-mail.",
        )
    today = today or date.today()
    contacted: dict[object, date] = {}
    bad: list[str] = []
    for position, (index, value) in enumerate(leads[_CONTACTED_ON].items()):
        try:
            parsed = parse_sheet_date(value)
        except ValueError:
            # position + 2: the header is spreadsheet row 1, the first data row is row 2.
            bad.append(f"row {position + 2}: {str(value)!r}")
            continue
        if parsed is not None:
            contacted[index] = parsed
    if bad:
        raise DataFormatError(
            "contacted_on has values that are not dates: " + "; ".join(bad),
            hint="Write dates as YYYY-MM-DD (11/3/2026 and 3-Nov-2026 also work).",
        )

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


#: Columns of :func:`followup_list`, in order.
FOLLOWUP_LIST_COLUMNS = (
    "rank",
    "pi_name",
    "organization",
    _CONTACTED_ON,
    DAYS_WAITING,
    "top_grant_title",
)


def followup_list(due: pd.DataFrame) -> pd.DataFrame:
    """The due leads as a short table: :data:`FOLLOWUP_LIST_COLUMNS`, oldest contact first.

    ``contacted_on`` is the date as read (ISO ``YYYY-MM-DD``), not as typed: an Excel serial
    number such as ``46329`` means nothing to a reader. Columns the user deleted from the lead
    list are left out (``contacted_on`` and ``days_waiting`` are always there).

    Args:
        due: the result of :func:`due_followups`.

    Example:
        >>> followup_list(due_followups(read_leads("leads.csv")))  # doctest: +SKIP
    """
    table = due.assign(**{_CONTACTED_ON: [d.isoformat() for d in due[CONTACTED_DATE]]})
    columns = [c for c in FOLLOWUP_LIST_COLUMNS if c in table.columns]
    return table.loc[:, columns].reset_index(drop=True)


# --- writing back ----------------------------------------------------------------------------


def _field_spans(record: str, delimiter: str) -> list[tuple[int, int]] | None:
    """(start, end) of each field in a raw record, line terminator excluded.

    Returns None for records whose quoting a plain state machine cannot follow (a bare quote in
    the middle of an unquoted field); the caller then re-serialises the whole record.
    """
    body = record.rstrip("\r\n")
    spans: list[tuple[int, int]] = []
    start = 0
    in_quotes = False
    for i, ch in enumerate(body):
        if ch == '"':
            if not in_quotes and i != start:
                return None
            in_quotes = not in_quotes
        elif ch == delimiter and not in_quotes:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(body)))
    return spans


def _quote(value: str, delimiter: str) -> str:
    if any(ch in value for ch in (delimiter, '"', "\n", "\r")) or value != value.strip():
        return '"' + value.replace('"', '""') + '"'
    return value


def _terminator(record: str, default: str) -> str:
    body = record.rstrip("\r\n")
    return record[len(body) :] or default


def _set_field(record: str, delimiter: str, column: int, value: str, width: int) -> str:
    """Replace (or append) one field of a raw record, leaving every other byte unchanged."""
    body = record.rstrip("\r\n")
    ending = record[len(body) :]
    spans = _field_spans(record, delimiter)
    cells = _parse_record(record, delimiter) if body else []
    if spans is None or len(spans) != max(len(cells), 1):
        # Unusual quoting: fall back to csv's minimal quoting for this one record. Values stay
        # the same; only their quoting may change.
        cells = (cells + [""] * width)[: max(width, len(cells))]
        cells[column] = value
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="").writerow(cells)
        return buffer.getvalue() + ending
    if column >= len(spans):
        # The row is shorter than the header (trailing empty cells dropped): pad it.
        body += delimiter * (column - len(spans) + 1)
        spans = _field_spans(body, delimiter) or spans
    start, end = spans[column]
    return body[:start] + _quote(value, delimiter) + body[end:] + ending


def mark_followups(
    path: str | os.PathLike[str],
    due: pd.DataFrame | Iterable[int],
    *,
    on: date | None = None,
) -> Path:
    """Write ``follow_up_on`` for the due leads back into the lead CSV, atomically.

    ``due`` is the result of :func:`due_followups` on :func:`read_leads` of the same file (its
    index names the data rows), or those row positions directly. Only the ``follow_up_on`` cell
    of those rows changes (set to ``on``, default today, as ``YYYY-MM-DD``); every other byte of
    the file — other cells, quoting, line endings, byte-order mark, encoding, blank lines — is
    kept. If the file has no ``follow_up_on`` column, one is appended. The new content is
    written to a temporary file in the same folder and moved over the original with
    :func:`os.replace`, so a crash never leaves a half-written lead list.

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
    sheet = _load_sheet(path)
    header = [h.strip().lstrip("\ufeff") for h in sheet.header]
    data_records = _data_records(sheet)

    positions = list(due.index) if isinstance(due, pd.DataFrame) else list(due)
    for position in positions:
        if not isinstance(position, int) or not 0 <= position < len(data_records):
            raise DataFormatError(
                f"row {position!r} is not a data row of {path}",
                hint="Pass the result of due_followups(read_leads(path)).",
            )
    if isinstance(due, pd.DataFrame):
        _check_unchanged(path, sheet, header, data_records, due)

    ending = _terminator(sheet.records[0], "\r\n")
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
        records[i] = _set_field(records[i], sheet.delimiter, column, stamp, width)
        if not records[i].endswith(("\n", "\r")) and i < len(records) - 1:
            records[i] += ending  # pragma: no cover - only the last record lacks a terminator
    _atomic_write(path, "".join(records), sheet.encoding)
    return path


def _check_unchanged(
    path: Path, sheet: _Sheet, header: list[str], data_records: list[int], due: pd.DataFrame
) -> None:
    names = [c for c in header if c in due.columns and c != _FOLLOW_UP_ON]
    rows = due[names].itertuples(index=False, name=None)
    for position, values in zip(due.index, rows, strict=True):
        cells = sheet.rows[data_records[position] - 1]
        current = (cells + [""] * len(header))[: len(header)]
        for name, value in zip(names, values, strict=True):
            if str(value) != current[header.index(name)]:
                raise DataFormatError(
                    f"{path} changed since the follow-ups were computed (row {position + 2}, "
                    f"column {name!r})",
                    hint="Close the file in your spreadsheet program and run the command again.",
                )


def _atomic_write(path: Path, text: str, encoding: str) -> None:
    try:
        atomic_write_text(path, text, encoding=encoding)
    except OSError as exc:
        raise DataFormatError(
            f"cannot write {path}: {exc.strerror or exc}",
            hint="Close the file in your spreadsheet program and check the folder's permissions.",
        ) from exc
