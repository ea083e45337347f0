"""Evaluate the PI ranker against graded labels the ranker cannot see (ranking-notes §8).

Reads ``evaluation/data/records.jsonl`` (RePORTER-shaped records), masks institute names and
codes (``masking.py``), builds the tables once with a fixed ``as_of``, ranks the whole PI pool
for every query of ``data/queries.jsonl`` with five systems and scores them against
``data/labels.jsonl``:

- ``random``: a seeded shuffle of the pool (mean over 5 seeds);
- ``funding``: PIs by active funding, largest first (what the text adds over popularity);
- ``bare BM25``: the typed specialty word(s) as the only query term, no lexicon, no priors;
- ``BM25+lexicon``: the specialty's core and broad terms and the skills, no priors;
- ``full``: ``reporter_finder.rank_pis`` with default weights, skills and track.

Metrics per query: NDCG@10 (gain ``2^grade − 1``), P@10 and MRR (relevant = grade ≥ 1). Means
and paired bootstrap 95% CIs for the ``dev`` split (tune on it), ``test`` (report only) and all.
The default weights were chosen while looking at the first 42 queries (README.md, "Which split").
Results are also broken down by family (``name``, ``phrase``, ``abbreviation``; split.py).

    python evaluation/evaluate.py            # prints, writes evaluation/results.md
    python evaluation/evaluate.py --record   # also rewrites data/recorded.json (see README)
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import importlib.util
import json
import math
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pandas as pd

# Only the package's top-level names: its internal modules are being moved around.
from reporter_finder import (
    RankWeights,
    Tables,
    build_tables,
    rank_pis,
    resolve_skills,
    resolve_specialty,
)
from reporter_finder.cellformat import parse_co_pi

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
AS_OF = date(2026, 1, 15)  # the corpus's "today": is_active in the records was set against it
K = 10
RANDOM_SEEDS = (0, 1, 2, 3, 4)
BOOTSTRAP_RESAMPLES = 10_000
SYSTEMS = ("random", "funding", "bare BM25", "BM25+lexicon", "full")
SPLITS = ("dev", "test", "all")
FAMILIES = ("name", "phrase", "abbreviation", "all")  # how the query is typed (split.py)
METRICS = ("ndcg@10", "p@10", "mrr")
COMPARED = ("funding", "bare BM25", "BM25+lexicon")  # each as "full − <system>"


def _module(name: str) -> ModuleType:
    """A sibling module by path: evaluation/ is not a package, and tests import this file too."""
    key = f"evaluation_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, HERE / f"{name}.py")
        if spec is None or spec.loader is None:  # pragma: no cover - file missing
            raise FileNotFoundError(HERE / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module  # registered first so dataclasses in it can resolve types
        spec.loader.exec_module(module)
    return sys.modules[key]


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """Every line of ``evaluation/data/<name>`` as a dict (blank lines skipped)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_queries(split: str = "all") -> list[dict[str, Any]]:
    """The queries of one split (``"dev"``, ``"test"`` or ``"all"``), in file order."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    return [q for q in read_jsonl("queries.jsonl") if split in ("all", q["split"])]


def load_labels() -> dict[str, dict[int, int]]:
    """``{query id: {profile_id: grade}}``; PIs not listed for a query count as grade 0."""
    out: dict[str, dict[int, int]] = {}
    for row in read_jsonl("labels.jsonl"):
        out.setdefault(str(row["query"]), {})[int(row["profile_id"])] = int(row["grade"])
    return out


@functools.lru_cache(maxsize=1)
def load_tables() -> Tables:
    """Tables of the masked corpus, built once per process (the slow step, about 2 s)."""
    records = _module("masking").mask_records(read_jsonl("records.jsonl"))
    return build_tables(records, as_of=AS_OF)


# --- metrics -------------------------------------------------------------------------------


def ndcg_at_k(
    ranked: Sequence[int],
    grades: Mapping[int, int],
    k: int = K,
    *,
    ideal: Mapping[int, int] | None = None,
) -> float:
    """NDCG@k with gain 2^grade − 1; 0 when no PI of the query is labelled relevant.

    ``ideal``: the grades the best possible ranking is built from (default ``grades``); a
    ranking whose co-PI rows are credited (:func:`group_grades`) keeps the individual ones.
    """
    gains = [2 ** grades.get(pid, 0) - 1 for pid in ranked[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    best = grades if ideal is None else ideal
    ideal = sorted((2**g - 1 for g in best.values() if g > 0), reverse=True)[:k]
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


def group_grades(frame: pd.DataFrame, grades: Mapping[int, int]) -> dict[int, int]:
    """``grades`` with each row that names co-PIs (``co_pis``) worth its best member's grade.

    The lead list shows the co-PIs of one grant in one row: the applicant sees every one of
    them there, and writes to one. The ideal ranking (NDCG's denominator) still counts every
    PI separately, so a grouped list can only lose by this, never gain.
    """
    if "co_pis" not in frame.columns:
        return dict(grades)
    out = dict(grades)
    for pid, members in zip(frame["profile_id"], frame["co_pis"], strict=True):
        if pd.isna(pid) or not isinstance(members, list) or not members:
            continue
        ids = [parse_co_pi(m).profile_id for m in members]
        best = max([grades.get(int(pid), 0), *(grades.get(i, 0) for i in ids if i is not None)])
        out[int(pid)] = best
    return out


def _bare(specialty_text: str) -> Any:
    """A specialty whose only term is the typed text. Built by replacing every field of a
    resolved one, so the Specialty class need not be imported from inside the package."""
    return dataclasses.replace(
        resolve_specialty(specialty_text).specialty,
        key="bare",
        name=specialty_text,
        aliases=(),
        core_terms=(specialty_text,),
        broad_terms=(),
        institutes=(),
        dept_types=(),
        category="other",
        exclude_terms=(),
        is_known=True,
    )


def run_systems(
    tables: Tables, query: Mapping[str, Any]
) -> dict[str, list[list[int]] | list[pd.DataFrame]]:
    """Each system's ranking(s) for one query: profile ids (random: one per seed), or the
    ranker's frame (its ``co_pis`` rows are credited by :func:`group_grades`)."""
    pool = tables.pis.dropna(subset=["profile_id"])
    pool_ids = sorted(int(p) for p in pool["profile_id"])
    specialty = resolve_specialty(query["specialty"]).specialty
    skills = resolve_skills(list(query["skills"])) if query["skills"] else ()
    text_only = RankWeights().text_only()
    by_funding = pool.assign(_f=pool["active_funding"].fillna(0.0)).sort_values(
        ["_f", "profile_id"], ascending=[False, True], kind="stable"
    )
    return {
        "random": [
            [pool_ids[i] for i in np.random.default_rng(seed).permutation(len(pool_ids))]
            for seed in RANDOM_SEEDS
        ],
        "funding": [_ids(by_funding)],
        "bare BM25": [
            _ids(rank_pis(tables, _bare(query["specialty"]), (), "any", weights=text_only))
        ],
        "BM25+lexicon": [rank_pis(tables, specialty, skills, "any", weights=text_only)],
        "full": [rank_pis(tables, specialty, skills, query["track"])],
    }


@dataclasses.dataclass(frozen=True)
class Evaluation:
    """Per-query metrics (columns query, split, kind, family, system, ndcg@10, p@10, mrr)."""

    per_query: pd.DataFrame

    def rows(self, split: str = "all", family: str = "all") -> pd.DataFrame:
        """The per-query rows of one split and family (``"all"`` keeps every row)."""
        frame = self.per_query
        if split != "all":
            frame = frame[frame["split"] == split]
        return frame if family == "all" else frame[frame["family"] == family]

    def means(self, split: str = "all", family: str = "all") -> pd.DataFrame:
        """Mean of each metric per system (index: system, in ``SYSTEMS`` order)."""
        rows = self.rows(split, family)
        return rows.groupby("system")[list(METRICS)].mean().reindex(list(SYSTEMS))

    def mean(self, split: str, system: str, metric: str = "ndcg@10", family: str = "all") -> float:
        """One mean, e.g. the full system's NDCG@10 on the test split (NaN for no query)."""
        values = self.means(split, family)[metric].to_numpy(dtype=float)
        return float(values[SYSTEMS.index(system)])

    def below(self, threshold: float = 0.5, system: str = "full") -> pd.DataFrame:
        """The queries whose NDCG@10 for ``system`` is under ``threshold``, worst first."""
        frame = self.per_query[self.per_query["system"] == system]
        return frame[frame["ndcg@10"] < threshold].sort_values(["ndcg@10", "query"])

    def comparisons(self, split: str = "all") -> dict[str, tuple[float, float, float]]:
        """Paired bootstrap of NDCG@10, full minus each baseline in ``COMPARED``."""
        ndcg = self.rows(split).pivot(index="query", columns="system", values="ndcg@10")
        return {
            f"full − {other}": paired_bootstrap((ndcg["full"] - ndcg[other]).to_numpy())
            for other in COMPARED
        }


def evaluate(split: str = "all") -> Evaluation:
    """Rank and score every query of ``split`` with every system."""
    tables = load_tables()
    labels = load_labels()
    rows = []
    for query in load_queries(split):
        grades = labels.get(query["id"], {})
        for system, runs in run_systems(tables, query).items():
            # A ranker's frame credits its co-PI rows (group_grades); a list of ids is as is.
            scored = [
                (_ids(r), group_grades(r, grades)) if isinstance(r, pd.DataFrame) else (r, grades)
                for r in runs
            ]
            scores = {
                "ndcg@10": np.mean([ndcg_at_k(r, g, ideal=grades) for r, g in scored]),
                "p@10": np.mean([precision_at_k(r, g) for r, g in scored]),
                "mrr": np.mean([reciprocal_rank(r, g) for r, g in scored]),
            }
            family = _module("split").query_family(query)
            rows.append(
                {
                    "query": query["id"],
                    "split": query["split"],
                    "kind": query["kind"],
                    "family": family,
                }
            )
            rows[-1] |= {"system": system} | {m: float(v) for m, v in scores.items()}
    return Evaluation(pd.DataFrame(rows))


def to_markdown(result: Evaluation) -> str:
    """The results as markdown: means per split, bootstrap comparisons, then every query."""
    frame = result.per_query
    counts = {s: result.rows(s)["query"].nunique() for s in SPLITS}
    split_cols = " | ".join(f"{s} ({counts[s]})" for s in SPLITS)
    lines = [
        "# Ranker evaluation",
        "",
        f"{counts['all']} queries ({counts['dev']} dev: weights may be tuned on them; "
        f"{counts['test']} test: report only). PI pool = every PI of `data/records.jsonl` (IC "
        f"names masked); as_of {AS_OF.isoformat()}. Produced by `python evaluation/evaluate.py`. "
        "The default weights were chosen while looking at the first 42 queries, so test is not "
        "truly held out for them (README.md).",
        "",
        "Means over queries; columns dev / test / all:",
        "",
        "| System | NDCG@10 dev | test | all | P@10 dev | test | all | MRR dev | test | all |",
        "|---" * 10 + "|",
    ]
    for system in SYSTEMS:
        cells = [f"{result.mean(s, system, m):.3f}" for m in METRICS for s in SPLITS]
        lines.append(f"| {system} | " + " | ".join(cells) + " |")
    lines += ["", *family_table(result)]
    lines += ["", "Paired bootstrap over queries (10,000 resamples), NDCG@10 difference:", ""]
    lines += [f"| Comparison | {split_cols} |", "|---" * 4 + "|"]
    comps = {s: result.comparisons(s) for s in SPLITS}
    for name in comps["all"]:
        cells = ["{:+.3f} [{:+.3f}, {:+.3f}]".format(*comps[s][name]) for s in SPLITS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    low = result.below(0.5)
    lines += [
        "",
        f"Queries with full-system NDCG@10 below 0.5: {len(low)} of {counts['all']}"
        + (
            ": "
            + ", ".join(f"{q} ({v:.2f})" for q, v in zip(low["query"], low["ndcg@10"], strict=True))
            if len(low)
            else ""
        )
        + ".",
    ]
    lines += [
        "",
        "Per query (NDCG@10 / P@10 / MRR; the full system's NDCG@10 is the first number):",
        "",
    ]
    lines += ["| Query | Split | Kind | " + " | ".join(SYSTEMS) + " |", "|---" * 8 + "|"]
    cells_by = frame.set_index(["query", "system"])
    for qid in dict.fromkeys(frame["query"]):
        first = cells_by.loc[(qid, SYSTEMS[0])]
        row = [
            " / ".join(f"{float(cells_by.loc[(qid, s), m]):.2f}" for m in METRICS) for s in SYSTEMS
        ]
        lines.append(f"| {qid} | {first['split']} | {first['kind']} | " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def family_table(result: Evaluation) -> list[str]:
    """Markdown lines: split (dev/test) x family x system; NDCG@10, P@10, MRR; query counts."""
    lines = [
        "By split and family (name = specialty names; phrase = free phrases; abbreviation = "
        "abbreviations, shorthands, typos and subspecialty names):",
        "",
        "| Split | Family | n | System | NDCG@10 | P@10 | MRR |",
        "|---" * 7 + "|",
    ]
    for split in ("dev", "test"):
        for family in FAMILIES:
            n = result.rows(split, family)["query"].nunique()
            for system in SYSTEMS:
                cells = [f"{result.mean(split, system, m, family):.3f}" for m in METRICS]
                lines.append(f"| {split} | {family} | {n} | {system} | " + " | ".join(cells) + " |")
    return lines


def record(result: Evaluation) -> dict[str, Any]:
    """Rewrite ``data/recorded.json`` with this run's NDCG@10 of the full system; return it."""
    path = DATA / "recorded.json"
    recorded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for split in SPLITS:
        recorded["ndcg@10"][split] = round(result.mean(split, "full"), 4)
    recorded["ndcg@10_by_family"] = {
        split: {f: round(result.mean(split, "full", family=f), 4) for f in FAMILIES}
        for split in SPLITS
    }
    path.write_text(json.dumps(recorded, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return recorded


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation on all queries, print it and write ``evaluation/results.md``."""
    parser = argparse.ArgumentParser(description="Evaluate the PI ranker (evaluation/README.md).")
    parser.add_argument("--record", action="store_true", help="rewrite data/recorded.json")
    args = parser.parse_args(argv)
    result = evaluate("all")
    text = to_markdown(result)
    print(text)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    if args.record:
        print("recorded:", record(result)["ndcg@10"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
