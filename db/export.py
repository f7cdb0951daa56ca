"""Exporting quotes, with speaker, article title, outlet and date, as CSV."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pandas as pd

from db import BadFilter, MissingDatabase, QuoteDbError

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


def export_csv(db_path: str | Path, csv_path: str | Path, *, speaker: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None,
               kind: str | None = None, min_confidence: float | None = None) -> int:
    """Write the quotes of the database that pass the filters as CSV; return how many.

    ``speaker`` matches part of a speaker's name or of any alias; ``since`` and
    ``until`` are inclusive ISO dates; ``min_confidence`` is between 0 and 1.
    """
    params = filter_params(speaker=speaker, outlet=outlet, since=since, until=until,
                           kind=kind, min_confidence=min_confidence)
    frame = read_quotes(Path(db_path), params)
    try:
        frame.to_csv(csv_path, index=False)
    except OSError as error:
        raise QuoteDbError(f"{csv_path}: cannot write ({error.strerror})") from error
    return len(frame)


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


def read_quotes(db_path: Path, params: dict) -> pd.DataFrame:
    """The filtered rows of ``quotes_view``; the database is opened read-only."""
    if not db_path.is_file():
        raise MissingDatabase(f"{db_path}: no such database file")
    try:
        with closing(sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            if not has_view(conn, "quotes_view"):
                raise MissingDatabase(f"{db_path}: not a quotedb database (no quotes_view)")
            return pd.read_sql_query(quotes_query(params), conn, params=params)
    except (sqlite3.DatabaseError, pd.errors.DatabaseError) as error:
        raise QuoteDbError(f"{db_path}: cannot read quotes ({error})") from error


def has_view(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the database has a view called ``name``."""
    row = conn.execute("select 1 from sqlite_master where type = 'view' and name = ?", [name]).fetchone()
    return row is not None
