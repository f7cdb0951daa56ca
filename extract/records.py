"""Typed records that flow from the articles on disk to the database rows.

Every character offset indexes into ``Article.text``. Records are plain
(offsets and strings, no spaCy objects) so that worker processes can return
them and ``db/`` can store them without importing spaCy.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article as read from disk."""

    path: str  # relative to the articles folder
    text: str  # the full text exactly as read
    sha256: str  # of the file's bytes: unchanged articles are not processed again
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    dateline: str | None = None  # place named in the dateline ("MOSCOW")
    url: str | None = None


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


def in_text(span: Span | None, text: str) -> Span | None:
    """The span with its words as ``text`` writes them at its offsets."""
    return span if span is None or text[span.start:span.end] == span.text else Span(span.start, span.end,
                                                                                     text[span.start:span.end])


@dataclass(frozen=True)
class Speaker:
    """Who said something, as resolved inside one article.

    ``name`` is the most informative name the article gives ("Ada Quill");
    for an unnamed speaker it is the description the article uses
    ("US Department of State spokesperson"). ``role`` is the title or role
    kept apart from the name ("Harbour Minister").
    """

    name: str
    role: str | None = None
    kind: str = "person"  # person | organisation | unnamed


@dataclass(frozen=True)
class Quote:
    """One statement and its attribution.

    ``kind`` is ``direct`` (the whole content is in quote marks), ``mixed``
    (quoted fragments inside reported speech) or ``indirect`` (reported speech
    without quote marks). ``mention`` is the speaker expression as written
    next to the cue ("he", "the harbour official"); ``speaker`` is the person it
    was resolved to. ``reporter`` is who relayed the words in nested
    attribution ("X said ... '...', Y said": speaker X, reporter Y).
    ``cue_rule`` and ``resolution`` say how the attribution was made: which
    rule found the cue, and how its mention became the speaker. ``content``
    is the quoted words; ``reported`` the whole content of the statement:
    the same for a direct quote, the clause around the quoted words for a
    mixed one ("that the port was \"not ready\""), the reported clause for
    indirect speech. None means the same as ``content``.
    """

    content: Span
    kind: str
    cue: Span | None = None
    mention: Span | None = None
    speaker: Speaker | None = None
    reporter: Speaker | None = None
    method: str | None = None  # older name of how it was attributed, derived from cue_rule and resolution
    confidence: float = 0.0  # the rule's confidence times the resolution's
    paragraph: int = 0  # index of the paragraph the quote starts in
    passage: int | None = None  # index (in the article's quotes) of the first part of a multi-paragraph quote
    cue_rule: str | None = None  # the registered attribution rule that found the cue (extract.cues)
    resolution: str | None = None  # how the mention became the speaker (extract.speakers.RESOLUTIONS)
    reported: Span | None = None  # the whole reported content: the quote, or the clause around quoted words


@dataclass(frozen=True)
class ExtractedArticle:
    """An article with the quotes found in it and the problems met on the way."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    errors: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class CanonicalSpeaker:
    """One speaker across the corpus and the local speakers that are it.

    ``members`` are the ``Speaker`` records of single articles ("Smith",
    "Jo Smith" with role "Minister") that name this one person.
    """

    name: str
    role: str | None
    kind: str
    members: tuple[Speaker, ...] = ()
