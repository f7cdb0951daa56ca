"""Exporting quotes, with speaker, article title, outlet and date, as CSV.

The file is made for spreadsheets unless told otherwise: UTF-8 with a
byte-order mark (which Excel needs to read UTF-8), and every text cell
that a spreadsheet would take for a formula (it starts with ``= + - @``, a
tab or a carriage return) starts with an apostrophe, as OWASP recommends
against CSV injection. Numbers are written as numbers (ids as integers),
empty values as empty cells. Rows are streamed from the database to a
temporary file that takes the place of the CSV file only when complete;
an export never writes over the database or any SQLite file.
"""
from __future__ import annotations

import csv
import os
import secrets
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from datetime import date
from pathlib import Path

from db import BadFilter, MissingDatabase, QuoteDbError
from db.store import SQLITE_HEADER

KINDS = ("direct", "mixed", "indirect")

# Each filter is a condition on ``quotes_view`` with a parameter of the same name.
CONDITIONS = {
    "speaker": "(speaker like :speaker escape '\\' or speaker_id in"
               " (select speaker_id from speaker_aliases where alias like :speaker escape '\\'))",
    "outlet": "outlet = :outlet collate nocase",
    "since": "substr(published, 1, 10) >= :since",
    "until": "substr(published, 1, 10) <= :until",
    "kind": "kind = :kind",
    "min_confidence": "confidence >= :min_confidence",
}

ORDER = "order by published is null, published, article_id, id"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATABASE_COMPANIONS = ("", "-journal", "-wal", "-shm")  # files SQLite keeps beside a database


def export_csv(db_path: str | Path, csv_path: str | Path, *, speaker: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None,
               kind: str | None = None, min_confidence: float | None = None,
               escape_formulas: bool = True, bom: bool = True) -> int:
    """Write the quotes of the database that pass the filters as CSV; return how many.

    ``speaker`` matches part of a speaker's name or of any alias; ``since`` and
    ``until`` are inclusive ISO dates; ``min_confidence`` is between 0 and 1.
    ``escape_formulas`` and ``bom`` make the file safe and readable in
    spreadsheets; analysis tools may want both off.
    """
    params = filter_params(speaker=speaker, outlet=outlet, since=since, until=until,
                           kind=kind, min_confidence=min_confidence)
    db_path, csv_path = Path(db_path), Path(csv_path)
    check_target(db_path, csv_path)
    with closing(open_quotes(db_path)) as conn:
        try:
            cursor = conn.execute(quotes_query(params), params)
            columns = [column[0] for column in cursor.description]
            rows = (neutralised(row) for row in cursor) if escape_formulas else cursor
            return write_csv(csv_path, columns, rows, bom=bom)
        except sqlite3.DatabaseError as error:
            raise QuoteDbError(f"{db_path}: cannot read quotes ({error})") from error


def check_target(db_path: Path, csv_path: Path) -> None:
    """Refuse a CSV path that is the database, one of SQLite's files beside it, a SQLite file or a folder."""
    if not csv_path.parent.is_dir():
        raise QuoteDbError(f"{csv_path}: cannot write (no such folder {csv_path.parent})")
    if csv_path.is_dir():
        raise QuoteDbError(f"{csv_path}: cannot write (it is a folder)")
    target = csv_path.resolve()
    if any(target == Path(f"{db_path.resolve()}{suffix}") for suffix in DATABASE_COMPANIONS):
        raise QuoteDbError(f"{csv_path}: refusing to write the CSV over the database; choose another --csv")
    if is_sqlite(csv_path):
        raise QuoteDbError(f"{csv_path}: refusing to write the CSV over a SQLite database; choose another --csv")


def is_sqlite(path: Path) -> bool:
    """Whether ``path`` is an existing SQLite database file."""
    try:
        with open(path, "rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def neutralised(row: tuple) -> tuple:
    """The row with an apostrophe before every text cell a spreadsheet would run as a formula."""
    return tuple(f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value
                 for value in row)


def write_csv(csv_path: Path, columns: list[str], rows: Iterable[tuple], *, bom: bool) -> int:
    """Write a header and the rows to ``csv_path`` through a temporary file; the number of rows."""
    temp = csv_path.with_name(f".{csv_path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
    count = 0
    try:
        with open(temp, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(columns)
            for row in rows:
                writer.writerow(row)
                count += 1
        os.replace(temp, csv_path)
    except OSError as error:
        raise QuoteDbError(f"{csv_path}: cannot write ({error.strerror})") from error
    finally:
        temp.unlink(missing_ok=True)
    return count


def filter_params(**filters) -> dict:
    """The SQL parameters of the filters that are set, checked."""
    params = {name: value for name, value in filters.items() if value is not None}
    for name in ("since", "until"):
        if name in params:
            params[name] = checked_date(name, params[name])
    if "kind" in params and params["kind"] not in KINDS:
        raise BadFilter(f"kind must be one of {', '.join(KINDS)}, not {params['kind']!r}")
    if "min_confidence" in params:
        params["min_confidence"] = checked_confidence(params["min_confidence"])
    if "speaker" in params:
        params["speaker"] = contains_pattern(params["speaker"])
    return params


def checked_date(name: str, value: str) -> str:
    """``value`` if it is an ISO date (YYYY-MM-DD)."""
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError as error:
        raise BadFilter(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from error


def checked_confidence(value) -> float:
    """``value`` as a number between 0 and 1."""
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise BadFilter(f"min_confidence must be a number, not {value!r}") from error
    if not 0 <= number <= 1:
        raise BadFilter(f"min_confidence must be between 0 and 1, not {number}")
    return number


def contains_pattern(text: str) -> str:
    """A LIKE pattern (escaped with backslash) matching any text that contains ``text``."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def quotes_query(params: dict) -> str:
    """The SELECT over ``quotes_view`` for these filter parameters."""
    conditions = [CONDITIONS[name] for name in params]
    where = f" where {' and '.join(conditions)}" if conditions else ""
    return f"select * from quotes_view{where} {ORDER}"


def open_quotes(db_path: Path) -> sqlite3.Connection:
    """A read-only connection to a quotedb database (it has ``quotes_view``)."""
    if db_path.is_dir():
        raise MissingDatabase(f"{db_path}: is a folder, not a database file")
    if not db_path.is_file():
        raise MissingDatabase(f"{db_path}: no such database file")
    conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        if has_view(conn, "quotes_view"):
            return conn
    except sqlite3.DatabaseError as error:
        conn.close()
        raise QuoteDbError(f"{db_path}: cannot read quotes ({error})") from error
    conn.close()
    raise MissingDatabase(f"{db_path}: not a quotedb database (no quotes_view)")


def has_view(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the database has a view called ``name``."""
    row = conn.execute("select 1 from sqlite_master where type = 'view' and name = ?", [name]).fetchone()
    return row is not None
