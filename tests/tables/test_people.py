"""reporter_finder.tables.people and .lookup: display and sort names, PI keys, and find_pi."""

from __future__ import annotations

from typing import Any

import pytest

from reporter_finder.schema import PI_COLUMNS
from reporter_finder.tables.build import Tables, build_tables
from reporter_finder.tables.lookup import MATCH_SCORE, find_pi, lookup_pi, surname_patterns
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


# --- lookup_pi: the forms of a name a user types (issue #15 §1) --------------------------------

#: (profile_id, first, middle, last) of a small pis table, as RePORTER writes them.
PEOPLE = [
    (101, "GREGORY", "A", "AARONS"),
    (102, "GIULIO", "", "TONONI"),
    (103, "C.", "Titus", "BROWN"),
    (104, "DEBRA", "", "HAIRE-JOSHU"),
    (105, "SUSAN", "", "ZOLLA-PAZNER"),
    (106, "José", "", "Nuñez"),
    (107, "Yu-Chiao", "", "Chiu"),
    (108, "Ana", "M", "Rivera"),
    (109, "Luis", "", "Rivera"),
    (110, "Jie", "", "Liang"),
    (111, "Bernard", "", "de Bono"),
    (112, "Thomas", "", "Smith Jr"),
    (113, "Danielle", "", "Okafor"),
]


@pytest.fixture(scope="module")
def people() -> Tables:
    records = [
        minimal_record(i, principal_investigators=[person(f, last, middle=m, profile_id=pid)])
        for i, (pid, f, m, last) in enumerate(PEOPLE, start=1)
    ]
    return build_tables(records, as_of=AS_OF)


@pytest.mark.parametrize(
    ("typed", "profile_id"),
    [
        ("G. Aarons", 101),
        ("G Aarons", 101),
        ("Aarons, G", 101),
        ("Aarons, G.", 101),
        ("GA Aarons", 101),
        ("G.A. Aarons", 101),
        ("Aarons G", 101),
        ("Gregory Aarons", 101),
        ("AARONS, GREGORY A", 101),
        ("Aarons", 101),
        ("Tononi, G", 102),
        ("Giulio Tononi", 102),
        ("Titus Brown", 103),
        ("C. Titus Brown", 103),
        ("Brown, Titus", 103),
        ("brown", 103),
        ("Debra Haire Joshu", 104),
        ("Debra Haire-Joshu", 104),
        ("Debra Hairejoshu", 104),
        ("Haire-Joshu, Debra", 104),
        ("Haire Joshu Debra", 104),
        ("Debra Haire", 104),
        ("Joshu", 104),
        ("Zolla-Pazner, Susan", 105),
        ("Susan Zolla Pazner", 105),
        ("susan zollapazner", 105),
        ("ZOLLA PAZNER", 105),
        ("Jose Nunez", 106),
        ("NÚÑEZ, JOSÉ", 106),
        ("Yuchiao Chiu", 107),
        ("Yu Chiao Chiu", 107),
        ("Ana Rivera", 108),
        ("Rivera, Ana M", 108),
        ("M Rivera", 108),
        ("Bernard de Bono", 111),
        ("Debono, Bernard", 111),
        ("Thomas Smith", 112),
        ("Smith, Thomas, Jr.", 112),
        ("Dr. Jie Liang", 110),
        ("110", 110),
    ],
)
def test_lookup_pi_finds_the_one_person_however_the_name_is_typed(
    people: Tables, typed: str, profile_id: int
) -> None:
    found = lookup_pi(people.pis, typed)
    assert found.matches["profile_id"].tolist() == [profile_id]
    assert found.closest.empty
    assert found.matches["match_score"].iloc[0] >= MATCH_SCORE


def test_lookup_pi_names_everyone_who_shares_a_bare_last_name(people: Tables) -> None:
    found = lookup_pi(people.pis, "Rivera")
    assert sorted(found.matches["profile_id"].tolist()) == [108, 109]
    assert list(found.matches.columns) == [*PI_COLUMNS, "match_score"]


def test_lookup_pi_prefers_the_exact_given_name_over_an_initial(people: Tables) -> None:
    # "A Rivera" fits Ana only; "L Rivera" Luis only; the two are never both answers.
    assert lookup_pi(people.pis, "A Rivera").matches["profile_id"].tolist() == [108]
    assert lookup_pi(people.pis, "Rivera, Luis").matches["profile_id"].tolist() == [109]


@pytest.mark.parametrize(
    ("typed", "closest"),
    [
        ("Jie Lian", 110),  # a near spelling of another surname is never a match
        ("Jie Liang-Wu", None),
        ("Gregory Aaron", 101),
        ("Susan Tononi", None),  # the surname of one PI, the given name of none of them
        ("Ana Riviera", 108),
        ("Daniel Okafor", 113),  # the right surname, another given name: not her
        ("ga aarons", None),  # initials run together only in capitals ("GA"): "ga" is a name
    ],
)
def test_lookup_pi_never_answers_with_a_different_person(
    people: Tables, typed: str, closest: int | None
) -> None:
    found = lookup_pi(people.pis, typed)
    assert found.matches.empty
    assert (found.closest["match_score"] < MATCH_SCORE).all()
    if closest is not None:
        assert found.closest["profile_id"].iloc[0] == closest


def test_find_pi_ranks_matches_above_near_names(people: Tables) -> None:
    found = find_pi(people.pis, "Jie Liang")
    assert found["profile_id"].iloc[0] == 110
    assert found["match_score"].iloc[0] == 100.0
    assert (found["match_score"].iloc[1:] < MATCH_SCORE).all()


def test_lookup_pi_on_an_empty_table_or_blank_name() -> None:
    empty = build_tables([], as_of=AS_OF).pis
    assert lookup_pi(empty, "Aarons").matches.empty
    assert lookup_pi(empty, "Aarons").closest.empty


@pytest.mark.parametrize(
    ("typed", "patterns"),
    [
        ("Tononi, G", ("TONONI", "TONONI*")),
        ("G. Aarons", ("AARONS", "AARONS*")),
        (
            "Debra Haire Joshu",
            ("DEBRA", "HAIRE", "JOSHU", "JOSHU*", "DEBRAHAIRE", "DEBRA-HAIRE", "HAIREJOSHU",
             "HAIRE-JOSHU"),
        ),
        (
            "Zolla-Pazner, Susan",
            ("ZOLLA", "PAZNER", "ZOLLA*", "PAZNER*", "ZOLLAPAZNER", "ZOLLA-PAZNER"),
        ),
        # One word with an apostrophe: never the surname "MA" alone.
        ("Ma'ayan, Avi", ("MAAYAN", "MAAYAN*", "MA'AYAN")),
        ("Wang", ("WANG", "WANG*")),
        ("Hu Li", ("HU", "LI", "HULI", "HU-LI")),  # no "LI*": every Lin and Liu
        ("Müller, Jürgen", ("MULLER", "MULLER*", "MÜLLER")),
        ("G. A.", ()),
    ],
)  # fmt: skip
def test_surname_patterns(typed: str, patterns: tuple[str, ...]) -> None:
    assert surname_patterns(typed) == patterns
