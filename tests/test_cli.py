"""The command line, through click's CliRunner: options reach the library, errors come out as one clean line."""
import csv

import pytest
from click.testing import CliRunner

from quotedb.cli import cli


@pytest.fixture
def runner():
    return CliRunner()


def test_build_of_a_missing_folder_is_one_clean_error(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path / "nowhere"), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path / 'nowhere'}: no such folder of articles"


def test_a_scheduler_needs_the_dask_engine(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.output


def test_workers_must_be_positive(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path), "--workers", "0"])
    assert result.exit_code == 2
    assert "--workers" in result.output


def test_export_of_a_missing_database_is_one_clean_error(runner, tmp_path):
    result = runner.invoke(cli, ["export", str(tmp_path / "missing.db"), "--csv", str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "missing.db" in result.output
    assert not (tmp_path / "out.csv").exists()


def test_export_writes_the_filtered_quotes(runner, quotes_db_file, tmp_path):
    out = tmp_path / "smith.csv"
    result = runner.invoke(cli, ["export", str(quotes_db_file), "--csv", str(out), "--speaker", "Smith",
                                 "--kind", "direct"])
    assert result.exit_code == 0, result.output
    with open(out, newline="", encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    assert result.output.strip() == f"{out}: {len(rows)} quotes"
    assert {row["speaker"] for row in rows} == {"Jo Smith"} and {row["kind"] for row in rows} == {"direct"}


def test_an_unknown_kind_is_refused_before_anything_runs(runner, quotes_db_file, tmp_path):
    result = runner.invoke(cli, ["export", str(quotes_db_file), "--csv", str(tmp_path / "x.csv"), "--kind", "rumour"])
    assert result.exit_code == 2
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.model
def test_build_reports_what_it_did(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "port.txt").write_text("Port to reopen\n\n\"We will open the port in June,\" Mayor Ada Quill said.\n")
    (folder / "empty.txt").write_text("")
    db = tmp_path / "news.db"
    result = runner.invoke(cli, ["build", str(folder), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "error: empty.txt:" in result.output
    assert f"{db}: 1 added, 0 updated, 0 removed, 0 unchanged, 1 quotes, 1 errors in " in result.output
