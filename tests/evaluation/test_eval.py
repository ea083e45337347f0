"""The evaluation set (evaluation/data/*.jsonl) is well-formed, and the full ranker keeps its
NDCG@10 on the held-out test split (the regression gate of ranking-notes §8, step 7)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import load_script

EVALUATION = Path(__file__).resolve().parents[2] / "evaluation"


def _load(name: str) -> ModuleType:
    # evaluation/ is a folder of scripts, not a package: load by path, under the same key
    # evaluate.py uses for its siblings so each module is executed once.
    return load_script(EVALUATION / f"{name}.py", f"evaluation_{name}")


evaluate = _load("evaluate")
split_rule = _load("split")


@pytest.fixture(scope="module")
def queries() -> list[dict[str, Any]]:
    return evaluate.read_jsonl("queries.jsonl")


def test_queries_have_one_known_split_and_unique_ids(queries: list[dict[str, Any]]) -> None:
    ids = [q["id"] for q in queries]
    assert len(ids) == len(set(ids)) == 79
    assert {q["split"] for q in queries} == {"dev", "test"}
    dev = {q["id"] for q in evaluate.load_queries("dev")}
    test = {q["id"] for q in evaluate.load_queries("test")}
    assert not dev & test
    assert dev | test == set(ids)


def test_split_is_the_documented_rule(queries: list[dict[str, Any]]) -> None:
    # Moving a query between splits by hand (say, after seeing its score) fails here.
    assert {q["id"]: q["split"] for q in queries} == split_rule.assign_splits(queries)
    assert all(q["kind"] == split_rule.query_kind(q) for q in queries)
    per_kind = Counter((q["kind"], q["split"]) for q in queries)
    for kind in split_rule.KINDS:
        assert abs(per_kind[(kind, "dev")] - per_kind[(kind, "test")]) <= 1, kind


# The split of the 42 original queries, as frozen in evaluation/README.md before issue 14.
# fmt: off
ORIGINAL_DEV = {
    "q04", "q05", "q07", "q08", "q11", "q12", "q14", "q15", "q16", "q17", "q22",
    "q23", "q24", "q25", "q26", "q32", "q33", "q34", "q38", "q39", "q41",
}
# fmt: on


def test_new_queries_leave_the_original_split_unchanged(queries: list[dict[str, Any]]) -> None:
    original = [q for q in queries if "form" not in q]
    assert len(original) == 42
    assert {q["id"] for q in original if q["split"] == "dev"} == ORIGINAL_DEV
    # the original strata come first in the walk and hold an even count, so dealing the
    # original queries alone gives the same answer as dealing all of them
    alone = split_rule.assign_splits(original)
    together = split_rule.assign_splits(queries)
    assert {qid: together[qid] for qid in alone} == alone
    assert split_rule.KINDS[: len(split_rule.ORIGINAL_KINDS)] == split_rule.ORIGINAL_KINDS
    assert all(split_rule.query_kind(q) in split_rule.ORIGINAL_KINDS for q in original)
    assert all(split_rule.query_kind(q) in split_rule.NEW_KINDS for q in queries if "form" in q)


def test_families_cover_every_query_and_both_splits(queries: list[dict[str, Any]]) -> None:
    per = Counter((split_rule.query_family(q), q["split"]) for q in queries)
    assert set(per) == {(f, s) for f in split_rule.FAMILIES for s in ("dev", "test")}
    assert per[("phrase", "dev")] + per[("phrase", "test")] >= 20
    new_abbr = [q for q in queries if q.get("form") == "abbreviation"]
    assert len(new_abbr) >= 10


def test_every_label_points_at_a_known_query_and_pi(queries: list[dict[str, Any]]) -> None:
    records = evaluate.read_jsonl("records.jsonl")
    pis = {p["profile_id"] for r in records for p in r["principal_investigators"]}
    labels = evaluate.read_jsonl("labels.jsonl")
    query_ids = {q["id"] for q in queries}
    assert len({r["appl_id"] for r in records}) == len(records) == 430
    pairs = [(row["query"], row["profile_id"]) for row in labels]
    assert len(pairs) == len(set(pairs)), "a (query, PI) pair is judged twice"
    for row in labels:
        assert row["query"] in query_ids, row
        assert row["profile_id"] in pis, row
        assert row["grade"] in (0, 1, 2), row
        assert row["specialty_reason"], row
        # q01-q42: silver labels from non-text fields; q43 on: hand judgements of the grants
        assert row["basis"] == ("silver" if int(row["query"][1:]) <= 42 else "hand"), row
        assert row["fit_source"] in (None, "hand", "grant-kind"), row
        if row["fit_grade"] is not None:
            assert row["fit_reason"], row
            assert row["grade"] == min(row["specialty_grade"], row["fit_grade"]), row
        else:
            assert row["grade"] == row["specialty_grade"], row
    grades = evaluate.load_labels()
    for qid in query_ids:  # every query can be scored: a grade-2 PI and at least 3 relevant
        assert 2 in grades[qid].values(), qid
        assert sum(g >= 1 for g in grades[qid].values()) >= 3, qid


def test_masking_leaves_no_institute_in_the_text() -> None:
    masked = _load("masking").mask_records(evaluate.read_jsonl("records.jsonl"))
    assert [r["appl_id"] for r in masked if _load("masking").leaks(r)] == []


@pytest.mark.eval
def test_full_ranker_keeps_its_test_ndcg() -> None:
    recorded = json.loads((EVALUATION / "data" / "recorded.json").read_text(encoding="utf-8"))
    result = evaluate.evaluate(split="test")
    assert set(result.per_query["split"]) == {"test"}
    ndcg = result.mean("test", "full")
    floor = recorded["ndcg@10"]["test"] - recorded["tolerance"]
    assert ndcg >= floor, (
        f"full ranker NDCG@10 on the test split fell to {ndcg:.4f} "
        f"(recorded {recorded['ndcg@10']['test']:.4f}, floor {floor:.4f}); "
        "see evaluation/README.md before updating evaluation/data/recorded.json"
    )
