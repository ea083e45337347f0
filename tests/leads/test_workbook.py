"""Lead lists as XLSX workbooks: read like a CSV, follow_up_on written back cell for cell."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from reporter_finder.errors import DataFormatError
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
