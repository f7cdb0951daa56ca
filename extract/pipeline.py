"""Running the spaCy pipeline over articles and returning plain records."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from extract.records import Article, ExtractedArticle

MAX_CHARS = 200_000  # longer texts are cut to bound memory; the rest is reported


def prepared(article: Article) -> str:
    """The text given to spaCy: the article's text, capped in length."""
    return article.text[:MAX_CHARS]


def extract_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[ExtractedArticle]:
    """Find and attribute the quotes of every article, in order."""
    pairs = ((prepared(article), article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        errors = tuple(doc._.quote_errors)
        if len(article.text) > MAX_CHARS:
            errors += (f"text cut to its first {MAX_CHARS} characters",)
        yield ExtractedArticle(article, tuple(doc._.quotes), errors)
