"""A lead list as an Excel workbook (.xlsx): read like a CSV, written back cell for cell.

``reporter-finder search -o leads.xlsx`` writes a workbook with one sheet, ``leads``; the user
then fills in ``status`` and ``contacted_on`` in Excel. :func:`read_table` reads that sheet (or
the first one, when none is named ``leads``) with every cell as the text a CSV would hold, so
:func:`~reporter_finder.leads.sheet.read_leads` returns the same table for both formats.
:func:`set_dates` changes only the ``follow_up_on`` cells of some rows and saves the workbook
atomically.

What survives :func:`set_dates`: openpyxl loads the whole workbook and writes it anew. Cell
values, formulas, styles and number formats, merged cells, column widths, frozen panes,
filters, data validation, conditional formatting, notes, defined names and the other sheets
are kept. What openpyxl does not model is lost or simplified, and it says so in a warning,
which is logged here: shapes, text boxes and form controls, slicers and timelines, threaded
comments (kept as plain notes), a chart's finer formatting, and macros (an ``.xlsm`` keeps
its VBA project, but a file renamed to ``.xlsx`` does not). Formulas lose their last computed
value, which Excel recomputes when it opens the file; until then :func:`read_table` reads a
formula cell as empty, because it reads values, not formulas.

openpyxl is imported when a workbook is read or written, not with this module.
"""

from __future__ import annotations

import io
import logging
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Final

from reporter_finder._files import atomic_open
from reporter_finder.errors import DataFormatError
from reporter_finder.leads.cells import csv_text

logger = logging.getLogger(__name__)

#: The sheet ``search -o leads.xlsx`` writes; otherwise the first sheet is the lead list.
LEADS_SHEET: Final = "leads"
#: How the written dates show in Excel: ISO, the same in every locale.
DATE_FORMAT: Final = "yyyy-mm-dd"

_ZIP_MAGIC: Final = b"PK\x03\x04"  # .xlsx (and .xlsm) files are zip archives
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls
_WORKBOOK_SUFFIXES: Final = (".xlsx", ".xlsm")
_NOT_A_WORKBOOK_HINT: Final = "Save it from your spreadsheet program as .xlsx or as CSV UTF-8."


@dataclass(frozen=True)
class WorkbookTable:
    """The lead sheet of a workbook as text, and where each data row sits in it."""

    sheet: str
    header: list[str]  # as in the cells, not stripped (the caller strips, as for a CSV)
    rows: list[list[str]]  # data rows, as wide as the header; blank rows left out
    row_numbers: list[int]  # the spreadsheet row (1 = header) of each data row


def is_workbook(path: Path, raw: bytes) -> bool:
    """Whether ``raw`` (the bytes of ``path``) is an Excel workbook rather than CSV text.

    The content decides, then the name: a workbook saved as ``leads.csv`` is still read.

    Raises:
        DataFormatError: the file is an Excel 97-2003 ``.xls``, which is not read.
    """
    if raw.startswith(_OLE_MAGIC):
        raise DataFormatError(
            f"{path} is an old-style .xls workbook, which reporter-finder does not read",
            hint=_NOT_A_WORKBOOK_HINT,
        )
    return raw.startswith(_ZIP_MAGIC) or path.suffix.lower() in _WORKBOOK_SUFFIXES


def cell_text(value: Any) -> str:
    """One cell's value as the text a CSV would hold: dates ISO, numbers plain, blank ``""``.

    A date-time at midnight (how Excel stores a typed date) is the date alone.
    """
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return csv_text(value)


def read_table(path: Path, raw: bytes) -> WorkbookTable:
    """The lead sheet of the workbook ``raw`` (read from ``path``), every cell as text.

    Row 1 is the header; columns after its last named cell are not part of the table. Rows
    whose cells are all blank are skipped. A formula cell reads as its last computed value.

    Raises:
        DataFormatError: not a workbook, an empty sheet, or a value under no header.
    """
    with _quiet():
        workbook = _load(path, raw, data_only=True)
    sheet = _lead_sheet(workbook)
    grid = [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    header = grid[0] if grid else []
    width = _width(header)
    if not width:
        raise DataFormatError(
            f"{path} is empty: expected a lead list with a header row",
            hint="Pass the file written by 'reporter-finder search -o leads.xlsx'.",
        )
    rows, numbers = [], []
    for number, row in enumerate(grid[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        extra = next((i for i in range(width, len(row)) if row[i].strip()), None)
        if extra is not None:
            raise DataFormatError(
                f"{path}, cell {_column_letter(extra + 1)}{number}: a value in a column "
                "with no header",
                hint="Give the column a name in row 1, or clear the cell.",
            )
        rows.append((row + [""] * width)[:width])
        numbers.append(number)
    return WorkbookTable(sheet.title, header[:width], rows, numbers)


def set_dates(path: Path, raw: bytes, column: str, row_numbers: Sequence[int], on: date) -> None:
    """Set the ``column`` cell of each of ``row_numbers`` to ``on`` and save atomically.

    ``raw`` is the workbook as read from ``path``. The cells become real dates shown as
    ``yyyy-mm-dd``. A missing ``column`` gets a header cell after the last named one, styled
    like it. Nothing else is changed on purpose; see the module doc for what openpyxl keeps.

    Raises:
        DataFormatError: not a workbook, or ``path`` cannot be written (it is then unchanged).
    """
    with _logged_warnings(path):
        workbook = _load(path, raw, data_only=False)
    sheet = _lead_sheet(workbook)
    header = [cell_text(cell.value).strip() for cell in sheet[1]]
    if column in header:
        index = header.index(column) + 1
    else:
        index = _width(header) + 1
        cell = sheet.cell(row=1, column=index, value=column)
        if index > 1:
            cell._style = copy(sheet.cell(row=1, column=index - 1)._style)
    for number in row_numbers:
        cell = sheet.cell(row=number, column=index, value=on)
        cell.number_format = DATE_FORMAT
    try:
        with atomic_open(path, binary=True) as handle:
            workbook.save(handle)
    except OSError as exc:
        raise DataFormatError(
            f"cannot write {path}: {exc.strerror or exc}",
            hint="Close the file in your spreadsheet program and check the folder's permissions.",
        ) from exc


# --- helpers ---------------------------------------------------------------------------------


def _load(path: Path, raw: bytes, *, data_only: bool) -> Any:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(
            io.BytesIO(raw),
            data_only=data_only,
            keep_vba=path.suffix.lower() == ".xlsm",  # dropping a user's macros is not ours
            keep_links=True,
        )
    # A damaged or foreign zip (an .ods, a renamed archive) fails somewhere in the parser.
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, SyntaxError) as exc:
        raise DataFormatError(
            f"{path} is not an Excel workbook: {exc}", hint=_NOT_A_WORKBOOK_HINT
        ) from exc


def _lead_sheet(workbook: Any) -> Any:
    names = [sheet.title for sheet in workbook.worksheets]
    return workbook[LEADS_SHEET] if LEADS_SHEET in names else workbook.worksheets[0]


def _width(header: list[str]) -> int:
    """Columns up to the last named header cell."""
    named = [i for i, name in enumerate(header) if name.strip()]
    return named[-1] + 1 if named else 0


def _column_letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(number))


@contextmanager
def _quiet() -> Iterator[None]:
    # Reading only: what openpyxl could not load does not change the values read.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@contextmanager
def _logged_warnings(path: Path) -> Iterator[None]:
    # Writing back: openpyxl warns about parts it will drop; the user should hear of them.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for warning in caught:
        logger.warning("%s: %s", path, warning.message)
