"""Lead lists as XLSX workbooks: read like a CSV, follow_up_on written back cell for cell."""

from __future__ import annotations

import os
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font, PatternFill

from reporter_finder.errors import DataFormatError
from reporter_finder.leads.followups import due_followups, mark_followups
from reporter_finder.leads.sheet import read_leads

MIDDAY = datetime(2026, 11, 3, 14, 5)


def _workbook(path: Path, rows: list[list[object]], *, title: str = "leads") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_read_leads_reads_an_xlsx_instead_of_refusing_it_as_text(tmp_path: Path) -> None:
    # Regression: an .xlsx was decoded as text and refused ("neither UTF-8 nor Windows-1252").
    path = _workbook(tmp_path / "leads.xlsx", [["rank", "pi_name"], [1, "Ana Rivera"]])
    leads = read_leads(path)
    assert leads.to_dict("records") == [{"rank": "1", "pi_name": "Ana Rivera"}]


def test_read_leads_gives_every_xlsx_cell_as_the_text_a_csv_would_hold(tmp_path: Path) -> None:
    header = ["rank", "pi_name", "total_cost", "score", "flag", "contacted_on", "at", "when"]
    path = _workbook(
        tmp_path / "leads.xlsx",
        [
            [" rank ", *header[1:]],
            [1, "Ana", 250000.0, 0.25, True, datetime(2026, 11, 3), MIDDAY, time(9, 30)],
            [None, None, None, None, None, None, None, None],  # a blank row: skipped
            [2, "'=HYPERLINK(1)", None, None, False, "11/30/2026", date(2026, 3, 12), None],
        ],
    )
    leads = read_leads(path)
    assert list(leads.columns) == header  # header cells stripped, as in a CSV
    assert list(leads.index) == [0, 1]  # data-row positions, blank rows skipped
    assert leads.loc[0].tolist() == [
        "1", "Ana", "250000", "0.25", "True", "2026-11-03", "2026-11-03 14:05:00", "09:30:00",
    ]  # fmt: skip
    assert leads.loc[1].tolist() == [
        "2", "'=HYPERLINK(1)", "", "", "False", "11/30/2026", "2026-03-12", "",
    ]  # fmt: skip
    assert all(leads[c].dtype == object for c in leads.columns)
    assert not leads.isna().any().any()


def test_read_leads_prefers_the_sheet_named_leads_else_the_first(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "notes"
    workbook.active.append(["whatever"])
    workbook.create_sheet("leads").append(["pi_name"])
    workbook["leads"].append(["Ana"])
    workbook.save(tmp_path / "two.xlsx")
    assert read_leads(tmp_path / "two.xlsx")["pi_name"].tolist() == ["Ana"]

    other = _workbook(tmp_path / "other.xlsx", [["pi_name"], ["Hu"]], title="Sheet1")
    assert read_leads(other)["pi_name"].tolist() == ["Hu"]


def test_read_leads_finds_a_workbook_by_its_content_not_its_name(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "leads.csv", [["pi_name"], ["Ana"]])  # misnamed download
    assert read_leads(path)["pi_name"].tolist() == ["Ana"]


def test_read_leads_xlsx_errors_are_the_csv_errors(tmp_path: Path) -> None:
    dupes = _workbook(tmp_path / "dupes.xlsx", [["status", "status"], ["", ""]])
    with pytest.raises(DataFormatError, match=r"duplicate column names: 'status'"):
        read_leads(dupes)
    empty = _workbook(tmp_path / "empty.xlsx", [])
    with pytest.raises(DataFormatError, match="empty: expected a lead list with a header row"):
        read_leads(empty)
    stray = _workbook(tmp_path / "stray.xlsx", [["pi_name"], ["Ana", "a note"]])
    with pytest.raises(DataFormatError, match=r"stray.xlsx, cell B2: a value in a column"):
        read_leads(stray)


def test_read_leads_names_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DataFormatError, match=r"broken.xlsx is not an Excel workbook") as caught:
        read_leads(broken)
    assert caught.value.hint == "Save it from your spreadsheet program as .xlsx or as CSV UTF-8."
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(DataFormatError, match=r"old.xls is an old-style \.xls workbook"):
        read_leads(old)


# --- writing follow_up_on back ---------------------------------------------------------------

TODAY = date(2026, 11, 24)
HEADER = ["rank", "pi_name", "my rating", "status", "contacted_on", "follow_up_on", "notes"]


def _user_workbook(path: Path, *, with_follow_up: bool = True) -> Path:
    """A lead workbook after a week in Excel: styles, a formula, a user column, a second sheet."""
    header = HEADER if with_follow_up else [h for h in HEADER if h != "follow_up_on"]
    rows = [
        [1, "Ana Rivera", 5, "contacted", datetime(2026, 11, 3), None, "asked about R01"],
        [2, "Hu Li", None, "Replied", "2026-11-01", None, None],
        [None] * 7,  # a blank row the user left
        [3, "Jian Ma", "=C2*2", "", "3 Nov 2026", None, "formula in my rating"],
        [4, "Titus Brown", None, "sent", "2026-11-02", datetime(2026, 11, 12), "done"],
    ]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "leads"
    sheet.append(header)
    for row in rows:
        sheet.append(row if with_follow_up else row[:5] + row[6:])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet["C2"].fill = PatternFill("solid", fgColor="FFFF00")
    sheet["C2"].number_format = "0.0"
    sheet.column_dimensions["B"].width = 30
    sheet.freeze_panes = "C2"
    notes = workbook.create_sheet("my notes")
    notes["A1"] = "Call Ana's lab on Monday"
    notes["B2"] = "=leads!A2+1"
    workbook.save(path)
    return path


def _cells(path: Path) -> dict[tuple[str, str], tuple[object, ...]]:
    """Every cell of every sheet: value (formulas as written), format, font, fill."""
    workbook = openpyxl.load_workbook(path)
    return {
        (sheet.title, cell.coordinate): (
            cell.value,
            cell.number_format,
            cell.font.b,
            cell.fill.fgColor.rgb,
        )
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None or cell.has_style
    }


def test_mark_followups_changes_only_the_follow_up_cells_of_a_workbook(tmp_path: Path) -> None:
    path = _user_workbook(tmp_path / "leads.xlsx")
    before = _cells(path)
    due = due_followups(read_leads(path), days=7, today=TODAY)
    assert due["pi_name"].tolist() == ["Ana Rivera", "Jian Ma"]

    assert mark_followups(path, due, on=TODAY) == path

    after = _cells(path)
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    assert changed == {("leads", "F2"), ("leads", "F5")}  # Ana's and Jian's follow_up_on only
    workbook = openpyxl.load_workbook(path)
    cell = workbook["leads"]["F5"]
    assert cell.is_date
    assert cell.value == datetime(2026, 11, 24)
    assert cell.number_format == "yyyy-mm-dd"
    assert workbook["leads"].freeze_panes == "C2"
    assert workbook["leads"].column_dimensions["B"].width == 30
    assert workbook.sheetnames == ["leads", "my notes"]
    assert read_leads(path)["follow_up_on"].tolist() == [
        "2026-11-24",
        "",
        "2026-11-24",
        "2026-11-12",
    ]
    assert due_followups(read_leads(path), days=7, today=TODAY).empty  # never proposed again
    assert [p.name for p in tmp_path.iterdir()] == ["leads.xlsx"]  # no temp file left


def test_mark_followups_appends_a_styled_follow_up_header_to_a_workbook(tmp_path: Path) -> None:
    path = _user_workbook(tmp_path / "leads.xlsx", with_follow_up=False)
    due = due_followups(read_leads(path), days=7, today=TODAY)
    mark_followups(path, due, on=TODAY)
    sheet = openpyxl.load_workbook(path)["leads"]
    assert sheet["G1"].value == "follow_up_on"
    assert sheet["G1"].font.b
    stamp = datetime(2026, 11, 24)  # Titus is due too: without the column, nothing says he is done
    assert [sheet.cell(row=r, column=7).value for r in range(2, 7)] == [
        stamp, None, None, stamp, stamp,
    ]  # fmt: skip


def test_mark_followups_refuses_a_workbook_that_changed_meanwhile(tmp_path: Path) -> None:
    path = _user_workbook(tmp_path / "leads.xlsx")
    due = due_followups(read_leads(path), days=7, today=TODAY)
    workbook = openpyxl.load_workbook(path)
    workbook["leads"]["G2"] = "she wrote back!"
    workbook.save(path)
    before = path.read_bytes()
    with pytest.raises(DataFormatError, match=r"changed since .*\(row 2, column 'notes'\)"):
        mark_followups(path, due, on=TODAY)
    assert path.read_bytes() == before


def test_mark_followups_leaves_a_workbook_whole_when_the_save_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _user_workbook(tmp_path / "leads.xlsx")
    due = due_followups(read_leads(path), days=7, today=TODAY)
    before = path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(DataFormatError, match=r"cannot write .*No space left"):
        mark_followups(path, due, on=TODAY)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["leads.xlsx"]


def test_mark_followups_with_nothing_due_leaves_a_workbook_untouched(tmp_path: Path) -> None:
    path = _user_workbook(tmp_path / "leads.xlsx", with_follow_up=False)
    before = path.read_bytes()
    assert mark_followups(path, due_followups(read_leads(path), days=99, today=TODAY)) == path
    assert path.read_bytes() == before
