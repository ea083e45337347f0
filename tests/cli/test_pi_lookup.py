"""``pi NAME`` and ``draft NAME``: the right person, from a broad query resolved locally (#15 §1).

End to end against the RePORTER stand-in (tests/standin.py), which ignores ``pi_names``: it
answers every record, so the lookup is shown to pick the person out of many on its own.
"""

from __future__ import annotations

import copy
import csv
import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from reporter_finder.cli import cli
from tests.conftest import load_fixture

FIXTURES = Path(__file__).parent.parent / "fixtures"
COMMON_FUND = str(FIXTURES / "projects-common-fund.json")
APPLICANT = ("--name", "Ana Rivera", "--background", "an internal medicine graduate from Peru")

#: "profile id | first | middle | last | title | organization | fiscal year" of synthetic PIs.
SYNTHETIC = [
    "70000001|GREGORY|A|AARONS|PROFESSOR|UNIVERSITY OF CALIFORNIA, SAN DIEGO|2024",
    "70000002|GIULIO||TONONI|PROFESSOR|UNIVERSITY OF WISCONSIN-MADISON|2023",
    "70000003|DEBRA||HAIRE-JOSHU|PROFESSOR|WASHINGTON UNIVERSITY|2024",
    "70000004|SUSAN||ZOLLA-PAZNER|PROFESSOR|ICAHN SCHOOL OF MEDICINE AT MOUNT SINAI|2022",
    "70000005|ANA|M|RIVERA|ASSOCIATE PROFESSOR|UNIVERSITY OF PUERTO RICO|2024",
    "70000006|LUIS||RIVERA||BAYLOR COLLEGE OF MEDICINE|2021",
]


def _record(template: dict[str, Any], line: str) -> dict[str, Any]:
    """A copy of ``template`` with the one PI of ``line`` (see :data:`SYNTHETIC`)."""
    profile_id, first, middle, last, title, org, year = line.split("|")
    appl_id = int(profile_id) + 20_000_000
    core = f"R01MH{appl_id % 1_000_000:06d}"
    person = {
        "profile_id": int(profile_id),
        "first_name": first,
        "middle_name": middle,
        "last_name": last,
        "is_contact_pi": True,
        "full_name": " ".join(f"{first} {middle} {last}".split()),
        "title": title,
    }
    record = copy.deepcopy(template)
    record.update(
        appl_id=appl_id,
        fiscal_year=int(year),
        project_num=f"5{core}-02",
        core_project_num=core,
        subproject_id=None,
        contact_pi_name=f"{last}, {first} {middle}".strip(),
        principal_investigators=[person],
        project_detail_url=f"https://reporter.nih.gov/project-details/{appl_id}",
    )
    record["organization"] = {**record["organization"], "org_name": org}
    return record


def _records(*extra: str) -> list[dict[str, Any]]:
    common = load_fixture("projects-common-fund.json")["results"]
    return common + [_record(common[0], line) for line in (*SYNTHETIC, *extra)]


@pytest.fixture
def server(reporter_server: Any) -> Any:
    """The stand-in with the Common Fund records plus the synthetic PIs above."""
    reporter_server.set_records(_records())
    return reporter_server


def run(*args: str, **kwargs: Any) -> Result:
    return CliRunner().invoke(cli, list(args), **kwargs)


def pi(server: Any, who: str, *args: str, **kwargs: Any) -> Result:
    return run("pi", who, "--api-url", server.url, "--no-cache", "--no-publications", "--no-trials",
               *args,
               **kwargs)  # fmt: skip


def profile_ids(result: Result) -> set[str]:
    return {row["profile_id"] for row in csv.DictReader(io.StringIO(result.stdout))}


@pytest.mark.parametrize(
    ("who", "profile_id"),
    [
        ("G. Aarons", "70000001"),
        ("Aarons, G", "70000001"),
        ("GA Aarons", "70000001"),
        ("gregory aarons", "70000001"),
        ("Tononi, G", "70000002"),
        ("Titus Brown", "8406715"),  # RePORTER: "C. Titus BROWN"
        ("Debra Haire Joshu", "70000003"),  # RePORTER: "HAIRE-JOSHU"
        ("Debra Hairejoshu", "70000003"),
        ("Zolla-Pazner, Susan", "70000004"),
        ("SUSAN ZOLLA PAZNER", "70000004"),
        ("Ana Rivera", "70000005"),
        ("Rivera, Luis", "70000006"),
        ("Avi Ma'ayan", "7869507"),
    ],
)
def test_pi_finds_the_person_however_the_name_is_typed(
    server: Any, who: str, profile_id: str
) -> None:
    result = pi(server, who)
    assert result.exit_code == 0, result.stderr
    assert profile_ids(result) == {profile_id}
    assert result.stderr == ""


def test_pi_asks_for_a_compound_surname_broadly_in_one_request(server: Any) -> None:
    result = pi(server, "Debra Haire Joshu")
    assert result.exit_code == 0, result.stderr
    bodies = server.bodies("projects/search")
    assert {str(body["criteria"]["pi_names"]) for body in bodies} == {
        str(bodies[0]["criteria"]["pi_names"])
    }  # every page asks the same: one query of ORed names
    last_names = [c["last_name"] for c in bodies[0]["criteria"]["pi_names"]]
    assert {"HAIRE", "JOSHU", "HAIREJOSHU", "HAIRE-JOSHU"} <= set(last_names)
    assert not [n for n in last_names if "*" in n.rstrip("*")]  # trailing wildcards only
    assert all(set(c) == {"last_name"} for c in bodies[0]["criteria"]["pi_names"])


def test_pi_names_everyone_who_shares_a_bare_last_name(server: Any, tmp_path: Path) -> None:
    out = tmp_path / "rivera.csv"
    result = pi(server, "Rivera", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Several PIs match 'Rivera':",
        "  1. Ana M Rivera — Associate Professor, UNIVERSITY OF PUERTO RICO "
        "(profile id 70000005, latest fiscal year 2024)",
        "  2. Luis Rivera — title not given, BAYLOR COLLEGE OF MEDICINE "
        "(profile id 70000006, latest fiscal year 2021)",
        "Error: 2 PIs match 'Rivera' — rerun with one of the profile ids above",
    ]
    assert result.stdout == ""
    assert not out.exists()


def test_pi_lists_at_most_ten_candidates(reporter_server: Any, tmp_path: Path) -> None:
    okafors = [
        f"{71_000_000 + i}|PERSON{chr(65 + i)}||OKAFOR||SOME UNIVERSITY|2024" for i in range(12)
    ]
    reporter_server.set_records(_records(*okafors))
    result = pi(reporter_server, "Okafor")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "Several PIs match 'Okafor':"
    assert [line.split(".")[0] for line in lines[1:11]] == [f"  {i}" for i in range(1, 11)]
    assert lines[11] == "  … and 2 more: add a first name or an initial"
    assert lines[12] == "Error: 12 PIs match 'Okafor' — rerun with one of the profile ids above"
    assert result.stdout == ""


def test_pi_asks_which_one_on_a_terminal(server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reporter_finder.cli.terminal._stdin_is_terminal", lambda: True)
    result = pi(server, "rivera", input="2\n")
    assert result.exit_code == 0, result.stderr
    assert "Which one" in result.stderr
    assert profile_ids(result) == {"70000006"}


@pytest.mark.parametrize(
    ("who", "closest"),
    [
        # Near spellings of other surnames: shown as close names, never taken for the person.
        ("Jie Lian", "  1. Jie Liang — Professor of Bioengineering, UNIVERSITY OF ILLINOIS AT "
                     "CHICAGO (profile id 6626092, latest fiscal year 2023)"),
        ("Gregory Aaron", "  1. Gregory A Aarons — Professor, UNIVERSITY OF CALIFORNIA, SAN "
                          "DIEGO (profile id 70000001, latest fiscal year 2024)"),
    ],
)  # fmt: skip
def test_pi_with_no_match_shows_the_closest_names_and_writes_nothing(
    server: Any, tmp_path: Path, who: str, closest: str
) -> None:
    out = tmp_path / "pi.json"
    result = pi(server, who, "-o", str(out))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"Closest names to {who!r}:"
    assert lines[1] == closest
    assert lines[-1] == (
        f"Error: no PI matches {who!r} — check the spelling, try 'Last, First', or give the "
        "RePORTER profile id"
    )
    assert result.stdout == ""
    assert not out.exists()


def test_pi_with_nothing_close_says_so_in_one_line(server: Any) -> None:
    result = pi(server, "Nobody Atall")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: no PI matches 'Nobody Atall' — check the spelling, try 'Last, First', or give "
        "the RePORTER profile id"
    ]


# --- draft NAME -------------------------------------------------------------------------------


def test_draft_by_name_drafts_to_the_one_pi_who_matches() -> None:
    result = run("draft", "Titus Brown", *APPLICANT, "--load", COMMON_FUND)
    assert result.exit_code == 0, result.stderr
    assert "Dear Dr. Brown," in result.stdout


def test_draft_by_a_shared_name_lists_the_candidates_and_drafts_nothing(tmp_path: Path) -> None:
    out = tmp_path / "draft.eml"
    result = run("draft", "Chen", *APPLICANT, "--load", COMMON_FUND, "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Several PIs match 'Chen':",
        "  1. Jake Yue Chen — Professor of Biomedical Informatics, UNIVERSITY OF ALABAMA AT "
        "BIRMINGHAM (profile id 8592482, latest fiscal year 2025)",
        "  2. Wenan Chen — title not given, MAYO CLINIC ROCHESTER "
        "(profile id 10874773, latest fiscal year 2025)",
        "Error: 2 PIs match 'Chen' — rerun with one of the profile ids above",
    ]
    assert result.stdout == ""
    assert not out.exists()


def test_draft_by_a_name_that_matches_nobody_fails() -> None:
    result = run("draft", "Jie Lian", *APPLICANT, "--load", COMMON_FUND)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "Closest names to 'Jie Lian':"
    assert result.stdout == ""


def test_draft_by_name_over_the_network_asks_by_last_name(server: Any) -> None:
    result = run("draft", "Zolla-Pazner, Susan", *APPLICANT, "--api-url", server.url,
                 "--no-cache", "--no-publications")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Dear Dr. Zolla-Pazner," in result.stdout
    names = server.bodies("projects/search")[0]["criteria"]["pi_names"]
    assert {"last_name": "ZOLLA-PAZNER"} in names
    assert {"last_name": "PAZNER*"} in names
