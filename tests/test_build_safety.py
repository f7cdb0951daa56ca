"""What a build keeps and reports when files go bad (no spaCy: a stand-in engine extracts nothing)."""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

from extract.records import ExtractedArticle
from quotedb.build import build

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
    unlistable("locked")
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
