"""The outreach commands: ``draft`` (e-mails to PIs) and ``followups`` (the leads due for one)."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from reporter_finder.cli.group import cli
from reporter_finder.cli.investigator import (
    _choose_pi,
    _pi_email,
    _pi_publications,
    _pi_tables,
    _pi_trials,
)
from reporter_finder.cli.options import (
    applicant_options,
    as_of_option,
    email_option,
    force_option,
    load_option,
    network_options,
    output_options,
    publication_options,
    trial_options,
    verbosity_options,
)
from reporter_finder.cli.terminal import say, warn_partial
from reporter_finder.cli.values import (
    ApplicantText,
    Network,
    Output,
    Publications,
    Trials,
    check_new,
    check_writable,
)

if TYPE_CHECKING:  # pragma: no cover - typing only; the command imports the library lazily
    from reporter_finder.dates import DateOrder
    from reporter_finder.leads.followups import FollowupCounts

# --- draft ----------------------------------------------------------------------------------


def _template_text(template: Path | None, kind: str) -> str:
    from reporter_finder.outreach.draft import load_template

    return load_template(template, kind=kind)


@cli.command()
@click.argument("profile_id", required=False, metavar="[PROFILE_ID_OR_NAME]")
@click.option(
    "--from",
    "from_csv",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="LEADS.csv|.xlsx",
    help="Batch mode: draft for the top leads of a lead list (CSV or Excel workbook).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    metavar="N",
    help="Batch mode: how many leads, in rank order.",
)
@click.option(
    "--out",
    "out_dir",
    default="drafts",
    show_default=True,
    metavar="DIR",
    help="Batch mode: folder for the .txt and .eml files.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    metavar="FILE",
    help="One PI: where to write the draft; '-' is stdout, a .eml name writes an e-mail file.",
)
@force_option
@applicant_options
@email_option
@network_options
@load_option
@as_of_option
@publication_options
@trial_options
@verbosity_options
def draft(
    profile_id: str | None, from_csv: Path | None, top: int, out_dir: str, output: str,
    force: bool, applicant: ApplicantText, template: Path | None, email: str | None,
    network: Network, load: Path | None, as_of: datetime.date | None, pubs: Publications,
    trials: Trials,
) -> None:  # fmt: skip
    """Draft a short e-mail to a PI (four parts: their work, why them, you, a call).

    Give one PI's profile id or name, looked up as by the pi command (the draft goes to stdout;
    its sources to stderr), or a lead list (CSV or .xlsx) with --from to write, per lead,
    NN-name.txt (what you send), NN-name.eml (an unsent e-mail) and NN-name.sources.txt (where
    each claim comes from) into --out; NN is the lead's rank. Batch mode uses the lead list's
    columns only (add --load for the grants' abstracts) and makes no request. Existing files
    are never replaced without --force.

    \b
    Examples:
      reporter-finder draft 10519021 --name "Ana Rivera" \\
          --background "an internal medicine graduate from Peru" --skills "R, REDCap" \\
          --specialty oncology --track postdoc --duration "12–24 months" --visa J-1
      reporter-finder draft --from leads.csv --top 10 --out drafts/ --name "Ana Rivera" \\
          --background "an internal medicine graduate from Peru"
    """
    if (profile_id is None) == (from_csv is None):
        raise click.UsageError("give one PI's PROFILE_ID or --from LEADS.csv|.xlsx (not both)")
    check_writable(output, "'-o' / '--output'")
    if from_csv is None:  # one PI, one file (batch mode writes into --out as before)
        check_new(output, force)
    from reporter_finder.outreach.compose import draft_batch, draft_for_pi
    from reporter_finder.outreach.files import write_draft, write_drafts

    who, text = applicant.applicant(email), _template_text(template, "email")
    if from_csv is not None:
        from reporter_finder.leads.sheet import read_leads

        tables = _pi_tables("", network, load, as_of)[0] if load else None  # better grants
        drafts = draft_batch(read_leads(from_csv), tables, who, top=top, template=text)
        paths = write_drafts(drafts, out_dir, from_addr=email, overwrite=force)
        say(f"Wrote {len(drafts)} drafts to {out_dir}: {', '.join(p.name for p in paths)}")
        return
    assert profile_id is not None  # exactly one of PROFILE_ID and --from: checked above
    named = " ".join(profile_id.split())
    tables, partial = _pi_tables(named, network, load, as_of)
    # A profile id not in the data is draft_for_pi's error; a name must match one PI.
    pi = named if named.isdecimal() else _choose_pi(tables.pis, named)
    warn_partial(partial, "the PI's grant list behind this draft")
    papers = _pi_publications(tables, pi, network, pubs, email, load)
    # The clinical track may cite a recruiting trial instead of a paper.
    found = _pi_trials(tables, pi, network, trials, load) if who.track == "clinical" else None
    letter = draft_for_pi(tables, pi, who, publications=papers, template=text, trials=found)
    address = _pi_email(tables, pi, papers, network, pubs, email, as_of)
    if address is not None:  # the .eml's To:, from the PI's own paper
        letter = dataclasses.replace(letter, to_addr=address["email"])
    if output == "-":
        click.echo(letter.as_text(), nl=False)
        say("Sources (check before sending):\n" + "\n".join(f"- {f}" for f in letter.facts))
    else:
        written = write_draft(letter, output, from_addr=email, overwrite=force)
        say(f"Wrote the draft to {written}.")


# --- followups ------------------------------------------------------------------------------


@cli.command()
@click.argument(
    "leads_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="LEADS.csv|.xlsx",
)
@click.option(
    "--days",
    type=click.IntRange(min=0),
    default=7,
    show_default=True,
    metavar="N",
    help="Due when contacted_on is at least N days ago.",
)
@click.option(
    "--write",
    is_flag=True,
    help="Write follow_up_on into the lead list for the due leads (your other edits are kept).",
)
@click.option(
    "--on",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="With --write: the date to write. [default: today]",
)
@click.option(
    "--dayfirst",
    is_flag=True,
    help="Read dates such as 03/12/2026 day first (3 December).",
)
@click.option(
    "--monthfirst",
    is_flag=True,
    help="Read dates such as 03/12/2026 month first (12 March).",
)
@click.option(
    "--draft",
    "with_drafts",
    is_flag=True,
    help="Also write a follow-up draft per due lead into --out.",
)
@click.option(
    "--out",
    "out_dir",
    default="drafts",
    show_default=True,
    metavar="DIR",
    help="With --draft: folder for the .followup.txt and .followup.eml files.",
)
@applicant_options
@email_option
@output_options
@verbosity_options
def followups(
    leads_file: Path, days: int, write: bool, on: datetime.datetime | None, dayfirst: bool,
    monthfirst: bool, with_drafts: bool, out_dir: str, applicant: ApplicantText,
    template: Path | None, email: str | None, output: Output,
) -> None:  # fmt: skip
    """The leads due for their one follow-up: contacted at least --days ago, no reply yet.

    Reads the lead list you have been editing, CSV or Excel workbook (status, contacted_on,
    follow_up_on), and lists the due leads, oldest contact first. A date such as 03/12/2026
    is read only with --dayfirst or --monthfirst; if any date is unreadable, nothing is
    written.

    \b
    Examples:
      reporter-finder followups leads.csv --days 7
      reporter-finder followups leads.csv --days 7 --write
      reporter-finder followups leads.csv --draft --name "Ana Rivera" \\
          --background "an internal medicine graduate from Peru"
    """
    if on is not None and not write:
        raise click.UsageError("--on sets the date --write writes: add --write")
    if dayfirst and monthfirst:
        raise click.UsageError("--dayfirst and --monthfirst contradict each other: pick one")
    order: DateOrder | None = "dayfirst" if dayfirst else "monthfirst" if monthfirst else None
    from reporter_finder.leads.export import write_table
    from reporter_finder.leads.followups import (
        due_followups,
        followup_counts,
        followup_list,
        mark_followups,
    )
    from reporter_finder.leads.sheet import read_leads

    who = applicant.applicant(email) if with_drafts else None  # fail before writing anything
    leads = read_leads(leads_file)
    # Every date is read before anything is written: a bad one stops the command here.
    today = datetime.date.today()
    due = due_followups(leads, days=days, today=today, order=order)
    counts = followup_counts(leads, days=days, today=today, order=order)
    # The drafts next: when they are refused (a file exists), nothing else is written either,
    # so follow_up_on is never set for a follow-up that was not drafted.
    paths = (_write_followups(due, who, template, out_dir, email, output.force)
             if who and len(due) else [])  # fmt: skip
    write_table(followup_list(due), output.path, output.fmt, overwrite=output.force,
                wide=output.wide)  # fmt: skip
    say(_counts_line(counts))
    if write and len(due):
        when = on.date() if on else datetime.date.today()
        mark_followups(leads_file, due, on=when)
        say(f"Set follow_up_on to {when.isoformat()} on {len(due)} rows of {leads_file}.")
    if paths:
        say(f"Wrote {len(paths) // 2} follow-up drafts to {out_dir}: "
            f"{', '.join(p.name for p in paths)}")  # fmt: skip


def _write_followups(
    due: Any, who: Any, template: Path | None, out_dir: str, email: str | None, force: bool
) -> list[Path]:
    """One follow-up per due lead, replying to the subject of its first draft in ``out_dir``
    when that file is there (the applicant may have edited it), else to the rebuilt one; the
    first e-mail's date as read by ``due_followups`` (with the date order given), not re-read."""
    from reporter_finder.outreach.compose import followup_for_lead
    from reporter_finder.outreach.files import first_subject, write_drafts

    text = _template_text(template, "followup")
    drafts = []
    for _, row in due.iterrows():
        drafts.append(followup_for_lead(
            row, who, template=text, contacted_on=row["contacted_date"],
            first_subject=lambda first: first_subject(out_dir, first),
        ))  # fmt: skip
    return write_drafts(drafts, out_dir, from_addr=email, kind="followup", overwrite=force)


def _counts_line(counts: FollowupCounts) -> str:
    """``Follow-ups: 2 due, 1 waiting (contacted less than 7 days ago), 3 done (2 followed up,
    1 answered); 4 not contacted yet.``"""
    return (
        f"Follow-ups: {counts.due} due, {counts.waiting} waiting (contacted less than "
        f"{counts.days} day{'' if counts.days == 1 else 's'} ago), {counts.done} done "
        f"({counts.followed_up} followed up, {counts.answered} answered); "
        f"{counts.not_contacted} not contacted yet."
    )
