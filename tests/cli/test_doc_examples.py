"""Every `search` and `grants` example of the README and docs/ returns leads on the stand-in.

The stand-in serves the evaluation corpus (320+ RePORTER-shaped records over 33+ specialties)
and the Common Fund fixture, so a documented example that finds nobody ("pulm/crit care",
"sports cardiology" once did) fails here. Examples that read a saved file (`--load`,
`--since`), the cache (`--offline`) or the network's PubMed are exercised elsewhere; their
output options (`-o FILE`, `> file`) are replaced by CSV on stdout.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import reporter_finder.api.transport as transport
from reporter_finder.cli import cli
from tests.conftest import load_fixture
from tests.standin import StandIn

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_COMMAND = re.compile(r"reporter-finder (search|grants) ([^\n`#|]*)")
_SKIP = ("--load", "--offline", "SPECIALTY", "[OPTIONS]", "--email", "--publications", "--since")


def _examples() -> list[tuple[str, list[str]]]:
    found: dict[str, list[str]] = {}
    for path in DOCS:
        text = path.read_text(encoding="utf-8").replace("\\\n", " ")
        for match in _COMMAND.finditer(text):
            line = match.group(0).strip()
            try:
                words = shlex.split(line.split(">")[0])
            except ValueError:  # an example cut by the markdown around it
                continue
            if len(words) < 3 or any(w in _SKIP for w in words):
                continue
            args, skip = [], False
            for word in words[1:]:
                if skip:
                    skip = False
                elif word in ("-o", "--output", "--format", "--top"):
                    skip = True
                else:
                    args.append(word)
            found.setdefault(" ".join(args), args)
    return sorted(found.items())


EXAMPLES = _examples()


@pytest.fixture(scope="module")
def server() -> Iterator[StandIn]:
    lines = (ROOT / "evaluation" / "data" / "records.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in lines.splitlines() if line.strip()]
    records += load_fixture("projects-common-fund.json")["results"]
    with StandIn(records) as standin:
        yield standin


@pytest.fixture(autouse=True)
def _no_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    real = transport.Throttle
    monkeypatch.setattr(transport, "Throttle", lambda interval, **kw: real(0.0, **kw))


def test_the_docs_have_examples() -> None:
    assert len(EXAMPLES) >= 10
    assert ["search", "sports cardiology"] in [args for _, args in EXAMPLES]


@pytest.mark.parametrize(("example", "args"), EXAMPLES, ids=[e for e, _ in EXAMPLES])
def test_a_documented_example_returns_leads(server: StandIn, example: str, args: list[str]) -> None:
    extra = ["--no-publications"] if args[0] == "search" else []
    result = CliRunner().invoke(
        cli, [*args, *extra, "--api-url", server.url, "--no-cache", "--format", "csv"]
    )
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) >= 2, f"{example}: no rows\n{result.stderr}"
