"""reporter_finder.tables.summaries: the grants and pis tables."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from reporter_finder.errors import DataFormatError
from reporter_finder.tables.build import Tables, build_tables
from reporter_finder.tables.records import load_records
from reporter_finder.tables.summaries import grants_table, pis_table
from tests.conftest import FIXTURES
from tests.frames import assert_unchanged, snapshot
from tests.tables.conftest import (
    AS_OF,
    minimal_record,
    person,
    row,
)


def test_grant_collapses_fiscal_years_and_supplements(common: Tables) -> None:
    grant = row(common.grants, "core_project_num", "OT2OD030161")
    assert grant["n_records"] == 6  # the -01 parent and supplements S1..S5
    assert (grant["first_fiscal_year"], grant["last_fiscal_year"]) == (2020, 2024)
    assert grant["project_start_date"] == pd.Timestamp("2020-09-23")
    assert grant["project_end_date"] == pd.Timestamp("2026-03-22")
    assert grant["latest_award_amount"] == 297559.0  # FY2024 has only supplement S5
    assert grant["total_award_amount"] == 3153200.0
    assert grant["latest_appl_id"] == 11093232
    assert grant["is_active"]
    assert grant["months_left"] == pytest.approx(294 / (365.25 / 12))
    assert grant["pi_keys"] == ["9237953"]


def test_latest_award_sums_parent_and_supplements_of_the_latest_year() -> None:
    tables = build_tables(
        load_records(FIXTURES / "projects-pi-search-include-fields.json"), as_of=AS_OF
    )
    grant = row(tables.grants, "core_project_num", "R35GM133616")
    assert grant["n_records"] == 5
    assert (grant["first_fiscal_year"], grant["last_fiscal_year"]) == (2019, 2021)
    assert grant["latest_award_amount"] == 412500 + 59087 + 150000
    assert grant["total_award_amount"] == 3 * 412500 + 59087 + 150000
    assert grant["activity_code"] == "R35"
    assert grant["agency_ic_admin"] == "NIGMS"
    assert pd.isna(grant["is_active"])  # no end date in this include_fields response


def test_is_active_and_months_left_follow_as_of(common: Tables) -> None:
    projects = common.projects
    later = row(grants_table(projects, as_of=date(2026, 4, 1)), "core_project_num", "OT2OD030161")
    assert not later["is_active"]
    assert later["months_left"] == pytest.approx(-10 / (365.25 / 12))


def test_subprojects_never_add_to_the_parent_grant(
    common: Tables, common_with_subprojects: Tables
) -> None:
    for tables in (common, common_with_subprojects):
        grant = row(tables.grants, "core_project_num", "U54OD036472")
        assert grant["n_records"] == 2
        assert grant["total_award_amount"] == 1480657 + 1930892
        assert grant["latest_award_amount"] == 1930892
        assert grant["contact_pi_profile_id"] == 8592482


def test_grant_of_subprojects_only_is_built_from_them() -> None:
    parts = [
        minimal_record(1, subproject_id="7001", award_amount=10.0, core_project_num="P01HL000001"),
        minimal_record(2, subproject_id="7002", award_amount=5.0, core_project_num="P01HL000001"),
    ]
    grant = build_tables(parts, as_of=AS_OF, include_subprojects=True).grants.iloc[0]
    assert grant["n_records"] == 2
    assert grant["total_award_amount"] == 15.0


def test_grants_table_does_not_mutate_projects(common: Tables) -> None:
    before = snapshot(common.projects)
    grants_table(common.projects, as_of=AS_OF)
    assert_unchanged(common.projects, before)


def test_named_pi_counts_grants_funding_and_years(common: Tables) -> None:
    pi = row(common.pis, "pi_name", "Avi Ma'ayan")
    assert pi["pi_key"] == "7869507"
    assert pi["profile_id"] == 7869507
    assert pi["n_grants"] == 3  # OT2OD030160, OT2OD036435, and OT2OD030546 as co-PI
    assert pi["n_active_grants"] == 3
    assert pi["n_contact_grants"] == 2
    # latest fiscal year's awards of each active grant: 300,000 + 350,000 + 3,934,710
    assert pi["active_funding"] == 4_584_710.0
    assert pi["total_funding"] == 11_350_146.0  # his ten appl rows
    assert (pi["first_fiscal_year"], pi["last_fiscal_year"]) == (2020, 2025)
    assert pi["pi_title"] == "Professor"
    assert pi["activity_codes"] == ["OT2"]
    assert pi["organization"] == "ICAHN SCHOOL OF MEDICINE AT MOUNT SINAI"
    assert (pi["city"], pi["state"]) == ("New York", "NY")


def test_subproject_pi_on_the_parent_is_not_paid_twice(
    common: Tables, common_with_subprojects: Tables
) -> None:
    default = row(common.pis, "pi_key", "10302292")
    with_parts = row(common_with_subprojects.pis, "pi_key", "10302292")
    assert default["pi_name"] == with_parts["pi_name"] == "Casey S Greene"
    assert default["total_funding"] == with_parts["total_funding"] == 1480657 + 1930892
    assert (default["n_contact_grants"], with_parts["n_contact_grants"]) == (0, 1)


def test_pi_known_only_from_subprojects_gets_their_own_amounts() -> None:
    parent = minimal_record(1, principal_investigators=[person("Ana", "Rivera", profile_id=11)])
    part = minimal_record(
        2,
        subproject_id="7001",
        award_amount=40_000,
        principal_investigators=[person("Dev", "Shah", profile_id=22)],
    )
    tables = build_tables([parent, part], as_of=AS_OF, include_subprojects=True)
    shah = row(tables.pis, "pi_key", "22")
    assert shah["total_funding"] == 40_000.0
    assert shah["n_grants"] == 1


def test_contact_only_records_yield_a_name_keyed_pi_across_grants() -> None:
    tables = build_tables(
        load_records(FIXTURES / "projects-pi-search-include-fields.json"), as_of=AS_OF
    )
    assert list(tables.pis["pi_key"]) == ["name:sgro|a|"]
    pi = tables.pis.iloc[0]
    assert pi["pi_name"] == "Allyson E Sgro"
    assert pi["n_grants"] == 2
    assert pi["n_contact_grants"] == 2
    assert pi["activity_codes"] == ["F32", "R35"]
    assert (pi["first_fiscal_year"], pi["last_fiscal_year"]) == (2013, 2021)
    assert pi["total_funding"] == 1446587 + 49214 + 53282
    assert pd.isna(pi["profile_id"])


def test_latest_non_empty_title_wins() -> None:
    records = [
        minimal_record(
            1,
            fiscal_year=2022,
            principal_investigators=[
                person("A", "B", profile_id=5, title="ASSISTANT PROFESSOR OF MEDICINE")
            ],
        ),
        minimal_record(
            2,
            fiscal_year=2023,
            principal_investigators=[person("A", "B", profile_id=5, title="ASSOCIATE PROFESSOR")],
        ),
        minimal_record(
            3, fiscal_year=2024, principal_investigators=[person("A", "B", profile_id=5, title="")]
        ),
    ]
    assert build_tables(records, as_of=AS_OF).pis.iloc[0]["pi_title"] == "Associate Professor"


def test_pis_table_does_not_mutate_its_inputs(common: Tables) -> None:
    inputs = (common.projects, common.grants, common.pi_grants)
    before = [snapshot(frame) for frame in inputs]
    pis_table(*inputs)
    for frame, then in zip(inputs, before, strict=True):
        assert_unchanged(frame, then)


def test_summaries_refuse_a_frame_that_is_not_the_table_they_need(common: Tables) -> None:
    # Regression: a wrong frame escaped as KeyError('core_project_num').
    with pytest.raises(DataFormatError, match="projects table"):
        grants_table(common.pis, as_of=AS_OF)
    with pytest.raises(DataFormatError, match="pi_grants table"):
        pis_table(common.projects, common.grants, common.projects)
    with pytest.raises(DataFormatError, match="grants table"):
        pis_table(common.projects, common.pis, common.pi_grants)


def test_organisation_type_travels_to_grants_and_to_the_pi_from_the_latest_grant() -> None:
    def org_type(name: str | None) -> dict[str, object] | None:
        return None if name is None else {"name": name, "code": "XX", "is_other": False}

    records = [
        minimal_record(
            1, fiscal_year=2022, organization_type=org_type("SCHOOLS OF MEDICINE"),
            principal_investigators=[person("A", "B", profile_id=5)],
        ),
        minimal_record(
            2, fiscal_year=2024, organization_type=org_type("DOMESTIC FOR-PROFITS"),
            principal_investigators=[person("A", "B", profile_id=5)],
        ),
        minimal_record(
            3, fiscal_year=2024, organization_type=None,
            principal_investigators=[person("C", "D", profile_id=6)],
        ),
    ]  # fmt: skip
    tables = build_tables(records, as_of=AS_OF)
    grants = tables.grants
    types = dict(zip(grants["core_project_num"], grants["organization_type"], strict=True))
    assert types["R01HL000001"] == "SCHOOLS OF MEDICINE"
    assert types["R01HL000002"] == "DOMESTIC FOR-PROFITS"
    assert pd.isna(types["R01HL000003"])
    assert row(tables.pis, "pi_key", "5")["organization_type"] == "DOMESTIC FOR-PROFITS"
    assert pd.isna(row(tables.pis, "pi_key", "6")["organization_type"])
