"""The ClinicalTrials.gov stand-in (tests/ctgov_standin.py) over real sockets with plain
``requests``: it answers as the v2 API does where the client depends on it, and each fault
switch serves the fault it promises."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from tests.ctgov_standin import CtgovStandin, load_studies, parse_expression, words

pytestmark = pytest.mark.e2e

ALL = "AREA[SecondaryId]R01DC011020 OR AREA[SecondaryId]P60DK020579"


def get(standin: CtgovStandin, path: str = "/studies", **params: str) -> requests.Response:
    return requests.get(f"{standin.base_url}{path}", params=params, timeout=5)


def ncts(body: dict[str, Any]) -> list[str]:
    return [s["protocolSection"]["identificationModule"]["nctId"] for s in body["studies"]]


def test_it_serves_the_fifteen_fixture_studies() -> None:
    studies = load_studies()
    assert len(studies) == 15
    assert len({s["protocolSection"]["identificationModule"]["nctId"] for s in studies}) == 15


def test_expressions_are_or_of_and() -> None:
    assert parse_expression(
        'AREA[SecondaryId]a AND AREA[OverallOfficialName]"b c" OR AREA[SecondaryId]d'
    ) == [
        [("SecondaryId", "a"), ("OverallOfficialName", "b c")],
        [("SecondaryId", "d")],
    ]
    for bad in ("", "AREA[SecondaryId]a OR", "R01", "AREA[Phase]NA", "AREA[SecondaryId](a OR b)"):
        with pytest.raises(ValueError):  # noqa: PT011 - the message is the server's text
            parse_expression(bad)


def test_words_fold_case_and_accents_and_split_at_punctuation() -> None:
    assert words("5R01HL123456-03") == ["5r01hl123456", "03"]
    assert words("Pérez de Prado, M.D.") == ["perez", "de", "prado", "m", "d"]


def test_atoms_match_adjacent_words_of_one_value(ctgov_server: CtgovStandin) -> None:
    body = get(ctgov_server, **{"filter.advanced": ALL}).json()
    assert sorted(ncts(body)) == ["NCT00763412", "NCT05594173"]
    steele = 'AREA[OverallOfficialName]"Catriona Steele"'
    assert ncts(get(ctgov_server, **{"query.term": steele}).json()) == []  # "M" in between
    one = 'AREA[OverallOfficialName]"Steele" AND AREA[OverallOfficialName]Catriona'
    assert ncts(get(ctgov_server, **{"query.term": one}).json()) == ["NCT05594173"]


def test_unknown_parameters_and_areas_are_plain_text_400s(ctgov_server: CtgovStandin) -> None:
    reply = get(ctgov_server, **{"filter.phase": "PHASE2"})
    assert (reply.status_code, reply.headers["Content-Type"]) == (400, "text/plain")
    assert reply.text == "`filter.phase` is unknown parameter"
    reply = get(ctgov_server, **{"filter.advanced": "AREA[Nope]x"})
    assert reply.status_code == 400
    assert reply.text == "Error parsing query in advanced filter: Unknown area name: Nope"


def test_pages_carry_a_token_and_the_count_only_first(ctgov_server: CtgovStandin) -> None:
    params = {"filter.advanced": ALL, "pageSize": "1", "fields": "NCTId"}
    first = get(ctgov_server, **params, countTotal="true").json()
    assert (first["totalCount"], len(first["studies"])) == (2, 1)
    second = get(ctgov_server, **params, pageToken=first["nextPageToken"]).json()
    assert "totalCount" not in second
    assert "nextPageToken" not in second
    assert ncts(first) + ncts(second) == ["NCT00763412", "NCT05594173"]
    # A token is bound to the query it was issued for.
    other = get(ctgov_server, pageSize="1", pageToken=first["nextPageToken"])
    assert other.status_code == 400


def test_page_size_defaults_to_10_and_is_capped_at_1000(ctgov_server: CtgovStandin) -> None:
    assert len(get(ctgov_server).json()["studies"]) == 10
    assert len(get(ctgov_server, pageSize="5000").json()["studies"]) == 15


def test_one_study_or_a_plain_text_404(ctgov_server: CtgovStandin) -> None:
    assert get(ctgov_server, "/studies/NCT00763412").json()["hasResults"] is True
    missing = get(ctgov_server, "/studies/NCT09999999")
    assert (missing.status_code, missing.text) == (404, "NCT number NCT09999999 not found")


def test_fail_next_sends_status_body_and_retry_after(ctgov_server: CtgovStandin) -> None:
    ctgov_server.fail_next(429, "slow down", retry_after=3, times=2)
    for _ in range(2):
        reply = get(ctgov_server)
        assert (reply.status_code, reply.text, reply.headers["Retry-After"]) == (
            429,
            "slow down",
            "3",
        )
    assert get(ctgov_server).status_code == 200


def test_drop_between_pages_shifts_the_next_page(ctgov_server: CtgovStandin) -> None:
    ctgov_server.drop_between_pages()
    params = {"pageSize": "5"}
    first = get(ctgov_server, **params, countTotal="true").json()
    second = get(ctgov_server, **params, pageToken=first["nextPageToken"]).json()
    assert first["totalCount"] == 15
    assert len(ctgov_server.studies) == 14
    # The sixth study moved to the fifth place, which page two no longer covers.
    full = [s["protocolSection"]["identificationModule"]["nctId"] for s in load_studies()]
    assert ncts(second) == full[6:11]
