"""Every PI of the fixture corpus, drafted for three applicant profiles: the draft reads as a
careful person wrote it.

Checked on each first draft and its follow-up: no acronym lower-cased; no word that is in
neither the template, the applicant's own words, the PI's name nor the cited text (so no
RePORTER ``terms``, no invented claim); no dangling pronoun; no phrase repeated within a
sentence; 90–200 words (follow-ups: 2–4 sentences); no ``None``, ``nan``, placeholder or cut
title; a subject topic of at most six words taken from the cited work.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from reporter_finder.api.efetch import parse_efetch
from reporter_finder.outreach.compose import draft_followup, draft_for_pi
from reporter_finder.outreach.draft import MAX_WORDS, MIN_WORDS, Applicant, Draft, load_template
from reporter_finder.tables.build import Tables
from reporter_finder.vocabularies import TRACK_POSITIONS
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_SMALL_TEXT = (
    "a an and as at by for from i in into is it my of on or the to with your you this that "
    "would be am"
)
SMALL = frozenset(_SMALL_TEXT.split())


GALLERY = load_script(ROOT / "docs" / "make_drafts_md.py")


def _real_papers() -> list[Any]:
    """Real PubMed records (title, journal, year) from the saved efetch answers."""
    records = []
    for path in sorted((ROOT / "tests" / "fixtures").glob("pubmed-efetch-*.xml")):
        records += [r for r in parse_efetch(path.read_bytes()) if r.title and r.journal]
    return records


@pytest.fixture(scope="module")
def corpus() -> tuple[Tables, pd.DataFrame]:
    """The gallery's corpus, plus, for every other second PI, a real PubMed title linked to
    their newest grant: the paper path is then drafted from real titles too (the stand-in's
    own paper titles are synthetic)."""
    tables, papers = GALLERY.corpus()
    real = _real_papers()
    assert len(real) >= 15
    extra = []
    newest = tables.grants.sort_values("last_fiscal_year", ascending=False)
    for i, key in enumerate(tables.pis["pi_key"]):
        if i % 2 or key in set(papers["pi_key"]):
            continue
        grant = newest[newest["pi_keys"].map(lambda keys, k=key: k in keys)].iloc[0]
        record = real[i % len(real)]
        extra.append({"pi_key": key, "profile_id": int(key), "pmid": record.pmid,
                      "core_project_num": grant["core_project_num"], "title": record.title,
                      "journal": record.journal, "year": record.year,
                      "pub_date": pd.Timestamp(record.year or 2020, 1, 1)})  # fmt: skip
    papers = pd.concat([papers, pd.DataFrame(extra)], ignore_index=True)
    assert papers["pi_key"].nunique() >= 40  # enough PIs draft from a paper
    return tables, papers


def _drafts(corpus: tuple[Tables, pd.DataFrame]) -> Iterator[tuple[Applicant, Draft, Draft]]:
    tables, papers = corpus
    for applicant in GALLERY.PROFILES.values():
        for pi_key in tables.pis["pi_key"]:
            first = draft_for_pi(tables, pi_key, applicant, publications=papers)
            yield applicant, first, draft_followup(first, applicant, contacted_on=GALLERY.SENT_ON)


@pytest.fixture(scope="module")
def drafts(corpus: tuple[Tables, pd.DataFrame]) -> list[tuple[Applicant, Draft, Draft]]:
    made = list(_drafts(corpus))
    assert len(made) == 3 * len(corpus[0].pis) > 300
    return made


def _frame_words() -> str:
    """The fixed wording of the drafts: the string literals of the outreach code (docstrings
    excluded) and the position names."""
    texts = [" ".join(TRACK_POSITIONS.values())]
    for path in (ROOT / "reporter_finder" / "outreach").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        texts += [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings
        ]  # fmt: skip
    return " ".join(texts)


FRAME = _frame_words()


def _cited_texts(draft: Draft, corpus: tuple[Tables, pd.DataFrame]) -> list[str]:
    tables, papers = corpus
    grant = tables.grants.set_index("core_project_num").loc[draft.grant_number]
    projects = tables.projects.set_index("appl_id")
    texts = [
        str(draft.grant_number),
        str(grant["project_title"]),
        str(projects.loc[grant["latest_appl_id"], "abstract_text"]),
    ]
    if draft.pmid is not None:
        mine = papers[(papers["pmid"] == draft.pmid) & (papers["pi_key"] == draft.pi_key)]
        texts += [str(mine["title"].iloc[0]), str(mine["journal"].iloc[0])]
    return texts


def _vocabulary(text: str) -> set[str]:
    """Lower-cased words of a text, and the parts of its hyphenated words ("U24-Uncovering")."""
    words = {w.lower() for w in WORD.findall(text)}
    return words | {part for w in words for part in w.split("-") if part}


def _applicant_words(applicant: Applicant) -> str:
    return " ".join(
        str(v) for v in (applicant.name, applicant.background, *applicant.skills,
                         applicant.specialty, applicant.duration, applicant.visa, applicant.email)
        if v
    )  # fmt: skip


def _acronyms(texts: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for text in texts:
        if not any(c.islower() for c in text):
            continue
        for word in WORD.findall(text):
            if word[1:] != word[1:].lower():
                found.setdefault(word.lower(), word)
    return found


def _problems(applicant: Applicant, draft: Draft, cited: list[str], template: str) -> list[str]:
    """What a careful reader would object to in one draft."""
    problems = []
    body = draft.body
    allowed_text = " ".join([template, FRAME, _applicant_words(applicant), draft.to_name,
                             draft.salutation, *cited, "November"])  # fmt: skip
    allowed = _vocabulary(allowed_text)
    acronyms = _acronyms(cited)
    for word in WORD.findall(draft.subject + "\n" + body):
        # A word re-joined across a source line break ("bio- samples") is its parts.
        parts_known = all(part in allowed for part in word.lower().split("-") if part)
        if (
            word.lower() not in allowed
            and not parts_known
            and not re.fullmatch(r"\d+[–-]?\d*", word)
        ):
            problems.append(f"word not in any source: {word!r}")
        form = acronyms.get(word.lower())
        if form is not None and word != form and word not in allowed_text:
            problems.append(f"acronym {form!r} written {word!r}")
    if re.search(r"\b(?:in|with|on|about|to|for|of|from) (?:it|them)\b[.,]", body):
        problems.append("dangling pronoun")
    if re.search(r"\bNone\b|\bnan\b|\bNaN\b|\{\{|\}\}|\$\{|<[a-z_]+>", draft.subject + body):
        problems.append("placeholder or missing value")
    if "…" in draft.subject:
        problems.append("cut subject")
    prose = re.sub(r'"[^"]*"|\S+@\S+', '""', body)  # quoted titles and addresses aside
    for sentence in re.split(r"(?<=[.?!])\s+", prose):
        words = [w.lower() for w in WORD.findall(sentence)]
        pairs = [p for p in itertools.pairwise(words) if not set(p) <= SMALL]
        repeated = {p for p in pairs if pairs.count(p) > 1}
        if repeated:
            problems.append(f"repeated phrase {sorted(repeated)[0]} in {sentence!r}")
    return problems


def test_every_first_draft_reads_as_written_by_a_careful_person(
    drafts: list[tuple[Applicant, Draft, Draft]], corpus: tuple[Tables, pd.DataFrame]
) -> None:
    template = load_template()
    bad: list[str] = []
    for applicant, first, _ in drafts:
        cited = _cited_texts(first, corpus)
        problems = _problems(applicant, first, cited, template)
        if not MIN_WORDS <= first.word_count <= MAX_WORDS:
            problems.append(f"{first.word_count} words")
        topic = first.subject.removeprefix(f"Research Inquiry: {applicant.name} – ")
        if len(topic.split()) > 6 or topic == first.subject:
            problems.append(f"subject topic {topic!r}")
        if not {w.lower() for w in WORD.findall(topic)} <= _vocabulary(" ".join(cited)) | {
            "nih",
            "project",
        }:
            problems.append(f"topic {topic!r} not from the cited work")
        bad += [f"{first.to_name} / {applicant.name}: {p}" for p in problems]
    assert not bad, "\n".join(bad[:20])


def test_every_followup_replies_in_two_to_four_sentences(
    drafts: list[tuple[Applicant, Draft, Draft]], corpus: tuple[Tables, pd.DataFrame]
) -> None:
    template = load_template(kind="followup")
    bad: list[str] = []
    for applicant, first, follow in drafts:
        problems = _problems(
            applicant, follow, _cited_texts(first, corpus), template + first.subject
        )
        if follow.subject != f"Re: {first.subject}":
            problems.append(f"subject {follow.subject!r}")
        middle = follow.body.split("\n\n")[1]
        if not 2 <= len(re.findall(r"[.?!](?:\s|$)", middle)) <= 4:
            problems.append(f"{middle!r}")
        bad += [f"{first.to_name} / {applicant.name}: {p}" for p in problems]
    assert not bad, "\n".join(bad[:20])


def test_the_checks_catch_what_the_old_drafts_did(corpus: tuple[Tables, pd.DataFrame]) -> None:
    """The checks themselves: the sentences the issue quoted from the old drafts fail them."""
    applicant = GALLERY.PROFILES["postdoc, J-1"]
    good = next(d for a, d, _ in _drafts(corpus) if a == applicant)
    cited = _cited_texts(good, corpus)
    assert _problems(applicant, good, cited, load_template()) == []
    for sentence, expected in [
        ("…work on influenza and vaccine matches my interest in them.", "dangling pronoun"),
        ("your NIH-funded work on hiv matches my interest.", "word not in any source"),
        ("I bring my cardiology training.", "word not in any source: 'cardiology'"),
        ("Your lab is a great lab for a great lab member.", "repeated phrase"),
        ("Dear None,", "placeholder"),
    ]:
        broken = Draft(**{**good.__dict__, "body": good.body + "\n\n" + sentence})
        assert any(expected in p for p in _problems(applicant, broken, cited, load_template())), (
            sentence
        )


def test_a_gallery_of_drafts_is_kept_in_the_docs() -> None:
    current = (ROOT / "docs" / "drafts.md").read_text(encoding="utf-8")
    assert GALLERY.render() == current, "run: python docs/make_drafts_md.py"
