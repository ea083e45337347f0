"""Tests of the packaged specialty data: its size, what residents type, and the modifiers."""

from __future__ import annotations

import pytest

from reporter_finder.rank.lexicon import Lexicon, load_lexicon
from reporter_finder.rank.resolve import resolve_specialty

# The subspecialties issue 14 asks for, each its own entry (not an alias of its parent).
SUBSPECIALTIES = {
    "interventional_cardiology",
    "cardiac_electrophysiology",
    "heart_failure_transplant_cardiology",
    "cardio_oncology",
    "sports_medicine",
    "hepatology",
    "transplant_surgery",
    "maternal_fetal_medicine",
    "reproductive_endocrinology_infertility",
    "gynecologic_oncology",
    "surgical_oncology",
    "neuro_oncology",
    "interventional_radiology",
    "neuroradiology",
    "nuclear_medicine",
    "child_adolescent_psychiatry",
    "geriatric_psychiatry",
    "pain_medicine",
    "vascular_neurology",
    "epilepsy",
    "pediatric_hematology_oncology",
    "pediatric_infectious_disease",
    "adolescent_medicine",
    "developmental_behavioral_pediatrics",
    "trauma_acute_care_surgery",
    "colorectal_surgery",
    "pediatric_surgery",
    "medical_toxicology",
    "occupational_medicine",
    "global_health",
}

MODIFIERS = {
    "pediatric",
    "neonatal",
    "adolescent",
    "geriatric",
    "sports",
    "interventional",
    "surgical",
    "womens_health",
    "transplant",
    "critical_care",
    "global",
    "rural",
    "veteran",
    "addiction",
}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def test_the_packaged_lexicon_loads_with_enough_specialties_and_modifiers(
    lexicon: Lexicon,
) -> None:
    assert len(lexicon.specialties) >= 60
    assert len(lexicon.modifiers) >= 14
    assert set(lexicon.specialties) >= SUBSPECIALTIES
    assert set(lexicon.modifiers) >= MODIFIERS


def test_every_specialty_has_a_real_vocabulary(lexicon: Lexicon) -> None:
    for specialty in lexicon.specialties.values():
        assert len(specialty.core_terms) >= 10, specialty.key
        assert specialty.broad_terms, specialty.key


def test_a_subspecialty_is_more_than_its_parents_words(lexicon: Lexicon) -> None:
    # Its core vocabulary already says the intersection: most of it is its own.
    parents = {
        "interventional_cardiology": "cardiology",
        "cardiac_electrophysiology": "cardiology",
        "hepatology": "gastroenterology",
        "maternal_fetal_medicine": "obstetrics_gynecology",
        "child_adolescent_psychiatry": "psychiatry",
        "geriatric_psychiatry": "psychiatry",
        "vascular_neurology": "neurology",
        "pediatric_hematology_oncology": "hematology_oncology",
        "interventional_radiology": "diagnostic_radiology",
    }
    for child, parent in parents.items():
        own = set(lexicon.specialty(child).core_terms)
        shared = own & set(lexicon.specialty(parent).core_terms)
        assert len(shared) <= len(own) / 2, child


def test_modifiers_have_lower_case_terms_without_duplicates(lexicon: Lexicon) -> None:
    for modifier in lexicon.modifiers.values():
        assert modifier.terms, modifier.key
        assert modifier.aliases, modifier.key
        assert len(set(modifier.terms)) == len(modifier.terms), modifier.key
        for term in (*modifier.terms, *modifier.exclude_terms):
            assert term == term.lower().strip(), (modifier.key, term)
        assert not set(modifier.terms) & set(modifier.exclude_terms), modifier.key


@pytest.mark.parametrize(
    ("modifier", "words"),
    [
        ("pediatric", {"children", "child", "pediatric", "infants", "congenital", "youth"}),
        ("sports", {"athletes", "sports", "exercise", "concussion", "training load"}),
        ("geriatric", {"older adults", "aging", "elderly", "frailty", "nursing home"}),
        ("interventional", {"catheter", "percutaneous", "stent", "ablation", "embolization"}),
        ("surgical", {"surgery", "surgical", "resection", "perioperative", "postoperative"}),
    ],
)
def test_a_modifier_speaks_its_grant_vocabulary(
    lexicon: Lexicon, modifier: str, words: set[str]
) -> None:
    assert words <= set(lexicon.modifiers[modifier].terms)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("pulm/crit care", "pulmonary_critical_care"),
        ("PCCM", "pulmonary_critical_care"),
        ("heme/onc", "hematology_oncology"),
        ("peds", "pediatrics"),
        ("ID", "infectious_disease"),
        ("GI", "gastroenterology"),
        ("PM&R", "physical_medicine_rehabilitation"),
        ("MFM", "maternal_fetal_medicine"),
        ("EP", "cardiac_electrophysiology"),
        ("IR", "interventional_radiology"),
        ("neuro-onc", "neuro_oncology"),
        ("CT surgery", "cardiothoracic_surgery"),
        ("NICU", "neonatology"),
        ("cards", "cardiology"),
        ("OB/GYN", "obstetrics_gynecology"),
        ("ENT", "otolaryngology"),
        ("derm", "dermatology"),
        ("rads", "diagnostic_radiology"),
        ("psych", "psychiatry"),
        ("neuro", "neurology"),
        ("onc", "medical_oncology"),
        ("renal", "nephrology"),
        ("endo", "endocrinology"),
        ("rheum", "rheumatology"),
        ("gen surg", "general_surgery"),
        ("ortho", "orthopaedic_surgery"),
        ("EM", "emergency_medicine"),
        ("FM", "family_medicine"),
        ("IM", "internal_medicine"),
    ],
)
def test_abbreviations_residents_type_resolve(lexicon: Lexicon, typed: str, key: str) -> None:
    match = resolve_specialty(typed, lexicon)
    assert match.specialty.key == key
    assert match.score == 100


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("pulm crit", "pulmonary_critical_care"),
        ("pulmonology", "pulmonary_critical_care"),
        ("critical care", "pulmonary_critical_care"),
        ("ICU", "pulmonary_critical_care"),
        ("pulmonary and critical care", "pulmonary_critical_care"),
        ("electrophysiology", "cardiac_electrophysiology"),
        ("cardiac EP", "cardiac_electrophysiology"),
        ("interventional cardiology", "interventional_cardiology"),
        ("advanced heart failure", "heart_failure_transplant_cardiology"),
        ("cardio-oncology", "cardio_oncology"),
        ("sports medicine", "sports_medicine"),
        ("hepatology", "hepatology"),
        ("transplant hepatology", "hepatology"),
        ("transplant surgery", "transplant_surgery"),
        ("perinatology", "maternal_fetal_medicine"),
        ("high-risk obstetrics", "maternal_fetal_medicine"),
        ("REI", "reproductive_endocrinology_infertility"),
        ("IVF", "reproductive_endocrinology_infertility"),
        ("gyn onc", "gynecologic_oncology"),
        ("surg onc", "surgical_oncology"),
        ("neuroradiology", "neuroradiology"),
        ("nuclear medicine", "nuclear_medicine"),
        ("CAP", "child_adolescent_psychiatry"),
        ("child psych", "child_adolescent_psychiatry"),
        ("geri psych", "geriatric_psychiatry"),
        ("geropsychiatry", "geriatric_psychiatry"),
        ("pain medicine", "pain_medicine"),
        ("stroke", "vascular_neurology"),
        ("epilepsy", "epilepsy"),
        ("peds heme/onc", "pediatric_hematology_oncology"),
        ("peds ID", "pediatric_infectious_disease"),
        ("adolescent medicine", "adolescent_medicine"),
        ("DBP", "developmental_behavioral_pediatrics"),
        ("trauma surgery", "trauma_acute_care_surgery"),
        ("acute care surgery", "trauma_acute_care_surgery"),
        ("colorectal surgery", "colorectal_surgery"),
        ("pediatric surgery", "pediatric_surgery"),
        ("tox", "medical_toxicology"),
        ("occupational medicine", "occupational_medicine"),
        ("global health", "global_health"),
        ("public health", "preventive_medicine"),
        ("Maternal-Fetal Medicine", "maternal_fetal_medicine"),
        ("Child & Adolescent Psychiatry", "child_adolescent_psychiatry"),
        ("Interventional Radiology", "interventional_radiology"),
    ],
)
def test_subspecialty_names_and_aliases_resolve(lexicon: Lexicon, typed: str, key: str) -> None:
    match = resolve_specialty(typed, lexicon)
    assert match.specialty.key == key
    assert match.score == 100


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("cardiolgy", "cardiology"),
        ("hepatolgy", "hepatology"),
        ("neuroradiolgy", "neuroradiology"),
        ("gastroenterolgy", "gastroenterology"),
        ("rheumatolgy", "rheumatology"),
    ],
)
def test_typos_of_names_resolve(lexicon: Lexicon, typed: str, key: str) -> None:
    match = resolve_specialty(typed, lexicon)
    assert match.specialty.key == key
    assert 85 <= match.score < 100


def test_sports_cardiology_is_no_alias(lexicon: Lexicon) -> None:
    # The code composes it from the "sports" modifier and cardiology.
    for specialty in lexicon.specialties.values():
        names = {name.lower() for name in (specialty.name, *specialty.aliases)}
        assert "sports cardiology" not in names, specialty.key
    assert "sports" in lexicon.modifiers["sports"].aliases
