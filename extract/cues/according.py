"""According to: "according to Smith, ..."; "..., according to the ministry."

The phrases are data (``rules/attribution_phrases.txt``). An ``according
to X`` anywhere in the quote's paragraph names its source; where a speech
verb attributes the quote too, X is the reporter who relays it.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from extract.context import QuoteContext
from extract.cues import Cue, rule
from extract.grammar import according_to, noun_phrase
from extract.vocabulary import speaks


def paragraph_source(ctx: QuoteContext) -> Token | None:
    """The source named by the first ``according to`` outside quotes in the statement's paragraph."""
    return ctx.article.cached("according-to", ctx.stmt.paragraph, lambda p: according_to(ctx.article.window(p)))


@rule("according-to", confidence=0.85, method="according-to")
def according_to_source(ctx: QuoteContext) -> Cue | None:
    """An ``according to X`` phrase outside quotes in the quote's paragraph.

    Where someone speaks in the quote's own sentence ("According to the
    minutes, Jo Smith told councillors the shell was \"beyond repair\""), X
    only relays the words: the rules after this one find the speaker.
    """
    source = paragraph_source(ctx)
    if source is None or speaks_in_the_sentence(ctx) or speaks_in(ctx, [ctx.article.sentence_of(source)]):
        return None  # ("'...,' he told the crowd, according to a video. '...'": the video relays him, after too)
    return Cue(ctx.doc[source.head.head.i:source.head.i + 1], noun_phrase(source))


def speaks_in_the_sentence(ctx: QuoteContext) -> bool:
    """Whether a speech verb whose subject can speak (a person or a body: "The interior ministry said") stands in a
    sentence the quote touches."""
    return speaks_in(ctx, ctx.article.sentences_touching(ctx.stmt.start, ctx.stmt.end))


def speaks_in(ctx: QuoteContext, touched: list[int]) -> bool:
    """Whether a speech verb whose subject can speak stands in the sentences ``touched`` (numbers, in order) of the
    quote's paragraph."""
    from extract.cues.verbs import paragraph_speaking_verbs, speaker_of  # verbs reads this module's paragraph_source

    article = ctx.article
    if not touched:
        return False
    verbs = paragraph_speaking_verbs(ctx)  # in text order: those of the touched sentences, by bisection
    first = bisect_left(verbs, article.sentences[touched[0]].start, key=lambda verb: verb.i)
    last = bisect_left(verbs, article.sentences[touched[-1]].end, key=lambda verb: verb.i)
    return any(speaks(speaker_of(article, verb)) for verb in verbs[first:last])
