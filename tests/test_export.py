"""quotedb export: spreadsheet-safe cells, integer ids, a byte-order mark, and never over a database."""
from __future__ import annotations

import csv
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner

from db import QuoteDbError, export
from db.export import export_csv
from quotedb.cli import cli

FORMULAS = ["=HYPERLINK(\"http://example.org\",\"click\")", "+1 for the harbour", "-2 degrees, she said",
            "@SUM(A1:A2)", "\tindented", "\rreturned"]


@pytest.fixture
def risky_db(quotes_db_file):
    """The sample database with quotes a spreadsheet would take for formulas, none of them attributed."""
    with sqlite_utils.Database(quotes_db_file) as db:
        db["quotes"].insert_all({"id": 100 + n, "article_id": 1, "text": text, "kind": "direct", "confidence": 0.5}
                                for n, text in enumerate(FORMULAS))
    return quotes_db_file


def read(path, encoding="utf-8-sig") -> list[dict]:
    with open(path, newline="", encoding=encoding) as file:
        return list(csv.DictReader(file))


def test_cells_a_spreadsheet_would_run_start_with_an_apostrophe(risky_db, tmp_path):
    export_csv(risky_db, tmp_path / "out.csv")
    texts = [row["text"] for row in read(tmp_path / "out.csv")]
    assert [text for text in texts if text.startswith("'")] == [f"'{text}" for text in FORMULAS]
    assert all(not text.startswith(("=", "+", "-", "@", "\t", "\r")) for text in texts)


def test_cells_are_written_exactly_when_asked(risky_db, tmp_path):
    export_csv(risky_db, tmp_path / "out.csv", escape_formulas=False, bom=False)
    assert (tmp_path / "out.csv").read_bytes().startswith(b"id,")
    texts = [row["text"] for row in read(tmp_path / "out.csv", encoding="utf-8")]
    assert set(FORMULAS) <= set(texts)


def test_the_file_starts_with_a_byte_order_mark(quotes_db_file, tmp_path):
    export_csv(quotes_db_file, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")


def test_ids_are_integers_where_some_quote_has_no_speaker(risky_db, tmp_path):
    export_csv(risky_db, tmp_path / "out.csv")
    rows = read(tmp_path / "out.csv")
    speaker_ids = {row["speaker_id"] for row in rows}
    assert "" in speaker_ids  # the quotes without a speaker
    assert all(value.isdigit() for value in speaker_ids - {""})
    assert all(row["id"].isdigit() and row["article_id"].isdigit() for row in rows)


def test_a_failed_export_leaves_the_old_file(quotes_db_file, tmp_path, monkeypatch):
    (tmp_path / "out.csv").write_text("the last export\n")
    rows = []

    def failing_on_the_third(row):
        rows.append(row)
        if len(rows) == 3:
            raise sqlite3.OperationalError("disk I/O error")
        return row

    monkeypatch.setattr(export, "neutralised", failing_on_the_third)
    with pytest.raises(QuoteDbError, match="disk I/O error"):
        export_csv(quotes_db_file, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_text() == "the last export\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv", "quotes.db"]


# ---------------------------------------------------------------- never over a database

def test_export_never_writes_over_the_database(quotes_db_file):
    before = quotes_db_file.read_bytes()
    result = CliRunner().invoke(cli, ["export", str(quotes_db_file), "--csv", str(quotes_db_file)])
    assert result.exit_code == 1
    assert "refusing to write the CSV over the database" in result.output
    assert quotes_db_file.read_bytes() == before


@pytest.mark.parametrize("target", ["link.csv", "quotes.db-wal", "other.db"])
def test_export_never_writes_over_a_database_or_its_files(quotes_db_file, target):
    folder = quotes_db_file.parent
    (folder / "link.csv").symlink_to(quotes_db_file)
    sqlite_utils.Database(folder / "other.db")["things"].insert({"id": 1})
    before = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    with pytest.raises(QuoteDbError, match="refusing to write the CSV over"):
        export_csv(quotes_db_file, folder / target)
    assert {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()} == before


def test_export_into_a_missing_folder_says_so_in_one_line(quotes_db_file, tmp_path):
    result = CliRunner().invoke(cli, ["export", str(quotes_db_file), "--csv", str(tmp_path / "no" / "out.csv")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'no' / 'out.csv'}: cannot write (no such folder {tmp_path / 'no'})\n"


@pytest.mark.parametrize("make, message", [
    (lambda path: path.write_text("not a database"), "cannot read quotes (file is not a database)"),
    (lambda path: path.mkdir(), "is a folder, not a database file"),
], ids=["text-file", "folder"])
def test_export_of_a_bad_database_says_so_in_one_line(tmp_path, make, message):
    make(tmp_path / "quotes.db")
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "quotes.db"), "--csv", str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and message in result.output
    assert not (tmp_path / "out.csv").exists()
