"""schema.py: the track vocabulary's check, shared by ranking and the search facade."""

from __future__ import annotations

import pytest

from reporter_finder.errors import QueryError
from reporter_finder.vocabularies import TRACKS, normalise_track


@pytest.mark.parametrize(
    ("typed", "expected"), [("Clinical ", "clinical"), ("", "any"), (None, "any")]
)
def test_normalise_track_reads_what_a_user_types(typed: str | None, expected: str) -> None:
    assert normalise_track(typed) == expected
    assert expected in TRACKS


def test_unknown_track_is_a_query_error_naming_the_choices() -> None:
    with pytest.raises(QueryError, match=r"track must be one of clinical, postdoc, any, not 'lab'"):
        normalise_track("lab")
