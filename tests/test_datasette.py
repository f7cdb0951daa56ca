"""Datasette serving a built database with the project's metadata, plugins and templates, through its test client.

The database is ``news.db`` (Datasette calls it ``news``): the site must not
depend on the file being called ``quotes.db``.
"""
import asyncio
import csv
import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import lxml.html
import pytest
import sqlite_utils
from datasette.app import Datasette
from datasette.plugins import pm

import site_data

ROOT = Path(__file__).resolve().parent.parent
METADATA_PATH = ROOT / "datasette-metadata.json"
UNFOUNDED_ID, GROUNDLESS_ID = 7, 8  # the two quotes of the statement carried by two outlets


def serving(*db_paths, immutable=True, **settings) -> Datasette:
    """Datasette as ``make serve`` runs it (read-only, the project's metadata, plugins and templates), started."""
    files = {"immutables": [str(p) for p in db_paths]} if immutable else {"files": [str(p) for p in db_paths]}
    datasette = Datasette(**files, metadata=json.loads(METADATA_PATH.read_text()), settings=settings or None,
                          plugins_dir=str(ROOT / "plugins"), template_dir=str(ROOT / "templates"))
    asyncio.run(datasette.invoke_startup())
    return datasette


def fetch(datasette, path):
    return asyncio.run(datasette.client.get(path))


def page(datasette, path):
    """The HTML of a successful response, parsed."""
    response = fetch(datasette, path)
    assert response.status_code == 200, response.text
    return lxml.html.fromstring(response.text)


def rows_of(datasette, path):
    """The JSON of a successful response."""
    response = fetch(datasette, path)
    assert response.status_code == 200, response.text
    return response.json()


def texts(tree, xpath):
    """The text content of each element the XPath finds, spaces collapsed."""
    return [" ".join(element.text_content().split()) for element in tree.xpath(xpath)]


def links(tree, xpath):
    """(text, href) of each link the XPath finds."""
    return [(" ".join(a.text_content().split()), a.get("href")) for a in tree.xpath(xpath)]


@pytest.fixture(scope="module")
def news_db(tmp_path_factory):
    return site_data.build_site_db(tmp_path_factory.mktemp("site") / "news.db")


@pytest.fixture(scope="module")
def site(news_db):
    return serving(news_db, default_page_size=50)


@pytest.fixture
def news_copy(news_db, tmp_path):
    """A copy of the database that a test may change."""
    return Path(shutil.copy(news_db, tmp_path / "news.db"))


# ---------------------------------------------------------------- any database name

@pytest.mark.parametrize(
    "path, expected",
    [
        ("/", "quotedb: who said what in the news"),
        ("/news", "Quotes by speaker"),
        ("/news/quotes", "We agreed on every point,"),
        ("/news/quotes", '<a href="/news/speakers/2">Jo Smith</a>'),  # speaker_id shown by its label column
        ("/news/quotes_view", "Harbour deal signed"),
        ("/news/speakers", "Jo Smith"),
        ("/news/articles", "Ferries return"),
        ("/news/build_errors", "cannot decode the file"),
        ("/news/quotes_by_speaker?speaker=Lee", "not consulted"),
        ("/news/search_quotes?q=agree", "We agreed on every point,"),
        ("/news/top_speakers", '<a href="/news/speakers/1">Ann Lee</a>'),
        ("/news/article_quotes?article_id=2", "The ferries are back."),
        ("/news/speaker_quotes?speaker_id=2", "Coast Courier"),
        ("/news/where_else?statement_id=1", '<a href="/news/articles/4">Smith rejects claims</a>'),
        ("/news/find_speakers?name=smi", '<a href="/news/speakers/2">Jo Smith</a>'),
        ("/news/statements", '<a href="/news/speakers/2">Jo Smith</a>'),  # a plain column, shown by name
        ("/-/dashboards/news-quotes-over-time", "Quotes per speaker and day"),
        ("/-/dashboards", "Quotes per speaker over time"),
    ],
    ids=["index", "database", "quotes", "quotes-labels", "quotes-view", "speakers", "articles", "errors",
         "by-speaker", "search-query", "top-speakers", "article-quotes", "speaker-quotes", "where-else",
         "find-speakers", "statements-speaker-names", "dashboard", "dashboards"],
)
def test_pages_of_a_database_not_named_quotes(site, path, expected):
    response = fetch(site, path)
    assert response.status_code == 200
    assert expected in response.text


@pytest.mark.parametrize("table", ["quotes", "quotes_view"])
def test_search_of_a_database_not_named_quotes_filters(site, table):
    rows = rows_of(site, f"/news/{table}.json?_search=agree&_shape=array")
    assert [row["text"] for row in rows] == ["We agreed on every point,"]


def test_several_databases_served_together(news_db, tmp_path):
    archive = Path(shutil.copy(news_db, tmp_path / "archive.db"))
    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["speakers"].insert({"id": 1, "name": "not a quotedb speaker"}, pk="id")
    datasette = serving(news_db, archive, other)
    for name in ("news", "archive"):
        assert [row["text"] for row in rows_of(datasette, f"/{name}/search_quotes.json?q=agree&_shape=array")] == [
            "We agreed on every point,"]
        assert texts(page(datasette, f"/{name}/speakers/2"), "//h1") == ["Jo Smith"]
        assert fetch(datasette, f"/-/dashboards/{name}-quotes-over-time").status_code == 200
    home = page(datasette, "/")
    assert home.xpath("//section[@data-database]/@data-database") == ["news", "archive"]
    # another database keeps Datasette's own pages
    assert fetch(datasette, "/other/search_quotes").status_code == 404
    assert "not a quotedb speaker" in fetch(datasette, "/other/speakers/1").text


# ---------------------------------------------------------------- home

def test_home_offers_search_top_speakers_and_latest_statements(site):
    home = page(site, "/")
    assert home.xpath("//form[@class='quotedb-search']/@action") == ["/news/search"]
    assert links(home, "//ol[contains(@class, 'top-speakers')]/li/a") == [
        ("Jo Smith", "/news/speakers/2"), ("Ann Lee", "/news/speakers/1"),
        ("council spokesperson", "/news/speakers/3")]
    latest = links(home, "//ul[contains(@class, 'latest-statements')]/li/a")
    assert latest == [("\u201cThe claims are empty and unfounded,\u201d", "/news/statements/1"),
                      ("\u201cthe workers were \u201cnot consulted\u201d and would protest\u201d", "/news/statements/5")]
    assert texts(home, "//span[@class='undated']") == [
        "1 of 5 articles have no date and are left out of every chart."]
    assert {"All quotes", "Speakers", "Articles", "Statements", "Search quotes", "Find a speaker"} <= {
        text for text, _ in links(home, "//nav[@class='explore']/a")}


def test_the_database_page_is_its_home(site):
    assert page(site, "/news").xpath("//form[@class='quotedb-search']/@action") == ["/news/search"]


# ---------------------------------------------------------------- quotes_view

def test_quotes_view_shows_the_quote_then_speaker_and_headline_as_links(site):
    view = page(site, "/news/quotes_view?_sort=id")
    first = view.xpath("//article[contains(@class, 'quote-card')]")[0]
    assert " ".join(first.xpath("blockquote")[0].text_content().split()) == "\u201cWe agreed on every point,\u201d"
    assert links(first, ".//p[@class='who']/a") == [("Jo Smith", "/news/speakers/2")]
    assert links(first, ".//a[@class='article']") == [("Harbour deal signed", "/news/articles/1#q1")]
    assert links(first, ".//a[@class='elsewhere']") == [("where else?", "/news/statements/2#q1")]


def test_quotes_view_facets_name_the_speakers_and_filter_by_kind(site):
    view = page(site, "/news/quotes_view")
    facet = [(text, href.removeprefix("http://localhost")) for text, href in
             links(view, "//div[@data-column='speaker_id']//li/a")]  # Datasette's facet links are absolute
    assert facet == [
        ("Jo Smith", "/news/quotes_view?speaker_id=2"), ("Ann Lee", "/news/quotes_view?speaker_id=1"),
        ("council spokesperson", "/news/quotes_view?speaker_id=3")]
    assert links(view, "//div[@data-column='kind']//li/a")[2] == ("reported speech", "/news/quotes_view?kind=indirect")
    filtered = page(site, "/news/quotes_view?kind=indirect")
    assert texts(filtered, "//article//blockquote") == [
        "the harbour would reopen in June", "talks had been agreeable", "the budget would pass in the autumn"]


def test_quotes_view_marks_the_search_matches(site):
    view = page(site, "/news/quotes_view?_search=agree")
    assert texts(view, "//article//blockquote/mark") == ["agreed"]


# ---------------------------------------------------------------- the speaker page

def test_speaker_page(site):
    speaker = page(site, "/news/speakers/2")
    assert texts(speaker, "//h1") == ["Jo Smith"]
    assert texts(speaker, "//p[@class='lede']") == ["Mayor"]
    facts = dict(zip(texts(speaker, "//dl[@class='facts']/dt"), texts(speaker, "//dl[@class='facts']/dd")))
    assert facts == {"Quotes": "7 in 4 articles", "First quoted": "2024-05-01", "Last quoted": "2024-05-06",
                     "Named as": "Smith (5), Jo Smith (2)",
                     "Quoted by": "Bay Herald (4), Coast Courier (2), Harbour Times (1)"}
    bars = speaker.xpath("//figure[@class='timeline']//a[@class='bar']/@title")
    assert bars == ["2024-05-01: 2 quotes", "2024-05-02: 0 quotes", "2024-05-03: 3 quotes", "2024-05-04: 1 quotes",
                    "2024-05-05: 0 quotes", "2024-05-06: 1 quotes"]
    cards = speaker.xpath("//article[contains(@class, 'quote-card')]")
    assert [card.get("id") for card in cards] == ["q8", "q7", "q4", "q5", "q6", "q1", "q2"]  # newest first
    assert links(cards[0], ".//a[@class='article']") == [("Smith rejects claims", "/news/articles/4#q8")]
    assert links(cards[0], ".//a[@class='elsewhere']") == [("also in 1 more article", "/news/statements/1#q8")]


def test_a_chart_bar_opens_its_quotes(site):
    speaker = page(site, "/news/speakers/2")
    href = speaker.xpath("//figure[@class='timeline']//a[@class='bar']/@href")[2]
    rows = rows_of(site, href.replace("/quotes_view?", "/quotes_view.json?_shape=array&"))
    assert sorted(row["id"] for row in rows) == [4, 5, 6]


def test_a_speaker_without_dated_quotes_gets_no_empty_chart(site):
    speaker = page(site, "/news/speakers/3")
    assert speaker.xpath("//figure") == []
    assert texts(speaker, "//p[contains(@class, 'undated')]") == [
        "No chart: none of the 1 article quoting council spokesperson has a date."]


def test_speaker_pages_are_paged(news_copy):
    with sqlite_utils.Database(news_copy) as db:
        db["quotes"].insert_all({"id": 100 + n, "article_id": 1, "kind": "direct", "speaker_id": 1,
                                 "start_char": n, "end_char": n + 1, "text": f"filler {n}"} for n in range(60))
    datasette = serving(news_copy, default_page_size=50)
    first, second = page(datasette, "/news/speakers/1"), page(datasette, "/news/speakers/1?page=2")
    ids = [card.get("id") for tree in (first, second) for card in tree.xpath("//article[@id]")]
    assert len(ids) == len(set(ids)) == 61
    assert links(first, "//a[@rel='next']") == [("Next \u2192", "/news/speakers/1?page=2")]


@pytest.mark.parametrize("path", ["/news/speakers/99", "/news/articles/99", "/news/statements/99"])
def test_no_such_row(site, path):
    assert fetch(site, path).status_code == 404


def test_row_json_stays_datasettes(site):
    assert rows_of(site, "/news/speakers/2.json?_shape=array") == [
        {"id": 2, "name": "Jo Smith", "role": "Mayor", "kind": "person", "n_quotes": 7, "n_articles": 4,
         "first_quoted": "2024-05-01", "last_quoted": "2024-05-06"}]


# ---------------------------------------------------------------- the article page

def test_article_page_marks_every_quote_and_names_its_speaker(site):
    article = page(site, "/news/articles/1")
    assert texts(article, "//h1") == ["Harbour deal signed"]
    assert texts(article, "//p[contains(@class, 'byline')]") == [
        "Coast Courier \u00b7 2024-05-01 \u00b7 2024-05-01-harbour.txt"]
    text = article.xpath("//div[@class='article-text']")[0]
    assert [(mark.get("id"), mark.text_content()) for mark in text.xpath("mark")] == [
        ("q1", "We agreed on every point,"), ("q2", "the harbour would reopen in June"),
        ("q3", "the workers were \u201cnot consulted\u201d and would protest")]
    assert links(text, "a[@class='who']") == [("Jo Smith", "/news/speakers/2"), ("Jo Smith", "/news/speakers/2"),
                                              ("Ann Lee", "/news/speakers/1")]
    for who in text.xpath("a[@class='who']"):
        who.drop_tree()
    assert text.text_content() == site_data.conftest.HARBOUR  # the whole text, exactly


def test_article_page_links_where_else_a_statement_was_said(site):
    article = page(site, "/news/articles/3")
    assert links(article, "//div[@class='article-text']/a[@class='elsewhere']") == [
        ("+1", "/news/statements/1#q7")]


# ---------------------------------------------------------------- the statement page

def test_statement_page_lists_outlets_by_date_with_wording_differences(site):
    statement = page(site, "/news/statements/1")
    assert links(statement, "//article//a[@class='speaker']") == [("Jo Smith", "/news/speakers/2")]
    rows = statement.xpath("//table[@class='versions']/tbody/tr")
    assert [texts(row, "td")[:3] for row in rows] == [
        ["2024-05-04", "Harbour Times", "Mayor answers critics"],
        ["2024-05-06", "Bay Herald", "Smith rejects claims"]]
    assert [row.get("id") for row in rows] == ["q7", "q8"]
    assert rows[0].xpath(".//del | .//ins") == []
    assert (texts(rows[1], ".//del"), texts(rows[1], ".//ins")) == (["unfounded,"], ["groundless,"])


# ---------------------------------------------------------------- the search page

@pytest.mark.parametrize("q", ["jo smith", "smith"], ids=["name", "the only speaker so named"])
def test_search_offers_the_speaker_and_their_quotes(site, q):
    found = page(site, f"/news/search?q={quote(q)}")
    assert links(found, "//section[@class='speaker-matches']//a") == [("Jo Smith", "/news/speakers/2")]
    assert [card.get("id") for card in found.xpath("//section[@class='quotes-by-speaker']/article")] == [
        "q8", "q7", "q4"]


def test_search_ranks_by_relevance_and_marks_matches(news_copy):
    with sqlite_utils.Database(news_copy) as db:
        db["quotes"].insert_all([
            {"id": 100, "article_id": 1, "kind": "direct", "text": "Ferries, ferries and more ferries to the isles"},
            {"id": 101, "article_id": 1, "kind": "direct",
             "text": "One ferry left the harbour at noon, the others stayed in port for the day"},
        ])
    found = page(serving(news_copy), "/news/search?q=ferries")
    cards = found.xpath("//section[@class='quote-matches']/article")
    # the word three times, then once in four words, then once in fifteen
    assert [card.get("id") for card in cards] == ["q100", "q4", "q101"]
    assert texts(cards[0], ".//mark") == ["Ferries", "ferries", "ferries"]
    assert texts(found, "//section[@class='quote-matches']/h2") == ["3 quotes with these words"]


@pytest.mark.parametrize("q", ['"', "\u201c\u201d", "NEAR(", "-", "*", "%_\\"])
def test_search_page_takes_any_input(site, q):
    found = page(site, f"/news/search?q={quote(q)}")
    assert found.xpath("//section[@class='quote-matches']/article") == []
    assert texts(found, "//section[@class='quote-matches']/h2") == ["No quote has these words"]


def test_find_speakers_by_any_alias(site):
    rows = rows_of(site, "/news/find_speakers.json?name=smith&_shape=array")
    assert [(row["speaker_id"], row["name"]) for row in rows] == [(2, "Jo Smith")]


# ---------------------------------------------------------------- search, facets, queries (as before)

@pytest.mark.parametrize("table", ["quotes", "quotes_view"])
@pytest.mark.parametrize(
    "search",
    ["\u201cnot consulted\u201d", '"not consulted"', "\u00abnot consulted\u00bb", "\u201enot consulted\u201d"],
    ids=["curly", "straight", "guillemets", "low-high"],
)
def test_search_takes_any_quote_marks_as_a_phrase(site, table, search):
    rows = rows_of(site, f"/news/{table}.json?_search={quote(search)}&_shape=array")
    assert [row["text"] for row in rows] == ["the workers were \u201cnot consulted\u201d and would protest"]


@pytest.mark.parametrize(
    "search",
    ["\u201cconsulted not\u201d", '"consulted not"', "\u00abprotest workers\u00bb"],
    ids=["curly", "straight", "guillemets"],
)
def test_a_quoted_phrase_is_not_just_its_words(site, search):
    assert rows_of(site, f"/news/quotes.json?_search={quote(search)}&_shape=array") == []


@pytest.mark.parametrize("search", ['"', '""', "\u201c\u201d", "\u00ab", "-", "NEAR(", "*"])
def test_table_search_takes_any_input(site, search):
    assert rows_of(site, f"/news/quotes.json?_search={quote(search)}&_shape=array") == []


def test_default_facets_of_quotes(site):
    facets = rows_of(site, "/news/quotes.json?_extra=facet_results")["facet_results"]
    assert set(facets) == {"speaker_id", "kind"}
    counts = {value["label"]: value["count"] for value in facets["speaker_id"]["results"]}
    assert counts == {"Jo Smith": 7, "Ann Lee": 1, "council spokesperson": 1}


def test_facets_of_quotes_view(site):
    facets = rows_of(site, "/news/quotes_view.json")["facet_results"]
    assert list(facets) == ["outlet", "published_month", "speaker_id"]
    counts = {value["value"]: value["count"] for value in facets["outlet"]["results"]}
    assert counts == {"Bay Herald": 4, "Coast Courier": 3, "Harbour Times": 1}
    assert [(value["value"], value["count"]) for value in facets["published_month"]["results"]] == [
        ("2024-05", 8)]


@pytest.mark.parametrize(
    "path, column, expected",
    [
        ("/news/quotes_by_speaker.json?speaker=Lee&_shape=array", "speaker", ["Ann Lee"]),
        ("/news/search_quotes.json?q=ferries&_shape=array", "text", ["The ferries are back."]),
        ("/news/top_speakers.json?_shape=array", "name", ["Jo Smith", "Ann Lee", "council spokesperson"]),
        ("/news/article_quotes.json?article_id=1&_shape=array", "kind", ["direct", "indirect", "mixed"]),
        ("/news/search_quotes.json?q=%E2%80%9Cnot%20consulted%E2%80%9D&_shape=array", "speaker", ["Ann Lee"]),
        ("/news/speaker_quotes.json?speaker_id=1&_shape=array", "published", ["2024-05-01"]),
        ("/news/speaker_quotes.json?speaker_id=2&_shape=array", "aliases", ["Jo Smith; Smith"] * 7),
        ("/news/where_else.json?statement_id=1&_shape=array", "outlet", ["Harbour Times", "Bay Herald"]),
    ],
    ids=["by-speaker", "search", "top-speakers", "article-quotes", "search-curly", "speaker-over-time",
         "speaker-aliases", "where-else"],
)
def test_canned_queries(site, path, column, expected):
    assert [row[column] for row in rows_of(site, path)] == expected


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
def test_search_query_takes_any_input(site, q, expected):
    rows = rows_of(site, f"/news/search_quotes.json?q={quote(q)}&_shape=array")
    assert [row["text"] for row in rows] == expected


def test_search_query_gives_the_hundred_best_matches(news_copy):
    with sqlite_utils.Database(news_copy) as db:
        filler = [{"id": 1000 + n, "article_id": 1, "kind": "direct",
                   "text": "ferries " * (1 + n % 3) + f"and other words, take {n}"} for n in range(150)]
        db["quotes"].insert_all(filler)
    rows = rows_of(serving(news_copy), "/news/search_quotes.json?q=ferries&_shape=array")
    assert len(rows) == 100
    # best first: the 50 texts with the word three times, then those with it twice
    assert all(row["text"].startswith("ferries ferries ferries") for row in rows[:50])
    assert all(row["text"].startswith("ferries ferries and") for row in rows[50:100])


def test_article_quotes_context_is_cut_at_a_word(site):
    article = page(site, "/news/article_quotes?article_id=1")
    # the query's 100 characters before the third quote start "ith said on Tuesday."
    assert texts(article, "//td[contains(@class, 'col-before')]")[2].startswith("\u2026said on Tuesday.")


@pytest.mark.parametrize("context, before, expected", [
    ("ith said on Tuesday. Then " + "x " * 40, True, "\u2026said on Tuesday. Then " + "x " * 40),
    ("x " * 45 + "and the harbour wo", False, "x " * 45 + "and the harbour\u2026"),
    ("a short start", True, "a short start"),  # under 100 characters: the article's own start
    ("y" * 120, False, "y" * 120),
], ids=["before", "after", "whole", "one-word"])
def test_context_at_a_word_boundary(site, context, before, expected):
    assert pm.get_plugin("quotedb_datasette.py").at_word_boundary(context, before=before) == expected


# ---------------------------------------------------------------- CSV

def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_csv_link_of_a_view_exports_every_matching_row(news_copy):
    with sqlite_utils.Database(news_copy) as db:
        db["quotes"].insert_all({"id": 100 + n, "article_id": 2, "kind": "direct", "speaker_id": 2,
                                 "text": f"ferry timetable number {n}"} for n in range(120))
    datasette = serving(news_copy, default_page_size=50, max_returned_rows=100)
    view = page(datasette, "/news/quotes_view?outlet=Bay+Herald")
    [href] = [href for text, href in links(view, "//a") if text == "Download all as CSV"]
    rows = csv_rows(fetch(datasette, href).text)
    assert len(rows) == 124 and {row["outlet"] for row in rows} == {"Bay Herald"}
    assert all(re.fullmatch(r"\d+", row["speaker_id"]) for row in rows)  # ids as integers


@pytest.mark.parametrize("path", ["/news/quotes", "/news/speakers", "/news/statements"])
def test_every_table_csv_link_streams(site, path):
    tree = page(site, path)
    [href] = [href for text, href in links(tree, "//p[@class='export-links']/a") if text == "CSV"]
    assert "_stream=on" in href
    assert fetch(site, href).status_code == 200


def test_a_downloaded_csv_is_utf8_with_a_byte_order_mark(site):
    response = fetch(site, "/news/quotes_view.csv?_stream=on&_dl=1&_sort=id")
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbfid,text,")
    rows = csv_rows(response.content.decode("utf-8"))
    assert rows[2]["text"] == "the workers were \u201cnot consulted\u201d and would protest"
    # shown in the browser (no _dl) it stays plain text
    assert fetch(site, "/news/quotes_view.csv?_sort=id").content.startswith(b"id,text,")


def test_search_and_page_csv_links_export_all_matches(site):
    found = page(site, "/news/search?q=claims")
    [href] = [href for text, href in links(found, "//a") if text.startswith("Download all")]
    assert [row["id"] for row in csv_rows(fetch(site, href).content.decode("utf-8"))] == ["7", "8"]
    speaker = page(site, "/news/speakers/1")
    [href] = [href for text, href in links(speaker, "//a") if text.startswith("Download all")]
    assert [row["text"] for row in csv_rows(fetch(site, href).content.decode("utf-8"))] == [
        "the workers were \u201cnot consulted\u201d and would protest"]


# ---------------------------------------------------------------- the page helpers

def site_plugin():
    """plugins/quotedb_site.py as Datasette loaded it."""
    return pm.get_plugin("quotedb_site.py")


@pytest.mark.parametrize("dated, unit, bars", [
    ([("2024-05-01", 2), ("2024-05-03T09:30", 1)], "day", [("2024-05-01", 2), ("2024-05-02", 0), ("2024-05-03", 1)]),
    ([("2024-01-01", 1), ("2024-03-20", 4), ("2024-03-21", 1)], "week",
     [("2024-01-01", 1)] + [(f"2024-{m:02d}-{d:02d}", 0) for m, d in
                            [(1, 8), (1, 15), (1, 22), (1, 29), (2, 5), (2, 12), (2, 19), (2, 26), (3, 4), (3, 11)]]
     + [("2024-03-18", 5)]),
    ([("2023-11-30", 1), ("2024-02-02", 1), ("2024-06-01", 3)], "month",
     [("2023-11", 1), ("2023-12", 0), ("2024-01", 0), ("2024-02", 1), ("2024-03", 0), ("2024-04", 0),
      ("2024-05", 0), ("2024-06", 3)]),
    ([("2010-05-01", 1), ("2024-05-01", 1)], "year", [(str(year), int(year in (2010, 2024)))
                                                      for year in range(2010, 2025)]),
    ([], "day", []),
], ids=["days", "weeks", "months", "years", "none"])
def test_timeline(site, dated, unit, bars):
    timeline = site_plugin().timeline(dated)
    assert (timeline.unit, [(bar.label, bar.count) for bar in timeline.bars]) == (unit, bars)


@pytest.mark.parametrize("reference, version, expected", [
    ("The claims are empty and unfounded,", "The claims are empty and groundless,",
     [("", "The claims are empty and "), ("del", "unfounded,"), ("ins", "groundless,")]),
    ("We will not go back", "we will not go back.", [("", "we will not go back.")]),
    ("The claims are empty and unfounded", "claims are empty", [("cut", "\u2026 "), ("", "claims are empty"),
                                                                ("cut", " \u2026")]),
    ("being a beneficiary of the laws. But I work for you", "being a beneficiary of the law.",
     [("", "being a beneficiary of the "), ("del", "laws. "), ("ins", "law."), ("cut", " \u2026")]),
    ("We agreed on every point", "We agreed on nearly every point",
     [("", "We agreed on "), ("ins", "nearly "), ("", "every point")]),
], ids=["changed-word", "case-and-punctuation", "excerpt", "excerpt-with-a-change", "added-word"])
def test_wording_diff(site, reference, version, expected):
    assert site_plugin().wording_diff(reference, version) == expected


def test_segments_cut_the_text_at_quotes_and_keep_nested_ones_as_anchors(site):
    text = 'He said: "One, two, three," and "four".'
    quotes = [{"id": 1, "start_char": 10, "end_char": 25}, {"id": 2, "start_char": 15, "end_char": 18},
              {"id": 3, "start_char": 33, "end_char": 37}]
    cut = site_plugin().segments(text, quotes)
    assert [(s.text, s.quote["id"] if s.quote else None, s.closing, s.inner) for s in cut] == [
        ('He said: "', None, "", ()), ("One, two, three", 1, "", (2,)), ('," and "', None, "", ()),
        ("four", 3, '"', ()), (".", None, "", ())]
    assert "".join(s.text + s.closing for s in cut) == text


# ---------------------------------------------------------------- the cache plugin (issue 14's), on any name

def traced_sql(datasette, path):
    """The SQL Datasette ran to answer ``path`` (its trace, with ``trace_debug`` on)."""
    separator = "&" if "?" in path else "?"
    response = asyncio.run(datasette.client.get(f"{path}{separator}_trace=1"))
    assert response.status_code == 200, response.text
    return [trace["sql"] for trace in response.json()["_trace"]["traces"] if trace["type"] == "sql"]


def facet_queries(sql):
    return [statement for statement in sql if "count(*) as count" in statement]


def test_an_unfiltered_page_of_an_immutable_database_counts_once(news_db):
    datasette = serving(news_db, trace_debug=True)
    first = traced_sql(datasette, "/news/quotes_view.json")
    assert len(facet_queries(first)) == 3
    assert facet_queries(traced_sql(datasette, "/news/quotes_view.json")) == []
    # the same facets of a search run every time
    for _ in range(2):
        assert len(facet_queries(traced_sql(datasette, "/news/quotes_view.json?_search=ferries"))) == 3


def test_a_mutable_database_counts_every_time(news_db):
    datasette = serving(news_db, immutable=False, trace_debug=True)
    for _ in range(2):
        assert len(facet_queries(traced_sql(datasette, "/news/quotes_view.json"))) == 3


def test_warming_counts_the_faceted_pages_before_anyone_asks(news_db):
    datasette = serving(news_db, trace_debug=True)
    cache = pm.get_plugin("quotedb_cache.py")  # as Datasette loaded it from plugins/
    asyncio.run(cache.warm(datasette))
    for table in ("quotes", "quotes_view", "speakers", "articles"):
        assert facet_queries(traced_sql(datasette, f"/news/{table}.json")) == []


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


def test_a_relayed_quote_names_who_tells_it(news_copy):
    db = sqlite_utils.Database(news_copy)
    quote_id = db.execute("select id from quotes where text = 'We agreed on every point,'").fetchone()[0]
    db["quotes"].update(quote_id, {"reporter_name": "Ines Varga"})
    datasette = serving(news_copy)
    for path in (f"/news/quotes_view?id={quote_id}", "/news/search?q=agreed"):
        (who,) = texts(page(datasette, path), "//article[contains(@class, 'quote-card')]//p[@class='who']")
        assert who.endswith("as Ines Varga tells it")
