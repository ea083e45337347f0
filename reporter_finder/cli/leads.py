"""The lead commands: ``search`` (PIs), ``grants`` (their grants) and ``fetch`` (the raw
records)."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from typing import Any

import click

from reporter_finder.cli.errors import CliError
from reporter_finder.cli.group import cli
from reporter_finder.cli.options import (
    active_option,
    as_of_option,
    email_option,
    force_option,
    load_option,
    network_options,
    output_options,
    publication_options,
    query_options,
    ranking_options,
    since_option,
    trial_options,
    verbosity_options,
)
from reporter_finder.cli.terminal import say, warn_partial
from reporter_finder.cli.values import (
    Filters,
    Network,
    Output,
    Publications,
    Ranking,
    Trials,
    check_new,
    check_writable,
)
from reporter_finder.errors import partial_note

# --- search and grants ----------------------------------------------------------------------


def _find(
    filters: Filters, network: Network, load: Path | None, ranking: Ranking | None,
    as_of: datetime.date | None,
) -> Any:  # fmt: skip
    """Run the library's mentor search from the command's options."""
    from reporter_finder.rank.resolve import resolve_specialty
    from reporter_finder.search import find_mentors
    from reporter_finder.tables.records import load_records

    _note_specialty(resolve_specialty(filters.specialty))  # before a search that takes a while
    result = find_mentors(
        filters.specialty,
        skills=ranking.skills if ranking else (),
        track=ranking.track if ranking else "any",
        years=filters.years,
        states=filters.states,
        cities=filters.cities,
        institutions=filters.institutions,
        activity_codes=filters.mechanisms,
        active_only=filters.active_only,
        client=None if load else network.client(),
        records=load_records(load) if load else None,
        as_of=as_of,
        allow_partial=network.allow_partial,
        include_companies=ranking.include_companies if ranking else False,
        visa=ranking.visa if ranking else None,
        intramural=filters.intramural,
    )
    return result


def _note_specialty(match: Any) -> None:
    """Say on one line how the text was understood, unless it is a specialty's name."""
    shown = " ".join(match.query.split())
    if match.how == "typo":
        say(f'Searching "{shown}" as {match.specialty.name} (the closest spelling).')
    elif match.how == "composed":
        qualifier = match.specialty.qualifier
        base = match.specialty.name.removeprefix(f"{qualifier} ")
        words = ", ".join(match.specialty.must_match_any[:3])
        say(f'Searching "{shown}" as {base}, in grants that are also {qualifier.lower()} '
            f"({words} …).")  # fmt: skip
    elif match.how == "phrase":
        if match.related_keys:
            closest = match.suggestions[0]
            say(f'Searching "{shown}" as a phrase; closest specialty: {closest} '
                f'(search "{closest}" to widen).')  # fmt: skip
        else:
            say(f'Searching "{shown}" as a phrase (no specialty I know uses these words; '
                "see 'reporter-finder specialties').")  # fmt: skip


def _nothing_matched(filters: Filters, noun: str) -> CliError:
    """The one-line error of a search that matched nothing, with what to try."""
    from reporter_finder.rank.resolve import resolve_specialty

    tips = []
    match = resolve_specialty(filters.specialty)
    if match.how == "phrase" and match.suggestions:
        tips.append("a specialty (" + ", ".join(f'"{n}"' for n in match.suggestions) + ")")
    tips.append("more fiscal years (--years 2015-2026)")
    if filters.states or filters.cities or filters.institutions:
        tips.append("fewer --state/--city/--institution filters")
    if filters.mechanisms:
        tips.append("no --mechanism")
    if filters.active_only:
        tips.append("--include-inactive")
    return CliError(f"no {noun} matched {filters.specialty!r}, so nothing was written — try "
                    f"{'; '.join(tips)}")  # fmt: skip


@cli.command()
@active_option
@query_options
@ranking_options
@network_options
@load_option
@as_of_option
@since_option
@publication_options
@trial_options
@email_option
@click.option("--require-email", is_flag=True,
              help="Fail (exit 1, nothing written) when PubMed cannot be read for the "
              "PIs' e-mail addresses, instead of leaving those columns empty.")  # fmt: skip
@output_options
@verbosity_options
def search(
    filters: Filters,
    ranking: Ranking,
    network: Network,
    load: Path | None,
    as_of: datetime.date | None,
    since: Path | None,
    pubs: Publications,
    trials: Trials,
    email: str | None,
    require_email: bool,
    output: Output,
) -> None:
    """Rank PIs as prospective mentors for SPECIALTY: the lead list.

    SPECIALTY is a specialty or topic in your words ("cardiology", "sickle cell disease").
    Known specialties (see 'reporter-finder specialties') are expanded into their research
    terms; anything else is searched as typed. The lead list has one row per PI, best first,
    with the papers linked to each PI's grants (n_publications, recent_publications) and the
    PI's e-mail address as printed in their own recent paper (email, email_pmid, email_year,
    email_match; looked up for the best 25), their NIH-linked clinical trials from
    ClinicalTrials.gov (n_trials, n_recruiting_trials, trial_nct_ids, trial_contact_email; also
    the best 25; with --track clinical a recruiting trial lifts the PI), and empty status/
    contacted_on/follow_up_on/notes columns for your outreach. funding_for_you says whether the
    PI has money that can pay you (likely, limited, none); give --visa so that training grants
    that cannot pay a visa holder earn no credit. Each list records the day it was made
    (listed_on): run the search again with --since on it to mark the new PIs (new_pi) and new
    awards (new_awards).

    \b
    Examples:
      reporter-finder search cardiology --state NY --state NJ -o leads.csv
      reporter-finder search cardiology --visa J-1 --intramural -o leads.csv
      reporter-finder search "heart failure" --skills "echocardiography, machine learning" \\
          --track clinical --years 2022-2026 --top 30 -o leads.xlsx
      reporter-finder search nephrology --load saved.json --format json
      reporter-finder search cardiology --since leads.csv -o new-leads.csv
    """
    from reporter_finder.leads.export import write_leads
    from reporter_finder.leads.listing import lead_list

    earlier = _earlier(since) if since else None  # before the search: a bad list fails fast
    if earlier is not None and network.cache_mode == "normal":
        # "What is new" must not be answered from a cached week-old answer: ask afresh (and
        # store it). --offline and --no-cache are the user's explicit choice and are kept.
        network = dataclasses.replace(network, cache_mode="refresh")
    pubmed = network.pubmed_client(pubs, email) if pubs.wanted(load) else None  # checks --email
    result = _find(filters, network, load, ranking, as_of)
    ranked = result.ranked
    if ranked.empty:
        raise _nothing_matched(filters, "PIs")
    if pubmed is not None:
        from reporter_finder.cli.errors import network_problem
        from reporter_finder.errors import OfflineCacheMissError, ReporterConnectionError
        from reporter_finder.leads.publications import publications_for_leads

        try:
            ranked = publications_for_leads(ranked, result.tables, reporter_client=network.client(),
                                            pubmed_client=pubmed, top=ranking.top)  # fmt: skip
        except (ReporterConnectionError, OfflineCacheMissError) as exc:
            # Publications are an extra: without the network, the ranking still stands.
            say(f"Warning: the publication columns need the network ({network_problem(exc)}); "
                "the lead list is written without them.")  # fmt: skip
        else:
            ranked = _with_emails(ranked, result, network, pubmed, ranking.top, require_email)
    if trials.wanted(load):
        ranked = _with_trials(ranked, result, network, trials, ranking)
    leads = lead_list(ranked, top=ranking.top)
    marked = _mark_new(leads, result.tables, earlier) if earlier is not None else None
    count = write_leads(marked.leads if marked else leads, output.path, output.fmt,
                        partial=result.partial_note, overwrite=output.force,
                        wide=output.wide)  # fmt: skip
    output.done(count, "PIs")
    if marked is not None:
        say(marked.summary())  # "new since 2026-11-02: 3 PIs, 5 awards"
    warn_partial(result.partial_note, _where(output.path))


def _earlier(path: Path) -> Any:
    """What ``--since`` compares with, read and checked (``DataFormatError`` when unusable)."""
    from reporter_finder.leads.sheet import read_leads
    from reporter_finder.leads.since import earlier_list

    return earlier_list(read_leads(path), source=str(path))


def _mark_new(leads: Any, tables: Any, earlier: Any) -> Any:
    """The lead list with its new PIs and awards marked (``leads.since.NewSince``)."""
    from reporter_finder.leads.since import mark_new_since

    return mark_new_since(leads, tables, earlier)


def _with_emails(
    ranked: Any, result: Any, network: Network, pubmed: Any, top: int | None, required: bool
) -> Any:
    """The ranked PIs with their sourced e-mail addresses; one line when PubMed fails."""
    from reporter_finder.leads.emails import DEFAULT_EMAIL_TOP, emails_for_leads

    client = network.client()
    best = min(top or DEFAULT_EMAIL_TOP, DEFAULT_EMAIL_TOP)  # the first to write to
    ranked, problem = emails_for_leads(
        ranked, result.tables, reporter_client=client, pubmed_client=pubmed, top=best,
        as_of=result.as_of,
    )  # fmt: skip
    if problem is not None:
        if required:
            raise CliError(f"{problem} — rerun later, or without --require-email")
        say(f"Warning: {problem}; the email columns are empty for them.")
    return ranked


def _with_trials(
    ranked: Any, result: Any, network: Network, trials: Trials, ranking: Ranking
) -> Any:
    """The ranked PIs with their trials (and, for the clinical track, the trial component);
    one line when ClinicalTrials.gov cannot be asked."""
    from reporter_finder.leads.trials import DEFAULT_TRIALS_TOP, trials_for_leads

    best = min(ranking.top or DEFAULT_TRIALS_TOP, DEFAULT_TRIALS_TOP)
    ranked, problem = trials_for_leads(ranked, result.tables, client=network.ctgov_client(trials),
                                       top=best, track=ranking.track)  # fmt: skip
    if problem is not None:
        say(f"Warning: {problem}; the trial columns are empty.")
    return ranked


#: Columns of the ``grants`` table in the terminal view, best first: as many as fit (files
#: and ``--wide`` get every column).
GRANT_TABLE_COLUMNS = (
    "core_project_num",
    "project_title",
    "org_name",
    "org_state",
    "relevance",
    "is_active",
    "latest_award_amount",
    "last_fiscal_year",
    "activity_code",
)


@cli.command()
@active_option
@query_options
@network_options
@load_option
@as_of_option
@output_options
@verbosity_options
def grants(
    filters: Filters, network: Network, load: Path | None, as_of: datetime.date | None,
    output: Output,
) -> None:  # fmt: skip
    """The grants behind a SPECIALTY search: one row per project, most relevant first.

    Same query options as 'search', for when you want the grants rather than the people.

    \b
    Examples:
      reporter-finder grants cardiology --state MA --years 2023-2026 -o grants.csv
      reporter-finder grants "sickle cell disease" --mechanism R01 --active-only
    """
    from reporter_finder.leads.export import write_table
    from reporter_finder.search import relevant_grants

    result = _find(filters, network, load, None, as_of)
    table = relevant_grants(result, active_only=filters.active_only)
    if table.empty:
        raise _nothing_matched(filters, "grants")
    count = write_table(table, output.path, output.fmt, table_columns=GRANT_TABLE_COLUMNS,
                        partial=result.partial_note, overwrite=output.force,
                        wide=output.wide)  # fmt: skip
    output.done(count, "grants")
    warn_partial(result.partial_note, _where(output.path))


# --- fetch ----------------------------------------------------------------------------------


@cli.command()
@query_options
@network_options
@click.option("--save", required=True, metavar="FILE",
              help="JSON file to write the raw records to ('-' for stdout).")  # fmt: skip
@force_option
@verbosity_options
def fetch(filters: Filters, network: Network, save: str, force: bool) -> None:
    """Download the raw RePORTER records of a SPECIALTY search to a JSON file.

    Rank them later, as often as you like and without the network, with --load.

    \b
    Examples:
      reporter-finder fetch cardiology --years 2022-2026 --save cardiology.json
      reporter-finder search cardiology --load cardiology.json --skills "MRI" -o leads.csv
    """
    check_writable(save, "'--save'")  # before the download, not after it
    check_new(save, force)
    from reporter_finder.leads.export import write_records
    from reporter_finder.rank.resolve import resolve_specialty
    from reporter_finder.retrieval import default_query, fetch_records, split_query

    match = resolve_specialty(filters.specialty)
    _note_specialty(match)
    # The very queries 'search' sends, so that 'search --load' ranks the same records.
    queries = split_query(default_query(
        match.specialty, years=filters.years, states=filters.states, cities=filters.cities,
        institutions=filters.institutions, activity_codes=filters.mechanisms,
        intramural=filters.intramural,
    ))  # fmt: skip
    client = network.client()
    records = fetch_records(queries, client, allow_partial=network.allow_partial)
    fetched_at = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    meta = {"queries": [q.to_criteria() for q in queries], "api_url": client.base_url,
            "fetched_at": fetched_at}  # fmt: skip
    note = partial_note(records.incomplete)
    if note is not None:
        meta["partial"] = note
    if not records:
        raise _nothing_matched(filters, "records")
    count = write_records(records, save, meta=meta, overwrite=force)
    if save != "-":
        say(f"Saved {count} records to {save}.")
    warn_partial(note, _where(save))


def _where(path: str) -> str:
    return "the output" if path == "-" else path
