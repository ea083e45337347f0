"""Regenerate the ``--help`` screens in docs/cli.md from the click commands themselves.

docs/cli.md is hand-written prose with one generated block per command (in the spirit of
cog, which sqlite-utils uses for its CLI reference). A block is everything between

    <!-- [[[help reporter-finder search]]] -->
    <!-- [[[end]]] -->

and is replaced by that command's ``--help``, rendered at a fixed width so that the text does
not depend on the terminal. Everything outside the blocks is kept as it is.

    python docs/make_cli_md.py           # rewrite docs/cli.md
    python docs/make_cli_md.py --check   # exit 1 if docs/cli.md is stale

``tests/test_docs.py`` fails when the file differs from what this script would write, and when
a command has no block (or a block names a command that does not exist).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from reporter_finder.cli import cli

CLI_MD = Path(__file__).resolve().parent / "cli.md"
PROG = "reporter-finder"
#: Help is wrapped at this width whatever the terminal, so the generated text is stable.
WIDTH = 80

_BLOCK = re.compile(
    r"(?P<open><!-- \[\[\[help (?P<command>[^\]]+)\]\]\] -->\n)"
    r"(?P<body>.*?)"
    r"(?P<close><!-- \[\[\[end\]\]\] -->)",
    re.DOTALL,
)


def command_paths(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path below ``group``: ``()`` for the group itself, ``("cache", "info")``…"""
    paths = [prefix]
    for name in sorted(group.commands):
        command = group.commands[name]
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, (*prefix, name)))
        else:
            paths.append((*prefix, name))
    return paths


def help_text(path: tuple[str, ...]) -> str:
    """The ``--help`` screen of one command, as ``reporter-finder … --help`` prints it."""
    runner = CliRunner(env={"COLUMNS": str(WIDTH)})
    result = runner.invoke(
        cli, [*path, "--help"], prog_name=PROG, terminal_width=WIDTH, catch_exceptions=False
    )
    if result.exit_code != 0:
        raise RuntimeError(f"{PROG} {' '.join(path)} --help exited with {result.exit_code}")
    return result.stdout


def render(text: str) -> str:
    """``text`` (the current docs/cli.md) with every help block regenerated.

    Raises:
        ValueError: a command has no block, or a block names no command.
    """
    wanted = {" ".join((PROG, *path)) for path in command_paths()}
    found = [m.group("command").strip() for m in _BLOCK.finditer(text)]
    unknown = sorted(set(found) - wanted)
    missing = sorted(wanted - set(found))
    if unknown or missing:
        raise ValueError(
            f"docs/cli.md help blocks out of step with the CLI: no such command {unknown}, "
            f"no block for {missing}"
        )

    def block(match: re.Match[str]) -> str:
        path = tuple(match.group("command").split()[1:])
        body = "```text\n" + help_text(path).rstrip() + "\n```\n"
        return match.group("open") + body + match.group("close")

    return _BLOCK.sub(block, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/cli.md is stale")
    args = parser.parse_args(argv)
    current = CLI_MD.read_text(encoding="utf-8")
    fresh = render(current)
    if args.check:
        if fresh != current:
            sys.stderr.write(f"{CLI_MD} is stale: run python docs/make_cli_md.py\n")
            return 1
        return 0
    if fresh != current:
        CLI_MD.write_text(fresh, encoding="utf-8")
        sys.stderr.write(f"rewrote {CLI_MD}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
