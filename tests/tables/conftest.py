"""Helpers and fixtures shared by the tests of reporter_finder.tables."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from reporter_finder.schema import GRANT_COLUMNS, PI_COLUMNS, PI_GRANT_COLUMNS, PROJECT_COLUMNS
from reporter_finder.tables.build import Tables, build_tables
from reporter_finder.tables.records import load_records
from tests.conftest import FIXTURES

AS_OF = date(2025, 6, 1)

PROJECT_FIXTURES = sorted(p.name for p in FIXTURES.glob("projects-*.json"))

SCHEMAS = {
    "projects": PROJECT_COLUMNS,
    "grants": GRANT_COLUMNS,
    "pis": PI_COLUMNS,
    "pi_grants": PI_GRANT_COLUMNS,
}


def assert_schema(frame: pd.DataFrame, schema: Any) -> None:
    assert list(frame.columns) == list(schema)
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        c: str(pd.Series(dtype=t).dtype) for c, t in schema.items()
    }
    for column, dtype in schema.items():
        if dtype == "object":  # list columns: always lists, never None/NaN
            assert all(isinstance(v, list) for v in frame[column])


def assert_tables_schema(tables: Tables) -> None:
    for name, schema in SCHEMAS.items():
        assert_schema(getattr(tables, name), schema)


def row(frame: pd.DataFrame, column: str, value: Any) -> pd.Series:
    hits = frame[frame[column] == value]
    assert len(hits) == 1, f"{column}={value!r}: {len(hits)} rows"
    return hits.iloc[0]


@pytest.fixture(scope="module")
def common() -> Tables:
    return build_tables(load_records(FIXTURES / "projects-common-fund.json"), as_of=AS_OF)


@pytest.fixture(scope="module")
def common_with_subprojects() -> Tables:
    records = load_records(FIXTURES / "projects-common-fund.json")
    return build_tables(records, as_of=AS_OF, include_subprojects=True)


def minimal_record(appl_id: int, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "appl_id": appl_id,
        "fiscal_year": 2024,
        "project_num": f"5R01HL{appl_id % 1_000_000:06d}-02",
        "core_project_num": f"R01HL{appl_id % 1_000_000:06d}",
        "subproject_id": None,
        "award_amount": 100_000,
        "project_start_date": "2023-07-01T00:00:00",
        "project_end_date": "2027-06-30T00:00:00",
        "organization": {
            "org_name": "EXAMPLE UNIVERSITY",
            "org_city": "BALTIMORE",
            "org_state": "MD",
        },
        "principal_investigators": [],
    }
    record.update(fields)
    return record


def person(
    first: str, last: str, *, middle: str = "", profile_id: int | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "profile_id": profile_id,
        "first_name": first,
        "middle_name": middle,
        "last_name": last,
        "is_contact_pi": True,
        "full_name": f"{first} {middle} {last}",
        "title": "",
        **extra,
    }
