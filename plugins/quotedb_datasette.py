"""Datasette plugin for quotedb: forgiving full-text search and links between pages.

Loaded with ``datasette --plugins-dir plugins`` (``make serve`` does this).

- ``escape_fts`` replaces Datasette's SQL function of that name, used by the
  search box of every table and by the ``search_quotes`` canned query: curly
  quotes and guillemets group words into a phrase as straight quotes do, and
  a search with no words left (``"``, ``“”``) finds nothing instead of failing.
- In ``quotes_view`` and the canned queries, ``speaker_id`` links to the
  speaker's page (``speaker_quotes``) and ``article_id`` to the article's
  quotes in context (``article_quotes``).
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.utils import escape_fts as datasette_escape_fts
from markupsafe import Markup, escape

PHRASE_MARKS = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'))
NO_WORDS = '""'  # an empty phrase: valid FTS5 that matches nothing

# column -> canned query showing the row it points to, and that query's parameter
LINKS = {
    "speaker_id": ("speaker_quotes", "speaker_id"),
    "article_id": ("article_quotes", "article_id"),
}
LINKED_TABLES = {None, "quotes_view"}  # None: the result of a canned query


def escape_fts(query: str | None) -> str:
    """An FTS5 query matching the words of ``query`` (its quoted parts as phrases)."""
    escaped = datasette_escape_fts((query or "").translate(PHRASE_MARKS))
    return escaped or NO_WORDS


@hookimpl(trylast=True)
def prepare_connection(conn):
    # trylast: after Datasette's own escape_fts, so this one replaces it
    conn.create_function("escape_fts", 1, escape_fts, deterministic=True)


@hookimpl
def render_cell(value, column, table, database, datasette):
    if column not in LINKS or table not in LINKED_TABLES or not isinstance(value, int):
        return None
    query, param = LINKS[column]
    href = f"{datasette.urls.database(database)}/{query}?{param}={value}"
    return Markup(f'<a href="{escape(href)}">{value}</a>')
