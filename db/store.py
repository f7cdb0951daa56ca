"""Storing records: extracted articles, build errors and corpus-wide speakers.

Every function takes a ``sqlite_utils.Database`` already shaped by
``db.schema.ensure_db_shape``. ``atomic`` gives a build a copy of the
database file that replaces the original only when the build succeeds.
"""
from __future__ import annotations

import itertools
import json
import os
import re
import secrets
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from db import QuoteDbError, schema
from extract.records import Article, CanonicalSpeaker, ExtractedArticle, Quote, Span, Speaker

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

__all__ = [
    "CanonicalSpeaker", "DatabaseBusy", "atomic", "check_database", "clear_errors", "delete_articles",
    "exclusive", "forget_pending_errors", "known_articles", "pending_errors", "record_error",
    "record_pending_errors", "speaker_refs", "store_article", "write_speakers",
]

PENDING_ERRORS = "pending_errors"  # meta key: the build errors the next build replaces
SQLITE_HEADER = b"SQLite format 3\0"

SPEAKER_STATS = """
update speakers set
  n_quotes = (select count(*) from quotes where speaker_id = speakers.id),
  n_articles = (select count(distinct article_id) from quotes where speaker_id = speakers.id),
  first_quoted = (select min(articles.published) from quotes join articles
                  on articles.id = quotes.article_id where quotes.speaker_id = speakers.id),
  last_quoted = (select max(articles.published) from quotes join articles
                 on articles.id = quotes.article_id where quotes.speaker_id = speakers.id)
"""

LOCAL_SPEAKERS = """
select name, role, kind, sum(n) as n from (
  select speaker_name as name, speaker_role as role, speaker_kind as kind, count(*) as n
  from quotes where speaker_name is not null group by 1, 2, 3
  union all
  select reporter_name, reporter_role, reporter_kind, count(*)
  from quotes where reporter_name is not null group by 1, 2, 3
) group by 1, 2, 3 order by n desc, name, role, kind
"""


# ---------------------------------------------------------------- articles

def known_articles(db: sqlite_utils.Database) -> dict[str, str]:
    """The path and sha256 of every stored article."""
    if not db["articles"].exists():
        return {}
    return dict(db.execute("select path, sha256 from articles").fetchall())


def delete_articles(db: sqlite_utils.Database, paths: Iterable[str]) -> None:
    """Remove these articles, their quotes and their build errors."""
    with db.atomic():
        for path in paths:
            delete_article(db, path)
            clear_errors(db, path)


def delete_article(db: sqlite_utils.Database, path: str) -> int | None:
    """Remove one article and its quotes; return the id it had, if it was there."""
    row = db.execute("select id from articles where path = ?", [path]).fetchone()
    if row is None:
        return None
    db.execute("delete from quotes where article_id = ?", [row[0]])
    db.execute("delete from articles where id = ?", [row[0]])
    return row[0]


def store_article(db: sqlite_utils.Database, extracted: ExtractedArticle) -> int:
    """Insert an article and its quotes, replacing an earlier version of the same path.

    The article keeps its id across versions. Its quotes get consecutive ids,
    which stay put until the article is stored again. A quote whose offsets
    do not match the text is left out and recorded in ``build_errors``, with
    the extractor's own errors; the path's earlier errors are cleared.
    """
    article = extracted.article
    with db.atomic():
        article_id = delete_article(db, article.path) or next_id(db, "articles")
        rows, problems = quote_rows(extracted, article_id, next_id(db, "quotes"))
        db["articles"].insert(article_row(article, article_id, len(rows)))
        db["quotes"].insert_all(rows)
        clear_errors(db, article.path)
        for reason in (*extracted.errors, *problems):
            record_error(db, article.path, reason)
    return article_id


def next_id(db: sqlite_utils.Database, table: str) -> int:
    """One more than the largest id of ``table``."""
    return db.execute(f"select coalesce(max(id), 0) + 1 from [{table}]").fetchone()[0]


def article_row(article: Article, article_id: int, n_quotes: int) -> dict:
    """The ``articles`` row of an article."""
    return {
        "id": article_id, "path": article.path, "text": article.text, "title": article.title,
        "outlet": article.outlet, "published": article.published, "dateline": article.dateline,
        "url": article.url, "sha256": article.sha256, "n_quotes": n_quotes,
    }


def quote_rows(extracted: ExtractedArticle, article_id: int,
               first_id: int) -> tuple[list[dict], list[str]]:
    """The ``quotes`` rows of an article, and a problem for each quote left out."""
    kept, problems = [], []
    for index, quote in enumerate(extracted.quotes):
        problem = offset_problem(extracted.article.text, quote)
        if problem:
            problems.append(f"quote {index} left out: {problem}")
        else:
            kept.append((index, quote))
    ids = {index: first_id + n for n, (index, _) in enumerate(kept)}
    rows = [quote_row(quote, ids[index], article_id, ids.get(quote.passage)) for index, quote in kept]
    return rows, problems


def offset_problem(text: str, quote: Quote) -> str | None:
    """Why the quote's spans do not index into ``text``, or None when they all do."""
    for name, span in (("content", quote.content), ("cue", quote.cue), ("mention", quote.mention),
                       ("reported content", quote.reported)):
        if span is not None and not is_span_of(text, span):
            return f"{name} {span.start}:{span.end} does not match the article text"
    return None


def is_span_of(text: str, span: Span) -> bool:
    """Whether ``span.text`` is exactly ``text[span.start:span.end]``."""
    return 0 <= span.start <= span.end <= len(text) and text[span.start:span.end] == span.text


def quote_row(quote: Quote, quote_id: int, article_id: int, passage_id: int | None) -> dict:
    """The ``quotes`` row of one quote (speaker ids are set later by ``write_speakers``)."""
    return {
        "id": quote_id, "article_id": article_id, "text": quote.content.text,
        "start_char": quote.content.start, "end_char": quote.content.end, "kind": quote.kind,
        **span_columns("cue", quote.cue), **span_columns("mention", quote.mention),
        "method": quote.method, "confidence": quote.confidence,
        "cue_rule": quote.cue_rule, "resolution": quote.resolution,
        **span_columns("content", quote.reported or quote.content),
        **speaker_columns("speaker", quote.speaker), **speaker_columns("reporter", quote.reporter),
        "speaker_id": None, "reporter_id": None,
        "paragraph": quote.paragraph, "passage_id": passage_id,
    }


def span_columns(prefix: str, span: Span | None) -> dict:
    """``cue``, ``cue_start_char``, ``cue_end_char`` (or the same for another prefix)."""
    return {
        prefix: span.text if span else None,
        f"{prefix}_start_char": span.start if span else None,
        f"{prefix}_end_char": span.end if span else None,
    }


def speaker_columns(prefix: str, speaker: Speaker | None) -> dict:
    """``speaker_name``, ``speaker_role``, ``speaker_kind`` (or the same for ``reporter``)."""
    return {
        f"{prefix}_name": speaker.name if speaker else None,
        f"{prefix}_role": speaker.role if speaker else None,
        f"{prefix}_kind": speaker.kind if speaker else None,
    }


# ---------------------------------------------------------------- build errors

def record_error(db: sqlite_utils.Database, path: str, reason: str) -> None:
    """Note that ``path`` could not be read or extracted (once per path and reason)."""
    with db.atomic():
        db.execute("delete from build_errors where path = ? and reason = ?", [path, reason])
        db["build_errors"].insert({"path": path, "reason": reason, "built_at": now()})


def clear_errors(db: sqlite_utils.Database, path: str) -> None:
    """Forget the errors of ``path``, and of its file when it is a record ``file#N``."""
    db.execute("delete from build_errors where path in (?, ?)", [path, path.split("#")[0]])


def pending_errors(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """The errors the last build recorded about files, records and unfinished articles.

    They hold until the next build, which reads those files again. A
    database from before they were listed gives the errors of paths that
    hold no stored article.
    """
    listed = schema.get_meta(db, PENDING_ERRORS)
    if listed is not None:
        return [tuple(error) for error in json.loads(listed)]
    if not db["build_errors"].exists():
        return []
    return [tuple(row) for row in db.execute(
        "select path, reason from build_errors where path not in (select path from articles)")]


def forget_pending_errors(db: sqlite_utils.Database) -> None:
    """Remove the errors of the last build about files, records and unfinished articles."""
    with db.atomic():
        for path, reason in pending_errors(db):
            db.execute("delete from build_errors where path = ? and reason = ?", [path, reason])
        schema.set_meta(db, PENDING_ERRORS, "[]")


def record_pending_errors(db: sqlite_utils.Database, errors: list[tuple[str, str]]) -> None:
    """Record this build's errors about files, records and unfinished articles (replaced by the next build's)."""
    with db.atomic():
        for path, reason in errors:
            record_error(db, path, reason)
        schema.set_meta(db, PENDING_ERRORS, json.dumps(sorted(set(errors)), ensure_ascii=False))


def now() -> str:
    """The current UTC time as ISO 8601, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# ---------------------------------------------------------------- speakers

def speaker_refs(db: sqlite_utils.Database) -> list[Speaker]:
    """The distinct local speakers and reporters of all quotes, most quoted first."""
    return [Speaker(name, role, kind) for name, role, kind, _ in db.execute(LOCAL_SPEAKERS)]


def write_speakers(db: sqlite_utils.Database, groups: list[CanonicalSpeaker]) -> None:
    """Rewrite ``speakers`` and ``speaker_aliases`` and point every quote at its speakers.

    A quote's speaker (and reporter) is the group whose members include its
    local (name, role, kind). A group keeps the id that a speaker of the same
    name and kind had before, so speaker pages keep their addresses.
    """
    with db.atomic():
        ids = speaker_ids(db, groups)
        db.execute("update quotes set speaker_id = null, reporter_id = null")
        db.execute("delete from speaker_aliases")
        db.execute("delete from speakers")
        db["speakers"].insert_all(
            {"id": speaker_id, "name": group.name, "role": group.role, "kind": group.kind}
            for group, speaker_id in zip(groups, ids)
        )
        link_quotes(db, {member: speaker_id for group, speaker_id in zip(groups, ids)
                         for member in group.members})
        db["speaker_aliases"].insert_all(alias_rows(db, groups, ids))
        db.execute(SPEAKER_STATS)


def speaker_ids(db: sqlite_utils.Database, groups: list[CanonicalSpeaker]) -> list[int]:
    """An id for each group: the old id of its (name, kind), else one never used before."""
    rows = db.execute("select id, name, kind from speakers")
    old = {(name, kind): speaker_id for speaker_id, name, kind in rows}
    fresh = itertools.count(max(old.values(), default=0) + 1)
    return [old.pop(group_key(group), None) or next(fresh) for group in groups]


def group_key(group: CanonicalSpeaker) -> tuple[str, str]:
    """What identifies a speaker from one build to the next."""
    return group.name, group.kind


def link_quotes(db: sqlite_utils.Database, member_ids: dict[Speaker, int]) -> None:
    """Set ``speaker_id`` and ``reporter_id`` of every quote from its local speakers."""
    rows = db.execute("""select id, speaker_name, speaker_role, speaker_kind,
                                reporter_name, reporter_role, reporter_kind from quotes""")
    updates = []
    for quote_id, *local in rows.fetchall():
        speaker_id = member_ids.get(Speaker(*local[:3])) if local[0] is not None else None
        reporter_id = member_ids.get(Speaker(*local[3:])) if local[3] is not None else None
        if speaker_id is not None or reporter_id is not None:
            updates.append((speaker_id, reporter_id, quote_id))
    db.conn.executemany("update quotes set speaker_id = ?, reporter_id = ? where id = ?", updates)


def alias_rows(db: sqlite_utils.Database, groups: list[CanonicalSpeaker], ids: list[int]) -> list[dict]:
    """One row per speaker and local name of its members, with that name's quote count."""
    counts = {(speaker_id, alias): n for speaker_id, alias, n in db.execute(
        "select speaker_id, speaker_name, count(*) from quotes"
        " where speaker_id is not null group by 1, 2")}
    return [
        {"speaker_id": speaker_id, "alias": alias, "n_quotes": counts.get((speaker_id, alias), 0)}
        for group, speaker_id in zip(groups, ids)
        for alias in dict.fromkeys(member.name for member in group.members)
    ]


# ---------------------------------------------------------------- the file

class DatabaseBusy(QuoteDbError):
    """Another build is writing the database."""


@contextmanager
def exclusive(db_path: str | Path, *, wait: bool = False) -> Iterator[None]:
    """Hold the build lock of ``db_path``: one build at a time writes a database.

    The lock is an advisory lock on ``quotes.db.lock`` beside the database,
    which the system releases when its holder ends, however it ends: a
    killed build never leaves the database locked. Without ``wait``, a
    second build raises ``DatabaseBusy`` at once. Holding the lock, the
    temporary copies that killed builds left are removed.
    """
    db_path = Path(db_path)
    check_folder(db_path)
    lock_path = db_path.with_name(f"{db_path.name}.lock")
    try:
        lock = open(lock_path, "a+")
    except OSError as error:
        raise QuoteDbError(f"{lock_path}: cannot create the build lock ({error.strerror})") from error
    with lock:
        take_lock(lock, db_path, wait)
        lock.seek(0)
        lock.truncate()
        lock.write(f"build {os.getpid()} since {now()}\n")
        lock.flush()
        remove_stale_copies(db_path)
        yield


def take_lock(lock, db_path: Path, wait: bool) -> None:
    """Lock the open lock file, waiting for it or not."""
    if fcntl is None:  # no advisory locks on this system: builds are not serialised
        return
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        lock.seek(0)
        holder = lock.read().strip() or "another build"
        raise DatabaseBusy(f"{db_path}: another build is writing it ({holder}); "
                           f"run again when it ends, or wait for it with --wait") from None


def remove_stale_copies(db_path: Path) -> list[Path]:
    """Remove the temporary copies (``quotes.db.tmp-*``) of builds that were killed; call with the lock held."""
    pattern = re.compile(rf"{re.escape(db_path.name)}\.tmp-\d+-[0-9a-f]{{8}}")
    stale = [path for path in db_path.parent.iterdir() if pattern.fullmatch(path.name)]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def check_folder(db_path: Path) -> None:
    """The folder of the database must exist."""
    if not db_path.parent.is_dir():
        raise QuoteDbError(f"{db_path.parent}: no such folder for the database")


def check_database(db_path: str | Path) -> None:
    """Refuse a database path that a build must not write: a folder, another file, another program's database.

    A missing or empty file, an empty SQLite database or a quotedb database
    (it has the ``meta`` table) are fine.
    """
    db_path = Path(db_path)
    if db_path.is_dir():
        raise QuoteDbError(f"{db_path}: is a folder, not a database file")
    if not db_path.exists():
        return
    try:
        with open(db_path, "rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise QuoteDbError(f"{db_path}: cannot read the database ({error.strerror})") from error
    if header and header != SQLITE_HEADER:
        raise QuoteDbError(f"{db_path}: not a SQLite database; choose another --db")
    tables = sqlite_tables(db_path)
    if tables and "meta" not in tables:
        raise QuoteDbError(f"{db_path}: another program's database (it has no quotedb tables); choose another --db")


def sqlite_tables(db_path: Path) -> set[str]:
    """The names of the tables of a SQLite file, opened read-only."""
    try:
        with closing(sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            return {name for (name,) in conn.execute("select name from sqlite_master where type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise QuoteDbError(f"{db_path}: not a usable SQLite database ({error})") from error


@contextmanager
def atomic(db_path: str | Path) -> Iterator[sqlite_utils.Database]:
    """A database on a copy of ``db_path`` that replaces the file only on success.

    The copy lives in the same folder (``quotes.db.tmp-...``). When the block
    raises, or the process is killed, the original file is untouched; the
    copy is removed when possible. A missing ``db_path`` starts empty.
    """
    db_path = Path(db_path)
    check_folder(db_path)
    temp = db_path.with_name(f"{db_path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        if db_path.exists():
            copy_database(db_path, temp)
        with open_scratch(temp) as db:
            yield db
            db.conn.commit()
        flush_to_disk(temp)
        check_no_wal(db_path)
        os.replace(temp, db_path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def check_no_wal(db_path: Path) -> None:
    """Refuse to replace a database that has a write-ahead log beside it.

    SQLite would replay that log into the new file put in its place, mixing
    old pages into the new database. The log outlives the copy only when
    another program holds the database open in WAL mode.
    """
    wal = db_path.with_name(f"{db_path.name}-wal")
    if wal.exists():
        raise QuoteDbError(f"{db_path}: in use in WAL mode ({wal.name} exists); close what uses it,"
                           f" or run: sqlite-utils disable-wal {db_path}")


def copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite file consistently (with SQLite's backup), keeping its permissions.

    The source is opened for writing so that, when nothing else has it open,
    closing it folds a write-ahead log into the file and removes the log.
    """
    try:
        with closing(sqlite3.connect(source)) as old, closing(sqlite3.connect(target)) as new:
            old.backup(new)
    except sqlite3.DatabaseError as error:
        raise QuoteDbError(f"{source}: not a usable SQLite database ({error})") from error
    shutil.copymode(source, target)


def open_scratch(path: Path) -> sqlite_utils.Database:
    """Open the working copy: foreign keys checked, no syncing until it is complete.

    Skipping fsync and keeping the journal in memory is safe here because a
    copy interrupted half-way is thrown away, never used.
    """
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def flush_to_disk(path: Path) -> None:
    """Make sure the file's bytes are on disk before it takes the place of the old one."""
    with open(path, "r+b") as file:
        os.fsync(file.fileno())
