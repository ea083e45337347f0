"""A table as aligned plain text for a terminal: a chosen subset of columns, squeezed to fit."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from typing import IO, Any, Final

from reporter_finder.leads.cells import csv_text

#: Widest a column may be before the table is squeezed to the terminal width.
_MAX_CELL: Final = 48
_MIN_CELL: Final = 4
_GAP: Final = "  "


def write_terminal_table(
    out: IO[str],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    table_columns: Sequence[str] | None,
    *,
    width: int,
) -> None:
    """Write plain rows as a header, a rule and one line per row, at most ``width`` wide.

    Only ``table_columns`` are shown (all when ``None`` or none of them exist); numeric
    columns are right-aligned; cells too wide are clipped with an ellipsis.
    """
    shown = [c for c in (table_columns or columns) if c in columns] or list(columns)
    indexes = [columns.index(column) for column in shown]
    numeric = [
        all(isinstance(row[i], (int, float)) or row[i] is None for row in rows) and bool(rows)
        for i in indexes
    ]
    cells = [[_display(row[i]) for i in indexes] for row in rows]
    widths = [
        min(max([len(column), *(len(row[j]) for row in cells)]), _MAX_CELL)
        for j, column in enumerate(shown)
    ]
    widths = _fit_widths(widths, width - len(_GAP) * (len(shown) - 1))

    def line(values: Sequence[str], align_numbers: bool) -> str:
        parts = [
            _clip(value, w).rjust(w) if align_numbers and num else _clip(value, w).ljust(w)
            for value, w, num in zip(values, widths, numeric, strict=True)
        ]
        return _GAP.join(parts).rstrip()

    out.write(line(shown, align_numbers=False) + "\n")
    out.write(_GAP.join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write(line(row, align_numbers=True) + "\n")


def terminal_width(dest: str | os.PathLike[str]) -> int:
    """How wide a table for ``dest`` may be: the terminal's width for stdout (``"-"``)."""
    if str(dest) != "-":
        return 10_000  # a table written to a file is not squeezed
    return shutil.get_terminal_size(fallback=(120, 24)).columns


def _display(value: Any) -> str:
    """A cell for human eyes: thousands separators for large numbers, one line."""
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.3f}" if abs(value) < 1000 else f"{value:,.0f}"
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))
    else:
        text = csv_text(value)
    return " ".join(text.split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _fit_widths(widths: list[int], available: int) -> list[int]:
    """Shrink the widest columns, one character at a time, until the row fits ``available``."""
    widths = list(widths)
    while sum(widths) > available:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= _MIN_CELL:
            break  # cannot shrink further: let the terminal wrap rather than hide columns
        widths[widest] -= 1
    return widths
