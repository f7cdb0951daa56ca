"""Article metadata from outside the text: dates in file paths and metadata tables.

``complete`` is applied by ``sources.read_articles`` to the articles of every
file it reads:

- A **metadata table** fills or overrides what the articles say. It is a
  file named ``metadata.csv`` or ``metadata.tsv`` in the articles folder or
  any folder below it (it applies to the files of its folder and below; the
  nearest table wins), or a file given with ``quotedb build --metadata FILE``
  (``extra_table``), which applies to every article. One row per article
  file, named in a column ``filename`` (or ``file``, ``path``, ``name``,
  ``id``) with or without its extension; its other columns are read by name
  (``COLUMNS``: ``title``, ``outlet`` or ``publisher``, ``published`` or
  ``publication_date`` or ``date``, ``url``). Empty cells change nothing.
  Tables are never read as articles (``is_table``).
- The **date in the path** (``nyt_2016-09-08_talks.txt``, ``20160908-talks.txt``,
  ``2016/09/08/talks.txt``) gives ``published`` to an article that has no
  date from its own fields, its text or a table.
"""
from __future__ import annotations

import contextlib
import contextvars
import csv
import dataclasses
import io
import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath

from extract.records import Article

TABLE_NAMES = ("metadata.csv", "metadata.tsv")
NAME_COLUMNS = ("filename", "file_name", "file", "path", "name", "id")
COLUMNS = {  # Article field -> the table columns giving it, in order of preference
    "title": ("title", "headline"),
    "outlet": ("outlet", "publisher", "source", "publication", "media_name", "source_domain"),
    "published": ("published", "publication_date", "published_date", "publish_date", "pub_date",
                  "date_publish", "date"),
    "url": ("url", "link"),
}
YEARS = range(1900, 2101)  # eight digits outside these years are not a date

FILE_DATE = re.compile(r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)")  # 2016-09-08, 20160908, 2016_09_08
FOLDER_DATE = re.compile(r"(?<!\d)(\d{4})/(\d{2})/(\d{2})(?=/)")  # 2016/09/08/talks.txt

_extra_tables: contextvars.ContextVar[tuple[Path, ...]] = contextvars.ContextVar("extra_tables", default=())


class TableError(Exception):
    """A metadata table that cannot be read."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclasses.dataclass(frozen=True)
class Table:
    """The rows of one metadata table by the file name they give, and where the table is."""

    folder: Path
    rows: dict[str, dict[str, str | None]]

    def row_for(self, names: list[str]) -> dict[str, str | None] | None:
        """The row of the first of ``names`` the table has, if any."""
        return next((self.rows[name] for name in names if name in self.rows), None)


# ---------------------------------------------------------------- completing articles

def complete(folder: str | Path, path: str | Path, articles: list[Article]) -> list[Article]:
    """The articles of the file ``path`` of ``folder``, with the metadata of tables and path."""
    folder, path = Path(folder), Path(path)
    try:
        tables = tables_for(folder, path)
    except TableError as error:
        from extract.sources import ArticleError  # sources imports this module

        raise ArticleError(path, str(error)) from error
    return [with_path_date(with_row(article, row_of(tables, folder, path, article))) for article in articles]


def row_of(tables: list[Table], folder: Path, path: Path, article: Article) -> dict[str, str | None] | None:
    """The row of the nearest table naming the article's file (or its record, ``file.jsonl#2``)."""
    record = article.path.partition("#")[2]
    for table in tables:
        base = table.folder if is_below(path, table.folder) else folder
        names = names_of(path.resolve().relative_to(base.resolve()).as_posix())
        row = table.row_for([f"{name}#{record}" for name in names] if record else names)
        if row is not None:
            return row
    return None


def names_of(relative: str) -> list[str]:
    """The names a table may give a file: its path, with and without extension, and its bare name."""
    path = PurePosixPath(relative)
    return list(dict.fromkeys([relative, str(path.with_suffix("")), path.name, path.stem]))


def with_row(article: Article, row: dict[str, str | None] | None) -> Article:
    """The article with the non-empty fields of a table row in place of its own."""
    fields = {field: value for field, value in (row or {}).items() if value}
    if "published" in fields:
        fields["published"] = parse_date(fields["published"]) or article.published
    return dataclasses.replace(article, **fields) if fields else article


def with_path_date(article: Article) -> Article:
    """The article dated from its path when nothing else dates it."""
    if article.published:
        return article
    found = date_from_path(article.path.partition("#")[0])
    return dataclasses.replace(article, published=found) if found else article


# ---------------------------------------------------------------- dates

def date_from_path(path: str) -> str | None:
    """The ISO date a relative path carries: in its file name first, else in its folders."""
    posix = PurePosixPath(path)
    for match in reversed(list(FILE_DATE.finditer(posix.name))):
        found = iso_date(match[1], match[3], match[4])
        if found:
            return found
    for match in reversed(list(FOLDER_DATE.finditer(path))):
        found = iso_date(*match.groups())
        if found:
            return found
    return None


def iso_date(year: str, month: str, day: str) -> str | None:
    """``YYYY-MM-DD`` when the parts make a real date in a plausible year."""
    if int(year) not in YEARS:
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_date(value: str) -> str | None:
    """A table's date as ISO: ``2016-09-08`` (or with a time), ``2016/09/08``, ``20160908``, ``Sept. 8, 2016``."""
    from extract.sources import iso_date as stamp  # sources imports this module

    value = value.strip()
    compact = re.fullmatch(r"(\d{4})[/.]?(\d{2})[/.]?(\d{2})", value)
    return iso_date(*compact.groups()) if compact else stamp(value)


# ---------------------------------------------------------------- tables

def is_table(name: str) -> bool:
    """Whether a file name is that of a metadata table (never read as articles)."""
    return name.lower() in TABLE_NAMES


@contextlib.contextmanager
def extra_table(path: str | Path | None) -> Iterator[None]:
    """Within the block, the table at ``path`` (if any) applies to every article read."""
    if path is None:
        yield
        return
    path = Path(path)
    if not path.is_file():
        raise TableError(path, "no such metadata table")
    token = _extra_tables.set((*_extra_tables.get(), path.resolve()))
    try:
        yield
    finally:
        _extra_tables.reset(token)


def tables_for(folder: Path, path: Path) -> list[Table]:
    """The tables that apply to a file, nearest first: in its folder and above, then the extra ones."""
    found = []
    for directory in folders_between(folder, path.parent):
        for name in TABLE_NAMES:
            table_path = directory / name
            if table_path.is_file():
                found.append(read_table(table_path.resolve(), table_path.stat().st_mtime_ns))
    found.extend(read_table(table, table.stat().st_mtime_ns) for table in _extra_tables.get())
    return found


def folders_between(folder: Path, directory: Path) -> list[Path]:
    """``directory`` and its parents up to ``folder``, innermost first."""
    folders = [directory]
    while is_below(folders[-1], folder) and folders[-1].resolve() != folder.resolve():
        folders.append(folders[-1].parent)
    return folders


def is_below(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or inside it."""
    return path.resolve().is_relative_to(folder.resolve())


@lru_cache(maxsize=64)
def read_table(path: Path, mtime_ns: int) -> Table:
    """The rows of a metadata table (read again when the file changes)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise TableError(path, f"cannot read the metadata table ({error})") from error
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = {column.strip().lower(): column for column in rows.fieldnames or ()}
    name_column = next((header[name] for name in NAME_COLUMNS if name in header), None)
    if name_column is None:
        raise TableError(path, f"no file name column (one of {', '.join(NAME_COLUMNS)})")
    fields = {field: [header[name] for name in names if name in header] for field, names in COLUMNS.items()}
    by_name = {}
    try:
        for row in rows:
            name = (row.get(name_column) or "").strip()
            if name:
                by_name[name] = {field: first_value(row, columns) for field, columns in fields.items()}
    except csv.Error as error:
        raise TableError(path, f"invalid table (line {rows.line_num}: {error})") from error
    return Table(path.parent, by_name)


def first_value(row: dict[str, str | None], columns: list[str]) -> str | None:
    """The first non-empty cell among ``columns``."""
    return next((value.strip() for column in columns if (value := row.get(column)) and value.strip()), None)
