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

Queries with parameters (searches, filters, later pages, canned queries
with inputs) run every time. A parameterless query that runs out of time
is not tried again: its pages show what Datasette shows for a time-out.
Only results of at most ``MAX_ROWS`` rows are kept, the ``MAX_RESULTS``
most recently used at most. Mutable databases are left alone.
"""
from __future__ import annotations

from collections import OrderedDict

from datasette import hookimpl
from datasette.database import QueryInterrupted

MAX_ROWS = 1_000
MAX_RESULTS = 256


class ResultCache:
    """``Database.execute`` for an immutable database, keeping the results of parameterless queries."""

    def __init__(self, execute, max_rows: int = MAX_ROWS, max_results: int = MAX_RESULTS):
        self.execute = execute
        self.max_rows = max_rows
        self.max_results = max_results
        self.results: OrderedDict = OrderedDict()

    async def __call__(self, sql, params=None, truncate=False, custom_time_limit=None,
                       page_size=None, log_sql_errors=True):
        if params:
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
            self.keep(key, interrupted)
            raise
        if len(results.rows) <= self.max_rows:
            self.keep(key, results)
        return results

    def keep(self, key, outcome) -> None:
        """Remember the results, or the time-out, of a query; forget the least recently used."""
        self.results[key] = outcome
        if len(self.results) > self.max_results:
            self.results.popitem(last=False)


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
