"""reporter_finder.tables on the real RePORTER samples in tests/fixtures, plus property tests."""

from __future__ import annotations

import copy
import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter_finder.errors import DataFormatError
from reporter_finder.schema import GRANT_COLUMNS, PI_COLUMNS, PI_GRANT_COLUMNS, PROJECT_COLUMNS
from reporter_finder.tables import build as tables_module
from reporter_finder.tables.build import (
    Tables,
    build_tables,
    find_pi,
    grants_table,
    load_records,
    pi_grants_table,
    pis_table,
    projects_table,
)
from tests.conftest import FIXTURES, load_fixture

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


# --- schema on every fixture and on empty input -------------------------------------------------


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


def test_a_non_mapping_record_raises_data_format_error() -> None:
    with pytest.raises(DataFormatError, match="record 1 is a str"):
        projects_table([minimal_record(1), "not a record"])  # type: ignore[list-item]


# --- projects ------------------------------------------------------------------------------------


def test_common_fund_projects_drop_the_six_u54_subprojects_by_default(common: Tables) -> None:
    assert len(common.projects) == 149
    assert not common.projects["is_subproject"].any()
    assert common.projects["appl_id"].is_unique
    assert common.projects["appl_id"].is_monotonic_increasing


def test_subprojects_are_kept_on_request_with_string_ids_coerced(
    common_with_subprojects: Tables,
) -> None:
    projects = common_with_subprojects.projects
    assert len(projects) == 155
    component = row(projects, "appl_id", 10876609)
    assert component["subproject_id"] == 9427  # sent as the string "9427"
    assert component["is_subproject"]
    assert component["project_num"] == "1U54OD036472-01"
    assert component["core_project_num"] == "U54OD036472"


def test_pi_lists_are_aligned_with_the_contact_pi_first(common: Tables) -> None:
    # The API lists 6869311 first, but 12023650 is the contact PI.
    record = row(common.projects, "appl_id", 10217839)
    assert record["pi_profile_ids"] == [12023650, 6869311, 1905297]
    assert record["pi_keys"] == ["12023650", "6869311", "1905297"]
    assert record["contact_pi_profile_id"] == 12023650


@pytest.mark.parametrize(
    ("appl_id", "raw"), [(10683507, "No Text"), (10468521, ""), (10129013, None)]
)
def test_placeholder_phr_text_becomes_missing(common: Tables, appl_id: int, raw: Any) -> None:
    assert pd.isna(row(common.projects, "appl_id", appl_id)["phr_text"])


def test_project_fields_are_flattened_from_the_nested_objects(common: Tables) -> None:
    record = row(common.projects, "appl_id", 10577377)
    assert record["org_name"] == "UNIVERSITY OF CALIFORNIA AT DAVIS"
    assert record["org_city"] == "Davis"  # sent as "DAVIS"
    assert record["dept_type"] == "VETERINARY SCIENCES"
    assert record["organization_type"] == "SCHOOLS OF VETERINARY MEDICINE"
    assert record["agency_ic_admin"] == "OD"
    assert record["study_section_code"] == "ZRG1"
    assert record["program_officers"] == ["George Papanicolaou"]  # sent as "GEORGE  PAPANICOLAOU"
    assert record["award_amount"] == 312973.0
    assert record["project_end_date"] == pd.Timestamp("2025-09-19")
    assert record["is_active"] is False or record["is_active"] == False  # noqa: E712
    assert record["pref_terms"].startswith("Address; Adopted; Algorithms; Alzheimer's Disease;")


def test_older_date_format_parses_to_the_same_dates_as_the_new_capture(common: Tables) -> None:
    old = projects_table(load_records(FIXTURES / "projects-older-date-format.json"))
    assert sorted(old["appl_id"]) == [10444364, 10468521, 10577377, 10683507]
    new = common.projects.set_index("appl_id").loc[old["appl_id"]]
    for column in ("project_start_date", "project_end_date", "budget_end"):
        assert list(old[column]) == list(new[column])
    assert row(old, "appl_id", 10577377)["project_start_date"] == pd.Timestamp("2022-09-20")


def test_html_entities_in_older_pref_terms_are_unescaped(common: Tables) -> None:
    old = row(
        projects_table(load_records(FIXTURES / "projects-older-date-format.json")),
        "appl_id",
        10577377,
    )
    assert "&apos;" not in old["pref_terms"]
    assert old["pref_terms"] == row(common.projects, "appl_id", 10577377)["pref_terms"]


def test_title_only_include_fields_response_yields_one_project_and_no_grants() -> None:
    tables = build_tables(
        load_records(FIXTURES / "projects-include-fields-title-only.json"), as_of=AS_OF
    )
    record = tables.projects.iloc[0]
    assert record["appl_id"] == 9795459
    assert len(record["project_title"]) == 200
    assert record["project_detail_url"] == "https://reporter.nih.gov/project-details/9795459"
    assert pd.isna(record["fiscal_year"])
    assert pd.isna(record["project_end_date"])
    assert record["pi_keys"] == []
    assert record["program_officers"] == []
    assert tables.grants.empty
    assert tables.pis.empty


def test_crlf_field_subset_parses_and_capitalises_upper_case_cities() -> None:
    tables = build_tables(load_records(FIXTURES / "projects-field-subset-crlf.json"), as_of=AS_OF)
    assert sorted(tables.grants["core_project_num"]) == [
        "R01EB037403",
        "R01EB038366",
        "R13EB038853",
    ]
    assert row(tables.projects, "appl_id", 11279309)["org_city"] == "Notre Dame"
    assert row(tables.projects, "appl_id", 11320025)["org_city"] == "Nashville"
    assert tables.pis.empty  # this subset carries no people


def test_records_without_appl_id_derive_core_number_and_contact_pi() -> None:
    tables = build_tables(load_records(FIXTURES / "projects-abstract-subset.json"), as_of=AS_OF)
    assert len(tables.projects) == 5
    assert tables.projects["appl_id"].isna().all()
    record = row(tables.projects, "project_num", "1R21AG093377-01A1")
    assert record["core_project_num"] == "R21AG093377"
    assert record["activity_code"] == "R21"
    assert record["award_type"] == "1"
    assert record["pi_keys"] == ["name:chen|x|"]
    assert record["pi_profile_ids"] == [None]
    chen = row(tables.pis, "pi_key", "name:chen|x|")
    assert chen["pi_name"] == "Xiaoli Chen"  # from "CHEN, XIAOLI " (trailing space)
    assert chen["sort_name"] == "CHEN, XIAOLI"


def test_duplicate_appl_id_keeps_the_more_complete_record_in_either_order() -> None:
    full = load_fixture("projects-common-fund.json")["results"][0]
    sparse = {"appl_id": str(full["appl_id"]), "project_title": "cut"}
    for records in ([full, sparse], [sparse, full]):
        projects = projects_table(records)
        assert len(projects) == 1
        assert projects.iloc[0]["project_title"].startswith("Data-driven search")


def test_duplicate_appl_id_of_equal_completeness_keeps_the_later_capture(common: Tables) -> None:
    new = load_fixture("projects-common-fund.json")["results"]
    old = load_fixture("projects-older-date-format.json")["results"]
    projects = projects_table(new + old)
    assert len(projects) == 149
    assert row(projects, "appl_id", 10577377)["is_active"]  # True in the older capture only


@pytest.mark.parametrize(
    "raw",
    [
        "garbage",
        "",
        None,
        20240801,
        "2024-02-30T00:00:00",
        "9999-12-31T00:00:00",
        "24-08-01",
        [],
        {},
    ],
)
def test_bad_dates_become_nat_without_raising(raw: Any) -> None:
    projects = projects_table([minimal_record(1, project_end_date=raw, budget_end=raw)])
    assert pd.isna(projects.iloc[0]["project_end_date"])
    assert pd.isna(projects.iloc[0]["budget_end"])


def test_type_drift_is_coerced_one_way_per_column() -> None:
    record = minimal_record(1)
    record.update(
        appl_id="10577377",
        fiscal_year="2022",
        award_amount="312973.0",
        direct_cost_amt=199999.0,
        subproject_id=" ",
        is_active="true",
        organization_type="SCHOOLS OF MEDICINE",
        agency_ic_admin="NHLBI",
    )
    projects = projects_table([record])
    first = projects.iloc[0]
    assert first["appl_id"] == 10577377
    assert first["fiscal_year"] == 2022
    assert first["award_amount"] == 312973.0
    assert first["direct_cost_amt"] == 199999.0
    assert not first["is_subproject"]  # a blank subproject_id is no subproject
    assert first["is_active"]
    assert first["organization_type"] == "SCHOOLS OF MEDICINE"
    assert first["agency_ic_admin"] == "NHLBI"
    assert_schema(projects, PROJECT_COLUMNS)


def test_text_is_unescaped_nfkc_normalised_and_stripped() -> None:
    record = minimal_record(
        1,
        project_title="  Caf\u00e9 \ufb01brosis &amp; the heart\u2122 ",
        abstract_text="  Line one.\nLine two \u00b5g  ",
        phr_text="No Text",
        pref_terms="Alzheimer&apos;s Disease; ;Heart ;",
    )
    first = projects_table([record]).iloc[0]
    assert first["project_title"] == "Café fibrosis & the heartTM"
    assert first["abstract_text"] == "Line one.\nLine two μg"
    assert pd.isna(first["phr_text"])
    assert first["pref_terms"] == "Alzheimer's Disease; Heart"


# --- grants --------------------------------------------------------------------------------------


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
    before = common.projects.copy(deep=True)
    grants_table(common.projects, as_of=AS_OF)
    pd.testing.assert_frame_equal(common.projects, before)


# --- PIs -----------------------------------------------------------------------------------------


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


def test_mixed_case_names_and_titles_are_tidied(common: Tables) -> None:
    brown = row(common.pis, "pi_key", "8406715")
    assert brown["pi_name"] == "C. Titus Brown"  # sent as "C. Titus BROWN"
    assert brown["sort_name"] == "BROWN, C. TITUS"
    assert brown["pi_title"] == "Associate Professor"
    assert row(common.pis, "pi_key", "15226876")["pi_title"] == "Assistant Researcher, Step 5"
    # Two profile ids carry this name in the sample: people are keyed on profile_id, not names.
    de_bono = common.pis[common.pis["pi_name"] == "Bernard de Bono"]
    assert list(de_bono["pi_key"]) == ["16414189", "16599199"]
    assert set(de_bono["sort_name"]) == {"DE BONO, BERNARD"}


def test_pi_grants_has_one_row_per_pi_and_appl_id(common: Tables) -> None:
    links = common.pi_grants
    assert not links.duplicated(["pi_key", "appl_id"]).any()
    assert len(links) == sum(len(keys) for keys in common.projects["pi_keys"])
    co_pi = links[(links["pi_key"] == "7869507") & (links["appl_id"] == 10468527)].iloc[0]
    assert not co_pi["is_contact_pi"]
    assert co_pi["core_project_num"] == "OT2OD030546"
    assert co_pi["award_amount"] == 745261.0


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


def test_name_keys_merge_spellings_within_one_organisation_only() -> None:
    def contact_only(appl_id: int, name: str, org: str) -> dict[str, Any]:
        return {
            "appl_id": appl_id,
            "fiscal_year": 2024,
            "core_project_num": f"R01HL{appl_id:06d}",
            "contact_pi_name": name,
            "organization": {"org_name": org},
        }

    records = [
        contact_only(1, "SMITH, JONATHAN A", "Univ of Somewhere"),
        contact_only(2, "SMITH, JONATHAN A", "UNIV OF SOMEWHERE"),
        contact_only(3, "SMITH, JONATHON", "UNIV OF SOMEWHERE"),  # a typo of the same person
        contact_only(4, "SMITH, JANE", "UNIV OF SOMEWHERE"),  # a different person, same initial
        contact_only(5, "SMITH, JONATHAN A", "OTHER COLLEGE"),
    ]
    keys = projects_table(records).set_index("appl_id")["pi_keys"]
    assert keys[1] == keys[2] == keys[3] == ["name:smith|j|univ of somewhere|jonathan"]
    assert keys[4] == ["name:smith|j|univ of somewhere|jane"]
    assert keys[5] == ["name:smith|j|other college"]
    pis = build_tables(records, as_of=AS_OF).pis
    assert row(pis, "pi_key", "name:smith|j|univ of somewhere|jonathan")["n_grants"] == 3


@pytest.mark.parametrize(
    ("first", "middle", "last", "display", "sort_name"),
    [
        ("MARIA", "", "LOPEZ", "Maria Lopez", "LOPEZ, MARIA"),
        (" MARIA ", " ", " LOPEZ ", "Maria Lopez", "LOPEZ, MARIA"),
        ("JOHN", "", "O'NEIL", "John O'Neil", "O'NEIL, JOHN"),
        ("ROBERT", "J", "MCDONALD", "Robert J McDonald", "MCDONALD, ROBERT J"),
        ("Jack", "", "DiGiovanna", "Jack DiGiovanna", "DIGIOVANNA, JACK"),
        ("MARIA", "", "DE LA CRUZ", "Maria de la Cruz", "DE LA CRUZ, MARIA"),
        ("ANNE", "", "SMITH-JONES", "Anne Smith-Jones", "SMITH-JONES, ANNE"),
        ("J.", "Alan", "REED", "J. Alan Reed", "REED, J. ALAN"),
        ("JOHN", "", "A", "John A", "A, JOHN"),
    ],
)
def test_display_and_sort_names(
    first: str, middle: str, last: str, display: str, sort_name: str
) -> None:
    record = minimal_record(
        1, principal_investigators=[person(first, last, middle=middle, profile_id=5)]
    )
    pi = build_tables([record], as_of=AS_OF).pis.iloc[0]
    assert (pi["pi_name"], pi["sort_name"]) == (display, sort_name)


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
    before = [frame.copy(deep=True) for frame in (common.projects, common.grants, common.pi_grants)]
    pis_table(common.projects, common.grants, common.pi_grants)
    for frame, copy_ in zip(
        (common.projects, common.grants, common.pi_grants), before, strict=True
    ):
        pd.testing.assert_frame_equal(frame, copy_)


# --- find_pi -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["avi ma'ayan", "MA'AYAN AVI", "Ma'ayan, Avi", "Ma'ayan, A", "avi mayan", "7869507"]
)
def test_find_pi_finds_a_pi_however_the_name_is_typed(common: Tables, typed: str) -> None:
    found = find_pi(common.pis, typed)
    assert found.iloc[0]["pi_key"] == "7869507"
    assert found["match_score"].is_monotonic_decreasing
    assert list(found.columns) == [*PI_COLUMNS, "match_score"]


def test_find_pi_exact_name_scores_100(common: Tables) -> None:
    assert find_pi(common.pis, "Kristin Ardlie").iloc[0]["match_score"] == 100.0


def test_find_pi_respects_limit_and_cutoff(common: Tables) -> None:
    assert len(find_pi(common.pis, "Wang", limit=2, score_cutoff=0)) == 2
    assert find_pi(common.pis, "zzzz qqqq").empty
    assert find_pi(common.pis, "   ").empty


def test_find_pi_breaks_ties_deterministically() -> None:
    records = [
        minimal_record(1, principal_investigators=[person("Tamara", "Phillips", profile_id=30)]),
        minimal_record(2, principal_investigators=[person("Tamara", "Phillips", profile_id=20)]),
        minimal_record(
            3,
            project_end_date="2020-01-01T00:00:00",
            principal_investigators=[person("Thomas", "Phillips", profile_id=10)],
        ),
    ]
    pis = build_tables(records, as_of=AS_OF).pis
    assert list(find_pi(pis, "Phillips, T")["pi_key"]) == ["20", "30", "10"]
    assert list(find_pi(pis, "tamara phillips")["pi_key"])[:2] == ["20", "30"]


# --- load_records --------------------------------------------------------------------------------


def test_load_records_reads_an_envelope_a_results_list_and_crlf() -> None:
    assert len(load_records(FIXTURES / "projects-common-fund.json")) == 155
    assert len(load_records(FIXTURES / "projects-abstract-subset.json")) == 5
    crlf = load_records(str(FIXTURES / "projects-field-subset-crlf.json"))
    assert [r["appl_id"] for r in crlf] == [11317667, 11279309, 11320025]


def test_load_records_reads_saved_pages_jsonl_and_a_bom(tmp_path: Path) -> None:
    envelope = load_fixture("projects-common-fund.json")
    pages = [
        {"meta": envelope["meta"], "results": envelope["results"][:100]},
        {"meta": envelope["meta"], "results": envelope["results"][100:]},
    ]
    (tmp_path / "pages.json").write_text(json.dumps(pages), encoding="utf-8")
    assert len(load_records(tmp_path / "pages.json")) == 155
    lines = "\r\n".join(json.dumps(r) for r in envelope["results"][:3])
    (tmp_path / "records.jsonl").write_text(lines, encoding="utf-8-sig")
    assert [r["appl_id"] for r in load_records(tmp_path / "records.jsonl")] == [
        r["appl_id"] for r in envelope["results"][:3]
    ]
    (tmp_path / "empty.json").write_text('{"meta": {"total": 0}, "results": []}', encoding="utf-8")
    assert load_records(tmp_path / "empty.json") == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"results": [', "not valid JSON"),
        ("", "empty"),
        ('[{"name": "x", "age": 3}]', "none of the RePORTER project fields"),
        ("42", "expected a JSON object or array"),
        ("[1, 2]", "not a project record"),
        ('{"meta": {}, "results": {"appl_id": 1}}', "not a list"),
    ],
)
def test_load_records_rejects_what_is_not_reporter_json(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFormatError, match=message):
        load_records(path)


@pytest.mark.parametrize("name", ["publications-common-fund.json", "publications-limit1.json"])
def test_load_records_rejects_publication_envelopes(name: str) -> None:
    with pytest.raises(DataFormatError, match="publications/search"):
        load_records(FIXTURES / name)


def test_load_records_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'[{"project_title": "Caf\xe9"}]')
    with pytest.raises(DataFormatError, match="not UTF-8"):
        load_records(path)


# --- properties: damaged real records never crash and keep the schema ---------------------------

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
