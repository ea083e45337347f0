"""The README and docs/ say only true things (in the spirit of sqlite-utils' documentation tests).

* README.md: the two newcomer commands (CI runs the ``# tests`` line verbatim), the offline
  tour (each ``$ reporter-finder …`` line is run against the bundled snapshot and must print
  what the README shows), every command named, every link resolves.
* docs/cli.md: the help screens are what ``docs/make_cli_md.py`` generates today; every
  lead-list column and exit code is explained.
* docs/library.md: exactly the public names of ``reporter_finder.__all__``, and every
  ``python`` block runs (one namespace per file, in order, in a temporary directory) and
  prints the ``text`` block that follows it.
* Everywhere: every ``reporter-finder …`` command that ``docs/list_doc_commands.py`` lists
  parses with the real command line, and names a test that runs it (the tour and the main job
  here, every other one in ``tests/cli/test_doc_examples.py``).
"""

from __future__ import annotations

import csv
import inspect
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import redirect_stdout
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import click
import pandas as pd
import pytest
from click.testing import CliRunner

import reporter_finder
from reporter_finder import CacheSettings, lead_list, load_lexicon
from reporter_finder.cli import cli
from tests.conftest import load_script

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
DOCS = REPO / "docs"
DOC_FILES = [README, *sorted(DOCS.glob("*.md"))]
#: Doc files whose ``python`` blocks are executed.
PYTHON_DOCS = [DOCS / "library.md", DOCS / "ranking.md", DOCS / "data.md"]
SNAPSHOT = REPO / "examples" / "reporter-snapshot.json"
#: The README tour's tables are shown as a terminal this wide prints them.
TOUR_COLUMNS = 80


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def readme() -> str:
    return _text(README)


# --- markdown helpers -------------------------------------------------------------------


@dataclass
class Block:
    lang: str
    body: str
    line: int  # 1-based line of the opening fence
    end: int  # 1-based line of the closing fence


def _blocks(text: str) -> list[Block]:
    blocks, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        match = re.match(r"^```(\w*)\s*$", lines[i])
        if not match:
            i += 1
            continue
        start = i
        i += 1
        body = []
        while i < len(lines) and lines[i].rstrip() != "```":
            body.append(lines[i])
            i += 1
        blocks.append(Block(match.group(1), "\n".join(body), start + 1, i + 1))
        i += 1
    return blocks


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = heading.strip().lower().replace("`", "")
    text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return text.replace(" ", "-")


def _anchors(text: str) -> set[str]:
    found: set[str] = set()
    in_code = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("#"):
            found.add(_slug(line.lstrip("#")))
    return found


# --- README: the two newcomer commands --------------------------------------------------


def _tagged_line(readme: str, tag: str) -> str:
    lines = [line for line in readme.splitlines() if line.rstrip().endswith(f"# {tag}")]
    assert len(lines) == 1, f"README needs exactly one command line tagged '# {tag}'"
    return re.sub(rf"\s*# {tag}\s*$", "", lines[0])


@pytest.mark.parametrize("tag", ["main job", "tests"])
def test_newcomer_commands_start_from_a_fresh_virtual_environment(readme: str, tag: str) -> None:
    command = _tagged_line(readme, tag)
    assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")


def test_ci_runs_exactly_the_readme_test_command(readme: str) -> None:
    # .ci/run extracts its command from the README; run that same extraction and compare.
    ci = _text(REPO / ".ci" / "run")
    extraction = re.search(r"^test_cmd=\$\((.*)\)$", ci, re.MULTILINE)
    assert extraction, ".ci/run no longer extracts the README's test command"
    found = subprocess.run(
        ["bash", "-c", extraction.group(1)], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == _tagged_line(readme, "tests")
    assert found.endswith("&& python -m pytest")
    assert 'bash -euo pipefail -c "$test_cmd"' in ci


def _executable() -> str:
    beside = Path(sys.executable).with_name("reporter-finder")
    found = str(beside) if beside.exists() else shutil.which("reporter-finder")
    assert found, "the reporter-finder executable is not installed"
    return found


@pytest.mark.e2e
def test_readme_main_job_prints_a_ranked_list_from_the_api(
    readme: str, reporter_server: Any, pubmed_server: Any
) -> None:
    args = shlex.split(_tagged_line(readme, "main job").split("&& ")[-1])
    assert args[0] == "reporter-finder"
    result = subprocess.run(
        [_executable(), *args[1:]],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "REPORTER_FINDER_API_URL": reporter_server.url},
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))  # not a terminal: CSV on stdout
    assert rows, result.stderr
    assert [row["rank"] for row in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert all(row["why"] for row in rows)
    assert len(reporter_server.requests) >= 1


def test_readme_is_short_and_has_no_machine_paths(readme: str) -> None:
    assert len(readme.splitlines()) <= 250
    for path in DOC_FILES:
        assert "/work/" not in _text(path), path


def test_readme_numbers_are_true(readme: str) -> None:
    assert "keeps\nthe answers for a week" in readme
    assert CacheSettings().expire_after == timedelta(days=7)
    assert "at most one request a second" in readme
    min_interval = inspect.signature(reporter_finder.ReporterClient).parameters["min_interval"]
    assert min_interval.default == 1.0
    assert f"here, {TOUR_COLUMNS} columns" in readme


def _lines(path: Path) -> int:
    return sum(1 for line in _text(path).splitlines() if line.strip())


_NUMBERS = {"eight": 8}


def test_the_counts_in_the_docs_are_true() -> None:
    commands = re.search(r"`reporter-finder` has (\w+) commands", _text(DOCS / "cli.md"))
    assert commands, "docs/cli.md no longer counts the commands"
    assert _NUMBERS[commands.group(1)] == len(cli.commands)
    names = re.search(r"the public surface \((\d+) names\)", _text(DOCS / "architecture.md"))
    assert names, "docs/architecture.md no longer counts the public names"
    assert int(names.group(1)) == len(set(reporter_finder.__all__) - {"__version__"})
    data = REPO / "evaluation" / "data"
    sizes = re.search(r"\((\d+) queries, (\d+) records;", _text(DOCS / "ranking.md"))
    assert sizes, "docs/ranking.md no longer gives the evaluation's size"
    assert int(sizes.group(1)) == _lines(data / "queries.jsonl")
    assert int(sizes.group(2)) == _lines(data / "records.jsonl")


def test_readme_names_the_last_four_columns(readme: str) -> None:
    last = _lead_columns()[-4:]
    shown = "The last four columns\n(" + ", ".join(f"`{c}`" for c in last) + ")"
    assert shown in readme


# --- README: the offline tour -----------------------------------------------------------


@dataclass
class Step:
    command: str
    expected: list[str]
    line: int


def _tour(readme: str) -> Iterator[Step | dict[str, dict[str, str]]]:
    """The README's console blocks as steps, with the reader's edit of leads.csv in between
    (the Markdown table whose header starts ``| rank | status | contacted_on |``)."""
    lines = readme.splitlines()
    blocks = {b.line: b for b in _blocks(readme)}
    i = 0
    while i < len(lines):
        if lines[i].startswith("| rank | status |"):
            header = [c.strip() for c in lines[i].strip("|").split("|")]
            edits: dict[str, dict[str, str]] = {}
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip("|").split("|")]
                edits[cells[0]] = dict(zip(header[1:], cells[1:], strict=True))
                i += 1
            yield edits
            continue
        block = blocks.get(i + 1)
        if block and block.lang == "console":
            yield from _steps(block)
            i += block.body.count("\n") + 3
            continue
        i += 1


def _steps(block: Block) -> Iterator[Step]:
    lines = block.body.splitlines()
    i = 0
    while i < len(lines):
        assert lines[i].startswith("$ "), f"README line {block.line + 1 + i}: expected '$ '"
        start = block.line + 1 + i
        command = lines[i][2:]
        while command.endswith("\\"):
            i += 1
            command = command[:-1] + " " + lines[i].strip()
        i += 1
        expected = []
        while i < len(lines) and not lines[i].startswith("$ "):
            expected.append(lines[i])
            i += 1
        yield Step(command, expected, start)


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; ``...`` (with the spaces around it) stands for anything on that line."""
    if len(expected) != len(actual):
        return False
    for want, got in zip(expected, actual, strict=True):
        parts = [re.escape(part) for part in re.split(r"\s*\.\.\.\s*", want.rstrip())]
        if not re.fullmatch(".*".join(parts), got.rstrip()):
            return False
    return True


def _edit_leads(path: Path, edits: dict[str, dict[str, str]]) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    for row in rows:
        row.update(edits.get(row["rank"], {}))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def _takes_format(args: list[str]) -> bool:
    command = cli.commands[args[0]]
    return any("--format" in param.opts for param in command.params)


def test_readme_tour_prints_what_the_readme_shows(
    readme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "examples").mkdir()
    shutil.copy(SNAPSHOT, tmp_path / "examples" / SNAPSHOT.name)
    monkeypatch.chdir(tmp_path)
    # A dead API URL: the tour must make no request.
    monkeypatch.setenv("REPORTER_FINDER_API_URL", "http://127.0.0.1:9/v2")
    runner = CliRunner(env={"COLUMNS": str(TOUR_COLUMNS)})
    steps = list(_tour(readme))
    assert sum(isinstance(s, Step) for s in steps) >= 5, "the README tour has gone"
    for step in steps:
        if isinstance(step, dict):
            _edit_leads(tmp_path / "leads.csv", step)
            continue
        words = shlex.split(step.command)
        if words[0] == "cat":
            actual = (tmp_path / words[1]).read_text(encoding="utf-8")
        else:
            assert words[0] == "reporter-finder", step.command
            args = words[1:]
            if _takes_format(args) and not {"-o", "--output", "--format"} & set(args):
                args += ["--format", "table"]  # what a terminal shows; CliRunner is not one
            result = runner.invoke(cli, args, prog_name="reporter-finder", catch_exceptions=False)
            assert result.exit_code == 0, (step.command, result.output)
            actual = result.output  # stdout and stderr, interleaved as in a terminal
        got = actual.rstrip("\n").splitlines()
        assert _matches(step.expected, got), (
            f"README line {step.line}: {step.command}\n--- README shows:\n"
            + "\n".join(step.expected)
            + "\n--- it prints:\n"
            + "\n".join(got)
        )
    # The README quotes the best lead's "why" from leads.csv.
    with (tmp_path / "leads.csv").open(encoding="utf-8", newline="") as f:
        why = next(csv.DictReader(f))["why"]
    assert why in " ".join(readme.split()), why


# --- commands: named, documented, parseable ---------------------------------------------


def _command_paths(group: click.Group, prefix: str = "") -> list[str]:
    paths = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix}{name}"
        paths.append(path)
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, prefix=f"{path} "))
    return paths


@pytest.mark.parametrize("command", _command_paths(cli))
def test_every_command_is_named_in_the_readme_and_documented(readme: str, command: str) -> None:
    short = command.split()[-1]
    assert f"reporter-finder {command}" in readme or f"`{short}`" in readme
    assert f"<!-- [[[help reporter-finder {command}]]] -->" in _text(DOCS / "cli.md")


def _dry_parse(line: str) -> None:
    """Parse ``line`` as the CLI would, without running anything."""
    words = shlex.split(line, comments=True)
    for stop in (">", "|", "&&", ";"):
        if stop in words:
            words = words[: words.index(stop)]
    group: click.Command = cli
    ctx: click.Context | None = None
    name, args = "reporter-finder", words[1:]
    while True:
        try:
            if isinstance(group, click.Group):
                # Options of the group itself (-v, -q) may come before the command name.
                position = next((k for k, w in enumerate(args) if w in group.commands), None)
                if position is None:
                    unknown = [w for w in args if not w.startswith("-")]
                    if unknown:
                        raise click.UsageError(f"No such command {unknown[0]!r}.")
                    group.make_context(name, args, parent=ctx).close()
                    return
                # The command name keeps a no_args_is_help group from printing its help.
                ctx = group.make_context(name, args[: position + 1], parent=ctx)
                name, args = args[position], args[position + 1 :]
                group = group.commands[name]
                continue
            group.make_context(name, args, parent=ctx).close()
            return
        except click.exceptions.Exit as exit_:  # --help, --version
            if exit_.exit_code != 0:
                raise
            return


def _listing() -> Any:
    """docs/list_doc_commands.py: the one extraction of the documented commands."""
    return load_script(DOCS / "list_doc_commands.py")


LISTING = _listing()
DOC_COMMANDS = LISTING.doc_commands()


def _all_shown_commands() -> list[Any]:
    return [pytest.param(c.command, c.in_block, id=c.id) for c in DOC_COMMANDS]


def test_the_listing_reads_every_doc_file() -> None:
    assert DOC_FILES == LISTING.DOC_FILES


def test_every_documented_command_names_a_test_that_runs_it(readme: str) -> None:
    tour = [c for c in DOC_COMMANDS if c.test == LISTING.TOUR_TEST]
    steps = [s for s in _tour(readme) if isinstance(s, Step) and s.command.startswith("reporter")]
    assert [(c.line, c.command) for c in tour] == [
        (s.line, " ".join(s.command.split())) for s in steps
    ]
    assert all(c.output is not None for c in tour)
    (main_job,) = [c for c in DOC_COMMANDS if c.test == LISTING.MAIN_JOB_TEST]
    assert main_job.command == _tagged_line(readme, "main job").split("&& ")[-1]
    for name in (LISTING.TOUR_TEST, LISTING.MAIN_JOB_TEST):
        assert callable(globals()[name.rpartition("::")[2]])
    others = [c for c in DOC_COMMANDS if c not in tour and c is not main_job]
    assert all(c.test == f"{LISTING.RUN_TEST}[{c.id}]" for c in others)
    assert len({c.id for c in DOC_COMMANDS}) == len(DOC_COMMANDS)


def _make_paths_exist(line: str) -> None:
    """Create the files and folders a command line names (options such as ``--load`` and
    ``--from`` check that their file exists), empty, in the current directory."""
    for word in shlex.split(line, comments=True):
        value = word.partition("=")[2] or word
        if value.endswith("/") and not value.startswith(("/", "-")):
            Path(value).mkdir(parents=True, exist_ok=True)
        elif re.fullmatch(r"[\w./-]+\.(csv|json|jsonl|xlsx|txt|eml)", value):
            Path(value).parent.mkdir(parents=True, exist_ok=True)
            Path(value).touch()


@pytest.mark.parametrize(("line", "complete"), _all_shown_commands())
def test_every_command_line_shown_parses(
    line: str, complete: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _make_paths_exist(line)
    try:
        _dry_parse(line)
    except (click.MissingParameter, click.exceptions.NoArgsIsHelpError):
        # Inline code may just name a command ("`reporter-finder pi`"); a line in a code
        # block must be complete.
        if complete:
            raise
    except click.UsageError as err:
        pytest.fail(f"{line}\n{err.format_message()}")


# --- docs/cli.md ------------------------------------------------------------------------


def _make_cli_md() -> Any:
    return load_script(DOCS / "make_cli_md.py")


def test_cli_md_help_screens_are_current() -> None:
    current = _text(DOCS / "cli.md")
    assert _make_cli_md().render(current) == current, "run: python docs/make_cli_md.py"


def _lead_columns() -> list[str]:
    return list(lead_list(pd.DataFrame()).columns)


@pytest.fixture(scope="module")
def cli_md() -> str:
    return _text(DOCS / "cli.md")


@pytest.mark.parametrize("column", _lead_columns())
def test_every_lead_column_is_explained(cli_md: str, column: str) -> None:
    # A row of the lead-list table: | `column` | meaning |
    assert re.search(rf"^\|\s*`{re.escape(column)}`\s*\|\s*\S", cli_md, re.MULTILINE), column


def test_lead_columns_are_listed_in_order(cli_md: str) -> None:
    columns = _lead_columns()
    rows = re.findall(r"^\|\s*`(\w+)`\s*\|", cli_md, re.MULTILINE)
    listed = [row for row in rows if row in columns]
    start = listed.index("rank")
    assert listed[start : start + len(columns)] == columns


@pytest.mark.parametrize("code", ["0", "1", "2", "130"])
def test_exit_codes_are_documented(cli_md: str, code: str) -> None:
    assert re.search(rf"^\|\s*{code}\s*\|", cli_md, re.MULTILINE)


# --- links ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: p.name)
def test_relative_links_resolve(path: Path) -> None:
    text = _text(path)
    prose = re.sub(r"^```.*?^```", "", text, flags=re.DOTALL | re.MULTILINE)
    for target in re.findall(r"\]\(([^)\s]+)\)", prose):
        if re.match(r"https?://", target):
            continue
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        assert linked.exists(), f"{path.name}: broken link {target}"
        if anchor and linked.suffix == ".md":
            assert anchor in _anchors(_text(linked)), f"{path.name}: no heading for {target}"


# --- docs/library.md and the other Python examples --------------------------------------


def test_library_md_documents_exactly_the_public_names() -> None:
    text = _text(DOCS / "library.md")
    headed = set()
    for heading in re.findall(r"^###\s+(.*)$", text, re.MULTILINE):
        headed.update(re.findall(r"`(\w+)`", heading))
    public = set(reporter_finder.__all__) - {"__version__"}
    assert headed == public
    imported = set()
    for block in _blocks(text):
        if block.lang == "python":
            for names in re.findall(r"^from reporter_finder import (.+)$", block.body, re.M):
                imported.update(n.strip() for n in names.split(","))
    assert public <= imported, f"no example imports {sorted(public - imported)}"


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: p.name)
def test_examples_import_only_the_public_api(path: Path) -> None:
    for block in _blocks(_text(path)):
        if block.lang == "python":
            assert not re.search(r"^\s*(from|import) reporter_finder\.", block.body, re.M), (
                f"{path.name} line {block.line}: import from `reporter_finder`, not its modules"
            )


def _absolute_paths(code: str) -> str:
    """Point the repository-relative data paths of an example at this checkout."""
    return re.sub(
        r"""(["'])(examples/|tests/fixtures/)""", lambda m: f"{m.group(1)}{REPO}/{m.group(2)}", code
    )


@pytest.mark.parametrize("path", PYTHON_DOCS, ids=lambda p: p.name)
def test_python_examples_run_and_print_what_is_shown(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    blocks = _blocks(_text(path))
    namespace: dict[str, Any] = {"__name__": f"docs_{path.stem}"}
    for index, block in enumerate(blocks):
        if block.lang != "python":
            continue
        out = io.StringIO()
        with redirect_stdout(out):
            exec(
                compile(_absolute_paths(block.body), f"{path.name}:{block.line}", "exec"), namespace
            )
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following and following.lang == "text" and following.line == block.end + 2:
            # The text block right after a python block is its output.
            got = [line.rstrip() for line in out.getvalue().rstrip("\n").splitlines()]
            want = [line.rstrip() for line in following.body.splitlines()]
            assert _matches(want, got), (
                f"{path.name} line {block.line}\n--- shown:\n"
                + "\n".join(want)
                + "\n--- printed:\n"
                + "\n".join(got)
            )


# --- docs/ranking.md: the vocabulary tables match the packaged vocabulary ---------------


def _table_keys(text: str, section: str) -> list[str]:
    part = text.split(section, 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    return re.findall(r"^\|\s*`(\w+)`\s*\|", part, re.MULTILINE)


def test_ranking_md_lists_every_specialty_and_skill() -> None:
    text = _text(DOCS / "ranking.md")
    lexicon = load_lexicon()
    assert _table_keys(text, "### The specialties") == list(lexicon.specialties)
    assert _table_keys(text, "### Skills") == list(lexicon.skills)


def test_ranking_md_prior_weights_are_the_defaults() -> None:
    rows = re.findall(r"^\|\s*`prior_(\w+)`\s*\|\s*([\d.]+)\s*\|", _text(DOCS / "ranking.md"), re.M)
    assert len(rows) >= 7
    weights = reporter_finder.RankWeights()
    field = {"trial": "recruiting_trial"}  # prior_trial's weight has the longer, clearer name
    assert {name: float(value) for name, value in rows} == {
        name: getattr(weights, field.get(name, name)) for name, _ in rows
    }
