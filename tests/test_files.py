"""The files of an articles folder: links, special files, size limits, names, unreadable folders (no spaCy)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from extract import files, sources
from extract.files import ArticleError

STORY = "Harbour reopens\n\n\"We are open,\" Mayor Ada Quill said.\n"


def write(path: Path, text: str = STORY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def reason(folder: Path, path: Path, settings: sources.Settings = sources.Settings()) -> str:
    with pytest.raises(ArticleError) as raised:
        sources.read_file(folder, path, settings)
    return raised.value.reason


# ---------------------------------------------------------------- links

def test_a_link_inside_the_folder_is_read(tmp_path):
    write(tmp_path / "news" / "a.txt")
    (tmp_path / "b.txt").symlink_to("news/a.txt")
    [article] = sources.read_file(tmp_path, tmp_path / "b.txt")
    assert (article.path, article.text) == ("b.txt", STORY)


def test_a_link_out_of_the_folder_is_not_read(tmp_path):
    secret = write(tmp_path / "private" / "secret.txt", "The password is swordfish.")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "up.txt").symlink_to("../private/secret.txt")
    for name in ("passwd.txt", "up.txt"):
        assert reason(folder, folder / name) == "a link to a file outside the articles folder: not read"
    [article] = sources.read_file(folder, folder / "up.txt", sources.Settings(outside_links=True))
    assert article.text == "The password is swordfish."


def test_a_folder_reached_through_a_link_is_not_left(tmp_path):
    write(tmp_path / "private" / "secret.txt")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "elsewhere").symlink_to(tmp_path / "private", target_is_directory=True)
    assert sources.article_files(folder) == []  # links to folders are not followed


@pytest.mark.parametrize("make, expected", [
    (lambda folder: (folder / "a.txt").symlink_to("a.txt"), "cannot read (a loop of links)"),
    (lambda folder: (folder / "a.txt").symlink_to("missing.txt"), "cannot read (No such file or directory)"),
], ids=["loop", "dangling"])
def test_broken_links_are_reported(tmp_path, make, expected):
    make(tmp_path)
    assert reason(tmp_path, tmp_path / "a.txt") == expected


# ---------------------------------------------------------------- special and large files

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_skipped_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it to read would wait for a writer forever
    assert reason(tmp_path, tmp_path / "pipe.txt") == "not a regular file (a named pipe)"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_never_read_even_through_an_allowed_link(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    assert reason(tmp_path, tmp_path / "zero.txt") == "a link to a file outside the articles folder: not read"
    allowed = sources.Settings(outside_links=True)
    assert reason(tmp_path, tmp_path / "zero.txt", allowed) == "not a regular file (a character device)"


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    path = write(tmp_path / "a.txt", "x" * 2_000)
    assert reason(tmp_path, path, sources.Settings(max_bytes=1_000)) == \
        "too large (0.0 MB; the limit is 0.001 MB)"


def test_reading_stops_at_the_limit_when_the_file_grows(tmp_path, monkeypatch):
    path = write(tmp_path / "a.txt", "x" * 10)
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda handle: os.stat_result(
        (*real_fstat(handle)[:6], 5, *real_fstat(handle)[7:])))  # it had 5 bytes when it was looked at
    with pytest.raises(ArticleError, match="too large"):
        files.read_bytes(tmp_path, path, max_bytes=8)


# ---------------------------------------------------------------- names

@given(st.binary(min_size=1, max_size=40).filter(lambda name: b"\0" not in name and b"/" not in name))
def test_escaped_names_are_printable_and_give_the_bytes_back(raw):
    name = files.escape_name(os.fsdecode(raw))
    name.encode("utf-8")  # storable and printable: no surrogates
    assert name.isprintable()
    assert files.unescape_name(name) == raw


@pytest.mark.parametrize("raw, expected", [
    (b"caf\xe9.txt", "caf\\xe9.txt"),
    ("café.txt".encode(), "café.txt"),
    (b"bell\x07\nname.txt", "bell\\x07\\x0aname.txt"),
    (b"back\\slash.txt", "back\\\\slash.txt"),
    ("c1\u009b.txt".encode(), "c1\\u009b.txt"),
], ids=["latin-1-byte", "utf-8", "controls", "backslash", "c1-control"])
def test_escaped_names(raw, expected):
    assert files.escape_name(os.fsdecode(raw)) == expected


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_a_file_whose_name_is_not_utf8_is_read_under_its_escaped_name(tmp_path):
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(STORY)
    [article] = sources.read_folder(tmp_path).articles
    assert article.path == "caf\\xe9.txt"


# ---------------------------------------------------------------- folders

def test_an_unreadable_subfolder_is_reported_and_its_stored_articles_kept(tmp_path, unlistable):
    write(tmp_path / "a.txt")
    write(tmp_path / "locked" / "deep" / "b.txt")
    unlistable.add("locked")
    found = sources.read_folder(tmp_path)
    assert [a.path for a in found.articles] == ["a.txt"]
    assert found.errors == [("locked/", "cannot list the folder (Permission denied)")]
    assert found.unread("locked/deep/b.txt") and found.unread("locked/c.jsonl#2")
    assert not found.unread("a.txt") and not found.unread("lockedout.txt")


def test_an_unreadable_articles_folder_is_an_error(tmp_path, unlistable):
    unlistable.add(tmp_path.name)
    with pytest.raises(ArticleError, match=r"cannot list the folder \(Permission denied\)"):
        sources.read_folder(tmp_path)


def test_a_folder_with_bad_files_and_records_reads_the_rest(tmp_path):
    write(tmp_path / "a.txt")
    write(tmp_path / "b.jsonl", '{"text": "One."}\n{"text": \n{"text": "Three."}\n')
    write(tmp_path / "c.json", "[" * 50_000 + "]" * 50_000)
    (tmp_path / "d.txt").write_bytes(b"")
    found = sources.read_folder(tmp_path)
    assert [a.path for a in found.articles] == ["a.txt", "b.jsonl#1", "b.jsonl#3"]
    assert [name for name, _ in found.errors] == ["b.jsonl#2", "c.json", "d.txt"]
    assert found.unread("b.jsonl#2") and found.unread("c.json#4") and not found.unread("b.jsonl#1")


def test_a_reader_that_fails_unexpectedly_fails_only_its_file(tmp_path, monkeypatch):
    write(tmp_path / "a.txt")
    write(tmp_path / "b.csv", "title,text\nA,One.\n")

    def broken(source):
        raise KeyError("a reader bug")

    monkeypatch.setitem(sources.READERS, ".csv", broken)
    found = sources.read_folder(tmp_path)
    assert [a.path for a in found.articles] == ["a.txt"]
    assert found.errors == [("b.csv", "cannot read (KeyError: 'a reader bug')")]


def test_an_unpaired_surrogate_in_json_becomes_a_replacement_character(tmp_path):
    write(tmp_path / "a.jsonl", '{"text": "Half \\ud800 a pair.", "title": "\\udfff"}\n')
    [article] = sources.read_folder(tmp_path).articles
    assert (article.text, article.title) == ("Half \ufffd a pair.", "\ufffd")
    article.text.encode("utf-8")
