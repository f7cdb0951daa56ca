"""The ``quotedb`` command line: a thin shell over ``quotedb.build`` and ``db.export``."""
from __future__ import annotations

import codecs
import signal
import sys

import click

from db import QuoteDbError
from db.export import export_csv
from extract import files, metadata, sources
from extract.pipeline import Budget
from quotedb import engines
from quotedb.build import BuildError, Engine, build as build_database
from quotedb.engines import default_workers


@click.group()
@click.version_option(package_name="quotedb")
def cli():
    """Find quotes and their speakers in news articles; publish them with Datasette."""
    signal.signal(signal.SIGTERM, stopped)


def stopped(signum, frame):
    """On SIGTERM, end like on Ctrl-C: the temporary copy is removed and the workers are stopped."""
    raise SystemExit(128 + signum)


def known_encoding(context, parameter, value: str | None) -> str | None:
    """The name of an encoding Python knows."""
    if value is None:
        return None
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise click.BadParameter(f"no such encoding: {value}") from None


@cli.command()
@click.argument("articles", type=click.Path(file_okay=False, path_type=str))
@click.option("--db", "db_path", default="quotes.db", show_default=True, help="Database file to build or refresh.")
@click.option("--workers", type=click.IntRange(min=1), default=default_workers, show_default="one per core",
              help="Worker processes extracting articles.")
@click.option("--engine", "engine_name", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a dask.distributed cluster.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="With --engine dask: the scheduler of a running cluster (default: start one here).")
@click.option("--article-seconds", type=click.FloatRange(min=0, min_open=True), default=Budget.seconds,
              show_default=True, help="Time one article's extraction (or an HTML page's reading) may take; "
              "an article over it is listed in build_errors and tried again by the next build.")
@click.option("--article-chars", type=click.IntRange(min=1), default=Budget.chars, show_default=True,
              help="Characters of an article's text given to the extractor; the rest is left out and reported.")
@click.option("--max-file-mb", type=click.FloatRange(min=0, min_open=True), default=files.MAX_BYTES / 1e6,
              show_default=True, help="Larger files are skipped and listed in build_errors.")
@click.option("--outside-links", is_flag=True,
              help="Also read files that symbolic links point to outside the folder (skipped by default).")
@click.option("--encoding", metavar="NAME", callback=known_encoding,
              help="The encoding of the files that are not UTF-8 (default: detected for each file).")
@click.option("--wait", is_flag=True,
              help="Wait while another build writes the same database (default: stop with a message).")
@click.option("--metadata", "metadata_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="A metadata table (CSV or TSV, one row per article file) for articles outside its folder;"
                   " metadata.csv or metadata.tsv among the articles is read without this.")
def build(articles, db_path, workers, engine_name, scheduler, article_seconds, article_chars, max_file_mb,
          outside_links, encoding, wait, metadata_path):
    """Build or refresh the quote database from a folder of ARTICLES.

    Only new and changed articles are processed; articles removed from the
    folder are removed from the database. Files, records and articles that
    cannot be read or extracted are reported, listed in the build_errors
    table, and never stop the others. Titles, outlets and dates come from a
    metadata table when there is one, and dates from file names
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
    budget = Budget(seconds=article_seconds, chars=article_chars)
    settings = sources.Settings(max_bytes=int(max_file_mb * 1e6), outside_links=outside_links, encoding=encoding,
                                seconds=article_seconds)
    engine = engines.dask(scheduler, workers, budget=budget) if engine_name == "dask" \
        else engines.local(workers, budget=budget)
    try:
        with metadata.extra_table(metadata_path):
            report = build_database(articles, db_path, engine=with_progress_bar(engine), settings=settings, wait=wait)
    except (BuildError, QuoteDbError, engines.WorkerError, metadata.TableError) as error:
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
@click.argument("db_path", metavar="DB", type=click.Path())
@click.option("--csv", "csv_path", default="quotes.csv", show_default=True, help="CSV file to write.")
@click.option("--speaker", help="Only quotes of speakers whose name or alias contains this.")
@click.option("--outlet", help="Only quotes from this outlet.")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only articles published on or before this date (YYYY-MM-DD).")
@click.option("--kind", type=click.Choice(["direct", "mixed", "indirect"]), help="Only quotes of this kind.")
@click.option("--min-confidence", type=float, help="Only attributions at least this confident (0-1).")
@click.option("--escape-formulas/--no-escape-formulas", default=True, show_default=True,
              help="Put an apostrophe before text cells that start with = + - @ (or a tab or carriage return), "
              "which spreadsheets would run as formulas.")
@click.option("--bom/--no-bom", default=True, show_default=True,
              help="Start the file with a UTF-8 byte-order mark, which Excel needs to read UTF-8.")
def export(db_path, csv_path, speaker, outlet, since, until, kind, min_confidence, escape_formulas, bom):
    """Write the quotes of DB, with speaker, article title, outlet and date, as CSV.

    The file is ready for spreadsheets; for analysis tools that want the text
    exactly, add --no-escape-formulas --no-bom.

    \b
    Examples:
      quotedb export quotes.db --csv quotes.csv
      quotedb export quotes.db --csv high.csv --kind direct --min-confidence 0.8
      quotedb export quotes.db --csv raw.csv --no-escape-formulas --no-bom
    """
    try:
        rows = export_csv(db_path, csv_path, speaker=speaker, outlet=outlet, since=since,
                          until=until, kind=kind, min_confidence=min_confidence,
                          escape_formulas=escape_formulas, bom=bom)
    except QuoteDbError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{csv_path}: {rows} quotes")
