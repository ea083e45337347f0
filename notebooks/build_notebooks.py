"""Write ``01-quickstart.ipynb`` and ``02-explore.ipynb`` from the cell texts below.

The notebooks are generated so that a change is reviewed here, as plain Python strings, and
the ``.ipynb`` files never carry outputs (they are written without outputs or execution
counts; ``tests/test_notebooks.py`` checks both, and that the files match this script).
Cell ids are fixed, so regenerating an unchanged notebook gives the same bytes::

    python notebooks/build_notebooks.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

# --- cells shared by both notebooks ---------------------------------------------------------

SOURCE_PARAMETERS = """\
# Where the records come from: "snapshot" (the real RePORTER records shipped in
# examples/, offline — the default), "api" (NIH RePORTER, or the URL in
# REPORTER_FINDER_API_URL) or "cache" (only answers cached by an earlier "api" run).
SNAPSHOT = Path(
    os.environ.get("REPORTER_FINDER_SNAPSHOT")
    or Path("..") / "examples" / "reporter-snapshot.json"  # relative to notebooks/
)
SOURCE = os.environ.get("REPORTER_FINDER_SOURCE") or (
    "snapshot" if SNAPSHOT.exists() else "api"
)
API_URL = os.environ.get("REPORTER_FINDER_API_URL")  # None: the real RePORTER API
OUTPUT_DIR = Path(os.environ.get("REPORTER_FINDER_OUTPUT_DIR") or "output")"""

OPEN_SOURCE = """\
class Stop(Exception):
    \"\"\"A library error as one line instead of a traceback: Jupyter prints what
    _render_traceback_ returns.\"\"\"

    def __init__(self, err):
        hint = (
            "run the notebook once with REPORTER_FINDER_SOURCE=api to fill the cache"
            if SOURCE == "cache"
            else err.hint
        )
        super().__init__(f"{err.message} — {hint}" if hint else err.message)

    def _render_traceback_(self):
        return [f"Stopped: {self}"]


if AS_OF is None:  # the snapshot's records were saved in mid-2025; live data: today
    AS_OF = date(2025, 6, 1) if SOURCE == "snapshot" else date.today()
if SOURCE == "snapshot":
    RECORDS, CLIENT = load_records(SNAPSHOT), None
    print(f"Offline: {len(RECORDS)} RePORTER records from {SNAPSHOT}")
elif SOURCE in ("api", "cache"):
    cache = CacheSettings(mode="offline" if SOURCE == "cache" else "normal")
    RECORDS, CLIENT = None, ReporterClient(API_URL, cache=cache, progress=False)
    print(f"RePORTER API at {CLIENT.base_url} (cache: {cache.mode})")
else:
    raise ValueError(f"REPORTER_FINDER_SOURCE must be snapshot, api or cache, not {SOURCE!r}")
print(f"'Active' and 'months left' are judged on {AS_OF}.")"""

CLOSE_SOURCE = """\
if CLIENT is not None:
    CLIENT.close()"""

SOURCES_MD = """\
**Where the data comes from.** By default the notebook runs **offline** from
`examples/reporter-snapshot.json`: 155 real NIH RePORTER records (NIH Common Fund awards,
fiscal years 2020–2026) shipped with the repository. They are not a specialty search, so the
lists are short — but every step works exactly as with live data. To search RePORTER itself,
start Jupyter with `REPORTER_FINDER_SOURCE=api` (answers are cached for 7 days;
`REPORTER_FINDER_SOURCE=cache` then reruns from the cache without network; a search that was
never cached stops with one line saying so). Live data is judged on today's date, the
snapshot on 2025-06-01 (set `AS_OF` to choose). `REPORTER_FINDER_SNAPSHOT=path/to/saved.json`
runs on records you saved with `reporter-finder fetch SPECIALTY --save saved.json`."""


def _cells(notebook: str, cells: list[tuple[str, str]]) -> list[nbformat.NotebookNode]:
    out = []
    for index, (kind, text) in enumerate(cells):
        cell_id = f"{notebook}-{index:02d}"
        if kind == "md":
            out.append(new_markdown_cell(text, id=cell_id))
        else:
            cell = new_code_cell(text, id=cell_id)
            if kind == "parameters":  # papermill's convention for the parameters cell
                cell.metadata["tags"] = ["parameters"]
            out.append(cell)
    return out


def _notebook(name: str, cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    nb = new_notebook(cells=_cells(name, cells))
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    return nb


# --- 01: quickstart -----------------------------------------------------------------------

QUICKSTART = [
    (
        "md",
        """\
# Quickstart: find research mentors for one specialty

You are an international medical graduate (IMG) looking for a research year in the U.S.
before residency — as a **Clinical Research Fellow** (track `"clinical"`: patient-oriented
research, chart reviews, trials, registries) or a **Postdoctoral Research Scholar** (track
`"postdoc"`: lab, genomics, computational work). This notebook:

1. finds the NIH-funded principal investigators (PIs) who work in your specialty,
2. ranks them by how well they fit you (topic, skills, track, active funding) and shows **why**,
3. opens one PI's grants, and
4. writes a lead list (CSV) to track your outreach in Excel.

Change the parameters in the next cell to your own specialty, skills and track, then run
all cells (*Run → Run All Cells*).

"""
        + SOURCES_MD,
    ),
    (
        "parameters",
        """\
# Parameters: edit these for your own search.
import os
from datetime import date
from pathlib import Path

SPECIALTY = "pediatrics"  # in your own words: "cardiology", "OB/GYN", "heme/onc", "peds"
SKILLS = "R, genomics"  # skills you bring, comma-separated
TRACK = "postdoc"  # "clinical", "postdoc" or "any"
STATES = []  # e.g. ["MA", "NY"]: only institutions in these states
PI_NAME = None  # a PI to look at in step 3, e.g. "Taylor, Deanne"; None: the top-ranked PI
TOP = 25  # rows in the lead list
AS_OF = None  # the day "active" is judged on; None: today, or 2025-06-01 for the snapshot

"""
        + SOURCE_PARAMETERS,
    ),
    (
        "code",
        """\
import matplotlib

try:  # inline figures in Jupyter; a file-only backend anywhere else (no display needed)
    get_ipython().run_line_magic("matplotlib", "inline")
except NameError:
    matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd

from reporter_finder import (
    CacheSettings,
    ReporterClient,
    ReporterError,
    find_mentors,
    find_pi,
    lead_list,
    load_records,
    resolve_skills,
    resolve_specialty,
    write_leads,
)

pd.set_option("display.max_colwidth", 70)
"""
        + OPEN_SOURCE,
    ),
    (
        "md",
        """\
## 1. What the tool understood

Your specialty is matched to a vocabulary of research terms (typos and abbreviations such as
"cards" or "heme/onc" are fine). If it is not a known specialty, your own words are searched
and the closest known specialties are suggested. Each skill is mapped to the words grants
use for it; unknown skills are kept as typed. `reporter-finder specialties` lists them all.""",
    ),
    (
        "code",
        """\
match = resolve_specialty(SPECIALTY)
print(f"{SPECIALTY!r} → {match.specialty.name} (known: {match.is_known})")
if match.suggestions:
    print("closest known specialties:", ", ".join(match.suggestions))
print("searched for:", ", ".join(match.specialty.core_terms[:10]), "…")
for skill in resolve_skills(SKILLS):
    print(f"skill {skill.name!r} ({skill.orientation}): {', '.join(skill.terms[:5])}")""",
    ),
    (
        "md",
        """\
## 2. The ranked PIs

`find_mentors` fetches (or filters) the projects, builds the tables and ranks the PIs.
`score` (0–1) combines how closely their grants match your specialty and skills with
priors: active funding, mentoring and training awards (K24, T32, R25…), department and how
well their research fits your track. `n_active_grants` and `active_funding` show whether a
PI has money now — a funded project is what pays for a research fellow.""",
    ),
    (
        "code",
        """\
try:
    search = find_mentors(
        SPECIALTY,
        skills=SKILLS,
        track=TRACK,
        states=STATES,
        as_of=AS_OF,
        records=RECORDS,
        client=CLIENT,
    )
except ReporterError as err:  # offline and not cached, no network…: one line, not a traceback
    raise Stop(err) from None
print(f"{len(search.ranked)} PIs ranked for {search.specialty.specialty.name}, track {TRACK}")
if search.ranked.empty:
    print("No PI matched: try a broader specialty, fewer states, or more years.")
table = search.top(10)[
    ["rank", "score", "pi_name", "organization", "state", "n_active_grants",
     "active_funding", "months_left", "track_fit"]
].astype({"active_funding": float, "months_left": float})
# Score as a bar, money in dollars, and greener the longer the funding runs.
(
    table.style.hide(axis="index")
    .format({"score": "{:.3f}", "active_funding": "${:,.0f}", "months_left": "{:.0f}"},
            na_rep="—")
    .bar(subset=["score"], color="#9ecae1", vmin=0)
    .background_gradient(subset=["months_left"], cmap="Greens", vmin=0)
)""",
    ),
    (
        "md",
        """\
### Why each PI is on the list

Read `why` before you write to anyone: it says which grant matched, on which words, which of
your skills it uses, and how the research fits your track. `mentor_flags` marks mentoring
signals (a K24 mentoring award, a training grant) and early-career PIs (K awards) who can be
near-peer mentors.""",
    ),
    (
        "code",
        """\
def joined(values, n=6):
    return ", ".join(list(values)[:n]) or "—"


for row in search.top(5).itertuples():
    print(f"{row.rank}. {row.pi_name} — {row.organization} ({row.city}, {row.state})")
    print(f"   why:    {row.why}")
    print(f"   words:  {joined(row.matched_terms)}")
    print(f"   skills: {joined(row.matched_skills)};  flags: {joined(row.mentor_flags)}")
    print(f"   grant:  {row.top_grant_number} {row.top_grant_url}")""",
    ),
    (
        "md",
        """\
### Who has money now, and for how long

A funded project is what pays a research fellow, so look at two things side by side for the
top PIs: the **active funding** (the latest yearly award of each running grant) and the
**months left** on their longest-running grant. Under a year (the dashed line), the money may
end before your fellowship does; a PI with none left is not out of the question, but ask
about funding early.""",
    ),
    (
        "code",
        """\
top = search.top(15)
names = [f"{r.rank}. {r.pi_name}" for r in top.itertuples()]
fig, (money, runway) = plt.subplots(
    1, 2, sharey=True, figsize=(11, 0.35 * len(top) + 1.5), squeeze=True
)
money.barh(names, top["active_funding"].fillna(0).astype(float) / 1e6, color="tab:blue")
money.set_xlabel("active funding, $ million per year")
money.invert_yaxis()  # rank 1 on top (the y axis is shared)
runway.barh(names, top["months_left"].fillna(0).astype(float).clip(lower=0), color="tab:green")
runway.axvline(12, color="grey", linestyle="--", linewidth=1)
runway.set_xlabel(f"months left on the longest grant, from {AS_OF}")
fig.suptitle(f"Top {len(top)} PIs: {search.specialty.specialty.name}")
fig.tight_layout()
plt.show()""",
    ),
    (
        "md",
        """\
### Where the leads are

Every ranked PI by the state of their institution, split by whether they have a grant
running now. Useful if you have family, a visa sponsor's preference or a residency program
in mind; `STATES` in the parameters cell keeps only some states.""",
    ),
    (
        "code",
        """\
ranked = search.ranked
funded = (ranked["n_active_grants"].fillna(0) > 0).map(
    {True: "with an active grant", False: "no active grant"}
)
by_state = pd.crosstab(ranked["state"].fillna("?"), funded).reindex(
    columns=["with an active grant", "no active grant"], fill_value=0
)
by_state = by_state.loc[by_state.sum(axis=1).sort_values(ascending=False).index].head(15)
ax = by_state.plot.bar(stacked=True, figsize=(9, 3.5), rot=0, color=["tab:blue", "lightgrey"])
ax.set_xlabel("state")
ax.set_ylabel("PIs ranked")
ax.set_title(f"Leads by state: {search.specialty.specialty.name}")
plt.tight_layout()
plt.show()""",
    ),
    (
        "md",
        """\
## 3. One PI's grants

`find_pi` looks a PI up by name, forgiving order and initials ("Taylor, D", "deanne
taylor") or by RePORTER profile id. `search.pi(...)` lists the PI's grants, newest first:
the mechanism (`activity_code`), the years, the latest yearly award, whether it is still
active and how many months are left. A grant ending within a few months is a weaker reason
to reach out than one with years to run. Set `PI_NAME` in the parameters cell to look at
someone else.""",
    ),
    (
        "code",
        """\
name = PI_NAME or (search.top(1)["pi_name"].iloc[0] if len(search.ranked) else "")
hits = find_pi(search.tables.pis, name)
print(f"looking for {name!r}: {len(hits)} match(es)")
hits[["pi_name", "match_score", "pi_title", "organization", "n_grants", "n_active_grants"]]""",
    ),
    (
        "code",
        """\
if hits.empty:
    print("No such PI in these records; check the spelling or use the profile id.")
else:
    grants = search.pi(hits["pi_key"].iloc[0])
    display(
        grants[
            ["core_project_num", "activity_code", "project_title", "first_fiscal_year",
             "last_fiscal_year", "latest_award_amount", "is_active", "months_left",
             "is_contact_pi"]
        ]
    )
    # The abstract of the newest grant: what to read before writing to this PI.
    projects = search.tables.projects
    newest = projects[projects["appl_id"] == grants["latest_appl_id"].iloc[0]]
    print(grants["project_detail_url"].iloc[0])
    print(str(newest["abstract_text"].iloc[0])[:800], "…")""",
    ),
    (
        "md",
        """\
## 4. Export the lead list

The lead list has one row per PI, best first, and four empty columns for you: `status`,
`contacted_on`, `follow_up_on`, `notes`. Open it in Excel or Google Sheets, fill them in as
you write to people, and let `reporter-finder followups` remind you who to follow up with.
Rerunning this notebook replaces the file (`overwrite=True`; `write_leads` refuses to by
default), so keep your notes in a copy. `write_leads` also writes `.xlsx`, `.json` and
`.jsonl`.""",
    ),
    (
        "code",
        """\
OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
leads = lead_list(search.ranked, top=TOP)
path = OUTPUT_DIR / f"leads-{search.specialty.specialty.key}-{TRACK}.csv"
# overwrite=True: the notebook's own output, rebuilt on every run (see above).
rows = write_leads(leads, path, "csv", overwrite=True)
print(f"wrote {rows} leads to {path.resolve()}")
leads.head(3)""",
    ),
    ("code", CLOSE_SOURCE),
    (
        "md",
        """\
## Make it yours

* **Your specialty, skills and track:** edit the parameters cell and run all cells again.
* **Places you can live:** `STATES = ["MA", "NY"]`; `find_mentors` also takes `cities=` and
  `institutions=` (partial names: `["Johns Hopkins"]`).
* **Only PIs with money now:** `find_mentors(..., active_only=True)`.
* **Live data:** start Jupyter with `REPORTER_FINDER_SOURCE=api`; "active" is then judged on
  today's date. The client waits a second between requests, as NIH asks.
* **The same from the command line** (run from the repository's root):

```bash
reporter-finder search pediatrics --skills "R, genomics" --track postdoc \\
    --load examples/reporter-snapshot.json -o leads.csv
```

Next: `02-explore.ipynb` compares specialties and plots funding, places and mechanisms.""",
    ),
]

# --- 02: explore --------------------------------------------------------------------------

EXPLORE = [
    (
        "md",
        """\
# Explore: compare specialties, places and funding

Unsure between two or three specialties, or between cities? This notebook runs the same
search for each, then draws what is easier to look at than to read: how much active funding
the top PIs have, where the leads are, which kinds of grants they hold, one PI's funding
over time, and how much the top lists overlap (a PI high on two lists is worth an e-mail
whichever way you go). Run `01-quickstart.ipynb` first for what the columns mean.

"""
        + SOURCES_MD,
    ),
    (
        "parameters",
        """\
# Parameters: edit these for your own comparison.
import os
from datetime import date
from pathlib import Path

SPECIALTIES = ["pediatrics", "medical genetics", "oncology"]  # two or three
SKILLS = "R, genomics"
TRACK = "postdoc"  # "clinical", "postdoc" or "any"
TOP_N = 10  # PIs per specialty in the plots
STATES_TO_COMPARE = ["PA", "CA", "MA"]  # places to compare for the first specialty
TIMELINE_PI = None  # a PI name for the funding timeline; None: the longest-funded lead
AS_OF = None  # the day "active" is judged on; None: today, or 2025-06-01 for the snapshot

"""
        + SOURCE_PARAMETERS,
    ),
    (
        "code",
        """\
import matplotlib

try:  # inline figures in Jupyter; a file-only backend anywhere else (no display needed)
    get_ipython().run_line_magic("matplotlib", "inline")
except NameError:
    matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd

from reporter_finder import (
    CacheSettings,
    ReporterClient,
    ReporterError,
    find_mentors,
    find_pi,
    load_records,
)

pd.set_option("display.max_colwidth", 60)
"""
        + OPEN_SOURCE,
    ),
    (
        "md",
        """\
## The searches

One `find_mentors` call per specialty (with the API: one request each, a second apart).""",
    ),
    (
        "code",
        """\
try:
    searches = {
        name: find_mentors(
            name, skills=SKILLS, track=TRACK, as_of=AS_OF, records=RECORDS, client=CLIENT
        )
        for name in SPECIALTIES
    }
except ReporterError as err:  # offline and not cached, no network…: one line, not a traceback
    raise Stop(err) from None


def label(name):
    return searches[name].specialty.specialty.name


summary = pd.DataFrame(
    [
        {
            "specialty": label(name),
            "PIs ranked": len(s.ranked),
            "with an active grant": int((s.ranked["n_active_grants"].fillna(0) > 0).sum()),
            "states": s.ranked["state"].nunique(),
            f"median score, top {TOP_N}": round(float(s.top(TOP_N)["score"].median()), 3),
        }
        for name, s in searches.items()
    ]
).set_index("specialty")
summary""",
    ),
    (
        "md",
        """\
## Active funding of the top PIs

A PI's active funding is the latest yearly award of each grant still running on `AS_OF`.
A multi-PI grant counts in full for each of its PIs, so a large centre grant shared by four
PIs shows up four times. Bigger is not automatically better for you: a mid-size R01 lab may
have more time for a fellow than a consortium.""",
    ),
    (
        "code",
        """\
# One x scale for every panel (sharex), so bars compare across specialties.
fig, axes = plt.subplots(
    1, len(searches), figsize=(5.5 * len(searches), 0.4 * TOP_N + 1.5), squeeze=False,
    sharex=True,
)
for ax, (name, s) in zip(axes[0], searches.items()):
    top = s.top(TOP_N)
    ax.barh(
        [f"{r.rank}. {r.pi_name}" for r in top.itertuples()],
        top["active_funding"].fillna(0).astype(float) / 1e6,
        color="tab:blue",
    )
    ax.invert_yaxis()  # rank 1 on top
    ax.set_title(label(name))
    ax.set_xlabel("active funding, $ million per year")
fig.tight_layout()
plt.show()""",
    ),
    (
        "md",
        """\
## Leads by state

Where the ranked PIs are (the state of their most recent grant's institution). Useful if you
have family, a visa sponsor's preference or a residency program in mind.""",
    ),
    (
        "code",
        """\
leads = pd.concat(
    [s.ranked.assign(specialty=label(name)) for name, s in searches.items()],
    ignore_index=True,
)
by_state = pd.crosstab(leads["state"].fillna("?"), leads["specialty"]).reindex(
    columns=[label(name) for name in searches], fill_value=0
)  # same colours as below
by_state = by_state.loc[by_state.sum(axis=1).sort_values(ascending=False).index].head(15)
ax = by_state.plot.bar(figsize=(10, 4), width=0.8, rot=0)
ax.set_xlabel("state")
ax.set_ylabel("PIs ranked")
ax.set_title("Leads by state")
plt.tight_layout()
plt.show()""",
    ),
    (
        "md",
        """\
## Grants by mechanism

The kinds of grants the ranked PIs hold (the NIH activity code). R01/R21/R03 are research
projects run by one lab; U-codes are cooperative agreements and centres; K-codes are career
awards (K24 is a mentoring award); T32/R25/D43 are training grants, the most direct sign that
a PI takes trainees. The snapshot holds Common Fund awards only (mostly R03 and U24).""",
    ),
    (
        "code",
        """\
rows = []
for name, s in searches.items():
    links = s.tables.pi_grants
    cores = links.loc[links["pi_key"].isin(s.ranked["pi_key"]), "core_project_num"].unique()
    grants = s.tables.grants[s.tables.grants["core_project_num"].isin(cores)]
    rows.append(grants["activity_code"].fillna("?").value_counts().rename(label(name)))
by_mechanism = pd.concat(rows, axis=1).fillna(0).astype(int)
by_mechanism = by_mechanism.loc[by_mechanism.sum(axis=1).sort_values(ascending=False).index]
ax = by_mechanism.plot.bar(figsize=(8, 4), width=0.8, rot=0)
ax.set_xlabel("activity code")
ax.set_ylabel("grants")
ax.set_title("Grants held by the ranked PIs, by mechanism")
plt.tight_layout()
plt.show()""",
    ),
    (
        "md",
        """\
## One PI's portfolio over time

Top: each grant of the PI from its first to its last fiscal year. Bottom: the award per NIH
fiscal year (October–September), one colour per grant, from the `projects` table (one row
per yearly award). Both panels share one time axis, and the dotted line is `AS_OF`. A steady
run of renewals says the lab is stable; a last bar years ago says the money may have run
out. Set `TIMELINE_PI` to a name to see someone else.""",
    ),
    (
        "code",
        """\
first = searches[SPECIALTIES[0]]
if TIMELINE_PI:
    pi_key = find_pi(first.tables.pis, TIMELINE_PI)["pi_key"].iloc[0]
else:  # the ranked PI with the most fiscal years of funding; ties: the better rank
    links = first.tables.pi_grants
    years = links[links["pi_key"].isin(first.ranked["pi_key"])].groupby("pi_key")[
        "fiscal_year"
    ].nunique()
    order = first.ranked.assign(n_years=first.ranked["pi_key"].map(years).fillna(0))
    pi_key = order.sort_values(["n_years", "rank"], ascending=[False, True])["pi_key"].iloc[0]
pi = first.tables.pis.set_index("pi_key").loc[pi_key]

links = first.tables.pi_grants
appl_ids = links.loc[links["pi_key"] == pi_key, "appl_id"]
projects = first.tables.projects[first.tables.projects["appl_id"].isin(appl_ids)]
timeline = projects.pivot_table(
    index="fiscal_year", columns="core_project_num", values="award_amount", aggfunc="sum"
)
years = range(int(timeline.index.min()), int(timeline.index.max()) + 1)
timeline = (timeline.reindex(years).fillna(0) / 1e6).astype(float)
portfolio = first.pi(pi_key)
colours = {core: f"C{i % 10}" for i, core in enumerate(timeline.columns)}
as_of_fy = AS_OF.year + (AS_OF.month >= 10)  # NIH fiscal years start in October

# sharex: the grants' spans and their yearly awards on one time axis.
fig, (spans, awards) = plt.subplots(
    2, 1, sharex=True, figsize=(9, 2.5 + 0.3 * len(portfolio)), height_ratios=[1, 1.4]
)
for i, grant in enumerate(portfolio.itertuples()):
    spans.barh(
        i, grant.last_fiscal_year - grant.first_fiscal_year + 1,
        left=grant.first_fiscal_year - 0.5, color=colours.get(grant.core_project_num, "grey"),
    )
spans.set_yticks(
    range(len(portfolio)),
    [f"{g.core_project_num} ({g.activity_code})" for g in portfolio.itertuples()],
    fontsize="small",
)
spans.invert_yaxis()  # newest grant on top
spans.set_title(f"{pi['pi_name']} — {pi['organization']}")
bottom = pd.Series(0.0, index=timeline.index)
for core in timeline.columns:
    awards.bar(timeline.index, timeline[core], bottom=bottom, width=0.7, color=colours[core])
    bottom += timeline[core]
awards.set_xlabel("NIH fiscal year")
awards.set_ylabel("award, $ million")
awards.xaxis.get_major_locator().set_params(integer=True)
for ax in (spans, awards):
    ax.axvline(as_of_fy, color="grey", linestyle=":", linewidth=1)
fig.tight_layout()
plt.show()
portfolio[["core_project_num", "activity_code", "project_title", "is_active", "months_left"]]""",
    ),
    (
        "md",
        """\
## How much do the top lists overlap?

The number of PIs two specialties share in their top `TOP_N`, and who they are. Overlap is
common between neighbouring fields (genetics and pediatrics, oncology and hematology): these
PIs are good first contacts while you are still deciding.""",
    ),
    (
        "code",
        """\
tops = {label(name): set(s.top(TOP_N)["pi_key"]) for name, s in searches.items()}
names = list(tops)
shared = pd.DataFrame(
    [[len(tops[a] & tops[b]) for b in names] for a in names], index=names, columns=names
)
fig, ax = plt.subplots(figsize=(1.6 * len(names) + 2, 1.3 * len(names) + 1))
image = ax.imshow(shared.to_numpy(), cmap="Blues", vmin=0, vmax=TOP_N)
ax.set_xticks(range(len(names)), names, rotation=30, ha="right")
ax.set_yticks(range(len(names)), names)
for i in range(len(names)):
    for j in range(len(names)):
        value = int(shared.iat[i, j])
        colour = "white" if value > TOP_N / 2 else "black"
        ax.text(j, i, value, ha="center", va="center", color=colour)
fig.colorbar(image, ax=ax, label=f"PIs shared in the top {TOP_N}")
ax.set_title("Overlap of the top PIs")
plt.tight_layout()
plt.show()

ranks = pd.concat(
    [
        s.top(TOP_N).set_index("pi_name")["rank"].rename(label(name))
        for name, s in searches.items()
    ],
    axis=1,
)
in_several = ranks[ranks.notna().sum(axis=1) > 1]
in_several.assign(lists=in_several.notna().sum(axis=1)).sort_values(
    ["lists", *ranks.columns], ascending=[False] + [True] * len(ranks.columns)
)""",
    ),
    (
        "md",
        """\
## Comparing places

For the first specialty, the leads in each state of `STATES_TO_COMPARE` — from the ranked
table already in hand, so no new request. To search only some states from the start, pass
`states=["PA", "CA"]` to `find_mentors` (RePORTER then filters before ranking).""",
    ),
    (
        "code",
        """\
def in_state(state):
    return first.ranked[first.ranked["state"] == state]


by_place = pd.DataFrame(
    [
        {
            "state": state,
            "leads": len(in_state(state)),
            "with an active grant": int((in_state(state)["n_active_grants"] > 0).sum()),
            "active funding, $M": round(float(in_state(state)["active_funding"].sum()) / 1e6, 2),
            "best-ranked PI": next(iter(in_state(state)["pi_name"]), "—"),
        }
        for state in STATES_TO_COMPARE
    ]
).set_index("state")
by_place""",
    ),
    ("code", CLOSE_SOURCE),
]

NOTEBOOKS = {
    "01-quickstart.ipynb": ("quickstart", QUICKSTART),
    "02-explore.ipynb": ("explore", EXPLORE),
}


def build() -> dict[str, nbformat.NotebookNode]:
    """Every notebook, by file name (nothing is written)."""
    return {file: _notebook(short, cells) for file, (short, cells) in NOTEBOOKS.items()}


def render(nb: nbformat.NotebookNode) -> str:
    """The exact text written for ``nb`` (validated)."""
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def main() -> int:
    for file, nb in build().items():
        (HERE / file).write_text(render(nb), encoding="utf-8")
        sys.stdout.write(f"wrote {HERE / file}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
