"""Global options (``--api-url``, ``--offline``, ``--cache-dir``, ``-v``/``-q``) before or after
the command name, and which one wins: after > before > environment variable > default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from reporter_finder.cli import cli
from reporter_finder.cli.settings import global_options
from tests.conftest import closed_port

BROWN = "8406715"  # a PI of the Common Fund records the stand-in serves
ONE_PI = ("pi", BROWN, "--no-publications")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env)


def dead_url() -> str:
    return f"http://127.0.0.1:{closed_port()}/v2"


def _searches(server: Any) -> int:
    return sum(r.path.endswith("/projects/search") for r in server.requests)


@pytest.mark.parametrize("where", ["before", "after"])
def test_api_url_before_or_after_the_command(
    reporter_server: Any, tmp_path: Path, where: str
) -> None:
    option = ("--api-url", reporter_server.url, "--cache-dir", str(tmp_path))
    args = (*option, *ONE_PI) if where == "before" else (*ONE_PI, *option)
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert _searches(reporter_server) >= 1


@pytest.mark.parametrize(
    ("before", "after", "env", "wins"),
    [
        ("dead", "server", None, "after beats before"),
        ("server", None, "dead", "before beats the environment"),
        (None, "server", "dead", "after beats the environment"),
        (None, None, "server", "the environment beats the default"),
    ],
    ids=lambda v: v if isinstance(v, str) and " " in v else "",
)
def test_which_api_url_wins(
    reporter_server: Any, before: str | None, after: str | None, env: str | None, wins: str
) -> None:
    urls = {"server": reporter_server.url, "dead": dead_url(), None: None}
    args = [
        *(["--api-url", urls[before]] if before else []),
        *ONE_PI,
        "--no-cache",
        "--retries",
        "0",
        *(["--api-url", urls[after]] if after else []),
    ]
    result = run(*args, env={"REPORTER_FINDER_API_URL": urls[env]} if env else None)
    assert result.exit_code == 0, (wins, result.stderr)
    assert _searches(reporter_server) >= 1


def test_offline_before_the_command_means_offline(reporter_server: Any) -> None:
    result = run("--offline", *ONE_PI, "--api-url", reporter_server.url)
    assert result.exit_code == 1
    assert "not in the cache" in result.stderr
    assert reporter_server.requests == []


def test_offline_before_and_refresh_after_contradict() -> None:
    result = run("--offline", *ONE_PI, "--refresh")
    assert result.exit_code == 2
    assert "--offline and --refresh cannot be combined" in result.stderr


def _cache_path(result: Result) -> Path:
    assert result.exit_code == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("path: "))
    return Path(line.removeprefix("path: "))


@pytest.mark.parametrize(
    ("args", "env", "folder"),
    [
        (["--cache-dir", "a", "cache", "info"], None, "a"),
        (["cache", "info", "--cache-dir", "b"], None, "b"),
        (["--cache-dir", "a", "cache", "info", "--cache-dir", "b"], None, "b"),
        (["--cache-dir", "a", "cache", "info"], "e", "a"),
        (["cache", "info"], "e", "e"),
    ],
)
def test_which_cache_dir_wins(
    tmp_path: Path, args: list[str], env: str | None, folder: str
) -> None:
    args = [str(tmp_path / a) if a in ("a", "b") else a for a in args]
    environment = {"REPORTER_FINDER_CACHE_DIR": str(tmp_path / env)} if env else None
    assert _cache_path(run(*args, env=environment)).parent == tmp_path / folder


def test_cache_dir_holds_the_answers_a_later_offline_run_reads(
    reporter_server: Any, tmp_path: Path
) -> None:
    folder = str(tmp_path / "my-cache")
    first = run("--cache-dir", folder, *ONE_PI, "--api-url", reporter_server.url)
    assert first.exit_code == 0, first.stderr
    asked = len(reporter_server.requests)
    again = run(*ONE_PI, "--offline", "--cache-dir", folder, "--api-url", reporter_server.url)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout
    assert len(reporter_server.requests) == asked  # answered from my-cache/
    elsewhere = run("--offline", *ONE_PI, "--api-url", reporter_server.url)
    assert elsewhere.exit_code == 1  # the default cache never saw it


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_before_or_after_the_command(reporter_server: Any, where: str) -> None:
    args = ("-v", *ONE_PI) if where == "before" else (*ONE_PI, "-v")
    result = run(*args, "--api-url", reporter_server.url, "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert "DEBUG" in result.stderr


def _group_options() -> dict[str, click.Parameter]:
    @global_options
    def probe(**_: Any) -> None:
        """Only collects the decorators' options."""

    return {p.name: p for p in click.command()(probe).params if p.name}


def test_the_group_declares_every_global_option() -> None:
    declared = {p.name for p in cli.params}
    assert set(_group_options()) <= declared


def _commands(group: click.Group) -> list[click.Command]:
    found: list[click.Command] = []
    for command in group.commands.values():
        found.extend(_commands(command) if isinstance(command, click.Group) else [command])
    return found


@pytest.mark.parametrize("command", _commands(cli), ids=lambda c: c.name)
def test_a_command_declares_a_global_option_as_the_group_does(command: click.Command) -> None:
    """The same flags and variable after the command name as before it."""
    reference = _group_options()
    for param in command.params:
        if param.name in reference:
            group = reference[param.name]
            assert (param.opts, param.envvar) == (group.opts, group.envvar), param.name
