"""NIH grant numbers → RePORTER core project numbers (pubmed-ctgov.md §15)."""

from __future__ import annotations

import pytest

from reporter_finder.api.grantids import core_project_numbers, normalize_grant_text, serial_key


@pytest.mark.parametrize(
    ("text", "cores"),
    [
        # the forms seen in ClinicalTrials.gov secondary ids (pubmed-ctgov.md §15)
        ("P60DK020579", ["P60DK020579"]),
        ("R01DC011020", ["R01DC011020"]),
        ("1R18HL095481-01A1", ["R18HL095481"]),
        ("2R01HD062744-06", ["R01HD062744"]),
        ("R41CA243600-01", ["R41CA243600"]),
        ("3R01AT009384-04S1", ["R01AT009384"]),
        ("K76AG059934", ["K76AG059934"]),
        # the application type and the support year are dropped
        ("5R01HL123456-03", ["R01HL123456"]),
        ("5R01HL123456-3", ["R01HL123456"]),
        ("1R01HL123456-01A1S1", ["R01HL123456"]),
        ("R01HL123456S1", ["R01HL123456"]),
        # spaces and hyphens between the parts, NIH's own spelling with spaces
        ("R01 HL123456", ["R01HL123456"]),
        ("R01 HL 123456", ["R01HL123456"]),
        ("R01-HL-123456", ["R01HL123456"]),
        ("R01HL-123456-02", ["R01HL123456"]),
        ("1 R01 CA 123456-01A1", ["R01CA123456"]),
        ("5 R01 HL123456-03", ["R01HL123456"]),
        # a serial written without its leading zeros is padded to six digits
        ("R01AG46927", ["R01AG046927"]),
        ("R01 AG 4692", ["R01AG004692"]),
        # lower case, full-width digits, Unicode dashes
        ("r01hl123456", ["R01HL123456"]),
        ("5r01 hl123456-03", ["R01HL123456"]),
        ("R01\u2013HL\u2013123456", ["R01HL123456"]),
        ("R01\u2011HL123456\u201203", ["R01HL123456"]),
        ("R01HL\uff11\uff12\uff13\uff14\uff15\uff16", ["R01HL123456"]),
        # activity codes with digits and letters in any place
        ("UL1TR001100", ["UL1TR001100"]),
        ("KL2 TR001100", ["KL2TR001100"]),
        ("U2CCA233195", ["U2CCA233195"]),
        ("DP2OD030544", ["DP2OD030544"]),
        ("ZIA HL006071", ["ZIAHL006071"]),
        # several numbers in one string, in order, each once
        (
            "NIH grants P60DK020579, R01DC011020; 2R01HD062744-06 and again R01DC011020",
            ["P60DK020579", "R01DC011020", "R01HD062744"],
        ),
        ("R01HL123456/R21HL654321", ["R01HL123456", "R21HL654321"]),
        ("R01HL123456-R21HL654321", ["R01HL123456", "R21HL654321"]),
        ("(R01 HL123456)", ["R01HL123456"]),
        # not NIH grant numbers: contracts, glued years, other registries, plain text
        ("HHSN272201400041C", []),
        ("272201400041C-0-0-1", []),
        ("HHSN268201100001C", []),
        ("R01HL12345603", []),
        ("R01HL1234567", []),
        ("XR01HL123456", []),
        ("R01HL123456X", []),
        ("2023-A00386-39", []),
        ("NCT00763412", []),
        ("05-1109", []),
        ("APHP230528", []),
        ("GET73 \u00b9H-MRS", []),
        ("EudraCT 2019-001234-56", []),
        ("", []),
        # PubMed GrantList forms (pubmed-ctgov.md §7): intramural and old contracts map (a
        # RePORTER look-up decides), other funders' ids do not
        ("Z01 DE000101", ["Z01DE000101"]),
        ("N01WH22110", ["N01WH022110"]),
        ("P41 RR001192", ["P41RR001192"]),
        ("R21 AI123558-01 and 1R21AI141826-01A1", ["R21AI123558", "R21AI141826"]),
        ("MC_U120085815", []),
        ("MC-A658-5TY00", []),
        ("200990/A/16/Z", []),
        ("RG/18/9/33887", []),
        ("FS/IPBSRF/22/27059", []),
        ("Promotion of Doctoral Studies I/II scholarships", []),
    ],
)
def test_core_project_numbers(text: str, cores: list[str]) -> None:
    assert core_project_numbers(text) == cores


def test_normalize_grant_text_upper_cases_and_maps_dashes() -> None:
    assert normalize_grant_text("5r01\u2014hl\u2212123456") == "5R01-HL-123456"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("R01HL123456", "HL123456"),
        ("5R01HL123456-03", "HL123456"),
        ("R01 HL 123456", "HL123456"),
        ("R01AG46927", "AG046927"),
        ("HL123456", "HL123456"),
        ("hl 123456-02", "HL123456"),
        ("AR78949", "AR078949"),
        ("AR-078949", "AR078949"),
        ("K99HL123456 and R00HL123456", "HL123456"),
        ("HHSN272201400041C", None),
        ("R01HL12345603", None),
        ("NCT00763412", None),
        ("2023-A00386-39", None),
        ("", None),
    ],
)
def test_serial_key(text: str, key: str | None) -> None:
    assert serial_key(text) == key


def test_a_core_and_its_serial_key_agree() -> None:
    for core in ("R01HL123456", "K99AG046927", "UL1TR001100"):
        assert core_project_numbers(core) == [core]
        assert serial_key(core) == core[-8:]
