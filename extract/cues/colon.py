"""Colons and labels: Smith: "..."; "SMITH: ..." in a transcript.

``transcript-label``: a capitalised label opening the quoted words names the
speaker, and the words start after it. ``colon``: a speaker named just
before a colon that introduces the quote. ``colon_speaker`` also serves the
rule for a paragraph that ends with such a name (``sentences.py``).
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from extract.context import ArticleContext, QuoteContext
from extract.cues import Cue, rule
from extract.grammar import is_speech_verb, noun_phrase
from extract.vocabulary import can_speak

INTRODUCTION_BREAKS = {"-", "--", "\u2013", "\u2014", ".", ";", "!", "?"}
MOST_WORDS = 8  # words from the last break to the colon, the colon included
EMPHASIS_MARKS = 8  # and at most this many Markdown emphasis marks among them ("**Jo Smith**")
LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,40}):\s+")


@rule("transcript-label", confidence=0.85, method="colon")
def transcript_label(ctx: QuoteContext) -> Cue | None:
    """A transcript label opening the quoted words ("SMITH: Are you running?" in quote marks)."""
    stmt = ctx.stmt
    match = LABEL.match(ctx.article.text, stmt.start, stmt.end)
    if not match:
        return None
    label_end = stmt.start + len(match.group(1))
    name = ctx.article.span(stmt.start, label_end)
    colon = ctx.article.span(label_end, label_end + 1)
    if name is None or colon is None:
        return None
    return Cue(colon, name, content_start=match.end())


@rule("colon", confidence=0.85, method="colon")
def name_before_colon(ctx: QuoteContext) -> Cue | None:
    """A speaker named just before a colon that introduces the quote (Smith: "...")."""
    raw = ctx.last_before(MOST_WORDS + EMPHASIS_MARKS)
    words = without_emphasis(raw)
    tail = words[-(MOST_WORDS + 2):]
    found = colon_speaker(ctx.article, tail, len(words) > len(tail) or ctx.window_before > len(raw))
    return Cue(found[1], found[0]) if found is not None else None


def without_emphasis(tokens: list[Token]) -> list[Token]:
    """The tokens without Markdown emphasis marks: "- **Dr Lena Park**, economist:"."""
    return [t for t in tokens if t.text.strip("*_")]


def could_be_named(word: Token) -> bool:
    """A name, a capitalised noun ("SMITH") or a noun that can speak ("the ministry")."""
    return word.pos_ == "PROPN" or (word.pos_ == "NOUN" and (word.text[:1].isupper() or can_speak(word)))


def colon_speaker(article: ArticleContext, tail: list[Token], longer: bool) -> tuple[Span, Span] | None:
    """A speaker named just before a colon: the mention and the colon.

    ``tail`` are the last words outside quotes before the quote, ``longer``
    says whether more come before them. Only the words after the last dash
    or sentence end count: "HEADLINE - Jo Smith:" and "More from Smith:"
    name Smith. The word before the colon must be able to name a speaker
    ("The ministry:", not "The figures:"). A speech verb among the words is
    the work of the verb rules, unless it comes first ("Continued Smith:").
    """
    tail = without_emphasis(tail)
    if len(tail) < 2 or tail[-1].text != ":":
        return None
    breaks = [at for at, t in enumerate(tail[:-1]) if t.text in INTRODUCTION_BREAKS]
    if breaks:
        before = tail[breaks[-1] + 1:]
    elif longer:
        return None
    else:
        before = tail
    if not 2 <= len(before) <= MOST_WORDS:
        return None
    name = before[-2]
    if not could_be_named(name):
        return None
    doc = name.doc
    mention = noun_phrase(name)
    mention = doc[max(mention.start, before[0].i):mention.end]  # not across the dash
    leading = before[0].i if before[0].i == mention.start - 1 else None  # "Continued Smith:"
    if any(is_speech_verb(article, t) for t in before if t.i != leading):
        return None
    return mention, doc[before[-1].i:before[-1].i + 1]
