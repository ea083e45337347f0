"""reporter_finder.tables.build: the four tables together, on every fixture, empty input and
damaged records (property tests)."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter_finder.schema import GRANT_COLUMNS, PI_COLUMNS, PI_GRANT_COLUMNS, PROJECT_COLUMNS
from reporter_finder.tables import build as tables_module
from reporter_finder.tables.build import build_tables
from reporter_finder.tables.lookup import find_pi
from reporter_finder.tables.projects import pi_grants_table, projects_table
from reporter_finder.tables.records import load_records
from reporter_finder.tables.summaries import grants_table, pis_table
from tests.conftest import FIXTURES, load_fixture
from tests.tables.conftest import (
    AS_OF,
    PROJECT_FIXTURES,
    SCHEMAS,
    assert_schema,
    assert_tables_schema,
    minimal_record,
    person,
)


@pytest.mark.parametrize("name", PROJECT_FIXTURES)
def test_every_fixture_builds_all_four_tables_with_the_exact_schema(name: str) -> None:
    assert_tables_schema(build_tables(load_records(FIXTURES / name), as_of=AS_OF))


@pytest.mark.parametrize("records", [[], iter(())], ids=["list", "generator"])
def test_empty_input_gives_empty_tables_with_every_column_and_dtype(records: Any) -> None:
    tables = build_tables(records, as_of=AS_OF)
    assert_tables_schema(tables)
    assert all(len(getattr(tables, name)) == 0 for name in SCHEMAS)


def test_public_builders_on_empty_input_keep_their_schemas() -> None:
    projects = projects_table([])
    links = pi_grants_table([])
    grants = grants_table(projects, as_of=AS_OF)
    assert_schema(projects, PROJECT_COLUMNS)
    assert_schema(links, PI_GRANT_COLUMNS)
    assert_schema(grants, GRANT_COLUMNS)
    assert_schema(pis_table(projects, grants, links), PI_COLUMNS)
    assert list(find_pi(pis_table(projects, grants, links), "anyone").columns) == [
        *PI_COLUMNS,
        "match_score",
    ]


def test_build_tables_does_not_mutate_the_records() -> None:
    records = load_fixture("projects-common-fund.json")["results"]
    records += load_fixture("projects-older-date-format.json")["results"]
    before = copy.deepcopy(records)
    build_tables(records, as_of=AS_OF, include_subprojects=True)
    assert records == before


def test_tables_is_frozen_and_as_of_defaults_to_today() -> None:
    tables = build_tables([], as_of=None)
    assert tables.as_of == date.today()
    with pytest.raises(dataclasses.FrozenInstanceError):
        tables.as_of = AS_OF  # type: ignore[misc]


_REAL = (
    load_fixture("projects-common-fund.json")["results"]
    + load_fixture("projects-pi-search-include-fields.json")["results"]
)

_GARBAGE = st.sampled_from(
    [
        None,
        "",
        "No Text",
        "garbage",
        3.5,
        -1,
        True,
        [],
        {},
        "2024-13-45T00:00:00",
        "  ",
        [None],
        {"x": 1},
    ]
)


def _damage(record: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    damaged = copy.deepcopy(record)
    keys = sorted(damaged)
    for key in data.draw(st.lists(st.sampled_from(keys), max_size=8, unique=True)):
        action = data.draw(st.sampled_from(["drop", "null", "garbage"]))
        if action == "drop":
            del damaged[key]
        else:
            damaged[key] = None if action == "null" else data.draw(_GARBAGE)
    people = damaged.get("principal_investigators")
    target = people[0] if isinstance(people, list) and people else None
    if isinstance(target, dict) and target and data.draw(st.booleans()):
        for key in data.draw(st.lists(st.sampled_from(sorted(target)), max_size=4, unique=True)):
            target[key] = data.draw(_GARBAGE)
    org = damaged.get("organization")
    if isinstance(org, dict) and org and data.draw(st.booleans()):
        for key in data.draw(st.lists(st.sampled_from(sorted(org)), max_size=4, unique=True)):
            org[key] = data.draw(_GARBAGE)
    return damaged


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), include_subprojects=st.booleans())
def test_damaged_real_records_never_crash_and_keep_the_schema(
    data: st.DataObject, include_subprojects: bool
) -> None:
    indices = data.draw(st.lists(st.integers(0, len(_REAL) - 1), min_size=1, max_size=12))
    records = [_damage(_REAL[i], data) for i in indices]
    before = copy.deepcopy(records)
    tables = build_tables(records, as_of=AS_OF, include_subprojects=include_subprojects)
    assert records == before
    assert_tables_schema(tables)
    assert tables.pis["pi_key"].is_unique
    assert tables.grants["core_project_num"].is_unique
    if not tables.pis.empty:
        find_pi(tables.pis, str(tables.pis.iloc[0]["pi_name"]))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(sorted(PROJECT_COLUMNS)), _GARBAGE), max_size=5))
def test_records_of_pure_garbage_keep_the_schema(records: list[dict[str, Any]]) -> None:
    assert_tables_schema(build_tables(records, as_of=AS_OF, include_subprojects=True))


def test_build_tables_restores_the_garbage_collector_state_even_when_it_fails(
    common_fund_records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # build_tables pauses the cyclic GC while it works (it would otherwise re-scan the
    # caller's records again and again); it must hand the collector back exactly as found.
    import gc

    assert gc.isenabled()
    build_tables(common_fund_records[:5])
    assert gc.isenabled()

    def boom(*args: object, **kwargs: object) -> None:
        assert not gc.isenabled()  # paused while building
        raise RuntimeError("boom")

    monkeypatch.setattr(tables_module, "grants_table", boom)
    with pytest.raises(RuntimeError, match="boom"):
        build_tables(common_fund_records[:5])
    assert gc.isenabled()

    gc.disable()
    try:
        monkeypatch.undo()
        build_tables(common_fund_records[:5])
        assert not gc.isenabled()  # a caller's disabled GC stays disabled
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("award_amount", 10**400),
        ("appl_id", 2**70),
        ("fiscal_year", 10**30),
        ("subproject_id", 2**64),
    ],
)
def test_numbers_out_of_range_become_missing_instead_of_raising(field: str, value: int) -> None:
    # Regression: these escaped build_tables as OverflowError (not a ReporterError).
    record = minimal_record(1, principal_investigators=[person("Ana", "Rivera", profile_id=2**65)])
    record[field] = value
    tables = build_tables([record], as_of=AS_OF, include_subprojects=True)
    assert_tables_schema(tables)
    assert pd.isna(tables.projects.iloc[0][field])
    assert pd.isna(tables.projects.iloc[0]["contact_pi_profile_id"])  # profile id 2**65
