"""The writers never replace an existing file unless told to (``overwrite=True``)."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from reporter_finder import _files
from reporter_finder.errors import OutputExistsError, ReporterError
from reporter_finder.leads import export
from reporter_finder.leads.export import (
    FORMATS,
    partial_sidecar,
    write_leads,
    write_records,
    write_table,
)

OLD = b"rank,status\r\n1,contacted\r\n"  # a lead list holding the user's notes


def _table() -> pd.DataFrame:
    return pd.DataFrame({"core_project_num": ["R01HL1"], "relevance": [0.5]})


def _write(kind: str, dest: Path, **kwargs: Any) -> int:
    if kind == "leads":
        return write_leads(pd.DataFrame(), dest, "csv", **kwargs)
    if kind == "records":
        return write_records([{"appl_id": 1}], dest, **kwargs)
    return write_table(_table(), dest, "csv", **kwargs)


@pytest.mark.parametrize("kind", ["leads", "table", "records"])
def test_an_existing_file_is_refused_and_left_byte_for_byte(tmp_path: Path, kind: str) -> None:
    dest = tmp_path / "leads.csv"
    dest.write_bytes(OLD)
    with pytest.raises(OutputExistsError) as caught:
        _write(kind, dest)
    assert caught.value.path == str(dest)
    assert str(caught.value) == f"{dest} exists"
    assert caught.value.hint == "pass overwrite=True to replace it"
    assert dest.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leads.csv"]  # no temporary file


@pytest.mark.parametrize("kind", ["leads", "table", "records"])
def test_overwrite_true_replaces_it(tmp_path: Path, kind: str) -> None:
    dest = tmp_path / "out.csv"
    dest.write_bytes(OLD)
    assert _write(kind, dest, overwrite=True) in (0, 1)
    assert dest.read_bytes() != OLD


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_refuses(tmp_path: Path, fmt: str) -> None:
    dest = tmp_path / f"out.{fmt}"
    dest.write_bytes(OLD)
    with pytest.raises(OutputExistsError):
        write_table(_table(), dest, fmt)
    assert dest.read_bytes() == OLD


def test_a_new_file_needs_no_permission(tmp_path: Path) -> None:
    assert write_table(_table(), tmp_path / "new.csv", "csv") == 1


def test_stdout_is_never_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert write_table(_table(), "-", "csv") == 1
    assert "R01HL1" in capsys.readouterr().out


def test_a_refused_partial_write_leaves_the_sidecar_too(tmp_path: Path) -> None:
    dest = tmp_path / "leads.csv"
    dest.write_bytes(OLD)
    sidecar = partial_sidecar(dest)
    sidecar.write_text("leads.csv: PARTIAL RESULT: old\n", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        write_table(_table(), dest, "csv", partial="PARTIAL RESULT: new")
    with pytest.raises(OutputExistsError):
        write_table(_table(), dest, "csv")  # a whole result would remove the sidecar
    assert sidecar.read_text(encoding="utf-8") == "leads.csv: PARTIAL RESULT: old\n"


def test_a_replaced_file_takes_its_sidecar_along(tmp_path: Path) -> None:
    dest = tmp_path / "leads.csv"
    write_table(_table(), dest, "csv", partial="PARTIAL RESULT: records may be missing")
    assert partial_sidecar(dest).exists()
    write_table(_table(), dest, "csv", overwrite=True)  # a whole result now
    assert not partial_sidecar(dest).exists()


def test_a_file_that_appears_while_rendering_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "leads.csv"
    real = export._write_csv

    def slow(out: Any, *args: Any) -> None:
        dest.write_bytes(OLD)  # another program saved it meanwhile
        real(out, *args)

    monkeypatch.setattr(export, "_write_csv", slow)
    with pytest.raises(OutputExistsError):
        write_table(_table(), dest, "csv")
    assert dest.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leads.csv"]


def test_without_hard_links_it_still_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: Any) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    new = tmp_path / "new.csv"
    with _files.atomic_open(new, replace=False) as handle:
        handle.write("a\n")
    assert new.read_text(encoding="utf-8") == "a\n"
    with pytest.raises(FileExistsError), _files.atomic_open(new, replace=False) as handle:
        handle.write("b\n")
    assert new.read_text(encoding="utf-8") == "a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.csv"]


def test_the_error_is_a_file_exists_error_and_pickles() -> None:
    err = OutputExistsError("leads.csv exists", path="leads.csv", hint="h")
    assert isinstance(err, ReporterError)
    assert isinstance(err, FileExistsError)
    assert err.filename == "leads.csv"
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), again.path, again.hint, str(again)) == (
        OutputExistsError,
        "leads.csv",
        "h",
        "leads.csv exists",
    )
