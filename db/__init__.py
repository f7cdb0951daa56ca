"""Records to SQLite tables: the schema, storing extracted articles, exporting quotes.

``db`` never imports spaCy, and from ``extract`` only ``extract.records``.
"""


class QuoteDbError(Exception):
    """A database problem that the command line reports as a clean message."""


class MissingDatabase(QuoteDbError):
    """The database file does not exist or is not a quotedb database."""


class BadFilter(QuoteDbError):
    """An export filter has a value that cannot be used."""
