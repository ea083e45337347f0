"""reporter_finder.investigator: one PI's query and grant details (the ``pi`` command's library)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from reporter_finder.errors import NotFoundError
from reporter_finder.investigator import PI_DETAIL_COLUMNS, pi_grant_details, pi_query
from reporter_finder.tables.build import build_tables

AS_OF = date(2025, 1, 15)


def test_pi_query_by_profile_id_or_name() -> None:
    assert pi_query(" 8406715 ").pi_profile_ids == (8406715,)
    by_name = pi_query("Brown,  C Titus")
    assert by_name.pi_profile_ids == ()
    assert by_name.to_criteria()["pi_names"] == [
        {"last_name": "BROWN"},
        {"last_name": "BROWN*"},
    ]


@pytest.mark.parametrize(
    ("who", "last_names"),
    [
        # The middle name used as the first name: only the surname is asked for.
        ("Titus Brown", ["TITUS", "BROWN", "BROWN*", "TITUSBROWN", "TITUS-BROWN"]),
        # A hyphen written as a space: each part, joined and hyphenated; wildcards trail only.
        ("Debra Haire Joshu", ["DEBRA", "HAIRE", "JOSHU", "JOSHU*", "DEBRAHAIRE",
                               "DEBRA-HAIRE", "HAIREJOSHU", "HAIRE-JOSHU"]),
        ("Zolla-Pazner, Susan", ["ZOLLA", "PAZNER", "ZOLLA*", "PAZNER*", "ZOLLAPAZNER",
                                 "ZOLLA-PAZNER"]),
        ("GA Aarons", ["GA", "AARONS", "AARONS*", "GAAARONS", "GA-AARONS"]),
    ],
)  # fmt: skip
def test_pi_query_asks_broadly_by_last_name_in_one_criterion(
    who: str, last_names: list[str]
) -> None:
    criteria = pi_query(who).to_criteria()
    # Only last_name objects, ORed inside one pi_names list: one request, no first-name filter.
    assert criteria["pi_names"] == [{"last_name": name} for name in last_names]
    assert set(criteria) == {"pi_names", "exclude_subprojects"}


def test_pi_query_sends_initials_only_as_typed() -> None:
    assert pi_query("G. A.").to_criteria()["pi_names"] == [{"any_name": "G. A."}]


def test_pi_grant_details_roles_newest_first_and_papers(
    common_fund_records: list[dict[str, Any]],
) -> None:
    tables = build_tables(common_fund_records, as_of=AS_OF)
    plain = pi_grant_details(tables, "8406715")
    assert list(plain.columns) == list(PI_DETAIL_COLUMNS)
    assert plain["core_project_num"].tolist() == ["R03OD034502", "R03OD030596"]  # newest first
    assert plain["role"].tolist() == ["PI (multi-PI)", "contact PI"]
    assert plain["n_publications"].isna().all()  # not looked up
    papers = pd.DataFrame({
        "pi_key": ["8406715", "8406715", "other"], "pmid": [3, 2, 1],
        "core_project_num": ["R03OD034502", "R03OD034502", "R03OD034502"],
        "citation": ["New — J 2025 (PMID 3)", "PMID 2", "PMID 1"],
    })  # fmt: skip
    rows = pi_grant_details(tables, "8406715", publications=papers)
    assert rows["n_publications"].tolist() == [2, 0]
    assert rows.loc[0, "publications"] == ["New — J 2025 (PMID 3)", "PMID 2"]
    assert rows.loc[0, "pubmed_urls"] == [
        "https://pubmed.ncbi.nlm.nih.gov/3/",
        "https://pubmed.ncbi.nlm.nih.gov/2/",
    ]
    # Regression: this was a bare KeyError; NotFoundError is a ReporterError (and a KeyError).
    with pytest.raises(NotFoundError, match="no-such-pi"):
        pi_grant_details(tables, "no-such-pi")


def test_pi_query_reads_only_decimal_digits_as_a_profile_id() -> None:
    # Regression: "²".isdigit() is True but int("²") raised ValueError.
    assert pi_query("²").pi_names == ("²",)
    assert pi_query("²").pi_profile_ids == ()
