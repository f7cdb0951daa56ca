"""Running the spaCy pipeline over articles and returning plain records.

Each article has a budget (``Budget``): the characters of its text given to
the extractor (the rest is left out and reported), and the time its
extraction may take. The time is enforced from outside: the build extracts
in worker processes (``quotedb.engines``) and kills the one whose article
runs over; that article becomes an ``Unfinished`` record and the build
goes on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from extract.records import Article, ExtractedArticle, Quote, in_text

if TYPE_CHECKING:  # the build and its engines import this module without loading spaCy
    from spacy.language import Language

MAX_CHARS = 200_000  # longer texts are cut to bound memory and time; the rest is reported
MAX_SECONDS = 60.0  # about 150 times what an article of 800 words takes


@dataclass(frozen=True)
class Budget:
    """What the extraction of one article may use."""

    seconds: float = MAX_SECONDS
    chars: int = MAX_CHARS


@dataclass(frozen=True)
class Unfinished:
    """Work that did not finish (over its time, its process died, it raised): nothing of it is stored.

    ``article`` is the article extracted, or the ``sources.Source`` of a file read apart.
    """

    article: Article
    reason: str


def prepared(article: Article, max_chars: int = MAX_CHARS) -> str:
    """The text given to spaCy: the article's text, capped in length."""
    return article.text[:max_chars]


def extract_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16,
                     max_chars: int = MAX_CHARS) -> Iterator[ExtractedArticle]:
    """Find and attribute the quotes of every article, in order (in this process, with no time limit)."""
    pairs = ((prepared(article, max_chars), article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        errors = tuple(doc._.quote_errors)
        if len(article.text) > max_chars:
            errors += (f"text cut to its first {max_chars} characters",)
        yield ExtractedArticle(article, tuple(as_written(quote, article.text) for quote in doc._.quotes), errors)


def as_written(quote: Quote, text: str) -> Quote:
    """The quote with the words of its spans as the article writes them: the parse read them with the marks of
    emphasis blanked (``markup``), every offset the same."""
    return replace(quote, content=in_text(quote.content, text), cue=in_text(quote.cue, text),
                   mention=in_text(quote.mention, text), reported=in_text(quote.reported, text))


def article_extractor(budget: Budget) -> Callable[[Article], ExtractedArticle]:
    """Extract one article at a time with a pipeline loaded once (what a worker process runs)."""
    from extract import nlp

    model = nlp.load()

    def extract(article: Article) -> ExtractedArticle:
        [extracted] = extract_articles(model, [article], batch_size=1, max_chars=budget.chars)
        return extracted

    return extract
