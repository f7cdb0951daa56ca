"""Datasette plugin for quotedb: the whole-table figures of an immutable database, computed once.

Loaded with ``datasette --plugins-dir plugins`` (``make serve`` does this).

A database served immutable (``datasette -i``, as ``make serve`` serves it)
never changes, so a query without parameters always returns the same rows:
the row count and facet counts of an unfiltered table page, the first page
of a table, a canned query without inputs. On a million quotes each facet
count is a group-by over a million rows (about 0.1 s); kept after its first
run, the unfiltered pages every visitor opens first answer from memory.
Since it runs once, such a query may take up to the SQL time limit
(``sql_time_limit_ms``) instead of the shorter facet time limit, which
would otherwise cut the facets of a large view every time.

When the server starts, before it accepts connections, the pages of the
tables and views that have default facets are opened once (``warm``), so
even the first visitor finds their counts ready: about 2.5 s of start-up
per million quotes.

Only the queries of the pages it is made for are kept: a table, view or
canned query page (``/db/name``, as HTML, JSON or CSV) whose query string
asks for nothing but facets, sorting, a page size or a format
(``KEPT_PAGE_ARGUMENTS``). Everything else runs every time: queries with
parameters (searches, filters, later pages, canned queries with inputs),
the arbitrary SQL of ``/db?sql=...``, a table page with ``_where``. A
parameterless query of such a page that runs out of time is not tried
again: its pages show what Datasette shows for a time-out.

Memory is bounded: results of at most ``MAX_ROWS`` rows and
``MAX_RESULT_BYTES`` are kept, ``MAX_BYTES`` and ``MAX_RESULTS`` at most
in all, the least recently used forgotten first. Mutable databases are
left alone.
"""
from __future__ import annotations

import sys
from collections import OrderedDict
from contextvars import ContextVar
from urllib.parse import parse_qsl

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils import tilde_decode

MAX_ROWS = 1_000
MAX_RESULTS = 256
MAX_BYTES = 64_000_000  # about what the figures of a million quotes' faceted pages take, many times over
MAX_RESULT_BYTES = MAX_BYTES // 16
KEPT_PAGE_ARGUMENTS = frozenset({"_facet", "_facet_array", "_facet_date", "_facet_size", "_sort", "_sort_desc",
                                 "_size", "_shape", "_labels", "_trace", "_nofacet", "_nocount"})

ON_KEPT_PAGE: ContextVar[bool] = ContextVar("quotedb_cache_on_kept_page", default=False)


class ResultCache:
    """``Database.execute`` for an immutable database, keeping the results of parameterless queries of kept pages."""

    on_kept_page = ON_KEPT_PAGE  # whether the request being answered is for a kept page

    def __init__(self, execute, max_rows: int = MAX_ROWS, max_results: int = MAX_RESULTS,
                 max_bytes: int = MAX_BYTES, max_result_bytes: int = MAX_RESULT_BYTES):
        self.execute = execute
        self.max_rows = max_rows
        self.max_results = max_results
        self.max_bytes = max_bytes
        self.max_result_bytes = max_result_bytes
        self.results: OrderedDict = OrderedDict()
        self.sizes: dict = {}

    @property
    def bytes(self) -> int:
        """About how much memory the kept results take."""
        return sum(self.sizes.values())

    async def __call__(self, sql, params=None, truncate=False, custom_time_limit=None,
                       page_size=None, log_sql_errors=True):
        if params or not self.on_kept_page.get():
            return await self.execute(sql, params, truncate, custom_time_limit, page_size, log_sql_errors)
        key = (sql, truncate, page_size)
        if key in self.results:
            self.results.move_to_end(key)
            kept = self.results[key]
            if isinstance(kept, QueryInterrupted):  # it would only run out of time again
                raise kept.with_traceback(None)
            return kept
        try:
            results = await self.execute(sql, params, truncate, None, page_size, log_sql_errors)
        except QueryInterrupted as interrupted:
            self.keep(key, interrupted, len(sql))
            raise
        if len(results.rows) <= self.max_rows:
            size = size_of(results.rows)
            if size <= self.max_result_bytes:
                self.keep(key, results, size)
        return results

    def keep(self, key, outcome, size: int) -> None:
        """Remember the results, or the time-out, of a query; forget the least recently used beyond the bounds."""
        self.results[key] = outcome
        self.sizes[key] = size
        total = self.bytes
        while len(self.results) > self.max_results or total > self.max_bytes:
            old, _ = self.results.popitem(last=False)
            total -= self.sizes.pop(old)


def size_of(rows) -> int:
    """About the memory rows of SQLite values take: their text and blobs, and a little for each value."""
    return sum(64 + sum(len(value) if isinstance(value, (str, bytes)) else 0 for value in row)
               + sys.getsizeof(0) * len(row) for row in rows)


def is_kept_page(scope, databases, base_url: str = "/") -> bool:
    """Whether a request is for a page whose parameterless queries are kept.

    A page of a table, view or canned query of one of ``databases``
    (``/db/name``, ``/db/name.json``), asking for nothing but facets,
    sorting, page size and format.
    """
    path = scope.get("path", "")
    path = path[len(base_url):] if path.startswith(base_url) else path
    parts = path.strip("/").split("/")
    if len(parts) != 2 or parts[1].startswith("-") or tilde_decode(parts[0]) not in databases:
        return False
    query = scope.get("query_string", b"").decode("latin-1")
    return all(name in KEPT_PAGE_ARGUMENTS for name, _ in parse_qsl(query, keep_blank_values=True))


@hookimpl
def startup(datasette):
    for database in datasette.databases.values():
        if not database.is_mutable and not database.is_memory and not isinstance(database.execute, ResultCache):
            database.execute = ResultCache(database.execute)


def cached_databases(datasette) -> list[str]:
    """The names of the databases whose parameterless results are kept."""
    return [name for name, database in datasette.databases.items() if isinstance(database.execute, ResultCache)]


async def warm(datasette) -> None:
    """Open, one after another, every table and view page that has default facets."""
    for database in cached_databases(datasette):
        tables = datasette.metadata("tables", database=database) or {}
        for table, settings in tables.items():
            if settings.get("facets"):
                await datasette.client.get(datasette.urls.table(database, table, format="json"))


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def started_warm(scope, receive, send):
            if scope["type"] == "http":
                kept = is_kept_page(scope, cached_databases(datasette), datasette.setting("base_url") or "/")
                token = ON_KEPT_PAGE.set(kept)
                try:
                    return await app(scope, receive, send)
                finally:
                    ON_KEPT_PAGE.reset(token)
            if scope["type"] != "lifespan":
                return await app(scope, receive, send)

            async def receiving():
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await warm(datasette)
                return message

            return await app(scope, receiving, send)

        return started_warm

    return wrap
