"""Every ``reporter-finder …`` command of the README and docs/ runs against the stand-ins.

The commands are those ``docs/list_doc_commands.py`` lists (the README tour and its
``# main job`` line are run by ``tests/test_docs.py``). Each runs in process (click's
``CliRunner``) in a fresh folder with its own cache, against the local RePORTER stand-in (the
evaluation corpus and the Common Fund fixture, with its publication links), the PubMed
stand-in and the ClinicalTrials.gov stand-in. A command that reads a file gets it from the
documented command before it in the same doc that writes it (``leads.csv``,
``cardiology.json``), else from the first documented command anywhere that does; three inputs
no documented command writes are provided: ``examples/reporter-snapshot.json`` (the bundled
snapshot), ``saved.json`` (the stand-in's corpus as one saved RePORTER answer) and, for
``followups``, the reader's edit of ``leads.csv`` (the first three leads contacted). An
``--offline`` command first runs the same command online, filling its cache.

A command shown with its output (``$ reporter-finder …`` followed by lines) must print them
(``...`` stands for anything on a line) and fails exactly when they end in ``Error: …``; any
other command must succeed, write the files it names, and a search or grants list must have
rows. Inline code that only names a command (``reporter-finder pi``, ``reporter-finder fetch
SPECIALTY --save FILE``) is a synopsis: its ``--help`` must run and name every placeholder.
Identical command lines (with the same inputs) run once per module.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shlex
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import reporter_finder.api.transport as transport
from reporter_finder.cli import cli
from tests.conftest import load_fixture, load_script
from tests.ctgov_standin import serve_ctgov
from tests.pubmed_standin import serve_pubmed
from tests.standin import StandIn

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = "examples/reporter-snapshot.json"
#: What "$NCBI_API_KEY" stands for in a documented command.
NCBI_API_KEY = "0123456789abcdef"
#: Options whose value is a file or folder the command writes.
_OUTPUT_OPTIONS = ("-o", "--output", "--save", "--out", ">")
_FILE = re.compile(r"[\w./-]+\.(csv|json|jsonl|xlsx|txt|eml)")
#: A placeholder word of a synopsis: SPECIALTY, FILE, PROFILE_ID_OR_NAME, [OPTIONS].
_PLACEHOLDER = re.compile(r"\[?[A-Z][A-Z_]+\]?(\.[a-z]+)?")


LISTING = load_script(ROOT / "docs" / "list_doc_commands.py")
ALL = LISTING.doc_commands()
COMMANDS = [c for c in ALL if c.test.startswith(LISTING.RUN_TEST)]


@dataclass
class Run:
    result: Result
    folder: Path


@dataclass
class Stand:
    env: dict[str, str]
    folder: Path
    runs: dict[tuple[str, ...], Run]


@pytest.fixture(scope="module")
def stand(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stand]:
    lines = (ROOT / "evaluation" / "data" / "records.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in lines.splitlines() if line.strip()]
    records += load_fixture("projects-common-fund.json")["results"]
    publications = load_fixture("publications-common-fund.json")["results"]
    folder = tmp_path_factory.mktemp("doc-commands")
    saved = {"meta": {"total": len(records)}, "results": records}
    (folder / "saved.json").write_text(json.dumps(saved), encoding="utf-8")
    with StandIn(records, publications) as reporter, serve_pubmed() as pubmed, serve_ctgov() as ct:
        env = {
            "REPORTER_FINDER_API_URL": reporter.url,
            "REPORTER_FINDER_EUTILS_URL": pubmed.base_url,
            "REPORTER_FINDER_CTGOV_URL": ct.base_url,
            "NCBI_API_KEY": NCBI_API_KEY,
            "REPORTER_FINDER_EMAIL": "",
            "COLUMNS": "80",
        }
        yield Stand(env, folder, {})


@pytest.fixture(autouse=True)
def _no_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    real = transport.Throttle
    monkeypatch.setattr(transport, "Throttle", lambda interval, **kw: real(0.0, **kw))


# --- reading a command line -------------------------------------------------------------


def _words(command: str) -> list[str]:
    words = shlex.split(command, comments=True)
    return [os.path.expandvars(w).replace("$NCBI_API_KEY", NCBI_API_KEY) for w in words]


def _outputs(words: list[str]) -> set[str]:
    found = set()
    for i, word in enumerate(words):
        name, _, value = word.partition("=")
        if value and name in _OUTPUT_OPTIONS:
            found.add(value)
        elif word in _OUTPUT_OPTIONS and i + 1 < len(words):
            found.add(words[i + 1].rstrip("/"))
    return found - {"-"}


def _inputs(words: list[str]) -> list[str]:
    outputs = _outputs(words)
    return [w for w in words if _FILE.fullmatch(w) and w not in outputs]


def _is_synopsis(words: list[str]) -> bool:
    """Inline code that names a command rather than runs it."""
    path = _command_path(words)
    rest = words[1 + len(path) :]
    return not rest or any(_PLACEHOLDER.fullmatch(w) for w in rest)


def _command_path(words: list[str]) -> list[str]:
    path, group = [], cli
    for word in words[1:]:
        commands = getattr(group, "commands", {})
        if word in commands:
            path.append(word)
            group = commands[word]
        elif not word.startswith("-"):
            break
    return path


# --- running one ------------------------------------------------------------------------


def _producer(command: Any, name: str) -> Any | None:
    """The documented command that writes ``name`` for ``command``: the last one before it in
    the same doc, else the first one anywhere."""
    writers = [c for c in COMMANDS if name in _outputs(_words(c.command))]
    same = [c for c in writers if c.file == command.file and c.line < command.line]
    return same[-1] if same else (writers[0] if writers else None)


def _contacted(leads: Path) -> None:
    """The reader's edit: the first three leads written to on 2 June 2025."""
    if leads.suffix != ".csv":
        return
    with leads.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows[:3]:
        row.update(status="contacted", contacted_on="2025-06-02")
    with leads.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def _prepare(stand: Stand, command: Any, words: list[str], folder: Path) -> None:
    for name in _inputs(words):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        producer = _producer(command, name)
        if producer is not None:
            made = _run(stand, producer)
            assert made.result.exit_code == 0, (producer.id, made.result.output)
            shutil.copy(made.folder / name, target)
            if words[1] == "followups":
                _contacted(target)
        elif name == SNAPSHOT:
            shutil.copy(ROOT / SNAPSHOT, target)
        elif name == "saved.json":
            shutil.copy(stand.folder / "saved.json", target)
        else:
            pytest.fail(f"{command.id}: no documented command writes {name}")


def _invoke(stand: Stand, args: list[str], folder: Path) -> Result:
    env = {**stand.env, "REPORTER_FINDER_CACHE_DIR": str(folder / ".cache")}
    stdout_to = None
    if ">" in args:
        stdout_to = args[args.index(">") + 1]
        args = args[: args.index(">")]
    path = _command_path(["reporter-finder", *args])
    command = cli.commands.get(path[0]) if path else None
    takes_format = command is not None and any("--format" in p.opts for p in command.params)
    if takes_format and stdout_to is None and not {"-o", "--output", "--format"} & set(args):
        args = [*args, "--format", "table"]  # what a terminal shows; CliRunner is not one
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner(env=env).invoke(cli, args, prog_name="reporter-finder")
    finally:
        os.chdir(cwd)
    if stdout_to is not None:
        (folder / stdout_to).write_text(result.stdout, encoding="utf-8")
    return result


def _run(stand: Stand, command: Any) -> Run:
    words = _words(command.command)
    key = (command.command, *(str(_producer(command, n)) for n in _inputs(words)))
    if key in stand.runs:
        return stand.runs[key]
    folder = Path(tempfile.mkdtemp(dir=stand.folder))  # a producer run may come first
    _prepare(stand, command, words, folder)
    if "--offline" in words:  # the same command online first: it fills the cache
        online = [w for w in words[1:] if w != "--offline"]
        assert _invoke(stand, online, folder).exit_code == 0
    stand.runs[key] = Run(_invoke(stand, words[1:], folder), folder)
    return stand.runs[key]


# --- the tests --------------------------------------------------------------------------


def test_the_docs_have_commands() -> None:
    assert len(COMMANDS) >= 80
    runs = {c.command for c in COMMANDS}
    assert 'reporter-finder search "sports cardiology"' in runs
    assert any("pulm/crit care" in c for c in runs)


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; ``...`` (with the spaces around it) stands for anything on that line."""
    if len(expected) != len(actual):
        return False
    for want, got in zip(expected, actual, strict=True):
        parts = [re.escape(part) for part in re.split(r"\s*\.\.\.\s*", want.rstrip())]
        if not re.fullmatch(".*".join(parts), got.rstrip()):
            return False
    return True


@pytest.mark.parametrize("command", COMMANDS, ids=[c.id for c in COMMANDS])
def test_a_documented_command_runs(stand: Stand, command: Any) -> None:
    words = _words(command.command)
    if not command.in_block and _is_synopsis(words):
        path = _command_path(words)
        result = CliRunner().invoke(cli, [*path, "--help"], prog_name="reporter-finder")
        assert result.exit_code == 0, result.output
        for word in words[1 + len(path) :]:
            assert word in result.output, f"{command.id}: --help does not mention {word}"
        return
    run = _run(stand, command)
    result, shown = run.result, command.output
    if isinstance(result.exception, Exception) and not isinstance(result.exception, SystemExit):
        raise result.exception
    where = f"{command.file}:{command.line}: {command.command}"
    if shown is not None:
        got = result.output.rstrip("\n").splitlines()
        assert _matches(list(shown), got), (
            f"{where}\n--- the doc shows:\n"
            + "\n".join(shown)
            + "\n--- it prints:\n"
            + "\n".join(got)
        )
        fails = any(line.startswith("Error: ") for line in shown)
        assert (result.exit_code != 0) == fails, (where, result.exit_code)
        return
    assert result.exit_code == 0, f"{where}\n{result.output}"
    for name in _outputs(words):
        assert (run.folder / name).exists(), f"{where}: wrote no {name}"
    if words[1] in ("search", "grants") and not _outputs(words):
        assert len(result.stdout.splitlines()) >= 2, f"{where}: no rows\n{result.stderr}"
