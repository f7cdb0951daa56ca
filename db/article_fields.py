"""Metadata that changed without the text: update the article's row, keep its quotes.

An edited metadata table (``extract.metadata``) changes no article's bytes,
so the build does not extract those articles again; ``stale`` finds the
stored articles whose title, outlet, date or address differ from what was
read, and ``update`` writes the new values (speaker and statement dates are
recomputed by the build afterwards).
"""
from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from extract.records import Article

FIELDS = ("title", "outlet", "published", "url")


def fields_of(article: Article) -> tuple[str | None, ...]:
    """The article's values of ``FIELDS``."""
    return tuple(getattr(article, field) for field in FIELDS)


def stale(db: sqlite_utils.Database, articles: Iterable[Article]) -> list[Article]:
    """The stored articles among ``articles`` whose stored metadata differs from theirs."""
    if not db["articles"].exists():
        return []
    stored = {path: tuple(values) for path, *values in
              db.execute(f"select path, {', '.join(FIELDS)} from articles")}
    return [article for article in articles
            if article.path in stored and stored[article.path] != fields_of(article)]


def update(db: sqlite_utils.Database, articles: Iterable[Article]) -> None:
    """Write the metadata of stored articles."""
    assignments = ", ".join(f"{field} = ?" for field in FIELDS)
    db.conn.executemany(f"update articles set {assignments} where path = ?",
                        [(*fields_of(article), article.path) for article in articles])
