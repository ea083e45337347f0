"""Every date the tool reads or computes with: RePORTER, PubMed and spreadsheet dates, fiscal years.

One owner, so that a date format is parsed in one place and never guessed twice differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, Literal

from reporter_finder.errors import AmbiguousDateError, DataFormatError

__all__ = [
    "DAYS_PER_MONTH",
    "DateOrder",
    "api_date_text",
    "date_order",
    "nih_fiscal_year",
    "parse_sheet_date",
    "parse_sheet_dates",
    "pubmed_date",
]

#: Average days in a month, for "months left" on a grant.
DAYS_PER_MONTH = 365.25 / 12

#: A plausible publication year (1800–2099) inside free text.
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_FULL_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTHS = {m[:3]: i for i, m in enumerate(_FULL_MONTHS, 1)}


def nih_fiscal_year(day: date) -> int:
    """The NIH (US federal) fiscal year of ``day``: FY N runs from 1 Oct N−1 to 30 Sep N."""
    return day.year + 1 if day.month >= 10 else day.year


def api_date_text(value: Any) -> str | None:
    """The ``YYYY-MM-DD`` part of an API date; the time part is garbage in older captures."""
    if type(value) is not str or len(value) < 10:
        return None
    head = value.strip()[:10]
    # Years outside 1900-2199 are typos or sentinels, and would overflow datetime64[ns].
    if not (head[:2] in ("19", "20", "21") and head[4:5] == "-" and head[7:8] == "-"):
        return None
    return head


# --- PubMed ----------------------------------------------------------------------------------


def pubmed_date(sort_date: Any, pub_date: Any) -> date | None:
    """A paper's date from esummary's ``sortpubdate`` ("2025/06/26 00:00"), else ``pubdate``."""
    return _pubmed_sort_date(sort_date) or _pubmed_loose_date(pub_date)


def _pubmed_sort_date(value: Any) -> date | None:
    # "2025/06/26 00:00"
    try:
        return datetime.strptime(str(value or "")[:10], "%Y/%m/%d").date()
    except ValueError:
        return None


def _pubmed_loose_date(value: Any) -> date | None:
    # "2025 Jun 26", "2025 Jun", "2024 Nov-Dec", "2023 Winter", "2025"
    parts = str(value or "").replace("-", " ").split()
    if not parts or not YEAR.fullmatch(parts[0]):
        return None
    year = int(parts[0])
    month = _MONTHS.get(parts[1][:3].lower(), 1) if len(parts) > 1 else 1
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 1)


# --- spreadsheets ----------------------------------------------------------------------------

#: The order of day and month in a numeric date: ``30/11/2026`` is day-first, ``11/30/2026``
#: month-first; ``03/12/2026`` could be either, and is read only when the order is given.
DateOrder = Literal["dayfirst", "monthfirst"]

_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_SERIAL_MIN = 36_526
_EXCEL_SERIAL_MAX = 73_051
_EXCEL_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")

# A time after the date ("2026-11-03 00:00:00", "2026-11-03T10:00", "11/30/2026 2:15 PM").
_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?$", re.IGNORECASE)
_YEAR_FIRST = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$")
_DAY_NAMED = re.compile(r"^(\d{1,2})[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})$", re.IGNORECASE)
_NAMED_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$", re.IGNORECASE)
_MONTH_NAMES = {
    **{name: i for i, name in enumerate(_FULL_MONTHS, 1)},
    **{name[:3]: i for i, name in enumerate(_FULL_MONTHS, 1)},
    "sept": 9,
}


def parse_sheet_date(value: object, *, order: DateOrder | None = None) -> date | None:
    """Read a date the way a spreadsheet user may have typed or saved it.

    Reads ISO (``2026-03-12``, also with a time), ``12 Mar 2026``, ``12 March 2026``,
    ``12-Mar-2026``, ``Mar 12, 2026``, Excel serial numbers (``46093``) and date cells
    (:class:`~datetime.date`/:class:`~datetime.datetime` values). Blank → ``None``.

    A numeric date with ``/``, ``.`` or ``-`` is read when only one order makes a date
    (``11/30/2026``, ``30/11/2026``) or both give the same day (``03/03/2026``). When day and
    month could be swapped (``03/12/2026``) it is refused unless ``order`` says which comes
    first; with ``order`` given, every numeric date must fit that order. Two-digit years are
    20xx below 69, 19xx from 69 (as Python's ``%y``).

    Raises:
        AmbiguousDateError: day and month could be swapped, and no ``order`` was given (it is
            a ``ValueError``).
        ValueError: the text is not blank and is no date in those forms (or not in ``order``).

    Example:
        >>> parse_sheet_date("12 Mar 2026")
        datetime.date(2026, 3, 12)
        >>> parse_sheet_date("03/12/2026", order="dayfirst")
        datetime.date(2026, 12, 3)
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _excel_serial(str(value))  # a number cell: only a serial can be a date
    text = str(value).strip()
    if not text:
        return None
    if _EXCEL_SERIAL.match(text):
        return _excel_serial(text)
    body = _TIME.sub("", text).strip()
    parsed = _year_first(body) or _named_month(body)
    if parsed is not None:
        return parsed
    numeric = _NUMERIC.match(body)
    if numeric is not None:
        return _numeric_date(text, numeric, order)
    raise ValueError(f"{text!r} is not a date this tool can read (use YYYY-MM-DD)")


def date_order(value: object) -> DateOrder | None:
    """The order a numeric date proves: ``"30/11/2026"`` is ``"dayfirst"``, ``"11/30/2026"``
    ``"monthfirst"``; ``None`` for anything that fits both orders, or neither, or is no such
    date. Used to say which order a column's other cells use, never to guess it.
    """
    numeric = _NUMERIC.match(_TIME.sub("", str(value or "").strip()).strip())
    if numeric is None:
        return None
    first, second, year = int(numeric[1]), int(numeric[3]), _year(numeric[4])
    day_first, month_first = _day(year, second, first), _day(year, first, second)
    if day_first is not None and month_first is None:
        return "dayfirst"
    if month_first is not None and day_first is None:
        return "monthfirst"
    return None


def parse_sheet_dates(
    cells: Iterable[object], *, column: str, order: DateOrder | None = None
) -> list[date | None]:
    """:func:`parse_sheet_date` on every cell of a spreadsheet column, the first under row 1.

    Nothing is guessed: when cells cannot be read, one error lists every one of them by its
    spreadsheet row (the first cell is row 2, under the header) and names ``column``. For
    dates that could be day-first or month-first, the hint names a cell of the column that is
    unambiguous, so the user can see which order the file uses, and pass it as ``order``.

    Raises:
        AmbiguousDateError: the only unreadable cells are dates with day and month swappable.
        DataFormatError: some cells are not dates (the ambiguous ones are listed too).

    Example:
        >>> parse_sheet_dates(["2026-03-12", "", "30/11/2026"], column="contacted_on")
        [datetime.date(2026, 3, 12), None, datetime.date(2026, 11, 30)]
    """
    values = list(cells)
    parsed: list[date | None] = []
    bad: list[str] = []
    ambiguous: list[str] = []
    for row, value in enumerate(values, start=2):
        try:
            parsed.append(parse_sheet_date(value, order=order))
        except AmbiguousDateError:
            ambiguous.append(f"row {row}: {str(value)!r}")
        except ValueError:
            other = date_order(value) if order is not None else None
            note = f" (not {_ORDER_WORDS[order]})" if order is not None and other else ""
            bad.append(f"row {row}: {str(value)!r}{note}")
    if not bad and not ambiguous:
        return parsed
    either = f"dates that could be day-first or month-first: {'; '.join(ambiguous)}"
    if not bad:
        raise AmbiguousDateError(f"{column} has {either}", hint=_order_hint(values))
    message = f"{column} has values that are not dates: {'; '.join(bad)}"
    if ambiguous:
        raise DataFormatError(f"{message}; and {either}", hint=_order_hint(values))
    raise DataFormatError(message, hint="Write dates as YYYY-MM-DD (12 Mar 2026 also works).")


def _order_hint(values: list[object]) -> str:
    """What to do about ambiguous dates, with the column's own evidence of its order."""
    seen: dict[str, str] = {}
    for row, value in enumerate(values, start=2):
        order = date_order(value)
        if order is not None and order not in seen:
            seen[order] = f"row {row} {str(value).strip()!r} is {_ORDER_WORDS[order]}"
    hint = (
        "Say which comes first (--dayfirst or --monthfirst; order= in Python), or write YYYY-MM-DD"
    )
    if len(seen) == 1:
        return f"{hint} ({next(iter(seen.values()))})."
    if seen:
        return f"{hint} (the column mixes both: {'; '.join(seen.values())})."
    return f"{hint}."


def _numeric_date(text: str, match: re.Match[str], order: DateOrder | None) -> date:
    first, second, year = int(match[1]), int(match[3]), _year(match[4])
    day_first, month_first = _day(year, second, first), _day(year, first, second)
    if order == "dayfirst" and day_first is not None:
        return day_first
    if order == "monthfirst" and month_first is not None:
        return month_first
    if order is not None:
        raise ValueError(f"{text!r} is not a {_ORDER_WORDS[order]} date")
    if day_first is not None and month_first is not None and day_first != month_first:
        raise AmbiguousDateError(
            f"{text!r} could be {_spoken(day_first)} or {_spoken(month_first)}",
            hint="Say which comes first (order='dayfirst' or 'monthfirst'), or write YYYY-MM-DD.",
        )
    parsed = day_first or month_first
    if parsed is None:
        raise ValueError(f"{text!r} is not a date this tool can read (use YYYY-MM-DD)")
    return parsed


_ORDER_WORDS: dict[str, str] = {"dayfirst": "day-first", "monthfirst": "month-first"}


def _spoken(day: date) -> str:
    return f"{day.day} {day:%B}"  # "3 December": no zero padding, in any locale's strftime


def _excel_serial(text: str) -> date:
    serial = float(text)
    if _EXCEL_SERIAL_MIN <= serial < _EXCEL_SERIAL_MAX:
        return _EXCEL_EPOCH + timedelta(days=int(serial))
    raise ValueError(f"{text!r} is a number, not a date")


def _year_first(text: str) -> date | None:
    match = _YEAR_FIRST.match(text)
    return _day(int(match[1]), int(match[3]), int(match[4])) if match else None


def _named_month(text: str) -> date | None:
    if match := _DAY_NAMED.match(text):
        day, month, year = match[1], match[2], match[3]
    elif match := _NAMED_DAY.match(text):
        month, day, year = match[1], match[2], match[3]
    else:
        return None
    number = _MONTH_NAMES.get(month.lower())
    return _day(_year(year), number, int(day)) if number else None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # as strptime's %y
        return year + (2000 if year < 69 else 1900)
    return year


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
