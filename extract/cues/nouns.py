"""Speech nouns: whose claim, warning or promise a quote is ("Smith's claim that \"...\"").

The nouns are data (``rules/speech_nouns.txt``); the owner is the noun's
possessor or its ``by`` phrase.
"""
from __future__ import annotations

from extract import lexicon
from extract.context import QuoteContext
from extract.cues import Cue, rule
from extract.grammar import ancestors, noun_phrase
from extract.vocabulary import speaks


@rule("speech-noun", confidence=0.8, method="speech-noun")
def speech_noun_owner(ctx: QuoteContext) -> Cue | None:
    """The owner of a speech noun the quote depends on ("Smith's claim that", "a warning by the ministry")."""
    for token in ctx.roots[:1]:
        for noun in ancestors(token):
            if noun.pos_ in {"VERB", "AUX"} and noun.dep_ not in {"acl", "ccomp", "relcl"}:
                return None
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.speech_nouns():
                continue
            article = ctx.article
            owners = article.children(noun, "poss") + [g for c in article.children(noun, "prep") if c.lower_ == "by"
                                                       for g in article.children(c, "pobj")]
            if owners and speaks(owners[0]) and not ctx.in_quote(owners[0]):
                return Cue(ctx.doc[noun.i:noun.i + 1], noun_phrase(owners[0]))
    return None
