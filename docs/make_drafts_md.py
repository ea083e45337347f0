"""Regenerate docs/drafts.md: a gallery of real drafts and follow-ups, for reviewers to read.

The drafts are written by the library from the bundled RePORTER snapshot
(``examples/reporter-snapshot.json``) and the PubMed records saved for the tests
(``tests/fixtures/``), for three applicant profiles (:data:`PROFILES`), exactly as
``reporter-finder draft`` would write them. Nothing here is edited by hand.

    python docs/make_drafts_md.py           # rewrite docs/drafts.md
    python docs/make_drafts_md.py --check   # exit 1 if docs/drafts.md is stale

``tests/test_docs.py`` fails when the file is stale; ``tests/outreach/test_draft_quality.py``
drafts for every PI of the corpus with the same profiles.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from reporter_finder.api.pubmed import _parse_esummary
from reporter_finder.outreach.compose import draft_followup, draft_for_pi
from reporter_finder.outreach.draft import Applicant, Draft
from reporter_finder.outreach.files import sources_text
from reporter_finder.tables.build import Tables, build_tables

ROOT = Path(__file__).resolve().parent.parent
DRAFTS_MD = ROOT / "docs" / "drafts.md"
SNAPSHOT = ROOT / "examples" / "reporter-snapshot.json"
LINKS = ROOT / "tests" / "fixtures" / "publications-common-fund.json"
SUMMARIES = ROOT / "tests" / "fixtures" / "pubmed-esummary.json"
AS_OF = date(2026, 11, 24)
SENT_ON = date(2026, 11, 3)

#: Three applicants as the guide describes them: a postdoc in a dry lab, a clinical research
#: fellow, a postdoc with no visa constraint. The drafts are for the PIs after each.
PROFILES: dict[str, Applicant] = {
    "postdoc, J-1": Applicant(
        name="Ana Rivera",
        background="an internal medicine graduate from Peru with two years of clinical research",
        skills=("machine learning", "R", "REDCap"),
        specialty="oncology",
        track="postdoc",
        duration="12–24 months",
        visa="J-1",
        email="ana.rivera@example.org",
    ),
    "clinical, H-1B": Applicant(
        name="Kwame Mensah",
        background=(
            "a physician from Ghana with three years of emergency medicine practice and a "
            "master's degree in public health"
        ),
        skills=("REDCap", "chart review", "Stata"),
        specialty="pediatric oncology",
        track="clinical",
        duration="12 months",
        visa="H-1B",
    ),
    "postdoc, no visa": Applicant(
        name="Sofia Almeida",
        background="a medical graduate from Brazil with a PhD in bioinformatics",
        skills=("Python", "genomics", "GTEx"),
        specialty="medical genetics",
        track="postdoc",
        duration="two years",
        visa="none",
    ),
}
#: For each profile, the PIs of the gallery (profile ids): one with a paper, one without.
GALLERY: dict[str, tuple[str, ...]] = {
    "postdoc, J-1": ("10519021", "10173900"),
    "clinical, H-1B": ("10586724", "9254652"),
    "postdoc, no visa": ("12266974", "10363722"),
}


def corpus() -> tuple[Tables, pd.DataFrame]:
    """The snapshot's tables, and the papers RePORTER links to its grants whose PubMed
    summary was saved (one row per PI and paper, as ``pi_publications`` gives them)."""
    records = json.loads(SNAPSHOT.read_text(encoding="utf-8"))["results"]
    tables = build_tables(records, as_of=AS_OF)
    summaries = {
        s.pmid: s for s in _parse_esummary(json.loads(SUMMARIES.read_text(encoding="utf-8")), "x")
    }
    links = json.loads(LINKS.read_text(encoding="utf-8"))["results"]
    owners = tables.grants.set_index("core_project_num")["pi_keys"]
    rows = []
    for link in links:
        summary = summaries.get(link["pmid"])
        if summary is None or link["coreproject"] not in owners.index:
            continue
        for key in owners[link["coreproject"]]:
            rows.append(
                {
                    "pi_key": key,
                    "profile_id": int(key) if key.isdecimal() else None,
                    "pmid": summary.pmid,
                    "core_project_num": link["coreproject"],
                    "title": summary.title,
                    "journal": summary.journal,
                    "year": summary.year,
                    "pub_date": pd.Timestamp(summary.pub_date),
                }
            )
    return tables, pd.DataFrame(rows).drop_duplicates(["pi_key", "pmid"])


def gallery() -> list[tuple[str, Applicant, Draft, Draft]]:
    """(profile label, applicant, first draft, follow-up) for every gallery entry."""
    tables, papers = corpus()
    entries = []
    for label, applicant in PROFILES.items():
        for pi in GALLERY[label]:
            first = draft_for_pi(tables, pi, applicant, publications=papers)
            entries.append(
                (label, applicant, first, draft_followup(first, applicant, contacted_on=SENT_ON))
            )
    return entries


def render() -> str:
    lines = [
        "# Draft gallery",
        "",
        "<!-- Generated by docs/make_drafts_md.py; do not edit by hand. -->",
        "",
        "Drafts written by `reporter-finder draft` for three applicant profiles, with the",
        "follow-up each would send if the first e-mail (sent "
        f"{SENT_ON.day} {SENT_ON:%B %Y}) got no answer.",
        "The grants, titles and abstracts are real RePORTER records (the bundled snapshot); the",
        "papers are the test suite's PubMed stand-in records, whose titles are marked",
        '"Synthetic test record N". The *Sources* block is written to `NN-name.sources.txt`,',
        "never into the e-mail. Regenerate with `python docs/make_drafts_md.py`.",
        "",
    ]
    for label, applicant, first, follow in gallery():
        lines += [
            f"## {applicant.name} ({label}) to {first.to_name}",
            "",
            f"*{first.word_count} words.*",
            "",
            "```text",
            first.as_text().rstrip("\n"),
            "```",
            "",
            "Sources:",
            "",
            "```text",
            *sources_text(first).rstrip("\n").split("\n")[3:],
            "```",
            "",
            "Follow-up:",
            "",
            "```text",
            follow.as_text().rstrip("\n"),
            "```",
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/drafts.md is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = DRAFTS_MD.read_text(encoding="utf-8") if DRAFTS_MD.exists() else ""
        if current != text:
            print("docs/drafts.md is stale: run python docs/make_drafts_md.py", file=sys.stderr)  # noqa: T201
            return 1
        return 0
    DRAFTS_MD.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
