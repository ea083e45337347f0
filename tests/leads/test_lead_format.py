"""The lead-list format owned by reporter_finder.schema: citations and list cells round-trip."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from reporter_finder.cellformat import (
    LIST_SEPARATOR,
    Citation,
    cell_text,
    format_citation,
    parse_citation,
    split_citations,
    split_list_cell,
)


@pytest.mark.parametrize(
    ("pmid", "title", "journal", "year"),
    [
        (40642746, "Ferroptosis in PH", "Front Cardiovasc Med", 2025),
        (1, "A title; with a separator", "J Am Heart Assoc", 2019),
        (2, "Title — with a dash", "Circulation", 2024),
        (3, "Journal only", "Nature", None),
        (4, "Year only", None, 2021),
    ],
)
def test_parse_citation_reads_back_what_format_citation_writes(
    pmid: int, title: str, journal: str | None, year: int | None
) -> None:
    assert parse_citation(format_citation(pmid, title, journal, year)) == Citation(
        pmid, title, journal, year
    )


def test_format_citation_treats_missing_values_as_absent() -> None:
    assert format_citation(5, pd.NA, "J", 2020) == "PMID 5"
    assert format_citation(5, "T", float("nan"), 2020.0) == "T — 2020 (PMID 5)"
    assert format_citation(5, "T", "  ", pd.NA) == "T (PMID 5)"


@pytest.mark.parametrize("text", ["PMID 5", "just text", ""])
def test_parse_citation_rejects_what_it_cannot_cite(text: str) -> None:
    assert parse_citation(text) is None


@pytest.mark.xfail(
    strict=True,
    reason="known gap kept as it was (issue 12 changes no behaviour): a citation with a title "
    "but no journal or year is written, yet not read back, so a draft from a saved CSV cites "
    "no paper for it",
)
def test_a_citation_with_only_a_title_round_trips() -> None:
    assert parse_citation(format_citation(6, "Only a title")) == Citation(
        6, "Only a title", None, None
    )


def test_split_citations_splits_a_csv_cell_only_after_a_pmid() -> None:
    items = [
        format_citation(1),
        format_citation(2, "A; B", "J", 2020),
        format_citation(3, "C", "K", 2021),
    ]
    cell = LIST_SEPARATOR.join(items)
    assert split_citations(cell) == items[1:]  # the bare "PMID 1" has no title to cite
    assert split_citations("") == []


def test_split_list_cell_reads_a_joined_list_cell() -> None:
    assert split_list_cell(LIST_SEPARATOR.join(["R", "machine learning"])) == [
        "R",
        "machine learning",
    ]
    assert split_list_cell(" ; R;; ") == ["R"]


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (pd.NA, ""), (float("nan"), ""), ("  Ana \n Rivera ", "Ana Rivera"), (12, "12")],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_schema_imports_without_pandas() -> None:
    code = "import sys, reporter_finder.schema; sys.exit('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
