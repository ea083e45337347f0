"""outreach: four-part drafts that cite only the PI's own grant and paper, and their files."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from reporter_finder.api.pubmed import _parse_esummary
from reporter_finder.errors import OutreachError
from reporter_finder.outreach.compose import draft_batch, draft_email, draft_followup, draft_for_pi
from reporter_finder.outreach.draft import (
    BANNED_WORDS,
    MAX_WORDS,
    PLACEHOLDERS,
    Applicant,
    Draft,
    load_template,
)
from reporter_finder.outreach.files import write_drafts
from reporter_finder.tables.build import Tables, build_tables
from tests.conftest import load_fixture
from tests.frames import assert_unchanged, snapshot

HU_LI = "10519021"  # two R03s: R03OD034496 (machine learning …) and R03OD038392

ANA = Applicant(
    name="Ana Rivera",
    background="an internal medicine graduate from Peru with two years of clinical research",
    skills=("machine learning", "R", "REDCap"),
    specialty="oncology",
    track="postdoc",
    duration="12–24 months",
    visa="J-1",
    email="ana@example.org",
)


@pytest.fixture(scope="module")
def tables() -> Tables:
    return build_tables(
        load_fixture("projects-common-fund.json")["results"], as_of=date(2026, 11, 24)
    )


@pytest.fixture(scope="module")
def publications() -> pd.DataFrame:
    """Papers of Hu Li (his grants' links) and of another PI, titles from the PubMed fixture."""
    summaries = {s.pmid: s for s in _parse_esummary(load_fixture("pubmed-esummary.json"), "x")}
    rows = []
    for pi_key, core, pmids in [
        (HU_LI, "R03OD034496", [41263098, 38398213]),
        (HU_LI, "R03OD038392", [39562549]),
        ("12266974", "R03OD039979", [41977346]),  # newer, but not Hu Li's
    ]:
        for pmid in pmids:
            s = summaries[pmid]
            rows.append(
                {
                    "pi_key": pi_key,
                    "profile_id": int(pi_key),
                    "pmid": pmid,
                    "core_project_num": core,
                    "title": s.title,
                    "journal": s.journal,
                    "year": s.year,
                    "pub_date": pd.Timestamp(s.pub_date),
                }
            )
    return pd.DataFrame(rows)


def words(text: str) -> int:
    return len([t for t in text.split() if re.search(r"\w", t)])


# --- content ---------------------------------------------------------------------------------


def test_draft_cites_the_pis_own_grant_and_paper(
    tables: Tables, publications: pd.DataFrame
) -> None:
    draft = draft_for_pi(tables, HU_LI, ANA, publications=publications)
    own_grants = set(
        tables.grants.loc[
            tables.grants["pi_keys"].map(lambda keys: HU_LI in keys), "core_project_num"
        ]
    )
    assert draft.grant_number in own_grants
    # The grant whose title has the applicant's skill wins over the more recent one.
    assert draft.grant_number == "R03OD034496"
    title = tables.grants.set_index("core_project_num").loc["R03OD034496", "project_title"]
    assert f'"{title}" (R03OD034496, funded 2022)' in draft.body
    # The paper is Hu Li's (linked to his grants), the newest one from the cited grant —
    # not the other PI's newer paper.
    assert draft.pmid == 41263098
    paper = publications.set_index("pmid").loc[41263098]
    assert (
        f'"{paper.title}" ({paper.journal}, {paper.year}), a paper from that grant.' in draft.body
    )
    assert "41977346" not in draft.body + " ".join(draft.facts)
    # Every claim is traceable.
    assert any(f.startswith("grant R03OD034496:") and "10564098" in f for f in draft.facts)
    assert any(f.startswith("paper PMID 41263098:") for f in draft.facts)
    assert any("machine learning" in f for f in draft.facts)


def test_draft_has_the_four_parts_subject_and_salutation(
    tables: Tables, publications: pd.DataFrame
) -> None:
    draft = draft_for_pi(tables, HU_LI, ANA, publications=publications)
    assert re.fullmatch(r"Research Inquiry: Ana Rivera – \S.{2,80}", draft.subject)
    assert (
        draft.subject
        == "Research Inquiry: Ana Rivera – Uncovering therapeutic-associated biomarkers"
    )
    paragraphs = draft.body.split("\n\n")
    assert paragraphs[0] == "Dear Dr. Li,"
    about_pi, bridge, about_me, action = paragraphs[1:5]
    assert "R03OD034496" in about_pi
    assert "machine learning" in bridge
    assert "Ana Rivera" in about_me
    assert "12–24 months" in about_me
    assert "J-1" in about_me
    assert "CV" in action
    assert "15 minutes" in action
    assert draft.body.endswith("Best regards,\nAna Rivera\nana@example.org")


def test_draft_is_short_and_free_of_flattery(tables: Tables, publications: pd.DataFrame) -> None:
    for pi_key in tables.pis["pi_key"].head(40):
        draft = draft_for_pi(tables, pi_key, ANA, publications=publications)
        assert draft.word_count < MAX_WORDS, draft.body
        assert draft.word_count == words(draft.body)
        for word in BANNED_WORDS:
            assert word not in draft.body.lower(), (word, draft.body)


def test_packaged_templates_use_no_banned_word_and_only_known_placeholders() -> None:
    for kind in ("email", "followup"):
        text = load_template(kind=kind)
        assert text.startswith("Subject: ")
        assert not any(w in text.lower() for w in BANNED_WORDS)
        assert set(re.findall(r"\$\{(\w+)\}", text)) <= set(PLACEHOLDERS)


def test_bridge_without_overlap_claims_nothing_about_the_pi(tables: Tables) -> None:
    plain = Applicant("Ana Rivera", "a physician", skills=("REDCap",), specialty="nephrology")
    draft = draft_for_pi(tables, HU_LI, plain)
    assert "I would like to bring my nephrology training and my skills in REDCap" in draft.body
    assert "nephrology" not in " ".join(draft.facts)
    assert draft.pmid is None
    assert "I also read" not in draft.body  # no publications given: no paper


def test_matched_terms_from_the_ranking_feed_the_bridge(tables: Tables) -> None:
    plain = Applicant("Ana Rivera", "a physician", specialty="oncology")
    draft = draft_for_pi(tables, HU_LI, plain, matched_terms=["biomarkers"])
    assert "work on biomarkers matches my interest in it" in draft.body
    assert any("biomarkers" in f for f in draft.facts)


def test_active_grant_is_preferred_and_others_grants_are_refused(tables: Tables) -> None:
    grants = pd.DataFrame(
        [
            {"core_project_num": "R01OLD", "project_title": "Machine learning in X",
             "is_active": False, "last_fiscal_year": 2020, "pi_keys": ["7"]},
            {"core_project_num": "R01NEW", "project_title": "Cohort study of Y",
             "is_active": True, "last_fiscal_year": 2025, "pi_keys": ["7"]},
            {"core_project_num": "R01ELSE", "project_title": "Machine learning for Z",
             "is_active": True, "last_fiscal_year": 2026, "pi_keys": ["8"]},
        ]
    )  # fmt: skip
    pi = {"pi_key": "7", "pi_name": "Maria de la Cruz", "sort_name": "DE LA CRUZ, MARIA"}
    draft = draft_email(pi, grants, ANA)
    assert draft.grant_number == "R01NEW"
    assert draft.body.startswith("Dear Dr. de la Cruz,")
    assert draft.slug == "de-la-cruz-maria"
    with pytest.raises(OutreachError, match="lists"):
        draft_email({"pi_key": "9", "pi_name": "X Y"}, grants, ANA)
    with pytest.raises(OutreachError, match="no grants"):
        draft_email(pi, grants.iloc[0:0], ANA)


def test_user_templates_are_validated(tables: Tables, tmp_path: Path) -> None:
    good = tmp_path / "mine.txt"
    good.write_text(
        "Subject: Question about ${grant_number}\n\nDear ${salutation},\n\n${bridge_sentence}\n",
        encoding="utf-8",
    )
    draft = draft_for_pi(tables, HU_LI, ANA, template=load_template(good))
    assert draft.subject == "Question about R03OD034496"
    for text, error in [
        ("Subject: x\n\n${pi_shoe_size}", "unknown placeholder"),
        ("Subject: x\n\nYour renowned lab", "flattery"),
        ("Subject: x\n\nIt costs $5", "not a placeholder"),
        ("Dear ${salutation}", "first line"),
    ]:
        with pytest.raises(OutreachError, match=error):
            draft_for_pi(tables, HU_LI, ANA, template=text)
    with pytest.raises(OutreachError, match="cannot read"):
        load_template(tmp_path / "missing.txt")


def test_applicant_validation() -> None:
    with pytest.raises(OutreachError, match="name"):
        Applicant(" ", "x")
    with pytest.raises(OutreachError, match="track"):
        Applicant("A", "x", track="resident")
    assert Applicant("A", "a doctor.", skills="R; REDCap, SQL").skills == ("R", "REDCap", "SQL")  # type: ignore[arg-type]


# --- batch, files, e-mail format ---------------------------------------------------------------


def test_eml_parses_back(tables: Tables, publications: pd.DataFrame) -> None:
    draft = draft_for_pi(tables, HU_LI, ANA, publications=publications)
    message = email.message_from_string(draft.as_eml(), policy=email.policy.default)
    assert message["Subject"] == draft.subject
    assert message["From"] == "Ana Rivera <ana@example.org>"
    assert message["X-Unsent"] == "1"
    assert message["To"] is None
    assert message.get_content_charset() == "utf-8"
    # RFC 5322 line endings are CRLF; the content is the body, unchanged.
    assert draft.as_eml().count("\r\n") == draft.as_eml().count("\n")
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == draft.body
    with_to = email.message_from_string(draft.as_eml(to_addr="li@example.edu"))
    assert "li@example.edu" in with_to["To"]


def test_draft_batch_from_a_saved_lead_csv_without_tables() -> None:
    leads = pd.DataFrame(
        {
            "rank": ["2", "1", "3"],
            "pi_name": ["Hu Li", "Jian Ma", "No Grant"],
            "profile_id": ["10519021", "10363722", "1"],
            "top_grant_title": [
                "Uncovering therapeutic-associated biomarkers via machine learning",
                "Integrative Machine Learning for Common Fund Spatial Omics",
                "",
            ],
            "top_grant_number": ["R03OD034496", "R03OD039980", ""],
            "top_grant_url": ["https://reporter.nih.gov/project-details/10564098", "", ""],
            "matched_terms": ["biomarkers; machine learning", "", ""],
            "recent_publications": [
                "A paper — PLoS Comput Biol 2025 (PMID 41263098); PMID 1",
                "",
                "",
            ],
        }
    )
    drafts = draft_batch(leads, None, ANA, top=2)
    # A title with "; " inside survives the CSV's "; " join.
    leads.loc[0, "recent_publications"] = (
        "PMID 9; Tumours (T1); a study — Cell 2024 (PMID 5); X — J 2020 (PMID 4)"
    )
    assert '"Tumours (T1); a study" (Cell, 2024)' in draft_batch(leads, None, ANA, top=2)[1].body
    assert [d.to_name for d in drafts] == ["Jian Ma", "Hu Li"]  # rank order
    assert drafts[1].pmid == 41263098
    assert '"A paper" (PLoS Comput Biol, 2025)' in drafts[1].body
    assert drafts[0].pmid is None
    with pytest.raises(OutreachError, match="No Grant"):
        draft_batch(leads, None, ANA, top=3)


def test_draft_batch_with_tables_uses_the_pis_grants(
    tables: Tables, publications: pd.DataFrame
) -> None:
    leads = pd.DataFrame({"rank": [1], "pi_key": [HU_LI], "pi_name": ["Hu Li"]})
    [draft] = draft_batch(leads, tables, ANA, publications=publications)
    assert draft.grant_number == "R03OD034496"
    assert draft.pmid == 41263098


def test_write_drafts_names_files_and_writes_txt_and_eml(
    tables: Tables, publications: pd.DataFrame, tmp_path: Path
) -> None:
    drafts = [
        draft_for_pi(tables, HU_LI, ANA, publications=publications),
        draft_for_pi(tables, "10363722", ANA),
    ]
    paths = write_drafts(drafts, tmp_path / "drafts")
    assert [p.name for p in paths] == [
        "01-li-hu.txt",
        "01-li-hu.eml",
        "02-ma-jian.txt",
        "02-ma-jian.eml",
    ]
    text = paths[0].read_text(encoding="utf-8")
    assert text.startswith(f"Subject: {drafts[0].subject}\n\nDear Dr. Li,")
    assert "Sources (check before sending" in text
    assert "- grant R03OD034496:" in text
    parsed = email.message_from_bytes(paths[1].read_bytes(), policy=email.policy.default)
    assert parsed["Subject"] == drafts[0].subject
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == sorted(
        p.name for p in paths
    )  # no temp files left


def test_followup_is_short_polite_and_refers_to_the_same_grant(
    tables: Tables, publications: pd.DataFrame
) -> None:
    first = draft_for_pi(tables, HU_LI, ANA, publications=publications)
    nudge = draft_followup(first, ANA, contacted_on=date(2026, 11, 3))
    assert nudge.subject == f"Re: {first.subject}"
    assert "my e-mail of November 3" in nudge.body
    assert "R03OD034496" in nudge.body
    assert nudge.word_count < 100
    assert not any(w in nudge.body.lower() for w in BANNED_WORDS)
    lead = {
        "pi_name": "Hu Li",
        "profile_id": "10519021",
        "top_grant_title": "Uncovering therapeutic-associated biomarkers via machine learning",
        "top_grant_number": "R03OD034496",
        "contacted_on": "Nov 3, 2026",  # 11/3/2026 would be ambiguous: no date
    }
    from_lead = draft_followup(lead, ANA)
    assert isinstance(from_lead, Draft)
    assert from_lead.body.startswith("Dear Dr. Li,")
    assert "of November 3" in from_lead.body
    with pytest.raises(OutreachError):
        draft_followup({"pi_name": "X"}, ANA)


def test_a_publications_table_without_its_columns_is_an_outreach_error(tables: Tables) -> None:
    pubs = pd.DataFrame({"pi_key": [HU_LI], "pmid": [41263098]})  # no title, no grant
    with pytest.raises(OutreachError, match="title"):
        draft_for_pi(tables, HU_LI, ANA, publications=pubs)


def test_drafting_leaves_the_lead_list_and_publications_alone(
    tables: Tables, publications: pd.DataFrame
) -> None:
    leads = pd.DataFrame(
        {
            "rank": [1, 2],
            "pi_key": [HU_LI, "nobody"],
            "pi_name": ["Hu Li", "No One"],
            "top_grant_title": ["A title", "Another title"],
            "top_grant_number": ["R03OD034496", "R01XX000001"],
            "matched_terms": [["biomarkers"], ["machine learning"]],
            "recent_publications": [["A paper — PLoS Comput Biol 2025 (PMID 41263098)"], []],
        }
    )
    leads_before, pubs_before = snapshot(leads), snapshot(publications)
    grants_before = snapshot(tables.grants)
    drafts = draft_batch(leads, tables, ANA, top=2)
    draft_batch(leads, None, ANA, top=2)
    draft_followup(leads.iloc[0].to_dict(), ANA)
    draft_for_pi(tables, HU_LI, ANA, publications=publications)
    assert len(drafts) == 2
    assert_unchanged(leads, leads_before)  # list cells included
    assert_unchanged(publications, pubs_before)
    assert_unchanged(tables.grants, grants_before)
