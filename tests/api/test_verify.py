"""verify: every record is checked against the criteria sent, leniently where RePORTER is loose."""

from __future__ import annotations

import copy
import datetime
from typing import Any

import pytest

from reporter_finder.api import limits
from reporter_finder.api.query import ProjectQuery
from reporter_finder.api.verify import check_link, check_record, fields_to_check
from reporter_finder.errors import FilterIgnoredError

URL = "https://api.reporter.nih.gov/v2/projects/search"

#: A query using every criterion the verifier checks (exclude_subprojects is on by default).
FULL = ProjectQuery(
    fiscal_years=[2024, 2025],
    activity_codes=["R01"],
    org_states=["MD"],
    org_cities=["Baltimore"],
    org_names=["Johns Hopkins"],
    dept_types=["INTERNAL MEDICINE/MEDICINE"],
    agencies=["NHLBI"],
    pi_profile_ids=[10456789],
    appl_ids=[11012345],
    project_nums=["5R01HL161234-*"],
    project_start_from="2020-01-01",
    project_start_to="2023-12-31",
    project_end_from="2025-01-01",
    project_end_to="2030-12-31",
    award_amount_min=100_000,
    award_amount_max=1_000_000,
)

#: A record inside every criterion of FULL, shaped as RePORTER returns it (reporter-api.md §7).
INSIDE: dict[str, Any] = {
    "appl_id": 11012345,
    "subproject_id": None,
    "fiscal_year": 2025,
    "project_num": "5R01HL161234-03",
    "core_project_num": "R01HL161234",
    "activity_code": "R01",
    "is_active": True,
    "organization": {
        "org_name": "JOHNS HOPKINS UNIVERSITY",
        "org_city": "BALTIMORE",
        "org_state": "MD",
        "dept_type": "INTERNAL MEDICINE/MEDICINE",
    },
    "agency_ic_admin": {"code": "HL", "abbreviation": "NHLBI"},
    "agency_ic_fundings": [{"fy": 2025, "code": "HL", "abbreviation": "NHLBI"}],
    "agency_code": "NIH",
    "principal_investigators": [{"profile_id": 10456789}, {"profile_id": 78123456}],
    "project_start_date": "2023-07-01T00:00:00",
    "project_end_date": "2027-06-30T00:00:00",
    "award_amount": 612_345,
}


def _record(**changes: Any) -> dict[str, Any]:
    """INSIDE with top-level ``changes``; ``org_*``/``dept_type`` keys go into organization."""
    record = copy.deepcopy(INSIDE)
    for key, value in changes.items():
        if key.startswith("org_") or key == "dept_type":
            record["organization"][key] = value
        else:
            record[key] = value
    return record


def _without(key: str) -> dict[str, Any]:
    record = copy.deepcopy(INSIDE)
    if key in record["organization"]:
        del record["organization"][key]
    else:
        del record[key]
    return record


def _passes(record: dict[str, Any], query: ProjectQuery) -> bool:
    check_record(record, query, URL)  # raises when the record is outside
    return True


def _ignored(record: dict[str, Any], query: ProjectQuery) -> FilterIgnoredError:
    with pytest.raises(FilterIgnoredError) as info:
        check_record(record, query, URL)
    return info.value


# --- a record inside passes, a record outside names the ignored criterion -------------------


def test_a_record_inside_every_criterion_passes() -> None:
    assert _passes(INSIDE, FULL)


@pytest.mark.parametrize(
    ("criterion", "changes", "shown"),
    [
        ("fiscal_years", {"fiscal_year": 2019}, "fiscal year 2019"),
        ("activity_codes", {"activity_code": "K23"}, "activity code K23"),
        ("org_states", {"org_state": "VA"}, "state VA"),
        ("org_cities", {"org_city": "RICHMOND"}, "city RICHMOND"),
        (
            "org_names",
            {"org_name": "UNIVERSITY OF VIRGINIA"},
            "organisation UNIVERSITY OF VIRGINIA",
        ),
        ("dept_types", {"dept_type": "PEDIATRICS"}, "department type PEDIATRICS"),
        (
            "agencies",
            {"agency_ic_admin": {"abbreviation": "NCI"}, "agency_ic_fundings": []},
            "agency NCI, NIH",
        ),
        ("pi_profile_ids", {"principal_investigators": [{"profile_id": 1}]}, "PI profile ids 1"),
        ("appl_ids", {"appl_id": 99}, "appl_id 99"),
        (
            "project_nums",
            {"project_num": "5R01CA000001-01", "core_project_num": "R01CA000001"},
            "project number 5R01CA000001-01",
        ),
        (
            "project_start_date",
            {"project_start_date": "2019-12-31T00:00:00"},
            "project start date 2019-12-31",
        ),
        (
            "project_end_date",
            {"project_end_date": "2031-01-01T00:00:00"},
            "project end date 2031-01-01",
        ),
        ("exclude_subprojects", {"subproject_id": "7754"}, "subproject id 7754"),
        ("award_amount_range", {"award_amount": 1_500_000}, "award amount 1,500,000"),
        ("award_amount_range", {"award_amount": 99_999.5}, "award amount 99,999.5"),
    ],
)
def test_a_record_outside_one_criterion_names_it_and_the_offending_value(
    criterion: str, changes: dict[str, Any], shown: str
) -> None:
    record = _record(**changes)
    error = _ignored(record, FULL)
    assert error.criterion == criterion
    assert f"RePORTER ignored the {criterion} filter: record {record['appl_id']} has {shown}, " in (
        error.message
    )
    assert error.url == URL


def test_the_message_names_the_record_and_the_whole_query() -> None:
    error = _ignored(_record(fiscal_year=2019), FULL)
    assert error.message == (
        "RePORTER ignored the fiscal_years filter: record 11012345 has fiscal year 2019, "
        f"outside {FULL.describe()}"
    )
    assert error.hint is not None
    assert "--load" in error.hint


def test_the_error_survives_pickling_with_its_criterion() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(_ignored(_record(activity_code="K23"), FULL)))
    assert (type(error), error.criterion, error.url) == (FilterIgnoredError, "activity_codes", URL)


@pytest.mark.parametrize(
    "changes",
    [
        {"project_start_date": "2020-01-01T00:00:00"},
        {"project_start_date": "2023-12-31T00:00:00"},
        {"project_end_date": "2025-01-01T00:00:00"},
        {"project_end_date": "2030-12-31T00:00:00"},
        {"award_amount": 100_000},
        {"award_amount": 1_000_000},
        {"fiscal_year": 2024},
    ],
)
def test_bounds_are_inclusive(changes: dict[str, Any]) -> None:
    assert _passes(_record(**changes), FULL)


def test_open_ended_ranges_check_only_the_bound_given() -> None:
    start_from = ProjectQuery(text="x", project_start_from="2020-01-01", award_amount_min=10)
    assert _passes(
        _record(project_start_date="2099-01-01T00:00:00", award_amount=10**9), start_from
    )
    assert _ignored(_record(project_start_date="2019-12-31"), start_from).criterion == (
        "project_start_date"
    )
    assert _ignored(_record(award_amount=9), start_from).criterion == "award_amount_range"


def test_unasked_criteria_are_not_checked() -> None:
    outside_everything = _record(
        fiscal_year=1990,
        activity_code="ZZZ",
        org_state="VA",
        appl_id=1,
        award_amount=5,
        subproject_id=None,
    )
    assert _passes(outside_everything, ProjectQuery(text="sepsis"))


# --- leniency: a correct answer is never called wrong ---------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        "appl_id",
        "subproject_id",
        "fiscal_year",
        "project_num",
        "core_project_num",
        "activity_code",
        "organization",
        "org_name",
        "org_city",
        "org_state",
        "dept_type",
        "agency_ic_admin",
        "agency_ic_fundings",
        "agency_code",
        "principal_investigators",
        "project_start_date",
        "project_end_date",
        "award_amount",
    ],
)
def test_a_record_missing_a_field_passes(key: str) -> None:
    assert _passes(_without(key), FULL)


@pytest.mark.parametrize(
    "key",
    [
        "fiscal_year",
        "activity_code",
        "organization",
        "agency_ic_admin",
        "agency_ic_fundings",
        "principal_investigators",
        "project_start_date",
        "project_end_date",
        "award_amount",
    ],
)
def test_a_record_with_a_null_field_passes(key: str) -> None:
    assert _passes(_record(**{key: None}), FULL)


def test_a_record_with_only_its_appl_id_passes() -> None:
    assert _passes({"appl_id": 11012345}, FULL)
    assert _passes({}, FULL)


def test_a_record_without_any_agency_passes() -> None:
    record = _record(agency_ic_admin=None, agency_ic_fundings=[], agency_code="")
    assert _passes(record, FULL)


@pytest.mark.parametrize(
    "record",
    [
        _record(fiscal_year=2019, is_active=True),
        {k: v for k, v in _record(fiscal_year=2019).items() if k != "is_active"},
    ],
    ids=["active", "activity unknown"],
)
def test_include_active_admits_an_active_or_unknown_project_of_any_year(
    record: dict[str, Any],
) -> None:
    assert _passes(record, FULL.replace(include_active=True))


def test_include_active_still_rejects_an_inactive_project_that_ended_before_the_years() -> None:
    record = _record(fiscal_year=2019, is_active=False, project_end_date="2021-06-30T00:00:00")
    error = _ignored(record, FULL.replace(include_active=True))
    assert error.criterion == "fiscal_years"
    assert "has fiscal year 2019, " in error.message


@pytest.mark.parametrize("end", ["2027-06-30T00:00:00", None])
def test_include_active_admits_a_project_flagged_inactive_that_may_still_run(
    end: str | None,
) -> None:
    # RePORTER's notion of "active" for the criterion may differ from the record's flag: a
    # project ending after the asked years began (or with no end date) could be one of them.
    record = _record(fiscal_year=2019, is_active=False, project_end_date=end)
    assert _passes(record, FULL.replace(include_active=True))


def test_without_include_active_an_active_project_of_another_year_is_outside() -> None:
    assert _ignored(_record(fiscal_year=2019, is_active=True), FULL).criterion == "fiscal_years"


def test_a_fiscal_year_given_as_a_string_is_compared_as_a_number() -> None:
    assert _passes(_record(fiscal_year="2025"), FULL)
    assert "has fiscal year 2019, " in _ignored(_record(fiscal_year="2019"), FULL).message


@pytest.mark.parametrize(
    ("org_names", "org_name"),
    [
        (["HOP"], "JOHNS HOPKINS UNIVERSITY"),
        (["hopkins"], "JOHNS HOPKINS UNIVERSITY"),
        (["Johns  Hopkins"], "JOHNS HOPKINS UNIVERSITY"),
        (["Johns Hopkins"], "  JOHNS   HOPKINS UNIVERSITY "),
        (["Yale", "Hopkins"], "JOHNS HOPKINS UNIVERSITY"),
    ],
)
def test_org_names_is_a_case_insensitive_contains_match(
    org_names: list[str], org_name: str
) -> None:
    assert _passes(_record(org_name=org_name), ProjectQuery(org_names=org_names))


def test_org_names_rejects_a_name_not_containing_any_asked_for() -> None:
    error = _ignored(_record(org_name="YALE UNIVERSITY"), ProjectQuery(org_names=["Hopkins"]))
    assert error.criterion == "org_names"
    assert "has organisation YALE UNIVERSITY, " in error.message


@pytest.mark.parametrize(
    ("query_city", "org_city"),
    [("Baltimore", "BALTIMORE"), ("baltimore", "Baltimore"), ("BALTIMORE", "  Baltimore ")],
)
def test_org_cities_ignore_case_and_spacing(query_city: str, org_city: str) -> None:
    assert _passes(_record(org_city=org_city), ProjectQuery(org_cities=[query_city]))


def test_org_state_and_dept_type_ignore_case() -> None:
    query = ProjectQuery(org_states=["md"], dept_types=["pediatrics"])
    assert _passes(_record(org_state="md", dept_type="Pediatrics"), query)


@pytest.mark.parametrize(
    ("agencies", "changes"),
    [
        (["NHLBI"], {}),  # the administering IC
        (
            ["NCI"],
            {"agency_ic_fundings": [{"abbreviation": "NHLBI"}, {"abbreviation": "NCI"}]},
        ),  # a co-funding IC
        (
            ["FDA"],
            {
                "agency_ic_admin": {"abbreviation": "CDER"},
                "agency_ic_fundings": [],
                "agency_code": "FDA",
            },
        ),  # the agency code
        (["nhlbi"], {"agency_ic_admin": {"abbreviation": "nhlbi"}}),
    ],
)
def test_agencies_match_the_admin_ic_any_funding_ic_or_the_agency_code(
    agencies: list[str], changes: dict[str, Any]
) -> None:
    assert _passes(_record(**changes), ProjectQuery(text="x", agencies=agencies))


def test_agencies_reject_a_record_matching_none_and_list_what_it_has() -> None:
    record = _record(agency_ic_fundings=[{"abbreviation": "NIA"}])
    error = _ignored(record, ProjectQuery(text="x", agencies=["NCI"]))
    assert error.criterion == "agencies"
    assert "has agency NHLBI, NIA, NIH, " in error.message


def test_any_of_the_projects_pis_matches_pi_profile_ids() -> None:
    assert _passes(INSIDE, ProjectQuery(pi_profile_ids=[78123456]))


@pytest.mark.parametrize(
    ("project_nums", "changes"),
    [
        (["5UG1HD078437-*"], {"project_num": "5UG1HD078437-05", "core_project_num": "UG1HD078437"}),
        (["*HD078437*"], {"project_num": "5UG1HD078437-05", "core_project_num": "UG1HD078437"}),
        (["UG1HD078437"], {"project_num": "5UG1HD078437-05", "core_project_num": "UG1HD078437"}),
        (["5ug1hd078437-05"], {"project_num": "5UG1HD078437-05"}),
        (["5UG1HD078437-05"], {"project_num": " 5UG1HD078437-05 "}),
        (["R01CA1", "5R01HL161234-03"], {}),
    ],
)
def test_project_nums_match_full_or_core_numbers_with_wildcards_in_any_case(
    project_nums: list[str], changes: dict[str, Any]
) -> None:
    assert _passes(_record(**changes), ProjectQuery(project_nums=project_nums))


def test_a_project_num_wildcard_does_not_match_another_grant() -> None:
    record = _record(project_num="5UG1HD078438-05", core_project_num="UG1HD078438")
    error = _ignored(record, ProjectQuery(project_nums=["5UG1HD078437-*"]))
    assert error.criterion == "project_nums"
    assert "has project number 5UG1HD078438-05, " in error.message


def test_a_core_number_matches_a_record_without_core_project_num() -> None:
    record = _without("core_project_num")
    assert _passes(record, ProjectQuery(project_nums=["R01HL161234"]))


@pytest.mark.parametrize(
    ("record_id", "query_ids"),
    [("11012345", [11012345]), (11012345, ["11012345"]), (" 123 ", [123])],
)
def test_appl_ids_compare_numbers_given_as_strings(record_id: Any, query_ids: list[Any]) -> None:
    assert _passes(_record(appl_id=record_id), ProjectQuery(appl_ids=query_ids))


def test_activity_codes_ignore_case_and_spacing() -> None:
    assert _passes(_record(activity_code="r01"), FULL)
    assert _passes(_record(activity_code=" R01 "), FULL)
    assert _passes(INSIDE, FULL.replace(activity_codes=["r01"]))


@pytest.mark.parametrize(
    "value",
    ["2020-12-21T12:12:00Z", "2020-12-21T00:00:00", "2020-12-21", "2020-12-21T23:59:59.999"],
)
def test_dates_are_compared_on_the_day_whatever_the_time_part(value: str) -> None:
    one_day = datetime.date(2020, 12, 21)
    query = ProjectQuery(text="x", project_start_from=one_day, project_start_to=one_day)
    assert _passes(_record(project_start_date=value), query)


def test_a_garbage_time_part_does_not_hide_a_date_outside() -> None:
    query = ProjectQuery(text="x", project_end_to="2020-12-31")
    error = _ignored(_record(project_end_date="2023-11-30T12:11:00Z"), query)
    assert error.criterion == "project_end_date"
    assert "has project end date 2023-11-30, " in error.message


@pytest.mark.parametrize("value", ["", "N/A", "0001-01-01T00:00:00", 20200101])
def test_an_unreadable_date_passes(value: Any) -> None:
    assert _passes(_record(project_start_date=value), FULL)


def test_an_impossible_calendar_date_passes() -> None:
    assert _passes(_record(project_start_date="2020-02-30T00:00:00"), FULL)


@pytest.mark.parametrize("subproject_id", [None, "", "  "])
def test_an_empty_subproject_id_counts_as_none(subproject_id: Any) -> None:
    assert _passes(_record(subproject_id=subproject_id), FULL)


def test_subprojects_pass_when_not_excluded() -> None:
    assert _passes(_record(subproject_id="7754"), FULL.replace(exclude_subprojects=False))


def test_an_integer_subproject_id_is_a_subproject() -> None:
    assert _ignored(_record(subproject_id=7754), FULL).criterion == "exclude_subprojects"


@pytest.mark.parametrize("amount", [None, "612345", True])
def test_a_null_or_non_numeric_award_amount_passes(amount: Any) -> None:
    assert _passes(_record(award_amount=amount), FULL)


# --- fields_to_check ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "fields"),
    [
        ({"text": "x"}, ("ApplId", "SubprojectId")),
        ({"text": "x", "exclude_subprojects": False}, ("ApplId",)),
        ({"text": "x", "fiscal_years": [2025]}, ("ApplId", "FiscalYear", "SubprojectId")),
        (
            {"text": "x", "fiscal_years": [2025], "include_active": True},
            ("ApplId", "FiscalYear", "IsActive", "ProjectEndDate", "SubprojectId"),
        ),
        ({"text": "x", "include_active": True}, ("ApplId", "SubprojectId")),
        ({"activity_codes": ["R01"]}, ("ApplId", "ActivityCode", "SubprojectId")),
        ({"org_states": ["MD"]}, ("ApplId", "Organization", "SubprojectId")),
        ({"org_cities": ["Baltimore"]}, ("ApplId", "Organization", "SubprojectId")),
        ({"org_names": ["Hopkins"]}, ("ApplId", "Organization", "SubprojectId")),
        ({"dept_types": ["PEDIATRICS"]}, ("ApplId", "Organization", "SubprojectId")),
        (
            {"org_states": ["MD"], "org_names": ["Hopkins"], "exclude_subprojects": False},
            ("ApplId", "Organization"),
        ),
        (
            {"text": "x", "agencies": ["NHLBI"]},
            ("ApplId", "AgencyIcAdmin", "AgencyIcFundings", "AgencyCode", "SubprojectId"),
        ),
        ({"pi_profile_ids": [1]}, ("ApplId", "PrincipalInvestigators", "SubprojectId")),
        ({"appl_ids": [1]}, ("ApplId", "SubprojectId")),
        (
            {"project_nums": ["R01HL161234"]},
            ("ApplId", "ProjectNum", "CoreProjectNum", "SubprojectId"),
        ),
        ({"project_start_from": "2020-01-01"}, ("ApplId", "ProjectStartDate", "SubprojectId")),
        ({"project_start_to": "2020-01-01"}, ("ApplId", "ProjectStartDate", "SubprojectId")),
        ({"project_end_from": "2020-01-01"}, ("ApplId", "ProjectEndDate", "SubprojectId")),
        ({"project_end_to": "2020-01-01"}, ("ApplId", "ProjectEndDate", "SubprojectId")),
        ({"award_amount_min": 0}, ("ApplId", "SubprojectId", "AwardAmount")),
        ({"award_amount_max": 10}, ("ApplId", "SubprojectId", "AwardAmount")),
        ({"pi_names": ["Rivera"]}, ("ApplId", "SubprojectId")),
    ],
)
def test_fields_to_check_asks_for_exactly_what_each_criterion_needs(
    kwargs: dict[str, Any], fields: tuple[str, ...]
) -> None:
    assert fields_to_check(ProjectQuery(**kwargs)) == fields


def test_fields_to_check_for_every_criterion_are_known_include_fields_without_repeats() -> None:
    fields = fields_to_check(FULL.replace(include_active=True))
    assert set(fields) <= limits.KNOWN_INCLUDE_FIELDS
    assert len(fields) == len(set(fields))
    assert set(fields) == {
        "ApplId",
        "FiscalYear",
        "IsActive",
        "ActivityCode",
        "Organization",
        "AgencyIcAdmin",
        "AgencyIcFundings",
        "AgencyCode",
        "PrincipalInvestigators",
        "ProjectNum",
        "CoreProjectNum",
        "ProjectStartDate",
        "ProjectEndDate",
        "SubprojectId",
        "AwardAmount",
    }
    FULL.to_payload(include_fields=fields)  # the API accepts them (no QueryError)


# --- check_link -----------------------------------------------------------------------------

BATCH = ["R01HL161234", "K24HL150000"]


def test_a_link_of_a_core_project_not_asked_for_is_an_ignored_filter() -> None:
    link = {"coreproject": "R01CA000001", "pmid": 38000001, "applid": 11012345}
    with pytest.raises(FilterIgnoredError) as info:
        check_link(link, "core_project_nums", BATCH, URL)
    assert info.value.criterion == "core_project_nums"
    assert info.value.url == URL
    assert info.value.message == (
        "RePORTER ignored the core_project_nums filter: publication link R01CA000001 belongs "
        "to none of the 2 ids asked for"
    )


@pytest.mark.parametrize(
    ("coreproject", "batch"),
    [
        ("R01HL161234", BATCH),
        ("r01hl161234", BATCH),
        (" R01HL161234 ", BATCH),
        ("R01HL161234", ["r01hl161234"]),
        ("R01HL161234", ["R01HL16*"]),
        ("K24HL150000", ["*HL150000", "R01CA000001"]),
        (None, BATCH),
        ("", BATCH),
    ],
)
def test_core_project_links_match_in_any_case_and_with_wildcards(
    coreproject: str | None, batch: list[str]
) -> None:
    check_link(
        {"coreproject": coreproject, "pmid": 1, "applid": 2}, "core_project_nums", batch, URL
    )


def test_a_core_project_wildcard_does_not_match_other_grants() -> None:
    with pytest.raises(FilterIgnoredError):
        check_link({"coreproject": "R01HL999999"}, "core_project_nums", ["R01HL16*"], URL)


@pytest.mark.parametrize(
    ("pmid", "batch"),
    [(38000001, [38000001]), ("38000001", [38000001]), (38000001, ["38000001"]), (None, [1])],
)
def test_pmid_links_match_the_pmids_asked_for(pmid: Any, batch: list[Any]) -> None:
    check_link({"coreproject": "R01CA000001", "pmid": pmid, "applid": 2}, "pmids", batch, URL)


def test_a_link_of_a_pmid_not_asked_for_is_an_ignored_filter() -> None:
    with pytest.raises(FilterIgnoredError) as info:
        check_link({"coreproject": "R01HL161234", "pmid": 1}, "pmids", [38000001, 38000002], URL)
    assert info.value.criterion == "pmids"
    assert info.value.message == (
        "RePORTER ignored the pmids filter: publication link 1 belongs to none of the 2 ids "
        "asked for"
    )


def test_appl_id_links_are_not_checked() -> None:
    # A link's applid is the project's latest application, not necessarily the one asked for.
    check_link({"coreproject": "R01CA000001", "pmid": 1, "applid": 99}, "appl_ids", [11012345], URL)
