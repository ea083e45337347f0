"""Lead lists and table writers: column order, formats, injection neutralizing, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from reporter_finder.cellformat import parse_co_pi, split_list_cell
from reporter_finder.errors import InvalidArgumentError
from reporter_finder.leads import export
from reporter_finder.leads.export import (
    FORMATS,
    LEAD_LIST_HEADER,
    infer_format,
    lead_list,
    write_leads,
    write_records,
    write_table,
)
from reporter_finder.leads.sheet import read_leads
from reporter_finder.schema import LEAD_COLUMNS, TRACKING_COLUMNS
from tests.frames import assert_unchanged, snapshot


def _ranked(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A frame shaped like MentorSearch.ranked: LEAD_COLUMNS, then pi_key and a component."""
    base = {
        "rank": 1,
        "score": 0.5,
        "pi_name": "Ana M Rivera",
        "pi_title": "Associate Professor",
        "profile_id": 1234567,
        "organization": "UNIVERSITY OF EXAMPLE",
        "department": "INTERNAL MEDICINE/MEDICINE",
        "city": "BOSTON",
        "state": "MA",
        "n_grants": 3,
        "n_active_grants": 2,
        "active_funding": 812345.0,
        "last_fiscal_year": 2025,
        "top_grant_title": "Atrial fibrillation after cardiac surgery",
        "top_grant_number": "R01HL123456",
        "top_grant_url": "https://reporter.nih.gov/project-details/10000001",
        "activity_codes": ["K24", "R01"],
        "mentor_flags": ["K24"],
        "matched_terms": ["atrial fibrillation", "arrhythmia"],
        "matched_skills": [],
        "track_fit": "clinical",
        "why": "2 active grants; K24 mentoring award",
        "n_publications": 4,
        "recent_publications": [
            "AF after surgery — Circulation 2025 (PMID 40000002)",
            "PMID 40000001",
        ],
        "pi_key": "1234567",
        "text_score": 0.9,
    }
    return pd.DataFrame([{**base, **row} for row in rows])


@pytest.fixture
def ranked() -> pd.DataFrame:
    return _ranked(
        [
            {"rank": 2, "score": 0.41234567, "pi_name": "Bo Chen", "profile_id": 2, "pi_key": "2",
             "n_publications": 0, "recent_publications": []},
            {"rank": 1, "score": 0.9, "profile_id": 1, "pi_key": "1"},
            {"rank": 3, "score": 0.1, "pi_name": "Cy Dunn", "profile_id": 3, "pi_key": "3",
             "activity_codes": None, "active_funding": float("nan"), "n_publications": None,
             "recent_publications": None},
        ]
    )  # fmt: skip


# --- lead_list ------------------------------------------------------------------------------


def test_lead_list_has_exactly_the_lead_and_tracking_columns_in_order(ranked: pd.DataFrame) -> None:
    leads = lead_list(ranked)
    assert tuple(leads.columns) == (*LEAD_COLUMNS, *TRACKING_COLUMNS) == LEAD_LIST_HEADER
    assert leads["rank"].tolist() == [1, 2, 3]
    assert leads[list(TRACKING_COLUMNS)].isna().all().all()


def test_lead_list_top_keeps_the_best_rows(ranked: pd.DataFrame) -> None:
    assert lead_list(ranked, top=2)["pi_name"].tolist() == ["Ana M Rivera", "Bo Chen"]


def test_lead_list_rounds_score_and_fills_missing_lists(ranked: pd.DataFrame) -> None:
    leads = lead_list(ranked)
    assert leads.loc[1, "score"] == pytest.approx(0.4123)
    assert leads.loc[2, "activity_codes"] == []


def test_lead_list_does_not_modify_its_input(ranked: pd.DataFrame) -> None:
    before = snapshot(ranked)  # list cells copied too: a change inside one is caught
    leads = lead_list(ranked, top=1)
    leads.loc[0, "activity_codes"].append("X")  # the lead list shares no list with its input
    assert_unchanged(ranked, before)


@pytest.mark.parametrize("empty", [pd.DataFrame(), _ranked([]).iloc[0:0]])
def test_lead_list_of_nothing_still_has_the_header(empty: pd.DataFrame) -> None:
    leads = lead_list(empty)
    assert leads.empty
    assert tuple(leads.columns) == LEAD_LIST_HEADER


def test_lead_list_without_publication_columns_leaves_them_empty_not_zero(
    ranked: pd.DataFrame,
) -> None:
    leads = lead_list(ranked.drop(columns=["n_publications", "recent_publications"]))
    assert tuple(leads.columns) == LEAD_LIST_HEADER
    assert leads["n_publications"].dtype == "Int64"
    assert leads["n_publications"].isna().all()
    assert leads["recent_publications"].tolist() == [[], [], []]


def test_lead_list_keeps_looked_up_publications(tmp_path: Path, ranked: pd.DataFrame) -> None:
    leads = lead_list(ranked)
    assert leads["n_publications"].tolist()[:2] == [4, 0]
    assert leads["n_publications"].isna().tolist() == [False, False, True]
    path = tmp_path / "leads.csv"
    write_leads(leads, path, "csv")
    rows = _read_csv(path)
    assert rows[0]["recent_publications"] == (
        "AF after surgery — Circulation 2025 (PMID 40000002); PMID 40000001"
    )
    assert [row["n_publications"] for row in rows] == ["4", "0", ""]  # "" = not looked up
    assert rows[1]["recent_publications"] == ""


def test_lead_list_rejects_a_table_without_lead_columns() -> None:
    with pytest.raises(ValueError, match=r"lacks lead-list columns: .*pi_name"):
        lead_list(pd.DataFrame({"rank": [1], "score": [0.5]}))


# --- format inference -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt", "is_tty", "expected"),
    [
        ("leads.csv", None, True, "csv"),
        ("LEADS.XLSX", None, False, "xlsx"),
        ("a/b.json", None, False, "json"),
        ("a.jsonl", None, False, "jsonl"),
        ("a.ndjson", None, False, "jsonl"),
        ("-", None, True, "table"),
        ("-", None, False, "csv"),
        (None, None, False, "csv"),
        ("leads.txt", "csv", False, "csv"),
        ("-", "JSON", True, "json"),
        ("-", "xlsx", False, "xlsx"),
    ],
)
def test_infer_format(path: str | None, fmt: str | None, is_tty: bool, expected: str) -> None:
    assert infer_format(path, fmt, is_tty=is_tty) == expected


@pytest.mark.parametrize(
    ("path", "fmt", "is_tty", "message"),
    [
        ("leads.docx", None, False, "cannot tell the format of 'leads.docx'"),
        ("leads", None, False, "--format"),
        ("leads.csv", "parquet", False, "unknown format 'parquet'"),
        ("-", "xlsx", True, "refusing to write XLSX"),
    ],
)
def test_infer_format_errors_say_what_to_do(
    path: str, fmt: str | None, is_tty: bool, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        infer_format(path, fmt, is_tty=is_tty)


def test_formats_are_the_documented_five() -> None:
    assert FORMATS == ("table", "csv", "xlsx", "json", "jsonl")


# --- CSV ------------------------------------------------------------------------------------


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_lead_list_round_trip(tmp_path: Path, ranked: pd.DataFrame) -> None:
    path = tmp_path / "leads.csv"
    assert write_leads(lead_list(ranked), path, "csv") == 3
    rows = _read_csv(path)
    assert list(rows[0]) == list(LEAD_LIST_HEADER)
    first = rows[0]
    assert first["pi_name"] == "Ana M Rivera"
    assert first["active_funding"] == "812345"  # money as a plain number, no ".0" or commas
    assert first["score"] == "0.9"
    assert first["activity_codes"] == "K24; R01"
    assert first["status"] == first["notes"] == ""
    assert rows[2]["active_funding"] == ""  # NaN is an empty cell, not "nan"
    assert rows[2]["activity_codes"] == ""


def test_co_pis_round_trip_through_csv_and_read_leads(tmp_path: Path, ranked: pd.DataFrame) -> None:
    ranked = ranked.assign(co_pis=[[], ["Bo Chen (2)", "Cy de la Dunn (3)"], None])  # rank 2, 1, 3
    path = tmp_path / "leads.csv"
    write_leads(lead_list(ranked), path, "csv")
    back = read_leads(path)
    assert list(back.columns) == list(LEAD_LIST_HEADER)
    assert back["co_pis"].tolist() == ["Bo Chen (2); Cy de la Dunn (3)", "", ""]
    items = [parse_co_pi(item) for item in split_list_cell(back.loc[0, "co_pis"])]
    assert items == [("Bo Chen", 2), ("Cy de la Dunn", 3)]
    json_path = tmp_path / "leads.json"
    write_leads(lead_list(ranked), json_path, "json")
    assert json.loads(json_path.read_text("utf-8"))[0]["co_pis"] == [
        "Bo Chen (2)",
        "Cy de la Dunn (3)",
    ]


def test_a_lead_list_from_before_co_pis_is_still_read(tmp_path: Path, ranked: pd.DataFrame) -> None:
    old_header = [c for c in LEAD_LIST_HEADER if c != "co_pis"]
    path = tmp_path / "old.csv"
    path.write_text(",".join(old_header) + "\r\n" + ",".join(["1", "0.9", "Ana M Rivera"])
                    + "," * (len(old_header) - 3) + "\r\n", encoding="utf-8")  # fmt: skip
    old = read_leads(path)
    assert list(old.columns) == old_header
    assert old.loc[0, "pi_name"] == "Ana M Rivera"
    # A table ranked before the grouping (no co_pis column) still makes a lead list.
    leads = lead_list(ranked)
    assert tuple(leads.columns) == LEAD_LIST_HEADER
    assert leads["co_pis"].tolist() == [[], [], []]


def test_csv_quotes_commas_quotes_and_newlines(tmp_path: Path) -> None:
    title = 'Heart, "failure"\nand more'
    path = tmp_path / "leads.csv"
    write_leads(_ranked([{"top_grant_title": title}]), path, "csv")
    assert _read_csv(path)[0]["top_grant_title"] == title


def test_csv_header_only_when_empty(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    assert write_leads(lead_list(pd.DataFrame()), path, "csv") == 0
    assert path.read_bytes().decode("utf-8") == ",".join(LEAD_LIST_HEADER) + "\r\n"


def test_csv_dates_are_iso_and_booleans_plain(tmp_path: Path) -> None:
    table = pd.DataFrame(
        {
            "project_end_date": pd.to_datetime(["2026-06-30", None]),
            "is_active": pd.array([True, None], dtype="boolean"),
            "n": pd.array([3, None], dtype="Int64"),
            "months_left": [-4.5, 12.0],
        }
    )
    path = tmp_path / "grants.csv"
    write_table(table, path, "csv")
    rows = _read_csv(path)
    assert rows[0] == {
        "project_end_date": "2026-06-30",
        "is_active": "True",
        "n": "3",
        "months_left": "-4.5",
    }
    assert rows[1] == {"project_end_date": "", "is_active": "", "n": "", "months_left": "12"}


# --- formula injection ----------------------------------------------------------------------

DANGEROUS = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_neutralizes_formula_cells(tmp_path: Path, text: str) -> None:
    path = tmp_path / "leads.csv"
    write_leads(_ranked([{"top_grant_title": text, "pi_name": text}]), path, "csv")
    row = _read_csv(path)[0]
    assert row["top_grant_title"] == "'" + text
    assert row["pi_name"] == "'" + text


@pytest.mark.parametrize("text", DANGEROUS)
def test_xlsx_neutralizes_formula_cells(tmp_path: Path, text: str) -> None:
    path = tmp_path / "leads.xlsx"
    write_leads(_ranked([{"top_grant_title": text}]), path, "xlsx")
    sheet = openpyxl.load_workbook(path).active
    column = LEAD_LIST_HEADER.index("top_grant_title") + 1
    cell = sheet.cell(row=2, column=column)
    # XML normalizes a stored carriage return to a line feed when the file is read back.
    assert cell.value == ("'" + text).replace("\r", "\n")
    assert cell.data_type == "s"  # text, never a formula


def test_list_cells_are_neutralized_too(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    write_leads(_ranked([{"matched_terms": ["=1+1", "ok"]}]), path, "csv")
    assert _read_csv(path)[0]["matched_terms"] == "'=1+1; ok"


def test_negative_numbers_stay_numbers(tmp_path: Path) -> None:
    table = pd.DataFrame({"months_left": [-3.0, -0.5], "title": ["-3", "ok"]})
    write_table(table, tmp_path / "t.csv", "csv")
    rows = _read_csv(tmp_path / "t.csv")
    assert [r["months_left"] for r in rows] == ["-3", "-0.5"]
    assert rows[0]["title"] == "'-3"  # text that looks like a number is still text
    write_table(table, tmp_path / "t.xlsx", "xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert [sheet["A2"].value, sheet["A3"].value] == [-3, -0.5]


def test_json_keeps_the_original_text(tmp_path: Path) -> None:
    path = tmp_path / "leads.json"
    write_leads(_ranked([{"top_grant_title": "=1+1"}]), path, "json")
    assert json.loads(path.read_text(encoding="utf-8"))[0]["top_grant_title"] == "=1+1"


# --- XLSX -----------------------------------------------------------------------------------


def test_xlsx_layout(tmp_path: Path, ranked: pd.DataFrame) -> None:
    path = tmp_path / "leads.xlsx"
    write_leads(lead_list(ranked), path, "xlsx")
    sheet = openpyxl.load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    assert header == list(LEAD_LIST_HEADER)
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "D2"  # header row and rank/score/pi_name stay visible
    assert sheet.max_row == 4
    col = {name: i + 1 for i, name in enumerate(header)}
    url_cell = sheet.cell(row=2, column=col["top_grant_url"])
    assert url_cell.hyperlink is not None
    assert url_cell.hyperlink.target == "https://reporter.nih.gov/project-details/10000001"
    assert sheet.cell(row=2, column=col["active_funding"]).value == 812345
    assert isinstance(sheet.cell(row=2, column=col["score"]).value, float)
    assert sheet.cell(row=2, column=col["activity_codes"]).value == "K24; R01"
    assert sheet.cell(row=2, column=col["status"]).value is None
    widths = [sheet.column_dimensions[c].width for c in ("A", "C", "N")]
    assert all(6 <= width <= 60 for width in widths)


def test_xlsx_dates_are_dates(tmp_path: Path) -> None:
    path = tmp_path / "grants.xlsx"
    write_table(pd.DataFrame({"end": pd.to_datetime(["2026-06-30"])}), path, "xlsx")
    cell = openpyxl.load_workbook(path).active["A2"]
    assert cell.is_date
    assert cell.value.date() == date(2026, 6, 30)


def test_xlsx_empty_has_header(tmp_path: Path) -> None:
    path = tmp_path / "leads.xlsx"
    write_leads(lead_list(pd.DataFrame()), path, "xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert [cell.value for cell in sheet[1]] == list(LEAD_LIST_HEADER)
    assert sheet.max_row == 1


# --- JSON / JSONL ---------------------------------------------------------------------------


def test_json_lists_are_lists_and_nan_is_null(tmp_path: Path, ranked: pd.DataFrame) -> None:
    path = tmp_path / "leads.json"
    write_leads(lead_list(ranked), path, "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [list(row) for row in data] == [list(LEAD_LIST_HEADER)] * 3
    assert data[0]["activity_codes"] == ["K24", "R01"]
    assert data[0]["active_funding"] == 812345
    assert data[2]["active_funding"] is None
    assert data[2]["activity_codes"] == []
    assert data[0]["status"] is None


def test_jsonl_one_object_per_line(tmp_path: Path, ranked: pd.DataFrame) -> None:
    path = tmp_path / "leads.jsonl"
    write_leads(lead_list(ranked), path, "jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    assert [json.loads(line)["rank"] for line in lines] == [1, 2, 3]


def test_json_dates_are_iso(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    write_table(pd.DataFrame({"end": pd.to_datetime(["2026-06-30", None])}), path, "json")
    assert json.loads(path.read_text(encoding="utf-8")) == [{"end": "2026-06-30"}, {"end": None}]


def test_empty_json_is_an_empty_array(tmp_path: Path) -> None:
    path = tmp_path / "leads.json"
    write_leads(lead_list(pd.DataFrame()), path, "json")
    assert json.loads(path.read_text(encoding="utf-8")) == []


# --- terminal table -------------------------------------------------------------------------


def test_table_to_stdout_fits_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, ranked: pd.DataFrame
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    write_leads(lead_list(ranked.assign(top_grant_title="x" * 200)), "-", "table")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:5] == ["rank", "pi_name", "organization", "state", "reason"]
    assert all(len(line) <= 80 for line in lines)
    monkeypatch.setenv("COLUMNS", "160")
    write_leads(lead_list(ranked.assign(top_grant_title="x" * 200)), "-", "table")
    lines = capsys.readouterr().out.splitlines()
    assert "812,345" in lines[2]  # thousands separators for people, not for files


def test_table_of_nothing_is_the_header(capsys: pytest.CaptureFixture[str]) -> None:
    write_leads(lead_list(pd.DataFrame()), "-", "table")
    assert capsys.readouterr().out.splitlines()[0].startswith("rank")


def test_csv_to_stdout(capsys: pytest.CaptureFixture[str], ranked: pd.DataFrame) -> None:
    write_leads(lead_list(ranked), "-", "csv")
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["rank"] for row in rows] == ["1", "2", "3"]


# --- atomic writes --------------------------------------------------------------------------


def test_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ranked: pd.DataFrame
) -> None:
    path = tmp_path / "leads.csv"
    path.write_text("previous contents\n", encoding="utf-8")

    def explode(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt  # the user pressed Ctrl-C mid-write

    monkeypatch.setattr(export, "_write_csv", explode)
    with pytest.raises(KeyboardInterrupt):
        write_leads(lead_list(ranked), path, "csv", overwrite=True)
    assert path.read_text(encoding="utf-8") == "previous contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leads.csv"]


def test_failed_first_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ranked: pd.DataFrame
) -> None:
    def half_then_fail(out: Any, *args: Any) -> None:
        out.write("rank,score\n1,")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_write_csv", half_then_fail)
    with pytest.raises(OSError, match="No space"):
        write_leads(lead_list(ranked), tmp_path / "leads.csv", "csv")
    assert list(tmp_path.iterdir()) == []


def test_written_file_gets_normal_permissions(tmp_path: Path, ranked: pd.DataFrame) -> None:
    path = tmp_path / "leads.csv"
    write_leads(lead_list(ranked), path, "csv")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_missing_directory_raises_oserror(tmp_path: Path, ranked: pd.DataFrame) -> None:
    with pytest.raises(FileNotFoundError):
        write_leads(lead_list(ranked), tmp_path / "nope" / "leads.csv", "csv")


def test_unknown_format_is_rejected(tmp_path: Path, ranked: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        write_table(ranked, tmp_path / "x", "parquet")


# --- raw records ----------------------------------------------------------------------------


def test_write_records_round_trips_through_load_records(
    tmp_path: Path, common_fund_records: list[dict[str, Any]]
) -> None:
    from reporter_finder import load_records  # the public name: stable while tables/ moves

    path = tmp_path / "saved.json"
    assert write_records(common_fund_records, path, meta={"api_url": "http://x"}) == 155
    assert load_records(path) == common_fund_records
    assert json.loads(path.read_text(encoding="utf-8"))["meta"]["total"] == 155


# --- errors: the ReporterError family, still ValueErrors for callers written against those --


@pytest.mark.parametrize(
    "call",
    [
        lambda: infer_format("leads.docx", None, is_tty=False),
        lambda: infer_format("leads.csv", "parquet", is_tty=False),
        lambda: infer_format("-", "xlsx", is_tty=True),
        lambda: lead_list(pd.DataFrame({"rank": [1]})),
        lambda: lead_list(pd.DataFrame(), top=-1),
        lambda: write_table(pd.DataFrame({"a": [1]}), "-", "parquet"),
    ],
    ids=["extension", "format", "xlsx-to-tty", "columns", "top", "write-format"],
)
def test_bad_arguments_raise_the_library_error_that_is_also_a_value_error(call: Any) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        call()
    assert isinstance(caught.value, ValueError)
    assert pickle.loads(pickle.dumps(caught.value)).message == caught.value.message
