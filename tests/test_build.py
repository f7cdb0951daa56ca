"""Refreshing a database from a folder that changes between builds (real model).

Articles are written for these tests.
"""
import json

import pytest
import sqlite_utils

from quotedb.build import build

pytestmark = pytest.mark.model

HARBOUR = "Harbour to reopen\n\n\"We will open the port in June,\" Mayor Ada Quill said on Monday.\n"
FERRY = "Ferry fares rise\n\n\"Fares must go up,\" said ferry boss Tomas Brandt.\n"
PIER = "Pier repairs\n\n\"The pier is safe again,\" engineer Rosa Lind said.\n"


def rows(path):
    db = sqlite_utils.Database(path)
    quotes = db.query("select a.path, q.text, s.name from quotes q join articles a on a.id = q.article_id"
                      " left join speakers s on s.id = q.speaker_id where q.kind = 'direct' order by a.path")
    errors = sorted((row["path"], row["reason"]) for row in db["build_errors"].rows)
    return [tuple(row.values()) for row in quotes], errors


@pytest.fixture()
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "harbour.txt").write_text(HARBOUR)
    (articles / "ferry.txt").write_text(FERRY)
    return articles


def test_a_refresh_reflects_changed_added_and_deleted_files(folder, tmp_path):
    path = tmp_path / "quotes.db"
    first = build(folder, path)
    assert (first.added, first.quotes) == (2, 2)

    again = build(folder, path)
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 2)

    (folder / "harbour.txt").write_text(HARBOUR.replace("in June", "in July"))
    (folder / "ferry.txt").unlink()
    (folder / "pier.jsonl").write_text(json.dumps({"title": "Pier repairs", "body": PIER}) + "\n")
    report = build(folder, path)
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 0)
    assert rows(path) == ([("harbour.txt", "We will open the port in July,", "Ada Quill"),
                           ("pier.jsonl#1", "The pier is safe again,", "Rosa Lind")], [])


def test_bad_files_are_reported_and_stored_articles_kept(folder, tmp_path):
    path = tmp_path / "quotes.db"
    build(folder, path)
    before, _ = rows(path)
    (folder / "ferry.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 20)  # a stored article turns unreadable
    (folder / "empty.txt").write_text("")
    (folder / "broken.jsonl").write_text('{"body": "no end\n')
    (folder / "pier.txt").write_text(PIER)
    report = build(folder, path)
    quotes, errors = rows(path)
    assert [path for path, _ in errors] == ["broken.jsonl#1", "empty.txt", "ferry.txt"]
    assert [path for path, _ in report.errors] == [path for path, _ in errors]
    assert all(reason for _, reason in errors)
    assert set(before) < set(quotes)  # nothing stored was lost, the good new article was built
    assert ("pier.txt", "The pier is safe again,", "Rosa Lind") in quotes


def test_the_fingerprint_covers_code_rules_and_the_model_files(tmp_path):
    from quotedb.build import fingerprint

    (tmp_path / "rules").mkdir()
    (tmp_path / "model" / "attribution-9" / "cue").mkdir(parents=True)
    (tmp_path / "stage.py").write_text("X = 1\n")
    (tmp_path / "rules" / "verbs.txt").write_text("say\n")
    weights = tmp_path / "model" / "attribution-9" / "cue" / "model"
    weights.write_bytes(b"\x00\x01")
    (tmp_path / "notes.md").write_text("not extraction code\n")
    first = fingerprint(tmp_path, models=())
    (tmp_path / "notes.md").write_text("changed\n")
    assert fingerprint(tmp_path, models=()) == first
    for path, content in ((weights, b"\x00\x02"), (tmp_path / "rules" / "verbs.txt", b"tell\n"),
                          (tmp_path / "stage.py", b"X = 2\n")):
        before = fingerprint(tmp_path, models=())
        path.write_bytes(content)
        assert fingerprint(tmp_path, models=()) != before
