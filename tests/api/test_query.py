"""ProjectQuery: normalisation, validation messages and the exact criteria/payload sent."""

from __future__ import annotations

import datetime
import pickle

import pytest

from reporter_finder.api import limits
from reporter_finder.api.query import ProjectQuery
from reporter_finder.errors import QueryError


def test_lists_become_tuples_and_codes_are_normalised() -> None:
    q = ProjectQuery(
        text="  sepsis ",
        org_states=["ma", " ny"],
        activity_codes=["r01", "k23", "R01"],
        agencies=["nhlbi"],
        fiscal_years=["2024", 2025],
        search_fields=["ProjectTitle"],
        operator="OR",
    )
    assert q.text == "sepsis"
    assert q.org_states == ("MA", "NY")
    assert q.activity_codes == ("R01", "K23")  # duplicates dropped, order kept
    assert q.agencies == ("NHLBI",)
    assert q.fiscal_years == (2024, 2025)
    assert q.search_fields == ("projecttitle",)
    assert q.operator == "or"
    assert hash(q) == hash(q.replace())


def test_single_string_is_one_element_not_characters() -> None:
    assert ProjectQuery(terms="heart failure").terms == ("heart failure",)


def test_criteria_hold_only_whitelisted_keys_and_exact_shapes() -> None:
    q = ProjectQuery(
        text="atrial fibrillation",
        fiscal_years=[2025, 2024],
        include_active=True,
        org_states=["MD"],
        org_cities=["Baltimore"],
        org_names=["Johns Hopkins"],
        dept_types=["internal medicine/medicine"],
        activity_codes=["R01"],
        agencies=["NHLBI"],
        pi_profile_ids=[10456789],
        pi_names=["Rivera, Ana", "Shah"],
        project_nums=["5R01HL161234-*"],
        appl_ids=[11012345],
        award_amount_min=100_000,
        project_start_from=datetime.date(2020, 1, 1),
        project_end_to="2030-12-31",
        use_relevance=True,
    )
    criteria = q.to_criteria()
    assert set(criteria) <= limits.PROJECT_CRITERIA_KEYS
    assert criteria == {
        "fiscal_years": [2024, 2025],
        "include_active_projects": True,
        "use_relevance": True,
        "pi_names": [{"first_name": "Ana", "last_name": "Rivera"}, {"any_name": "Shah"}],
        "pi_profile_ids": [10456789],
        "org_names": ["Johns Hopkins"],
        "org_cities": ["Baltimore"],
        "org_states": ["MD"],
        "dept_types": ["INTERNAL MEDICINE/MEDICINE"],
        "project_nums": ["5R01HL161234-*"],
        "appl_ids": [11012345],
        "agencies": ["NHLBI"],
        "activity_codes": ["R01"],
        "project_start_date": {"from_date": "2020-01-01", "to_date": ""},
        "project_end_date": {"from_date": "", "to_date": "2030-12-31"},
        "award_amount_range": {"min_amount": 100_000, "max_amount": limits.AWARD_AMOUNT_MAX},
        "exclude_subprojects": True,
        "advanced_text_search": {
            "operator": "or",
            "search_field": "projecttitle,abstracttext",
            "search_text": "atrial fibrillation",
        },
    }


def test_search_field_is_one_comma_joined_string() -> None:
    q = ProjectQuery(text="x", search_fields=("projecttitle", "abstracttext", "terms"))
    assert q.to_criteria()["advanced_text_search"]["search_field"] == (
        "projecttitle,abstracttext,terms"
    )


@pytest.mark.parametrize(
    ("kwargs", "operator", "search_text"),
    [
        ({"terms": ["heart failure", "arrhythmia"]}, "advanced", '"heart failure" OR arrhythmia'),
        (
            {"terms": ["heart failure", "arrhythmia"], "operator": "and"},
            "advanced",
            '"heart failure" AND arrhythmia',
        ),
        ({"terms": ["or", "x(y)"]}, "advanced", '"or" OR "x(y)"'),
        ({"text": "cardiac surgery", "operator": "and"}, "and", "cardiac surgery"),
        (
            {"text": 'cardiac "heart failure"', "terms": ["ecg"]},
            "advanced",
            'cardiac OR "heart failure" OR ecg',
        ),
        (
            {"text": "sepsis AND NOT neonatal", "operator": "advanced", "terms": ["icu", "shock"]},
            "advanced",
            "(sepsis AND NOT neonatal) AND (icu OR shock)",
        ),
    ],
)
def test_text_and_terms_build_the_expected_search(
    kwargs: dict[str, object], operator: str, search_text: str
) -> None:
    search = ProjectQuery(**kwargs).to_criteria()["advanced_text_search"]  # type: ignore[arg-type]
    assert (search["operator"], search["search_text"]) == (operator, search_text)


def test_payload_pins_paging_sort_and_include_fields() -> None:
    payload = ProjectQuery(fiscal_years=[2025], activity_codes=["R01"]).to_payload(
        offset=500, limit=250, include_fields=["ApplId", "ProjectTitle"]
    )
    assert payload == {
        "criteria": {
            "fiscal_years": [2025],
            "activity_codes": ["R01"],
            "exclude_subprojects": True,
        },
        "include_fields": ["ApplId", "ProjectTitle"],
        "offset": 500,
        "limit": 250,
        "sort_field": "appl_id",
        "sort_order": "asc",
    }


def test_payload_defaults_to_the_table_builders_fields() -> None:
    assert ProjectQuery(fiscal_years=[2025], activity_codes=["R01"]).to_payload()[
        "include_fields"
    ] == list(limits.INCLUDE_FIELDS)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"offset": 14_600, "limit": 500}, "beyond RePORTER's window of 15,000"),
        ({"limit": 501}, "limit must be 1–500"),
        ({"limit": 0}, "limit must be 1–500"),
        ({"offset": -1}, "offset must be a non-negative integer"),
        ({"include_fields": ["ApplId", "Title"]}, "Unknown include field(s) 'Title'"),
        ({"sort_order": "up"}, "sort_order must be 'asc' or 'desc'"),
    ],
)
def test_payload_rejects_what_the_api_would_refuse_or_ignore(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(QueryError, match=_re(message)):
        ProjectQuery(fiscal_years=[2025], activity_codes=["R01"]).to_payload(**kwargs)  # type: ignore[arg-type]


def test_payload_accepts_the_last_page_of_the_window() -> None:
    payload = ProjectQuery(fiscal_years=[2025], activity_codes=["R01"]).to_payload(
        offset=14_500, limit=500
    )
    assert (payload["offset"], payload["limit"]) == (14_500, 500)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "no text and no filter"),
        ({"fiscal_years": [2024, 2025]}, "no filter beyond fiscal years or active projects"),
        ({"include_active": True}, "no filter beyond fiscal years or active projects"),
        ({"fiscal_years": [2025], "include_active": True}, "no filter beyond fiscal years"),
        ({"exclude_subprojects": True, "use_relevance": True}, "no text and no filter"),
        ({"text": "x", "fiscal_years": [1984]}, r"Fiscal year\(s\) 1984 out of range"),
        ({"text": "x", "fiscal_years": [datetime.date.today().year + 3]}, "out of range"),
        ({"text": "x", "org_states": ["MZ"]}, "Unknown state code 'MZ'.*Did you mean"),
        ({"text": "x", "org_states": ["California"]}, "Unknown state code 'CALIFORNIA'"),
        ({"text": "x", "operator": "xor"}, "Unknown text operator 'xor'"),
        ({"text": "x", "search_fields": ["title"]}, "Unknown search field.*'title'"),
        ({"text": "x", "search_fields": []}, "needs at least one search field"),
        ({"text": "x", "award_amount_max": 2**31}, "above the API's limit"),
        ({"text": "x", "award_amount_min": 10, "award_amount_max": 5}, "swap them"),
        ({"text": "x", "award_amount_min": -1}, "must not be negative"),
        (
            {
                "text": "x",
                "project_start_from": datetime.date(2024, 1, 2),
                "project_start_to": datetime.date(2024, 1, 1),
            },
            "project_start_from .* is after project_start_to",
        ),
        ({"text": "x", "project_end_from": "2024-13-01"}, "must be a date"),
        ({"text": "x", "org_cities": ["Boston", " "]}, "org_cities contains an empty string"),
        ({"text": "x", "terms": ['say "hi"']}, "may not contain a double quote"),
        ({"text": "x", "appl_ids": ["abc"]}, "appl_ids must hold integers"),
        ({"text": "x", "fiscal_years": [True]}, "fiscal_years must hold integers"),
    ],
)
def test_invalid_queries_raise_query_error_saying_what_to_change(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        ProjectQuery(**kwargs)  # type: ignore[arg-type]


def test_a_filter_alone_is_a_valid_query() -> None:
    assert "advanced_text_search" not in ProjectQuery(org_states=["CA"]).to_criteria()


def test_replace_validates_again() -> None:
    q = ProjectQuery(text="sepsis")
    assert q.with_fiscal_years([2024]).fiscal_years == (2024,)
    with pytest.raises(QueryError):
        q.replace(org_states=["ZZ"])


def test_partition_helpers_change_only_their_field() -> None:
    q = ProjectQuery(text="sepsis", org_states=["CA"])
    part = (
        q.with_fiscal_years([2024])
        .with_agencies(["NCI"])
        .with_project_start(datetime.date(2020, 1, 1), datetime.date(2020, 6, 30))
    )
    assert part.to_criteria() == {
        **q.to_criteria(),
        "fiscal_years": [2024],
        "agencies": ["NCI"],
        "project_start_date": {"from_date": "2020-01-01", "to_date": "2020-06-30"},
    }


def test_describe_is_short_and_names_the_main_criteria() -> None:
    q = ProjectQuery(
        terms=["heart failure", "arrhythmia"],
        fiscal_years=[2022, 2023, 2024],
        org_states=["MA", "NY"],
        activity_codes=["R01", "K23", "K08", "R21", "U01"],
    )
    assert q.describe() == (
        'text "heart failure" OR arrhythmia; FY 2022–2024; states MA, NY; '
        "activity R01, K23, K08, R21, …"
    )
    assert str(q) == q.describe()
    assert len(ProjectQuery(text="x" * 500).describe()) == 160


def test_query_is_immutable_and_picklable() -> None:
    q = ProjectQuery(text="sepsis", fiscal_years=[2024])
    with pytest.raises(AttributeError):
        q.text = "other"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(q)) == q


def test_to_criteria_returns_a_fresh_dict() -> None:
    q = ProjectQuery(fiscal_years=[2024], org_states=["MA"])
    q.to_criteria()["fiscal_years"].append(1999)
    assert q.to_criteria()["fiscal_years"] == [2024]


def _re(text: str) -> str:
    import re

    return re.escape(text)
