"""Evaluate the PI ranker against graded labels the ranker cannot see (ranking-notes §8).

Loads ``evaluation/corpus.json`` (realistic RePORTER records), masks institute names and
acronyms in every text field (``evaluation/masking.py``), builds the tables once with a fixed
``as_of``, then ranks the whole PI pool for every query of ``evaluation/queries.json`` with
five systems and scores them against ``evaluation/labels.json``:

- ``random``: a seeded shuffle of the pool (mean over 5 seeds);
- ``funding``: PIs by active funding, largest first (what the text adds over popularity);
- ``bare BM25``: the typed specialty word(s) as the only query term, no lexicon, no priors;
- ``BM25+lexicon``: the specialty's core and broad terms and the skills, no priors;
- ``full``: :func:`reporter_finder.rank.rank_pis` with default weights, skills and track.

Metrics per query: NDCG@10 (gain ``2^grade − 1``, ideal ranking from every labelled PI of the
pool), P@10 and MRR (a PI is relevant when its grade is ≥ 1). Means over queries, and paired
bootstrap 95% confidence intervals (10,000 resamples of queries, seed 0) of full − funding and
full − bare BM25. The weights were set by reasoning on a few example queries, never fitted to
these labels.

    /work/venv/bin/python evaluation/evaluate.py            # prints, writes evaluation/results.md
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reporter_finder.rank.lexicon import Specialty, resolve_skills, resolve_specialty
from reporter_finder.rank.ranker import RankWeights, rank_pis
from reporter_finder.tables.build import Tables, build_tables

HERE = Path(__file__).resolve().parent
AS_OF = date(2026, 1, 15)  # the corpus's "today" (build_corpus.AS_OF)
K = 10
RANDOM_SEEDS = (0, 1, 2, 3, 4)
BOOTSTRAP_RESAMPLES = 10_000
SYSTEMS = ("random", "funding", "bare BM25", "BM25+lexicon", "full")

__all__ = [
    "evaluate",
    "main",
    "ndcg_at_k",
    "paired_bootstrap",
    "precision_at_k",
    "reciprocal_rank",
    "run_systems",
    "to_markdown",
]


def _load_json(name: str) -> Any:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def _load_masking() -> Callable[[list[dict[str, Any]]], list[dict[str, Any]]]:
    spec = importlib.util.spec_from_file_location("evaluation_masking", HERE / "masking.py")
    if spec is None or spec.loader is None:  # pragma: no cover - file missing
        raise FileNotFoundError(HERE / "masking.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.mask_records


def _records(data: Any) -> list[dict[str, Any]]:
    return data["results"] if isinstance(data, Mapping) else list(data)


def _queries(data: Any) -> list[dict[str, Any]]:
    items = data["queries"] if isinstance(data, Mapping) and "queries" in data else data
    return list(items)


def _labels(data: Any, query_id: str) -> dict[int, int]:
    table = data.get("labels", data) if isinstance(data, Mapping) else {}
    raw = table.get(query_id, {})
    if isinstance(raw, list):  # [{"profile_id": ..., "grade": ...}]
        raw = {row["profile_id"]: row["grade"] for row in raw}
    return {int(pid): int(grade) for pid, grade in raw.items()}


def _skills_text(query: Mapping[str, Any]) -> list[str]:
    skills = query.get("skills") or []
    return [skills] if isinstance(skills, str) else list(skills)


# --- metrics -------------------------------------------------------------------------------


def ndcg_at_k(ranked: Sequence[int], grades: Mapping[int, int], k: int = K) -> float:
    """NDCG@k with gain 2^grade − 1; 0 when no PI of the query is labelled relevant."""
    gains = [2 ** grades.get(pid, 0) - 1 for pid in ranked[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted((2**g - 1 for g in grades.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def precision_at_k(ranked: Sequence[int], grades: Mapping[int, int], k: int = K) -> float:
    """Share of the first k positions held by a PI of grade ≥ 1 (short lists count as misses)."""
    return sum(1 for pid in ranked[:k] if grades.get(pid, 0) >= 1) / k


def reciprocal_rank(ranked: Sequence[int], grades: Mapping[int, int]) -> float:
    """1 / position of the first PI of grade ≥ 1; 0 if there is none."""
    for i, pid in enumerate(ranked, start=1):
        if grades.get(pid, 0) >= 1:
            return 1.0 / i
    return 0.0


def paired_bootstrap(
    diffs: np.ndarray, resamples: int = BOOTSTRAP_RESAMPLES, seed: int = 0
) -> tuple[float, float, float]:
    """Mean of ``diffs`` and the 95% percentile interval of its bootstrap over queries."""
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(diffs), size=(resamples, len(diffs)))
    means = diffs[idx].mean(axis=1)
    return float(diffs.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


# --- systems -------------------------------------------------------------------------------


def _ids(frame: pd.DataFrame) -> list[int]:
    return [int(v) for v in frame["profile_id"].dropna()]


def _bare(specialty_text: str) -> Specialty:
    return Specialty(
        key="bare",
        name=specialty_text,
        aliases=(),
        core_terms=(specialty_text,),
        broad_terms=(),
        institutes=(),
        dept_types=(),
        category="other",
    )


def run_systems(tables: Tables, query: Mapping[str, Any]) -> dict[str, list[list[int]]]:
    """Each system's ranking(s) of profile ids for one query (random: one per seed)."""
    pool = tables.pis.dropna(subset=["profile_id"])
    pool_ids = sorted(int(p) for p in pool["profile_id"])
    match = resolve_specialty(query["specialty"])
    skills = resolve_skills(_skills_text(query)) if _skills_text(query) else ()
    track = query.get("track") or "any"
    text_only = RankWeights().text_only()
    by_funding = pool.assign(_f=pool["active_funding"].fillna(0.0)).sort_values(
        ["_f", "profile_id"], ascending=[False, True], kind="stable"
    )
    out: dict[str, list[list[int]]] = {
        "random": [
            [pool_ids[i] for i in np.random.default_rng(seed).permutation(len(pool_ids))]
            for seed in RANDOM_SEEDS
        ],
        "funding": [_ids(by_funding)],
        "bare BM25": [
            _ids(rank_pis(tables, _bare(query["specialty"]), (), "any", weights=text_only))
        ],
        "BM25+lexicon": [_ids(rank_pis(tables, match.specialty, skills, "any", weights=text_only))],
        "full": [_ids(rank_pis(tables, match.specialty, skills, track))],
    }
    return out


def evaluate() -> tuple[pd.DataFrame, dict[str, tuple[float, float, float]]]:
    """Per-query metrics of every system, and the bootstrap comparisons."""
    mask_records = _load_masking()
    records = mask_records(_records(_load_json("corpus.json")))
    tables = build_tables(records, as_of=AS_OF)
    queries = _queries(_load_json("queries.json"))
    labels = _load_json("labels.json")
    rows = []
    for query in queries:
        qid = str(query["id"])
        grades = _labels(labels, qid)
        for system, rankings in run_systems(tables, query).items():
            rows.append(
                {
                    "query": qid,
                    "system": system,
                    "ndcg@10": float(np.mean([ndcg_at_k(r, grades) for r in rankings])),
                    "p@10": float(np.mean([precision_at_k(r, grades) for r in rankings])),
                    "mrr": float(np.mean([reciprocal_rank(r, grades) for r in rankings])),
                }
            )
    frame = pd.DataFrame(rows)
    ndcg = frame.pivot(index="query", columns="system", values="ndcg@10")
    comparisons = {
        "full − funding": paired_bootstrap((ndcg["full"] - ndcg["funding"]).to_numpy()),
        "full − bare BM25": paired_bootstrap((ndcg["full"] - ndcg["bare BM25"]).to_numpy()),
        "full − BM25+lexicon": paired_bootstrap((ndcg["full"] - ndcg["BM25+lexicon"]).to_numpy()),
    }
    return frame, comparisons


def to_markdown(frame: pd.DataFrame, comparisons: Mapping[str, tuple[float, float, float]]) -> str:
    """The results as markdown: means, comparisons, then every query."""
    queries = frame["query"].nunique()
    lines = [
        "# Ranker evaluation",
        "",
        f"{queries} queries; PI pool = every PI of `evaluation/corpus.json` (IC names masked); "
        f"as_of {AS_OF.isoformat()}. Produced by `/work/venv/bin/python evaluation/evaluate.py`.",
        "",
        "| System | NDCG@10 | P@10 | MRR |",
        "|---|---|---|---|",
    ]
    means = frame.groupby("system")[["ndcg@10", "p@10", "mrr"]].mean()
    for system in SYSTEMS:
        m = means.loc[system]
        lines.append(f"| {system} | {m['ndcg@10']:.3f} | {m['p@10']:.3f} | {m['mrr']:.3f} |")
    lines += ["", "Paired bootstrap over queries (10,000 resamples), NDCG@10:", ""]
    lines += ["| Comparison | Mean difference | 95% CI |", "|---|---|---|"]
    for name, (mean, low, high) in comparisons.items():
        lines.append(f"| {name} | {mean:+.3f} | [{low:+.3f}, {high:+.3f}] |")
    lines += ["", "Per query (NDCG@10 / P@10 / MRR):", ""]
    lines += ["| Query | " + " | ".join(SYSTEMS) + " |", "|---" * (len(SYSTEMS) + 1) + "|"]
    cells = frame.set_index(["query", "system"])
    for qid in dict.fromkeys(frame["query"]):
        row = [
            "{:.2f} / {:.2f} / {:.2f}".format(*cells.loc[(qid, s), ["ndcg@10", "p@10", "mrr"]])
            for s in SYSTEMS
        ]
        lines.append(f"| {qid} | " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    """Run the evaluation, print the tables and write ``evaluation/results.md``."""
    frame, comparisons = evaluate()
    text = to_markdown(frame, comparisons)
    print(text)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    full = frame[frame["system"] == "full"]["ndcg@10"].mean()
    gain = comparisons["full − funding"][0]
    print(
        f"targets: full NDCG@10 {full:.3f} (≥ 0.75: {'met' if full >= 0.75 else 'NOT met'}), "
        f"full − funding {gain:+.3f} (≥ +0.30: {'met' if gain >= 0.30 else 'NOT met'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
