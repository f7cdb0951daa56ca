"""Article metadata from outside the text: dates in paths and metadata tables (no spaCy but one test)."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from extract import metadata, sources
from extract.records import ExtractedArticle
from quotedb.build import build
from quotedb.cli import cli

TALKS = "Talks resume\n\n\"We are back at the table,\" negotiator Vera Holm said.\n"
PORT = "Port reopens\n\n\"Ships can dock again,\" harbour master Ivo Lund said.\n"
# PolNeAR's layout: one row per text, named without extension, with more columns than we read.
POLNEAR_STYLE = (
    "compartment\tfilename\tlevel\tpublisher\tpublication_date\tauthor\ttitle\n"
    "dev\tnyt_2016-09-08_talks-resume\t4\tnyt\t2016-09-08\tJo Reed\tTalks Resume at Last\n"
    "dev\twash-post_2016-09-10_port\t7\twash-post\t2016-09-10\tAl Berg\tThe Port Reopens\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read_all(folder: Path) -> dict[str, tuple]:
    """Path -> (title, outlet, published) of every article of the folder."""
    articles = [article for path in sources.article_files(folder) for article in sources.read_file(folder, path)]
    return {article.path: (article.title, article.outlet, article.published) for article in articles}


@pytest.mark.parametrize("path, expected", [
    ("nyt_2016-09-08_talks-resume.txt", "2016-09-08"),
    ("20160908-talks.txt", "2016-09-08"),
    ("talks_2016_09_08.md", "2016-09-08"),
    ("2016/09/08/talks.txt", "2016-09-08"),
    ("2016/09/08/talks-2016-09-07.txt", "2016-09-07"),  # the file name before its folders
    ("archive/2016-09-08/talks.txt", None),  # a folder is dated only as YYYY/MM/DD
    ("000_cc2bbc41124c122c.txt", None),
    ("story-123456789.txt", None),  # nine digits are not a date
    ("report-20161399.txt", None),  # no such day
    ("batch-18001231.txt", None),  # not a plausible year
    ("talks.txt", None),
], ids=["dashes", "compact", "underscores", "folders", "name-first", "dashed-folder", "hex-id",
        "long-number", "no-such-day", "implausible-year", "none"])
def test_date_from_path(path, expected):
    assert metadata.date_from_path(path) == expected


@pytest.mark.parametrize("value, expected", [
    ("2016-09-08", "2016-09-08"),
    ("2016-09-08T14:05:00Z", "2016-09-08T14:05"),
    ("2016/09/08", "2016-09-08"),
    ("20160908", "2016-09-08"),
    ("September 8, 2016", "2016-09-08"),
    ("soon", None),
])
def test_table_dates(value, expected):
    assert metadata.parse_date(value) == expected


def test_file_names_date_the_articles(tmp_path):
    write(tmp_path, "nyt_2016-09-08_talks-resume.txt", TALKS)
    write(tmp_path, "port.txt", PORT)
    assert read_all(tmp_path) == {
        "nyt_2016-09-08_talks-resume.txt": ("Talks resume", None, "2016-09-08"),
        "port.txt": ("Port reopens", None, None),
    }


def test_a_date_in_the_text_comes_before_the_path(tmp_path):
    write(tmp_path, "2016-09-08-talks.txt", "Talks resume\n\nMarch 3, 2024\n\nThe talks resumed.\n")
    assert read_all(tmp_path)["2016-09-08-talks.txt"][2] == "2024-03-03"


@pytest.mark.parametrize("table_name, table", [
    ("metadata.tsv", POLNEAR_STYLE),
    ("metadata.csv", "file,outlet,date,headline\n"
                     "nyt_2016-09-08_talks-resume.txt,nyt,2016-09-08,Talks Resume at Last\n"
                     "wash-post_2016-09-10_port.txt,wash-post,2016-09-10,The Port Reopens\n"),
], ids=["tsv-without-extension", "csv-with-extension"])
def test_a_table_beside_the_articles_gives_outlets_and_titles(tmp_path, table_name, table):
    write(tmp_path, "nyt_2016-09-08_talks-resume.txt", TALKS)
    write(tmp_path, "wash-post_2016-09-10_port.txt", PORT)
    write(tmp_path, table_name, table)
    assert [path.name for path in sources.article_files(tmp_path)] == [
        "nyt_2016-09-08_talks-resume.txt", "wash-post_2016-09-10_port.txt"]  # the table is no article
    assert read_all(tmp_path) == {
        "nyt_2016-09-08_talks-resume.txt": ("Talks Resume at Last", "nyt", "2016-09-08"),
        "wash-post_2016-09-10_port.txt": ("The Port Reopens", "wash-post", "2016-09-10"),
    }


def test_a_table_overrides_what_the_article_says_but_not_with_empty_cells(tmp_path):
    write(tmp_path, "wire.jsonl", '{"title": "Port reopens", "source": "Wire", "date": "2024-05-01",'
                                  ' "text": "The port reopened."}\n'
                                  '{"title": "Talks resume", "text": "The talks resumed."}\n')
    write(tmp_path, "metadata.csv", "filename,title,outlet,published\nwire.jsonl#1,,Coast Courier,2024-05-02\n"
                                    "wire#2,Talks resume at last,,\n")
    assert read_all(tmp_path) == {
        "wire.jsonl#1": ("Port reopens", "Coast Courier", "2024-05-02"),
        "wire.jsonl#2": ("Talks resume at last", None, None),
    }


def test_the_nearest_table_wins(tmp_path):
    write(tmp_path, "metadata.csv", "name,outlet,title\ntalks,Coast Courier,Outer\nport,Coast Courier,Outer port\n")
    write(tmp_path, "bay/metadata.csv", "name,outlet\ntalks,Bay Herald\n")
    write(tmp_path, "bay/talks.txt", TALKS)
    write(tmp_path, "bay/port.txt", PORT)
    assert read_all(tmp_path) == {
        "bay/port.txt": ("Outer port", "Coast Courier", None),
        "bay/talks.txt": ("Talks resume", "Bay Herald", None),  # the inner row, whole
    }


def test_a_table_elsewhere_applies_to_every_article(tmp_path):
    texts = tmp_path / "dev" / "text"
    write(texts, "nyt_2016-09-08_talks-resume.txt", TALKS)
    table = write(tmp_path, "metadata.tsv", POLNEAR_STYLE)
    with metadata.extra_table(table):
        assert read_all(texts) == {"nyt_2016-09-08_talks-resume.txt": ("Talks Resume at Last", "nyt", "2016-09-08")}
    assert read_all(texts)["nyt_2016-09-08_talks-resume.txt"][1] is None  # only within the block


def test_an_unreadable_table_fails_the_files_it_would_apply_to(tmp_path):
    write(tmp_path, "talks.txt", TALKS)
    write(tmp_path, "metadata.csv", "outlet,title\nnyt,Talks\n")
    with pytest.raises(sources.ArticleError, match="no file name column"):
        read_all(tmp_path)


def test_a_missing_extra_table_is_an_error(tmp_path):
    with pytest.raises(metadata.TableError, match="no such metadata table"):
        with metadata.extra_table(tmp_path / "metadata.tsv"):
            pass


class CountingEngine:
    """An engine that finds no quotes and remembers which articles it was given."""

    def __init__(self):
        self.seen: list[str] = []

    def __call__(self, articles):
        self.seen.extend(article.path for article in articles)
        return [ExtractedArticle(article) for article in articles]


def stored(db_path: Path) -> list[tuple]:
    db = sqlite_utils.Database(db_path)
    return [tuple(row.values()) for row in db.query("select path, title, outlet, published from articles order by path")]


def test_an_edited_table_updates_the_articles_without_extracting_them_again(tmp_path):
    folder, db_path = tmp_path / "articles", tmp_path / "news.db"
    write(folder, "nyt_2016-09-08_talks-resume.txt", TALKS)
    write(folder, "wash-post_2016-09-10_port.txt", PORT)
    engine = CountingEngine()
    build(folder, db_path, engine=engine)
    assert stored(db_path) == [("nyt_2016-09-08_talks-resume.txt", "Talks resume", None, "2016-09-08"),
                               ("wash-post_2016-09-10_port.txt", "Port reopens", None, "2016-09-10")]
    write(folder, "metadata.tsv", POLNEAR_STYLE)
    report = build(folder, db_path, engine=engine)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 2)
    assert len(engine.seen) == 2  # the first build only
    assert stored(db_path) == [("nyt_2016-09-08_talks-resume.txt", "Talks Resume at Last", "nyt", "2016-09-08"),
                               ("wash-post_2016-09-10_port.txt", "The Port Reopens", "wash-post", "2016-09-10")]


@pytest.mark.model
def test_build_with_a_metadata_table_outside_the_folder(tmp_path):
    texts = tmp_path / "polnear" / "dev" / "text"
    write(texts, "nyt_2016-09-08_talks-resume.txt", TALKS)
    write(texts, "wash-post_2016-09-10_port.txt", PORT)
    table = write(tmp_path / "polnear", "metadata.tsv", POLNEAR_STYLE)
    db_path = tmp_path / "polnear.db"
    result = CliRunner().invoke(cli, ["build", str(texts), "--db", str(db_path), "--workers", "1",
                                      "--metadata", str(table)])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(db_path)
    assert stored(db_path) == [("nyt_2016-09-08_talks-resume.txt", "Talks Resume at Last", "nyt", "2016-09-08"),
                               ("wash-post_2016-09-10_port.txt", "The Port Reopens", "wash-post", "2016-09-10")]
    assert [tuple(row.values()) for row in db.query(
        "select name, first_quoted from speakers order by name")] == [("Ivo Lund", "2016-09-10"),
                                                                      ("Vera Holm", "2016-09-08")]
