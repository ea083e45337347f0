"""A table for a person at a terminal: the most useful columns that fit its width, one line
per row, drawn with rich.

Which columns: ``priority`` names them best first (a lead list: rank, pi_name, organization,
state, a short reason, then score, money, …). The first :data:`KEY_COLUMNS` are always shown;
each next one joins while every shown column still gets a readable width, so 80 columns show
the key ones and a wider terminal shows more. ``wide`` shows every column of the table.

Long cells are cut at a word boundary with ``…`` (one line per row keeps a list scannable and
greppable; the files hold every word). An organisation is first shortened the way RePORTER
itself abbreviates (``UNIVERSITY`` → ``UNIV``, ``MEDICINE`` → ``MED``), so the part that tells
two places apart survives. Colour (a bold header) is used only on a terminal: written to a pipe
or a file, the table is plain text with no ANSI codes and no trailing spaces.

This module never prints: it writes to the stream it is given.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any, Final

from reporter_finder.leads.cells import csv_text

#: How many of the first ``priority`` columns are shown at any width.
KEY_COLUMNS: Final = 5
#: The width a terminal is taken to have when it cannot be asked (a pipe, CI).
DEFAULT_WIDTH: Final = 80
#: A key column gets up to this width before any other column joins; another column joins
#: only if it can be at least :data:`_READABLE` wide (or as wide as its widest cell).
_KEY_READABLE: Final = 32
_READABLE: Final = 14
#: No cell is wider than this, even on a wide terminal or with ``wide``.
_MAX_CELL: Final = 60
_MIN_CELL: Final = 4
_GAP: Final = 2

_ORG_WORDS: Final = {
    "university": "univ", "school": "sch", "medicine": "med", "medical": "med",
    "institute": "inst", "institutes": "insts", "hospital": "hosp", "center": "ctr",
    "centre": "ctr", "college": "coll", "research": "res", "foundation": "fdn",
    "sciences": "sci", "science": "sci", "children's": "child", "national": "natl",
    "incorporated": "inc", "corporation": "corp",
}  # fmt: skip
_ORG_COLUMNS: Final = frozenset({"organization", "org_name"})
_NAME_COLUMNS: Final = frozenset({"pi_name", "contact_pi_name"})
_WHY_HEAD: Final = re.compile(
    r"^(?P<role>Contact PI|Co-PI) on (?P<n>\d+) matching grants?"
    r"(?: \((?P<active>\d+) active\))?(?:: (?P<terms>.+))?$"
)


def short_reason(why: str) -> str:
    """The ``reason`` a terminal shows: the first clause of the ranker's ``why``, its matched
    terms first (they survive a cut), e.g. ``"rare diseases, undiagnosed diseases (contact PI,
    1 grant, 1 active)"``. Text of another shape is returned as its first clause.

    Example:
        >>> short_reason("Co-PI on 2 matching grants: sepsis; skills: R")
        'sepsis (co-PI, 2 grants)'
    """
    first = why.split("; ", 1)[0].strip()
    match = _WHY_HEAD.match(first)
    if not match:
        return first
    n = int(match["n"])
    facts = [match["role"].replace("Contact", "contact").replace("Co-", "co-"),
             f"{n} grant{'' if n == 1 else 's'}"]  # fmt: skip
    if match["active"]:
        facts.append(f"{match['active']} active")
    terms = f"{match['terms']} " if match["terms"] else ""
    return f"{terms}({', '.join(facts)})"


#: Columns the terminal computes from another one: name → (source column, how).
DERIVED: Final[Mapping[str, tuple[str, Callable[[str], str]]]] = {
    "reason": ("why", short_reason),
}


def write_terminal_table(
    out: IO[str],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    priority: Sequence[str] | None,
    *,
    width: int,
    wide: bool = False,
    color: bool | None = None,
) -> None:
    """Write ``rows`` as an aligned table at most ``width`` characters wide (unless ``wide``).

    Args:
        out: where to write (the table is never printed anywhere else).
        columns: the table's column names; ``rows`` hold plain values in that order.
        priority: the columns to show, best first; names in :data:`DERIVED` are computed.
            ``None``: the table's own order.
        width: the terminal's width (see :func:`terminal_width`).
        wide: show every column (the priority ones first), however wide the lines get.
        color: a bold header; ``None``: only when ``out`` is a terminal.
    """
    from rich.console import Console
    from rich.table import Table

    names, cells = _cells(columns, rows, priority, wide)
    numeric = [_is_numeric(column) for column in zip(*cells, strict=True)] if cells else []
    natural = [min(max([len(n), *(len(r[j]) for r in cells)]), _MAX_CELL)
               for j, n in enumerate(names)]  # fmt: skip
    readable = [min(n, max(len(name), _KEY_READABLE if j < KEY_COLUMNS else _READABLE))
                for j, (name, n) in enumerate(zip(names, natural, strict=True))]  # fmt: skip
    shown = len(names) if wide else _how_many(readable, width)
    widths = natural[:shown] if wide else _spread(readable[:shown], natural[:shown], width)
    tty = bool(getattr(out, "isatty", lambda: False)())
    styled = tty if color is None else color
    table = Table(box=None, show_edge=False, pad_edge=False, padding=(0, _GAP, 0, 0),
                  header_style="bold" if styled else None)  # fmt: skip
    for name, w, num in zip(names, widths, numeric or [False] * shown, strict=False):
        table.add_column(f"{name}\n{'-' * w}", width=w, no_wrap=True, overflow="ellipsis",
                         justify="right" if num else "left")  # fmt: skip
    for row in cells:
        table.add_row(*(_fit(names[j], row[j], widths[j]) for j in range(shown)))
    total = sum(widths) + _GAP * max(shown - 1, 0)
    buffer = io.StringIO()
    console = Console(file=buffer, width=total + _GAP, force_terminal=styled, no_color=not styled,
                      highlight=False, markup=False, emoji=False)  # fmt: skip
    console.print(table)
    text = buffer.getvalue()
    if not styled:  # rich pads every line to the full width: not wanted in a plain file
        text = "".join(line.rstrip() + "\n" for line in text.splitlines())
    out.write(text)


def terminal_width(dest: str | os.PathLike[str]) -> int:
    """How wide a table for ``dest`` may be: the terminal's width for stdout (``"-"``; the
    ``COLUMNS`` variable wins, :data:`DEFAULT_WIDTH` when unknown), unlimited for a file."""
    if str(dest) != "-":
        return 10_000  # a table written to a file is not squeezed
    return shutil.get_terminal_size(fallback=(DEFAULT_WIDTH, 24)).columns


def _cells(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], priority: Sequence[str] | None,
    wide: bool,
) -> tuple[list[str], list[list[str]]]:  # fmt: skip
    """The names of the candidate columns, best first, and their cells as display text."""
    wanted = [c for c in (priority or columns) if c in columns or _derivable(c, columns)]
    if not wanted:
        wanted = list(columns)
    if wide:
        wanted += [c for c in columns if c not in wanted]
    plan: list[tuple[int, Callable[[str], str] | None]] = [
        (columns.index(n), None) if n in columns else (columns.index(DERIVED[n][0]), DERIVED[n][1])
        for n in wanted
    ]
    return wanted, [
        [_display(row[i]) if how is None else how(_display(row[i])) for i, how in plan]
        for row in rows
    ]


def _derivable(name: str, columns: Sequence[str]) -> bool:
    return name in DERIVED and DERIVED[name][0] in columns


def _how_many(readable: Sequence[int], width: int) -> int:
    """How many columns, in priority order, fit ``width`` at a readable width each (the key
    columns always)."""
    used, count = -_GAP, 0
    for w in readable:
        need = used + _GAP + w
        if need > width and count >= min(KEY_COLUMNS, len(readable)):
            break
        used, count = need, count + 1
    return count


def _spread(readable: Sequence[int], natural: Sequence[int], width: int) -> list[int]:
    """Column widths that fill ``width``: each starts readable, each spare character goes to
    the column cut the most (the reason, usually); if even that is too wide, the widest give
    way."""
    widths = list(readable)
    room = width - _GAP * (len(widths) - 1)
    while sum(widths) < room:
        most = max(range(len(widths)), key=lambda j: natural[j] - widths[j])
        if widths[most] >= natural[most]:
            break
        widths[most] += 1
    while sum(widths) > room:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= _MIN_CELL:
            break  # cannot shrink further: let the terminal wrap rather than hide columns
        widths[widest] -= 1
    return widths


def _fit(name: str, text: str, width: int) -> str:
    """``text`` in ``width`` characters: an organisation abbreviated first, a person's middle
    names dropped and then the first name initialled, then cut after a whole word with ``…``."""
    if len(text) > width and name in _ORG_COLUMNS:
        text = _abbreviate(text)
    if len(text) > width and name in _NAME_COLUMNS:
        text = _short_name(text, width)
    if len(text) <= width:
        return text
    head = text[: max(width - 1, 0)]
    space = head.rfind(" ")
    if space >= width // 2:  # a cut mid-word only when the first word is most of the cell
        head = head[:space]
    return head.rstrip(" ,;:—-(") + "…"


def _short_name(name: str, width: int) -> str:
    """``"Jason Daniel Buenrostro"`` → ``"Jason Buenrostro"`` → ``"J. Buenrostro"``: the
    surname, which tells people apart, is kept longest."""
    words = name.split()
    if len(words) < 2:
        return name
    for candidate in (f"{words[0]} {words[-1]}", f"{words[0][0]}. {words[-1]}"):
        if len(candidate) <= width:
            return candidate
    return f"{words[0][0]}. {words[-1]}"


def _abbreviate(org: str) -> str:
    def short(match: re.Match[str]) -> str:
        word = match.group(0)
        abbreviation = _ORG_WORDS.get(word.lower())
        if abbreviation is None:
            return word
        return abbreviation.upper() if word.isupper() else abbreviation.capitalize()

    return re.sub(r"[A-Za-z']+", short, org)


def _is_numeric(values: Sequence[str]) -> bool:
    return any(values) and all(not v or re.fullmatch(r"-?[\d,]+(\.\d+)?", v) for v in values)


def _display(value: Any) -> str:
    """A cell for human eyes: thousands separators for large numbers, one line."""
    if isinstance(value, float) and not value.is_integer():
        # 0.666 (a score), 15.1 (months): three decimals at most, no trailing zeros.
        text = f"{value:,.3f}".rstrip("0") if abs(value) < 1000 else f"{value:,.0f}"
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))
    else:
        text = csv_text(value)
    return " ".join(text.split())
