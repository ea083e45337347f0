"""leads/since.py: what is new since an earlier lead list (issue #16), on hand-made tables."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from reporter_finder.errors import DataFormatError
from reporter_finder.leads.export import write_leads
from reporter_finder.leads.listing import lead_list
from reporter_finder.leads.sheet import read_leads
from reporter_finder.leads.since import EarlierList, earlier_list, mark_new_since
from reporter_finder.rank.ranker import rank_pis
from reporter_finder.schema import LEAD_LIST_HEADER
from reporter_finder.tables.build import Tables, build_tables
from tests.frames import assert_unchanged, snapshot
from tests.rank.records import CARDIOLOGY, HF

LISTED = "2026-11-02"
ORG = "UNIVERSITY OF EXAMPLE"


def _record(appl_id: int, core: str, pis: list[dict[str, Any]], notice: str | None) -> dict:
    return {
        "appl_id": appl_id,
        "fiscal_year": 2026,
        "project_num": f"5{core}-02",
        "core_project_num": core,
        "activity_code": core[:3],
        "award_type": "5",
        "award_amount": 400_000,
        "principal_investigators": pis,
        "organization": {"org_name": ORG, "org_state": "MD"},
        "project_start_date": "2025-07-01T00:00:00",
        "project_end_date": "2029-06-30T00:00:00",
        "award_notice_date": notice,
        "project_title": f"Heart failure project {core}",
        "abstract_text": HF,
    }


def _pi(profile_id: int | None, last: str) -> dict[str, Any]:
    return {"profile_id": profile_id, "first_name": "Ann", "middle_name": "", "last_name": last,
            "is_contact_pi": True, "title": ""}  # fmt: skip


#: PI 1 (an old grant, and a new award noticed after LISTED); PI 2 (new to the list); PI 3
#: (a record without a notice date, appl_id above the old list's newest); Ann Nameless (no
#: profile id, a new award).
RECORDS = [
    _record(100, "R01HL000001", [_pi(1, "One")], "2026-05-01T00:00:00"),
    _record(205, "R01HL000011", [_pi(1, "One")], "2026-12-01T00:00:00"),
    _record(110, "R01HL000002", [_pi(2, "Two")], "2026-01-01T00:00:00"),
    _record(120, "R01HL000003", [_pi(3, "Three")], "2026-02-01T00:00:00"),
    _record(210, "R01HL000003", [_pi(3, "Three")], None),
    _record(130, "R01HL000004", [_pi(None, "Nameless")], "2026-11-03T00:00:00"),
]


@pytest.fixture
def tables() -> Tables:
    return build_tables(RECORDS, as_of=datetime.date(2026, 12, 15))


def _leads(tables: Tables) -> pd.DataFrame:
    pis = tables.pis
    return pd.DataFrame(
        {
            "rank": range(1, len(pis) + 1),
            "profile_id": pis["profile_id"],
            "pi_name": pis["pi_name"],
            "organization": pis["organization"],
            "new_pi": pd.NA,
            "new_awards": [[] for _ in range(len(pis))],
        }
    )


def _old(**columns: list[str]) -> pd.DataFrame:
    """An earlier lead list as read_leads returns it: every cell a string."""
    base = {
        "rank": ["1", "2", "3"],
        "pi_name": ["Ann One", "Ann Three", "Ann Nameless"],
        "profile_id": ["1", "3", ""],
        "organization": [ORG, ORG, ORG.title()],
        "co_pis": ["", "", ""],
        "listed_on": [LISTED] * 3,
        "newest_appl_id": ["100", "200", ""],
    }
    return pd.DataFrame({**base, **columns}, dtype=object)


def _by_name(marked: pd.DataFrame) -> dict[str, tuple[Any, list[str]]]:
    return {
        name: (bool(new), awards)
        for name, new, awards in zip(
            marked["pi_name"], marked["new_pi"], marked["new_awards"], strict=True
        )
    }


# --- marking ---------------------------------------------------------------------------------


def test_new_pis_and_new_awards_by_notice_date_and_by_appl_id(tables: Tables) -> None:
    result = mark_new_since(_leads(tables), tables, _old())
    assert _by_name(result.leads) == {
        "Ann One": (False, ["R01HL000011"]),  # noticed 2026-12-01, after the list
        "Ann Two": (True, []),  # not on the old list; her award predates it
        "Ann Three": (False, ["R01HL000003"]),  # no notice date, appl_id 210 > 200
        "Ann Nameless": (False, ["R01HL000004"]),  # matched by name and organisation
    }
    assert result.leads["new_pi"].dtype == "boolean"
    assert (result.new_pis, result.new_awards) == (1, 3)
    assert result.listed_on == datetime.date(2026, 11, 2)
    assert result.summary() == "new since 2026-11-02: 1 PI, 3 awards"


def test_a_record_without_a_notice_date_is_not_new_when_the_appl_id_cannot_tell(
    tables: Tables,
) -> None:
    old = _old(newest_appl_id=["", "", ""])  # an old list that kept no appl ids
    marked = _by_name(mark_new_since(_leads(tables), tables, old).leads)
    assert marked["Ann Three"] == (False, [])
    higher = _old(newest_appl_id=["100", "250", ""])  # its newest record is above 210
    assert _by_name(mark_new_since(_leads(tables), tables, higher).leads)["Ann Three"][1] == []


def test_a_notice_after_the_day_the_search_is_judged_on_is_not_new_yet() -> None:
    earlier_day = build_tables(RECORDS, as_of=datetime.date(2026, 11, 20))
    marked = _by_name(mark_new_since(_leads(earlier_day), earlier_day, _old()).leads)
    assert marked["Ann One"] == (False, [])  # noticed 2026-12-01
    assert marked["Ann Nameless"] == (False, ["R01HL000004"])  # noticed 2026-11-03


def test_nothing_new(tables: Tables) -> None:
    old = _old(
        rank=["1", "2", "3", "4"],
        pi_name=["Ann One", "Ann Two", "Ann Three", "Ann Nameless"],
        profile_id=["1", "2", "3", ""],
        organization=[ORG] * 4,
        co_pis=[""] * 4,
        listed_on=["2027-01-01"] * 4,
        newest_appl_id=["205", "110", "210", "130"],
    )
    result = mark_new_since(_leads(tables), tables, old)
    assert result.leads["new_pi"].tolist() == [False] * 4
    assert result.leads["new_awards"].tolist() == [[]] * 4
    assert result.summary() == "new since 2027-01-01: 0 PIs, 0 awards"


def test_a_co_pi_named_on_the_old_list_is_not_new(tables: Tables) -> None:
    old = _old(co_pis=["Ann Two (2); Someone Else", "", ""])
    assert _by_name(mark_new_since(_leads(tables), tables, old).leads)["Ann Two"][0] is False


def test_empty_inputs(tables: Tables) -> None:
    empty_leads = _leads(tables).iloc[0:0]
    result = mark_new_since(empty_leads, tables, _old())
    assert list(result.leads.columns) == list(empty_leads.columns)
    assert (len(result.leads), result.new_pis, result.new_awards) == (0, 0, 0)
    # A header-only earlier list: everyone is new, no award can be dated.
    header_only = _old().iloc[0:0]
    assert earlier_list(header_only) == EarlierList(None, None, frozenset(), frozenset())
    result = mark_new_since(_leads(tables), tables, header_only)
    assert (result.new_pis, result.new_awards) == (4, 0)
    assert result.summary() == "new since an empty lead list: 4 PIs, 0 awards"


def test_inputs_are_not_modified(tables: Tables) -> None:
    leads, old = _leads(tables), _old()
    before = [snapshot(f) for f in (leads, old, tables.projects, tables.pis, tables.pi_grants)]
    result = mark_new_since(leads, tables, old)
    assert result.leads is not leads
    for frame, then in zip((leads, old, tables.projects, tables.pis, tables.pi_grants), before,
                           strict=True):  # fmt: skip
        assert_unchanged(frame, then)


# --- reading the earlier list ----------------------------------------------------------------


def test_the_earlier_list_is_read_from_its_cells() -> None:
    old = _old(listed_on=["Nov 2, 2026", "2026-12-01", ""], profile_id=["1.0", "3", ""])
    found = earlier_list(old)
    assert found.listed_on == datetime.date(2026, 11, 2)  # the earliest: nothing is missed
    assert found.newest_appl_id == 200
    assert found.profile_ids == {1, 3}
    assert found.names == {("ann nameless", ORG.casefold())}


def test_a_list_without_listed_on_is_a_typed_error() -> None:
    with pytest.raises(DataFormatError, match=r"^old\.csv has no listed_on column \(made before"):
        earlier_list(_old().drop(columns="listed_on"), source="old.csv")
    with pytest.raises(DataFormatError) as info:
        earlier_list(_old().drop(columns="listed_on"))
    assert info.value.message.startswith("the earlier lead list has no listed_on column")
    assert "without --since" in (info.value.hint or "")


def test_a_bad_listed_on_date_names_the_row() -> None:
    old = _old(listed_on=[LISTED, "soon", LISTED])
    with pytest.raises(DataFormatError, match=r"old\.csv, row 3: listed_on 'soon' is not a date"):
        earlier_list(old, source="old.csv")
    with pytest.raises(DataFormatError, match="empty listed_on column"):
        earlier_list(_old(listed_on=["", " ", ""]))


# --- the columns a lead list records ---------------------------------------------------------


def test_a_ranked_lead_list_records_its_date_and_newest_records(
    tables: Tables, tmp_path: Path
) -> None:
    leads = lead_list(rank_pis(tables, CARDIOLOGY, as_of=datetime.date(2026, 11, 2)))
    assert tuple(leads.columns) == LEAD_LIST_HEADER
    newest = dict(zip(leads["pi_name"], leads["newest_appl_id"], strict=True))
    assert newest == {"Ann One": 205, "Ann Two": 110, "Ann Three": 210, "Ann Nameless": 130}
    assert leads["new_pi"].isna().all()
    assert leads["new_awards"].tolist() == [[]] * 4
    write_leads(leads, tmp_path / "leads.csv", "csv")
    back = read_leads(tmp_path / "leads.csv")
    assert set(back["listed_on"]) == {LISTED}
    assert set(back["new_pi"]) == set(back["new_awards"]) == {""}
    assert earlier_list(back).newest_appl_id == 210


def test_listed_on_is_a_date_cell_in_xlsx(tables: Tables, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    leads = lead_list(rank_pis(tables, CARDIOLOGY, as_of=datetime.date(2026, 11, 2)))
    write_leads(leads, tmp_path / "leads.xlsx", "xlsx")
    sheet = load_workbook(tmp_path / "leads.xlsx").active
    assert sheet is not None
    column = list(LEAD_LIST_HEADER).index("listed_on") + 1
    cell = sheet.cell(row=2, column=column)
    assert cell.value == datetime.datetime(2026, 11, 2)
    assert cell.number_format == "yyyy-mm-dd"
