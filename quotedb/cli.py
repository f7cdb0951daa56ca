"""The ``quotedb`` command line: a thin shell over ``quotedb.build`` and ``db.export``."""
from __future__ import annotations

import sys

import click

from db import QuoteDbError
from db.export import export_csv
from quotedb.build import BuildError, build as build_database


@click.group()
@click.version_option(package_name="quotedb")
def cli():
    """Find quotes and their speakers in news articles; publish them with Datasette."""


@cli.command()
@click.argument("articles", type=click.Path(file_okay=False, path_type=str))
@click.option("--db", "db_path", default="quotes.db", show_default=True, help="Database file to build or refresh.")
def build(articles, db_path):
    """Build or refresh the quote database from a folder of ARTICLES.

    Only new and changed articles are processed; articles removed from the
    folder are removed from the database. Files that cannot be read are
    reported and listed in the build_errors table.

    \b
    Examples:
      quotedb build articles/ --db quotes.db
      quotedb build ../shared/data/seeds --db seeds.db
    """
    show = progress_printer()
    try:
        report = build_database(articles, db_path, progress=show)
    except (BuildError, QuoteDbError) as error:
        raise click.ClickException(str(error)) from error
    if show.shown:
        click.echo(file=sys.stderr)
    for path, reason in report.errors:
        click.echo(f"error: {path}: {reason}", err=True)
    click.echo(f"{db_path}: {report.summary()}")


def progress_printer():
    """A progress callback that redraws one line on a terminal and stays quiet elsewhere."""
    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            show.shown = True
            click.echo(f"\rextracting {done}/{total} articles", nl=False, err=True)

    show.shown = False
    return show


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False))
@click.option("--csv", "csv_path", default="quotes.csv", show_default=True, help="CSV file to write.")
@click.option("--speaker", help="Only quotes of speakers whose name or alias contains this.")
@click.option("--outlet", help="Only quotes from this outlet.")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only articles published on or before this date (YYYY-MM-DD).")
@click.option("--kind", type=click.Choice(["direct", "mixed", "indirect"]), help="Only quotes of this kind.")
@click.option("--min-confidence", type=float, help="Only attributions at least this confident (0-1).")
def export(db_path, csv_path, speaker, outlet, since, until, kind, min_confidence):
    """Write the quotes of DB, with speaker, article title, outlet and date, as CSV.

    \b
    Examples:
      quotedb export quotes.db --csv quotes.csv
      quotedb export quotes.db --csv high.csv --kind direct --min-confidence 0.8
    """
    try:
        rows = export_csv(db_path, csv_path, speaker=speaker, outlet=outlet, since=since,
                          until=until, kind=kind, min_confidence=min_confidence)
    except QuoteDbError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{csv_path}: {rows} quotes")
