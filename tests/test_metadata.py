"""The Datasette metadata file against a freshly built database.

The settings of a quotedb database are kept under ``plugins.quotedb.database``
and given to every served quotedb database, whatever its name
(plugins/quotedb_site.py); so are the dashboards of ``plugins.quotedb.dashboards``.
"""
import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from datasette.utils import escape_fts
from sqlite_utils import Database

from db import store
from extract.records import Article, ExtractedArticle, Quote, Span

METADATA_PATH = Path(__file__).resolve().parent.parent / "datasette-metadata.json"
METADATA = json.loads(METADATA_PATH.read_text(encoding="utf8"))
SITE = METADATA["plugins"]["quotedb"]
DATABASE = SITE["database"]
TABLES = DATABASE["tables"]
QUERIES = DATABASE["queries"]
DASHBOARDS = SITE["dashboards"]

# Queries with parameters that find something in the sample articles.
QUERY_EXAMPLES = {
    "quotes_by_speaker": ({"speaker": "Smith"}, "text", "We agreed on every point,"),
    "search_quotes": ({"q": "agree"}, "text", "We agreed on every point,"),
    "top_speakers": ({}, "name", "Jo Smith"),
    "article_quotes": ({"article_id": 1}, "text", "We agreed on every point,"),
    "speaker_quotes": ({"speaker_id": 2}, "text", "We agreed on every point,"),
    "find_speakers": ({"name": "smi"}, "name", "Jo Smith"),
}


@pytest.fixture
def conn(quotes_db_file):
    """The built database, with the SQL function Datasette adds for canned queries."""
    connection = sqlite3.connect(quotes_db_file)
    connection.row_factory = sqlite3.Row
    connection.create_function("escape_fts", 1, escape_fts)
    yield connection
    connection.close()


def columns_of(conn, table):
    """The column names of a table or view."""
    return [row["name"] for row in conn.execute(f"pragma table_info([{table}])")]


def published_tables(conn):
    """Tables and views Datasette lists: all but full-text index tables and SQLite's own."""
    rows = conn.execute("select name from sqlite_master where type in ('table', 'view')")
    return {row["name"] for row in rows
            if not row["name"].startswith(("quotes_fts", "sqlite_"))}


def named_columns(settings):
    """Every column a table's metadata names, with where it names it."""
    named = [(column, "columns") for column in settings.get("columns", {})]
    named += [(column, "facets") for column in settings.get("facets", [])]
    named += [(column, "sortable_columns") for column in settings.get("sortable_columns", [])]
    named += [(settings[key], key) for key in ("label_column", "fts_pk", "sort", "sort_desc")
              if key in settings]
    return named


def test_metadata_describes_the_project():
    assert {"title", "description", "source", "license"} <= set(METADATA)
    assert "publishers" in METADATA["license"] and "MIT" in METADATA["license"]
    assert "databases" not in METADATA  # no database name: the plugin gives these settings to any quotedb database
    assert DATABASE["description"]


def test_every_published_table_is_described(conn):
    assert published_tables(conn) == set(TABLES)
    for table, settings in TABLES.items():
        assert settings.get("description"), table


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_column_is_described(conn, table):
    assert set(columns_of(conn, table)) == set(TABLES[table]["columns"])


@pytest.mark.parametrize("table", sorted(TABLES))
def test_named_columns_exist(conn, table):
    columns = set(columns_of(conn, table))
    assert [(column, key) for column, key in named_columns(TABLES[table]) if column not in columns] == []


@pytest.mark.parametrize("table", [table for table in sorted(TABLES) if "fts_table" in TABLES[table]])
def test_full_text_tables_exist(conn, table):
    fts_table = TABLES[table]["fts_table"]
    sql = f"select count(*) from [{fts_table}] where [{fts_table}] match 'agree'"
    assert conn.execute(sql).fetchone()[0] == 1


def test_foreign_keys_have_label_columns(conn):
    assert TABLES["speakers"]["label_column"] == "name"
    assert TABLES["articles"]["label_column"] == "title"


def test_the_promised_queries_exist():
    assert set(QUERY_EXAMPLES) <= set(QUERIES)
    for name, query in QUERIES.items():
        assert query.get("title") and query.get("description"), name


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_executes(conn, name):
    params = {param: "x" for param in re.findall(r"(?<!:):(\w+)", QUERIES[name]["sql"])}
    conn.execute(QUERIES[name]["sql"], params).fetchall()


@pytest.mark.parametrize("name", sorted(QUERY_EXAMPLES))
def test_canned_query_finds_the_sample(conn, name):
    params, column, expected = QUERY_EXAMPLES[name]
    rows = conn.execute(QUERIES[name]["sql"], params).fetchall()
    assert rows[0][column] == expected


def test_article_quotes_shows_the_context(conn):
    rows = conn.execute(QUERIES["article_quotes"]["sql"], {"article_id": 1}).fetchall()
    assert [(row["before"][-12:], row["text"][:9], row["after"][:14]) for row in rows] == [
        ("al signed\n\n\u201c", "We agreed", "\u201d Mayor Jo Smi"),
        (" added that ", "the harbo", ".\n\nUnion leade"),
        ("nn Lee said ", "the worke", "."),
    ]


def test_article_quotes_context_is_100_characters(quotes_db_file):
    text = "x" * 300 + " \u201cA quote.\u201d " + "y" * 300
    start = text.index("A quote.")
    quote = Quote(Span(start, start + 8, "A quote."), "direct")
    with Database(quotes_db_file) as db:
        article_id = store.store_article(db, ExtractedArticle(Article("long.txt", text, "s"), (quote,)))
    sql = f"select before, after from ({QUERIES['article_quotes']['sql']})"
    with closing(sqlite3.connect(quotes_db_file)) as conn:
        before, after = conn.execute(sql, {"article_id": article_id}).fetchone()
    assert (before, after) == (text[start - 100:start], text[start + 8:start + 108])


def chart_queries():
    """(dashboard, chart or filter, SQL) of every query of the dashboards."""
    return [(slug, name, part["query"]) for slug, dashboard in DASHBOARDS.items()
            for name, part in (*dashboard.get("filters", {}).items(), *dashboard["charts"].items())
            if "query" in part]


@pytest.mark.parametrize("slug, name, sql", chart_queries(), ids=[f"{s}-{n}" for s, n, _ in chart_queries()])
def test_every_dashboard_query_executes(conn, slug, name, sql):
    """With its optional [[ ... ]] filters left out and kept."""
    left_out = re.sub(r"\[\[.*?\]\]", "", sql)
    kept = sql.replace("[[", "").replace("]]", "")
    conn.execute(left_out).fetchall()
    conn.execute(kept, {param: "x" for param in re.findall(r"(?<!:):(\w+)", kept)}).fetchall()
    assert "db" not in DASHBOARDS[slug]["charts"].get(name, {})  # the plugin sets the database


def test_the_dashboard_says_how_many_articles_are_undated(conn):
    sql = DASHBOARDS["quotes-over-time"]["charts"]["undated"]["query"]
    assert conn.execute(sql).fetchone()[0] == "0 of 2"
