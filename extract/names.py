"""Names as strings: what unites the mentions of one person (no model needed).

Shared by resolution inside an article (``speakers``) and by the merging of
speakers across articles (``corpus.canonical``).
"""
from __future__ import annotations

import re

DETERMINERS = {"a", "an", "the", "one", "another", "some"}
SUFFIXES = {"jr.", "jr", "sr.", "ii", "iii"}


GIVEN_AFTER_SURNAME = re.compile(r"^[A-Z][a-z]+-[a-z]+$")  # "Chi-keung" in "Lau Chi-keung", "Min-jun" in "Kim Min-jun"


def surname(name: str) -> str:
    """The key that unites the mentions of one person in an article: the last name, lower-cased; the first where a
    hyphenated given name in lower case after its hyphen follows it, as Chinese and Korean names are written
    ("Lau Chi-keung" is Mr Lau; "Ana Ruiz-Okafor" is Ms Okafor)."""
    words = [w for w in name.split() if w.lower() not in SUFFIXES]
    if len(words) >= 2 and GIVEN_AFTER_SURNAME.match(words[-1]):
        return words[-2].lower()
    return words[-1].split("-")[-1].lower() if words else ""
