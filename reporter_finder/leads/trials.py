"""Each top PI's NIH-linked clinical trials (ClinicalTrials.gov), as lead-list columns.

A trial belongs to a PI by one of two routes:

1. **grant**: the trial lists one of the PI's grants among its secondary ids (matched on the
   normalised core project number, :mod:`reporter_finder.api.grantids`);
2. **official**: the trial names the PI among its overall officials (folded surname and first
   initial, :meth:`~reporter_finder.api.ctgov.ClinicalTrialsClient.trials_for_official`) *at the
   PI's organisation* — a namesake elsewhere is not the PI.

:func:`trials_for_leads` looks the trials up for the best ``top`` PIs and fills
:data:`~reporter_finder.schema.TRIAL_LEAD_COLUMNS`; :func:`trial_columns` and
:func:`pi_trials` are the pure parts. When ClinicalTrials.gov cannot be reached the columns stay
empty (``n_trials`` ``<NA>``: not looked up, never a silent 0) and one sentence says why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from reporter_finder.cellformat import cell_text
from reporter_finder.errors import InvalidArgumentError, OfflineCacheMissError, ReporterError
from reporter_finder.rank.trials import with_recruiting_trials
from reporter_finder.rank.weights import RankWeights
from reporter_finder.schema import RANK_COLUMNS, TRIAL_COLUMNS, TRIAL_LEAD_COLUMNS

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.api.ctgov import ClinicalTrialsClient, Trial
    from reporter_finder.tables.build import Tables

__all__ = [
    "DEFAULT_TRIALS_TOP",
    "TrialMatch",
    "pi_trial_matches",
    "pi_trials",
    "same_organization",
    "trial_columns",
    "trials_for_leads",
    "trials_table",
]

#: Trials are looked up for this many of the best-ranked PIs (one request per PI by name,
#: plus one per batch of grants), like the e-mail addresses.
DEFAULT_TRIALS_TOP: Final = 25


@dataclass(frozen=True)
class TrialMatch:
    """A trial and how it was tied to the PI: ``"grant R01HL123456"`` or
    ``"official: Ana M Rivera, MD"`` (the name as the trial writes it)."""

    trial: Trial
    route: str


# --- organisations ---------------------------------------------------------------------------

# Words that say what kind of body an organisation is, not which one.
_ORG_NOISE_TEXT: Final = (
    "the of and at in for a an univ university college school hospital hospitals center "
    "centre centers medical medicine health institute inst sch med system systems inc llc "
    "foundation research department dept division"
)
_ORG_NOISE: Final = frozenset(_ORG_NOISE_TEXT.split())
_ORG_ABBREVIATIONS: Final = {"univ": "university", "hosp": "hospital", "ctr": "center"}


def _org_words(name: str) -> set[str]:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", text)
    return {_ORG_ABBREVIATIONS.get(w, w) for w in words} - _ORG_NOISE


def same_organization(affiliation: str, organization: str) -> bool:
    """True when a trial's affiliation names the PI's RePORTER organisation: every
    distinctive word of the shorter name occurs in the longer ("University of Pittsburgh" ~
    "UNIVERSITY OF PITTSBURGH AT PITTSBURGH"; "Mayo Clinic" ~ "MAYO CLINIC ROCHESTER").

    A department alone ("Department of Medicine") or a blank side is no evidence: False.
    """
    a, b = _org_words(cell_text(affiliation)), _org_words(cell_text(organization))
    if not a or not b:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return small <= large


# --- one PI -----------------------------------------------------------------------------------


def pi_trials(
    organization: str,
    cores: Sequence[str],
    by_core: Mapping[str, Sequence[Trial]],
    by_official: Iterable[Trial],
    *,
    last_name: str = "",
) -> list[TrialMatch]:
    """The PI's trials by both routes, each trial once (the grant route first: it is the
    stronger evidence). Pure.

    Args:
        organization: the PI's RePORTER organisation.
        cores: the PI's grants (core project numbers).
        by_core: trials per core project number (``trials_for_grants``).
        by_official: trials naming the PI as an official (``trials_for_official``); kept only
            when that official's affiliation, or the lead sponsor, is the PI's organisation.
        last_name: the PI's surname, to pick the matching official's name for the route.
    """
    found: dict[str, TrialMatch] = {}
    for core in cores:
        for trial in by_core.get(core, ()):
            found.setdefault(trial.nct_id, TrialMatch(trial, f"grant {core}"))
    surname = last_name.casefold()
    for trial in by_official:
        if trial.nct_id in found:
            continue
        for official in trial.officials:
            if surname and surname not in official.name.casefold():
                continue
            if same_organization(official.affiliation, organization) or same_organization(
                trial.lead_sponsor, organization
            ):
                found[trial.nct_id] = TrialMatch(trial, f"official: {official.name}")
                break
    return _recruiting_first(found.values())


def _recruiting_first(matches: Iterable[TrialMatch]) -> list[TrialMatch]:
    """Recruiting trials first, then the newest start ("2024-03" > "2024"), then NCT id: three
    stable sorts, least significant key first."""
    ordered = sorted(matches, key=lambda m: m.trial.nct_id)
    ordered.sort(key=lambda m: m.trial.start_date or "", reverse=True)
    ordered.sort(key=lambda m: not m.trial.is_recruiting)
    return ordered


def trial_columns(matches: Sequence[TrialMatch]) -> dict[str, Any]:
    """The lead-list cells (:data:`~reporter_finder.schema.TRIAL_LEAD_COLUMNS`) of one PI's
    trials: counts, NCT ids (recruiting first), and the first contact e-mail a trial gives —
    a recruiting trial's before others', a central contact's before a site's — with the trial
    it comes from. Pure; ``[]`` gives zeros and empty cells."""
    ordered = _recruiting_first(matches)
    email, source = None, None
    for match in ordered:
        for contact in match.trial.contacts:
            if contact.email:
                email, source = contact.email, match.trial.nct_id
                break
        if email:
            break
    return {
        "n_trials": len(ordered),
        "n_recruiting_trials": sum(1 for m in ordered if m.trial.is_recruiting),
        "trial_nct_ids": [m.trial.nct_id for m in ordered],
        "trial_contact_email": email,
        "trial_contact_nct": source,
    }


def trials_table(matches: Sequence[TrialMatch]) -> pd.DataFrame:
    """One row per trial (:data:`~reporter_finder.schema.TRIAL_COLUMNS`), recruiting first:
    what ``reporter-finder trials`` prints."""
    rows = []
    for match in _recruiting_first(matches):
        t = match.trial
        rows.append(
            {
                "nct_id": t.nct_id,
                "url": t.url,
                "title": t.title,
                "status": t.status,
                "phases": list(t.phases),
                "start_date": t.start_date,
                "primary_completion_date": t.primary_completion_date,
                "enrollment": t.enrollment,
                "conditions": list(t.conditions),
                "route": match.route,
                "contacts": [_contact_text(c) for c in t.contacts],
            }
        )
    frame = pd.DataFrame(rows, columns=list(TRIAL_COLUMNS))
    return frame.astype({c: d for c, d in TRIAL_COLUMNS.items() if d != "object"})


def _contact_text(contact: Any) -> str:
    parts = [contact.name, contact.email, contact.phone]
    return f"{', '.join(p for p in parts if p)} ({contact.where})"


# --- the top of a ranking ---------------------------------------------------------------------


def trials_for_leads(
    ranked: pd.DataFrame,
    tables: Tables,
    *,
    client: ClinicalTrialsClient,
    top: int | None = DEFAULT_TRIALS_TOP,
    track: str = "any",
    weights: RankWeights | None = None,
) -> tuple[pd.DataFrame, str | None]:
    """Fill :data:`~reporter_finder.schema.TRIAL_LEAD_COLUMNS` for the best ``top`` PIs; with
    ``track="clinical"``, also weigh their recruiting trials into the ranking
    (:func:`~reporter_finder.rank.trials.with_recruiting_trials`: ``prior_trial``, a higher
    score, a new order among them, and "runs a recruiting NIH-funded trial: NCT…" in ``why``).

    Returns:
        A copy of ``ranked`` with the trial columns (``<NA>``/empty for the PIs not looked
        up), its ``attrs["trials"]`` holding each looked-up PI's :class:`TrialMatch` list (by
        ``pi_key``, for ranking and drafts), and ``None`` or one sentence saying why the
        columns are empty (ClinicalTrials.gov unreachable or failing).

    Raises:
        InvalidArgumentError: ``top`` < 0.
        ReporterError: a failure that is not an outage (a query the service rejects).
    """
    from reporter_finder.api.ctgov import is_outage

    if top is not None and top < 0:
        raise InvalidArgumentError(f"top must be 0 or more, not {top}")
    order = ranked.sort_values("rank", kind="stable") if "rank" in ranked.columns else ranked
    keys = [str(k) for k in order["pi_key"].head(len(order) if top is None else top)]
    found: dict[str, list[TrialMatch]] = {}
    problem = None
    try:
        found = _look_up(tables, keys, client)
    except OfflineCacheMissError:
        problem = "the trials are not in the cache (offline mode)"
    except ReporterError as exc:
        if not is_outage(exc):
            raise
        problem = f"ClinicalTrials.gov could not be asked ({exc.message})"
    out = ranked.copy()
    cells = {key: trial_columns(matches) for key, matches in found.items()}
    for column in TRIAL_LEAD_COLUMNS:
        values = [cells[str(k)][column] if str(k) in cells else None for k in out["pi_key"]]
        if column == "trial_nct_ids":
            out[column] = pd.Series([v or [] for v in values], index=out.index, dtype="object")
        else:
            out[column] = pd.Series(values, index=out.index, dtype=RANK_COLUMNS[column])
    out.attrs["trials"] = found
    if track == "clinical" and found:
        statuses = {k: [(m.trial.nct_id, m.trial.status) for m in ms] for k, ms in found.items()}
        out = with_recruiting_trials(out, statuses, weights)
    return out, problem


def pi_trial_matches(tables: Tables, pi_key: str, client: ClinicalTrialsClient) -> list[TrialMatch]:
    """One PI's trials by both routes (for ``reporter-finder pi``).

    Raises:
        ReporterError: ClinicalTrials.gov failed (see ``api.ctgov.is_outage``).
    """
    return _look_up(tables, [pi_key], client).get(pi_key, [])


def _cores_of(grants: pd.DataFrame, key: str) -> list[str]:
    held = grants["pi_keys"].map(lambda keys: key in keys)
    return [str(core) for core in grants.loc[held, "core_project_num"]]


def _look_up(
    tables: Tables, keys: Sequence[str], client: ClinicalTrialsClient
) -> dict[str, list[TrialMatch]]:
    """Both routes for each PI of ``keys``: one batched grant search, one name search each."""
    from reporter_finder.tables.people import sort_name_parts

    pis = tables.pis.set_index("pi_key")
    grants = tables.grants
    cores = {key: _cores_of(grants, key) for key in keys}
    by_core = client.trials_for_grants(sorted({c for cs in cores.values() for c in cs}))
    people = {k: pis.loc[k] for k in keys if k in pis.index}
    names = {k: sort_name_parts(cell_text(p.get("sort_name"))) for k, p in people.items()}
    asked = [(last, first) for first, _middle, last in names.values() if last and first]
    by_name = client.trials_for_officials(asked) if asked else {}
    found: dict[str, list[TrialMatch]] = {}
    for key, person in people.items():
        first, _middle, last = names[key]
        found[key] = pi_trials(
            cell_text(person.get("organization")), cores[key], by_core,
            by_name.get((last, first), []), last_name=last,
        )  # fmt: skip
    return found
