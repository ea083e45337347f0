"""emails: attributing an address to a PI from the real PubMed efetch samples."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from reporter_finder.api.efetch import PubmedRecord, parse_efetch
from reporter_finder.leads.emails import (
    MATCH_LOCAL_PART,
    MATCH_ONLY_AUTHOR,
    EmailFinding,
    attribute_email,
    find_pi_author,
    local_part_matches,
)
from tests.conftest import FIXTURES

AS_OF = date(2026, 12, 1)


def record(pmid: int) -> PubmedRecord:
    (path,) = FIXTURES.glob(f"pubmed-efetch-{pmid}-*.xml")
    (only,) = parse_efetch(path.read_bytes())
    return only


def attribute(
    pmid: int, first: str, middle: str, last: str, orcid: str | None = None
) -> EmailFinding | None:
    return attribute_email([record(pmid)], first, middle, last, orcid, as_of=AS_OF)


# (PMID, PI first, middle, last as RePORTER might spell them) → address and reason, or None.
CASES = [
    # Shared affiliation ending with two addresses: each goes to the author it names.
    (31712796, "JONATHAN", "P", "ABBATT", "jonathan.abbatt@utoronto.ca", MATCH_LOCAL_PART),
    (31712796, "Chen", "", "Wang", "irenechen.wang@mail.utoronto.ca", MATCH_LOCAL_PART),
    # One address on the shared affiliation of authors 1, 3 and 7: author 1's only.
    (32976730, "Eric", "C", "Oliver", "eric.oliver@dal.ca", MATCH_LOCAL_PART),
    (32976730, "Robert", "W", "Schlegel", None, None),
    (32976730, "Sofia", "", "Darmaraki", None, None),
    # Last author's own address; the local part does not spell the name.
    (35195805, "SASAN", "", "PARTOVI", "partovs@ccf.org", MATCH_ONLY_AUTHOR),
    (35195805, "Xin", "", "Li", None, None),
    # First and last author each have an "Electronic address:".
    (35649368, "Yi-Jia", "", "Li", "yili@coh.org", MATCH_LOCAL_PART),
    (35649368, "HUA", "", "YU", "hyu@coh.org", MATCH_LOCAL_PART),
    # No address at all.
    (24084238, "Tiratha", "Raj", "Singh", None, None),
    # 43 authors, first and last with an address; a middle author has none.
    (39142283, "Amanda", "B", "Spurdle", "amanda.spurdle@qimrberghofer.edu.au", MATCH_LOCAL_PART),
    (39142283, "Michael", "T", "Parsons", "michael.parsons@qimrberghofer.edu.au", MATCH_LOCAL_PART),
    # The same address in both affiliations of the last author.
    (38878148, "Andreas", "", "Schuster", "andreas_schuster@gmx.net", MATCH_LOCAL_PART),
    # Three authors, each with their own "Electronic address:".
    (38713950, "Shao", "", "Liu", "liushao999@csu.edu.cn", MATCH_LOCAL_PART),
    (38713950, "Zhangzhe", "", "Peng", "pengzhangzhe@csu.edu.cn", MATCH_LOCAL_PART),
    (38713950, "Yuxin", "", "Wang", None, None),
    # An all-digit local part: the author's own, on no one else's affiliation.
    (37733615, "Rui", "", "Wang", "17786126601@163.com", MATCH_ONLY_AUTHOR),
    (37733615, "Chuan-Chao", "", "Wang", "wang@xmu.edu.cn", MATCH_LOCAL_PART),
    # Shared by first and last author; the local part names the last one.
    (38170905, "Bradley", "S", "Moore", "bsmoore@ucsd.edu", MATCH_LOCAL_PART),
    (38170905, "Vikram", "V", "Shende", None, None),
    (36917814, "Jennifer", "A", "Maynard", "maynard@che.utexas.edu", MATCH_LOCAL_PART),
    # "lh64" on the affiliation of five authors: Liu Hong's initials, nobody else's.
    (37787043, "Hong", "", "Liu", "lh64@buaa.edu.cn", MATCH_LOCAL_PART),
    (37787043, "Hongyu", "", "Zhao", None, None),
    # "Electronic address" of the last of 23 authors.
    (37652022, "James", "S", "Ware", "j.ware@imperial.ac.uk", MATCH_LOCAL_PART),
]


@pytest.mark.parametrize(
    ("pmid", "first", "middle", "last", "email", "reason"),
    CASES,
    ids=[f"{c[0]}-{c[3]}" for c in CASES],
)
def test_the_address_attributed_on_each_real_sample(
    pmid: int, first: str, middle: str, last: str, email: str | None, reason: str | None
) -> None:
    found = attribute(pmid, first, middle, last)
    if email is None:
        assert found is None
        return
    assert found is not None
    assert (found.email, found.email_match, found.email_pmid) == (email, reason, pmid)
    assert found.email_year == record(pmid).year


def test_a_pi_not_on_the_paper_gets_nothing() -> None:
    assert attribute(38170905, "Bradley", "", "Smith") is None
    assert attribute(38170905, "Anne", "", "Moore") is None  # wrong first initial


def test_newest_paper_with_an_address_wins_and_old_ones_are_flagged() -> None:
    old = record(35649368)  # 2022, Yi-Jia Li: yili@coh.org
    newer = replace(old, pmid=1, year=2025, pub_date=date(2025, 1, 1))
    without = replace(old, pmid=2, year=2026, pub_date=date(2026, 1, 1), authors=old.authors[1:])
    found = attribute_email([old, without, newer], "Yi-Jia", "", "Li", as_of=AS_OF)
    assert found is not None
    assert (found.email_pmid, found.email_year, found.outdated) == (1, 2025, False)
    stale = attribute_email([old], "Yi-Jia", "", "Li", as_of=date(2028, 1, 1))
    assert stale is not None
    assert stale.outdated  # 2022 → 2028: more than 5 years
    fresh = attribute_email([old], "Yi-Jia", "", "Li", as_of=date(2027, 1, 1))
    assert fresh is not None
    assert fresh.outdated is False


def test_orcid_identifies_the_author_and_a_different_orcid_excludes_one() -> None:
    rec = record(31712796)
    by_orcid = attribute_email(
        [rec], "Irene", "Chen", "Wang", orcid="https://orcid.org/0000-0001-9565-8777", as_of=AS_OF
    )
    assert by_orcid is not None
    assert by_orcid.email == "irenechen.wang@mail.utoronto.ca"
    assert by_orcid.email_match == f"ORCID; {MATCH_LOCAL_PART}"
    # Same name, another person's ORCID: the author is not the PI.
    assert attribute_email([rec], "Chen", "", "Wang", orcid="0000-0001-2345-6789") is None


def test_a_pi_with_an_orcid_is_still_found_by_name_on_a_paper_without_orcids() -> None:
    found = attribute(38713950, "Shao", "", "Liu", orcid="0000-0001-2345-6789")
    assert found is not None
    assert found.email == "liushao999@csu.edu.cn"


def test_names_match_across_case_accents_hyphens_and_initials() -> None:
    rec = record(35649368)
    assert find_pi_author(rec, "YIJIA", "", "LI") == 0
    assert find_pi_author(rec, "Y", "", "Li") == 0
    assert find_pi_author(rec, "Hua", "", "Yú") == 9
    assert find_pi_author(rec, "James", "", "Li") is None
    # A middle name used as the first name ("C. Titus Brown" publishing as "Titus Brown").
    titus = replace(rec.authors[0], last_name="Brown", fore_name="Titus", initials="T")
    assert find_pi_author(replace(rec, authors=(titus,)), "C", "Titus", "Brown") == 0


def test_two_equally_good_co_authors_are_not_guessed_between() -> None:
    rec = record(35649368)
    twin = replace(rec, authors=(rec.authors[0], rec.authors[0]))
    assert find_pi_author(twin, "Yi-Jia", "", "Li") is None


def test_an_address_naming_two_co_authors_who_share_it_is_left_alone() -> None:
    rec = record(37733615)
    wang_rui, wang_cc = rec.authors[1], rec.authors[2]
    shared = replace(wang_rui, affiliations=wang_cc.affiliations)
    # "wang@…" on both Wangs' affiliation: the local part names both.
    assert attribute_email([replace(rec, authors=(shared, wang_cc))], "Rui", "", "Wang") is None


@pytest.mark.parametrize(
    ("email", "name", "expected"),
    [
        ("bsmoore@ucsd.edu", ("Bradley", "S", "Moore"), True),
        ("irenechen.wang@mail.utoronto.ca", ("Chen", "", "Wang"), True),
        ("lh64@buaa.edu.cn", ("Hong", "", "Liu"), True),
        ("megsions@udel.edu", ("Jaclyn", "Megan", "Sions"), True),
        ("aajoseph@upenn.edu", ("Andrea", "", "Joseph"), True),
        ("hairejoshu@wustl.edu", ("Debra", "", "Haire-Joshu"), True),
        ("eric.oliver@dal.ca", ("Robert", "W", "Schlegel"), False),
        ("jonathan.abbatt@utoronto.ca", ("Jennifer", "", "Abbatt"), False),
        ("wlwilliams@example.edu", ("Wei", "", "Li"), False),
        ("17786126601@163.com", ("Rui", "", "Wang"), False),
        ("partovs@ccf.org", ("Sasan", "", "Partovi"), False),
    ],
)
def test_local_part_matches_the_name(
    email: str, name: tuple[str, str, str], expected: bool
) -> None:
    assert local_part_matches(email, *name) is expected


def test_records_are_not_changed() -> None:
    rec = record(31712796)
    before = repr(rec)
    attribute_email([rec], "Chen", "", "Wang", as_of=AS_OF)
    assert repr(rec) == before
