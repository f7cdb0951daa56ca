"""Reading articles from disk: files in a folder -> ``Article`` records.

Formats, chosen by suffix:

- ``.txt`` and ``.md``: one article per file. The text is the file decoded
  exactly (UTF-8, else the encoding charset-normalizer detects), with only a
  byte-order mark removed, so that every character offset indexes into it.
  A Markdown file may start with ``---`` front matter (``title: ...``).
- ``.jsonl`` (or ``.ndjson``): one JSON object per line; ``.json``: one object
  or a list of objects; ``.csv``: one article per row under a header row.
  Fields are mapped by name (``FIELDS``); each record is its own article,
  ``path#N`` with N its 1-based number in the file, and its sha256 is of the
  record's own content so that changing one record re-processes only it.
- ``.html`` and ``.htm``: main text and metadata found by trafilatura.

Metadata missing from the structured fields is read from the text's header
(``text_metadata``), and left ``None`` rather than guessed:

- ``title``: the first header line that looks like a headline, after a
  site-name line and section labels (``rules/sections.txt``); as written.
- ``dateline``: the place opening the dateline paragraph, as written
  ("ORLAND, March 3. /AGENCY/." gives "ORLAND").
- ``outlet``: a site-name first line, else the agency of the dateline
  ("/AGENCY/.", "PLACE, DATE, AGENCY:", "PLACE (AGENCY) -"), as written.
- ``published``: ISO ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM`` when a time is
  given, from a date line in the header ("World March 03, 2024, 18:20").
  Failing that, from the dateline's month and day, but only when the year
  is stated too: in the dateline itself or as the same month and day with a
  year elsewhere in the text. Time zones are dropped: times stay as written.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from itertools import islice
from pathlib import Path

import charset_normalizer

from extract import files, lexicon, markup, metadata
from extract.files import ArticleError
from extract.pipeline import MAX_SECONDS
from extract.records import Article

HEADER_LINES = 12  # non-empty lines searched for title, date line and dateline
MAX_TITLE_WORDS = 30
TEASER_LABEL_WORDS = 4  # the label before a teaser link: "READ MORE:", "Trending in Sports:"
LEGACY_ENCODING = "cp1252"  # preferred when detection finds it about as good as its best guess
CHAOS_MARGIN = 0.1

FIELDS = {
    "text": ("text", "body", "content", "maintext"),
    "title": ("title", "headline"),
    "published": ("date", "published", "date_publish", "publish_date"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "source_domain", "publisher", "media_name"),
}
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
WIDE_ENCODINGS = ("utf_32_le", "utf_32_be", "utf_16_le", "utf_16_be")
SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL = frozenset(chr(code) for code in range(32)) - set("\t\n\r\f\v")

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july",
               "august", "september", "october", "november", "december")
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)}
MONTHS |= {name[:3]: number for name, number in list(MONTHS.items())} | {"sept": 9}
MONTH = r"(?:%s)\b\.?" % "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
STAMP_WORD = r"(?:(?:first|last)\s+)?(?:published|updated|posted|modified|dated?)(?:\s+(?:on|at))?"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
MONTH_DAY = rf"(?:{MONTH}\s+{DAY}|{DAY}\s+{MONTH})"
FULL_DATE = rf"(?:{MONTH_DAY},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
ZONE = r"(?:[a-z]{2,5}|(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?)"

DATE_LINE = re.compile(
    rf"^(?:(?P<prefix>[^\d\n]{{0,40}}?)[\s:,|]+)?(?P<date>{FULL_DATE})"
    rf"(?:[\s,|]+(?:at\s+)?(?P<time>{TIME}))?(?:\s+{ZONE})?\s*$", re.I)
ISO_STAMP = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?"
    r"\s*(?:z|utc|[+-]\d{2}:?\d{2})?\s*$", re.I)

PLACE = r"(?P<place>[^\W\d_][\w.'’-]*(?:\s[^\W\d_][\w.'’-]*){0,3}?)"
REGION = r"(?P<region>[^\W\d_][\w.'’-]*(?:\s[^\W\d_][\w.'’-]*)?)"
DATELINE_DATE = rf"(?P<date>{MONTH_DAY}(?:,?\s+\d{{4}})?)"
DATELINES = (  # (pattern, whether the place must be in capitals)
    # ORLAND, March 3. /AGENCY/.
    (re.compile(rf"^{PLACE}(?:,\s+{DATELINE_DATE})?\.?\s+/(?P<agency>[^/\n]{{1,40}})/", re.I), False),
    # VESSNA, MARCH 4, AGENCY:
    (re.compile(rf"^{PLACE},\s+{DATELINE_DATE},\s+(?P<agency>[^\W\d_][\w&.' -]{{0,40}}?)\s*:", re.I), False),
    # KYIV, Feb 12 (Agency) -   /   DES MOINES, Iowa (AP) —
    (re.compile(rf"^{PLACE}(?:,\s+{REGION})?(?:,\s+{DATELINE_DATE})?\s*\((?P<agency>[^()\n]{{1,40}})\)\s*[-–—―]", re.I), False),
    # KESSARY — ...   /   PORT ELLEN, March 3 — ...
    (re.compile(rf"^{PLACE}(?:,\s+{REGION})?(?:,\s+{DATELINE_DATE})?\s+[-–—―]{{1,2}}\s", re.I), True),
)
DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)
RULE_LINE = re.compile(r"^[-=_*#~\s]+$")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
FRONT_MATTER = markup.FRONT_MATTER


@dataclass(frozen=True)
class Dateline:
    """What the opening dateline of an article states."""

    place: str
    agency: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None


# Files ---------------------------------------------------------------------

@dataclass(frozen=True)
class Settings:
    """How the files of a folder are read."""

    max_bytes: int = files.MAX_BYTES  # a larger file is skipped and reported
    outside_links: bool = False  # also read the files that links point to outside the folder
    encoding: str | None = None  # of the files that are not UTF-8 (None: detected)
    seconds: float = MAX_SECONDS  # the time limit of reading one file apart (see read_folder), as of an article


@dataclass(frozen=True)
class Source:
    """One file to read: where it is, the name its articles are stored under, its bytes."""

    path: Path
    name: str
    data: bytes
    encoding: str | None = None  # declared for files that are not UTF-8

    def text(self) -> str:
        """The file's text (see ``decode``)."""
        return decode(self.path, self.data, self.encoding)


@dataclass(frozen=True)
class BadRecord:
    """A record of a file that cannot be read as an article; the file's other records are read."""

    name: str  # "file.jsonl#3"
    reason: str


@dataclass
class Folder:
    """What reading a folder found: the articles, and what could not be read and why."""

    articles: list[Article]
    errors: list[tuple[str, str]]  # (name, reason): files, records ("file#3") and subfolders ("dir/")

    @cached_property
    def failed(self) -> set[str]:
        """The names of the files, records and folders that could not be read."""
        return {name for name, _ in self.errors}

    def add(self, items: list[Article | BadRecord]) -> None:
        """Add the articles and bad records of one file."""
        self.articles.extend(item for item in items if isinstance(item, Article))
        self.errors.extend((item.name, item.reason) for item in items if isinstance(item, BadRecord))

    def unread(self, name: str) -> bool:
        """Whether the stored article ``name`` sits in a file, record or folder that could not be read.

        Such an article is kept as it was stored, not deleted.
        """
        failed = self.failed
        file = name.split("#")[0]
        folders = (file[:end + 1] for end, char in enumerate(file) if char == "/")
        return name in failed or file in failed or any(folder in failed for folder in folders)


Apart = Callable[[list[Source]], Iterable[tuple[str, "list[Article | BadRecord] | ArticleError"]]]


def read_folder(folder: str | os.PathLike, settings: Settings = Settings(), *, apart: Apart | None = None) -> Folder:
    """Every readable article below ``folder``, and every file, record and subfolder that failed.

    One bad file, record or subfolder never stops the others; an unexpected
    failure of a reader is reported like any other. With ``apart``, the
    files whose readers run compiled code that a hostile file can stall
    (``READ_APART``: HTML) are given to it to read, and it answers the name
    and the articles (or the error) of each: ``quotedb.engines.read_apart``
    reads them in a worker process that is killed when one runs over its time.
    """
    folder = Path(folder)
    found, set_aside = Folder([], []), []
    for path in files.walk(folder, is_article_file, found.errors):
        try:
            source = source_of(folder, path, settings)
            if apart is not None and path.suffix.lower() in READ_APART:
                set_aside.append(source)
            else:
                found.add(completed(folder, path, read_source(source)))
        except ArticleError as error:
            found.errors.append((files.name_of(folder, path), error.reason))
        except Exception as error:  # a reader's own bug: reported as this file's error, the others go on
            reason = files.escape_name(f"cannot read ({type(error).__name__}: {error})")
            found.errors.append((files.name_of(folder, path), reason))
    paths = {source.name: source.path for source in set_aside}
    for name, outcome in apart(set_aside) if set_aside else ():
        try:
            if isinstance(outcome, ArticleError):
                raise outcome
            found.add(completed(folder, paths[name], outcome))
        except ArticleError as error:
            found.errors.append((name, error.reason))
    found.errors.sort()
    return found


def completed(folder: Path, path: Path, items: list[Article | BadRecord]) -> list[Article | BadRecord]:
    """The articles of one file with what metadata tables and the file's path say (``metadata.complete``)."""
    articles = iter(metadata.complete(folder, path, [item for item in items if isinstance(item, Article)]))
    return [next(articles) if isinstance(item, Article) else item for item in items]


def article_files(folder: str | os.PathLike) -> list[Path]:
    """Every supported file below ``folder``, sorted, hidden files and folders skipped."""
    return files.walk(Path(folder), is_article_file, [])


def is_article_file(name: str) -> bool:
    """A file read as articles: supported, and no metadata table."""
    return is_supported(name) and not metadata.is_table(name)


def is_supported(name: str) -> bool:
    """Whether a file name has a suffix this module reads."""
    return Path(name).suffix.lower() in READERS


def read_file(folder: str | os.PathLike, path: str | os.PathLike,
              settings: Settings = Settings()) -> list[Article | BadRecord]:
    """The articles held by one file of ``folder``, and its records that cannot be read.

    Raises ``ArticleError`` when the file as a whole cannot be read.
    """
    folder, path = Path(folder), Path(path)
    return completed(folder, path, read_source(source_of(folder, path, settings)))


def source_of(folder: Path, path: Path, settings: Settings) -> Source:
    """A supported file of ``folder``, read (see ``files.read_bytes``); raises ``ArticleError``."""
    if path.suffix.lower() not in READERS:
        raise ArticleError(path, f"unsupported file type {path.suffix!r}")
    data = files.read_bytes(folder, path, max_bytes=settings.max_bytes, outside_links=settings.outside_links)
    return Source(path, files.name_of(folder, path), data, settings.encoding)


def read_source(source: Source) -> list[Article | BadRecord]:
    """The articles and bad records of a file read by the reader of its suffix; raises ``ArticleError``."""
    try:
        return READERS[source.path.suffix.lower()](source)
    except RecursionError:
        raise ArticleError(source.path, "nested too deeply") from None


def file_reader(budget) -> Callable[[Source], tuple[str, list[Article | BadRecord] | ArticleError]]:
    """Read one file at a time (the task of a worker process reading apart, see ``read_folder``)."""
    def read(source: Source) -> tuple[str, list[Article | BadRecord] | ArticleError]:
        try:
            return source.name, read_source(source)
        except ArticleError as error:
            return source.name, error

    return read


def sha256(data: bytes) -> str:
    """The hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def record_sha256(record: object) -> str:
    """The hash of one record's content, independent of key order."""
    return sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf8", "surrogatepass"))


# Decoding --------------------------------------------------------------------

def decode(path: Path, data: bytes, encoding: str | None = None) -> str:
    """The text of a file.

    BOM-marked, else UTF-16 or UTF-32 without a BOM when it has zero bytes
    and fits one of them, else UTF-8, else ``encoding`` when it is given, else the
    encoding that fits best (``detected_text``).
    """
    for bom, bom_encoding in BOMS:
        if data.startswith(bom):
            try:
                return checked_text(path, data[len(bom):].decode(bom_encoding))
            except UnicodeDecodeError:
                raise ArticleError(path, f"invalid {bom_encoding} text after its byte-order mark") from None
    if b"\0" in data:
        text = wide_text(data)
        if text is None:
            raise ArticleError(path, "binary file (contains NUL bytes)")
        return checked_text(path, text)
    try:
        return checked_text(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if encoding is not None:
        try:
            return checked_text(path, data.decode(encoding))
        except UnicodeDecodeError as error:
            raise ArticleError(path, f"not {encoding} text (byte {error.start})") from None
    return checked_text(path, detected_text(path, data))


def wide_text(data: bytes) -> str | None:
    """The text of UTF-16 or UTF-32 bytes without a byte-order mark, or None for other data."""
    match = charset_normalizer.from_bytes(data, cp_isolation=list(WIDE_ENCODINGS)).best()
    return None if match is None else str(match)


def detected_text(path: Path, data: bytes) -> str:
    """Decode non-UTF-8 bytes with the encoding charset-normalizer finds.

    Short Western texts fit several code pages equally well; cp1252, the
    usual one for such news text, wins unless it fits clearly worse. Among
    those code pages it is Latin-9 (ISO-8859-15) that news written with a
    euro sign in byte 0xA4 uses: read as cp1252 the sign would be the
    currency sign ``¤``, which prose does not use.
    """
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ArticleError(path, "cannot decode (not UTF-8, and no encoding fits)")
    legacy = charset_normalizer.from_bytes(data, cp_isolation=[LEGACY_ENCODING]).best()
    if legacy is None or legacy.chaos > best.chaos + CHAOS_MARGIN:
        return str(best)
    if b"\xa4" in data and not any(0x80 <= byte <= 0x9F for byte in data):  # no cp1252-only characters
        return data.decode("iso-8859-15")
    return str(legacy)


def checked_text(path: Path, text: str) -> str:
    """The text, unless it is blank or looks like binary data."""
    if not text.strip():
        raise ArticleError(path, "no text (only whitespace)")
    sample = text[:10_000]
    if sum(char in CONTROL for char in sample) > len(sample) // 100:
        raise ArticleError(path, "binary file (control characters)")
    return text


# Readers, one per format -------------------------------------------------------
#
# A reader turns a ``Source`` into its articles. It raises ``ArticleError``
# when the file as a whole cannot be read; a record that cannot be read is
# a ``BadRecord`` in its answer, and the other records are read. Records are
# numbered by their place among the file's records (``file.jsonl#3``), bad
# ones included, so that mending one record renames none of the others.

def read_text(source: Source) -> list[Article]:
    """A plain-text or Markdown file: one article, its text exactly as decoded."""
    text = source.text()
    fields, start = front_matter(text) if source.path.suffix.lower() == ".md" else ({}, 0)
    return [make_article(source.name, text, sha256(source.data), fields, header_start=start)]


def read_json_lines(source: Source) -> list[Article | BadRecord]:
    """A JSON Lines file: one article per non-blank line."""
    lines = [(number, line) for number, line in enumerate(source.text().split("\n"), 1) if line.strip()]
    found = []
    for index, (number, line) in enumerate(lines, 1):
        name, where = f"{source.name}#{index}", f"line {number}"
        try:
            record = parse_json(source.path, line, where)
            found.append(record_article(source.path, name, record, sha256(line.rstrip("\r").encode("utf8")), where))
        except ArticleError as error:
            found.append(BadRecord(name, error.reason))
    return found


def read_json(source: Source) -> list[Article | BadRecord]:
    """A JSON file holding one article object or a list of them."""
    value = parse_json(source.path, source.text())
    if isinstance(value, dict):
        return [record_article(source.path, source.name, value, sha256(source.data), "the object")]
    if not isinstance(value, list):
        raise ArticleError(source.path, "not a JSON object or list of objects")
    found = []
    for number, record in enumerate(value, 1):
        name, where = f"{source.name}#{number}", f"record {number}"
        try:
            found.append(record_article(source.path, name, record, record_sha256(record), where))
        except ArticleError as error:
            found.append(BadRecord(name, error.reason))
    return found


def parse_json(path: Path, text: str, where: str | None = None) -> object:
    """The value of a JSON text; ``where`` ("line 3") names it in errors."""
    prefix = f"{where}: " if where else ""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        at = "" if where else f"line {error.lineno}: "
        raise ArticleError(path, f"{prefix}invalid JSON ({at}{error.msg})") from None
    except RecursionError:
        raise ArticleError(path, f"{prefix}nested too deeply") from None


def read_csv(source: Source) -> list[Article | BadRecord]:
    """A CSV file with a header row: one article per row."""
    text = source.text()
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [column.strip() for column in next(rows, [])]
    except csv.Error as error:
        raise ArticleError(source.path, f"invalid CSV (line {rows.line_num}: {error})") from None
    if not any(column.lower() in FIELDS["text"] for column in header):
        raise ArticleError(source.path, f"no text column (one of {', '.join(FIELDS['text'])})")
    found = []
    for row in csv_rows(rows):
        name = f"{source.name}#{len(found) + 1}"
        try:
            found.append(csv_article(source, name, header, row, rows.line_num))
        except ArticleError as error:
            found.append(BadRecord(name, error.reason))
    return found


def csv_rows(rows) -> Iterator[list[str] | csv.Error]:
    """The non-blank rows of a CSV reader, and in place of each row that is not valid CSV its error."""
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield error
            continue
        if any(cell.strip() for cell in row):
            yield row


def csv_article(source: Source, name: str, header: list[str], row: list[str] | csv.Error, line: int) -> Article:
    """The article of one CSV row."""
    if isinstance(row, csv.Error):
        raise ArticleError(source.path, f"invalid CSV (line {line}: {row})")
    if len(row) != len(header):
        raise ArticleError(source.path, f"line {line}: {len(row)} fields, the header has {len(header)}")
    record = dict(zip(header, row))
    return record_article(source.path, name, record, record_sha256(record), f"line {line}")


def read_html(source: Source) -> list[Article]:
    """An HTML page: its main text and metadata, as trafilatura finds them."""
    try:
        import trafilatura
    except ImportError:
        raise ArticleError(source.path, "reading HTML needs trafilatura (pip install trafilatura)") from None
    page = trafilatura.bare_extraction(
        without_teasers(source.data), with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": False})
    if page is None or not (page.text or "").strip():
        raise ArticleError(source.path, "no article text found in the HTML")
    fields = {"title": page.title, "outlet": page.sitename, "published": page.date, "url": page.url}
    return [make_article(source.name, page.text, sha256(source.data), fields)]


def without_teasers(data: bytes):
    """The page, parsed, without paragraphs that only link to other pages, behind a label at most
    ("<p><b>Trending:</b> <a href=...>'Best night of my life': ...</a></p>", "READ MORE:").

    Their headlines quote people of other stories. A page trafilatura's
    parser cannot read is given back as it is.
    """
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        return data
    for block in [block for block in tree.iter("p", "li") if is_teaser(block)]:
        block.drop_tree()
    return tree


def is_teaser(block) -> bool:
    """Whether a paragraph is a link to another page and a short label before it, nothing else."""
    linked = " ".join(link.text_content() for link in block.iter("a")).split()
    words = block.text_content().split()
    label = words[:len(words) - len(linked)]
    return bool(linked) and len(label) <= TEASER_LABEL_WORDS and (not label or label[-1].endswith(":")) \
        and words[len(label):] == linked


READ_APART = frozenset({".html", ".htm"})  # libxml2 takes hours over some hostile pages

READERS = {
    ".txt": read_text,
    ".md": read_text,
    ".jsonl": read_json_lines,
    ".ndjson": read_json_lines,
    ".json": read_json,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}


# Records and fields --------------------------------------------------------------

def record_article(path: Path, name: str, record: object, digest: str, where: str) -> Article:
    """The article of one JSON object or CSV row."""
    if not isinstance(record, dict):
        raise ArticleError(path, f"{where}: not a JSON object")
    fields = {key.lower(): value for key, value in record.items()}
    text = next((fields[key] for key in FIELDS["text"] if isinstance(fields.get(key), str)
                 and fields[key].strip()), None)
    if text is None:
        raise ArticleError(path, f"{where}: no text (a non-empty {', '.join(FIELDS['text'])} field)")
    return make_article(name, paired(text), digest, record_fields(fields))


def paired(text: str) -> str:
    """The text with each unpaired surrogate (JSON allows ``"\\ud800"``; it is no character) made U+FFFD."""
    return SURROGATE.sub("\ufffd", text)


def record_fields(fields: dict[str, object]) -> dict[str, str | None]:
    """Title, published, url and outlet of a record, by field name (lower case)."""
    return {
        field: next(filter(None, (field_value(fields.get(key)) for key in names)), None)
        for field, names in FIELDS.items() if field != "text"
    }


def field_value(value: object) -> str | None:
    """A field as a clean string; ``{"name": ...}`` objects give their name."""
    if isinstance(value, dict):
        value = value.get("name")
    return paired(value.strip()) or None if isinstance(value, str) else None


def front_matter(text: str) -> tuple[dict[str, str | None], int]:
    """Fields of a Markdown file's ``---`` front matter, and where the body starts."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return {}, 0
    pairs = (line.split(":", 1) for line in match["body"].splitlines() if ":" in line)
    fields = {key.strip().lower(): value.strip().strip("'\"") for key, value in pairs}
    return record_fields(fields), match.end()


def make_article(name: str, text: str, digest: str, fields: dict[str, str | None],
                 *, header_start: int = 0) -> Article:
    """An article whose missing metadata is read from its text."""
    found = text_metadata(text[header_start:])
    published = iso_date(fields.get("published")) if fields.get("published") else None
    return Article(
        path=name, text=text, sha256=digest,
        title=fields.get("title") or found["title"],
        outlet=fields.get("outlet") or found["outlet"],
        published=published or found["published"],
        dateline=found["dateline"],
        url=fields.get("url"),
    )


# Metadata from the text's header ----------------------------------------------------

def text_metadata(text: str) -> dict[str, str | None]:
    """Title, outlet, published date and dateline place read from a text's first lines."""
    lines = header_lines(text)
    index, dateline = find_dateline(lines)
    head = lines[:index]
    site = site_name(head, dateline)
    stamp = next(filter(None, map(parse_date_line, head)), None)
    return {
        "title": title_of(head[1:] if site else head, single=len(lines) < 2),
        "outlet": site or (dateline.agency if dateline else None),
        "published": stamp or dateline_date(dateline, text),
        "dateline": dateline.place if dateline else None,
    }


def header_lines(text: str) -> list[str]:
    """The first non-empty lines of a text, stripped."""
    lines = (match.group().strip() for match in re.finditer(r"[^\r\n]+", text))
    return list(islice(filter(None, lines), HEADER_LINES))


def is_label(line: str) -> bool:
    """Whether a line is a section name or story label ("World", "All news")."""
    return line.strip(" :|").lower() in lexicon.entries("sections")


def title_of(head: list[str], *, single: bool = False) -> str | None:
    """The first line that is not a label or date line, if it looks like a headline."""
    if single:
        return None
    for line in head:
        if is_label(line) or RULE_LINE.match(line) or parse_date_line(line):
            continue
        title = MARKDOWN_HEADING.sub("", line).strip("*_ ")
        return title if looks_like_headline(title) else None
    return None


def looks_like_headline(line: str) -> bool:
    """Short enough for a headline and not the start of a list or a quote's lead-in."""
    return 0 < len(line.split()) <= MAX_TITLE_WORDS and not line.endswith(":")


def site_name(head: list[str], dateline: Dateline | None) -> str | None:
    """The first line when it names the site rather than the story.

    It does when it is the dateline's agency, a domain, a single word, or a
    short line followed by a section label.
    """
    if len(head) < 2:
        return None
    first, following = head[0], head[1]
    if is_label(first) or parse_date_line(first):
        return None
    if dateline and dateline.agency and same_name(first, dateline.agency):
        return first
    if len(first) > 40 or first[-1] in ".!?:;,\"'”’":
        return None
    words = len(first.split())
    return first if DOMAIN.match(first) or words == 1 or (words <= 3 and is_label(following)) else None


def same_name(one: str, other: str) -> bool:
    """Whether two names are the same but for case, spaces and punctuation."""
    def key(name: str) -> str:
        return re.sub(r"[\W_]+", "", name).lower()
    return key(one) == key(other)


# Datelines and dates ------------------------------------------------------------------

def find_dateline(lines: list[str]) -> tuple[int, Dateline | None]:
    """The index and content of the first dateline among the lines."""
    for index, line in enumerate(lines):
        dateline = parse_dateline(line)
        if dateline is not None:
            return index, dateline
    return len(lines), None


def parse_dateline(line: str) -> Dateline | None:
    """The dateline that opens a paragraph ("ORLAND, March 3. /AGENCY/. ..."), if any."""
    match = match_dateline(line)
    if match is None:
        return None
    month, day, year = date_parts(match["date"]) if match["date"] else (None, None, None)
    return Dateline(match["place"], clean_agency(match.groupdict().get("agency")), month, day, year)


def dateline_length(line: str) -> int:
    """How many characters the dateline opening a paragraph takes ("LONDON (Reuters) - "), 0 if none."""
    match = match_dateline(line)
    return match.end() if match else 0


def match_dateline(line: str) -> re.Match | None:
    """The first dateline pattern that matches the start of the line with a real place and agency."""
    for pattern, capitals in DATELINES:
        match = pattern.match(line)
        if match is None or not is_place(match["place"], capitals=capitals):
            continue
        if "agency" in match.groupdict() and clean_agency(match["agency"]) is None:
            continue
        return match
    return None


def is_place(text: str, *, capitals: bool) -> bool:
    """Whether a dateline's first words can be a place name."""
    if is_label(text) or not all(word[0].isupper() for word in text.split()):
        return False
    return text.isupper() or not capitals


def clean_agency(text: str | None) -> str | None:
    """An agency name from a dateline, or None when it does not look like one."""
    agency = (text or "").strip(" .")
    if not agency or not agency[0].isupper() or len(agency.split()) > 5:
        return None
    return agency


def date_parts(text: str) -> tuple[int | None, int | None, int | None]:
    """Month, day and year (or None) of "March 3", "3 Mar 2024", "2024-03-03"."""
    if match := re.match(r"(\d{4})-(\d{2})-(\d{2})$", text):
        year, month, day = map(int, match.groups())
        return month, day, year
    year = re.search(r"\b(\d{4})$", text)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", text)
    month = re.search(r"[a-z]{3,}", text, re.I)
    return (MONTHS.get(month.group().lower()) if month else None,
            int(day.group(1)) if day else None,
            int(year.group(1)) if year else None)


def iso(year: int | None, month: int | None, day: int | None,
        hour: int | None = None, minute: int | None = None) -> str | None:
    """An ISO date (or date and minute) when the parts make a real one."""
    if not (year and month and day):
        return None
    try:
        stamp = datetime(year, month, day, hour or 0, minute or 0)
    except ValueError:
        return None
    return stamp.strftime("%Y-%m-%dT%H:%M" if hour is not None else "%Y-%m-%d")


def parse_time(text: str | None) -> tuple[int | None, int | None]:
    """Hour (24-hour clock) and minute of "21:37" or "9.37 p.m."."""
    if not text:
        return None, None
    hour, minute = map(int, re.match(r"(\d{1,2})[:.](\d{2})", text).groups())
    meridiem = re.search(r"([ap])\.?m", text, re.I)
    if meridiem:
        hour = hour % 12 + (12 if meridiem.group(1).lower() == "p" else 0)
    return hour, minute


def parse_date_line(line: str) -> str | None:
    """The ISO date of a line that only states a date ("World March 03, 2024, 18:20")."""
    match = DATE_LINE.match(line)
    if match is None or not is_date_prefix(match["prefix"] or ""):
        return None
    month, day, year = date_parts(re.sub(r",", "", match["date"]))
    return iso(year, month, day, *parse_time(match["time"]))


def is_date_prefix(text: str) -> bool:
    """Whether words before a date make it a date line ("World", "Updated on Monday")."""
    text = text.strip(" :|,-–—")
    return not text or is_label(text) or bool(
        re.fullmatch(rf"(?:{STAMP_WORD})?[\s:,]*(?:{WEEKDAY})?", text, re.I))


def iso_date(value: str | None) -> str | None:
    """A structured date field ("2024-03-07T11:30:00Z", "March 7, 2024") as ISO."""
    if not value:
        return None
    match = ISO_STAMP.match(value)
    if match is None:
        return parse_date_line(value.strip())
    year, month, day, hour, minute = (int(part) if part else None for part in match.groups())
    return iso(year, month, day, hour, minute)


def dateline_date(dateline: Dateline | None, text: str) -> str | None:
    """The dateline's date, when the text states its year (else None: no guessing)."""
    if dateline is None or not (dateline.month and dateline.day):
        return None
    year = dateline.year or stated_year(text, dateline.month, dateline.day)
    return iso(year, dateline.month, dateline.day)


def stated_year(text: str, month: int, day: int) -> int | None:
    """The one year the text gives with this month and day ("March 3, 2024")."""
    years = {
        year for found in re.finditer(FULL_DATE, text, re.I)
        for found_month, found_day, year in [date_parts(re.sub(r",", "", found.group()))]
        if (found_month, found_day) == (month, day)
    }
    return years.pop() if len(years) == 1 else None
