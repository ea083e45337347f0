"""The public surface: a small, lazy, documented set of names."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import reporter_finder


def test_every_public_name_resolves_to_its_defining_module() -> None:
    for name, module in reporter_finder._EXPORTS.items():
        value = getattr(reporter_finder, name)
        assert value is getattr(importlib.import_module(f"reporter_finder.{module}"), name)


def test_the_surface_stays_small() -> None:
    # 30 until issue #17 added the third service: ClinicalTrialsClient and trials_for_leads
    # are the peers of PubMedClient and publications_for_leads.
    assert len(reporter_finder._EXPORTS) <= 32


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        reporter_finder.nope  # noqa: B018


def test_import_does_not_load_pandas_or_requests() -> None:
    code = "import sys, reporter_finder; print('pandas' in sys.modules, 'requests' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
