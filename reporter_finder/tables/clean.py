"""Value cleaners: one RePORTER field value in, one clean Python value (or ``None``) out.

RePORTER drifts in type from capture to capture (``"2022"`` or ``2022``, ``"true"`` or
``True``, ``"No Text"`` for a missing abstract), so every field goes through exactly one of
these before it reaches a table. They never raise on bad data: what cannot be read is missing.

The ``*_column`` helpers apply a cleaner to a whole column, taking a fast path when the column
is all of one type; :func:`conform` gives a finished frame its schema. Internal to
:mod:`reporter_finder.tables`; person names are cleaned in :mod:`reporter_finder.tables.people`.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from reporter_finder.schema import empty_frame

__all__ = [
    "SUPPLEMENT_SUFFIX",
    "clean_code",
    "clean_text",
    "conform",
    "float_column",
    "int_column",
    "is_mapping",
    "map_column",
    "mapping_get",
    "memoised",
    "num_part",
    "pref_terms",
    "sub_mappings",
    "to_bool",
    "to_float",
    "to_int",
]

_PLACEHOLDERS = frozenset({"", "no text", "none", "null", "n/a"})
_WS = re.compile(r"\s+")
# type digit, activity code, IC, serial, then support year and suffix (A1 amendment, S1 supplement)
_PROJECT_NUM = re.compile(
    r"^(?P<type>[1-9])?(?P<activity>[A-Z][A-Z0-9]{2})(?P<ic>[A-Z]{2})(?P<serial>\d{6})"
    r"(?:-(?P<year>\d{2})(?P<suffix>[A-Z0-9]*))?$"
)
#: The suffix of a supplement's project number ("-03S1").
SUPPLEMENT_SUFFIX = re.compile(r"S\d")
_MISSING = object()
_NONE_TYPE = type(None)
# Ids and years land in Int64 columns: a number outside int64 cannot be stored there (pandas
# raises OverflowError), so it is treated like any other unreadable value: missing.
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def is_mapping(value: Any) -> bool:
    """Whether ``value`` is a dict-like record part."""
    # The exact-type test first: isinstance against an ABC is slow in a 100,000-record loop.
    return type(value) is dict or isinstance(value, Mapping)


def mapping_get(mapping: Any, key: str) -> Any:
    """``mapping[key]`` when ``mapping`` is a mapping holding it, else ``None``."""
    return mapping.get(key) if is_mapping(mapping) else None


def to_int(value: Any) -> int | None:
    """An id or year from int, float or numeric string; anything else is missing.

    Numbers outside the int64 range are missing too (no table column could hold them).
    """
    if type(value) is int:
        return value if _INT64_MIN <= value <= _INT64_MAX else None
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _int64(int(value))
    if isinstance(value, float):
        return _int64(int(value)) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit() and text.isascii():
            return _int64(int(text))
        try:
            number = float(text)
        except ValueError:
            return None
        return _int64(int(number)) if math.isfinite(number) and number.is_integer() else None
    return None


def _int64(number: int) -> int | None:
    return number if _INT64_MIN <= number <= _INT64_MAX else None


def to_float(value: Any) -> float | None:
    """An amount from int, float or numeric string ("1,234.5"); anything else is missing."""
    if type(value) is float:
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an int beyond the float range
            return None
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", ""))
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def to_bool(value: Any) -> bool | None:
    """A flag from bool, "true"/"false"/"Y"/"N" or 0/1; anything else is missing."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return {"true": True, "false": False, "y": True, "n": False}.get(value.strip().lower())
    if isinstance(value, int):
        return bool(value) if value in (0, 1) else None
    return None


def clean_text(value: Any, *, collapse: bool = True) -> str | None:
    """Unescape HTML, NFKC-normalise and strip; placeholders ("", "No Text") become None.

    ``collapse`` folds inner whitespace runs to one space (names, titles); long texts keep
    their line breaks.
    """
    if type(value) is str:
        text = value
    elif value is None or isinstance(value, bool):
        return None
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        text = str(value)
    elif isinstance(value, str):
        text = str(value)
    else:
        return None
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    # isprintable() is False for every whitespace but " " (after NFKC): skip the regex if clean.
    if collapse and ("  " in text or not text.isprintable()):
        text = _WS.sub(" ", text)
    text = text.strip()
    if len(text) <= 7 and text.casefold() in _PLACEHOLDERS:
        return None
    return text


def pref_terms(value: Any) -> str | None:
    """RePORTER's ``pref_terms`` list re-joined with "; ", empty terms dropped."""
    # Unescape before splitting: "&apos;" itself contains the ";" separator.
    text = clean_text(value)
    if text is None:
        return None
    terms = [t.strip() for t in text.split(";")]
    joined = "; ".join(t for t in terms if t)
    return joined or None


def clean_code(value: Any) -> str | None:
    """A project number or code: cleaned text without spaces, upper case."""
    text = clean_text(value)
    return text.replace(" ", "").upper() if text else None


@lru_cache(maxsize=65536)
def num_part(project_num: str | None, part: str) -> str | None:
    """Core number, activity code or type from a full match of the project-number pattern.

    ``part`` is "core", "activity" or "type". Never sliced by position: numbers that do not
    match the documented pattern give None.
    """
    match = _PROJECT_NUM.match(project_num) if project_num else None
    if match is None:
        return None
    if part == "core":
        return match["activity"] + match["ic"] + match["serial"]
    return match[part]


def memoised(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``function`` with a per-build memo for string arguments.

    Names, organisations, cities, codes and dates repeat across thousands of records; long
    texts (abstracts) are not memoised.
    """
    memo: dict[str, Any] = {}

    def call(value: Any) -> Any:
        if type(value) is str:
            result = memo.get(value, _MISSING)
            if result is _MISSING:
                result = memo[value] = function(value)
            return result
        return function(value)

    return call


# --- whole columns ---------------------------------------------------------------------------


def map_column(values: list[Any], function: Callable[[Any], Any]) -> list[Any]:
    """``function`` over a column, once per distinct value when the column is all str/None.

    Names, organisations, codes and dates repeat across thousands of records. Columns with
    other types (type drift) take the slow path, so ``1`` and ``True`` never share a result.
    """
    if set(map(type, values)) <= {str, _NONE_TYPE}:
        mapping = {value: function(value) for value in dict.fromkeys(values)}
        return [mapping[value] for value in values]
    return [function(value) for value in values]


def int_column(values: list[Any]) -> list[Any]:
    """:func:`to_int` over a column (returned as is when already all int/None in range)."""
    if set(map(type, values)) <= {int, _NONE_TYPE}:
        numbers = [value for value in values if value is not None]
        # min/max run in C: a range check costs far less than to_int per value
        if not numbers or (min(numbers) >= _INT64_MIN and max(numbers) <= _INT64_MAX):
            return values
    return [to_int(value) for value in values]


def float_column(values: list[Any]) -> Any:
    """:func:`to_float` over a column: a float array (NaN for missing) on the fast path."""
    if set(map(type, values)) <= {int, float, _NONE_TYPE}:
        try:
            numbers = np.array(values, dtype=np.float64)  # None becomes NaN, later <NA>
        except OverflowError:  # an int beyond the float range: to_float makes it missing
            return [to_float(value) for value in values]
        numbers[~np.isfinite(numbers)] = np.nan
        return numbers
    return [to_float(value) for value in values]


def sub_mappings(values: list[Any]) -> list[Mapping[str, Any]]:
    """Each value if it is a mapping (a nested object), else an empty one."""
    empty: dict[str, Any] = {}
    return [value if is_mapping(value) else empty for value in values]


def conform(frame: pd.DataFrame, schema: Mapping[str, str]) -> pd.DataFrame:
    """Exactly the schema's columns, order and dtypes."""
    if frame.empty:
        return empty_frame(schema)
    return frame.loc[:, list(schema)].astype(dict(schema)).reset_index(drop=True)
