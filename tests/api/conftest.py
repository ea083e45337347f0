"""Fixtures shared by the api tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import responses
from responses import registries


@pytest.fixture
def mocked() -> Iterator[responses.RequestsMock]:
    """A responses mock that serves registered answers in order and wants all of them used."""
    with responses.RequestsMock(registry=registries.OrderedRegistry) as rsps:
        yield rsps
