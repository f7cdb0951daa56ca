"""The ``quotedb`` command line: a thin shell over ``quotedb.build`` and ``db.export``."""
from __future__ import annotations

import sys

import click

from db import QuoteDbError
from db.export import export_csv
from extract import metadata
from quotedb import engines
from quotedb.build import BuildError, Engine, build as build_database
from quotedb.engines import default_workers


@click.group()
@click.version_option(package_name="quotedb")
def cli():
    """Find quotes and their speakers in news articles; publish them with Datasette."""


@cli.command()
@click.argument("articles", type=click.Path(file_okay=False, path_type=str))
@click.option("--db", "db_path", default="quotes.db", show_default=True, help="Database file to build or refresh.")
@click.option("--workers", type=click.IntRange(min=1), default=default_workers, show_default="one per core",
              help="Worker processes extracting articles (1: all in this process).")
@click.option("--engine", "engine_name", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a dask.distributed cluster.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="With --engine dask: the scheduler of a running cluster (default: start one here).")
@click.option("--metadata", "metadata_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="A metadata table (CSV or TSV, one row per article file) for articles outside its folder;"
                   " metadata.csv or metadata.tsv among the articles is read without this.")
def build(articles, db_path, workers, engine_name, scheduler, metadata_path):
    """Build or refresh the quote database from a folder of ARTICLES.

    Only new and changed articles are processed; articles removed from the
    folder are removed from the database. Files that cannot be read are
    reported and listed in the build_errors table. Titles, outlets and dates
    come from a metadata table when there is one, and dates from file names
    (nyt_2016-09-08_talks.txt) when nothing else dates an article.

    \b
    Examples:
      quotedb build articles/ --db quotes.db
      quotedb build ../shared/data/seeds --db seeds.db --workers 1
      quotedb build articles/ --engine dask --scheduler tcp://10.0.0.5:8786
      quotedb build polnear/dev/text --metadata polnear/metadata.tsv --db polnear.db
    """
    if scheduler and engine_name != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    engine = engines.dask(scheduler, workers) if engine_name == "dask" else engines.local(workers)
    try:
        with metadata.extra_table(metadata_path):
            report = build_database(articles, db_path, engine=with_progress_bar(engine))
    except (BuildError, QuoteDbError, metadata.TableError) as error:
        raise click.ClickException(str(error)) from error
    for path, reason in report.errors:
        click.echo(f"error: {path}: {reason}", err=True)
    click.echo(f"{db_path}: {report.summary()}")


def with_progress_bar(engine: Engine) -> Engine:
    """The engine, showing articles done, words/s and the time left on a terminal.

    Elsewhere (CI, a log file) it stays quiet: the build's summary line says it all.
    """
    if not sys.stderr.isatty():
        return engine

    def run(articles):
        from tqdm import tqdm

        total = len(articles)
        with tqdm(total=sum(engines.word_count(a) for a in articles), unit=" words", unit_scale=True,
                  desc=f"0/{total} articles", file=sys.stderr, leave=False) as bar:
            for done, extracted in enumerate(engine(articles), 1):
                bar.set_description(f"{done}/{total} articles", refresh=False)
                bar.update(engines.word_count(extracted.article))
                yield extracted

    return run


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
