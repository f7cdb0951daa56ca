"""A database for the site's tests, named other than quotes.db: conftest's sample articles and three more.

The three more, written for these tests: one statement of Jo Smith in two
outlets with one word changed ("empty and unfounded" against "empty and
groundless"), and an article without a date or an outlet.
"""
from __future__ import annotations

from pathlib import Path

import conftest
from conftest import span
from db import schema, store
from quotedb.build import refresh_statements
from extract.records import Article, CanonicalSpeaker, ExtractedArticle, Quote

UNFOUNDED = "Mayor answers critics\n\n\u201cThe claims are empty and unfounded,\u201d Mayor Jo Smith said.\n"
GROUNDLESS = "Smith rejects claims\n\n\u201cThe claims are empty and groundless,\u201d Smith told the council.\n"
UNDATED = "Council notes\n\nA council spokesperson said the budget would pass in the autumn.\n"

SPEAKERS = [
    CanonicalSpeaker("Ann Lee", "Union leader", "person", (conftest.ANN_LEE,)),
    CanonicalSpeaker("Jo Smith", "Mayor", "person", (conftest.JO_SMITH, conftest.SMITH)),
    CanonicalSpeaker("council spokesperson", None, "unnamed", (conftest.COUNCIL,)),
]


def direct(text: str, words: str, mention: str, speaker) -> Quote:
    return Quote(span(text, words), "direct", span(text, "said" if "said" in text else "told"),
                 span(text, mention), speaker, method="subject", confidence=0.9, paragraph=1)


def more_articles() -> list[ExtractedArticle]:
    """The repeated statement and the undated article."""
    return [
        ExtractedArticle(Article("2024-05-04-claims.txt", UNFOUNDED, "sha-unfounded", title="Mayor answers critics",
                                 outlet="Harbour Times", published="2024-05-04"),
                         (direct(UNFOUNDED, "The claims are empty and unfounded,", "Mayor Jo Smith",
                                 conftest.JO_SMITH),)),
        ExtractedArticle(Article("2024-05-06-claims.txt", GROUNDLESS, "sha-groundless", title="Smith rejects claims",
                                 outlet="Bay Herald", published="2024-05-06"),
                         (direct(GROUNDLESS, "The claims are empty and groundless,", "Smith", conftest.SMITH),)),
        ExtractedArticle(Article("notes.txt", UNDATED, "sha-notes", title="Council notes"),
                         (Quote(span(UNDATED, "the budget would pass in the autumn"), "indirect",
                                span(UNDATED, "said"), span(UNDATED, "A council spokesperson"), conftest.COUNCIL,
                                method="subject", confidence=0.8, paragraph=1),)),
    ]


def claims_together(stored, quotes):
    """Statements for the tests: the two claims quotes together, every other grouped quote alone."""
    from corpus.statements import Statement

    claims = [q for q in quotes if q.text.startswith("The claims are")]
    alone = [Statement(None, q.speaker_id, (q.id,)) for q in quotes if q not in claims and q.speaker_id]
    return [Statement(None, claims[0].speaker_id, tuple(q.id for q in claims)), *alone]


def build_site_db(path: Path) -> Path:
    """Build the sample database at ``path`` (its file name is the database's name in Datasette)."""
    with store.atomic(path) as db:
        schema.ensure_db_shape(db)
        for extracted in (conftest.harbour(), conftest.ferry(), *more_articles()):
            store.store_article(db, extracted)
        store.record_error(db, "broken.html", "cannot decode the file")
        store.write_speakers(db, SPEAKERS)
        refresh_statements(db, claims_together)
        schema.set_meta(db, "extractor", "test")
    return path
