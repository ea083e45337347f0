"""reporter_finder.tables.records: load_records on every saved shape, and what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reporter_finder.errors import DataFormatError
from reporter_finder.tables.records import load_records
from tests.conftest import FIXTURES, load_fixture


def test_load_records_reads_an_envelope_a_results_list_and_crlf() -> None:
    assert len(load_records(FIXTURES / "projects-common-fund.json")) == 155
    assert len(load_records(FIXTURES / "projects-abstract-subset.json")) == 5
    crlf = load_records(str(FIXTURES / "projects-field-subset-crlf.json"))
    assert [r["appl_id"] for r in crlf] == [11317667, 11279309, 11320025]


def test_load_records_reads_saved_pages_jsonl_and_a_bom(tmp_path: Path) -> None:
    envelope = load_fixture("projects-common-fund.json")
    pages = [
        {"meta": envelope["meta"], "results": envelope["results"][:100]},
        {"meta": envelope["meta"], "results": envelope["results"][100:]},
    ]
    (tmp_path / "pages.json").write_text(json.dumps(pages), encoding="utf-8")
    assert len(load_records(tmp_path / "pages.json")) == 155
    lines = "\r\n".join(json.dumps(r) for r in envelope["results"][:3])
    (tmp_path / "records.jsonl").write_text(lines, encoding="utf-8-sig")
    assert [r["appl_id"] for r in load_records(tmp_path / "records.jsonl")] == [
        r["appl_id"] for r in envelope["results"][:3]
    ]
    (tmp_path / "empty.json").write_text('{"meta": {"total": 0}, "results": []}', encoding="utf-8")
    assert load_records(tmp_path / "empty.json") == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"results": [', "not valid JSON"),
        ("", "empty"),
        ('[{"name": "x", "age": 3}]', "none of the RePORTER project fields"),
        ("42", "expected a JSON object or array"),
        ("[1, 2]", "not a project record"),
        ('{"meta": {}, "results": {"appl_id": 1}}', "not a list"),
    ],
)
def test_load_records_rejects_what_is_not_reporter_json(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFormatError, match=message):
        load_records(path)


@pytest.mark.parametrize("name", ["publications-common-fund.json", "publications-limit1.json"])
def test_load_records_rejects_publication_envelopes(name: str) -> None:
    with pytest.raises(DataFormatError, match="publications/search"):
        load_records(FIXTURES / name)


def test_load_records_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'[{"project_title": "Caf\xe9"}]')
    with pytest.raises(DataFormatError, match="not UTF-8"):
        load_records(path)
