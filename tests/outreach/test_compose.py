"""outreach: four-part drafts that cite only the PI's own grant and paper, and their files."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from reporter_finder.api.pubmed import _parse_esummary
from reporter_finder.errors import OutputExistsError, OutreachError
from reporter_finder.outreach.compose import (
    draft_batch,
    draft_email,
    draft_followup,
    draft_for_pi,
    followup_for_lead,
)
from reporter_finder.outreach.draft import (
    BANNED_WORDS,
    FIELDS,
    MAX_WORDS,
    Applicant,
    load_template,
)
from reporter_finder.outreach.files import first_subject, write_drafts
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


def test_draft_cites_the_pis_newest_relevant_paper_and_its_grant(
    tables: Tables, publications: pd.DataFrame
) -> None:
    draft = draft_for_pi(tables, HU_LI, ANA, publications=publications)
    # The paper is Hu Li's (linked to his grants), the newest whose title has one of the
    # applicant's terms — not the other PI's newer paper.
    assert draft.pmid == 41263098
    paper = publications.set_index("pmid").loc[41263098]
    title = paper.title.rstrip(".")
    # RePORTER links say the paper acknowledges the grant, not that the PI wrote it.
    assert draft.body.split("\n\n")[1] == (
        f'I read "{title}" (PLoS Comput Biol, 2025), a paper supported by your NIH grant '
        "R03OD034496."  # its aim uses an abbreviation the e-mail would not define: left out
    )
    assert "your paper" not in draft.body
    assert "your 2025 paper" not in draft.body
    assert draft.grant_number == "R03OD034496"
    assert "41977346" not in draft.body + " ".join(draft.facts)
    # Every claim is traceable, with its link.
    assert any(
        f.startswith("grant R03OD034496:") and "project-details/10564098" in f for f in draft.facts
    )
    assert any(
        f.startswith("paper PMID 41263098:") and "pubmed.ncbi.nlm.nih.gov/41263098/" in f
        for f in draft.facts
    )
    assert 'bridge: "machine learning" occurs in the title of PMID 41263098' in draft.facts


def test_without_a_paper_the_newest_matching_grant_is_cited_with_its_aim(tables: Tables) -> None:
    draft = draft_for_pi(tables, "10173900", ANA)  # Knowles
    assert draft.pmid is None
    assert draft.body.split("\n\n")[1] == (
        'I read about your NIH-funded project "Synergizing Common Fund Data from MoTrPAC and '
        'LINCS for the Discovery of Novel Exercise Mimetic Drugs" (R03OD038388, funded 2024), '
        "which aims to create a detailed, browsable, and interactive resource for identifying "
        "potential exercise mimetics."
    )
    assert (
        'aim of grant R03OD038388, from its abstract: "… to create a detailed, browsable, and '
        'interactive resource for identifying potential exercise mimetics"'
    ) in draft.facts
    # No aim sentence in the abstract: the title alone, never RePORTER's terms.
    plain = draft_for_pi(tables, "10363722", ANA)  # Jian Ma
    assert plain.body.split("\n\n")[1] == (
        'I read about your NIH-funded project "Integrative Machine Learning for Common Fund '
        'Spatial Omics" (R03OD039980, funded 2025).'
    )


def test_draft_has_the_four_parts_subject_and_salutation(
    tables: Tables, publications: pd.DataFrame
) -> None:
    draft = draft_for_pi(tables, HU_LI, ANA, publications=publications)
    assert (
        draft.subject == "Research Inquiry: Ana Rivera – Machine learning biomarkers of "
        "treatment response"
    )
    paragraphs = draft.body.split("\n\n")
    assert paragraphs[0] == "Dear Dr. Li,"
    about_pi, bridge, about_me, action = paragraphs[1:5]
    assert "R03OD034496" in about_pi
    assert bridge == (
        "I am writing because I want to build my research in oncology around questions like "
        "these, and your work uses machine learning, which I already work with."
    )
    # Each skill once: the bridge named machine learning, so part 3 names only the others.
    assert about_me == (
        "I am Ana Rivera, an internal medicine graduate from Peru with two years of clinical "
        "research. I also work with R and REDCap, and I am looking for a postdoctoral research "
        "position for 12–24 months, on a J-1 visa."
    )
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


def test_packaged_templates_use_no_banned_word_and_only_known_fields() -> None:
    from jinja2 import Environment, meta

    for kind in ("email", "followup"):
        text = load_template(kind=kind)
        assert text.startswith("Subject: ")
        assert not any(w in text.lower() for w in BANNED_WORDS)
        assert meta.find_undeclared_variables(Environment().parse(text)) <= set(FIELDS)


def test_bridge_without_overlap_claims_nothing_about_the_pi(tables: Tables) -> None:
    plain = Applicant("Ana Rivera", "a physician", skills=("REDCap",), specialty="nephrology")
    draft = draft_for_pi(tables, HU_LI, plain)
    bridge = draft.body.split("\n\n")[2]
    assert bridge == (
        "I am writing because I want to build my research in nephrology around questions "
        "like these."
    )
    assert "I work with REDCap" in draft.body  # the skill is the applicant's, stated as such
    assert not any("nephrology" in f or "REDCap" in f for f in draft.facts)
    assert draft.pmid is None


def test_matched_terms_choose_the_grant_but_are_never_written(tables: Tables) -> None:
    plain = Applicant("Ana Rivera", "a physician", specialty="oncology")
    draft = draft_for_pi(tables, HU_LI, plain, matched_terms=["biomarkers", "hiv"])
    assert draft.grant_number == "R03OD034496"  # "biomarkers" is in its title
    assert "biomarkers" not in draft.body.split("\n\n")[2]
    assert "hiv" not in draft.body.lower()


def test_newest_matching_grant_wins_and_others_grants_are_refused(tables: Tables) -> None:
    grants = pd.DataFrame(
        [
            {"core_project_num": "R01OLD", "project_title": "Machine learning in X",
             "is_active": False, "last_fiscal_year": 2020, "pi_keys": ["7"]},
            {"core_project_num": "R01MID", "project_title": "Machine learning in Y",
             "is_active": True, "last_fiscal_year": 2024, "pi_keys": ["7"]},
            {"core_project_num": "R01NEW", "project_title": "Cohort study of Y",
             "is_active": True, "last_fiscal_year": 2025, "pi_keys": ["7"]},
            {"core_project_num": "R01ELSE", "project_title": "Machine learning for Z",
             "is_active": True, "last_fiscal_year": 2026, "pi_keys": ["8"]},
        ]
    )  # fmt: skip
    pi = {"pi_key": "7", "pi_name": "Maria de la Cruz", "sort_name": "DE LA CRUZ, MARIA"}
    draft = draft_email(pi, grants, ANA)
    assert draft.grant_number == "R01MID"  # newest of the matching ones
    assert draft.body.startswith("Dear Dr. de la Cruz,")
    assert draft.slug == "de-la-cruz-maria"
    unrelated = Applicant("Ana Rivera", "a physician", specialty="dermatology")
    assert draft_email(pi, grants, unrelated).grant_number == "R01NEW"  # none match: newest
    with pytest.raises(OutreachError, match="lists"):
        draft_email({"pi_key": "9", "pi_name": "X Y"}, grants, ANA)
    with pytest.raises(OutreachError, match="no grants"):
        draft_email(pi, grants.iloc[0:0], ANA)


def test_user_templates_are_jinja2_and_validated(tables: Tables, tmp_path: Path) -> None:
    good = tmp_path / "mine.txt"
    good.write_text(
        "Subject: Question about {{ grant_number }}\n\nDear {{ salutation }},\n\n"
        "{% if paper_title %}Your paper{% else %}Your grant{% endif %}: {{ bridge }}\n",
        encoding="utf-8",
    )
    draft = draft_for_pi(tables, HU_LI, ANA, template=load_template(good))
    assert draft.subject == "Question about R03OD034496"
    assert "Your grant: I am writing because" in draft.body
    for text, error in [
        ("Subject: x\n\n{{ pi_shoe_size }}", "^the template uses an unknown field: pi_shoe_size$"),
        ("Subject: x\n\nYour renowned lab", "flattery"),
        ("Subject: x\n\n${salutation}", r"uses \$\{salutation\}: templates are Jinja2 now"),
        ("Subject: x\n\n{% if %}", "error on line 3"),
        ("Dear {{ salutation }}", "first line"),
    ]:
        with pytest.raises(OutreachError, match=error) as caught:
            draft_for_pi(tables, HU_LI, ANA, template=text)
        assert "\n" not in str(caught.value)
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
    assert (
        'I read "Tumours (T1); a study" (Cell, 2024), a paper from your'
        in draft_batch(leads, None, ANA, top=2)[1].body
    )
    assert [d.to_name for d in drafts] == ["Jian Ma", "Hu Li"]  # rank order
    assert [d.rank for d in drafts] == [1, 2]
    assert drafts[1].pmid == 41263098
    assert 'I read "A paper" (PLoS Comput Biol, 2025), a paper from your NIH-funded research.' in (
        drafts[1].body
    )
    # The lead list does not say which grant the paper acknowledges: the grant is named apart.
    assert "I also read about your NIH-funded project" in drafts[1].body
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


def test_write_drafts_names_files_by_rank_and_keeps_sources_apart(
    tables: Tables, publications: pd.DataFrame, tmp_path: Path
) -> None:
    drafts = [
        dataclasses.replace(draft_for_pi(tables, HU_LI, ANA, publications=publications), rank=3),
        draft_for_pi(tables, "10363722", ANA),
    ]
    paths = write_drafts(drafts, tmp_path / "drafts")
    assert [p.name for p in paths] == [
        "03-li-hu.txt",
        "03-li-hu.eml",
        "03-li-hu.sources.txt",
        "02-ma-jian.txt",  # no rank: its position
        "02-ma-jian.eml",
        "02-ma-jian.sources.txt",
    ]
    text = paths[0].read_text(encoding="utf-8")
    assert text == f"Subject: {drafts[0].subject}\n\n{drafts[0].body}\n"  # only the e-mail
    sources = paths[2].read_text(encoding="utf-8")
    assert "not part of the e-mail" in sources
    assert "- grant R03OD034496:" in sources
    assert "- paper PMID 41263098:" in sources
    parsed = email.message_from_bytes(paths[1].read_bytes(), policy=email.policy.default)
    assert parsed["Subject"] == drafts[0].subject
    assert "Sources" not in parsed.get_content()
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == sorted(
        p.name for p in paths
    )  # no temp files left


def test_no_draft_file_is_overwritten_without_overwrite(tables: Tables, tmp_path: Path) -> None:
    drafts = [draft_for_pi(tables, HU_LI, ANA), draft_for_pi(tables, "10363722", ANA)]
    out = tmp_path / "drafts"
    out.mkdir()
    (out / "02-ma-jian.eml").write_text("my edits", encoding="utf-8")
    with pytest.raises(OutputExistsError, match=r"02-ma-jian.eml exists; nothing was written"):
        write_drafts(drafts, out)
    assert sorted(p.name for p in out.iterdir()) == ["02-ma-jian.eml"]
    assert (out / "02-ma-jian.eml").read_text(encoding="utf-8") == "my edits"
    written = write_drafts(drafts, out, overwrite=True)
    assert len(written) == 6
    assert (out / "02-ma-jian.eml").read_text(encoding="utf-8") != "my edits"


def test_followup_replies_to_the_first_in_three_sentences(
    tables: Tables, publications: pd.DataFrame, tmp_path: Path
) -> None:
    first = draft_for_pi(tables, HU_LI, ANA, publications=publications)
    nudge = draft_followup(first, ANA, contacted_on=date(2026, 11, 3))
    assert nudge.subject == f"Re: {first.subject}"
    paragraphs = nudge.body.split("\n\n")
    assert paragraphs[1] == (
        "I wrote to you on 3 November about contributing to your work on machine learning "
        "biomarkers of treatment response. I am following up once in case my e-mail was "
        "missed. If a 15-minute call would suit you in the coming weeks, I would be glad to "
        "arrange it; my CV is attached again."
    )
    assert 2 <= len(re.findall(r"[.?!](?:\s|$)", paragraphs[1])) <= 4
    assert not any(w in nudge.body.lower() for w in BANNED_WORDS)
    # Replying twice does not stack "Re:".
    assert draft_followup(first, ANA, first_subject=nudge.subject).subject == nudge.subject


def test_followup_for_a_lead_rebuilds_the_first_subject_or_reads_the_sent_one(
    tmp_path: Path,
) -> None:
    lead = {
        "rank": "4",
        "pi_name": "Hu Li",
        "profile_id": "10519021",
        "top_grant_title": "Uncovering therapeutic-associated biomarkers via machine learning",
        "top_grant_number": "R03OD034496",
        "contacted_on": "2026-11-03",
    }
    first = draft_batch(pd.DataFrame([lead]), None, ANA)[0]
    follow = followup_for_lead(lead, ANA)
    assert follow.subject == f"Re: {first.subject}"
    assert follow.rank == 4
    assert "on 3 November" in follow.body
    # The applicant edited the subject of the first draft before sending it: reply to that.
    write_drafts([first], tmp_path)
    txt = tmp_path / "04-li-hu.txt"
    txt.write_text(txt.read_text(encoding="utf-8").replace(first.subject, "My own subject"))
    sent = first_subject(tmp_path, follow)
    assert sent == "My own subject"
    assert followup_for_lead(lead, ANA, first_subject=sent).subject == "Re: My own subject"
    paths = write_drafts([follow], tmp_path, kind="followup")
    assert [p.name for p in paths] == ["04-li-hu.followup.txt", "04-li-hu.followup.eml"]
    with pytest.raises(OutreachError, match="no top_grant_number"):
        followup_for_lead({"pi_name": "X"}, ANA)


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
    followup_for_lead(leads.iloc[0].to_dict(), ANA)
    draft_for_pi(tables, HU_LI, ANA, publications=publications)
    assert len(drafts) == 2
    assert_unchanged(leads, leads_before)  # list cells included
    assert_unchanged(publications, pubs_before)
    assert_unchanged(tables.grants, grants_before)


def test_every_template_field_is_documented() -> None:
    cli_md = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"\{\{ (\w+) \}\}", cli_md)) - {"name"}  # "{{ name }}": the syntax
    assert documented == set(FIELDS)


def test_the_clinical_track_cites_a_recruiting_trial_instead_of_a_paper(
    tables: Tables, publications: pd.DataFrame
) -> None:
    from reporter_finder.api.ctgov import Trial
    from reporter_finder.leads.trials import TrialMatch

    def trial(nct: str, status: str) -> Trial:
        return Trial(
            nct_id=nct, title="Machine Learning to Predict Response in HIV Care", official_title="",
            status=status, last_known_status=None, phases=("PHASE2",), start_date="2025-01",
            primary_completion_date=None, enrollment=80, conditions=("HIV Infections",),
            grant_ids=("5R03OD034496-02",), cores=("R03OD034496",), officials=(), contacts=(),
            lead_sponsor="",
        )  # fmt: skip

    clinical = dataclasses.replace(ANA, track="clinical")
    matches = [
        TrialMatch(trial("NCT00000009", "COMPLETED"), "grant R03OD034496"),
        TrialMatch(trial("NCT05000001", "RECRUITING"), "grant R03OD034496"),
    ]
    draft = draft_for_pi(tables, HU_LI, clinical, publications=publications, trials=matches)
    assert draft.pmid is None  # the trial is cited instead of the paper
    assert draft.body.split("\n\n")[1] == (
        'I read about your NIH-funded trial "Machine Learning to Predict Response in HIV Care" '
        "(NCT05000001), which is recruiting participants with HIV Infections. It is supported "
        "by your NIH grant R03OD034496."
    )
    assert draft.subject == "Research Inquiry: Ana Rivera – Machine Learning"
    assert any(
        f.startswith('trial NCT05000001: "Machine Learning to Predict Response in HIV Care", '
                     "status RECRUITING; conditions: HIV Infections; tied to the PI by grant "
                     "R03OD034496; https://clinicaltrials.gov/study/NCT05000001")
        for f in draft.facts
    )  # fmt: skip
    # The postdoc track, or a trial that no longer recruits, keeps the paper.
    assert draft_for_pi(tables, HU_LI, ANA, publications=publications, trials=matches).pmid
    closed = [matches[0]]
    assert draft_for_pi(tables, HU_LI, clinical, publications=publications, trials=closed).pmid
