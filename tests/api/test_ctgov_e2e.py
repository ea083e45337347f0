"""ClinicalTrialsClient end to end over sockets against the ClinicalTrials.gov stand-in
(tests/ctgov_standin.py): the real v2 samples plus edited copies of them."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from reporter_finder.api.cache import CacheSettings
from reporter_finder.api.ctgov import ClinicalTrialsClient
from reporter_finder.errors import IncompleteResultError, OfflineCacheMissError, QueryError
from tests.ctgov_standin import CtgovStandin, nct_id
from tests.fakeclock import FakeClock

pytestmark = pytest.mark.e2e


def copy_of(standin: CtgovStandin, source: str, nct: str, *, ids: Sequence[str] = (),
            officials: Sequence[str] = ()) -> dict[str, Any]:  # fmt: skip
    """A copy of a served real study under another NCT id, with other ids or officials."""
    study = copy.deepcopy(next(s for s in standin.studies if nct_id(s) == source))
    protocol = study["protocolSection"]
    protocol["identificationModule"]["nctId"] = nct
    if ids:
        protocol["identificationModule"]["secondaryIdInfos"] = [
            {"id": i, "type": "NIH"} for i in ids
        ]
    if officials:
        protocol["contactsLocationsModule"]["overallOfficials"] = [
            {"name": n, "affiliation": "Somewhere", "role": "PRINCIPAL_INVESTIGATOR"}
            for n in officials
        ]
    standin.add_study(study)
    return study


def client(standin: CtgovStandin, fake: FakeClock, **kwargs: Any) -> ClinicalTrialsClient:
    kwargs.setdefault("cache", CacheSettings(mode="off"))
    return ClinicalTrialsClient(standin.base_url, clock=fake.clock, sleep=fake.sleep, **kwargs)


def test_grants_in_every_spelling_are_found_and_verified(
    ctgov_server: CtgovStandin, fake: FakeClock
) -> None:
    spellings = {
        "NCT90000001": "5R01HL123456-03",
        "NCT90000002": "R01 HL123456",
        "NCT90000003": "R01-HL-123456",
        "NCT90000004": "HL123456",  # only the serial
        "NCT90000005": "1r01hl123456-01a1",
        "NCT90000006": "K99HL123456",  # same serial, another grant: not R01HL123456's
        "NCT90000007": "R01HL654321",
    }
    for nct, grant in spellings.items():
        copy_of(ctgov_server, "NCT05594173", nct, ids=[grant])
    with client(ctgov_server, fake) as ctgov:
        found = ctgov.trials_for_grants(["R01HL123456", "R01DC011020", "5P60DK020579-07", "R03XX1"])
    assert {k: [t.nct_id for t in v] for k, v in found.items()} == {
        "R01HL123456": [f"NCT9000000{i}" for i in range(1, 6)],
        "R01DC011020": ["NCT05594173"],
        "5P60DK020579-07": ["NCT00763412"],
        "R03XX1": [],
    }
    assert found["5P60DK020579-07"][0].officials[0].name == "Neil H White, M.D."
    (query,) = ctgov_server.requests
    assert query["countTotal"] == "true"
    assert query["pageSize"] == "100"


def test_three_pages_through_next_page_tokens(ctgov_server: CtgovStandin, fake: FakeClock) -> None:
    for n in range(5):
        copy_of(ctgov_server, "NCT06171568", f"NCT9100000{n}", ids=[f"U01CA{n:06d}-02"])
    cores = [f"U01CA{n:06d}" for n in range(5)]
    with client(ctgov_server, fake, page_size=2) as ctgov:
        found = ctgov.trials_for_grants(cores)
    assert [len(v) for v in found.values()] == [1] * 5
    first, *later = ctgov_server.requests
    assert len(later) == 2
    assert (first["countTotal"], "pageToken" in first) == ("true", False)
    for query in later:
        assert "countTotal" not in query
        assert query["pageToken"]
        assert {k: v for k, v in query.items() if k != "pageToken"} == {
            k: v for k, v in first.items() if k != "countTotal"
        }


def test_officials_are_found_by_name_with_degrees(
    ctgov_server: CtgovStandin, fake: FakeClock
) -> None:
    copy_of(ctgov_server, "NCT03418623", "NCT92000001", officials=["Catriona Steele, Ph.D."])
    copy_of(ctgov_server, "NCT03418623", "NCT92000002", officials=["Carl Steele, MD"])
    with client(ctgov_server, fake) as ctgov:
        steele = ctgov.trials_for_official("STEELE", "CATRIONA M")
        mandonnet = ctgov.trials_for_official("Mandonnet", "Emmanuel")
        nobody = ctgov.trials_for_official("Nobody", "Anne")
    assert [t.nct_id for t in steele] == ["NCT05594173", "NCT92000001"]
    assert [t.nct_id for t in mandonnet] == ["NCT06171568"]
    assert [c.email for c in mandonnet[0].contacts if "Mandonnet" in c.name] == [
        "emmanuel.mandonnet@aphp.fr"
    ]
    assert nobody == []


def test_a_study_dropped_while_paging_is_fetched_again(
    ctgov_server: CtgovStandin, fake: FakeClock
) -> None:
    for n in range(5):
        copy_of(ctgov_server, "NCT06171568", f"NCT9300000{n}", ids=[f"U01CA{n:06d}"])
    ctgov_server.drop_between_pages(1)
    with client(ctgov_server, fake, page_size=2) as ctgov:
        found = ctgov.trials_for_grants([f"U01CA{n:06d}" for n in range(5)])
    assert [len(v) for v in found.values()] == [0, 1, 1, 1, 1]  # the first was deleted
    assert sum("countTotal" in q for q in ctgov_server.requests) == 2


def test_studies_dropped_on_every_attempt_are_an_incomplete_result(
    ctgov_server: CtgovStandin, fake: FakeClock
) -> None:
    for n in range(5):
        copy_of(ctgov_server, "NCT06171568", f"NCT9300000{n}", ids=[f"U01CA{n:06d}"])
    ctgov_server.drop_between_pages(2)
    with (
        client(ctgov_server, fake, page_size=2) as ctgov,
        pytest.raises(IncompleteResultError, match="after one retry") as info,
    ):
        ctgov.trials_for_grants([f"U01CA{n:06d}" for n in range(5)])
    assert (info.value.expected, info.value.got) == (4, 3)


def test_429_with_retry_after_is_waited_out(ctgov_server: CtgovStandin, fake: FakeClock) -> None:
    ctgov_server.fail_next(429, "Too Many Requests", retry_after=4)
    with client(ctgov_server, fake) as ctgov:
        assert ctgov.trials_for_grants(["R01DC011020"])["R01DC011020"][0].nct_id == "NCT05594173"
    assert fake.sleeps == [4.0]
    assert len(ctgov_server.requests) == 2


def test_a_plain_text_400_becomes_a_query_error_with_its_words(
    ctgov_server: CtgovStandin, fake: FakeClock
) -> None:
    ctgov_server.fail_next(400, "Parameter 'fields' contains invalid field name: 'StudyDesign'")
    with client(ctgov_server, fake) as ctgov, pytest.raises(QueryError) as info:
        ctgov.trials_for_official("White", "Neil")
    assert info.value.body == "Parameter 'fields' contains invalid field name: 'StudyDesign'"
    assert "invalid field name: 'StudyDesign'" in str(info.value)


def test_one_study_and_an_unknown_one(ctgov_server: CtgovStandin, fake: FakeClock) -> None:
    with client(ctgov_server, fake) as ctgov:
        trial = ctgov.study("NCT03475563")
        with pytest.raises(QueryError) as info:
            ctgov.study("NCT09999999")
    assert trial.last_known_status == "RECRUITING"
    assert info.value.status == 404
    assert info.value.body == "NCT number NCT09999999 not found"


def test_the_environment_points_a_default_client_at_the_stand_in(
    ctgov_server: CtgovStandin,
) -> None:
    with ClinicalTrialsClient(cache=CacheSettings(mode="off")) as ctgov:
        assert ctgov.base_url == ctgov_server.base_url
        assert [t.nct_id for t in ctgov.trials_for_official("Otaegui", "Imanol")] == ["NCT03475563"]


def test_a_second_search_is_served_from_the_cache_and_offline(
    ctgov_server: CtgovStandin, fake: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "http.sqlite"
    for _ in range(2):
        with client(ctgov_server, fake, cache=CacheSettings(path=path)) as ctgov:
            assert len(ctgov.trials_for_grants(["R01DC011020"])["R01DC011020"]) == 1
    with client(ctgov_server, fake, cache=CacheSettings(mode="offline", path=path)) as ctgov:
        assert len(ctgov.trials_for_grants(["R01DC011020"])["R01DC011020"]) == 1
        with pytest.raises(OfflineCacheMissError):
            ctgov.trials_for_grants(["R01HL999999"])
    assert len(ctgov_server.requests) == 1
