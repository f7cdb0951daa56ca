"""Datasette plugin for quotedb: forgiving full-text search and links between pages.

Loaded with ``datasette --plugins-dir plugins`` (``make serve`` does this).

- ``escape_fts`` replaces Datasette's SQL function of that name, used by the
  search box of every table and by the ``search_quotes`` canned query: curly
  quotes and guillemets group words into a phrase as straight quotes do, and
  a search with no words left (``"``, ``“”``) finds nothing instead of failing.
- In ``quotes_view`` and the canned queries, a speaker's name (or id) links
  to the speaker's page ``/<db>/speakers/<id>``, a headline (or article id)
  to the article's page, a statement id to the statement's page; in
  ``statements`` the speaker is shown by name. The context before and after
  a quote (``article_quotes``) is cut at a word boundary.
"""
from __future__ import annotations

import re

from datasette import hookimpl
from datasette.utils import escape_fts as datasette_escape_fts
from markupsafe import Markup, escape

PHRASE_MARKS = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'))
NO_WORDS = '""'  # an empty phrase: valid FTS5 that matches nothing
CONTEXT = 100  # characters of context article_quotes gives on each side of a quote

# column -> (the column of the same row holding the id, the table of the page it opens)
LINKS = {
    "speaker": ("speaker_id", "speakers"),
    "speaker_id": ("speaker_id", "speakers"),
    "name": ("speaker_id", "speakers"),
    "title": ("article_id", "articles"),
    "article_id": ("article_id", "articles"),
    "statement_id": ("statement_id", "statements"),
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
def render_cell(row, value, column, table, database, datasette):
    if table == "statements" and column == "speaker_id" and isinstance(value, int):
        return speaker_by_name(datasette, database, value)
    if table is None and column in ("before", "after") and isinstance(value, str):
        return at_word_boundary(value, before=column == "before")
    if table not in LINKED_TABLES or column not in LINKS or value is None:
        return None
    id_column, page = LINKS[column]
    row_id = row[id_column] if id_column in row.keys() else None
    if not isinstance(row_id, int):
        return None
    return link(datasette, database, page, row_id, value)


def link(datasette, database: str, page: str, row_id: int, label) -> Markup:
    href = f"{datasette.urls.table(database, page)}/{row_id}"
    return Markup(f'<a href="{escape(href)}">{escape(label)}</a>')


def speaker_by_name(datasette, database: str, speaker_id: int):
    async def named():
        rows = await datasette.get_database(database).execute(
            "select name from speakers where id = ?", [speaker_id])
        name = rows.first()
        return link(datasette, database, "speakers", speaker_id, name[0] if name else speaker_id)

    return named


def at_word_boundary(context: str, *, before: bool) -> str:
    """Context without the partial word at its far end, marked with an ellipsis."""
    if len(context) < CONTEXT:  # the start or end of the article: nothing was cut
        return context
    words = re.split(r"(\s+)", context)
    kept = words[2:] if before else words[:-2]
    if not "".join(kept).strip():  # a single long word: keep it whole
        return context
    return "\u2026" + "".join(kept) if before else "".join(kept) + "\u2026"
