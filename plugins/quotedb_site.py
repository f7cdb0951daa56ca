"""Datasette plugin for quotedb: the quote explorer, for every quotedb database whatever its file name.

Loaded with ``datasette --plugins-dir plugins --template-dir templates``
(``make serve`` does this); the pages are ``templates/quotedb/``.

Any database name
    When the server starts, every served database that has quotedb's tables
    (``QUOTEDB_TABLES``) gets the settings of ``plugins.quotedb.database`` in
    datasette-metadata.json (descriptions, facets, full-text search, canned
    queries) and its own copy of each dashboard of ``plugins.quotedb.dashboards``
    (``/-/dashboards/<database>-<dashboard>``), through ``get_metadata``:
    ``make serve DB=mynews.db`` and several databases served together work
    as ``quotes.db`` does.

Pages, for a quotedb database ``db`` (``register_routes``)
    ``/db/search?q=``         the speakers whose names have the words, then the
                              quotes best matching them (bm25), matches marked
    ``/db/speakers/<id>``     a speaker: name, role, aliases, counts, first and
                              last quoted, quotes over time, their quotes newest first
    ``/db/articles/<id>``     an article: headline, outlet, date, and its text
                              with every quote marked and its speaker named
    ``/db/statements/<id>``   one statement: every article carrying it, by date
                              and outlet, with the differences of wording marked
    The last three are the row pages of those tables (their ``.json`` stays
    Datasette's); in other databases Datasette's row page answers.

Home and quote cards (``extra_template_vars``)
    The index and database pages open with a search box, the most quoted
    speakers and the latest statements; ``quotes_view`` shows each row as a
    quote card (the quote, then its speaker and headline as links).
"""
import difflib
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode
from weakref import WeakKeyDictionary

from datasette import hookimpl
from datasette.utils import path_with_replaced_args, tilde_decode
from datasette.utils.asgi import NotFound, Request, Response
from datasette.views.row import RowView

QUOTEDB_TABLES = {"articles", "quotes", "speakers", "statements"}
PAGE_SIZE = 50
TOP_SPEAKERS = 12
LATEST_STATEMENTS = 8
MATCHING_SPEAKERS = 6
MAX_SEARCH_PAGES = 20  # ranking a page far down costs as much as ranking all matches before it
MAX_VERSIONS = 300  # rows of a statement's page
COUNT_TIME_LIMIT_MS = 200  # counting the rows of a table at start-up, kept for an immutable database
MARK_START, MARK_END = "\x01", "\x02"  # around search matches, before the text is escaped
DATABASE = r"(?P<database>[^/.]+)"


@dataclass
class Site:
    """The quotedb databases of one Datasette, the metadata given to them, the homes of the immutable ones."""

    databases: list[str]
    metadata: dict = field(default_factory=dict)
    homes: dict[str, dict] = field(default_factory=dict)


SITES: WeakKeyDictionary = WeakKeyDictionary()  # Datasette -> Site


def site_of(datasette) -> Site:
    return SITES.get(datasette) or Site([])


# ---------------------------------------------------------------- any database name

@hookimpl
def startup(datasette):
    async def find_databases():
        SITES.pop(datasette, None)  # nothing is added while the settings are read
        config = datasette.plugin_config("quotedb") or {}
        names = [name for name, database in datasette.databases.items()
                 if name != "_internal" and QUOTEDB_TABLES <= set(await database.table_names())]
        site = SITES[datasette] = Site(names, site_metadata(config, names))
        for name in names:
            if not datasette.get_database(name).is_mutable:
                site.homes[name] = await ready_home(datasette, name)
        for template in datasette.jinja_env.list_templates(extensions=["html"]):  # compiled before anyone asks
            datasette.jinja_env.get_template(template)

    return find_databases


async def ready_home(datasette, name: str) -> dict:
    """The home of an immutable database (it never changes), and what Datasette computes once for its index page."""
    database = datasette.get_database(name)
    database.hash  # Datasette hashes the whole file for the page's colours (0.5 s a GB)
    await database.table_counts(COUNT_TIME_LIMIT_MS)  # kept by Datasette for an immutable database
    return await home(datasette, name)


def site_metadata(config: dict, names: list[str]) -> dict:
    """The metadata that makes every database of ``names`` a quotedb site.

    Each database gets its own copy: Datasette merges the metadata file into
    what this returns, in place.
    """
    template = json.dumps(config.get("database", {}))
    return {
        "databases": {name: json.loads(template) for name in names},
        "plugins": {"datasette-dashboards": {
            dashboard_slug(name, slug): dashboard_of(dashboard, name)
            for name in names for slug, dashboard in config.get("dashboards", {}).items()
        }},
    }


def dashboard_slug(database: str, slug: str) -> str:
    return f"{database}-{slug}"


def dashboard_of(dashboard: dict, database: str) -> dict:
    """A dashboard whose charts and filters query ``database``."""
    copy = json.loads(json.dumps(dashboard))
    copy["title"] = f"{copy.get('title', '')} ({database})"
    for part in (*copy.get("filters", {}).values(), *copy.get("charts", {}).values()):
        if "query" in part:
            part["db"] = database
    return copy


@hookimpl
def get_metadata(datasette, key, database, table):
    metadata = site_of(datasette).metadata
    if not metadata:
        return {}
    # fresh outer dicts: Datasette merges the metadata file's "plugins" into them
    return {"databases": metadata["databases"],
            "plugins": {"datasette-dashboards": metadata["plugins"]["datasette-dashboards"]}}


# ---------------------------------------------------------------- pages

@hookimpl
def register_routes():
    return [
        (rf"^/{DATABASE}/search$", search_page),
        (rf"^/{DATABASE}/(?P<table>speakers|articles|statements)/(?P<pks>\d+)$", row_page),
    ]


async def quotedb_database(datasette, request, table: str = "quotes"):
    """The name and Database of the page's database, once the visitor may read ``table`` in it."""
    name = tilde_decode(request.url_vars["database"])
    if name not in site_of(datasette).databases:
        raise NotFound(f"{name} is not a quotedb database")
    await datasette.ensure_permissions(request.actor, [
        ("view-table", (name, table)), ("view-database", name), "view-instance"])
    return name, datasette.get_database(name)


async def row_page(datasette, request, send):
    name = tilde_decode(request.url_vars["database"])
    if name not in site_of(datasette).databases:  # another database's row page, as Datasette routes it
        url_vars = {**request.url_vars, "format": None}
        row_request = Request({**request.scope, "url_route": {"kwargs": url_vars}}, request.receive)
        return await RowView.as_view(datasette)(row_request, send)
    table, row_id = request.url_vars["table"], int(request.url_vars["pks"])
    template, page = ROW_PAGES[table]
    context = await page(datasette, request, *await quotedb_database(datasette, request, table), row_id)
    return await render(datasette, request, template, context)


async def render(datasette, request, page: str, context: dict) -> Response:
    """One of the explorer's pages, ``templates/quotedb/<page>.html``."""
    context = {**context, "quotedb_page": page}
    html = await datasette.render_template([f"quotedb/{page}.html"], context, request=request,
                                           view_name=f"quotedb-{page}")
    return Response.html(html)


async def rows(db, sql: str, params: dict | None = None) -> list[dict]:
    results = await db.execute(sql, params or {})
    return [dict(row) for row in results.rows]


async def one(db, sql: str, params: dict) -> dict:
    found = await rows(db, sql, params)
    if not found:
        raise NotFound("No such row")
    return found[0]


def page_number(request, last: int | None = None) -> int:
    """The 1-based ``?page=`` of the request."""
    try:
        number = max(1, int(request.args.get("page", 1)))
    except ValueError:
        number = 1
    return min(number, last) if last else number


def page_links(request, number: int, more: bool) -> dict:
    """Addresses of the previous and next pages (None at either end)."""
    def link(to):
        return path_with_replaced_args(request, {"page": None if to == 1 else str(to)})
    return {"number": number, "previous": link(number - 1) if number > 1 else None,
            "next": link(number + 1) if more else None}


def quotes_view(datasette, database: str, format: str | None = None, **args) -> str:
    """The address of quotes_view with these arguments (filters, ``_search``)."""
    return datasette.urls.table(database, "quotes_view", format=format) + "?" + urlencode(args)


def csv_of(datasette, database: str, **filters) -> str:
    """The address of every quote of quotes_view matching ``filters``, as a CSV download (streamed)."""
    return quotes_view(datasette, database, "csv", **filters, _stream="on", _dl="1")


# Quote cards: one quote with its speaker, article and statement, the same on every page.

CARDS = """
select quotes.id, quotes.text, quotes.kind, quotes.start_char, quotes.article_id, quotes.speaker_id,
  coalesce(speakers.name, quotes.speaker_name) as speaker,
  coalesce(speakers.role, quotes.speaker_role) as role,
  coalesce(reporters.name, quotes.reporter_name) as reporter,
  articles.title, articles.outlet, articles.published, articles.path,
  quotes.statement_id, statements.n_articles as statement_articles
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
left join speakers as reporters on reporters.id = quotes.reporter_id
left join statements on statements.id = quotes.statement_id
where quotes.id in (select value from json_each(:ids))
"""


async def quote_cards(db, ids: list[int]) -> list[dict]:
    """The cards of these quotes, in the order of ``ids``."""
    by_id = {row["id"]: row for row in await rows(db, CARDS, {"ids": json.dumps(ids)})}
    return [by_id[quote_id] for quote_id in ids if quote_id in by_id]


# The speaker page ------------------------------------------------------------------

SPEAKER = """
select id, name, role, kind, n_quotes, n_articles, first_quoted, last_quoted from speakers where id = :id
"""
ALIASES = "select alias, n_quotes from speaker_aliases where speaker_id = :id order by n_quotes desc, alias"
SPEAKER_ARTICLES = """
select articles.id, articles.published, articles.outlet, counted.n
from (select article_id, count(*) as n from quotes where speaker_id = :id group by article_id) as counted
join articles on articles.id = counted.article_id
"""
SPEAKER_QUOTES = """
select id, article_id, start_char from quotes
where speaker_id = :id and article_id in (select value from json_each(:articles))
"""
SPEAKER_STATEMENTS = """
select id, text, n_articles, n_outlets, first_published from statements
where speaker_id = :id and n_articles > 1 order by n_articles desc, n_outlets desc, id limit 5
"""


async def speaker_page(datasette, request, database: str, db, speaker_id: int) -> dict:
    speaker = await one(db, SPEAKER, {"id": speaker_id})
    articles = newest_first(await rows(db, SPEAKER_ARTICLES, {"id": speaker_id}))
    total = sum(article["n"] for article in articles)
    number = page_number(request, last=max(1, -(-total // PAGE_SIZE)))
    quotes = await speaker_quotes(db, speaker_id, articles, number)
    dated = [(article["published"], article["n"]) for article in articles if article["published"]]
    return {
        "database": database, "speaker": speaker,
        "aliases": await rows(db, ALIASES, {"id": speaker_id}),
        "n_quotes": total, "n_articles": len(articles),
        "n_undated": total - sum(n for _, n in dated),
        "timeline": timeline(dated, link=lambda start, end: quotes_view(
            datasette, database, speaker_id=speaker_id, published__gte=start, published__lt=end)),
        "outlets": top_outlets(articles),
        "statements": await rows(db, SPEAKER_STATEMENTS, {"id": speaker_id}),
        "quotes": quotes, "pages": page_links(request, number, number * PAGE_SIZE < total),
        "csv_url": csv_of(datasette, database, speaker_id=speaker_id),
    }


def newest_first(articles: list[dict]) -> list[dict]:
    """Articles newest first, undated ones last."""
    dated = sorted((a for a in articles if a["published"]), key=lambda a: (a["published"], a["id"]), reverse=True)
    return dated + sorted((a for a in articles if not a["published"]), key=lambda a: a["id"], reverse=True)


async def speaker_quotes(db, speaker_id: int, articles: list[dict], number: int) -> list[dict]:
    """Page ``number`` of a speaker's quotes, newest article first, in text order within an article."""
    wanted, needed = [], number * PAGE_SIZE
    for article in articles:
        if needed <= 0:
            break
        wanted.append(article["id"])
        needed -= article["n"]
    order = {article_id: index for index, article_id in enumerate(wanted)}
    found = sorted(await rows(db, SPEAKER_QUOTES, {"id": speaker_id, "articles": json.dumps(wanted)}),
                   key=lambda quote: (order[quote["article_id"]], quote["start_char"], quote["id"]))
    return await quote_cards(db, [quote["id"] for quote in found[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]])


async def latest_quotes(db, speaker_id: int, limit: int = 3) -> list[dict]:
    """The newest few quotes of a speaker."""
    articles = newest_first(await rows(db, SPEAKER_ARTICLES, {"id": speaker_id}))
    return (await speaker_quotes(db, speaker_id, articles, 1))[:limit]


def top_outlets(articles: list[dict], limit: int = 8) -> list[tuple[str, int]]:
    """The outlets quoting a speaker most, with their quote counts."""
    counts: dict[str, int] = {}
    for article in articles:
        if article["outlet"]:
            counts[article["outlet"]] = counts.get(article["outlet"], 0) + article["n"]
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    href: str | None = None


@dataclass(frozen=True)
class Timeline:
    unit: str  # day, week, month or year
    bars: list[Bar]

    @property
    def highest(self) -> int:
        return max((bar.count for bar in self.bars), default=0)


def timeline(dated: list[tuple[str, int]], link=None) -> Timeline:
    """Counts per day, week, month or year (the finest that gives a readable chart), gaps included.

    ``dated`` holds (ISO date, count) pairs; ``link(start, end)`` gives the
    address of a period's quotes (``end`` excluded).
    """
    days = sorted({date.fromisoformat(published[:10]) for published, _ in dated})
    if not days:
        return Timeline("day", [])
    span = (days[-1] - days[0]).days
    unit = "day" if span <= 45 else "week" if span <= 26 * 7 else "month" if span <= 8 * 366 else "year"
    counts: dict[date, int] = {}
    for published, count in dated:
        start = period_start(date.fromisoformat(published[:10]), unit)
        counts[start] = counts.get(start, 0) + count
    bars, start = [], period_start(days[0], unit)
    while start <= days[-1]:
        end = next_period(start, unit)
        href = link(start.isoformat(), end.isoformat()) if link else None
        bars.append(Bar(period_label(start, unit), counts.get(start, 0), href))
        start = end
    return Timeline(unit, bars)


def period_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def next_period(start: date, unit: str) -> date:
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    if unit == "year":
        return start.replace(year=start.year + 1)
    return start + timedelta(days=7 if unit == "week" else 1)


def period_label(start: date, unit: str) -> str:
    return {"month": start.isoformat()[:7], "year": str(start.year)}.get(unit, start.isoformat())


# The article page ------------------------------------------------------------------

ARTICLE = """
select id, path, title, outlet, published, dateline, url, text, n_quotes from articles where id = :id
"""
ARTICLE_QUOTES = """
select min(quotes.id) as id, quotes.start_char, quotes.end_char, quotes.kind, quotes.speaker_id,
  coalesce(speakers.name, quotes.speaker_name) as speaker,
  coalesce(quotes.speaker_role, speakers.role) as role,
  quotes.statement_id, statements.n_articles as statement_articles
from quotes
left join speakers on speakers.id = quotes.speaker_id
left join statements on statements.id = quotes.statement_id
where quotes.article_id = :id
group by quotes.start_char, quotes.end_char
order by quotes.start_char, quotes.end_char desc
"""


async def article_page(datasette, request, database: str, db, article_id: int) -> dict:
    article = await one(db, ARTICLE, {"id": article_id})
    quotes = await rows(db, ARTICLE_QUOTES, {"id": article_id})
    return {
        "database": database, "article": article, "quotes": quotes,
        "segments": segments(article["text"], quotes),
        "speakers": speakers_of(quotes),
        "csv_url": csv_of(datasette, database, article_id=article_id),
    }


@dataclass(frozen=True)
class Segment:
    """A stretch of an article: plain text, or a quote with the quote marks closing it and the quotes inside it."""

    text: str
    quote: dict | None = None
    closing: str = ""
    inner: tuple[int, ...] = ()


CLOSING_MARKS = "\"'\u201d\u2019\u00bb"


def segments(text: str, quotes: list[dict]) -> list[Segment]:
    """The text cut at its quotes, in order; a quote inside or across an earlier one is not cut out again."""
    cut: list[Segment] = []
    at = 0
    for quote in sorted(quotes, key=lambda q: (q["start_char"], -q["end_char"])):
        start, end = quote["start_char"], quote["end_char"]
        if start < at and cut and cut[-1].quote:
            last = cut[-1]
            cut[-1] = Segment(last.text, last.quote, last.closing, (*last.inner, quote["id"]))
            continue
        if not 0 <= at <= start < end <= len(text):
            continue
        if start > at:
            cut.append(Segment(text[at:start]))
        closed = end
        while closed < len(text) and closed - end < 2 and text[closed] in CLOSING_MARKS:
            closed += 1
        cut.append(Segment(text[start:end], quote, text[end:closed]))
        at = closed
    if at < len(text):
        cut.append(Segment(text[at:]))
    return cut


def speakers_of(quotes: list[dict]) -> list[dict]:
    """The speakers of an article's quotes, the most quoted first."""
    counts: dict[tuple, int] = {}
    for quote in quotes:
        if quote["speaker"]:
            key = (quote["speaker_id"], quote["speaker"])
            counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][1]))
    return [{"id": speaker_id, "name": name, "n": n} for (speaker_id, name), n in ranked]


# The statement page ----------------------------------------------------------------

STATEMENT = """
select statements.*, speakers.name as speaker, speakers.role as role
from statements left join speakers on speakers.id = statements.speaker_id where statements.id = :id
"""
STATEMENT_QUOTES = """
select quotes.id, quotes.text, quotes.kind, quotes.article_id, articles.title, articles.outlet,
  articles.published, articles.path
from quotes join articles on articles.id = quotes.article_id
where quotes.statement_id = :id
order by articles.published is null, articles.published, articles.outlet, quotes.id
limit :limit
"""


async def statement_page(datasette, request, database: str, db, statement_id: int) -> dict:
    statement = await one(db, STATEMENT, {"id": statement_id})
    quotes = await rows(db, STATEMENT_QUOTES, {"id": statement_id, "limit": MAX_VERSIONS + 1})
    wordings: dict[str, list[tuple[str, str]]] = {}
    for quote in quotes:
        key = wording_key(quote["text"])
        if key not in wordings:
            wordings[key] = wording_diff(statement["text"] or quote["text"], quote["text"])
        quote["wording"] = wordings[key]
        quote["same"] = key == wording_key(statement["text"] or "")
    return {
        "database": database, "statement": statement, "quotes": quotes[:MAX_VERSIONS],
        "more": len(quotes) > MAX_VERSIONS, "n_wordings": len(wordings),
        "csv_url": csv_of(datasette, database, statement_id=statement_id),
    }


def wording_key(text: str) -> str:
    """A wording without case, quote marks or spacing differences."""
    return " ".join(word_key(word) for word in text.split())


def word_key(word: str) -> str:
    return re.sub(r"[\W_]+", "", word).lower()


def wording_diff(reference: str, version: str) -> list[tuple[str, str]]:
    """``version`` word by word against ``reference``: (kind, text) pairs.

    kind is "" for words both share, "ins" for words only the version has,
    "del" for words of the reference it replaces or leaves out in between,
    and "cut" where it starts or ends short of the reference (an excerpt).
    """
    ours, theirs = re.findall(r"\S+\s*", version), re.findall(r"\S+\s*", reference)
    matcher = difflib.SequenceMatcher(None, [word_key(w) for w in theirs], [word_key(w) for w in ours],
                                      autojunk=False)
    parts: list[tuple[str, str]] = []
    for op, ref_start, ref_end, start, end in matcher.get_opcodes():
        if op == "equal":
            parts.append(("", "".join(ours[start:end])))
            continue
        leading, trailing = ref_start == 0 and start == 0, ref_end == len(theirs) and end == len(ours)
        missing = (ref_end - ref_start) - (end - start)  # reference words beyond a word-for-word change
        if (leading or trailing) and missing > 0:  # an excerpt: the words it changes, then where it stops
            kept = (ref_start + missing, ref_end) if leading else (ref_start, ref_end - missing)
            changes = word_changes(theirs[kept[0]:kept[1]], ours[start:end])
            parts.extend([("cut", "\u2026 "), *changes] if leading else [*changes, ("cut", " \u2026")])
            continue
        parts.extend(word_changes(theirs[ref_start:ref_end], ours[start:end]))
    return parts


def word_changes(theirs: list[str], ours: list[str]) -> list[tuple[str, str]]:
    """Reference words replaced by the version's: the old struck out, then the new."""
    return [(kind, "".join(words)) for kind, words in (("del", theirs), ("ins", ours)) if words]


# The search page -------------------------------------------------------------------

RANKED = """
select rowid as id from quotes_fts where quotes_fts match escape_fts(:q)
order by bm25(quotes_fts) limit :limit offset :offset
"""
MARKED = f"""
select rowid as id, highlight(quotes_fts, 0, '{MARK_START}', '{MARK_END}') as marked
from quotes_fts where quotes_fts match escape_fts(:q) and rowid in (select value from json_each(:ids))
"""
MATCHES = "select count(*) from quotes_fts where quotes_fts match escape_fts(:q)"
SPEAKERS_NAMED = """
select id, name, role, kind, n_quotes, n_articles, first_quoted, last_quoted from speakers
where n_quotes > 0 and {words}
order by lower(name) = lower(:q) desc, n_quotes desc, name limit :limit
"""
WORD_IN_NAME = ("(name like :{0} escape '\\' or exists (select 1 from speaker_aliases"
                " where speaker_aliases.speaker_id = speakers.id and alias like :{0} escape '\\'))")


async def search_page(datasette, request):
    database, db = await quotedb_database(datasette, request)
    q = request.args.get("q", "").strip()
    context = {"database": database, "q": q, "speakers": [], "quotes": [], "matches": 0}
    if q:
        number = page_number(request, last=MAX_SEARCH_PAGES)
        matches = (await db.execute(MATCHES, {"q": q})).first()[0]
        speakers = await speakers_named(db, q)
        named = speakers[0] if len(speakers) == 1 or speakers and speakers[0]["name"].lower() == q.lower() else None
        context.update(
            speakers=speakers, named=named, said=await latest_quotes(db, named["id"]) if named else [],
            matches=matches,
            quotes=await search_quotes(db, q, number),
            pages=page_links(request, number, number * PAGE_SIZE < matches and number < MAX_SEARCH_PAGES),
            browse_url=quotes_view(datasette, database, _search=q),
            csv_url=csv_of(datasette, database, _search=q),
        )
    return await render(datasette, request, "search", context)


async def search_quotes(db, q: str, number: int) -> list[dict]:
    """Page ``number`` of the quotes best matching ``q``, with the matched words marked."""
    ranked = [row["id"] for row in await rows(db, RANKED, {"q": q, "limit": PAGE_SIZE,
                                                         "offset": (number - 1) * PAGE_SIZE})]
    ids = json.dumps(ranked)
    marked = {row["id"]: row["marked"] for row in await rows(db, MARKED, {"q": q, "ids": ids})}
    cards = await quote_cards(db, ranked)
    for card in cards:
        card["marked"] = marked.get(card["id"])
    return cards


async def speakers_named(db, q: str, limit: int = MATCHING_SPEAKERS) -> list[dict]:
    """Speakers whose name or aliases hold every word of ``q`` (an exact name first, then the most quoted)."""
    words = re.findall(r"[^\W_][\w'’.-]*", q)[:6]
    if not words:
        return []
    params = {f"w{index}": "%" + re.sub(r"([\\%_])", r"\\\1", word) + "%" for index, word in enumerate(words)}
    sql = SPEAKERS_NAMED.format(words=" and ".join(WORD_IN_NAME.format(name) for name in params))
    return await rows(db, sql, {**params, "q": q, "limit": limit})


ROW_PAGES = {  # table -> (template, page function)
    "speakers": ("speaker", speaker_page),
    "articles": ("article", article_page),
    "statements": ("statement", statement_page),
}


# ---------------------------------------------------------------- home, quote cards in quotes_view

HOME_COUNTS = """
select (select count(*) from quotes) as quotes,
  (select count(*) from speakers where n_quotes > 0) as speakers,
  (select count(*) from statements where n_articles > 1) as repeated,
  count(*) as articles, count(published) as dated, count(distinct outlet) as outlets,
  min(published) as first, max(published) as last
from articles
"""
TOP = """
select id, name, role, kind, n_quotes, n_articles from speakers where n_quotes > 0
order by n_quotes desc, n_articles desc, name limit {limit}
""".format(limit=TOP_SPEAKERS)
LATEST = """
select statements.id, statements.text, statements.n_articles, statements.n_outlets, statements.last_published,
  statements.speaker_id, speakers.name as speaker
from statements left join speakers on speakers.id = statements.speaker_id
order by statements.last_published is null, statements.last_published desc, statements.n_articles desc
limit {limit}
""".format(limit=LATEST_STATEMENTS * 8)


async def home(datasette, database: str) -> dict:
    """What the home page shows of one database."""
    if database in site_of(datasette).homes:
        return site_of(datasette).homes[database]
    db = datasette.get_database(database)
    counts = (await rows(db, HOME_COUNTS))[0]
    queries = await datasette.get_canned_queries(database, None)
    return {
        "name": database, "counts": counts,
        "top": await rows(db, TOP), "latest": one_per_speaker(await rows(db, LATEST))[:LATEST_STATEMENTS],
        "queries": [(name, query.get("title") or name) for name, query in queries.items()],
        "dashboards": [(dashboard_slug(database, slug), dashboard.get("title", slug)) for slug, dashboard in
                       ((datasette.plugin_config("quotedb") or {}).get("dashboards") or {}).items()],
    }


def one_per_speaker(statements: list[dict]) -> list[dict]:
    """The first statement of each speaker, in order: the latest news, not one interview."""
    seen, kept = set(), []
    for statement in statements:
        if statement["speaker_id"] not in seen:
            seen.add(statement["speaker_id"])
            kept.append(statement)
    return kept


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    site = site_of(datasette)
    if not site.databases:
        return {}

    async def template_vars():
        found = {"quotedb": site, "quotedb_dashboard_slug": dashboard_slug}
        if view_name == "index":
            found["quotedb_homes"] = [await home(datasette, name) for name in site.databases]
        elif view_name == "database" and database in site.databases:
            found["quotedb_homes"] = [await home(datasette, database)]
        elif view_name == "table" and database in site.databases and table == "quotes_view":
            db = datasette.get_database(database)
            found.update(quotedb_cards=True, marked_matches=lambda ids, q: marked_matches(db, ids, q),
                         speaker_names_of=lambda facets: speaker_names_of(db, facets))
        return found

    return template_vars


def card_of_row(row) -> dict:
    """A quote card from a row of quotes_view."""
    card = dict(row)
    card["role"] = card.get("speaker_role")
    return card


async def marked_matches(db, ids: list[int], q: str) -> dict[int, str]:
    """The texts of these quotes with the words matching ``q`` marked."""
    if not q or not ids:
        return {}
    return {row["id"]: row["marked"] for row in await rows(db, MARKED, {"q": q, "ids": json.dumps(ids)})}


async def speaker_names_of(db, facets: list[dict]) -> dict[int, str]:
    """The names of the speakers in the speaker_id facet of quotes_view (a view's facets have no labels)."""
    ids = [value["value"] for facet in facets if facet["name"] == "speaker_id" for value in facet["results"]]
    if not ids:
        return {}
    found = await rows(db, "select id, name from speakers where id in (select value from json_each(:ids))",
                       {"ids": json.dumps(ids)})
    return {row["id"]: row["name"] for row in found}


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["quotedb_marked"] = marked_html
    env.filters["quotedb_card"] = card_of_row


def marked_html(text: str):
    """Text marked by ``highlight`` as HTML: escaped, with ``<mark>`` around the matches."""
    from markupsafe import Markup, escape

    return Markup(str(escape(text)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
