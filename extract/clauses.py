"""What a statement reports: the whole content around its quoted words.

A mixed quote's words are part of a clause the speaker is reported to have
said ("Lee said the port was \\"not ready\\" for winter"): its content is
that clause, as PolNeAR marks it. It is the part of the parse that hangs
on the cue's verb and holds the quote: the verb's child on the way up
from the quoted words, with everything below it, stretched to the end of
the quote if the quote runs on past it.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from extract.context import ArticleContext
from extract.grammar import CLIMB_LIMIT


def reported_clause(article: ArticleContext, verb: Token, start: int, end: int) -> Span | None:
    """The clause of ``verb`` that holds the quoted words ``[start, end)``, or None when the quote hangs elsewhere."""
    words = article.span(start, end)
    if words is None or not len(words):
        return None
    child = child_towards(verb, words.root)
    if child is None:
        return None
    first = min(child.left_edge.i, words.start)
    last = max(child.right_edge.i + 1, words.end)
    clause = article.doc[first:last]
    return trimmed(clause)


def child_towards(verb: Token, word: Token) -> Token | None:
    """The child of ``verb`` that ``word`` hangs on, directly or not (within ``CLIMB_LIMIT`` links)."""
    for _ in range(CLIMB_LIMIT):
        if word.head == verb and word != verb:
            return word
        if word.head.i == word.i:
            return None
        word = word.head
    return None


def trimmed(span: Span) -> Span | None:
    """The span without punctuation at its edges."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_punct:
        start += 1
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end] if end > start else None
