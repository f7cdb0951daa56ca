"""Datasette serving a built database with the project's metadata, through its test client."""
import asyncio
import csv
import io
import json
from pathlib import Path
from urllib.parse import quote

import pytest
from datasette.app import Datasette

METADATA_PATH = Path(__file__).resolve().parent.parent / "datasette-metadata.json"


def get(db_path, path):
    """Datasette's response to ``path``, serving ``db_path`` read-only as ``make serve`` does."""
    async def fetch():
        datasette = Datasette(immutables=[str(db_path)], metadata=json.loads(METADATA_PATH.read_text()))
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
    ],
    ids=["index", "database", "quotes", "quotes-labels", "quotes-view", "speakers", "articles",
         "errors", "by-speaker", "search", "top-speakers", "article-quotes"],
)
def test_pages(quotes_db_file, path, expected):
    response = get(quotes_db_file, path)
    assert response.status_code == 200
    assert expected in response.text


@pytest.mark.parametrize("table", ["quotes", "quotes_view"])
def test_search_uses_word_stems(quotes_db_file, table):
    rows = rows_of(quotes_db_file, f"/quotes/{table}.json?_search=agree&_shape=array")
    assert [row["text"] for row in rows] == ["We agreed on every point,"]


def test_default_facets_of_quotes(quotes_db_file):
    facets = rows_of(quotes_db_file, "/quotes/quotes.json?_extra=facet_results")["facet_results"]
    assert set(facets) == {"speaker_id", "kind"}
    counts = {value["label"]: value["count"] for value in facets["speaker_id"]["results"]}
    assert counts == {"Jo Smith": 5, "Ann Lee": 1}


def test_facets_of_quotes_view(quotes_db_file):
    facets = rows_of(quotes_db_file, "/quotes/quotes_view.json?_facet=outlet")["facet_results"]
    assert {"speaker", "outlet", "kind"} <= set(facets)
    counts = {value["value"]: value["count"] for value in facets["outlet"]["results"]}
    assert counts == {"Coast Courier": 3, "Bay Herald": 3}


@pytest.mark.parametrize(
    "path, column, expected",
    [
        ("/quotes/quotes_by_speaker.json?speaker=Smith&_shape=array", "speaker", ["Jo Smith"] * 5),
        ("/quotes/search_quotes.json?q=ferries&_shape=array", "text", ["The ferries are back."]),
        ("/quotes/top_speakers.json?_shape=array", "name", ["Jo Smith", "Ann Lee"]),
        ("/quotes/article_quotes.json?article_id=1&_shape=array", "kind",
         ["direct", "indirect", "mixed"]),
    ],
    ids=["by-speaker", "search", "top-speakers", "article-quotes"],
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
    ],
    ids=["unbalanced-quote", "operator-as-word", "near", "empty", "empty-phrase"],
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
