"""reporter_finder.search.MentorSearch: the result object of find_mentors (offline)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from reporter_finder.api.reporter import Records
from reporter_finder.errors import InvalidArgumentError, NotFoundError, ReporterError
from reporter_finder.leads.export import write_leads
from reporter_finder.leads.listing import lead_list
from reporter_finder.schema import COMPONENT_COLUMNS, LEAD_LIST_HEADER
from reporter_finder.search import MentorSearch, default_query, find_mentors, split_query
from tests.conftest import load_fixture
from tests.frames import assert_unchanged, snapshot
from tests.rank.records import HF, pi, record

AS_OF = date(2025, 1, 15)


@pytest.fixture(scope="module")
def search() -> MentorSearch:
    return find_mentors(
        "pediatrics",
        skills="machine learning",
        track="clinical",
        years=range(2020, 2027),
        records=load_fixture("projects-common-fund.json")["results"],
        as_of=AS_OF,
    )


def test_the_result_holds_the_query_and_the_tables_behind_the_ranking(
    search: MentorSearch,
) -> None:
    expected = default_query(search.specialty.specialty, years=range(2020, 2027), today=AS_OF)
    assert search.query == expected  # built even though the records were given ...
    assert search.queries == ()  # ... so nothing was sent
    assert search.grants is search.tables.grants
    assert search.projects is search.tables.projects
    assert set(search.ranked["top_grant_number"].dropna()) <= set(search.grants["core_project_num"])


def test_queries_are_the_query_split_for_sending(common_fund_records: list[dict]) -> None:
    class Client:
        def fetch_projects(self, query: object, *, allow_partial: bool = False) -> Records:
            return Records(common_fund_records[:10])

    result = find_mentors("cardiology", client=Client(), as_of=AS_OF)  # type: ignore[arg-type]
    assert result.queries == split_query(result.query)


def test_to_csv_writes_the_lead_list_as_write_leads_does(
    search: MentorSearch, tmp_path: Path
) -> None:
    assert search.to_csv(tmp_path / "leads.csv") == len(search.ranked)
    write_leads(lead_list(search.ranked), tmp_path / "expected.csv", "csv")
    assert (tmp_path / "leads.csv").read_bytes() == (tmp_path / "expected.csv").read_bytes()
    assert search.to_csv(tmp_path / "top3.csv", top=3) == 3
    header = (tmp_path / "top3.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == list(LEAD_LIST_HEADER)


def test_to_excel_writes_one_sheet_with_the_lead_list_header(
    search: MentorSearch, tmp_path: Path
) -> None:
    assert search.to_excel(tmp_path / "leads.xlsx", top=5) == 5
    sheet = openpyxl.load_workbook(tmp_path / "leads.xlsx").active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(LEAD_LIST_HEADER)
    assert len(rows) == 6
    assert rows[1][list(LEAD_LIST_HEADER).index("pi_name")] == search.ranked["pi_name"].iloc[0]


def test_writing_does_not_change_the_ranking(search: MentorSearch, tmp_path: Path) -> None:
    before = snapshot(search.ranked)
    search.to_csv(tmp_path / "a.csv")
    search.to_excel(tmp_path / "a.xlsx")
    assert_unchanged(search.ranked, before)


def test_a_negative_top_is_an_invalid_argument(search: MentorSearch, tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="top"):
        search.to_csv(tmp_path / "x.csv", top=-1)
    assert not (tmp_path / "x.csv").exists()


def test_explain_gives_the_reasons_and_score_components_of_one_pi(search: MentorSearch) -> None:
    best = search.top(1).iloc[0]
    why = search.explain(int(best["profile_id"]))
    assert isinstance(why, pd.Series)
    assert why.name == best["pi_name"]
    assert why["rank"] == 1
    assert why["score"] == best["score"]
    assert why["why"] == best["why"]
    assert why["matched_terms"] == best["matched_terms"]
    for component in COMPONENT_COLUMNS:
        assert component in why.index
    assert why["prior"] == best["prior"]
    assert search.explain(str(best["pi_key"])).equals(why)


def test_explain_an_unknown_pi_is_not_found(search: MentorSearch) -> None:
    with pytest.raises(NotFoundError, match="no-such-pi") as caught:
        search.explain("no-such-pi")
    assert isinstance(caught.value, ReporterError)


def test_explain_a_pi_who_is_in_the_tables_but_not_ranked(search: MentorSearch) -> None:
    unranked = sorted(set(search.tables.pis["pi_key"]) - set(search.ranked["pi_key"]))
    assert unranked, "the fixture has PIs without a matching grant"
    with pytest.raises(NotFoundError, match="not in its ranking"):
        search.explain(unranked[0])


def test_search_does_not_import_leads_at_import_time() -> None:
    # leads sits downstream of search: only MentorSearch.to_csv/to_excel import it, lazily.
    code = "import sys, reporter_finder.search; print('reporter_finder.leads' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_find_mentors_leaves_company_pis_out_unless_include_companies() -> None:
    company = {"name": "DOMESTIC FOR-PROFITS", "code": "40", "is_other": False}
    records = [
        record("R01HL000401", [pi(401)], HF),
        {**record("R01HL000402", [pi(402)], HF), "organization_type": company},
    ]
    day = date(2025, 6, 1)
    default = find_mentors("cardiology", records=records, as_of=day)
    included = find_mentors("cardiology", records=records, as_of=day, include_companies=True)
    assert default.ranked["profile_id"].tolist() == [401]
    assert included.ranked["profile_id"].tolist() == [401, 402]
    assert included.ranked["mentor_flags"].tolist()[1] == ["company (for-profit organisation)"]


def test_explain_says_a_folded_co_pi_is_named_in_another_row() -> None:
    from tests.rank.records import pi, record

    abstract = "Heart failure with preserved ejection fraction and atrial fibrillation."
    recs = [
        record("R01HL000841", [pi(841, True), pi(842, False)], abstract),
        record("R01HL000843", [pi(843)], abstract + " Cardiomyopathy."),
    ]
    search = find_mentors("cardiology", records=recs, as_of=date(2026, 1, 15))
    with pytest.raises(NotFoundError) as info:
        search.explain(842)
    assert info.value.hint is not None
    assert "is named in the row of" in info.value.hint
    assert "co-PIs of one grant share a row" in info.value.hint
