"""Tests of the specialty/skills vocabularies and of resolving what users type."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

import reporter_finder
from reporter_finder.errors import LexiconError, NotFoundError, QueryError
from reporter_finder.rank.lexicon import INSTITUTES, Lexicon, Skill, load_lexicon
from reporter_finder.rank.resolve import resolve_skills, resolve_specialty

DATA = Path(reporter_finder.__file__).parent / "rank" / "data"

# Every specialty the issue asks for, by key.
REQUIRED_SPECIALTIES = {
    "internal_medicine",
    "cardiology",
    "gastroenterology",
    "pulmonary_critical_care",
    "nephrology",
    "endocrinology",
    "hematology",
    "medical_oncology",
    "hematology_oncology",
    "infectious_disease",
    "rheumatology",
    "allergy_immunology",
    "geriatrics",
    "neurology",
    "psychiatry",
    "pediatrics",
    "obstetrics_gynecology",
    "general_surgery",
    "neurosurgery",
    "orthopaedic_surgery",
    "plastic_surgery",
    "cardiothoracic_surgery",
    "vascular_surgery",
    "urology",
    "otolaryngology",
    "ophthalmology",
    "dermatology",
    "diagnostic_radiology",
    "radiation_oncology",
    "anesthesiology",
    "emergency_medicine",
    "family_medicine",
    "pathology",
    "physical_medicine_rehabilitation",
    "preventive_medicine",
}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _raw(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# --- the packaged data --------------------------------------------------------------------


def test_packaged_specialties_cover_every_required_specialty(lexicon: Lexicon) -> None:
    assert len(lexicon.specialties) >= 30
    assert set(lexicon.specialties) >= REQUIRED_SPECIALTIES


def test_every_specialty_has_terms_of_both_tiers_in_the_agreed_sizes(lexicon: Lexicon) -> None:
    for specialty in lexicon.specialties.values():
        assert 12 <= len(specialty.core_terms) <= 25, specialty.key
        assert 8 <= len(specialty.broad_terms) <= 20, specialty.key
        assert specialty.is_known


def test_every_term_is_lower_case_and_stripped(lexicon: Lexicon) -> None:
    for specialty in lexicon.specialties.values():
        for term in (*specialty.core_terms, *specialty.broad_terms, *specialty.exclude_terms):
            assert term == term.lower().strip(), (specialty.key, term)
    for skill in lexicon.skills.values():
        for term in skill.terms:
            assert term == term.lower().strip(), (skill.key, term)


def test_every_specialty_names_valid_institutes_and_listed_dept_types(lexicon: Lexicon) -> None:
    for specialty in lexicon.specialties.values():
        assert specialty.institutes, specialty.key
        assert set(specialty.institutes) <= INSTITUTES, specialty.key
        assert specialty.dept_types, specialty.key
        assert set(specialty.dept_types) <= lexicon.dept_types, specialty.key
        assert specialty.category in {"medicine", "surgery", "diagnostic", "other"}


def test_dept_types_use_nih_standard_spelling(lexicon: Lexicon) -> None:
    assert {
        "INTERNAL MEDICINE/MEDICINE",
        "PEDIATRICS",
        "OBSTETRICS & GYNECOLOGY",
        "RADIATION-DIAGNOSTIC/ONCOLOGY",
        "PHYSICAL MEDICINE & REHAB",
        "PUBLIC HEALTH & PREV MEDICINE",
    } <= lexicon.dept_types
    assert all(dept == dept.upper() for dept in lexicon.dept_types)


def test_no_alias_of_one_specialty_resolves_to_another(lexicon: Lexicon) -> None:
    for specialty in lexicon.specialties.values():
        for typed in (specialty.key, specialty.name, *specialty.aliases):
            match = resolve_specialty(typed, lexicon)
            assert match.specialty.key == specialty.key, typed
            assert match.score == 100


def test_no_alias_of_one_skill_resolves_to_another(lexicon: Lexicon) -> None:
    for skill in lexicon.skills.values():
        for typed in (skill.key, skill.name, *skill.aliases):
            (resolved,) = resolve_skills([typed], lexicon)
            assert resolved.key == skill.key, typed


def test_false_friends_are_not_also_search_terms(lexicon: Lexicon) -> None:
    oncology = lexicon.specialty("medical_oncology")
    assert "tumor necrosis factor" in oncology.exclude_terms
    for specialty in lexicon.specialties.values():
        terms = set(specialty.core_terms) | set(specialty.broad_terms)
        assert not terms & set(specialty.exclude_terms), specialty.key


def test_skills_have_terms_and_a_valid_orientation(lexicon: Lexicon) -> None:
    assert len(lexicon.skills) >= 40
    for skill in lexicon.skills.values():
        assert skill.terms, skill.key
        assert skill.orientation in {"clinical", "basic", "either"}


# --- resolving specialties ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("cards", "cardiology"),
        ("GI", "gastroenterology"),
        ("heme/onc", "hematology_oncology"),
        ("Hem-Onc", "hematology_oncology"),
        ("ENT", "otolaryngology"),
        ("OB/GYN", "obstetrics_gynecology"),
        ("ob-gyn", "obstetrics_gynecology"),
        ("obgyn", "obstetrics_gynecology"),
        ("Obstetrics and Gynecology", "obstetrics_gynecology"),
        ("neurosurg", "neurosurgery"),
        ("derm", "dermatology"),
        ("IM", "internal_medicine"),
        ("peds", "pediatrics"),
        ("psych", "psychiatry"),
        ("ortho", "orthopaedic_surgery"),
        ("rad onc", "radiation_oncology"),
        ("EM", "emergency_medicine"),
        ("FM", "family_medicine"),
        ("PM&R", "physical_medicine_rehabilitation"),
        ("ID", "infectious_disease"),
        ("pulm/crit", "pulmonary_critical_care"),
        ("CT surgery", "cardiothoracic_surgery"),
    ],
)
def test_common_abbreviations_resolve(lexicon: Lexicon, typed: str, key: str) -> None:
    match = resolve_specialty(typed, lexicon)
    assert match.is_known
    assert match.specialty.key == key
    assert match.score == 100
    assert match.suggestions == ()


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("  CARDIOLOGY  ", "cardiology"),
        ("Pediatric", "pediatrics"),
        ("infectious diseases", "infectious_disease"),
        ("surgery, plastic", "plastic_surgery"),
        ("cardiology research fellowship", "cardiology"),
        ("I want to do nephrology research", "nephrology"),
    ],
)
def test_case_spacing_plurals_order_and_filler_words_are_forgiven(
    lexicon: Lexicon, typed: str, key: str
) -> None:
    assert resolve_specialty(typed, lexicon).specialty.key == key


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("cardiolgy", "cardiology"),
        ("neurlogy", "neurology"),
        ("gastroenterolgy", "gastroenterology"),
        ("opthalmolgy", "ophthalmology"),
        ("emergancy medicine", "emergency_medicine"),
        ("cardiothorasic surgery", "cardiothoracic_surgery"),
    ],
)
def test_typos_resolve_with_a_fuzzy_score_and_suggestions(
    lexicon: Lexicon, typed: str, key: str
) -> None:
    match = resolve_specialty(typed, lexicon)
    assert match.specialty.key == key
    assert 85 <= match.score < 100
    assert match.suggestions[0] == match.specialty.name


@pytest.mark.parametrize("typed", ["GU", "EN", "IMM", "ENTT"])
def test_short_abbreviations_never_match_fuzzily(lexicon: Lexicon, typed: str) -> None:
    assert not resolve_specialty(typed, lexicon).is_known


@pytest.mark.parametrize(
    "typed",
    # Whole-string similarity scores each pair >= 86: one shared or similar word must not
    # carry a different specialty.
    ["pediatric cardiology", "pediatric neurology", "audiology"],
)
def test_a_near_miss_word_does_not_pull_in_another_specialty(lexicon: Lexicon, typed: str) -> None:
    # "pediatric urology" scores >= 86 against "pediatric cardiology"; neither a typo match
    # nor a similar specialty may come of it: a composition of the words' own meaning, or a
    # phrase.
    match = resolve_specialty(typed, lexicon)
    assert match.how in ("composed", "phrase")
    assert match.specialty.key == typed.replace(" ", "_")  # itself, never a look-alike


def test_unknown_specialty_falls_back_to_the_users_words(lexicon: Lexicon) -> None:
    match = resolve_specialty("space medicine", lexicon)
    assert not match.is_known
    specialty = match.specialty
    assert not specialty.is_known
    assert specialty.core_terms == ("space medicine", "space")
    assert specialty.institutes == ()
    assert specialty.dept_types == ()
    assert specialty.name == "space medicine"
    assert len(match.suggestions) == 3
    assert set(match.suggestions) <= {s.name for s in lexicon.specialties.values()}
    assert match.score < 85


def test_unknown_specialty_naming_a_known_one_borrows_its_vocabulary(lexicon: Lexicon) -> None:
    # "space" is no modifier the lexicon knows: a phrase, not a composition.
    match = resolve_specialty("space cardiology research", lexicon)
    cardiology = lexicon.specialty("cardiology")
    assert not match.is_known
    assert match.how == "phrase"
    assert match.suggestions[0] == "Cardiology"
    # The exact phrase (filler around it dropped), then its content words, all required.
    assert match.specialty.core_terms == ("space cardiology", "space", "cardiology")
    assert match.specialty.must_match_all == ("space", "cardiology")
    assert "heart failure" in match.specialty.broad_terms
    assert set(match.specialty.broad_terms) <= set(cardiology.core_terms)
    assert match.specialty.exclude_terms == cardiology.exclude_terms


def test_generic_words_do_not_borrow_a_vocabulary(lexicon: Lexicon) -> None:
    # "medicine" is an alias of internal medicine, but inside a phrase it says nothing.
    assert resolve_specialty("space medicine", lexicon).specialty.broad_terms == ()


@pytest.mark.parametrize("typed", ["", "   ", "!!!"])
def test_empty_specialty_is_a_query_error(lexicon: Lexicon, typed: str) -> None:
    with pytest.raises(QueryError):
        resolve_specialty(typed, lexicon)


def test_cutoff_controls_how_forgiving_fuzzy_matching_is(lexicon: Lexicon) -> None:
    assert resolve_specialty("cardiolgy", lexicon, cutoff=95).is_known is False
    assert resolve_specialty("cardiolgy", lexicon, cutoff=80).is_known is True
    with pytest.raises(QueryError):
        resolve_specialty("cardiology", lexicon, cutoff=101)


def test_resolve_specialty_uses_the_packaged_lexicon_by_default() -> None:
    assert resolve_specialty("cards").specialty is load_lexicon().specialty("cardiology")


# --- resolving skills ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("chart review", "chart_review"),
        ("Retrospective chart review", "chart_review"),
        ("R", "r_programming"),
        ("python", "python"),
        ("stats", "biostatistics"),
        ("SPSS", "biostatistics"),
        ("STATA", "biostatistics"),
        ("ML", "machine_learning"),
        ("AI", "machine_learning"),
        ("deep learning", "machine_learning"),
        ("echo", "echocardiography"),
        ("TTE", "echocardiography"),
        ("RCT", "clinical_trials"),
        ("trials", "clinical_trials"),
        ("qual", "qualitative"),
        ("interviews", "qualitative"),
        ("epi", "epidemiology"),
        ("HSR", "health_services_research"),
        ("PCR", "pcr"),
        ("qPCR", "pcr"),
        ("western", "western_blot"),
        ("WB", "western_blot"),
        ("flow", "flow_cytometry"),
        ("FACS", "flow_cytometry"),
        ("CRISPR", "crispr"),
        ("mice", "animal_models"),
        ("mouse work", "animal_models"),
        ("cell culture", "cell_culture"),
        ("RNA-seq", "rna_seq"),
        ("scRNA-seq", "single_cell"),
        ("single cell", "single_cell"),
        ("genomics", "genomics"),
        ("GWAS", "gwas"),
        ("bioinformatics", "bioinformatics"),
        ("MRI", "mri"),
        ("fMRI", "fmri"),
        ("CT", "ct_imaging"),
        ("imaging", "medical_imaging"),
        ("systematic review", "systematic_review"),
        ("meta-analysis", "systematic_review"),
        ("REDCap", "redcap_data_management"),
        ("EHR", "ehr_informatics"),
        ("NLP", "nlp"),
        ("survival analysis", "survival_analysis"),
        ("biobank", "biobank"),
        ("immunohistochemistry", "ihc_histology"),
        ("microscopy", "microscopy"),
        ("organoids", "organoids"),
        ("proteomics", "proteomics"),
        ("metabolomics", "metabolomics"),
        ("GIS", "gis"),
        ("global health", "global_health"),
        ("implementation science", "implementation_science"),
        ("health economics", "health_economics"),
        ("experience with SPSS", "biostatistics"),
        ("immunohistochemstry", "ihc_histology"),
    ],
)
def test_skill_aliases_and_typos_resolve(lexicon: Lexicon, typed: str, key: str) -> None:
    (skill,) = resolve_skills(typed, lexicon)
    assert skill.key == key
    assert skill.is_known


def test_skills_map_to_grant_vocabulary_with_an_orientation(lexicon: Lexicon) -> None:
    chart, r, ml, echo, trials, bench = resolve_skills(
        "chart review, R, machine learning, echo, RCT, mouse work", lexicon
    )
    assert {"electronic health records", "retrospective cohort", "registry"} <= set(chart.terms)
    assert {"biostatistics", "statistical modeling", "regression"} <= set(r.terms)
    assert {"prediction model", "artificial intelligence", "risk score"} <= set(ml.terms)
    assert {"echocardiography", "ejection fraction", "strain"} <= set(echo.terms)
    assert {"randomized", "trial", "enrollment"} <= set(trials.terms)
    assert {"mouse model", "in vivo"} <= set(bench.terms)
    orientations = [s.orientation for s in (chart, r, ml, echo, trials, bench)]
    assert orientations == ["clinical", "either", "either", "clinical", "clinical", "basic"]


def test_skills_split_on_commas_semicolons_and_newlines_keeping_order(lexicon: Lexicon) -> None:
    skills = resolve_skills("qPCR; western blot,\nR\r\n, , flow", lexicon)
    assert [s.key for s in skills] == ["pcr", "western_blot", "r_programming", "flow_cytometry"]


def test_skills_are_deduplicated(lexicon: Lexicon) -> None:
    skills = resolve_skills(["stats, SPSS", "statistics", "R", "r"], lexicon)
    assert [s.key for s in skills] == ["biostatistics", "r_programming"]


def test_compound_skills_are_split_when_every_part_is_known(lexicon: Lexicon) -> None:
    assert [s.key for s in resolve_skills("R/Python", lexicon)] == ["r_programming", "python"]
    (rnd,) = resolve_skills("R&D", lexicon)  # "D" is not a skill: kept whole
    assert not rnd.is_known


def test_unknown_skill_is_kept_as_typed(lexicon: Lexicon) -> None:
    (skill,) = resolve_skills("  Underwater  Basket Weaving ", lexicon)
    assert skill == Skill(
        key="underwater_basket_weaving",
        name="Underwater Basket Weaving",
        aliases=(),
        terms=("underwater basket weaving",),
        orientation="either",
        is_known=False,
    )


def test_no_skills_gives_an_empty_tuple(lexicon: Lexicon) -> None:
    assert resolve_skills("", lexicon) == ()
    assert resolve_skills([], lexicon) == ()
    assert resolve_skills(" ; ,\n", lexicon) == ()


def test_non_string_skill_is_a_query_error(lexicon: Lexicon) -> None:
    with pytest.raises(QueryError):
        resolve_skills(["R", 3], lexicon)  # type: ignore[list-item]


# --- loading, caching, immutability -------------------------------------------------------


def test_load_lexicon_is_cached_for_the_packaged_files() -> None:
    assert load_lexicon() is load_lexicon()


def test_custom_files_are_read_afresh(tmp_path: Path) -> None:
    path = _write(tmp_path, "specialties.json", _raw("specialties.json"))
    first = load_lexicon(path)
    assert first is not load_lexicon(path)
    assert first is not load_lexicon()
    assert set(first.specialties) == set(load_lexicon().specialties)


def test_lexicon_data_is_immutable(lexicon: Lexicon) -> None:
    with pytest.raises(TypeError):
        lexicon.specialties["x"] = lexicon.specialty("cardiology")  # type: ignore[index]
    with pytest.raises(TypeError):
        lexicon.skills["x"] = lexicon.skills["pcr"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        lexicon.dept_types = frozenset()  # type: ignore[misc]
    cardiology = lexicon.specialty("cardiology")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cardiology.core_terms = ()  # type: ignore[misc]
    assert isinstance(cardiology.core_terms, tuple)
    assert isinstance(lexicon.dept_types, frozenset)


def test_lexicon_does_not_share_the_callers_dict(lexicon: Lexicon) -> None:
    specialties = dict(lexicon.specialties)
    copy_ = Lexicon(specialties=specialties, skills=lexicon.skills, dept_types=lexicon.dept_types)
    specialties.clear()
    assert "cardiology" in copy_.specialties


def test_unknown_specialty_key_is_a_not_found_error_suggesting_the_closest_key(
    lexicon: Lexicon,
) -> None:
    with pytest.raises(NotFoundError, match="cardiologyy") as caught:
        lexicon.specialty("cardiologyy")
    assert "did you mean 'cardiology'" in str(caught.value)
    assert "resolve_specialty" in (caught.value.hint or "")
    assert isinstance(caught.value, KeyError)  # code catching the built-in type still works


# --- malformed files ----------------------------------------------------------------------


def _specialties_with(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(_raw("specialties.json"))
    change(data)
    return data


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _delete(path: tuple[Any, ...]) -> Any:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


def _duplicate_first_key(data: dict[str, Any]) -> None:
    data["specialties"][1]["key"] = data["specialties"][0]["key"]


def _colliding_alias(data: dict[str, Any]) -> None:
    assert data["specialties"][0]["key"] != "cardiology"
    data["specialties"][0]["aliases"].append("Cards")  # cardiology's alias, other case


def _colliding_alias_by_punctuation(data: dict[str, Any]) -> None:
    data["specialties"][0]["aliases"].append("Ob Gyn")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_duplicate_first_key, "duplicate key"),
        (_colliding_alias, "alias collision"),
        (_colliding_alias_by_punctuation, "alias collision"),
        (_set(("specialties", 0, "institutes"), ["NHLBI", "NIH-XYZ"]), "unknown NIH institute"),
        (_set(("specialties", 0, "dept_types"), ["CARDIOLOGY"]), "unknown dept type"),
        (_set(("specialties", 0, "core_terms"), []), "must not be empty"),
        (_set(("specialties", 0, "broad_terms"), []), "must not be empty"),
        (_set(("specialties", 0, "institutes"), []), "must not be empty"),
        (_set(("specialties", 0, "core_terms"), ["Heart Failure"]), "lower-case"),
        (_set(("specialties", 0, "core_terms"), ["asthma", "asthma"]), "more than once"),
        (_set(("specialties", 0, "category"), "procedural"), "category"),
        (_set(("specialties", 0, "key"), "Internal-Medicine"), "snake_case"),
        (_set(("specialties", 0, "core_term"), ["x"]), "unknown field"),
        (_set(("specialties", 0, "exclude_terms"), ["primary care"]), "exclude_terms"),
        (_delete(("specialties", 0, "name")), "missing field"),
        (_delete(("dept_types",)), "dept_types"),
        (_set(("specialties",), []), "non-empty list"),
        (_set(("specialties", 0, "aliases"), "IM"), "list of strings"),
    ],
)
def test_malformed_specialties_file_raises_lexicon_error(
    tmp_path: Path, change: Any, message: str
) -> None:
    path = _write(tmp_path, "specialties.json", _specialties_with(change))
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set(("skills", 0, "orientation"), "translational"), "orientation"),
        (_set(("skills", 0, "terms"), []), "must not be empty"),
        (_set(("skills", 1, "key"), "chart_review"), "duplicate key"),
        (_set(("skills", 1, "aliases"), ["Chart Review"]), "alias collision"),
    ],
)
def test_malformed_skills_file_raises_lexicon_error(
    tmp_path: Path, change: Any, message: str
) -> None:
    data = copy.deepcopy(_raw("skills.json"))
    change(data)
    path = _write(tmp_path, "skills.json", data)
    with pytest.raises(LexiconError, match=message):
        load_lexicon(skills_path=path)


def test_missing_file_raises_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon(tmp_path / "nope.json")


def test_invalid_json_raises_lexicon_error(tmp_path: Path) -> None:
    path = tmp_path / "specialties.json"
    path.write_text('{"specialties": [', encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid JSON"):
        load_lexicon(path)


def test_duplicate_json_keys_raise_lexicon_error(tmp_path: Path) -> None:
    path = tmp_path / "skills.json"
    path.write_text('{"skills": [], "skills": []}', encoding="utf-8")
    with pytest.raises(LexiconError, match="duplicate JSON key"):
        load_lexicon(skills_path=path)


def test_alias_collision_error_names_both_entries(tmp_path: Path) -> None:
    path = _write(tmp_path, "specialties.json", _specialties_with(_colliding_alias))
    with pytest.raises(LexiconError, match="alias collision") as info:
        load_lexicon(path)
    first = _raw("specialties.json")["specialties"][0]["key"]
    assert "'Cards'" in info.value.message
    assert f"'{first}'" in info.value.message
    assert "'cardiology'" in info.value.message
    assert str(path) in info.value.message
    assert info.value.hint
