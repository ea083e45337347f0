"""reporter_finder.tables.people: display and sort names, PI keys, and find_pi."""

from __future__ import annotations

from typing import Any

import pytest

from reporter_finder.schema import PI_COLUMNS
from reporter_finder.tables.build import Tables, build_tables
from reporter_finder.tables.people import find_pi
from reporter_finder.tables.projects import projects_table
from tests.tables.conftest import (
    AS_OF,
    minimal_record,
    person,
    row,
)


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


def test_find_pi_treats_non_ascii_digits_as_a_name_not_an_id(common: Tables) -> None:
    # Regression: "²".isdigit() is True but int("²") raises ValueError.
    assert find_pi(common.pis, "²").empty


def test_find_pi_by_an_id_beyond_int64_finds_nothing(common: Tables) -> None:
    assert find_pi(common.pis, "9" * 30).empty
