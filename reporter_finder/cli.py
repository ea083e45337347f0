"""The ``reporter-finder`` command line (being built in issue #5)."""

from __future__ import annotations

import click

from reporter_finder import __version__


@click.group()
@click.version_option(__version__, prog_name="reporter-finder")
def cli() -> None:
    """Find NIH-funded research mentors (PIs) in NIH RePORTER."""


def main() -> None:
    """Console-script entry point."""
    cli()
