"""reporter_finder.tables.projects: records → the projects table (on real RePORTER samples)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from reporter_finder.errors import DataFormatError
from reporter_finder.schema import PROJECT_COLUMNS
from reporter_finder.tables.build import Tables, build_tables
from reporter_finder.tables.projects import projects_table
from reporter_finder.tables.records import load_records
from tests.conftest import FIXTURES, load_fixture
from tests.tables.conftest import (
    AS_OF,
    assert_schema,
    minimal_record,
    row,
)


def test_a_non_mapping_record_raises_data_format_error() -> None:
    with pytest.raises(DataFormatError, match="record 1 is a str"):
        projects_table([minimal_record(1), "not a record"])  # type: ignore[list-item]


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


def test_pi_grants_has_one_row_per_pi_and_appl_id(common: Tables) -> None:
    links = common.pi_grants
    assert not links.duplicated(["pi_key", "appl_id"]).any()
    assert len(links) == sum(len(keys) for keys in common.projects["pi_keys"])
    co_pi = links[(links["pi_key"] == "7869507") & (links["appl_id"] == 10468527)].iloc[0]
    assert not co_pi["is_contact_pi"]
    assert co_pi["core_project_num"] == "OT2OD030546"
    assert co_pi["award_amount"] == 745261.0
