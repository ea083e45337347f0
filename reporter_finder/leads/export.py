"""Lead lists and tables to CSV, XLSX, JSON, JSONL or a terminal table.

Every writer here shares three rules:

* **Fixed columns.** A lead list always has exactly ``LEAD_COLUMNS + TRACKING_COLUMNS`` in that
  order, even when it is empty (the header is still written).
* **Formula-injection neutralizing.** Grant titles, names and departments are third-party
  text. In CSV and XLSX a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return gets a leading apostrophe (``'=HYPERLINK(...)``), the OWASP recommendation,
  so a spreadsheet shows it as text instead of evaluating it. The apostrophe is visible in
  the cell; the untouched text is in the JSON/JSONL output. Real numbers (a negative
  ``months_left``) are written as numbers and are never touched.
* **Atomic writes.** A file is written to a temporary file in the same directory and then
  renamed over the destination with :func:`os.replace`, so an interrupted run never leaves a
  half-written lead list; the temporary file is removed on failure. ``"-"`` means stdout.

pandas, numpy and openpyxl are imported inside the functions that need them: the command line
imports :data:`FORMATS` and :func:`infer_format` while building ``--help``, which must stay fast.

Example:
    >>> from reporter_finder.leads.export import lead_list, write_leads
    >>> write_leads(lead_list(search.ranked, top=50), "leads.csv", "csv")  # doctest: +SKIP
"""

from __future__ import annotations

import io
import json
import logging
import math
import numbers
import os
import shutil
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from reporter_finder._files import atomic_open
from reporter_finder.schema import (
    LEAD_COLUMNS,
    LEAD_LIST_COLUMNS,
    PUBLICATION_LEAD_COLUMNS,
    TRACKING_COLUMNS,
)

if TYPE_CHECKING:  # pragma: no cover - typing only; pandas is imported lazily
    import pandas as pd

logger = logging.getLogger(__name__)

#: Output formats, in the order ``--format`` lists them.
FORMATS: Final = ("table", "csv", "xlsx", "json", "jsonl")

#: File extensions that imply a format (case-insensitive).
EXTENSION_FORMATS: Final = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "table",
}

#: Separator used when a list cell is flattened into one CSV/XLSX/table cell.
LIST_SEPARATOR: Final = "; "

#: First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r")

#: Every column of a lead list, in order.
LEAD_LIST_HEADER: Final = (*LEAD_COLUMNS, *TRACKING_COLUMNS)

#: The lead-list columns shown by the terminal table (the full list goes to files).
LEAD_TABLE_COLUMNS: Final = (
    "rank",
    "score",
    "pi_name",
    "organization",
    "state",
    "n_active_grants",
    "active_funding",
    "activity_codes",
    "top_grant_title",
)

#: Lead-list columns frozen at the left of an XLSX sheet (rank, score, pi_name).
LEAD_FROZEN_COLUMNS: Final = 3

#: XLSX column widths, in characters.
_XLSX_MIN_WIDTH: Final = 6
_XLSX_MAX_WIDTH: Final = 60
#: Rows inspected to size XLSX columns: enough for a lead list, cheap for a large grants table.
_XLSX_WIDTH_SAMPLE: Final = 500

#: Widest a terminal-table column may be before the table is squeezed to the terminal width.
_TABLE_MAX_CELL: Final = 48
_TABLE_MIN_CELL: Final = 4
_TABLE_GAP: Final = "  "


# --- format selection ---------------------------------------------------------------------


def infer_format(path: str | os.PathLike[str] | None, fmt: str | None, *, is_tty: bool) -> str:
    """Decide the output format from an explicit ``fmt``, the file extension or the terminal.

    Args:
        path: the destination; ``None`` or ``"-"`` means stdout.
        fmt: the format asked for (one of :data:`FORMATS`), or ``None`` to infer it.
        is_tty: whether stdout is a terminal (only used when writing to stdout).

    Returns:
        One of :data:`FORMATS`: ``fmt`` when given; else the format of the extension; else
        ``"table"`` on a terminal and ``"csv"`` when stdout is piped or redirected.

    Raises:
        ValueError: unknown format, an extension that names no format, or XLSX (binary) to a
            terminal. The message says what to pass instead.

    Example:
        >>> infer_format("leads.xlsx", None, is_tty=False)
        'xlsx'
    """
    to_stdout = path is None or str(path) == "-"
    if fmt is not None:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} — use one of: {', '.join(FORMATS)}")
        if fmt == "xlsx" and to_stdout and is_tty:
            raise ValueError(
                "refusing to write XLSX (binary) to the terminal — use -o FILE.xlsx "
                "or redirect stdout to a file"
            )
        return fmt
    if to_stdout:
        return "table" if is_tty else "csv"
    suffix = Path(str(path)).suffix.lower()
    if suffix in EXTENSION_FORMATS:
        return EXTENSION_FORMATS[suffix]
    raise ValueError(
        f"cannot tell the format of {os.fspath(path)!r} from its extension — use a .csv, "
        f".xlsx, .json or .jsonl file name, or pass --format {'|'.join(FORMATS)}"
    )


# --- lead list ----------------------------------------------------------------------------


def lead_list(ranked: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """The lead list users open in Excel, from a ranked PI table.

    Args:
        ranked: ``MentorSearch.ranked`` (the ``LEAD_COLUMNS`` first, extra score columns after;
            extra columns are dropped). An empty frame, even one without columns, is fine.
            ``n_publications`` and ``recent_publications`` may be missing (publications not
            looked up): they are then empty, not 0.
        top: keep the best ``top`` rows (by ``rank``); ``None`` keeps all.

    Returns:
        A new DataFrame with exactly ``LEAD_COLUMNS + TRACKING_COLUMNS``: list columns hold
        lists (never missing), ``score`` is rounded to 4 decimals, ``n_publications`` is Int64
        (``<NA>`` for a PI whose publications were not looked up), and the tracking columns
        (status, contacted_on, follow_up_on, notes) are empty for the user to fill.

    Raises:
        ValueError: ``ranked`` has rows but lacks some of the ``LEAD_COLUMNS``, or ``top`` < 0.

    Example:
        >>> leads = lead_list(search.ranked, top=50)  # doctest: +SKIP
    """
    import pandas as pd

    if top is not None and top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    # The publication columns come from a later, optional step (attach_publications): a
    # ranked table without them is complete, its publications just were not looked up.
    ranked = ranked.assign(
        **{c: pd.NA for c in PUBLICATION_LEAD_COLUMNS if c not in ranked.columns and len(ranked)}
    )
    missing = [column for column in LEAD_COLUMNS if column not in ranked.columns]
    if missing and len(ranked):
        raise ValueError(f"the ranked table lacks lead-list columns: {', '.join(missing)}")

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
            [_as_list(value) for value in leads[column]], index=leads.index, dtype="object"
        )
    if len(leads):
        leads["score"] = pd.to_numeric(leads["score"], errors="coerce").round(4)
        leads["n_publications"] = pd.to_numeric(leads["n_publications"]).astype("Int64")
    for column in TRACKING_COLUMNS:
        leads[column] = pd.Series([pd.NA] * len(leads), index=leads.index, dtype="string")
    return leads


def write_leads(leads: pd.DataFrame, dest: str | os.PathLike[str], fmt: str) -> int:
    """Write a lead list (or a ranked table, turned into one) to ``dest`` in ``fmt``.

    Args:
        leads: the result of :func:`lead_list`; a ranked table is passed through it first.
        dest: a file path, or ``"-"`` for stdout.
        fmt: one of :data:`FORMATS` (see :func:`infer_format`).

    Returns:
        The number of data rows written.

    Raises:
        ValueError: unknown format. OSError: the file cannot be written (nothing is left
            behind at ``dest`` when that happens).

    Example:
        >>> write_leads(lead_list(search.ranked), "leads.xlsx", "xlsx")  # doctest: +SKIP
    """
    if tuple(leads.columns) != LEAD_LIST_HEADER:
        leads = lead_list(leads)
    return write_table(
        leads,
        dest,
        fmt,
        list_columns=LEAD_LIST_COLUMNS,
        table_columns=LEAD_TABLE_COLUMNS,
        freeze_columns=LEAD_FROZEN_COLUMNS,
    )


def write_table(
    df: pd.DataFrame,
    dest: str | os.PathLike[str],
    fmt: str,
    *,
    list_columns: Collection[str] | None = None,
    table_columns: Sequence[str] | None = None,
    freeze_columns: int = 0,
) -> int:
    """Write any table (grants, projects, a PI's grants) to ``dest`` in ``fmt``.

    Args:
        df: the table; its column order is kept, its index is not written.
        dest: a file path, or ``"-"`` for stdout.
        fmt: one of :data:`FORMATS`.
        list_columns: columns holding lists. In JSON a missing value there becomes ``[]``; in
            the other formats lists are joined with ``"; "``. ``None`` detects list cells.
        table_columns: the subset of columns shown by the ``table`` format (all when ``None``).
        freeze_columns: how many left columns stay visible when scrolling an XLSX sheet.

    Returns:
        The number of data rows written.

    Raises:
        ValueError: unknown format. OSError: the file cannot be written.

    Example:
        >>> write_table(tables.grants, "grants.csv", "csv")  # doctest: +SKIP
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} — use one of: {', '.join(FORMATS)}")
    columns = [str(column) for column in df.columns]
    rows = _plain_rows(df)
    lists = frozenset(list_columns) if list_columns is not None else _detect_lists(columns, rows)

    if fmt == "xlsx":
        writer: Callable[[IO[Any]], None] = lambda out: _write_xlsx(  # noqa: E731
            out, columns, rows, freeze_columns
        )
        _emit(dest, writer, binary=True)
    else:
        render = {
            "csv": lambda out: _write_csv(out, columns, rows),
            "json": lambda out: _write_json(out, columns, rows, lists, lines=False),
            "jsonl": lambda out: _write_json(out, columns, rows, lists, lines=True),
            "table": lambda out: _write_terminal_table(
                out, columns, rows, table_columns, width=_terminal_width(dest)
            ),
        }[fmt]
        _emit(dest, render, binary=False)
    logger.debug("wrote %d rows as %s to %s", len(rows), fmt, dest)
    return len(rows)


def write_records(
    records: Sequence[Mapping[str, Any]],
    dest: str | os.PathLike[str],
    *,
    meta: Mapping[str, Any] | None = None,
) -> int:
    """Save raw RePORTER project records as JSON that ``load_records`` (``--load``) reads back.

    The file has RePORTER's own envelope, ``{"meta": {...}, "results": [...]}``, so it can be
    opened by any tool that reads the API's responses.

    Args:
        records: project records as the API returned them (not modified).
        dest: a file path (written atomically), or ``"-"`` for stdout.
        meta: extra facts to store under ``"meta"`` (``total`` is always set).

    Returns:
        The number of records written.

    Raises:
        OSError: the file cannot be written.

    Example:
        >>> write_records(client.fetch_projects(query), "cardiology.json")  # doctest: +SKIP
    """
    envelope = {"meta": {**(meta or {}), "total": len(records)}, "results": list(records)}

    def render(out: IO[str]) -> None:
        # default=str: a stray datetime in "meta" must not lose a long download.
        json.dump(envelope, out, ensure_ascii=False, indent=1, default=str)
        out.write("\n")

    _emit(dest, render, binary=False)
    return len(records)


# --- cell values --------------------------------------------------------------------------


def _as_list(value: Any) -> list[Any]:
    """A list cell as a list: missing → ``[]``, a bare string → ``[string]``."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple, set, frozenset)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return items if isinstance(items, list) else [items]
    return []


def _plain_rows(df: pd.DataFrame) -> list[list[Any]]:
    """The table as rows of plain Python values (None, bool, int, float, str, date, list)."""
    import numpy as np
    import pandas as pd

    def plain(value: Any) -> Any:
        if isinstance(value, str):
            return value
        if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
            return [plain(item) for item in value]
        if value is None or value is pd.NA or value is pd.NaT:
            return None
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, numbers.Real):
            number = float(value)
            return None if math.isnan(number) or math.isinf(number) else number
        if isinstance(value, np.datetime64):
            value = pd.Timestamp(value)
            if value is pd.NaT:
                return None
        if isinstance(value, datetime):
            if isinstance(value, pd.Timestamp):
                value = value.to_pydatetime()
            value = value.replace(tzinfo=None) if value.tzinfo is not None else value
            # RePORTER dates carry a meaningless midnight: a date is what users expect.
            return value.date() if value.time() == datetime.min.time() else value
        if isinstance(value, date):
            return value
        return str(value)

    return [[plain(value) for value in row] for row in df.itertuples(index=False, name=None)]


def _detect_lists(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> frozenset[str]:
    found = {
        column
        for index, column in enumerate(columns)
        if any(isinstance(row[index], list) for row in rows)
    }
    return frozenset(found)


def _neutralize(text: str) -> str:
    """Make third-party text safe for a spreadsheet cell (see the module docstring)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _text(value: Any) -> str:
    """One cell as text for CSV and the terminal: ISO dates, plain numbers, joined lists."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_text(item) for item in value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float):
        # Money is a whole number of dollars: write 250000, not 250000.0.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _json_value(value: Any, is_list: bool) -> Any:
    if is_list and value is None:
        return []
    if isinstance(value, list):
        return [_json_value(item, False) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


# --- writers ------------------------------------------------------------------------------


def _write_csv(out: IO[str], columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    import csv

    # The csv module does the quoting: never hand-escape commas or quotes. CRLF (RFC 4180,
    # what Excel writes) also matters for safety: the csv module quotes a field only for the
    # line-ending characters of its own terminator, so with "\n" a bare "\r" inside a title
    # would go out unquoted and split the row for every reader.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [_neutralize(_text(v)) if isinstance(v, (str, list)) else _text(v) for v in row]
        )


def _write_json(
    out: IO[str],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    list_columns: Collection[str],
    *,
    lines: bool,
) -> None:
    is_list = [column in list_columns for column in columns]
    records = (
        {
            column: _json_value(value, flag)
            for column, value, flag in zip(columns, row, is_list, strict=True)
        }
        for row in rows
    )
    # allow_nan=False: NaN was turned into None above, and bare NaN is not valid JSON.
    if lines:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
    else:
        out.write(json.dumps(list(records), ensure_ascii=False, allow_nan=False, indent=2) + "\n")


def _write_xlsx(
    out: IO[bytes], columns: Sequence[str], rows: Sequence[Sequence[Any]], freeze_columns: int
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "leads" if tuple(columns) == LEAD_LIST_HEADER else "table"
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)

    link_font = Font(color="0563C1", underline="single")
    for row_number, row in enumerate(rows, start=2):
        for column_number, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            if isinstance(value, (str, list)):
                text = _text(value)
                if text.startswith(("https://", "http://")) and LIST_SEPARATOR not in text:
                    cell.value = text
                    cell.hyperlink = text
                    cell.font = link_font
                elif text:
                    # Set the type explicitly: openpyxl would store "=..." as a formula.
                    cell.value = _neutralize(text)
                    cell.data_type = "s"
            elif isinstance(value, (date, datetime)):
                cell.value = value
                cell.number_format = (
                    "yyyy-mm-dd" if not isinstance(value, datetime) else "yyyy-mm-dd hh:mm:ss"
                )
            else:
                cell.value = value  # numbers and booleans stay numbers and booleans

    for column_number, column in enumerate(columns, start=1):
        sample = (_text(row[column_number - 1]) for row in rows[:_XLSX_WIDTH_SAMPLE])
        longest = max([len(column), *(len(text) for text in sample)])
        width = min(max(longest + 2, _XLSX_MIN_WIDTH), _XLSX_MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(column_number)].width = width
    frozen = min(max(freeze_columns, 0), len(columns))
    sheet.freeze_panes = f"{get_column_letter(frozen + 1)}2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
    workbook.save(out)


def _write_terminal_table(
    out: IO[str],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    table_columns: Sequence[str] | None,
    *,
    width: int,
) -> None:
    shown = [c for c in (table_columns or columns) if c in columns] or list(columns)
    indexes = [columns.index(column) for column in shown]
    numeric = [
        all(isinstance(row[i], (int, float)) or row[i] is None for row in rows) and bool(rows)
        for i in indexes
    ]
    cells = [[_display(row[i]) for i in indexes] for row in rows]
    widths = [
        min(max([len(column), *(len(row[j]) for row in cells)]), _TABLE_MAX_CELL)
        for j, column in enumerate(shown)
    ]
    widths = _fit_widths(widths, width - len(_TABLE_GAP) * (len(shown) - 1))

    def line(values: Sequence[str], align_numbers: bool) -> str:
        parts = [
            _clip(value, w).rjust(w) if align_numbers and num else _clip(value, w).ljust(w)
            for value, w, num in zip(values, widths, numeric, strict=True)
        ]
        return _TABLE_GAP.join(parts).rstrip()

    out.write(line(shown, align_numbers=False) + "\n")
    out.write(_TABLE_GAP.join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write(line(row, align_numbers=True) + "\n")


def _display(value: Any) -> str:
    """A cell for human eyes: thousands separators for large numbers, one line."""
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.3f}" if abs(value) < 1000 else f"{value:,.0f}"
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))
    else:
        text = _text(value)
    return " ".join(text.split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _fit_widths(widths: list[int], available: int) -> list[int]:
    """Shrink the widest columns, one character at a time, until the row fits ``available``."""
    widths = list(widths)
    while sum(widths) > available:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= _TABLE_MIN_CELL:
            break  # cannot shrink further: let the terminal wrap rather than hide columns
        widths[widest] -= 1
    return widths


def _terminal_width(dest: str | os.PathLike[str]) -> int:
    if str(dest) != "-":
        return 10_000  # a table written to a file is not squeezed
    return shutil.get_terminal_size(fallback=(120, 24)).columns


# --- destinations -------------------------------------------------------------------------


def _emit(dest: str | os.PathLike[str], write: Callable[[IO[Any]], None], *, binary: bool) -> None:
    if str(dest) == "-":
        if binary:
            # Render in memory first: a failure must not leave half a workbook on stdout.
            buffer = io.BytesIO()
            write(buffer)
            sys.stdout.flush()
            sys.stdout.buffer.write(buffer.getvalue())
            sys.stdout.buffer.flush()
        else:
            write(sys.stdout)
            sys.stdout.flush()
        return
    with atomic_open(dest, binary=binary) as handle:
        write(handle)


__all__ = [
    "EXTENSION_FORMATS",
    "FORMATS",
    "LEAD_LIST_HEADER",
    "infer_format",
    "lead_list",
    "write_leads",
    "write_records",
    "write_table",
]
