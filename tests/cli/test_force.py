"""``--force``: no command replaces an existing file without it, and none does any work first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from reporter_finder.cli import cli, error_message
from reporter_finder.errors import OutputExistsError

FIXTURES = Path(__file__).parent.parent / "fixtures"
COMMON_FUND = str(FIXTURES / "projects-common-fund.json")
BROWN = "8406715"  # C. Titus Brown: two grants in the fixture
#: A port nothing listens on: a command that tried the network would fail differently.
DEAD_API = "http://127.0.0.1:9/v2"
OLD = b"rank,status,notes\r\n1,contacted,wrote on Monday\r\n"

#: Each command that writes one file, with FILE where its output file goes.
WRITERS: dict[str, list[str]] = {
    "search": ["search", "oncology", "--api-url", DEAD_API, "-o", "FILE"],
    "search --load": ["search", "oncology", "--load", COMMON_FUND, "-o", "FILE"],
    "grants": ["grants", "oncology", "--api-url", DEAD_API, "-o", "FILE"],
    "pi": ["pi", BROWN, "--api-url", DEAD_API, "-o", "FILE"],
    "specialties": ["specialties", "-o", "FILE"],
    "fetch": ["fetch", "oncology", "--api-url", DEAD_API, "--save", "FILE"],
    "draft": ["draft", BROWN, "--name", "Ana Rivera", "--background", "a graduate",
              "--api-url", DEAD_API, "-o", "FILE"],
}  # fmt: skip


def run(args: list[str], path: Path, *extra: str) -> Result:
    """Invoke ``args`` with FILE replaced by ``path``; never the cache (it is not the test's)."""
    words = [str(path) if word == "FILE" else word for word in [*args, *extra]]
    networked = "--api-url" in words
    return CliRunner().invoke(cli, [*words, "--no-cache"] if networked else words)


@pytest.mark.parametrize("name", WRITERS)
def test_an_existing_file_stops_the_command_before_any_work(tmp_path: Path, name: str) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(OLD)
    result = run(WRITERS[name], path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"Error: {path} exists — pass --force to replace it\n"
    assert path.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_the_partial_mark_beside_it_is_untouched_too(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    path.write_bytes(OLD)
    sidecar = tmp_path / "leads.csv.partial.txt"
    sidecar.write_text("leads.csv: PARTIAL RESULT: …\n", encoding="utf-8")
    result = run(WRITERS["search --load"], path)
    assert result.exit_code == 2
    assert path.read_bytes() == OLD
    assert sidecar.read_text(encoding="utf-8") == "leads.csv: PARTIAL RESULT: …\n"


@pytest.mark.parametrize("name", ["search --load", "specialties"])
def test_force_replaces_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(OLD)
    result = run(WRITERS[name], path, "--force")
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() != OLD
    assert path.read_text(encoding="utf-8").startswith(("rank,score,pi_name", "key,"))


@pytest.mark.parametrize("name", ["fetch", "pi", "draft"])
def test_force_lets_a_networked_command_go_on(tmp_path: Path, name: str) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(OLD)
    result = run(WRITERS[name], path, "--force")
    assert result.exit_code == 1  # past the check, it tries the (dead) API
    assert "exists" not in result.stderr
    assert path.read_bytes() == OLD  # a failed command replaces nothing


def test_a_new_file_needs_no_force(tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    result = run(WRITERS["search --load"], path)
    assert result.exit_code == 0, result.stderr
    assert path.exists()


def test_stdout_needs_no_force() -> None:
    result = CliRunner().invoke(cli, ["specialties", "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.startswith("key,")


def test_a_file_that_appears_during_the_work_is_reported_the_same_way(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "leads.csv"
    import reporter_finder.leads.export as export

    real: Any = export.write_leads

    def late(*args: Any, **kwargs: Any) -> int:
        path.write_bytes(OLD)  # saved by another program while the search ran
        return int(real(*args, **kwargs))

    monkeypatch.setattr(export, "write_leads", late)
    result = run(WRITERS["search --load"], path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {path} exists — pass --force to replace it\n",
    )
    assert path.read_bytes() == OLD


def test_error_message_of_a_refused_overwrite() -> None:
    err = OutputExistsError("leads.csv exists", path="leads.csv", hint="pass overwrite=True")
    assert error_message(err) == ("leads.csv exists — pass --force to replace it", 2)


@pytest.mark.parametrize("command", ["search", "grants", "pi", "specialties", "followups",
                                     "fetch", "draft"])  # fmt: skip
def test_every_file_writing_command_documents_force(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert "--force" in result.stdout
    assert "Replace output files that exist." in result.stdout
