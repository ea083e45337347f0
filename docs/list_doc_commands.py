"""Every ``reporter-finder …`` command shown in README.md and docs/*.md, and the test that runs it.

    python docs/list_doc_commands.py     # file:line  command  →  test id

A command is a line of a code block that starts with ``reporter-finder`` (after a ``$ ``
prompt; ``\\`` continuation lines joined), the ``reporter-finder …`` part of the README's
``# main job`` line, or inline code that starts with ``reporter-finder``. The lines after a
``$ `` command in a code block, up to the next ``$ ``, are its output.

``tests/test_docs.py`` and ``tests/cli/test_doc_examples.py`` take their commands from
:func:`doc_commands`, so this list is exactly what the tests run: the README tour's ``$``
lines by the tour test, the ``# main job`` line by the main-job test, every other command by
``test_doc_examples.py``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOC_FILES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

TOUR_TEST = "tests/test_docs.py::test_readme_tour_prints_what_the_readme_shows"
MAIN_JOB_TEST = "tests/test_docs.py::test_readme_main_job_prints_a_ranked_list_from_the_api"
RUN_TEST = "tests/cli/test_doc_examples.py::test_a_documented_command_runs"

_FENCE = re.compile(r"^```(\w*)\s*$")
_COMMENT = re.compile(r"\s+#\s.*$")  # a shell comment after the command


@dataclass(frozen=True)
class DocCommand:
    """One command as a doc shows it."""

    file: str  #: relative to the repository, e.g. "docs/cli.md"
    line: int  #: 1-based line where the command starts
    command: str  #: "reporter-finder …", continuation lines joined, comment dropped
    in_block: bool  #: in a code block (a complete command line), not inline code
    output: tuple[str, ...] | None  #: the lines shown after a "$ " command, else None
    main_job: bool = False  #: the README's "# main job" line (it installs the package)
    ordinal: int = 1  #: 2, 3 … for a second command on the same line

    @property
    def id(self) -> str:
        """The pytest id: ``cli.md:91``, ``README.md:178-2`` for the second on a line."""
        base = f"{Path(self.file).name}:{self.line}"
        return base if self.ordinal == 1 else f"{base}-{self.ordinal}"

    @property
    def test(self) -> str:
        """The test that runs this command."""
        if self.main_job:
            return MAIN_JOB_TEST
        if self.file == "README.md" and self.output is not None:
            return TOUR_TEST
        return f"{RUN_TEST}[{self.id}]"


def _code_lines(lines: list[str]) -> Iterator[tuple[int, str, int]]:
    """(0-based index of the opening fence, language, index of the closing fence) per block."""
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        start = i
        i += 1
        while i < len(lines) and lines[i].rstrip() != "```":
            i += 1
        yield start, match.group(1), i
        i += 1


def _block_commands(file: str, lines: list[str], start: int, end: int) -> list[DocCommand]:
    body = lines[start + 1 : end]
    prompted = any(line.startswith("$ ") for line in body)
    found: list[DocCommand] = []
    i = 0
    while i < len(body):
        first = i
        text = body[i].strip()
        while text.endswith("\\") and i + 1 < len(body):
            i += 1
            text = text[:-1].rstrip() + " " + body[i].strip()
        i += 1
        main_job = text.endswith("# main job") and "&& reporter-finder " in text
        if main_job:
            text = text[text.index("reporter-finder ") :]
        prompt = text.startswith("$ ")
        text = text.removeprefix("$ ")
        if not (text.startswith("reporter-finder ") or text == "reporter-finder"):
            continue
        output = None
        if prompted and prompt:
            shown = []
            while i < len(body) and not body[i].startswith("$ "):
                shown.append(body[i])
                i += 1
            output = tuple(shown)
        command = _COMMENT.sub("", text).strip()
        found.append(DocCommand(file, start + 2 + first, command, True, output, main_job))
    return found


def commands_in(path: Path) -> list[DocCommand]:
    """The commands of one Markdown file, in order."""
    file = path.relative_to(REPO).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[DocCommand] = []
    prose = list(lines)
    for start, lang, end in _code_lines(lines):
        if lang in ("bash", "console", "text", ""):
            found.extend(_block_commands(file, lines, start, end))
        for k in range(start, min(end + 1, len(lines))):
            prose[k] = ""
    text = "\n".join(prose)
    ordinals: dict[int, int] = {}
    for match in re.finditer(r"`(reporter-finder(?:\s[^`]*)?)`", text):
        number = text.count("\n", 0, match.start()) + 1
        ordinals[number] = ordinals.get(number, 0) + 1
        command = " ".join(match.group(1).split())  # inline code may wrap
        found.append(DocCommand(file, number, command, False, None, False, ordinals[number]))
    return sorted(found, key=lambda c: (c.line, c.ordinal))


def doc_commands() -> list[DocCommand]:
    """Every command of README.md and docs/*.md, file by file, in order."""
    return [command for path in DOC_FILES for command in commands_in(path)]


def main() -> None:
    for command in doc_commands():
        sys.stdout.write(f"{command.file}:{command.line}  {command.command}  →  {command.test}\n")


if __name__ == "__main__":
    main()
