"""Markdown emphasis inside a line and a file's front matter, blanked before parsing.

A name or phrase set in bold or italics inside a sentence ("said **Jo
Smith** of Halden", "the *Courant* reported") reads as plain words to a
reader; to the tagger and parser the marks are words of their own, and the
speaker becomes "*". The marks are replaced by spaces, so that every
character keeps its place (the stored text and every offset are the
file's). Emphasis that opens a line stays: it marks a speaker label
("**Quill:** ..."), a question of an interview ("**Why now?**") or a
byline ("*By Ann Lee*"), which the rules read with their marks. The
``---`` front matter that opens a Markdown file (``title: "..."``) is
metadata (``sources`` reads it), no text: its quote marks are no quotes.
"""
from __future__ import annotations

import re

# an emphasised run: "**...**", "__...__" or "*...*", starting and ending on a word, within one line and
# ``MOST_EMPHASIS`` characters (a bound on the work in a line of unmatched marks)
MOST_EMPHASIS = 300
EMPHASIS = re.compile(r"(\*\*|__|\*)(?=[^\s*_])([^\n]{0,%d}?[^\s*_])\1" % MOST_EMPHASIS)
LINE_OPENING = re.compile(r"[^\S\n]*(?:(?:[-+*>]|\d{1,3}[.)])[^\S\n]+)*")  # spaces, list and quote marks


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)^---[ \t]*\r?$\n?", re.S | re.M)  # as sources reads it


def plain_words(text: str) -> str:
    """The text as the tagger reads it: emphasis inside lines and the front matter blanked (same length)."""
    return without_inline_emphasis(without_front_matter(text))


def without_front_matter(text: str) -> str:
    """The text with the front matter that opens it turned to spaces, its line breaks kept (same length)."""
    match = FRONT_MATTER.match(text) if text.startswith("---") else None
    if match is None:
        return text
    return re.sub(r"[^\n]", " ", text[:match.end()]) + text[match.end():]


def without_inline_emphasis(text: str) -> str:
    """The text with the marks of emphasis inside its lines turned to spaces (same length)."""
    if "*" not in text and "__" not in text:
        return text
    chars = list(text)
    for match in EMPHASIS.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if LINE_OPENING.match(text, line_start).end() == match.start():
            continue  # a label, a question or a byline in bold or italics
        mark = len(match.group(1))
        for at in (*range(match.start(), match.start() + mark), *range(match.end() - mark, match.end())):
            chars[at] = " "
    return "".join(chars)
