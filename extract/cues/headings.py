"""Headings: a quote standing alone under a heading that names a person is theirs.

Lists of quotes ("## 2. Jo Smith, astronaut, at Red Rock" and then
"\u201cFrom orbit you can't see a border.\u201d") name the speaker in the
heading above the quote, not beside it. A heading is a short paragraph that
ends without a full stop and opens with the markdown heading mark, a list
number or the name itself; its first run of proper nouns is the mention.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from extract import quotes
from extract.context import ArticleContext, QuoteContext
from extract.cues import Cue, rule
from extract.vocabulary import is_person_noun, is_title

HEADING = re.compile(r"^(?:#{1,6}\s*)?(?:\d{1,3}[.)]\s+)?(?P<rest>[^\n]+)$")
HEADING_WORDS = 16  # a heading is no longer than this
SENTENCE_END = tuple(".:;,?!\"\u201d\u2019'")


def alone_under_a_heading(ctx: QuoteContext) -> bool:
    """The quote is its paragraph, and the paragraph before is a heading."""
    stmt, article = ctx.stmt, ctx.article
    if not stmt.opens_paragraph or stmt.paragraph == 0:
        return False
    end = article.paragraphs[stmt.paragraph][1]
    after = article.text[stmt.end:end]
    return all(c in quotes.MARK_CHARS or c.isspace() for c in after) and heading(article, stmt.paragraph - 1) is not None


def heading(article: ArticleContext, paragraph: int) -> Span | None:
    """The paragraph as a heading: its words after the heading mark and number, if it is one."""
    start, end = article.paragraphs[paragraph]
    text = article.text[start:end]
    match = HEADING.match(text)
    if match is None or text.rstrip().endswith(SENTENCE_END) or len(text.split()) > HEADING_WORDS:
        return None
    return article.span(start + match.start("rest"), end)


@rule("heading", confidence=0.8, method="heading", guard=alone_under_a_heading)
def heading_name(ctx: QuoteContext) -> Cue | None:
    """The name that opens the heading above a quote standing alone ("## 2. Jo Smith, astronaut")."""
    words = heading(ctx.article, ctx.stmt.paragraph - 1)
    name = opening_name(words) if words is not None else None
    return Cue(name, name) if name is not None else None


def opening_name(words: Span) -> Span | None:
    """The run of proper nouns (titles included) that opens a heading, up to its first comma or lower-case word."""
    doc, end = words.doc, words.start
    while end < words.end and (doc[end].pos_ == "PROPN" or is_title(doc[end]) or doc[end].text in {".", "-"}
                               and end > words.start or doc[end].text.istitle() and is_person_noun(doc[end])):
        end += 1  # "Dr. Jo Smith-Lee", "Novelist Jo Smith"
    name = words.doc[words.start:end]
    return name if any(t.pos_ == "PROPN" for t in name) and (end == words.end or words.doc[end].text == ",") else None
