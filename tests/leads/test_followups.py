"""followups: reading a user-edited lead CSV, choosing due leads, writing follow_up_on back."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from reporter_finder.dates import date_order, parse_sheet_date
from reporter_finder.errors import AmbiguousDateError, DataFormatError, InvalidArgumentError
from reporter_finder.leads.followups import (
    FollowupCounts,
    due_followups,
    followup_counts,
    followup_list,
    mark_followups,
)
from reporter_finder.leads.sheet import read_leads
from tests.frames import assert_unchanged, snapshot

TODAY = date(2026, 11, 24)

# A lead list as a user leaves it after a week in Excel: UTF-8 BOM, CRLF, a column of their
# own ("my rating") in the middle, quoted commas and a quoted newline, blank cells, a trailing
# cell dropped, dates in four spellings, an Excel serial number, and statuses in mixed case.
USER_CSV = (
    "\ufeffrank,pi_name,organization,my rating,status,contacted_on,follow_up_on,notes\r\n"
    '1,Ana M Rivera,"UNIVERSITY OF X, SAN DIEGO",5,contacted,3 Nov 2026,,"asked about R01; '
    'said ""maybe"""\r\n'
    "2,Hu Li,MAYO CLINIC ROCHESTER,,Replied,2026-11-01,,\r\n"
    "3,Jian Ma,CARNEGIE-MELLON UNIVERSITY,4,,3-Nov-2026,,\r\n"
    '4,Sharon Diskin,CHOP,,sent,46329,,"two\r\nlines"\r\n'
    "5,Kristin Ardlie,BROAD,,contacted,2026-11-20,,\r\n"
    "6,Titus Brown,UC DAVIS,,contacted,2026-11-02,2026-11-12,done\r\n"
    "7,No Date,SOMEWHERE,,,,\r\n"
    "8,Old Lead,ELSEWHERE,,waiting for him,2026-10-01,,\r\n"
)


@pytest.fixture
def user_csv(tmp_path: Path) -> Path:
    path = tmp_path / "leads.csv"
    path.write_bytes(USER_CSV.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-03", date(2026, 11, 3)),
        ("2026/11/03", date(2026, 11, 3)),
        ("3-Nov-2026", date(2026, 11, 3)),
        ("3-Nov-26", date(2026, 11, 3)),
        ("Nov 3, 2026", date(2026, 11, 3)),
        ("12 Mar 2026", date(2026, 3, 12)),
        ("12 March 2026", date(2026, 3, 12)),
        ("Mar 12, 2026", date(2026, 3, 12)),
        ("September 30, 2026", date(2026, 9, 30)),
        ("11/30/2026", date(2026, 11, 30)),  # only month-first makes a date
        ("30/11/2026", date(2026, 11, 30)),  # only day-first makes a date
        ("30.11.2026", date(2026, 11, 30)),
        ("11/30/26", date(2026, 11, 30)),
        ("03/03/2026", date(2026, 3, 3)),  # both orders: the same day
        ("11/30/2026 2:15 PM", date(2026, 11, 30)),
        ("2026-11-03T10:00:00", date(2026, 11, 3)),
        (46329, date(2026, 11, 3)),  # an Excel number cell
        (datetime(2026, 11, 3, 14, 5), date(2026, 11, 3)),  # an Excel date cell
        ("2026-11-03 00:00:00", date(2026, 11, 3)),
        ("46329", date(2026, 11, 3)),
        ("46329.5", date(2026, 11, 3)),
        (" ", None),
        ("", None),
    ],
)
def test_parse_sheet_date_reads_spreadsheet_spellings(text: object, expected: date | None) -> None:
    assert parse_sheet_date(text) == expected


@pytest.mark.parametrize("text", ["soon", "13/45/2026", "42", "2026-02-30", "Foo 3, 2026"])
def test_parse_sheet_date_rejects_non_dates(text: str) -> None:
    with pytest.raises(ValueError, match="not"):
        parse_sheet_date(text)


def test_read_leads_keeps_every_column_and_cell_as_typed(user_csv: Path) -> None:
    leads = read_leads(user_csv)
    assert list(leads.columns) == [
        "rank",
        "pi_name",
        "organization",
        "my rating",
        "status",
        "contacted_on",
        "follow_up_on",
        "notes",
    ]
    assert leads.loc[0, "organization"] == "UNIVERSITY OF X, SAN DIEGO"
    assert leads.loc[0, "notes"] == 'asked about R01; said "maybe"'
    assert leads.loc[3, "notes"] == "two\r\nlines"
    assert leads.loc[3, "contacted_on"] == "46329"  # not converted
    assert leads.loc[6, "notes"] == ""  # dropped trailing cells padded with ""
    assert leads.loc[1, "my rating"] == ""
    assert not leads.isna().any().any()


def test_due_followups_selects_waiting_leads_oldest_first(
    user_csv: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="reporter_finder.leads.followups"):
        due = due_followups(read_leads(user_csv), days=7, today=TODAY)
    # Ana (3 Nov, contacted), Jian (3-Nov, blank status), Sharon (serial 46329 = 11/3, sent).
    # Not: Hu (replied), Kristin (4 days), Titus (already followed up), No Date, Old Lead
    # (an unknown status counts as answered, and is reported).
    assert due["pi_name"].tolist() == ["Ana M Rivera", "Jian Ma", "Sharon Diskin"]
    assert due["contacted_date"].tolist() == [date(2026, 11, 3)] * 3
    assert due["days_waiting"].tolist() == [21, 21, 21]
    assert list(due.index) == [0, 2, 3]
    assert "waiting for him" in caplog.text


def test_due_followups_options(user_csv: Path) -> None:
    leads = read_leads(user_csv)
    assert due_followups(leads, days=3, today=TODAY)["pi_name"].tolist()[-1] == "Kristin Ardlie"
    again = due_followups(leads, days=7, today=TODAY, include_followed_up=True)
    assert "Titus Brown" in again["pi_name"].tolist()
    assert due_followups(leads, days=30, today=TODAY).empty


def test_due_followups_sorts_by_date_not_text() -> None:
    leads = pd.DataFrame(
        {"pi_name": ["b", "a", "c"], "contacted_on": ["Nov 2, 2026", "2026-10-30", "46326"]}
    )
    due = due_followups(leads, days=1, today=TODAY)
    assert due["pi_name"].tolist() == ["a", "c", "b"]  # 10/30, 10/31 (serial), 11/2


def test_due_followups_names_every_bad_date() -> None:
    leads = pd.DataFrame({"pi_name": ["a", "b", "c"], "contacted_on": ["soon", "", "last week"]})
    with pytest.raises(DataFormatError, match=r"row 2: 'soon'; row 4: 'last week'"):
        due_followups(leads, today=TODAY)
    with pytest.raises(DataFormatError, match="contacted_on"):
        due_followups(pd.DataFrame({"pi_name": ["a"]}), today=TODAY)


def test_mark_followups_round_trip_changes_only_the_follow_up_cells(user_csv: Path) -> None:
    due = due_followups(read_leads(user_csv), days=7, today=TODAY)
    mark_followups(user_csv, due, on=TODAY)

    written = user_csv.read_bytes().decode("utf-8")
    assert written.startswith("\ufeff")  # BOM kept
    expected = (
        USER_CSV.replace("contacted,3 Nov 2026,,", "contacted,3 Nov 2026,2026-11-24,")
        .replace(",3-Nov-2026,,", ",3-Nov-2026,2026-11-24,")
        .replace(",46329,,", ",46329,2026-11-24,")
    )
    assert written == expected  # every other byte unchanged: quoting, CRLF, blank cells

    after = read_leads(user_csv)
    assert after["follow_up_on"].tolist()[:4] == ["2026-11-24", "", "2026-11-24", "2026-11-24"]
    assert after.drop(columns="follow_up_on").equals(
        read_leads_from_text(USER_CSV, user_csv.parent).drop(columns="follow_up_on")
    )
    # Marked leads are no longer due.
    assert due_followups(after, days=7, today=TODAY).empty


def read_leads_from_text(text: str, folder: Path) -> pd.DataFrame:
    path = folder / "original.csv"
    path.write_bytes(text.encode("utf-8"))
    return read_leads(path)


def test_mark_followups_adds_the_column_when_missing_and_keeps_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("pi_name;contacted_on;notes\nJosé Núñez;1 Oct 2026;café\n".encode("cp1252"))
    leads = read_leads(path)
    assert leads.loc[0, "pi_name"] == "José Núñez"
    due = due_followups(leads, today=TODAY)
    mark_followups(path, due, on=TODAY)
    assert path.read_bytes() == (
        "pi_name;contacted_on;notes;follow_up_on\nJosé Núñez;1 Oct 2026;café;2026-11-24\n"
    ).encode("cp1252")


def test_mark_followups_refuses_when_the_file_changed_meanwhile(user_csv: Path) -> None:
    due = due_followups(read_leads(user_csv), days=7, today=TODAY)
    user_csv.write_bytes(USER_CSV.replace("Ana M Rivera", "Ana Rivera").encode("utf-8"))
    before = user_csv.read_bytes()
    with pytest.raises(DataFormatError, match="changed since"):
        mark_followups(user_csv, due, on=TODAY)
    assert user_csv.read_bytes() == before
    assert [p.name for p in user_csv.parent.iterdir()] == ["leads.csv"]  # no temp file left


def test_mark_followups_is_atomic(user_csv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    due = due_followups(read_leads(user_csv), days=7, today=TODAY)
    before = user_csv.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(DataFormatError, match="No space left"):
        mark_followups(user_csv, due, on=TODAY)
    assert user_csv.read_bytes() == before
    assert [p.name for p in user_csv.parent.iterdir()] == ["leads.csv"]


def test_mark_followups_accepts_row_positions_and_rejects_bad_ones(user_csv: Path) -> None:
    mark_followups(user_csv, [4], on=TODAY)
    assert read_leads(user_csv).loc[4, "follow_up_on"] == "2026-11-24"
    with pytest.raises(DataFormatError, match="not a data row"):
        mark_followups(user_csv, [99], on=TODAY)


def test_read_leads_errors_are_typed(tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match="cannot read"):
        read_leads(tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(DataFormatError, match="empty"):
        read_leads(empty)
    dupes = tmp_path / "dupes.csv"
    dupes.write_text("status,status\n,\n")
    with pytest.raises(DataFormatError, match="duplicate"):
        read_leads(dupes)


def test_due_followups_rejects_a_negative_wait_with_the_library_error() -> None:
    with pytest.raises(InvalidArgumentError, match="days") as caught:
        due_followups(pd.DataFrame({"contacted_on": ["2026-11-01"]}), days=-1, today=TODAY)
    assert isinstance(caught.value, ValueError)  # what it raised before: callers keep working


def test_followup_list_of_a_table_that_is_not_due_followups_output_is_a_data_error() -> None:
    with pytest.raises(DataFormatError, match="contacted_date"):
        followup_list(pd.DataFrame({"pi_name": ["a"], "contacted_on": ["2026-11-01"]}))


def test_due_followups_and_followup_list_leave_their_input_alone() -> None:
    leads = pd.DataFrame(
        {
            "pi_name": ["a", "b"],
            "contacted_on": ["2026-11-01", "2026-11-02"],
            "status": ["sent", ""],
            "matched_terms": [["x", "y"], []],
        }
    )
    before = snapshot(leads)
    due = due_followups(leads, days=7, today=TODAY)
    assert_unchanged(leads, before)
    due_before = snapshot(due)
    followup_list(due)
    assert_unchanged(due, due_before)


# --- dates whose day and month could be swapped ----------------------------------------------


def test_parse_sheet_date_refuses_a_slash_date_that_reads_both_ways() -> None:
    # Regression: 03/12/2026 was read month-first (12 March) without a word.
    with pytest.raises(AmbiguousDateError, match=r"^'03/12/2026' could be 3 December or 12 March$"):
        parse_sheet_date("03/12/2026")
    assert issubclass(AmbiguousDateError, ValueError)
    assert issubclass(AmbiguousDateError, DataFormatError)
    assert parse_sheet_date("03/12/2026", order="dayfirst") == date(2026, 12, 3)
    assert parse_sheet_date("03.12.2026", order="monthfirst") == date(2026, 3, 12)
    assert parse_sheet_date("30/11/2026", order="dayfirst") == date(2026, 11, 30)
    assert parse_sheet_date("2026-03-12", order="dayfirst") == date(2026, 3, 12)
    with pytest.raises(ValueError, match=r"^'11/30/2026' is not a day-first date$"):
        parse_sheet_date("11/30/2026", order="dayfirst")


@pytest.mark.parametrize(
    ("text", "order"),
    [("30/11/2026", "dayfirst"), ("11/30/2026", "monthfirst"), ("03/12/2026", None),
     ("03/03/2026", None), ("2026-11-30", None), ("soon", None)],
)  # fmt: skip
def test_date_order_says_only_what_a_date_proves(text: str, order: str | None) -> None:
    assert date_order(text) == order


def test_due_followups_names_the_rows_and_column_of_ambiguous_dates() -> None:
    leads = pd.DataFrame(
        {"pi_name": list("abcd"), "contacted_on": ["30/11/2026", "03/12/2026", "", "04/05/2026"]}
    )
    with pytest.raises(AmbiguousDateError) as caught:
        due_followups(leads, today=TODAY)
    assert caught.value.message == (
        "contacted_on has dates that could be day-first or month-first: "
        "row 3: '03/12/2026'; row 5: '04/05/2026'"
    )
    assert caught.value.hint == (
        "Say which comes first (--dayfirst or --monthfirst; order= in Python), or write "
        "YYYY-MM-DD (row 2 '30/11/2026' is day-first)."
    )
    due = due_followups(leads, today=date(2026, 12, 31), order="dayfirst")
    assert due["contacted_date"].tolist() == [
        date(2026, 5, 4),
        date(2026, 11, 30),
        date(2026, 12, 3),
    ]
    with pytest.raises(DataFormatError, match=r"row 2: '30/11/2026' \(not month-first\)$"):
        due_followups(leads, today=TODAY, order="monthfirst")


def test_an_ambiguous_date_hint_shows_a_column_that_mixes_orders() -> None:
    leads = pd.DataFrame({"contacted_on": ["11/30/2026", "03/12/2026", "30/11/2026", "soon"]})
    with pytest.raises(DataFormatError) as caught:
        due_followups(leads, today=TODAY)
    assert not isinstance(caught.value, AmbiguousDateError)  # "soon" needs fixing, whatever order
    assert caught.value.message == (
        "contacted_on has values that are not dates: row 5: 'soon'; and dates that could be "
        "day-first or month-first: row 3: '03/12/2026'"
    )
    assert caught.value.hint is not None
    assert caught.value.hint.endswith(
        "(the column mixes both: row 2 '11/30/2026' is month-first; row 4 '30/11/2026' is "
        "day-first)."
    )


# --- counts ----------------------------------------------------------------------------------


def test_followup_counts_puts_every_lead_in_one_group(user_csv: Path) -> None:
    leads = read_leads(user_csv)
    counts = followup_counts(leads, days=7, today=TODAY)
    # due: Ana, Jian, Sharon; waiting: Kristin (4 days); followed up: Titus; answered: Hu
    # (replied) and Old Lead (an unknown status); not contacted: No Date.
    assert counts == FollowupCounts(
        due=3, waiting=1, followed_up=1, answered=2, not_contacted=1, days=7
    )
    assert counts.done == 3
    assert counts.due == len(due_followups(leads, days=7, today=TODAY))
    assert followup_counts(leads, days=3, today=TODAY).due == 4


def test_a_lead_with_follow_up_on_set_is_never_due_again() -> None:
    leads = pd.DataFrame(
        {
            "status": ["sent", "sent", ""],
            "contacted_on": ["2026-01-05", "2026-01-05", "2026-01-05"],
            "follow_up_on": ["2026-01-12", "  soon-ish ", ""],  # any text counts as done
        }
    )
    assert list(due_followups(leads, days=7, today=TODAY).index) == [2]
    assert followup_counts(leads, days=7, today=TODAY).followed_up == 2
