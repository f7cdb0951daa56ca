"""Datasette plugin for quotedb: CSV links that export every matching row, readable by spreadsheets.

Loaded with ``datasette --plugins-dir plugins`` (``make serve`` does this).

- The CSV link of every table and view page streams all the rows its
  filters and search match (``_stream=on``), not only the first
  ``max_returned_rows``; ``make serve`` lifts the size limit of a streamed
  CSV (``max_csv_mb 0``).
- A CSV downloaded as a file (``_dl``) starts with a UTF-8 byte-order
  mark, which spreadsheet programs need to read it as UTF-8 rather than
  their local code page. Integers are written as integers (Datasette
  writes SQLite's values as they are).
"""
from __future__ import annotations

from urllib.parse import parse_qs

from datasette import hookimpl
from datasette.utils import path_with_format

BOM = "\ufeff".encode("utf-8")


@hookimpl
def extra_template_vars(view_name, request, datasette):
    if view_name != "table" or request is None:
        return {}
    # replaces the address of Datasette's CSV link (the first max_returned_rows rows)
    streamed = path_with_format(request=request, format="csv", extra_qs={"_stream": "on", "_labels": "on"})
    return {"url_csv": datasette.urls.path(streamed)}


def is_csv_download(scope) -> bool:
    """Whether a request asks for a CSV file to download."""
    if scope["type"] != "http" or not scope["path"].endswith(".csv"):
        return False
    return bool(parse_qs(scope.get("query_string", b"").decode("latin-1")).get("_dl"))


@hookimpl
def asgi_wrapper():
    def wrap(app):
        async def with_byte_order_mark(scope, receive, send):
            if not is_csv_download(scope):
                return await app(scope, receive, send)
            csv = False

            async def sending(message):
                nonlocal csv
                if message["type"] == "http.response.start":
                    headers = dict(message.get("headers", []))
                    csv = message["status"] == 200 and b"text/csv" in headers.get(b"content-type", b"")
                    if csv:  # three bytes more than announced: let the length go
                        message = {**message, "headers": [(key, value) for key, value in message["headers"]
                                                          if key.lower() != b"content-length"]}
                elif message["type"] == "http.response.body" and csv:
                    message = {**message, "body": BOM + message.get("body", b"")}
                    csv = False  # only before the first bytes
                await send(message)

            await app(scope, receive, sending)

        return with_byte_order_mark

    return wrap
