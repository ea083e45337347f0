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
* **No silent overwrite.** Every writer takes ``overwrite``, ``False`` by default: an
  existing file is then refused with :class:`~reporter_finder.errors.OutputExistsError`
  before anything is written (the file and its sidecar stay byte for byte as they were). A
  lead list is where its owner keeps their outreach notes (status, contacted_on, notes), so
  losing it to a rerun is worse than one more keyword; ``overwrite=True`` replaces the file,
  as ``--force`` does on the command line.
* **Partial results are marked.** A result kept with ``--allow-partial`` carries a note: in
  JSON it is ``{"meta": {"partial": note}, "results": [...]}`` instead of a bare list, in the
  terminal table a first ``# PARTIAL RESULT: …`` line, and beside a CSV, JSONL or XLSX file a
  sidecar ``<file>.partial.txt`` (the columns stay the lead list's fixed ones). Writing a
  whole result removes a sidecar left by an earlier partial run.

The columns are :mod:`reporter_finder.schema`'s; cell values and text are
:mod:`~reporter_finder.leads.cells`'s; the workbook and the terminal table are drawn by
:mod:`~reporter_finder.leads.xlsx` and :mod:`~reporter_finder.leads.terminal`.

pandas, numpy and openpyxl are imported inside the functions that need them: the command line
imports :data:`FORMATS` and :func:`infer_format` while building ``--help``, which must stay fast.

Example:
    >>> from reporter_finder.leads.listing import lead_list
    >>> from reporter_finder.leads.export import write_leads
    >>> write_leads(lead_list(search.ranked, top=50), "leads.csv", "csv")  # doctest: +SKIP
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from reporter_finder._files import atomic_open
from reporter_finder.errors import InvalidArgumentError, OutputExistsError
from reporter_finder.leads.cells import csv_text, neutralize, plain_rows
from reporter_finder.leads.listing import lead_list
from reporter_finder.leads.terminal import terminal_width, write_terminal_table
from reporter_finder.leads.xlsx import write_xlsx
from reporter_finder.schema import LEAD_LIST_COLUMNS, LEAD_LIST_HEADER, LEAD_TABLE_COLUMNS

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

#: Lead-list columns frozen at the left of an XLSX sheet (rank, score, pi_name).
LEAD_FROZEN_COLUMNS: Final = 3


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
        InvalidArgumentError: unknown format, an extension that names no format, or XLSX
            (binary) to a terminal. The message says what to pass instead.

    Example:
        >>> infer_format("leads.xlsx", None, is_tty=False)
        'xlsx'
    """
    to_stdout = path is None or str(path) == "-"
    if fmt is not None:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise InvalidArgumentError(f"unknown format {fmt!r} — use one of: {', '.join(FORMATS)}")
        if fmt == "xlsx" and to_stdout and is_tty:
            raise InvalidArgumentError(
                "refusing to write XLSX (binary) to the terminal — use -o FILE.xlsx "
                "or redirect stdout to a file"
            )
        return fmt
    if to_stdout or path is None:  # the same test; this spelling lets mypy narrow ``path``
        return "table" if is_tty else "csv"
    suffix = Path(str(path)).suffix.lower()
    if suffix in EXTENSION_FORMATS:
        return EXTENSION_FORMATS[suffix]
    raise InvalidArgumentError(
        f"cannot tell the format of {os.fspath(path)!r} from its extension — use a .csv, "
        f".xlsx, .json or .jsonl file name, or pass --format {'|'.join(FORMATS)}"
    )


def write_leads(
    leads: pd.DataFrame,
    dest: str | os.PathLike[str],
    fmt: str,
    *,
    partial: str | None = None,
    overwrite: bool = False,
    wide: bool = False,
) -> int:
    """Write a lead list (or a ranked table, turned into one) to ``dest`` in ``fmt``.

    Args:
        leads: the result of :func:`lead_list`; a ranked table is passed through it first.
        dest: a file path, or ``"-"`` for stdout.
        fmt: one of :data:`FORMATS` (see :func:`infer_format`).
        partial: the note of a partial result (see the module doc), or None.
        overwrite: replace ``dest`` if it exists. ``False`` (the default) refuses, because
            the file may hold the user's outreach notes (see the module doc).
        wide: the ``table`` format shows every column, not those that fit the terminal.

    Returns:
        The number of data rows written.

    Raises:
        InvalidArgumentError: unknown format.
        OutputExistsError: ``dest`` exists and ``overwrite`` is false (it is untouched).
        OSError: the file cannot be written (nothing is left behind at ``dest`` when that
            happens).

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
        partial=partial,
        overwrite=overwrite,
        wide=wide,
    )


def write_table(
    df: pd.DataFrame,
    dest: str | os.PathLike[str],
    fmt: str,
    *,
    list_columns: Collection[str] | None = None,
    table_columns: Sequence[str] | None = None,
    freeze_columns: int = 0,
    partial: str | None = None,
    overwrite: bool = False,
    wide: bool = False,
) -> int:
    """Write any table (grants, projects, a PI's grants) to ``dest`` in ``fmt``.

    Args:
        df: the table; its column order is kept, its index is not written.
        dest: a file path, or ``"-"`` for stdout.
        fmt: one of :data:`FORMATS`.
        list_columns: columns holding lists. In JSON a missing value there becomes ``[]``; in
            the other formats lists are joined with ``"; "``. ``None`` detects list cells.
        table_columns: the columns the ``table`` format shows, best first: as many as fit the
            terminal (:mod:`~reporter_finder.leads.terminal`); ``None``: the table's order.
        freeze_columns: how many left columns stay visible when scrolling an XLSX sheet.
        partial: the note of a partial result (see the module doc), or None.
        overwrite: replace ``dest`` if it exists (default: refuse, as :func:`write_leads`).
        wide: the ``table`` format shows every column, not those that fit the terminal.

    Returns:
        The number of data rows written.

    Raises:
        InvalidArgumentError: unknown format.
        OutputExistsError: ``dest`` exists and ``overwrite`` is false (it is untouched).
        OSError: the file cannot be written.

    Example:
        >>> write_table(tables.grants, "grants.csv", "csv")  # doctest: +SKIP
    """
    if fmt not in FORMATS:
        raise InvalidArgumentError(f"unknown format {fmt!r} — use one of: {', '.join(FORMATS)}")
    refuse_existing(dest, overwrite)  # before the sidecar or anything else is touched
    columns = [str(column) for column in df.columns]
    rows = plain_rows(df)
    lists = frozenset(list_columns) if list_columns is not None else _detect_lists(columns, rows)

    if fmt == "xlsx":
        writer: Callable[[IO[Any]], None] = lambda out: write_xlsx(  # noqa: E731
            out, columns, rows, freeze_columns
        )
        _emit(dest, writer, binary=True, overwrite=overwrite)
    else:
        render = {
            "csv": lambda out: _write_csv(out, columns, rows),
            "json": lambda out: _write_json(
                out, columns, rows, lists, lines=False, partial=partial
            ),
            "jsonl": lambda out: _write_json(out, columns, rows, lists, lines=True),
            "table": lambda out: _write_table(
                out, columns, rows, table_columns, dest, partial, wide
            ),
        }[fmt]
        _emit(dest, render, binary=False, overwrite=overwrite)
    if fmt in ("csv", "jsonl", "xlsx"):
        _mark_partial(dest, partial)
    logger.debug("wrote %d rows as %s to %s", len(rows), fmt, dest)
    return len(rows)


def refuse_existing(dest: str | os.PathLike[str], overwrite: bool) -> None:
    """Raise :class:`OutputExistsError` when ``dest`` is an existing file and ``overwrite``
    is false (``"-"``, stdout, is never refused).

    Example:
        >>> refuse_existing("-", overwrite=False)  # stdout: nothing to protect
    """
    if overwrite or str(dest) == "-" or not os.path.lexists(dest):
        return
    name = os.fspath(dest)
    raise OutputExistsError(f"{name} exists", path=name, hint="pass overwrite=True to replace it")


def partial_sidecar(dest: str | os.PathLike[str]) -> Path:
    """The file beside ``dest`` that marks it as a partial result: ``<dest>.partial.txt``."""
    return Path(f"{os.fspath(dest)}.partial.txt")


def _mark_partial(dest: str | os.PathLike[str], partial: str | None) -> None:
    if str(dest) == "-":
        return  # stdout: the command says it on stderr
    sidecar = partial_sidecar(dest)
    if partial is None:
        # A whole result replaces a partial one: its old mark would now be wrong.
        sidecar.unlink(missing_ok=True)
        return
    with atomic_open(sidecar, binary=False) as handle:
        handle.write(f"{os.path.basename(os.fspath(dest))}: {partial}\n")


def _write_table(
    out: IO[str],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    table_columns: Sequence[str] | None,
    dest: str | os.PathLike[str],
    partial: str | None,
    wide: bool,
) -> None:
    if partial is not None:
        out.write(f"# {partial}\n")
    write_terminal_table(out, columns, rows, table_columns, width=terminal_width(dest), wide=wide)


def write_records(
    records: Sequence[Mapping[str, Any]],
    dest: str | os.PathLike[str],
    *,
    meta: Mapping[str, Any] | None = None,
    overwrite: bool = False,
) -> int:
    """Save raw RePORTER project records as JSON that ``load_records`` (``--load``) reads back.

    The file has RePORTER's own envelope, ``{"meta": {...}, "results": [...]}``, so it can be
    opened by any tool that reads the API's responses.

    Args:
        records: project records as the API returned them (not modified).
        dest: a file path (written atomically), or ``"-"`` for stdout.
        meta: extra facts to store under ``"meta"`` (``total`` is always set).
        overwrite: replace ``dest`` if it exists. ``False`` (the default) refuses: a saved
            download may be hours of requests, and the records behind an earlier ranking.

    Returns:
        The number of records written.

    Raises:
        OutputExistsError: ``dest`` exists and ``overwrite`` is false (it is untouched).
        OSError: the file cannot be written.

    Example:
        >>> write_records(client.fetch_projects(query), "cardiology.json")  # doctest: +SKIP
    """
    refuse_existing(dest, overwrite)
    envelope = {"meta": {**(meta or {}), "total": len(records)}, "results": list(records)}

    def render(out: IO[str]) -> None:
        # default=str: a stray datetime in "meta" must not lose a long download.
        json.dump(envelope, out, ensure_ascii=False, indent=1, default=str)
        out.write("\n")

    _emit(dest, render, binary=False, overwrite=overwrite)
    return len(records)


# --- cell values --------------------------------------------------------------------------


def _detect_lists(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> frozenset[str]:
    found = {
        column
        for index, column in enumerate(columns)
        if any(isinstance(row[index], list) for row in rows)
    }
    return frozenset(found)


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
            [neutralize(csv_text(v)) if isinstance(v, (str, list)) else csv_text(v) for v in row]
        )


def _write_json(
    out: IO[str],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    list_columns: Collection[str],
    *,
    lines: bool,
    partial: str | None = None,
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
        data: Any = list(records)
        if partial is not None:  # the envelope load_records and RePORTER itself use
            data = {"meta": {"partial": partial}, "results": data}
        out.write(json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2) + "\n")


# --- destinations -------------------------------------------------------------------------


def _emit(
    dest: str | os.PathLike[str],
    write: Callable[[IO[Any]], None],
    *,
    binary: bool,
    overwrite: bool,
) -> None:
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
    try:
        # replace=False: a file that appeared while this one was rendered is not clobbered.
        with atomic_open(dest, binary=binary, replace=overwrite) as handle:
            write(handle)
    except FileExistsError:
        refuse_existing(dest, overwrite)  # the typed error, with the path
        raise


__all__ = [
    "EXTENSION_FORMATS",
    "FORMATS",
    "infer_format",
    "partial_sidecar",
    "refuse_existing",
    "write_leads",
    "write_records",
    "write_table",
]
