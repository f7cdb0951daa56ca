"""Datasette serving a built database with the project's metadata, through its test client."""
import asyncio
import csv
import io
import json
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlite_utils
from datasette.app import Datasette
from datasette.plugins import pm

ROOT = Path(__file__).resolve().parent.parent
METADATA_PATH = ROOT / "datasette-metadata.json"


def get(db_path, path):
    """Datasette's response to ``path``, serving ``db_path`` read-only as ``make serve`` does."""
    async def fetch():
        datasette = Datasette(immutables=[str(db_path)], metadata=json.loads(METADATA_PATH.read_text()),
                              plugins_dir=str(ROOT / "plugins"), template_dir=str(ROOT / "templates"))
        await datasette.invoke_startup()
        return await datasette.client.get(path)

    return asyncio.run(fetch())


def rows_of(db_path, path):
    """The JSON of a successful response."""
    response = get(db_path, path)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/", "quotedb: who said what in the news"),
        ("/quotes", "Quotes by speaker"),
        ("/quotes/quotes", "We agreed on every point,"),
        ("/quotes/quotes", "Jo Smith"),  # speaker_id shown by its label column
        ("/quotes/quotes_view", "Harbour deal signed"),
        ("/quotes/speakers", "Jo Smith"),
        ("/quotes/articles", "Ferries return"),
        ("/quotes/build_errors", "cannot decode the file"),
        ("/quotes/quotes_by_speaker?speaker=Lee", "not consulted"),
        ("/quotes/search_quotes?q=agree", "We agreed on every point,"),
        ("/quotes/top_speakers", "Ann Lee"),
        ("/quotes/article_quotes?article_id=2", "The ferries are back."),
        ("/quotes/speaker_quotes?speaker_id=2", "Coast Courier"),
        ("/quotes/quotes_view", '<a href="/quotes/speaker_quotes?speaker_id=2">2</a>'),
        ("/quotes/quotes_view", '<a href="/quotes/article_quotes?article_id=1">1</a>'),
        ("/quotes/top_speakers", '<a href="/quotes/speaker_quotes?speaker_id=1">1</a>'),
        ("/quotes/quotes", '<a href="/quotes/speakers/2">Jo Smith</a>'),  # labels stay
        ("/quotes/quotes_view", "dl.column-descriptions"),  # the project's styles
        ("/-/dashboards/quotes-over-time", "Quotes per speaker and day"),
        ("/-/dashboards", "Quotes per speaker over time"),
    ],
    ids=["index", "database", "quotes", "quotes-labels", "quotes-view", "speakers", "articles",
         "errors", "by-speaker", "search", "top-speakers", "article-quotes", "speaker-quotes",
         "view-links-speaker", "view-links-article", "top-speakers-links", "quotes-label-links",
         "styles", "dashboard", "dashboards"],
)
def test_pages(quotes_db_file, path, expected):
    response = get(quotes_db_file, path)
    assert response.status_code == 200
    assert expected in response.text


@pytest.mark.parametrize("table", ["quotes", "quotes_view"])
def test_search_uses_word_stems(quotes_db_file, table):
    rows = rows_of(quotes_db_file, f"/quotes/{table}.json?_search=agree&_shape=array")
    assert [row["text"] for row in rows] == ["We agreed on every point,"]


@pytest.mark.parametrize("table", ["quotes", "quotes_view"])
@pytest.mark.parametrize(
    "search",
    ["\u201cnot consulted\u201d", '"not consulted"', "\u00abnot consulted\u00bb", "\u201enot consulted\u201d"],
    ids=["curly", "straight", "guillemets", "low-high"],
)
def test_search_takes_any_quote_marks_as_a_phrase(quotes_db_file, table, search):
    rows = rows_of(quotes_db_file, f"/quotes/{table}.json?_search={quote(search)}&_shape=array")
    assert [row["text"] for row in rows] == ["the workers were \u201cnot consulted\u201d and would protest"]


@pytest.mark.parametrize(
    "search",
    ["\u201cconsulted not\u201d", '"consulted not"', "\u00abprotest workers\u00bb"],
    ids=["curly", "straight", "guillemets"],
)
def test_a_quoted_phrase_is_not_just_its_words(quotes_db_file, search):
    rows = rows_of(quotes_db_file, f"/quotes/quotes.json?_search={quote(search)}&_shape=array")
    assert rows == []


@pytest.mark.parametrize("search", ['"', '""', "\u201c\u201d", "\u00ab", "-", "NEAR(", "*"])
def test_table_search_takes_any_input(quotes_db_file, search):
    assert rows_of(quotes_db_file, f"/quotes/quotes.json?_search={quote(search)}&_shape=array") == []


def test_default_facets_of_quotes(quotes_db_file):
    facets = rows_of(quotes_db_file, "/quotes/quotes.json?_extra=facet_results")["facet_results"]
    assert set(facets) == {"speaker_id", "kind"}
    counts = {value["label"]: value["count"] for value in facets["speaker_id"]["results"]}
    assert counts == {"Jo Smith": 5, "Ann Lee": 1}


def test_facets_of_quotes_view(quotes_db_file):
    facets = rows_of(quotes_db_file, "/quotes/quotes_view.json?_facet=outlet")["facet_results"]
    assert {"speaker", "outlet", "kind", "published_month"} <= set(facets)
    counts = {value["value"]: value["count"] for value in facets["outlet"]["results"]}
    assert counts == {"Coast Courier": 3, "Bay Herald": 3}
    assert [(value["value"], value["count"]) for value in facets["published_month"]["results"]] == [
        ("2024-05", 6)]


@pytest.mark.parametrize(
    "path, column, expected",
    [
        ("/quotes/quotes_by_speaker.json?speaker=Smith&_shape=array", "speaker", ["Jo Smith"] * 5),
        ("/quotes/search_quotes.json?q=ferries&_shape=array", "text", ["The ferries are back."]),
        ("/quotes/top_speakers.json?_shape=array", "name", ["Jo Smith", "Ann Lee"]),
        ("/quotes/article_quotes.json?article_id=1&_shape=array", "kind",
         ["direct", "indirect", "mixed"]),
        ("/quotes/search_quotes.json?q=%E2%80%9Cnot%20consulted%E2%80%9D&_shape=array", "speaker",
         ["Ann Lee"]),
        ("/quotes/speaker_quotes.json?speaker_id=2&_shape=array", "published",
         ["2024-05-01", "2024-05-01", "2024-05-03T09:30", "2024-05-03T09:30", "2024-05-03T09:30"]),
        ("/quotes/speaker_quotes.json?speaker_id=2&_shape=array", "aliases", ["Jo Smith; Smith"] * 5),
    ],
    ids=["by-speaker", "search", "top-speakers", "article-quotes", "search-curly",
         "speaker-over-time", "speaker-aliases"],
)
def test_canned_queries(quotes_db_file, path, column, expected):
    assert [row[column] for row in rows_of(quotes_db_file, path)] == expected


@pytest.mark.parametrize(
    "q, expected",
    [
        ('"agree', ["We agreed on every point,"]),
        ("NOT (", ["the workers were \u201cnot consulted\u201d and would protest"]),
        ("NEAR(x", []),
        ("", []),
        ('""', []),
        ("\u201c\u201d", []),
        ("\u201cagree", ["We agreed on every point,"]),
    ],
    ids=["unbalanced-quote", "operator-as-word", "near", "empty", "empty-phrase", "empty-curly",
         "unbalanced-curly"],
)
def test_search_query_takes_any_input(quotes_db_file, q, expected):
    rows = rows_of(quotes_db_file, f"/quotes/search_quotes.json?q={quote(q)}&_shape=array")
    assert [row["text"] for row in rows] == expected


def test_csv_download(quotes_db_file):
    response = get(quotes_db_file, "/quotes/quotes_view.csv?_sort=id")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 6
    assert (rows[0]["text"], rows[0]["speaker"], rows[0]["outlet"]) == (
        "We agreed on every point,", "Jo Smith", "Coast Courier")


def traced_sql(datasette, path):
    """The SQL Datasette ran to answer ``path`` (its trace, with ``trace_debug`` on)."""
    separator = "&" if "?" in path else "?"
    response = asyncio.run(datasette.client.get(f"{path}{separator}_trace=1"))
    assert response.status_code == 200, response.text
    return [trace["sql"] for trace in response.json()["_trace"]["traces"] if trace["type"] == "sql"]


def serving(db_path, *, immutable):
    """Datasette with the project's plugins and metadata, tracing its SQL, started."""
    files = {"immutables": [str(db_path)]} if immutable else {"files": [str(db_path)]}
    datasette = Datasette(**files, metadata=json.loads(METADATA_PATH.read_text()),
                          plugins_dir=str(ROOT / "plugins"), settings={"trace_debug": True})
    asyncio.run(datasette.invoke_startup())
    return datasette


def facet_queries(sql):
    return [statement for statement in sql if "count(*) as count" in statement]


def test_an_unfiltered_page_of_an_immutable_database_counts_once(quotes_db_file):
    datasette = serving(quotes_db_file, immutable=True)
    first = traced_sql(datasette, "/quotes/quotes_view.json")
    assert len(facet_queries(first)) == 4
    assert facet_queries(traced_sql(datasette, "/quotes/quotes_view.json")) == []
    # the same facets of a search run every time
    for _ in range(2):
        assert len(facet_queries(traced_sql(datasette, "/quotes/quotes_view.json?_search=ferries"))) == 4


def test_a_mutable_database_counts_every_time(quotes_db_file):
    datasette = serving(quotes_db_file, immutable=False)
    for _ in range(2):
        assert len(facet_queries(traced_sql(datasette, "/quotes/quotes_view.json"))) == 4


def test_search_query_gives_the_hundred_best_matches(quotes_db_file):
    with sqlite_utils.Database(quotes_db_file) as db:
        filler = [{"id": 1000 + n, "article_id": 1, "kind": "direct",
                   "text": "ferries " * (1 + n % 3) + f"and other words, take {n}"} for n in range(150)]
        db["quotes"].insert_all(filler)
    rows = rows_of(quotes_db_file, "/quotes/search_quotes.json?q=ferries&_shape=array")
    assert len(rows) == 100
    # best first: the 50 texts with the word three times, then those with it twice
    assert all(row["text"].startswith("ferries ferries ferries") for row in rows[:50])
    assert all(row["text"].startswith("ferries ferries and") for row in rows[50:100])


def test_warming_counts_the_faceted_pages_before_anyone_asks(quotes_db_file):
    datasette = serving(quotes_db_file, immutable=True)
    cache = pm.get_plugin("quotedb_cache.py")  # as Datasette loaded it from plugins/
    asyncio.run(cache.warm(datasette))
    for table in ("quotes", "quotes_view", "speakers", "articles"):
        assert facet_queries(traced_sql(datasette, f"/quotes/{table}.json")) == []


def cache_plugin():
    """plugins/quotedb_cache.py, imported by path as Datasette imports it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("quotedb_cache_under_test", ROOT / "plugins" / "quotedb_cache.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CountingExecute:
    """A stand-in for ``Database.execute``: counts its runs, answers ``rows`` rows or times out."""

    def __init__(self, rows=1, times_out=False):
        self.runs, self.rows, self.times_out = 0, rows, times_out

    async def __call__(self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None,
                       log_sql_errors=True):
        from datasette.database import QueryInterrupted, Results

        self.runs += 1
        if self.times_out:
            raise QueryInterrupted(Exception("interrupted"), sql, params)
        return Results([(self.runs,)] * self.rows, False, None)


def ask(cache, sql, params=None):
    async def on_a_kept_page():
        cache.on_kept_page.set(True)  # as when answering an unfiltered table page
        return await cache(sql, params)

    return asyncio.run(on_a_kept_page()).rows


def test_result_cache_keeps_parameterless_results_only():
    execute = CountingExecute()
    cache = cache_plugin().ResultCache(execute)
    assert ask(cache, "select 1") == ask(cache, "select 1") == [(1,)]
    assert ask(cache, "select 1 where :a", {"a": 1}) == [(2,)]
    assert ask(cache, "select 1 where :a", {"a": 1}) == [(3,)]
    assert execute.runs == 3


def test_result_cache_skips_large_results_and_forgets_the_least_recently_used():
    execute = CountingExecute(rows=3)
    cache = cache_plugin().ResultCache(execute, max_rows=2, max_results=2)
    ask(cache, "big")
    ask(cache, "big")
    assert execute.runs == 2
    execute.rows = 1
    for sql in ("a", "b", "a", "c"):  # "b" is the least recently used when "c" comes
        ask(cache, sql)
    assert list(cache.results) == [("a", False, None), ("c", False, None)]


def test_result_cache_does_not_retry_a_query_that_ran_out_of_time():
    from datasette.database import QueryInterrupted

    execute = CountingExecute(times_out=True)
    cache = cache_plugin().ResultCache(execute)
    for _ in range(3):
        with pytest.raises(QueryInterrupted):
            ask(cache, "select slowly")
    assert execute.runs == 1
