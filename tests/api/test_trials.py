"""api/trials: the real ClinicalTrials.gov v2 samples → Trial values, and official names."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from reporter_finder.api.trials import (
    Trial,
    TrialContact,
    TrialOfficial,
    _fold,
    name_matches,
    parse_study,
)
from reporter_finder.tables.people import fold_name
from tests.conftest import FIXTURES

STUDY_FILES = sorted(FIXTURES.glob("ctgov-v2-study-*.json"))
ENVELOPES = sorted(FIXTURES.glob("ctgov-v2-studies-search-envelope-*.json"))


def study(nct: str) -> dict[str, Any]:
    (path,) = FIXTURES.glob(f"ctgov-v2-study-{nct}-*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def trial(nct: str) -> Trial:
    parsed = parse_study(study(nct))
    assert parsed is not None
    return parsed


@pytest.mark.parametrize("path", STUDY_FILES, ids=lambda p: p.name.split("-")[3])
def test_every_full_study_parses_with_its_nct_id_and_input_untouched(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    before = copy.deepcopy(data)
    parsed = parse_study(data)
    assert parsed is not None
    assert parsed.nct_id == path.name.split("-")[3]
    assert parsed.url == f"https://clinicaltrials.gov/study/{parsed.nct_id}"
    assert all((parsed.title, parsed.official_title, parsed.status, parsed.lead_sponsor))
    assert data == before


def test_an_nih_p60_study_with_a_month_start_date_and_one_chair() -> None:
    t = trial("NCT00763412")
    assert (t.status, t.last_known_status, t.is_recruiting) == ("COMPLETED", None, False)
    assert t.phases == ("NA",)
    # Dates stay as precise as given: a month is not the first of the month.
    assert (t.start_date, t.primary_completion_date) == ("2006-11", "2013-01")
    assert t.enrollment == 31
    assert t.conditions == ("Cystic Fibrosis Related Diabetes", "Pancreatic Insufficiency")
    assert (t.grant_ids, t.cores) == (("P60DK020579",), ("P60DK020579",))
    assert t.officials == (
        TrialOfficial(
            "Neil H White, M.D.", "Washington University School of Medicine", "STUDY_CHAIR"
        ),
    )
    assert t.contacts == ()
    assert t.lead_sponsor == "Arbelaez, Ana Maria"  # a person can sponsor a study


def test_an_r01_observational_study_has_no_phase() -> None:
    t = trial("NCT05594173")
    assert t.cores == ("R01DC011020",)
    assert t.phases == ()
    assert (t.start_date, t.primary_completion_date, t.enrollment) == (
        "2019-09-13",
        "2020-12-20",
        20,
    )
    assert t.officials == (
        TrialOfficial(
            "Catriona M Steele, PhD", "University Health Network, Toronto", "PRINCIPAL_INVESTIGATOR"
        ),
    )


def test_unknown_status_keeps_the_last_known_one_and_is_not_recruiting() -> None:
    t = trial("NCT03475563")
    assert (t.status, t.last_known_status, t.is_recruiting) == ("UNKNOWN", "RECRUITING", False)
    assert (t.grant_ids, t.cores) == ((), ())
    central = [c for c in t.contacts if c.where == "central"]
    assert central == [
        TrialContact(
            "Imanol Otaegui, MD", "CONTACT", "iotaegui@vhebron.net", "+342746155", "central"
        ),
        TrialContact("Imanol Otaegui", "CONTACT", None, None, "central"),
    ]
    sites = [c for c in t.contacts if c.where != "central"]
    assert [c.where for c in sites] == [
        "site: Hospital Universitari Parc Taulí, Sabadell",
        "site: Hospital Universitari Vall d'Hebron, Barcelona",
        "site: Hospital Universitario de León, León",
    ]
    assert all(c.email is None for c in sites)


def test_contacts_carry_email_and_phone_centrally_and_per_site_officials_none() -> None:
    t = trial("NCT06171568")
    assert (t.status, t.is_recruiting) == ("NOT_YET_RECRUITING", True)
    assert t.grant_ids == ("2023-A00386-39",)
    assert t.cores == ()
    assert [(o.name, o.role) for o in t.officials] == [
        ("Emmanuel Mandonnet, MD, PhD", "PRINCIPAL_INVESTIGATOR"),
        ("Alexis Schnitzler, MD, PhD", "STUDY_DIRECTOR"),
    ]
    assert not hasattr(t.officials[0], "email")
    site = "site: Neurosurgery - Lariboisière hospital, Paris"
    assert [(c.name, c.email, c.where) for c in t.contacts] == [
        ("Camille Heslot, MD", "camille.heslot@aphp.fr", "central"),
        ("Alexis Schnitzler, MD, PhD", "alexis.schnitzler@aphp.fr", "central"),
        ("Camille Heslot, MD", "camille.heslot@aphp.fr", site),
        ("Emmanuel Mandonnet, MD, PhD", "emmanuel.mandonnet@aphp.fr", site),
    ]
    # phoneExt holds the country code in this study: it goes in front.
    assert t.contacts[0].phone == "+33 01.49.95.81.69"


def test_an_official_whose_affiliation_is_a_department() -> None:
    t = trial("NCT03418623")
    assert t.phases == ("PHASE2",)
    assert t.contacts == ()
    (official,) = t.officials
    assert official.affiliation.startswith("Department of Psychiatry and Behavioral Sciences")
    assert name_matches(official.name, "ANTON", "RAYMOND")


@pytest.mark.parametrize("path", ENVELOPES, ids=lambda p: p.stem.rsplit("-", 2)[-1])
def test_search_page_studies_with_few_fields_parse(path: Path) -> None:
    studies = json.loads(path.read_text(encoding="utf-8"))["studies"]
    trials = [parse_study(s) for s in studies]
    assert all(t is not None for t in trials)
    assert len({t.nct_id for t in trials if t}) == 5
    for t in trials:
        assert t is not None
        assert t.is_recruiting == (t.status in {"RECRUITING", "NOT_YET_RECRUITING"})


def test_enrolling_by_invitation_is_not_recruiting() -> None:
    studies = json.loads(ENVELOPES[1].read_text(encoding="utf-8"))["studies"]
    by_id = {t.nct_id: t for t in (parse_study(s) for s in studies) if t}
    assert by_id["NCT03836300"].status == "ENROLLING_BY_INVITATION"
    assert by_id["NCT03836300"].is_recruiting is False
    assert by_id["NCT07281079"].is_recruiting is True
    assert by_id["NCT03836300"].start_date == "2018-11-30"


def test_grant_ids_take_every_secondary_id_and_an_nih_org_study_id() -> None:
    data = study("NCT05594173")
    ident = data["protocolSection"]["identificationModule"]
    ident["orgStudyIdInfo"] = {"id": "1R01 HL-123456-01A1", "type": "NIH"}
    ident["secondaryIdInfos"] = [
        {"id": "R01DC011020", "type": "NIH"},
        {"id": "u01 ca 98765", "type": "OTHER_GRANT"},
        {"id": "R01DC011020-05", "type": "NIH"},
        {"id": "2019-001234-56", "type": "EUDRACT_NUMBER"},
        {"id": "R21AB123456", "type": "REGISTRY"},
    ]
    t = parse_study(data)
    assert t is not None
    assert t.grant_ids == (
        "R01DC011020",
        "u01 ca 98765",
        "R01DC011020-05",
        "2019-001234-56",
        "R21AB123456",
        "1R01 HL-123456-01A1",
    )
    # Registry ids are never grants, even when they look like one.
    assert t.cores == ("R01DC011020", "U01CA098765", "R01HL123456")


def test_an_org_study_id_that_is_not_nih_is_not_a_grant_id() -> None:
    data = study("NCT05594173")
    data["protocolSection"]["identificationModule"]["orgStudyIdInfo"] = {"id": "R01HL123456"}
    t = parse_study(data)
    assert t is not None
    assert t.grant_ids == ("R01DC011020",)


@pytest.mark.parametrize(
    "data",
    [{}, {"protocolSection": None}, {"protocolSection": {"identificationModule": {}}}],
)
def test_a_study_without_an_nct_id_is_none(data: dict[str, Any]) -> None:
    assert parse_study(data) is None


def test_missing_and_malformed_modules_give_empty_values() -> None:
    t = parse_study(
        {
            "protocolSection": {
                "identificationModule": {"nctId": "nct01234567", "secondaryIdInfos": "x"},
                "designModule": {"enrollmentInfo": {"count": "many"}, "phases": None},
                "contactsLocationsModule": {"centralContacts": [{"role": "CONTACT"}, 3]},
            }
        }
    )
    assert t is not None
    assert t.nct_id == "NCT01234567"
    assert (t.title, t.status, t.lead_sponsor) == ("", "", "")
    assert (t.enrollment, t.phases, t.grant_ids, t.contacts) == (None, (), (), ())
    assert (t.start_date, t.last_known_status) == (None, None)


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "last", "first", "expected"),
    [
        ("Neil H White, M.D.", "WHITE", "NEIL", True),
        ("Neil H White, M.D.", "White", "N.", True),
        ("Neil H White, M.D.", "White", "", True),
        ("Neil H White, M.D.", "White", "Catherine", False),
        ("Neil H White, M.D.", "Whitehead", "Neil", False),
        ("Catriona M Steele, PhD", "STEELE", "CATRIONA M", True),
        ("Emmanuel Mandonnet, MD, PhD", "mandonnet", "emmanuel", True),
        ("Raymond F Anton, MD", "Anton", "Raymond", True),
        ("Arbelaez, Ana Maria", "ARBELAEZ", "ANA MARIA", True),
        ("Arbelaez, Ana Maria", "MARIA", "ANA", False),
        ("Armando Pérez de Prado, MD, PhD", "PEREZ DE PRADO", "ARMANDO", True),
        ("Armando Pérez de Prado, MD, PhD", "Prado", "Armando", True),
        ("José Garcia-Lopez, MD", "GARCIA-LOPEZ", "JOSE", True),
        ("Jun Ma, PhD", "MA", "JUN", True),
        ("Thanh Do, MD", "DO", "THANH", True),
        ("Dr. John Smith Jr., MD", "SMITH", "JOHN", True),
        ("John Smith, Jr., M.D., Ph.D.", "Smith", "John", True),
        ("Smith", "Smith", "John", False),
        ("", "Smith", "John", False),
        ("John Smith", "", "John", False),
    ],
)
def test_name_matches(name: str, last: str, first: str, expected: bool) -> None:
    assert name_matches(name, last, first) is expected


@pytest.mark.parametrize(
    "text", ["Pérez de Prado", "O'Brien-Smith", "  ANA   MARIA ", "Ünal_Çelik", "Straße", "Lê Văn"]
)
def test_the_api_fold_is_the_tables_fold(text: str) -> None:
    # api may not import tables; the copy must not drift from people.fold_name.
    assert _fold(text) == fold_name(text)
    assert _fold("M.D.") == "md"
