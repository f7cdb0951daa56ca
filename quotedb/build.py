"""Building the database: articles on disk -> records -> SQLite.

``build`` reads the folder, extracts only the articles that are new or
changed since the last build (or all of them when the extractor changed),
drops the ones that are gone, and writes everything to a copy of the
database that replaces the old file only when the build succeeded.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

import extract
from db import article_fields, schema, statements, store
from extract import canonical, sources
from extract.records import Article, ExtractedArticle

PACKAGE = Path(extract.__file__).parent
DB_PACKAGE = Path(schema.__file__).parent


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
    relabel: list[Article] = field(default_factory=list)  # unchanged texts whose metadata changed

    @property
    def empty(self) -> bool:
        return not self.todo and not self.gone and not self.reshape and not self.relabel


def fingerprint(package: Path = PACKAGE) -> str:
    """A hash of a package's code and rules.

    When the extractor's changes, every article is extracted again; when the
    database package's changes, the schema is applied again.
    """
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".txt"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_folder(folder: Path) -> tuple[list[Article], list[tuple[str, str]], set[str]]:
    """Every readable article of the folder, the files that failed, and their paths."""
    articles, errors, failed = [], [], set()
    for path in sources.article_files(folder):
        try:
            articles.extend(sources.read_articles(folder, path))
        except sources.ArticleError as error:
            relative = path.relative_to(folder).as_posix()
            errors.append((relative, error.reason))
            failed.add(relative)
    return articles, errors, failed


def plan(folder: Path, db: sqlite_utils.Database) -> Plan:
    """Compare the folder with what the database holds."""
    articles, errors, failed = read_folder(folder)
    known = store.known_articles(db) if db["articles"].exists() else {}
    current = fingerprint()
    if schema.get_meta(db, "extractor") != current:
        known = {}
    todo = [a for a in articles if known.get(a.path) != a.sha256]
    present = {a.path for a in articles}
    gone = {p for p in store.known_articles(db) if p not in present and p.split("#")[0] not in failed} \
        if db["articles"].exists() else set()
    reshape = schema.get_meta(db, "schema") != fingerprint(DB_PACKAGE)
    relabel = article_fields.stale(db, [a for a in articles if known.get(a.path) == a.sha256])
    return Plan(todo, gone, len(articles) - len(todo), errors, current, reshape, relabel=relabel)


Engine = Callable[[list[Article]], Iterable[ExtractedArticle]]


def sequential(articles: list[Article]) -> Iterator[ExtractedArticle]:
    """The default engine: one process, one pipeline, loaded only when there is work."""
    from extract import nlp, pipeline  # spaCy loads only when there is work

    yield from pipeline.extract_articles(nlp.load(), articles)


def build(folder: str | Path, db_path: str | Path, *, engine: Engine = sequential,
          progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Build or refresh the database at ``db_path`` from the articles in ``folder``.

    ``engine`` turns the articles to process into extracted records, in any
    order; see ``quotedb.engines`` for the parallel ones.
    """
    started = time.monotonic()
    folder, db_path = Path(folder), Path(db_path)
    if not folder.is_dir():
        raise BuildError(f"{folder}: no such folder of articles")
    with sqlite_utils.Database(db_path) if db_path.exists() else sqlite_utils.Database(memory=True) as current:
        work = plan(folder, current)
    report = BuildReport(unchanged=work.unchanged, errors=list(work.errors))
    if work.empty and db_path.exists() and not work.errors:
        report.seconds = time.monotonic() - started
        return report
    with store.atomic(db_path) as db:
        schema.ensure_db_shape(db)
        apply(db, work, report, engine, progress)
        schema.set_meta(db, "extractor", work.fingerprint)
        schema.set_meta(db, "schema", fingerprint(DB_PACKAGE))
    report.seconds = time.monotonic() - started
    return report


def apply(db: sqlite_utils.Database, work: Plan, report: BuildReport, engine: Engine, progress) -> None:
    """Extract and store the planned articles, drop the gone ones, regroup speakers."""
    known = store.known_articles(db)
    for path, reason in work.errors:
        store.record_error(db, path, reason)
    if work.todo:
        for done, extracted in enumerate(engine(work.todo), 1):
            store.store_article(db, extracted)
            count_article(report, extracted, known)
            if progress:
                progress(done, len(work.todo))
    store.delete_articles(db, work.gone)
    report.removed = len(work.gone)
    article_fields.update(db, work.relabel)
    store.write_speakers(db, canonical.group_speakers(store.speaker_refs(db)))
    statements.refresh_statements(db)


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
