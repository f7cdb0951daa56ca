"""As X put it: "As the Gazette put it, the pool has become \u201cthe thing everybody loves\u201d".

The clause "as X put it" (or "as X said", "as X wrote") that opens or
closes a sentence gives that sentence's quoted words to X, though no
speech verb governs them. The verbs are data (``rules/putting_verbs.txt``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from extract import lexicon
from extract.context import ArticleContext, QuoteContext
from extract.cues import Cue, rule
from extract.grammar import noun_phrase, parsed_subject


@rule("as-put-it", confidence=0.8, method="subject")
def as_put_it(ctx: QuoteContext) -> Cue | None:
    """A clause "as X put it" in a sentence the quote touches, outside the quote: X."""
    article = ctx.article
    for index in article.sentences_touching(ctx.stmt.start, ctx.stmt.end):
        for verb in article.cached("putting-verbs", index, lambda i: [
                verb for verb in article.sentences[i] if putting(article, verb)]):
                subject = parsed_subject(article, verb)
                if subject is not None and not ctx.in_quote(subject) and not article.quoted(subject):
                    return Cue(ctx.doc[verb.i:verb.i + 1], whole_name(noun_phrase(subject)))
    return None


def whole_name(mention: Span) -> Span:
    """A name with the capitalised words before it the parse left out ("the Evening Lantern", not "Gazette")."""
    doc, start = mention.doc, mention.start
    while start > 0 and doc[start - 1].text.istitle() and doc[start - 1].pos_ in {"PROPN", "NOUN"} \
            and not doc[start - 1].is_sent_start:
        start -= 1
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    return doc[start:mention.end] if mention.root.pos_ == "PROPN" else mention


def putting(article: ArticleContext, verb: Token) -> bool:
    """A verb of saying in a clause opened by "as", outside quotes: "As the Gazette put it", "as she wrote"."""
    if verb.lemma_.lower() not in lexicon.entries("putting_verbs") or article.quoted(verb):
        return False
    if not any(child.lower_ == "as" and child.dep_ in {"mark", "advmod", "prep"} for child in article.children(
            verb, "mark", "advmod", "prep")):
        return False
    return verb.lemma_.lower() != "put" or bool(article.children(verb, "dobj"))  # "put it", not "put up"
