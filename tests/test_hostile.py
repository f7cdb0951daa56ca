"""A folder of hostile inputs next to good articles: the build ends in time, stores every good article
and names every bad one with its reason (real model; the inputs are written here)."""
from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from quotedb.cli import cli

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 5  # the article budget of these builds
STOPPED = f"stopped after {SECONDS} s (the time limit of one article)"
PAGE_STOPPED = f"stopped after {SECONDS} s (the time limit of one file)"

GOOD = {  # name: the text of the direct quote its article holds
    "harbour.txt": ("Harbour to reopen\n\n\"We will open the port in June,\" Mayor Ada Quill said on Monday.\n",
                    "We will open the port in June,"),
    "ferry.md": ("---\ntitle: Ferry fares rise\n---\n\n\"Fares must go up,\" said ferry boss Tomas Brandt.\n",
                 "Fares must go up,"),
    "caf\udce9.txt": ("Cafe reopens\n\n\"We serve coffee again,\" owner Lea Roux said.\n", "We serve coffee again,"),
    "wide.txt": ("Bridge closed\n\n\"The bridge stays shut,\" engineer Rosa Lind said.\n", "The bridge stays shut,"),
}
STORED_AS = {"caf\udce9.txt": "caf\\xe9.txt"}
PATHOLOGICAL = {  # one paragraph full of quote marks: built within the budget, or stopped at it
    "one-paragraph.txt": "Smith said \"yes\" " * 12_500,  # 212,500 characters, 25,000 quote marks
    "quote-marks.txt": "\"" * 10_000,
    "short-quotes.txt": "Smith said \"yes\" " * 400,  # 6.8 kB
}


def write_good(folder: Path) -> None:
    for name, (text, _) in GOOD.items():
        data = text.encode("utf-16-le") if name == "wide.txt" else text.encode()  # UTF-16 without a BOM
        (folder / name).write_bytes(data)
    (folder / "feed.jsonl").write_text("\n".join([
        json.dumps({"title": "Pier", "text": "\"The pier is safe again,\" engineer Tom Ash said."}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"title": "Dock", "text": "\"The dock is busy,\" manager Ida Berg said."}),
    ]) + "\n")
    (folder / "rows.csv").write_text('title,text\nA,"""Rain is coming,"" forecaster Ola Nord said."\n'
                                     'B,"unclosed"quote\nC,"""Snow too,"" forecaster Ola Nord said."\n')


def write_hostile(folder: Path, outside: Path) -> dict[str, str]:
    """The bad inputs, and the reason each must be reported with."""
    secret = outside / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "fifo.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "dangling.txt").symlink_to("missing.txt")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" * 50)
    (folder / "empty.txt").write_text("")
    (folder / "huge.txt").write_text("word " * 300_000)  # 1.5 MB, over --max-file-mb 1
    (folder / "locked").mkdir()
    (folder / "locked" / "inside.txt").write_text(GOOD["harbour.txt"][0])
    for name, text in PATHOLOGICAL.items():
        (folder / name).write_text(text)
    attributes = " ".join(f"a{n}=x" for n in range(80_000))  # libxml2 compares each with all before it
    (folder / "attributes.html").write_text(f"<html><body><p {attributes}>Words.</p></body></html>")
    outside_link = "a link to a file outside the articles folder: not read"
    return {
        "passwd.txt": outside_link,
        "zero.txt": outside_link,
        "fifo.txt": "not a regular file (a named pipe)",
        "loop.txt": "cannot read (a loop of links)",
        "dangling.txt": "cannot read (No such file or directory)",
        "deep.json": "nested too deeply",
        "feed.jsonl#2": "line 2: nested too deeply",
        "rows.csv#2": "invalid CSV (line 3: ',' expected after '\"')",
        "binary.txt": "binary file (contains NUL bytes)",
        "empty.txt": "empty file",
        "huge.txt": "too large (1.5 MB; the limit is 1 MB)",
        "locked/": "cannot list the folder (Permission denied)",
    }


def test_a_hostile_folder_builds_next_to_good_articles(tmp_path, unlistable):
    folder, outside = tmp_path / "articles", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    write_good(folder)
    expected_errors = write_hostile(folder, outside)
    unlistable.add("locked")
    db = tmp_path / "quotes.db"
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db), "--workers", "2",
                                      "--article-seconds", str(SECONDS), "--max-file-mb", "1"])
    elapsed = time.monotonic() - started
    assert result.exit_code == 0, result.output
    assert elapsed < 120  # three articles stopped at 5 s, their workers replaced, the rest in seconds

    quotes = sqlite_utils.Database(db).query(
        "select a.path, q.text from quotes q join articles a on a.id = q.article_id where q.kind = 'direct'")
    stored = {(row["path"], row["text"]) for row in quotes}
    for name, (_, quote) in GOOD.items():
        assert (STORED_AS.get(name, name), quote) in stored
    assert {("feed.jsonl#1", "The pier is safe again,"), ("feed.jsonl#3", "The dock is busy,"),
            ("rows.csv#1", "Rain is coming,"), ("rows.csv#3", "Snow too,")} <= stored

    errors: dict[str, set[str]] = {}
    for row in sqlite_utils.Database(db)["build_errors"].rows:
        errors.setdefault(row["path"], set()).add(row["reason"])
    for name, reason in expected_errors.items():
        assert errors.pop(name) == {reason}
    paths = {row["path"] for row in sqlite_utils.Database(db).query("select path from articles")}
    for name in PATHOLOGICAL:  # built within the budget (perhaps with notes), or stopped at it
        reasons = errors.pop(name, set())
        assert name in paths and STOPPED not in reasons or name not in paths and reasons == {STOPPED}
    assert errors.pop("attributes.html", set()) <= {PAGE_STOPPED, "no article text found in the HTML"}
    assert errors == {}
    assert "root:x:0:0" not in json.dumps(list(sqlite_utils.Database(db)["articles"].rows))


def test_make_build_takes_any_article_path(tmp_path):
    folder = tmp_path / "it's: my articles"
    (folder / "a b: c").mkdir(parents=True)
    (folder / "a b: c" / "harbour: 1.txt").write_text(GOOD["harbour.txt"][0])
    db = tmp_path / "quotes: \"new\".db"
    result = subprocess.run(["make", "-s", "build", f"ARTICLES={folder}", f"DB={db}"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{db}: 1 added")
    [row] = sqlite_utils.Database(db).query("select path from articles")
    assert row["path"] == "a b: c/harbour: 1.txt"
