"""What a build keeps and reports when files go bad (no spaCy: a stand-in engine extracts nothing)."""
from __future__ import annotations

import re
import threading
from dataclasses import replace
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from db import QuoteDbError, store
from extract.records import ExtractedArticle
from quotedb.build import build
from quotedb.cli import cli

STORY = "Harbour reopens\n\n\"We are open,\" Mayor Ada Quill said.\n"


def no_quotes(articles):
    """An engine that finds no quote in any article."""
    for article in articles:
        yield ExtractedArticle(article)


def write(path: Path, text: str = STORY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def stored(db_path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The paths of the stored articles and the (path, reason) of the build errors."""
    db = sqlite_utils.Database(db_path)
    paths = [row["path"] for row in db.query("select path from articles order by path")]
    errors = [(row["path"], row["reason"]) for row in db.query("select path, reason from build_errors order by path")]
    return paths, errors


def test_a_subfolder_that_cannot_be_listed_keeps_its_articles(tmp_path, unlistable):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    write(folder / "a.txt")
    write(folder / "locked" / "b.txt")
    build(folder, db, engine=no_quotes)
    unlistable.add("locked")
    report = build(folder, db, engine=no_quotes)
    assert report.removed == 0
    assert stored(db) == (["a.txt", "locked/b.txt"], [("locked/", "cannot list the folder (Permission denied)")])


def test_a_record_that_turns_bad_keeps_its_stored_version(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    write(folder / "a.jsonl", '{"text": "One."}\n{"text": "Two."}\n')
    build(folder, db, engine=no_quotes)
    write(folder / "a.jsonl", '{"text": "One."}\n{"text": \n')
    report = build(folder, db, engine=no_quotes)
    assert report.removed == 0
    assert stored(db) == (["a.jsonl#1", "a.jsonl#2"],
                          [("a.jsonl#2", "line 2: invalid JSON (Expecting value)")])


def test_a_mended_file_loses_its_error(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    write(folder / "a.txt")
    write(folder / "b.jsonl", '{"text": "One."}\n{"text": \n')
    write(folder / "c.txt", "")
    build(folder, db, engine=no_quotes)
    assert [path for path, _ in stored(db)[1]] == ["b.jsonl#2", "c.txt"]
    write(folder / "b.jsonl", '{"text": "One."}\n{"text": "Two."}\n')
    (folder / "c.txt").unlink()
    build(folder, db, engine=no_quotes)
    assert stored(db) == (["a.txt", "b.jsonl#1", "b.jsonl#2"], [])


def test_a_file_that_reads_again_unchanged_loses_its_error(tmp_path, unlistable):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    write(folder / "sub" / "a.txt")
    build(folder, db, engine=no_quotes)
    unlistable.add("sub")
    build(folder, db, engine=no_quotes)
    assert stored(db)[1] == [("sub/", "cannot list the folder (Permission denied)")]
    unlistable.clear()  # listable again; nothing changed, nothing to extract
    report = build(folder, db, engine=no_quotes)
    assert (report.unchanged, stored(db)) == (1, (["sub/a.txt"], []))


def test_the_errors_of_a_database_from_before_pending_errors_are_replaced(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    write(folder / "a.txt")
    build(folder, db, engine=no_quotes)
    with sqlite_utils.Database(db) as old:  # as an older build left it: an error, no list of them
        old["build_errors"].insert({"path": "gone.txt", "reason": "empty file", "built_at": "2024-01-01"})
        old["meta"].delete("pending_errors")
    build(folder, db, engine=no_quotes)
    assert stored(db) == (["a.txt"], [])


def test_an_article_that_cannot_be_stored_is_reported_and_the_others_stored(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    write(folder / "a.txt")
    write(folder / "b.txt")

    def one_unstorable(articles):
        for article in articles:
            text = article.text + "\ud800" if article.path == "b.txt" else article.text
            yield ExtractedArticle(replace(article, text=text))

    report = build(folder, db, engine=one_unstorable)
    assert stored(db)[0] == ["a.txt"]
    assert [(path, reason.split(" (")[0]) for path, reason in report.errors] == [("b.txt", "cannot be stored")]


# ---------------------------------------------------------------- the database file

def test_a_second_build_of_one_database_stops_or_waits_for_the_first(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    write(folder / "a.txt")
    started, go = threading.Event(), threading.Event()

    def slow(articles):
        started.set()
        go.wait(30)
        yield from no_quotes(articles)

    first = threading.Thread(target=build, args=(folder, db), kwargs={"engine": slow})
    first.start()
    assert started.wait(30)
    write(folder / "b.txt")  # added while the first build runs
    with pytest.raises(store.DatabaseBusy, match=r"another build is writing it \(build \d+ since .*--wait"):
        build(folder, db, engine=no_quotes)
    second = threading.Thread(target=build, args=(folder, db), kwargs={"engine": no_quotes, "wait": True})
    second.start()
    go.set()
    first.join(30)
    second.join(30)
    assert stored(db)[0] == ["a.txt", "b.txt"]  # the second build, run after the first, kept both


def test_copies_left_by_killed_builds_are_removed_by_the_next(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    write(folder / "a.txt")
    left = [tmp_path / "quotes.db.tmp-4242-0123abcd", tmp_path / "quotes.db.tmp-7-deadbeef"]
    others = [tmp_path / "quotes.db.tmp-mine", tmp_path / "other.db.tmp-4242-0123abcd"]
    for path in left + others:
        path.write_bytes(b"SQLite format 3\0")
    build(folder, db, engine=no_quotes)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["articles", "quotes.db", "quotes.db.lock"] + [path.name for path in others])


@pytest.mark.parametrize("make, message", [
    (lambda path: path.mkdir(), "is a folder, not a database file"),
    (lambda path: path.write_text("name,text\n"), "not a SQLite database; choose another --db"),
    (lambda path: sqlite_utils.Database(path)["things"].insert({"id": 1}),
     "another program's database (it has no quotedb tables); choose another --db"),
], ids=["folder", "text-file", "other-database"])
def test_a_database_path_a_build_must_not_write_is_refused(tmp_path, make, message):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    write(folder / "a.txt")
    make(db)
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(QuoteDbError, match=re.escape(message)):
        build(folder, db, engine=no_quotes)
    assert sorted(tmp_path.rglob("*")) == before


def test_an_empty_file_is_a_new_database(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    write(folder / "a.txt")
    db.touch()
    build(folder, db, engine=no_quotes)
    assert stored(db) == (["a.txt"], [])


@pytest.mark.parametrize("name, make, message", [
    ("quotes.db", lambda path: path.mkdir(), "{db}: is a folder, not a database file"),
    ("quotes.db", lambda path: path.write_text("name,text\n"), "{db}: not a SQLite database; choose another --db"),
    ("missing/quotes.db", lambda path: None, "{db.parent}: no such folder for the database"),
], ids=["folder", "text-file", "missing-folder"])
def test_the_command_says_what_is_wrong_with_the_database_in_one_line(tmp_path, name, make, message):
    folder, db = tmp_path / "articles", tmp_path / name
    write(folder / "a.txt")
    make(db)
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db)])
    assert (result.exit_code, result.output) == (1, f"Error: {message.format(db=db)}\n")
