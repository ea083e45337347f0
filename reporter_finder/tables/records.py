"""Reading saved RePORTER JSON: the one loader behind ``--load`` and ``load_records``.

RePORTER responses get saved in many shapes (one envelope, a list of pages, the bare results
list, JSON Lines, with or without a BOM); all of them come back as one list of project records.
A file of anything else (publication links, some other JSON) is refused with a
:class:`~reporter_finder.errors.DataFormatError` rather than built into empty tables.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reporter_finder.errors import DataFormatError

__all__ = ["load_records"]

_PROJECT_KEYS = frozenset(
    {
        "appl_id", "project_num", "core_project_num", "project_title", "fiscal_year",
        "principal_investigators", "contact_pi_name", "abstract_text", "organization",
    }
)  # fmt: skip
_PUBLICATION_KEYS = frozenset({"coreproject", "pmid", "applid"})


def _results_of(obj: Any, where: str) -> list[Any]:
    """The records of one parsed JSON value: an envelope, a page list or a results list."""
    if isinstance(obj, Mapping):
        if "results" in obj:
            results = obj["results"]
            if not isinstance(results, list):
                raise DataFormatError(
                    f"{where}: 'results' is a {type(results).__name__}, not a list"
                )
            return results
        return [obj]  # a single record (JSON Lines of records)
    if isinstance(obj, list):
        if obj and all(isinstance(item, Mapping) and "results" in item for item in obj):
            return [rec for page in obj for rec in _results_of(page, where)]
        return obj
    raise DataFormatError(f"{where}: expected a JSON object or array, found {type(obj).__name__}")


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Project records from a saved RePORTER JSON file.

    Accepts a results list, a full ``{"meta", "results"}`` envelope, a list of envelopes
    (saved pages), or JSON Lines (one record or one envelope per line). UTF-8 with or without
    BOM, LF or CRLF.

    Raises:
        DataFormatError: the file is not valid JSON, or holds something other than
            ``projects/search`` records (e.g. ``publications/search`` output).
        OSError: the file cannot be read.
    """
    file = Path(path)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataFormatError(f"{file}: not UTF-8 text ({err.reason})") from err
    if not text.strip():
        raise DataFormatError(f"{file}: the file is empty")
    try:
        parsed: list[Any] = [json.loads(text)]
    except json.JSONDecodeError as err:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            parsed = [json.loads(line) for line in lines]
        except json.JSONDecodeError:
            raise DataFormatError(
                f"{file}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})",
                hint="save the API response as returned, or one JSON record per line",
            ) from err
        if len(parsed) < 2:  # one bad line: report the original error
            raise DataFormatError(f"{file}: not valid JSON ({err.msg})") from err
    records: list[Any] = []
    for obj in parsed:
        records.extend(_results_of(obj, str(file)))
    _check_project_records(records, file)
    return [dict(rec) for rec in records]


def _check_project_records(records: list[Any], file: Path) -> None:
    """Refuse anything but project records; name publications/search output, a common mix-up."""
    for index, rec in enumerate(records):
        if not isinstance(rec, Mapping):
            raise DataFormatError(
                f"{file}: item {index} is a {type(rec).__name__}, not a project record"
            )
        keys = set(rec)
        if keys & _PUBLICATION_KEYS and not keys & _PROJECT_KEYS:
            raise DataFormatError(
                f"{file}: these are publications/search records (coreproject/pmid/applid), "
                "not projects",
                hint="load the projects/search response instead",
            )
        if not keys & _PROJECT_KEYS:
            raise DataFormatError(
                f"{file}: item {index} has none of the RePORTER project fields "
                f"({', '.join(sorted(_PROJECT_KEYS))})"
            )
