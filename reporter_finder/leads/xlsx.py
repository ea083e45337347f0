"""A table as an XLSX workbook: typed cells, neutralized text, links, sized and frozen columns.

openpyxl is imported when a workbook is written, not with this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import IO, Any, Final

from reporter_finder.cellformat import LIST_SEPARATOR
from reporter_finder.leads.cells import csv_text, neutralize
from reporter_finder.schema import LEAD_LIST_HEADER

#: Column widths, in characters.
_MIN_WIDTH: Final = 6
_MAX_WIDTH: Final = 60
#: Rows inspected to size the columns: enough for a lead list, cheap for a large grants table.
_WIDTH_SAMPLE: Final = 500


def write_xlsx(
    out: IO[bytes], columns: Sequence[str], rows: Sequence[Sequence[Any]], freeze_columns: int
) -> None:
    """Write plain rows (see :func:`~reporter_finder.leads.cells.plain_rows`) as one sheet.

    The header is bold, filtered and frozen with the first ``freeze_columns`` columns; text is
    neutralized against formula injection and stored as text; a single URL becomes a link.
    """
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
            _fill(sheet.cell(row=row_number, column=column_number), value, link_font)

    for column_number, column in enumerate(columns, start=1):
        sample = (csv_text(row[column_number - 1]) for row in rows[:_WIDTH_SAMPLE])
        longest = max([len(column), *(len(text) for text in sample)])
        width = min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(column_number)].width = width
    frozen = min(max(freeze_columns, 0), len(columns))
    sheet.freeze_panes = f"{get_column_letter(frozen + 1)}2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
    workbook.save(out)


def _fill(cell: Any, value: Any, link_font: Any) -> None:
    """Set one cell from a plain value, keeping numbers, dates and booleans typed."""
    if isinstance(value, (str, list)):
        text = csv_text(value)
        if text.startswith(("https://", "http://")) and LIST_SEPARATOR not in text:
            cell.value = text
            cell.hyperlink = text
            cell.font = link_font
        elif text:
            # Set the type explicitly: openpyxl would store "=..." as a formula.
            cell.value = neutralize(text)
            cell.data_type = "s"
    elif isinstance(value, (date, datetime)):
        cell.value = value
        cell.number_format = (
            "yyyy-mm-dd" if not isinstance(value, datetime) else "yyyy-mm-dd hh:mm:ss"
        )
    else:
        cell.value = value  # numbers and booleans stay numbers and booleans
