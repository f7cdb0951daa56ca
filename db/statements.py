"""The ``statements`` table: one row per thing a speaker said, however many articles carry it.

``ensure_statements_shape`` creates the table and ``quotes.statement_id``
(idempotent, like ``db.schema.ensure_db_shape``). ``refresh_statements``
runs after ``store.write_speakers``: it reads the stored grouping and the
quotes, lets ``extract.statements.regroup`` (or another function of the same
shape) place the new quotes, and rewrites the rows and the links.

``statements.speaker_id`` is a plain column, not a foreign key:
``write_speakers`` deletes and re-inserts every speaker, and the speaker a
statement was grouped under is what tells ``regroup`` which statements it
may extend. ``quotes.statement_id`` is a foreign key to ``statements.id``.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import replace

import sqlite_utils

from extract.statements import GROUPED_KINDS, QuoteText, Statement, regroup, representative

# Declared here rather than in db.schema so that db.schema can import this module.
STATEMENTS = {
    "id": int, "speaker_id": int, "text": str, "first_published": str, "last_published": str,
    "n_articles": int, "n_outlets": int, "n_quotes": int,
}

INDEXES = (
    ("statements", ("speaker_id",), False),
    ("statements", ("n_articles",), False),
    ("quotes", ("statement_id",), False),
)

QUOTES = """
select quotes.id, quotes.speaker_id, quotes.kind, quotes.text,
       coalesce(articles.published, ''), articles.path, quotes.start_char, quotes.statement_id
from quotes join articles on articles.id = quotes.article_id
where quotes.kind in ({kinds})
""".format(kinds=", ".join(f"'{kind}'" for kind in sorted(GROUPED_KINDS)))

STATEMENT_STATS = """
update statements set
  n_quotes = (select count(*) from quotes where statement_id = statements.id),
  n_articles = (select count(distinct article_id) from quotes where statement_id = statements.id),
  n_outlets = (select count(distinct articles.outlet) from quotes join articles
               on articles.id = quotes.article_id where quotes.statement_id = statements.id),
  first_published = (select min(articles.published) from quotes join articles
                     on articles.id = quotes.article_id where quotes.statement_id = statements.id),
  last_published = (select max(articles.published) from quotes join articles
                    on articles.id = quotes.article_id where quotes.statement_id = statements.id)
"""

GroupFn = Callable[[Iterable[Statement], Iterable[QuoteText]], list[Statement]]


def ensure_statements_shape(db: sqlite_utils.Database) -> None:
    """Create ``statements`` and ``quotes.statement_id`` when missing, with their indexes.

    Call after the ``quotes`` table exists. The column is added with a plain
    ``ALTER TABLE`` (a foreign key with a NULL default, which SQLite allows)
    so that the quotes table and its full-text triggers are not rebuilt.
    """
    table = db["statements"]
    table.create(STATEMENTS, pk="id", if_not_exists=True)
    for column, column_type in STATEMENTS.items():
        if column not in table.columns_dict:
            table.add_column(column, column_type)
    if "statement_id" not in db["quotes"].columns_dict:
        db.execute("alter table quotes add column statement_id integer references statements(id)")
    for name, columns, unique in INDEXES:
        db[name].create_index(columns, unique=unique, if_not_exists=True)


def refresh_statements(db: sqlite_utils.Database, group_fn: GroupFn = regroup) -> list[Statement]:
    """Group the new quotes into statements and rewrite ``statements`` and ``quotes.statement_id``.

    Only the grouping is incremental; the rows are rewritten whole, which
    costs little next to extraction. Returns the statements written, with their ids.
    """
    quotes, held = read_quotes(db)
    statements = group_fn(stored_statements(db, held), quotes.values())
    return write_statements(db, statements, quotes)


def read_quotes(db: sqlite_utils.Database) -> tuple[dict[int, QuoteText], dict[int, list[int]]]:
    """The quotes that may group, by id, and the quote ids each stored statement holds."""
    quotes, held = {}, {}
    for quote_id, speaker_id, kind, text, published, path, start, statement_id in db.execute(QUOTES):
        quotes[quote_id] = QuoteText(quote_id, speaker_id, kind, text, (published, path, start))
        if statement_id is not None:
            held.setdefault(statement_id, []).append(quote_id)
    return quotes, held


def stored_statements(db: sqlite_utils.Database, held: dict[int, list[int]]) -> list[Statement]:
    """The stored statements; one that lost quotes since it was written is marked incomplete."""
    rows = db.execute("select id, speaker_id, n_quotes from statements order by id")
    return [Statement(statement_id, speaker_id, tuple(held.get(statement_id, ())),
                      complete=len(held.get(statement_id, ())) == n_quotes)
            for statement_id, speaker_id, n_quotes in rows]


def write_statements(db: sqlite_utils.Database, statements: list[Statement],
                     quotes: dict[int, QuoteText]) -> list[Statement]:
    """Replace the statement rows, link every grouped quote, count articles and outlets.

    Statements without an id get ids never used before; returns them with their ids.
    """
    with db.atomic():
        last = db.execute("select coalesce(max(id), 0) from statements").fetchone()[0]
        fresh = itertools.count(max([last, *(s.id or 0 for s in statements)]) + 1)
        ids = [statement.id if statement.id is not None else next(fresh) for statement in statements]
        db.execute("update quotes set statement_id = null where statement_id is not null")
        db.execute("delete from statements")
        db["statements"].insert_all(
            {"id": statement_id, "speaker_id": statement.speaker_id,
             "text": representative(quotes[q] for q in statement.quote_ids).text}
            for statement, statement_id in zip(statements, ids)
        )
        db.conn.executemany("update quotes set statement_id = ? where id = ?", [
            (statement_id, quote_id) for statement, statement_id in zip(statements, ids)
            for quote_id in statement.quote_ids
        ])
        db.execute(STATEMENT_STATS)
    return [replace(statement, id=statement_id) for statement, statement_id in zip(statements, ids)]
