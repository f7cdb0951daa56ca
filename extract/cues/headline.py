"""Headlines: a headline that ends with "- Name" is that person's words ("Ports will reopen - Smith"); a quote
set before a headline is said by whom the words after its colon name ("'We will not back down': Minister defends
rise"), else by whom the story quotes when it repeats the quote ("'HE WOULDN'T LET GO': Mum's terror ...", and
later "'He wouldn't let go,' the mother said")."""
from __future__ import annotations

import re

from spacy.tokens import Span

from extract import quotes
from extract.context import ArticleContext, QuoteContext
from extract.cues import Cue, rule
from extract.vocabulary import speaks

HEADLINE = re.compile(r"(.{10,}?)\s+[-\u2013\u2014]\s+((?:[A-Z][\w.'\u2019-]+\s?){1,4})$")
HEADLINE_PARAGRAPHS = 3  # the headline is among the first paragraphs
KICKER_REACH = 3  # the speaker's noun is among the first words after a kicker's colon ("Tearful mum ...")
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


def kicker_colon(article: ArticleContext, start: int, end: int) -> int | None:
    """Where the colon stands after quoted words ``[start, end)`` that open their paragraph ("'HE WOULDN'T LET
    GO': Mum's terror as ..."): a quote set before a headline, not part of its clause; else None."""
    text = article.text
    paragraph_start, paragraph_end = article.paragraphs[article.paragraphs.index(start)]
    if text[paragraph_start:start].strip("".join(quotes.MARK_CHARS) + " *#"):
        return None
    after = end
    while after < paragraph_end and after < end + 4 and (text[after] in quotes.MARK_CHARS or text[after] in " .!?"):
        after += 1
    return after if after < paragraph_end and text[after] == ":" else None


@rule("kicker", confidence=0.75, method="colon")
def named_after_the_kicker(ctx: QuoteContext) -> Cue | None:
    """A quote set before a headline and who said it after the colon: "'We will not back down': Minister defends
    rise", "'I was terrified': Lena Haugland on her first novel": the first noun after the colon, when it can
    speak ("Mum's terror as ...": the mum), not "'GONE FOREVER': Floods sweep ...". Only above the lede
    (``ArticleContext.lede``)."""
    article, stmt = ctx.article, ctx.stmt
    lede = article.lede()
    colon = kicker_colon(article, stmt.start, stmt.end) if lede is not None and stmt.paragraph < lede else None
    if colon is None:
        return None
    words = article.span(colon + 1, article.paragraphs[stmt.paragraph][1])
    if words is None or not len(words):
        return None
    head = next((t for t in words[:KICKER_REACH] if t.pos_ in {"NOUN", "PROPN"}), None)
    while head is not None and head.dep_ == "compound" and words.start <= head.head.i < words.end and head.head.i > head.i:
        head = head.head  # "Minister", "Lena Haugland", "Mum's", however the parse hangs a headline's words
    if head is None or not speaks(head):
        return None
    return Cue(article.span(colon, colon + 1), article.doc[max(head.left_edge.i, words.start):head.i + 1])


ECHO_WORDS = 2  # a headline quote of fewer words is too common to find again ("'Shocking'")


@rule("headline-echo", confidence=0.8, method="echo")
def echoed_quote(words: str, body: list) -> object | None:
    """The first quote of the story's body (Quote records, text order) whose words hold the headline quote's
    ``words``, whatever their capitals; None when none does."""
    return holding(words, body, ECHO_WORDS)


def holding(words: str, quotes: list, least: int) -> object | None:
    """The first of the quotes whose words hold ``words`` (``least`` words or more), whatever their capitals."""
    return next((quote for quote in quotes if holds(quote.content.text, words, least)), None)


def holds(text: str, words: str, least: int) -> bool:
    """Whether a text holds ``words`` (``least`` words or more), whatever their capitals."""
    wanted = WORD.findall(words.lower())
    if len(wanted) < least:
        return False
    found = WORD.findall(text.lower())
    return any(found[i:i + len(wanted)] == wanted for i in range(len(found) - len(wanted) + 1))
