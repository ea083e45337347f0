"""The notebooks in notebooks/ and the snapshot in examples/ (issue #7).

The e2e tests execute each notebook with nbclient twice: offline from the shipped snapshot (the
default a newcomer gets) and with ``REPORTER_FINDER_SOURCE=api`` against the local RePORTER
stand-in. The kernel is pinned to this interpreter (a temporary kernelspec on
``$JUPYTER_PATH``), so a ``python3`` kernelspec elsewhere on the machine is never used. The other
tests are quick checks of what is committed: outputs stripped, notebooks in sync with their
generator, only the public API used, the snapshot in sync with its source fixture.
"""

from __future__ import annotations

import ast
import csv
import datetime
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

import reporter_finder
from reporter_finder.api.limits import INCLUDE_FIELDS
from reporter_finder.schema import LEAD_LIST_HEADER
from reporter_finder.tables.records import load_records
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXAMPLES = ROOT / "examples"
SNAPSHOT = EXAMPLES / "reporter-snapshot.json"
NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))
CELL_TIMEOUT = 120  # seconds per cell
#: Executed copies go here (git-ignored ``build/``), for CI to keep as artifacts; the
#: committed notebooks stay without outputs.
EXECUTED = ROOT / "build" / "notebooks"


def _load_script(path: Path) -> ModuleType:
    """Import a script that is not part of a package (the two generators)."""
    return load_script(path, f"_script_{path.stem}")


# --- what is committed --------------------------------------------------------------------


def test_there_are_two_notebooks() -> None:
    assert [p.name for p in NOTEBOOK_FILES] == ["01-quickstart.ipynb", "02-explore.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_outputs_are_stripped(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        assert cell.outputs == [], f"{path.name} cell {index} has outputs"
        assert cell.execution_count is None, f"{path.name} cell {index} has an execution count"
        assert "execution" not in cell.metadata, f"{path.name} cell {index} has timing metadata"


def test_notebooks_match_their_generator() -> None:
    build = _load_script(NOTEBOOKS / "build_notebooks.py")
    built = build.build()
    assert sorted(built) == [p.name for p in NOTEBOOK_FILES]
    for name, nb in built.items():
        on_disk = (NOTEBOOKS / name).read_text(encoding="utf-8")
        assert on_disk == build.render(nb), (
            f"{name} differs from notebooks/build_notebooks.py: run "
            "`python notebooks/build_notebooks.py` and commit both"
        )


def _code_cells(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_first_code_cell_holds_the_parameters(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert "parameters" in first.metadata.get("tags", [])
    for variable in (
        "REPORTER_FINDER_SNAPSHOT",
        "REPORTER_FINDER_SOURCE",
        "REPORTER_FINDER_API_URL",
    ):
        assert variable in first.source


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebooks_use_only_the_public_api(path: Path) -> None:
    public = set(reporter_finder.__all__)
    for source in _code_cells(path):
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reporter_"):
                assert node.module == "reporter_finder", f"{path.name}: from {node.module}"
                assert {a.name for a in node.names} <= public, f"{path.name}: private name"
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("reporter_finder.") for a in node.names)


def test_snapshot_is_the_fixture_cut_to_the_fields_the_tables_read() -> None:
    make = _load_script(EXAMPLES / "make_snapshot.py")
    shipped = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert shipped == make.make_snapshot(), "run `python examples/make_snapshot.py`"
    source = json.loads(make.SOURCE.read_text(encoding="utf-8"))
    assert shipped["meta"] == source["meta"]
    allowed = {make.snake(name) for name in INCLUDE_FIELDS}
    assert len(shipped["results"]) == len(source["results"]) > 100
    for kept, full in zip(shipped["results"], source["results"], strict=True):
        assert set(kept) <= allowed
        assert kept == {key: full[key] for key in kept}  # values unchanged
    assert len(load_records(SNAPSHOT)) == len(shipped["results"])


# --- running them ---------------------------------------------------------------------------


@pytest.fixture
def kernel_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reporter_server: Any
) -> dict[str, str]:
    """Environment for a kernel that runs this interpreter, away from the user's Jupyter."""
    spec_dir = tmp_path / "jupyter" / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (reporter_finder tests)",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("REPORTER_FINDER_OUTPUT_DIR", str(tmp_path / "output"))
    monkeypatch.setenv("REPORTER_FINDER_API_URL", reporter_server.url)
    monkeypatch.delenv("REPORTER_FINDER_SNAPSHOT", raising=False)  # the default path
    # REPORTER_FINDER_CACHE_DIR already points at a temporary directory (conftest).
    return dict(os.environ)


def _execute(path: Path, env: dict[str, str], copy: str) -> nbformat.NotebookNode:
    """Run ``path`` top to bottom; the executed notebook is also written to
    ``build/notebooks/<stem>-<copy>.ipynb``, failed or not."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},  # the kernel's working directory
    )
    try:
        client.execute(env=env)  # raises CellExecutionError if a cell fails
    finally:
        EXECUTED.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, EXECUTED / f"{path.stem}-{copy}.ipynb")
    return nb


def _listing(folder: Path) -> dict[str, int] | None:
    """Every file below ``folder`` with its modification time, or None if it does not exist."""
    if not folder.exists():
        return None
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*")}


def _outputs(nb: nbformat.NotebookNode) -> list[Any]:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]


def _stdout(nb: nbformat.NotebookNode) -> str:
    return "".join(o.text for o in _outputs(nb) if o.output_type == "stream" and o.name == "stdout")


@pytest.mark.e2e
@pytest.mark.parametrize("source", ["snapshot", "api"])
@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_runs(
    path: Path,
    source: str,
    kernel_env: dict[str, str],
    reporter_server: Any,
    tmp_path: Path,
) -> None:
    # A user's own (git-ignored) notebooks/output/ may exist: the run must add nothing to it.
    before = _listing(NOTEBOOKS / "output")
    nb = _execute(path, {**kernel_env, "REPORTER_FINDER_SOURCE": source}, source)

    outputs = _outputs(nb)
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, f"the notebook wrote to stderr (a warning?): {stderr}"
    searches = [r for r in reporter_server.requests if r.path.endswith("/projects/search")]
    # Live data is judged on today's date; the snapshot on the day its records fit.
    as_of = datetime.date(2025, 6, 1) if source == "snapshot" else datetime.date.today()
    assert f"'Active' and 'months left' are judged on {as_of}." in _stdout(nb)
    if source == "snapshot":
        assert f"Offline: {len(load_records(SNAPSHOT))} RePORTER records" in _stdout(nb)
        assert reporter_server.requests == []  # offline means offline
    else:
        assert f"RePORTER API at {reporter_server.url}" in _stdout(nb)
        specialties = 1 if path.name.startswith("01") else 3
        # One request per specialty (a page holds every stand-in record); at most one more
        # each, so the 1 s politeness interval keeps the run short.
        assert specialties <= len(searches) <= 2 * specialties
        assert all(r.body["criteria"]["fiscal_years"] for r in searches)

    images = [o for o in outputs if "image/png" in o.get("data", {})]
    if path.name.startswith("01"):
        assert len(images) >= 2  # funding and months left; leads by state
        styled = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
        assert any("<style" in html and "active_funding" in html for html in styled)
        (lead_file,) = (tmp_path / "output").glob("leads-*.csv")
        with lead_file.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert tuple(rows[0]) == LEAD_LIST_HEADER
        assert len(rows) >= 2
        assert rows[1][0] == "1"  # rank 1 first
    else:
        assert len(images) >= 5  # funding, states, mechanisms, timeline, overlap
    # REPORTER_FINDER_OUTPUT_DIR was honoured: nothing was written beside the notebooks.
    assert _listing(NOTEBOOKS / "output") == before


@pytest.mark.e2e
@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_a_cache_miss_stops_with_one_line(path: Path, kernel_env: dict[str, str]) -> None:
    """``REPORTER_FINDER_SOURCE=cache`` with nothing cached (the test's cache is empty)."""
    with pytest.raises(CellExecutionError):
        _execute(path, {**kernel_env, "REPORTER_FINDER_SOURCE": "cache"}, "cache-miss")
    nb = nbformat.read(EXECUTED / f"{path.stem}-cache-miss.ipynb", as_version=4)
    (error,) = [o for o in _outputs(nb) if o.output_type == "error"]
    assert len(error.traceback) == 1, error.traceback  # one line, no traceback
    (line,) = error.traceback
    assert line.startswith("Stopped: Offline mode: this RePORTER request is not in the cache")
    assert line.endswith("run the notebook once with REPORTER_FINDER_SOURCE=api to fill the cache")
