"""Names as strings: what unites the mentions of one person (no model needed).

Shared by resolution inside an article (``speakers``) and by the merging of
speakers across articles (``corpus.canonical``).
"""
from __future__ import annotations

DETERMINERS = {"a", "an", "the", "one", "another", "some"}
SUFFIXES = {"jr.", "jr", "sr.", "ii", "iii"}


def surname(name: str) -> str:
    """The key that unites the mentions of one person in an article: the last name, lower-cased."""
    words = [w for w in name.split() if w.lower() not in SUFFIXES]
    return words[-1].split("-")[-1].lower() if words else ""
