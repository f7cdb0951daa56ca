"""Shared fixtures: hand-made extraction records and a ``quotes.db`` built from them."""
import pytest

from db import schema, store
from extract.records import Article, CanonicalSpeaker, ExtractedArticle, Quote, Span, Speaker

JO_SMITH = Speaker("Jo Smith", "Mayor")
SMITH = Speaker("Smith")
ANN_LEE = Speaker("Ann Lee", "Union leader")
COUNCIL = Speaker("council spokesperson", None, "unnamed")

HARBOUR = (
    "Harbour deal signed\n\n"
    "\u201cWe agreed on every point,\u201d Mayor Jo Smith said on Tuesday.\n\n"
    "Smith added that the harbour would reopen in June.\n\n"
    "Union leader Ann Lee said the workers were \u201cnot consulted\u201d and would protest."
)
FERRY = (
    "Ferries return\n\n"
    "\u201cThe ferries are back.\n\n"
    "\u201cAnd the town is glad,\u201d Smith said, a council spokesperson told reporters.\n\n"
    "She said talks had been agreeable."
)


def span(text: str, fragment: str, occurrence: int = 1) -> Span:
    """The ``occurrence``-th place of ``fragment`` in ``text`` as a Span."""
    start = -1
    for _ in range(occurrence):
        start = text.index(fragment, start + 1)
    return Span(start, start + len(fragment), fragment)


def harbour() -> ExtractedArticle:
    """Three quotes of two speakers, one of them named two ways."""
    text = HARBOUR
    quotes = (
        Quote(span(text, "We agreed on every point,"), "direct", span(text, "said"),
              span(text, "Mayor Jo Smith"), JO_SMITH, method="subject", confidence=0.9, paragraph=1),
        Quote(span(text, "the harbour would reopen in June"), "indirect", span(text, "added"),
              span(text, "Smith", 2), SMITH, method="subject", confidence=0.7, paragraph=2),
        Quote(span(text, "the workers were \u201cnot consulted\u201d and would protest"), "mixed",
              span(text, "said", 2), span(text, "Union leader Ann Lee"), ANN_LEE,
              method="subject", confidence=0.8, paragraph=3),
    )
    article = Article("2024-05-01-harbour.txt", text, "sha-harbour", title="Harbour deal signed",
                      outlet="Coast Courier", published="2024-05-01")
    return ExtractedArticle(article, quotes)


def ferry() -> ExtractedArticle:
    """A quote over two paragraphs relayed by a reporter, and a pronoun."""
    text = FERRY
    said = span(text, "said")
    quotes = (
        Quote(span(text, "The ferries are back."), "direct", said, span(text, "Smith"), SMITH,
              COUNCIL, method="subject", confidence=0.8, paragraph=1, passage=0),
        Quote(span(text, "And the town is glad,"), "direct", said, span(text, "Smith"), SMITH,
              COUNCIL, method="subject", confidence=0.8, paragraph=2, passage=0),
        Quote(span(text, "talks had been agreeable"), "indirect", span(text, "said", 2),
              span(text, "She"), SMITH, method="coref", confidence=0.5, paragraph=3),
    )
    article = Article("2024-05-03-ferry.md", text, "sha-ferry", title="Ferries return",
                      outlet="Bay Herald", published="2024-05-03T09:30")
    return ExtractedArticle(article, quotes)


@pytest.fixture
def sample_articles() -> list[ExtractedArticle]:
    """Two extracted articles with six quotes between them."""
    return [harbour(), ferry()]


@pytest.fixture
def sample_speakers() -> list[CanonicalSpeaker]:
    """The corpus-wide speakers of the sample articles."""
    return [
        CanonicalSpeaker("Ann Lee", "Union leader", "person", (ANN_LEE,)),
        CanonicalSpeaker("Jo Smith", "Mayor", "person", (JO_SMITH, SMITH)),
        CanonicalSpeaker("council spokesperson", None, "unnamed", (COUNCIL,)),
    ]


@pytest.fixture
def quotes_db_file(tmp_path, sample_articles, sample_speakers):
    """A database file named ``quotes.db`` (Datasette calls the database ``quotes``)."""
    path = tmp_path / "quotes.db"
    with store.atomic(path) as db:
        schema.ensure_db_shape(db)
        for extracted in sample_articles:
            store.store_article(db, extracted)
        store.record_error(db, "broken.html", "cannot decode the file")
        store.write_speakers(db, sample_speakers)
        schema.set_meta(db, "extractor", "test")
    return path


@pytest.fixture
def unlistable(monkeypatch):
    """The names of folders that fail to list, as folders without read permission do (even for root)."""
    import os
    from pathlib import Path

    names = set()
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name in names:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return names


@pytest.fixture(scope="session")
def nlp():
    """The pipeline ``quotedb build`` uses, loaded once for every test that reads real text."""
    from extract import nlp as pipeline

    return pipeline.load()
