"""reporter_finder.tables.clean: one field value in, one clean value (or None) out; no raise."""

from __future__ import annotations

import math
from typing import Any

import pytest

from reporter_finder.tables.clean import (
    clean_text,
    float_column,
    int_column,
    to_bool,
    to_float,
    to_int,
)

INT64_MAX = 2**63 - 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (2022, 2022),
        ("2022", 2022),
        (" 2022 ", 2022),
        ("2022.0", 2022),
        (2022.0, 2022),
        (2022.5, None),
        (True, None),
        ("FY2022", None),
        (math.nan, None),
        ("", None),
        ([2022], None),
        (INT64_MAX, INT64_MAX),
        # beyond int64 no table column can hold it: missing, like any other unreadable id
        (INT64_MAX + 1, None),
        (-(2**63) - 1, None),
        ("9" * 30, None),
        (1e30, None),
    ],
)
def test_to_int(raw: Any, expected: int | None) -> None:
    assert to_int(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (312973, 312973.0),
        ("312,973.5", 312973.5),
        (math.inf, None),
        ("nan", None),
        (False, None),
        ({}, None),
        (10**400, None),  # an int beyond float range: missing, not OverflowError
    ],
)
def test_to_float(raw: Any, expected: float | None) -> None:
    assert to_float(raw) == expected


def test_columns_treat_out_of_range_numbers_as_missing() -> None:
    assert int_column([1, None, 2**63]) == [1, None, None]
    amounts = float_column([1, None, 10**400])
    assert amounts[0] == 1.0
    assert all(value is None or math.isnan(value) for value in amounts[1:])


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("N", False), (1, True), (2, None), (None, None)]
)
def test_to_bool(raw: Any, expected: bool | None) -> None:
    assert to_bool(raw) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(" No Text ", None), ("n/a", None), ("A&amp;B  C", "A&B C"), (3.0, "3.0"), (math.nan, None)],
)
def test_clean_text(raw: Any, expected: str | None) -> None:
    assert clean_text(raw) == expected
