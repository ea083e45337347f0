"""Deep snapshots of tables, for tests that check a function leaves its input alone.

``DataFrame.copy(deep=True)`` and ``copy.deepcopy(frame)`` copy the arrays but share the Python
objects inside ``object`` columns, so a function that appends to a list *in a cell* would go
unnoticed by ``assert_frame_equal(frame, frame.copy())``. :func:`snapshot` copies every cell
deeply and :func:`assert_unchanged` compares cell by cell, list cells included.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pandas as pd


def snapshot(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` that shares no mutable cell with it."""
    out = frame.copy(deep=True)
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = pd.Series(
                [copy.deepcopy(value) for value in frame[column]], index=frame.index, dtype=object
            )
    return out


def assert_unchanged(frame: pd.DataFrame, before: pd.DataFrame) -> None:
    """``frame`` has the columns, index, dtypes and cells (list cells item by item) of
    ``before``."""
    assert list(frame.columns) == list(before.columns)
    assert frame.index.equals(before.index)
    assert frame.dtypes.equals(before.dtypes)
    for column in before.columns:
        for position, (now, then) in enumerate(zip(frame[column], before[column], strict=True)):
            assert _same(now, then), f"{column!r}, row {position}: {then!r} became {now!r}"


def _same(now: Any, then: Any) -> bool:
    if type(now) is not type(then):
        return False
    if isinstance(then, np.ndarray):
        return bool(np.array_equal(now, then))
    if then is None or then is pd.NA or then is pd.NaT:
        return now is then
    if isinstance(then, float) and then != then:
        return now != now  # NaN is NaN
    return bool(now == then)  # list, tuple and dict cells compare item by item
