"""The cache plugin keeps only the pages it is made for, within a byte budget (plugins/quotedb_cache.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_datasette import CountingExecute, ask, cache_plugin, facet_queries, serving, traced_sql

CACHE = cache_plugin()
VIEW = json.loads((Path(__file__).resolve().parent.parent / "datasette-metadata.json").read_text())[
    "plugins"]["quotedb"]["database"]["tables"]["quotes_view"]


@pytest.mark.parametrize("path, query, kept", [
    ("/quotes/quotes_view", b"", True),
    ("/quotes/quotes_view.json", b"_facet=outlet&_size=50&_trace=1", True),
    ("/quotes/quotes.csv", b"_sort_desc=confidence", True),
    ("/quotes/top_speakers", b"", True),
    ("/quotes", b"sql=select+zeroblob(100000000)", False),
    ("/quotes.json", b"sql=select+1", False),
    ("/quotes/quotes", b"_where=1%3D1", False),
    ("/quotes/quotes", b"kind=direct", False),
    ("/quotes/quotes_view", b"_search=harbour", False),
    ("/quotes/quotes/1", b"", False),
    ("/other/quotes", b"", False),
    ("/-/versions", b"", False),
], ids=["view", "facets-json", "sorted-csv", "canned-query", "arbitrary-sql", "arbitrary-sql-json",
        "where", "filter", "search", "row", "other-database", "internal"])
def test_kept_pages(path, query, kept):
    assert CACHE.is_kept_page({"path": path, "query_string": query}, ["quotes"]) is kept


def test_a_page_under_a_base_url():
    assert CACHE.is_kept_page({"path": "/news/quotes/quotes_view"}, ["quotes"], "/news/")


def test_arbitrary_sql_runs_every_time_and_is_never_kept(quotes_db_file):
    datasette = serving(quotes_db_file, immutable=True, trace_debug=True)
    cache = datasette.databases["quotes"].execute
    for _ in range(2):
        traced = traced_sql(datasette, "/quotes.json?sql=select+zeroblob(1000)+as+blob,+1")
        assert [sql for sql in traced if "zeroblob" in sql] == ["select zeroblob(1000) as blob, 1"]
    for _ in range(2):
        facets = traced_sql(datasette, "/quotes/quotes_view.json?_where=kind%3D%27direct%27")
        assert len(facet_queries(facets)) == len(VIEW["facets"])
    assert cache.results == {}


def test_the_pages_it_is_made_for_are_kept(quotes_db_file):
    datasette = serving(quotes_db_file, immutable=True, trace_debug=True)
    first = traced_sql(datasette, "/quotes/quotes.json?_facet=kind")
    assert facet_queries(first)
    assert facet_queries(traced_sql(datasette, "/quotes/quotes.json?_facet=kind")) == []
    assert 0 < datasette.databases["quotes"].execute.bytes < 100_000


class TextExecute(CountingExecute):
    """A stand-in for ``Database.execute`` answering one row of ``size`` characters."""

    def __init__(self, size):
        super().__init__()
        self.size = size

    async def __call__(self, sql, params=None, *args, **kwargs):
        from datasette.database import Results

        self.runs += 1
        return Results([("x" * self.size,)], False, None)


def test_results_are_forgotten_beyond_the_byte_budget():
    execute = TextExecute(size=200)
    cache = CACHE.ResultCache(execute, max_bytes=1_000, max_result_bytes=500)
    for sql in ("a", "b", "c", "a", "d"):  # three fit; "b" is the least recently used when "d" comes
        ask(cache, sql)
    assert [key[0] for key in cache.results] == ["c", "a", "d"]
    assert cache.bytes <= 1_000


def test_a_result_larger_than_its_share_is_not_kept():
    execute = TextExecute(size=600)
    cache = CACHE.ResultCache(execute, max_bytes=1_000, max_result_bytes=500)
    ask(cache, "big")
    ask(cache, "big")
    assert execute.runs == 2 and cache.results == {}
