"""The outreach commands: ``draft`` (e-mails to PIs) and ``followups`` (the leads due for one)."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reporter_finder.cli.group import cli
from reporter_finder.cli.investigator import _choose_pi, _pi_email, _pi_publications, _pi_tables
from reporter_finder.cli.options import (
    applicant_options,
    as_of_option,
    email_option,
    load_option,
    network_options,
    output_options,
    publication_options,
    verbosity_options,
)
from reporter_finder.cli.terminal import say, warn_partial
from reporter_finder.cli.values import ApplicantText, Network, Output, Publications, check_writable

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
@applicant_options
@email_option
@network_options
@load_option
@as_of_option
@publication_options
@verbosity_options
def draft(
    profile_id: str | None, from_csv: Path | None, top: int, out_dir: str, output: str,
    applicant: ApplicantText, template: Path | None, email: str | None, network: Network,
    load: Path | None, as_of: datetime.date | None, pubs: Publications,
) -> None:  # fmt: skip
    """Draft a short e-mail to a PI (four parts: their grant, the bridge, you, a call).

    Give one PI's profile id or name, looked up as by the pi command (the draft goes to stdout;
    its sources to stderr), or a lead list (CSV or .xlsx) with --from to write one .txt and one
    .eml per lead into --out. Batch mode uses the lead list's columns only and makes no request.

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
    from reporter_finder.outreach.compose import draft_batch, draft_for_pi
    from reporter_finder.outreach.files import write_draft, write_drafts

    who, text = applicant.applicant(email), _template_text(template, "email")
    if from_csv is not None:
        from reporter_finder.leads.sheet import read_leads

        tables = _pi_tables("", network, load, as_of)[0] if load else None  # better grants
        drafts = draft_batch(read_leads(from_csv), tables, who, top=top, template=text)
        paths = write_drafts(drafts, out_dir, from_addr=email)
        say(f"Wrote {len(drafts)} drafts to {out_dir}: {', '.join(p.name for p in paths)}")
        return
    assert profile_id is not None  # exactly one of PROFILE_ID and --from: checked above
    named = " ".join(profile_id.split())
    tables, partial = _pi_tables(named, network, load, as_of)
    # A profile id not in the data is draft_for_pi's error; a name must match one PI.
    pi = named if named.isdecimal() else _choose_pi(tables.pis, named)
    warn_partial(partial, "the PI's grant list behind this draft")
    papers = _pi_publications(tables, pi, network, pubs, email, load)
    letter = draft_for_pi(tables, pi, who, publications=papers, template=text)
    address = _pi_email(tables, pi, papers, network, pubs, email, as_of)
    if address is not None:  # the .eml's To:, from the PI's own paper
        letter = dataclasses.replace(letter, to_addr=address["email"])
    if output == "-":
        click.echo(letter.as_text(), nl=False)
        say("Sources (check before sending):\n" + "\n".join(f"- {f}" for f in letter.facts))
    else:
        say(f"Wrote the draft to {write_draft(letter, output, from_addr=email)}.")


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
    help="With --draft: folder for the .txt and .eml files.",
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
      reporter-finder followups leads.csv --draft --name "Ana Rivera" --background "…"
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
    from reporter_finder.outreach.compose import draft_followup
    from reporter_finder.outreach.files import write_drafts

    who = applicant.applicant(email) if with_drafts else None  # fail before writing anything
    leads = read_leads(leads_file)
    # Every date is read before anything is written: a bad one stops the command here.
    today = datetime.date.today()
    due = due_followups(leads, days=days, today=today, order=order)
    counts = followup_counts(leads, days=days, today=today, order=order)
    write_table(followup_list(due), output.path, output.fmt)
    say(_counts_line(counts))
    if write and len(due):
        when = on.date() if on else datetime.date.today()
        mark_followups(leads_file, due, on=when)
        say(f"Set follow_up_on to {when.isoformat()} on {len(due)} rows of {leads_file}.")
    if who is not None and len(due):
        text = _template_text(template, "followup")
        # contacted_on as read above (with --dayfirst/--monthfirst), not re-guessed.
        drafts = [draft_followup({str(k): v for k, v in row.items()}, who, template=text,
                                 contacted_on=row["contacted_date"])
                  for _, row in due.iterrows()]  # fmt: skip
        paths = write_drafts(drafts, out_dir, from_addr=email)
        say(f"Wrote {len(drafts)} follow-up drafts to {out_dir}: "
            f"{', '.join(p.name for p in paths)}")  # fmt: skip


def _counts_line(counts: FollowupCounts) -> str:
    """``Follow-ups: 2 due, 1 waiting (contacted less than 7 days ago), 3 done (2 followed up,
    1 answered); 4 not contacted yet.``"""
    return (
        f"Follow-ups: {counts.due} due, {counts.waiting} waiting (contacted less than "
        f"{counts.days} day{'' if counts.days == 1 else 's'} ago), {counts.done} done "
        f"({counts.followed_up} followed up, {counts.answered} answered); "
        f"{counts.not_contacted} not contacted yet."
    )
