"""Headlines: a headline that ends with "- Name" is that person's words ("Ports will reopen - Smith")."""
from __future__ import annotations

import re

from spacy.tokens import Span

from extract.context import ArticleContext
from extract.cues import Cue, rule

HEADLINE = re.compile(r"(.{10,}?)\s+[-\u2013\u2014]\s+((?:[A-Z][\w.'\u2019-]+\s?){1,4})$")
HEADLINE_PARAGRAPHS = 3  # the headline is among the first paragraphs


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
