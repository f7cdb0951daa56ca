"""Storing statements: one row per thing a speaker said, however many articles carry it.

The table and ``quotes.statement_id`` are declared in ``db.schema``. The
grouping itself is ``corpus.statements``; the build reads the stored
grouping and the quotes with ``read_quotes`` and ``stored_statements``,
regroups them there, and writes the result back with ``write_statements``.

``statements.speaker_id`` is a plain column, not a foreign key:
``write_speakers`` deletes and re-inserts every speaker, and the speaker a
statement was grouped under is what tells the grouping which statements it
may extend. ``quotes.statement_id`` is a foreign key to ``statements.id``.
"""
from __future__ import annotations

import itertools
from dataclasses import replace

import sqlite_utils

from corpus.statements import GROUPED_KINDS, QuoteText, Statement

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


def write_statements(db: sqlite_utils.Database, statements: list[Statement], texts: list[str]) -> list[Statement]:
    """Replace the statement rows (each with its text), link every grouped quote, count articles and outlets.

    Statements without an id get ids never used before; returns them with their ids.
    """
    with db.atomic():
        last = db.execute("select coalesce(max(id), 0) from statements").fetchone()[0]
        fresh = itertools.count(max([last, *(s.id or 0 for s in statements)]) + 1)
        ids = [statement.id if statement.id is not None else next(fresh) for statement in statements]
        db.execute("update quotes set statement_id = null where statement_id is not null")
        db.execute("delete from statements")
        db["statements"].insert_all(
            {"id": statement_id, "speaker_id": statement.speaker_id, "text": text}
            for statement, statement_id, text in zip(statements, ids, texts)
        )
        db.conn.executemany("update quotes set statement_id = ? where id = ?", [
            (statement_id, quote_id) for statement, statement_id in zip(statements, ids)
            for quote_id in statement.quote_ids
        ])
        db.execute(STATEMENT_STATS)
    return [replace(statement, id=statement_id) for statement, statement_id in zip(statements, ids)]
