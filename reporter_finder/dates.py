"""Every date the tool reads or computes with: RePORTER, PubMed and spreadsheet dates, fiscal years.

One owner, so that a date format is parsed in one place and never guessed twice differently.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

__all__ = [
    "DAYS_PER_MONTH",
    "api_date_text",
    "nih_fiscal_year",
    "parse_sheet_date",
    "pubmed_date",
]

#: Average days in a month, for "months left" on a grant.
DAYS_PER_MONTH = 365.25 / 12

#: A plausible publication year (1800–2099) inside free text.
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


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

_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_SERIAL_MIN = 36_526
_EXCEL_SERIAL_MAX = 73_051
_EXCEL_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")

# Formats seen in lead lists re-saved by spreadsheets. Slash dates are read month-first, as
# US-locale Excel writes them (the tool targets US programmes); ISO is unambiguous and what
# this tool writes.
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%d %b %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
)


def parse_sheet_date(value: object) -> date | None:
    """Read a date the way a spreadsheet user may have typed or saved it.

    Accepts ISO (``2026-11-03``), US slash dates (``11/3/2026``, ``11/3/26``), ``3-Nov-2026``,
    ``Nov 3, 2026``, ISO date-times and Excel serial numbers (``46329``). Blank → ``None``.

    Raises:
        ValueError: the text is not blank and matches none of those forms.

    Example:
        >>> parse_sheet_date("3-Nov-2026")
        datetime.date(2026, 11, 3)
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if _EXCEL_SERIAL.match(text):
        serial = float(text)
        if _EXCEL_SERIAL_MIN <= serial < _EXCEL_SERIAL_MAX:
            return _EXCEL_EPOCH + timedelta(days=int(serial))
        raise ValueError(f"{text!r} is a number, not a date")
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date this tool can read (use YYYY-MM-DD)")
