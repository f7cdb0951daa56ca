"""Building the database: articles on disk -> records -> SQLite.

``build`` reads the folder, extracts only the articles that are new or
changed since the last build (or all of them when the extractor changed),
drops the ones that are gone, and writes everything to a copy of the
database that replaces the old file only when the build succeeded.
"""
from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterable
from importlib import metadata
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

import extract
from corpus import canonical
from corpus import statements as grouping
from db import article_fields, schema, statements, store
from extract import files, pipeline, sources
from extract.records import Article, ExtractedArticle
from quotedb import engines

PACKAGE = Path(extract.__file__).parent
DB_PACKAGE = Path(schema.__file__).parent
MODELS = ("spacy", "en_core_web_sm", "coreferee", "coreferee_model_en")  # their versions decide extraction too


class BuildError(Exception):
    """The build cannot start (no such folder, unusable database file)."""


@dataclass
class BuildReport:
    """What a build did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    quotes: int = 0
    words: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        rate = f", {self.words / self.seconds:,.0f} words/s" if self.words and self.seconds else ""
        return (f"{self.added} added, {self.updated} updated, {self.removed} removed, "
                f"{self.unchanged} unchanged, {self.quotes} quotes, {len(self.errors)} errors "
                f"in {self.seconds:.1f}s{rate}")


@dataclass
class Plan:
    """The articles to extract and the paths to drop."""

    todo: list[Article]
    gone: set[str]
    unchanged: int
    errors: list[tuple[str, str]]
    fingerprint: str
    reshape: bool = False  # the schema code changed since the last build
    pending: list[tuple[str, str]] = field(default_factory=list)  # the last build's errors about files
    relabel: list[Article] = field(default_factory=list)  # unchanged texts whose metadata changed

    @property
    def empty(self) -> bool:
        return not self.todo and not self.gone and not self.reshape and not self.relabel


def fingerprint(package: Path = PACKAGE, models: tuple[str, ...] = MODELS) -> str:
    """A hash of a package's code and rules, and of the versions of the ``models`` packages.

    The extractor's fingerprint covers the per-article extraction (``extract/``
    with its rule files and the attribution model's files) and the spaCy,
    model and coreferee versions: when it
    changes, every article is extracted again. The database package's (with
    no models) decides when the schema is applied again. The stages across
    articles (``corpus/``) run on every build and need neither.
    """
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and (path.suffix in {".py", ".txt"} or "model" in path.relative_to(package).parts[:1]) \
                and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    for name in models:
        digest.update(f"{name}=={installed_version(name)}".encode())
    return digest.hexdigest()[:16]


def installed_version(name: str) -> str:
    """The installed version of a distribution, or "none"."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def read_folder(folder: Path, settings: sources.Settings = sources.Settings()) -> sources.Folder:
    """Every readable article of the folder, and what could not be read (HTML read in a worker process)."""
    return sources.read_folder(folder, settings, apart=engines.read_apart(settings.seconds))


def plan(folder: Path, db: sqlite_utils.Database, settings: sources.Settings = sources.Settings()) -> Plan:
    """Compare the folder with what the database holds."""
    found = read_folder(folder, settings)
    stored = store.known_articles(db)
    current = fingerprint()
    known = stored if schema.get_meta(db, "extractor") == current else {}
    todo = [a for a in found.articles if known.get(a.path) != a.sha256]
    present = {a.path for a in found.articles}
    gone = {path for path in stored if path not in present and not found.unread(path)}
    reshape = schema.get_meta(db, "schema") != fingerprint(DB_PACKAGE, ())
    unchanged = len(found.articles) - len(todo)
    relabel = article_fields.stale(db, [a for a in found.articles if known.get(a.path) == a.sha256])
    return Plan(todo, gone, unchanged, found.errors, current, reshape, store.pending_errors(db), relabel)


Engine = Callable[[list[Article]], Iterable[ExtractedArticle | pipeline.Unfinished]]


def build(folder: str | Path, db_path: str | Path, *, engine: Engine | None = None,
          settings: sources.Settings = sources.Settings(), wait: bool = False,
          progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Build or refresh the database at ``db_path`` from the articles in ``folder``.

    ``engine`` turns the articles to process into extracted records, in any
    order (default: one worker process with the default article budget; see
    ``quotedb.engines``). ``settings`` say how files are read. One build at
    a time writes a database: another one stops with ``store.DatabaseBusy``,
    or waits for it with ``wait``.
    """
    started = time.monotonic()
    folder, db_path = Path(folder), Path(db_path)
    if not folder.is_dir():
        raise BuildError(f"{files.escape_name(str(folder))}: no such folder of articles")
    engine = engine or engines.local(1)
    store.check_database(db_path)
    with store.exclusive(db_path, wait=wait):
        with sqlite_utils.Database(db_path) if db_path.exists() else sqlite_utils.Database(memory=True) as current:
            work = plan(folder, current, settings)
        report = BuildReport(unchanged=work.unchanged, errors=list(work.errors))
        if work.empty and db_path.exists() and set(work.errors) == set(work.pending):
            report.seconds = time.monotonic() - started
            return report
        with store.atomic(db_path) as db:
            schema.ensure_db_shape(db)
            apply(db, work, report, engine, progress)
            schema.set_meta(db, "extractor", work.fingerprint)
            schema.set_meta(db, "schema", fingerprint(DB_PACKAGE, ()))
    report.seconds = time.monotonic() - started
    return report


def apply(db: sqlite_utils.Database, work: Plan, report: BuildReport, engine: Engine, progress) -> None:
    """Extract and store the planned articles, drop the gone ones, regroup speakers.

    The errors of the last build about files and unfinished articles are
    replaced by this build's: a file mended since loses its error.
    """
    known = store.known_articles(db)
    store.forget_pending_errors(db)
    unstored = []
    records = iter(engine(work.todo) if work.todo else ())
    try:
        for done, record in enumerate(records, 1):
            problem = record.reason if isinstance(record, pipeline.Unfinished) else stored(db, record)
            if problem:
                unstored.append((record.article.path, problem))
            else:
                count_article(report, record, known)
            if progress:
                progress(done, len(work.todo))
    finally:
        if hasattr(records, "close"):  # an engine's generator: its workers stop even when the build does
            records.close()
    report.errors.extend(unstored)
    store.delete_articles(db, work.gone)
    report.removed = len(work.gone)
    store.record_pending_errors(db, [*work.errors, *unstored])
    article_fields.update(db, work.relabel)
    refresh_corpus(db)


def refresh_corpus(db: sqlite_utils.Database) -> None:
    """The stages across articles: one speaker per person, then the statements each speaker made."""
    store.write_speakers(db, canonical.group_speakers(store.speaker_refs(db)))
    refresh_statements(db)


def refresh_statements(db: sqlite_utils.Database, group=grouping.regroup) -> None:
    """Group the quotes of each speaker into statements and store them.

    The grouping (``corpus.statements.regroup``, or another function of its
    shape) is incremental: it starts from the stored statements, and gives
    what grouping everything afresh would.
    """
    quotes, held = statements.read_quotes(db)
    grouped = group(statements.stored_statements(db, held), quotes.values())
    texts = [grouping.representative(quotes[q] for q in statement.quote_ids).text for statement in grouped]
    statements.write_statements(db, grouped, texts)


def stored(db: sqlite_utils.Database, extracted: ExtractedArticle) -> str | None:
    """Store one extracted article; why it could not be, if it could not (the others go on)."""
    try:
        store.store_article(db, extracted)
    except (sqlite3.Error, UnicodeError, ValueError, OverflowError) as error:
        return f"cannot be stored ({type(error).__name__}: {error})"
    return None


def count_article(report: BuildReport, extracted, known: dict[str, str]) -> None:
    """Add one extracted article to the report."""
    path = extracted.article.path
    if path in known:
        report.updated += 1
    else:
        report.added += 1
    report.quotes += len(extracted.quotes)
    report.words += len(extracted.article.text.split())
    report.errors.extend((path, error) for error in extracted.errors)
