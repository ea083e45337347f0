"""reporter_finder.rank on small hand-made records (built into tables by tables.build)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from reporter_finder.dates import nih_fiscal_year
from reporter_finder.errors import QueryError
from reporter_finder.rank.ranker import rank_pis
from reporter_finder.rank.relevance import score_projects
from reporter_finder.rank.weights import RankWeights
from reporter_finder.schema import LEAD_COLUMNS, RANK_COLUMNS, SCORE_COLUMNS
from reporter_finder.tables.build import build_tables
from tests.rank.records import (
    AS_OF,
    BENCH,
    CARDIOLOGY,
    ECHO,
    HF,
    ML,
    ONC,
    deep_copy_frame,
    pi,
    record,
)


def ranked(
    records: list[dict], skills=(), track="any", weights=None, include_companies=False
) -> pd.DataFrame:
    tables = build_tables(records, as_of=AS_OF)
    return rank_pis(tables, CARDIOLOGY, skills, track, weights=weights, as_of=AS_OF,
                    include_companies=include_companies)  # fmt: skip


def order(frame: pd.DataFrame) -> list[int]:
    return [int(v) for v in frame["profile_id"]]


def test_contact_pi_outranks_equal_other_pi() -> None:
    recs = [
        record("R01HL000001", [pi(1, True), pi(2, False)], HF),
        record("R01HL000002", [pi(3, True), pi(4, False)], HF),
    ]
    out = ranked(recs, weights=replace(RankWeights(), group_co_pis=False))
    scores = dict(zip(order(out), out["score"], strict=True))
    assert scores[3] > scores[2]  # contact on an equal grant beats other PI
    assert scores[1] == scores[3]
    assert "Co-PI on 1 matching grant" in out.set_index("profile_id").at[2, "why"]


def test_recent_grant_outranks_equal_old_grant_by_the_decay() -> None:
    recs = [
        record("R01HL000011", [pi(11)], HF, fy=2019, end="2020-06-30T00:00:00"),
        record("R01HL000012", [pi(12)], HF, fy=2025, end="2020-06-30T00:00:00"),
    ]
    out = ranked(recs, weights=RankWeights().text_only())
    assert order(out) == [12, 11]
    text = dict(zip(order(out), out["text_score"], strict=True))
    breadth = RankWeights().breadth * 0.6931471805599453
    years = nih_fiscal_year(AS_OF) - 2019
    assert (text[11] - breadth) / (text[12] - breadth) == pytest.approx(
        2.718281828 ** (-years / 3), rel=1e-3
    )


def test_one_huge_centre_grant_does_not_beat_three_solid_grants() -> None:
    flood = " ".join([HF] * 40)  # an abstract naming every term over and over
    recs = [
        record("U54HL000021", [pi(21)], flood, code="U54", award=12_000_000),
        *[record(f"R01HL00003{i}", [pi(22)], HF) for i in range(3)],
    ]
    out = ranked(recs)
    assert order(out)[0] == 22
    row = out.set_index("profile_id").loc[21]
    assert row["prior_funding"] < out.set_index("profile_id").at[22, "prior_funding"]


def test_many_tiny_off_topic_grants_do_not_dominate() -> None:
    recs = [
        record("R01HL000041", [pi(41)], HF, award=300_000),
        *[
            record(f"R03CA00005{i}", [pi(42)], ONC + (" cardiac." if i == 0 else ""), award=50_000)
            for i in range(8)
        ],
    ]
    out = ranked(recs)
    assert order(out)[0] == 41
    if 42 in order(out):
        row = out.set_index("profile_id").loc[42]
        assert row["n_matching_grants"] <= 1


def test_off_topic_big_funded_pi_stays_below_relevant_small_one() -> None:
    recs = [
        record("R01HL000061", [pi(61)], HF, award=250_000, code="R21"),
        *[record(f"R01CA00007{i}", [pi(62)], ONC, award=3_000_000) for i in range(4)],
    ]
    out = ranked(recs)
    assert order(out) == [61]  # the oncology lab is not ranked at all


def test_skills_rerank_within_the_specialty_but_never_define_it() -> None:
    plain = record("R01HL000081", [pi(81)], HF + " Heart failure registry outcomes.")
    echo = record("R01HL000082", [pi(82)], HF + " Ejection fraction by echocardiography.")
    skill_only = record("R01CA000083", [pi(83)], ONC + " Echocardiography and ejection fraction.")
    without = ranked([plain, echo, skill_only], weights=RankWeights().text_only())
    with_skill = ranked([plain, echo, skill_only], [ECHO], weights=RankWeights().text_only())
    assert order(with_skill)[0] == 82
    assert with_skill.set_index("profile_id").at[82, "matched_skills"] == ["Echocardiography"]
    assert with_skill.set_index("profile_id").at[81, "matched_skills"] == []
    # The skill-only oncology PI matches only the broad term "echocardiography" at most.
    scores = dict(zip(order(with_skill), with_skill["relevance"], strict=True))
    assert scores.get(83, 0.0) < scores[81]
    assert set(order(without)) == set(order(with_skill))


def test_track_flips_order_between_trial_pi_and_mouse_model_pi() -> None:
    trial = record(
        "R01HL000091",
        [pi(91)],
        HF + " A randomized clinical trial enrolling patients from a registry cohort.",
    )
    mouse = record(
        "R01HL000092",
        [pi(92)],
        HF + " Mouse model, knockout mice and in vitro cell culture with sequencing.",
    )
    clinical = ranked([trial, mouse], track="clinical")
    postdoc = ranked([trial, mouse], track="postdoc")
    assert order(clinical) == [91, 92]
    assert order(postdoc) == [92, 91]
    assert clinical.set_index("profile_id").at[91, "track_fit"] == "strong"
    assert clinical.set_index("profile_id").at[92, "track_fit"] == "weak"
    assert "clinical track: strong fit" in clinical.set_index("profile_id").at[91, "why"]
    anyway = ranked([trial, mouse], [BENCH], track="any")
    assert order(anyway) == [92, 91]


def test_ties_break_by_profile_id_then_key_whatever_the_input_order() -> None:
    recs = [
        record("R01HL000101", [pi(105)], HF),
        record("R01HL000102", [pi(101)], HF),
        record("R01HL000103", [pi(103)], HF),
    ]
    first = ranked(recs)
    second = ranked(list(reversed(recs)))
    assert order(first) == [101, 103, 105]
    assert order(second) == [101, 103, 105]
    assert first["rank"].tolist() == [1, 2, 3]
    assert first["score"].nunique() == 1


def test_explanation_columns_are_populated_and_list_typed() -> None:
    recs = [
        record(
            "K24HL000111",
            [pi(111, title="PROFESSOR OF MEDICINE")],
            HF + " Echocardiography of patients.",
            code="K24",
            title="Mentoring in heart failure research",
        ),
        record("R01HL000112", [pi(111, title="PROFESSOR OF MEDICINE")], HF),
    ]
    out = ranked(recs, [ECHO, ML], track="clinical")
    assert list(out.columns) == [*LEAD_COLUMNS, *list(RANK_COLUMNS)[len(LEAD_COLUMNS) :]]
    row = out.iloc[0]
    for column in ("activity_codes", "mentor_flags", "matched_terms", "matched_skills"):
        assert isinstance(row[column], list)
    assert row["activity_codes"] == ["K24", "R01"]
    assert "K24 mentoring award" in row["mentor_flags"]
    assert row["matched_terms"][:2] == ["heart failure", "atrial fibrillation"] or set(
        row["matched_terms"]
    ) >= {"heart failure", "atrial fibrillation", "cardiomyopathy"}
    assert row["matched_skills"] == ["Echocardiography"]
    assert row["top_grant_number"] in {"K24HL000111", "R01HL000112"}
    assert row["top_grant_url"].startswith("https://reporter.nih.gov/project-details/")
    assert row["prior_seniority"] == 1.0
    assert row["prior_department"] == 1.0
    assert row["prior_mentoring"] == 1.0
    why = row["why"]
    assert why.startswith("Contact PI on 2 matching grants (2 active): ")
    assert "K24 mentoring award" in why
    assert "Internal Medicine/Medicine dept" in why
    assert "\n" not in why


def test_missing_title_department_and_role_are_neutral() -> None:
    known = record("R01HL000121", [pi(121, contact=None)], HF, dept=None)
    out = ranked([known])
    row = out.iloc[0]
    assert row["prior_seniority"] == 0.0
    assert row["prior_department"] == 0.0
    assert row["prior_track"] == 0.0
    assert row["track_fit"] == "unknown"
    # A single-PI grant with no contact flag counts the PI as contact.
    assert row["why"].startswith("Contact PI")


def test_fellowship_only_pi_is_not_ranked_and_sbir_only_pi_counts_as_a_company() -> None:
    recs = [
        record("F32HL000131", [pi(131)], HF, code="F32"),
        record("R44HL000132", [pi(132)], HF, code="R44"),
        record("R21HL000133", [pi(133)], HF, code="R21"),
    ]
    assert order(ranked(recs)) == [133]
    out = ranked(recs, include_companies=True)
    assert 131 not in order(out)
    by_id = out.set_index("profile_id")
    assert by_id.at[132, "mentor_flags"] == ["company (SBIR/STTR awards only)"]
    assert by_id.at[133, "mentor_flags"] == []


def test_false_friend_phrase_does_not_count_for_its_term() -> None:
    recs = [record("R01HL000141", [pi(141)], "A cardiac arrest simulation curriculum for nurses.")]
    out = ranked(recs)
    assert out.empty


def test_empty_input_gives_the_empty_schema() -> None:
    tables = build_tables([], as_of=AS_OF)
    out = rank_pis(tables, CARDIOLOGY, [ECHO], "clinical")
    assert out.empty
    assert list(out.columns) == list(RANK_COLUMNS)
    assert out["score"].dtype == "Float64"
    scored = score_projects(tables.projects, CARDIOLOGY)
    assert list(scored.columns) == list(SCORE_COLUMNS)
    assert scored.empty


def test_no_match_gives_the_empty_schema() -> None:
    out = ranked([record("R01CA000151", [pi(151)], ONC)])
    assert out.empty
    assert list(out.columns) == list(RANK_COLUMNS)


def test_inputs_are_not_mutated() -> None:
    recs = [
        record("R01HL000161", [pi(161), pi(162, False)], HF, title="Heart failure outcomes"),
        record("K24HL000163", [pi(163)], HF + " patients", code="K24"),
    ]
    tables = build_tables(recs, as_of=AS_OF)
    names = ("projects", "grants", "pis", "pi_grants")
    # Deep copies, list cells included: a stage appending to a cell's list must be caught.
    before = {name: deep_copy_frame(getattr(tables, name)) for name in names}
    rank_pis(tables, CARDIOLOGY, [ECHO], "clinical")
    score_projects(tables.projects, CARDIOLOGY, [ECHO])
    for name, frame in before.items():
        pd.testing.assert_frame_equal(getattr(tables, name), frame)


def test_the_no_mutation_check_sees_a_change_inside_a_list_cell() -> None:
    # The premise of the test above: its snapshot does not share list cells with the input.
    tables = build_tables([record("R01HL000164", [pi(164)], HF)], as_of=AS_OF)
    snapshot = deep_copy_frame(tables.grants)
    tables.grants.at[0, "pi_keys"].append("someone else")
    with pytest.raises(AssertionError):
        pd.testing.assert_frame_equal(tables.grants, snapshot)


def test_score_projects_reports_matched_terms_per_appl_id() -> None:
    recs = [
        record("R01HL000171", [pi(171)], "Heart failure with preserved ejection fraction."),
        record("R01CA000172", [pi(172)], ONC),
    ]
    tables = build_tables(recs, as_of=AS_OF)
    scored = score_projects(tables.projects, CARDIOLOGY, [ECHO]).set_index("core_project_num")
    assert scored.at["R01HL000171", "matched_terms"] == ["heart failure"]
    assert scored.at["R01HL000171", "matched_skill_terms"] == ["ejection fraction"]
    assert scored.at["R01HL000171", "relevance"] > scored.at["R01HL000171", "specialty_score"]
    assert scored.at["R01CA000172", "relevance"] == 0
    assert scored.at["R01CA000172", "matched_terms"] == []


def test_generic_pref_terms_are_not_indexed() -> None:
    recs = [record(f"R01HL00018{i}", [pi(180 + i)], ONC) for i in range(4)]
    for rec in recs:
        rec["pref_terms"] = "Cardiac;Address;Data"
    recs[0]["pref_terms"] = "Cardiomyopathy;Cardiac"
    tables = build_tables(recs, as_of=AS_OF)
    scored = score_projects(tables.projects, CARDIOLOGY)
    hits = dict(zip(scored["core_project_num"], scored["matched_terms"], strict=True))
    # "Cardiac" is in every list (> 30%): ignored; "Cardiomyopathy" is specific: indexed.
    assert hits["R01HL000180"] == ["cardiomyopathy"]
    assert hits["R01HL000181"] == []


def test_unknown_track_is_rejected() -> None:
    tables = build_tables([record("R01HL000191", [pi(191)], HF)], as_of=AS_OF)
    with pytest.raises(QueryError, match="track"):
        rank_pis(tables, CARDIOLOGY, (), "surgeon")


def test_nih_fiscal_year_rolls_over_on_october_first() -> None:
    assert nih_fiscal_year(date(2025, 9, 30)) == 2025
    assert nih_fiscal_year(date(2025, 10, 1)) == 2026


def test_rank_weights_document_every_field() -> None:
    import dataclasses

    doc = RankWeights.__doc__ or ""
    for f in dataclasses.fields(RankWeights):
        assert f.name in doc, f.name


# --- in Jupyter ------------------------------------------------------------------------------

#: Makes tqdm.auto believe it runs in a Jupyter kernel that has no ipywidgets, shows every
#: warning on stderr (tqdm catches a warning turned into an error, so "error" would hide it),
#: then runs ``body``. A fresh interpreter: tqdm.auto decides (and warns) once, on import.
_JUPYTER_WITHOUT_IPYWIDGETS = textwrap.dedent(
    """
    import sys, types, warnings
    warnings.simplefilter("always")
    sys.modules["ipykernel.zmqshell"] = types.ModuleType("ipykernel.zmqshell")
    ipython = types.ModuleType("IPython")
    ipython.get_ipython = lambda: None
    sys.modules["IPython"] = ipython
    sys.modules["ipywidgets"] = None  # "import ipywidgets" raises ImportError
    {body}
    """
)


def _in_fake_jupyter(body: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _JUPYTER_WITHOUT_IPYWIDGETS.format(body=body)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_jupyter_without_ipywidgets_really_warns_about_iprogress() -> None:
    # The premise of the next test: this set-up does make tqdm.auto warn.
    result = _in_fake_jupyter("import tqdm.auto")
    assert result.returncode == 0, result.stderr
    assert "TqdmWarning: IProgress not found" in result.stderr


def test_ranking_in_jupyter_without_ipywidgets_does_not_warn_about_iprogress() -> None:
    result = _in_fake_jupyter(
        "from reporter_finder.rank.termindex import score_terms\n"
        "score_terms(['a heart study', 'a kidney study'], ['heart'])"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_broad_terms_alone_do_not_make_a_grant_relevant_to_a_known_specialty() -> None:
    # Regression: a grant naming many adjacent topics (hypertension, echocardiography) but no
    # core term outranked grants squarely in the field; broad terms now only strengthen a
    # grant that already matches a core term.
    broad_only = record("R01HL000001", [pi(1)], "Hypertension screening with echocardiography.")
    core_and_broad = record(
        "R01HL000002", [pi(2)], "Heart failure with hypertension, followed by echocardiography."
    )
    core_only = record("R01HL000003", [pi(3)], "Heart failure in older adults.")
    tables = build_tables([broad_only, core_and_broad, core_only], as_of=AS_OF)
    scored = score_projects(tables.projects, CARDIOLOGY).set_index("core_project_num")
    assert scored.loc["R01HL000001", "relevance"] == 0
    assert scored.loc["R01HL000001", "matched_terms"] == []
    assert scored.loc["R01HL000002", "relevance"] > scored.loc["R01HL000003", "relevance"] > 0
    assert "hypertension" in scored.loc["R01HL000002", "matched_terms"]


def test_an_unknown_specialty_keeps_its_borrowed_broad_terms() -> None:
    # A fallback specialty ("sports cardiology") borrows a known specialty's terms as broad
    # terms because its own words are rare in grant text: those must still count alone.
    fallback = replace(CARDIOLOGY, key="sports cardiology", core_terms=("sports",), is_known=False)
    tables = build_tables([record("R01HL000004", [pi(4)], HF)], as_of=AS_OF)
    fallback = replace(fallback, broad_terms=("heart failure",))
    scored = score_projects(tables.projects, fallback)
    assert scored["relevance"].iloc[0] > 0
