"""According to: "according to Smith, ..."; "..., according to the ministry."

The phrases are data (``rules/attribution_phrases.txt``). An ``according
to X`` anywhere in the quote's paragraph names its source; where a speech
verb attributes the quote too, X is the reporter who relays it.
"""
from __future__ import annotations

from spacy.tokens import Token

from extract.context import QuoteContext
from extract.cues import Cue, rule
from extract.grammar import according_to, noun_phrase


def paragraph_source(ctx: QuoteContext) -> Token | None:
    """The source named by the first ``according to`` outside quotes in the statement's paragraph."""
    return ctx.article.cached("according-to", ctx.stmt.paragraph, lambda p: according_to(ctx.article.window(p)))


@rule("according-to", confidence=0.85, method="according-to")
def according_to_source(ctx: QuoteContext) -> Cue | None:
    """An ``according to X`` phrase outside quotes in the quote's paragraph."""
    source = paragraph_source(ctx)
    if source is None:
        return None
    return Cue(ctx.doc[source.head.head.i:source.head.i + 1], noun_phrase(source))
