"""The ``pi`` command: one principal investigator, their grants and papers."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from reporter_finder.cli import terminal
from reporter_finder.cli.errors import EXIT_RUNTIME, EXIT_USAGE, CliError
from reporter_finder.cli.group import cli
from reporter_finder.cli.options import (
    as_of_option,
    email_option,
    load_option,
    network_options,
    output_options,
    publication_options,
    trial_options,
    verbosity_options,
)
from reporter_finder.cli.terminal import _quiet, say, warn_partial
from reporter_finder.cli.values import Network, Output, Publications, Trials
from reporter_finder.errors import partial_note

if TYPE_CHECKING:  # pragma: no cover - typing only; these import pandas/requests
    import pandas as pd

    from reporter_finder.tables.build import Tables


# --- pi -------------------------------------------------------------------------------------

#: Columns of one PI's grants in the terminal view, best first: as many as fit.
PI_TABLE_COLUMNS = (
    "core_project_num",
    "project_title",
    "role",
    "is_active",
    "last_fiscal_year",
    "latest_award_amount",
    "first_fiscal_year",
    "n_publications",
)


def _shown(value: Any, missing: str) -> str:
    """A cell for a sentence: ``missing`` for NA or blank (``NA or "x"`` raises in pandas)."""
    import pandas as pd

    return missing if value is None or pd.isna(value) or not str(value).strip() else str(value)


#: At most this many PIs are listed when several match a name.
MAX_CANDIDATES = 10


def _candidate_lines(people: pd.DataFrame) -> list[str]:
    """Numbered lines naming PIs: name, title, organization, profile id, latest fiscal year."""
    return [
        f"  {i}. {row['pi_name']} — {_shown(row['pi_title'], 'title not given')}, "
        f"{_shown(row['organization'], 'organization unknown')} "
        f"(profile id {_shown(row['profile_id'], 'none')}, "
        f"latest fiscal year {_shown(row['last_fiscal_year'], 'unknown')})"
        for i, row in enumerate(people.to_dict("records"), start=1)
    ]


def _choose_pi(pis: pd.DataFrame, who: str) -> str:
    """The ``pi_key`` of the PI meant by ``who`` in ``pis``.

    One match: that PI. Several: up to :data:`MAX_CANDIDATES` listed on stderr, then a question
    on a terminal, else exit 2. None: the closest names on stderr and exit 1. Never another
    person: a near spelling of a surname is a close name, not a match.
    """
    from reporter_finder.tables.lookup import lookup_pi

    found = lookup_pi(pis, who)
    matches = found.matches
    if len(matches) == 1:
        return str(matches["pi_key"].iloc[0])
    if matches.empty:
        if not found.closest.empty:
            click.echo(
                f"Closest names to {who!r}:\n" + "\n".join(_candidate_lines(found.closest)),
                err=True,
            )
        raise CliError(
            f"no PI matches {who!r} — check the spelling, try 'Last, First', or give the "
            "RePORTER profile id",
            EXIT_RUNTIME,
        )
    shown = matches.head(MAX_CANDIDATES)
    lines = _candidate_lines(shown)
    if len(matches) > len(shown):
        lines.append(f"  … and {len(matches) - len(shown)} more: add a first name or an initial")
    click.echo(f"Several PIs match {who!r}:\n" + "\n".join(lines), err=True)
    if terminal._stdin_is_terminal() and not _quiet():
        choice = click.prompt("Which one", type=click.IntRange(1, len(shown)), err=True)
        return str(shown["pi_key"].iloc[choice - 1])
    raise CliError(
        f"{len(matches)} PIs match {who!r} — rerun with one of the profile ids above", EXIT_USAGE
    )


def _pi_tables(
    who: str, network: Network, load: Path | None, as_of: datetime.date | None
) -> tuple[Tables, str | None]:
    """The tables of one PI's projects (from ``--load``, or asked for by profile id or name),
    and the note of a partial result (None when whole).

    ``as_of`` (``None``: today) is the day the grants' "active" and "months left" are judged on.
    """
    from reporter_finder.investigator import pi_query
    from reporter_finder.tables.build import build_tables
    from reporter_finder.tables.records import load_records

    if load:
        return build_tables(load_records(load), as_of=as_of), None
    client = network.client()
    records = client.fetch_projects(pi_query(who), allow_partial=network.allow_partial)
    return build_tables(records, as_of=as_of), partial_note(records.incomplete)


def _pi_publications(
    tables: Tables, pi_key: str, network: Network, pubs: Publications, email: str | None,
    load: Path | None,
) -> pd.DataFrame | None:  # fmt: skip
    """One PI's papers when publications are wanted (``None``: not looked up)."""
    if not pubs.wanted(load):
        return None
    from reporter_finder.leads.publications import publications_if_cached_or_online

    pubmed = network.pubmed_client(pubs, email)
    return publications_if_cached_or_online(
        tables, [pi_key], reporter_client=network.client(), pubmed_client=pubmed
    )


def _pi_email(
    tables: Tables, pi_key: str, papers: pd.DataFrame | None, network: Network,
    pubs: Publications, email: str | None, as_of: datetime.date | None,
) -> dict[str, Any] | None:  # fmt: skip
    """The PI's sourced address from their papers (``None``: none found or not looked up)."""
    if papers is None:
        return None
    from reporter_finder.leads.emails import pi_emails

    pubmed = network.pubmed_client(pubs, email)
    found, problem = pi_emails(papers, tables, [pi_key], pubmed_client=pubmed, as_of=as_of)
    if problem is not None:
        say(f"Warning: {problem}; the email columns are empty.")
    return found.get(pi_key)


def _pi_trials(
    tables: Tables, pi_key: str, network: Network, trials: Trials, load: Path | None
) -> list[Any] | None:
    """One PI's trials when wanted (``None``: not looked up, or ClinicalTrials.gov failed, which
    is said in one line)."""
    if not trials.wanted(load):
        return None
    from reporter_finder.api.ctgov import is_outage
    from reporter_finder.errors import OfflineCacheMissError, ReporterError
    from reporter_finder.leads.trials import pi_trial_matches

    try:
        return pi_trial_matches(tables, pi_key, network.ctgov_client(trials))
    except OfflineCacheMissError:
        say("Warning: the trials are not in the cache (offline mode); the trial columns are "
            "empty.")  # fmt: skip
    except ReporterError as exc:
        if not is_outage(exc):
            raise
        say(f"Warning: ClinicalTrials.gov could not be asked ({exc.message}); the trial columns "
            "are empty.")  # fmt: skip
    return None


def _echo_trials(matches: list[Any]) -> None:
    """The trials under the grants table: one line each, then its contacts."""
    from reporter_finder.leads.trials import trials_table

    click.echo(f"\nClinical trials ({len(matches)}, recruiting first):")
    for row in trials_table(matches).to_dict("records"):
        phases = ", ".join(row["phases"]) or "phase not given"
        click.echo(f"  {row['nct_id']}  {row['status']}  {row['title']} — {phases}; start "
                   f"{_shown(row['start_date'], '?')}, primary completion "
                   f"{_shown(row['primary_completion_date'], '?')}; enrollment "
                   f"{_shown(row['enrollment'], '?')}; {', '.join(row['conditions'])}; "
                   f"{row['route']}  {row['url']}")  # fmt: skip
        for contact in row["contacts"]:
            click.echo(f"      contact: {contact}")


@cli.command()
@click.argument("who", metavar="PROFILE_ID_OR_NAME")
@network_options
@load_option
@as_of_option
@publication_options
@trial_options
@email_option
@output_options
@verbosity_options
def pi(
    who: str, network: Network, load: Path | None, as_of: datetime.date | None,
    pubs: Publications, trials: Trials, email: str | None, output: Output,
) -> None:  # fmt: skip
    """One PI: title, organization, every grant, program officers, study sections, links, and
    the papers linked to the grants (most recent first, with PMID and PubMed link).

    PROFILE_ID_OR_NAME is a RePORTER profile id (the profile_id column of a lead list) or a
    name: "Rivera, Ana", "Ana Rivera", "A. Rivera", a bare last name, a middle name as the
    first name. When several PIs match they are listed (exit 2; on a terminal you are asked
    which one); when none does, the closest names are (exit 1).

    \b
    Examples:
      reporter-finder pi 10519021
      reporter-finder pi "Li, Hu" -o li.json
      reporter-finder pi 10519021 --email you@example.org --ncbi-api-key "$NCBI_API_KEY"
    """
    from reporter_finder.investigator import pi_grant_details
    from reporter_finder.leads.export import write_table
    from reporter_finder.leads.trials import trial_columns

    who = " ".join(who.split())
    tables, partial = _pi_tables(who, network, load, as_of)
    pi_key = _choose_pi(tables.pis, who)
    papers = _pi_publications(tables, pi_key, network, pubs, email, load)
    address = _pi_email(tables, pi_key, papers, network, pubs, email, as_of)
    matches = _pi_trials(tables, pi_key, network, trials, load)
    cells = trial_columns(matches) if matches is not None else None
    rows = pi_grant_details(tables, pi_key, publications=papers, email=address, trials=cells)
    if output.fmt == "table":
        person = rows.iloc[0]
        click.echo(f"{person.pi_name} — {_shown(person.pi_title, 'title not given')}, "
                   f"{person.organization}, {_shown(person.department, 'department not given')} "
                   f"(profile id {person.profile_id})")  # fmt: skip
    write_table(rows, output.path, output.fmt, table_columns=PI_TABLE_COLUMNS, partial=partial,
                overwrite=output.force, wide=output.wide)  # fmt: skip
    if output.fmt == "table" and output.to_stdout and papers is not None:
        click.echo(f"\nPublications linked to these grants ({len(papers)}, most recent first):")
        for citation, url in zip(papers["citation"], papers["pubmed_url"], strict=True):
            click.echo(f"  {citation}  {url}")
    if output.fmt == "table" and output.to_stdout and matches:
        _echo_trials(matches)
    output.done(len(rows), "grants")
    warn_partial(partial, "the output" if output.to_stdout else output.path)
