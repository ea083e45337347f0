"""A lead list as the applicant left it: read without losing a byte, edited in place.

The lead CSV is the applicant's own working document: after ``reporter-finder search`` wrote it,
they opened it in Excel or LibreOffice, filled in ``status`` and ``contacted_on``, added their own
columns and notes, maybe re-saved it with a byte-order mark, in Windows-1252, or with ``;`` as
the delimiter. :func:`read_leads` reads such a file with every cell the string the user typed;
:class:`Sheet` keeps the raw text of each record so that :mod:`reporter_finder.leads.followups`
can change one cell and leave every other byte of the file as it was. A lead list saved as an
Excel workbook (``.xlsx``) is read by :mod:`reporter_finder.leads.workbook` into the same table.

Only :func:`read_leads` is public; :func:`read_bytes`, :func:`load_sheet`, :func:`set_field`,
:func:`terminator` and :func:`write_sheet` are this package's own tools for writing back.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reporter_finder._files import atomic_write_text
from reporter_finder.errors import DataFormatError
from reporter_finder.leads import workbook

__all__ = ["read_leads"]

#: Header names that tell a lead list's delimiter apart from a stray one.
_HEADER_HINTS = ("contacted_on", "status", "pi_name", "rank")


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """A lead CSV as text, with what is needed to write it back byte-for-byte."""

    text: str
    encoding: str  # the codec the file was read with ("utf-8-sig" keeps a BOM)
    delimiter: str
    records: list[str]  # raw text of each record, line terminator included
    header: list[str]
    rows: list[list[str]]


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a file that cannot be read is a :class:`DataFormatError`."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataFormatError(
            f"cannot read lead list {path}: {exc.strerror or exc}",
            hint="Check the path, and close the file if another program has it locked.",
        ) from exc


def _decode(path: Path, raw: bytes) -> tuple[str, str]:
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


def split_records(text: str) -> list[str]:
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


def parse_record(record: str, delimiter: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(record), delimiter=delimiter))
    return rows[0] if rows else []


def _sniff_delimiter(header_line: str) -> str:
    # Spreadsheets in comma-decimal locales save ";"-separated "CSV"; pick the delimiter that
    # makes the header look most like a lead list, comma on ties.
    best, best_score = ",", -1
    for delimiter in (",", ";", "\t"):
        fields = [f.strip().lower() for f in parse_record(header_line, delimiter)]
        score = sum(name in fields for name in _HEADER_HINTS) * 100
        score += len(fields)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def load_sheet(path: Path, raw: bytes | None = None) -> Sheet:
    """The CSV at ``path`` (whose bytes are ``raw``, when already read) as a :class:`Sheet`."""
    text, encoding = _decode(path, read_bytes(path) if raw is None else raw)
    records = split_records(text)
    # Trailing blank lines are kept as records (written back untouched) but are not rows.
    if not records or not records[0].strip():
        raise DataFormatError(
            f"{path} is empty: expected a lead list with a header row",
            hint="Pass the CSV written by 'reporter-finder search -o leads.csv'.",
        )
    delimiter = _sniff_delimiter(records[0])
    header = parse_record(records[0], delimiter)
    rows = [parse_record(r, delimiter) for r in records[1:]]
    return Sheet(text, encoding, delimiter, records, header, rows)


def data_record_indexes(sheet: Sheet) -> list[int]:
    """Indexes into ``sheet.records`` of the data rows (blank lines skipped)."""
    return [i for i in range(1, len(sheet.records)) if sheet.records[i].strip()]


def read_leads(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a lead list, CSV or Excel workbook (``.xlsx``), exactly as the user left it.

    Every column is kept, in the file's order, with every cell as the string typed (blank cells
    are ``""``, never NaN; ``"NA"`` stays ``"NA"``). A UTF-8 byte-order mark, Windows-1252
    encoding, ``;``/tab delimiters, quoted commas and embedded newlines are handled. Blank lines
    are skipped. The index is the data row's position (0 = first row under the header), which
    :func:`mark_followups` uses to write back. Missing tracking columns are not added.

    A workbook is recognised by its content, whatever its name. Its sheet named ``leads`` (else
    its first sheet) is read with row 1 as the header and each cell as the text a CSV would
    hold: a date cell is ``YYYY-MM-DD``, a number is plain (``250000``, not ``250000.0``), a
    formula is its last computed value.

    Raises:
        DataFormatError: the file cannot be read, is empty, has duplicate column names, or is
            neither CSV text nor an ``.xlsx`` workbook.

    Example:
        >>> leads = read_leads("leads.csv")  # doctest: +SKIP
    """
    path = Path(path)
    raw = read_bytes(path)
    if workbook.is_workbook(path, raw):
        table = workbook.read_table(path, raw)
        return _frame(path, table.header, table.rows)
    sheet = load_sheet(path, raw)
    width = len(sheet.header)
    data = []
    for i in data_record_indexes(sheet):
        row = sheet.rows[i - 1]
        # Spreadsheets drop trailing empty cells on some rows; pad so every row has a value
        # per column. Cells beyond the header (a stray comma) are an error only if non-empty:
        # there is no column to hold them.
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            raise DataFormatError(
                f"{path}, line {_line_number(sheet, i)}: {len(row)} cells but the header has "
                f"{width} columns",
                hint="A cell probably contains an unquoted delimiter; fix that row.",
            )
        data.append((row + [""] * width)[:width])
    return _frame(path, sheet.header, data)


def _frame(path: Path, raw_header: list[str], data: list[list[str]]) -> pd.DataFrame:
    """The table of a CSV or a workbook, under the same rules for its header."""
    header = [h.strip() for h in raw_header]
    if header and header[0].startswith("\ufeff"):  # a second BOM from a careless concat
        header[0] = header[0].lstrip("\ufeff")
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise DataFormatError(
            f"{path} has duplicate column names: {', '.join(repr(d) for d in dupes)}",
            hint="Rename or delete the repeated columns in your spreadsheet.",
        )
    # dtype=object keeps plain str cells, exactly as typed (no NaN, no numbers, no dates).
    return pd.DataFrame(data, columns=header, dtype=object)


def _line_number(sheet: Sheet, record_index: int) -> int:
    """1-based line of a record in the file (what a text editor shows)."""
    before = "".join(sheet.records[:record_index])
    return 1 + (before.count("\n") or before.count("\r"))


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


def terminator(record: str, default: str) -> str:
    body = record.rstrip("\r\n")
    return record[len(body) :] or default


def set_field(record: str, delimiter: str, column: int, value: str, width: int) -> str:
    """Replace (or append) one field of a raw record, leaving every other byte unchanged."""
    body = record.rstrip("\r\n")
    ending = record[len(body) :]
    spans = _field_spans(record, delimiter)
    cells = parse_record(record, delimiter) if body else []
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


def write_sheet(path: Path, text: str, encoding: str) -> None:
    try:
        atomic_write_text(path, text, encoding=encoding)
    except OSError as exc:
        raise DataFormatError(
            f"cannot write {path}: {exc.strerror or exc}",
            hint="Close the file in your spreadsheet program and check the folder's permissions.",
        ) from exc
