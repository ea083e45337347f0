"""Coercing and spelling the values of a RePORTER query: pure helpers of :class:`ProjectQuery`.

Each turns what a caller passed (a string, a list, a date or its text) into the exact form
the API expects, or raises :class:`~reporter_finder.errors.QueryError` saying what to change.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from reporter_finder.errors import QueryError

__all__ = [
    "as_date",
    "date_range",
    "dedupe",
    "int_tuple",
    "pi_name_criterion",
    "quote_term",
    "str_tuple",
    "year_span",
]

_BOOLEAN_WORDS = frozenset({"and", "or", "not"})
_NEEDS_QUOTES = re.compile(r"[\s()']")


def str_tuple(name: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = (value,)
    try:
        items = tuple(value)
    except TypeError:
        raise QueryError(f"{name} must be a list of strings, not {value!r}") from None
    out = []
    for item in items:
        if not isinstance(item, str):
            raise QueryError(f"{name} must hold strings; got {item!r}")
        item = " ".join(item.split())
        if not item:
            raise QueryError(f"{name} contains an empty string: remove it.")
        out.append(item)
    return tuple(out)


def int_tuple(name: str, value: Any) -> tuple[int, ...]:
    if value is None:
        return ()
    if isinstance(value, (int, str)):
        value = (value,)
    try:
        items = tuple(value)
    except TypeError:
        raise QueryError(f"{name} must be a list of integers, not {value!r}") from None
    out = []
    for item in items:
        if isinstance(item, bool):
            raise QueryError(f"{name} must hold integers; got {item!r}")
        try:
            out.append(int(str(item).strip()) if isinstance(item, str) else int(item))
        except (TypeError, ValueError):
            raise QueryError(f"{name} must hold integers; got {item!r}") from None
    return tuple(out)


def dedupe(values: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(values))


def as_date(name: str, value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if value is None or isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise QueryError(f"{name} must be a date (or 'YYYY-MM-DD'), not {value!r}")


def date_range(low: datetime.date | None, high: datetime.date | None) -> dict[str, str]:
    # One side may be "" (open) per the API.
    return {
        "from_date": low.isoformat() if low else "",
        "to_date": high.isoformat() if high else "",
    }


def pi_name_criterion(name: str) -> dict[str, str]:
    if "," in name:
        last, _, first = name.partition(",")
        last, first = last.strip(), first.strip()
        if last and first:
            return {"first_name": first, "last_name": last}
        if last:  # "HAIRE*JOSHU,": a last name alone
            return {"last_name": last}
        name = first
    return {"any_name": name}


def quote_term(term: str) -> str:
    if term.lower() in _BOOLEAN_WORDS or _NEEDS_QUOTES.search(term):
        return f'"{term}"'
    return term


def year_span(years: tuple[int, ...]) -> str:
    ys = sorted(years)
    if len(ys) > 2 and ys == list(range(ys[0], ys[-1] + 1)):
        return f"{ys[0]}–{ys[-1]}"
    return ", ".join(map(str, ys))
