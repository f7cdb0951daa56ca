"""The public schema, declared once and applied by ``ensure_db_shape``.

Tables, indexes, full-text search and views are constants; applying them is
idempotent, so the same call creates a new database and brings an older one
up to date. Columns may be added here, never renamed: the Datasette metadata,
the CSV export and the evaluation scorer read them by name.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class TableShape:
    """The columns, primary key, foreign keys and NOT NULL columns of one table."""

    columns: dict[str, type]
    pk: str | tuple[str, ...] = "id"
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    not_null: tuple[str, ...] = ()


# In creation order: a table comes after the tables its foreign keys point to.
TABLES = {
    "articles": TableShape(
        columns={
            "id": int, "path": str, "text": str, "title": str, "outlet": str,
            "published": str, "dateline": str, "url": str, "sha256": str, "n_quotes": int,
        },
        not_null=("path",),
    ),
    "speakers": TableShape(
        columns={
            "id": int, "name": str, "role": str, "kind": str, "n_quotes": int,
            "n_articles": int, "first_quoted": str, "last_quoted": str,
        },
    ),
    "speaker_aliases": TableShape(
        columns={"speaker_id": int, "alias": str, "n_quotes": int},
        pk=("speaker_id", "alias"),
        foreign_keys=(("speaker_id", "speakers", "id"),),
    ),
    "statements": TableShape(
        columns={
            "id": int, "speaker_id": int, "text": str, "first_published": str, "last_published": str,
            "n_articles": int, "n_outlets": int, "n_quotes": int,
        },
    ),
    "quotes": TableShape(
        columns={
            "id": int, "article_id": int, "text": str, "start_char": int, "end_char": int,
            "kind": str, "cue": str, "cue_start_char": int, "cue_end_char": int,
            "speaker_id": int, "mention": str, "mention_start_char": int,
            "mention_end_char": int, "method": str, "confidence": float, "reporter_id": int,
            "speaker_name": str, "speaker_role": str, "speaker_kind": str,
            "reporter_name": str, "reporter_role": str, "reporter_kind": str,
            "paragraph": int, "passage_id": int, "statement_id": int, "cue_rule": str, "resolution": str,
            "content": str, "content_start_char": int, "content_end_char": int,
        },
        foreign_keys=(
            ("article_id", "articles", "id"),
            ("speaker_id", "speakers", "id"),
            ("reporter_id", "speakers", "id"),
            ("statement_id", "statements", "id"),
        ),
        not_null=("article_id",),
    ),
    "build_errors": TableShape(
        columns={"id": int, "path": str, "reason": str, "built_at": str},
    ),
    "meta": TableShape(columns={"key": str, "value": str}, pk="key"),
}

# (table, columns, unique)
INDEXES = (
    ("articles", ("path",), True),
    ("articles", ("outlet",), False),
    ("articles", ("published",), False),
    ("quotes", ("article_id",), False),
    ("quotes", ("speaker_id",), False),
    ("quotes", ("speaker_id", "article_id"), False),  # a speaker's articles without reading the quotes
    ("quotes", ("reporter_id",), False),
    ("quotes", ("kind",), False),
    ("quotes", ("statement_id",), False),
    ("statements", ("speaker_id",), False),
    ("statements", ("n_articles",), False),
    ("build_errors", ("path",), False),
)

FTS_CONFIG = {"quotes": ["text"]}
FTS_TOKENIZE = "porter"

# Speakers and reporters are looked up only for the columns that show them, so
# that counting and faceting a filtered view reads no more than quotes and articles.
VIEWS = {
    "quotes_view": """
select
  quotes.id as id,
  quotes.text as text,
  coalesce((select name from speakers where speakers.id = quotes.speaker_id), quotes.speaker_name) as speaker,
  coalesce((select role from speakers where speakers.id = quotes.speaker_id), quotes.speaker_role) as speaker_role,
  quotes.kind as kind,
  articles.published as published,
  substr(articles.published, 1, 7) as published_month,
  articles.outlet as outlet,
  articles.title as title,
  quotes.cue as cue,
  quotes.mention as mention,
  quotes.method as method,
  quotes.confidence as confidence,
  coalesce((select name from speakers where speakers.id = quotes.reporter_id), quotes.reporter_name) as reporter,
  articles.path as path,
  quotes.article_id as article_id,
  quotes.speaker_id as speaker_id,
  quotes.statement_id as statement_id
from quotes
join articles on articles.id = quotes.article_id
""".strip(),
}


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Create whatever tables, columns, indexes, full-text indexes and views are missing."""
    for name, shape in TABLES.items():
        ensure_table(db, name, shape)
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique, if_not_exists=True)
    for table, columns in FTS_CONFIG.items():
        if not db[table].detect_fts():
            db[table].enable_fts(columns, tokenize=FTS_TOKENIZE, create_triggers=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)


def ensure_table(db: sqlite_utils.Database, name: str, shape: TableShape) -> None:
    """Create one table, or add the columns an older version of it lacks.

    A column with a foreign key is added with a plain ``ALTER TABLE ...
    REFERENCES`` (SQLite allows it for a column that defaults to NULL), so
    the table and its full-text triggers are not rebuilt.
    """
    table = db[name]
    if not table.exists():
        table.create(shape.columns, pk=shape.pk, foreign_keys=list(shape.foreign_keys),
                     not_null=set(shape.not_null))
        return
    references = {column: (other, other_column) for column, other, other_column in shape.foreign_keys}
    for column, column_type in shape.columns.items():
        if column in table.columns_dict:
            continue
        if column in references:
            other, other_column = references[column]
            db.execute(f"alter table [{name}] add column [{column}] integer references [{other}]([{other_column}])")
        else:
            table.add_column(column, column_type)


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    """The value stored under ``key`` in ``meta``, or None (also before the table exists)."""
    if not db["meta"].exists():
        return None
    row = db.execute("select value from meta where key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Store ``value`` under ``key`` in ``meta``."""
    db["meta"].upsert({"key": key, "value": value}, pk="key")
