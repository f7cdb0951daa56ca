"""Headlines: a headline that ends with "- Name" is that person's words ("Ports will reopen - Smith"), and a
quote in the headline that the story repeats is said by whom the story quotes ("'HE WOULDN'T LET GO': Mum's
terror ...", and later "'He wouldn't let go,' the mother said")."""
from __future__ import annotations

import re

from spacy.tokens import Span

from extract.context import ArticleContext
from extract.cues import Cue, rule

HEADLINE = re.compile(r"(.{10,}?)\s+[-\u2013\u2014]\s+((?:[A-Z][\w.'\u2019-]+\s?){1,4})$")
HEADLINE_PARAGRAPHS = 3  # the headline is among the first paragraphs
WORD = re.compile(r"\w+")


@rule("headline", confidence=0.7, method="headline")
def signed_headline(article: ArticleContext, people) -> tuple[Span, Cue] | None:
    """A headline among the first paragraphs that ends with "- Name": its words and the name."""
    for start, end in article.paragraphs.spans[:HEADLINE_PARAGRAPHS]:
        match = HEADLINE.match(article.text[start:end])
        if not match:
            continue
        mention = article.span(start + match.start(2), start + match.end(2))
        content = article.span(start, start + match.end(1))
        if mention is not None and content is not None and names_person(article, mention, people):
            return content, Cue(None, mention)
    return None


def names_person(article: ArticleContext, mention: Span, people) -> bool:
    """Whether a span is a person's name, by the tagger or by the article's people."""
    return any(e.label_ == "PERSON" for e in article.entities(mention)) or any(t.lower_ in people for t in mention)


ECHO_WORDS = 2  # a headline quote of fewer words is too common to find again ("'Shocking'")


@rule("headline-echo", confidence=0.8, method="echo")
def echoed_quote(words: str, body: list) -> object | None:
    """The first quote of the story's body (Quote records, text order) whose words hold the headline quote's
    ``words``, whatever their capitals; None when none does."""
    wanted = WORD.findall(words.lower())
    if len(wanted) < ECHO_WORDS:
        return None
    for quote in body:
        found = WORD.findall(quote.content.text.lower())
        if any(found[i:i + len(wanted)] == wanted for i in range(len(found) - len(wanted) + 1)):
            return quote
    return None
