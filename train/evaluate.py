"""Run the attribution model alone over a PolNeAR split and write the scorer's database.

    python -m train.evaluate GOLD_DIR OUT.db [--model DIR] [--parsed SPLIT.spacy]
    python ../shared/eval/attributions.py OUT.db GOLD_DIR

Each article is parsed by the project's pipeline (without its quote
component), the model's attributions go to ``quotes``: one row per content
piece, the pieces of one attribution sharing a ``passage_id`` and carrying its
source (``mention_*``) and cue.
"""
from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from extract import learned
from train.brat import read_split
from train.convert import production_pipeline

SCHEMA = """
create table articles (id integer primary key, path text, text text);
create table quotes (
    id integer primary key, article_id integer, start_char integer, end_char integer,
    passage_id integer, mention_start_char integer, mention_end_char integer,
    cue_start_char integer, cue_end_char integer,
    content_start_char integer, content_end_char integer, kind text, score real
);
"""
QUOTE_MARKS = "\"\u201c\u201d\u00ab\u00bb"


def kind_of(found: learned.LearnedAttribution) -> str:
    """direct (all in quote marks), mixed (quoted words inside) or indirect."""
    text = " ".join(piece.text for piece in found.content)
    if not any(mark in text for mark in QUOTE_MARKS):
        return "indirect"
    direct = all(p[0].is_quote or (p.start > 0 and p.doc[p.start - 1].is_quote) for p in found.content)
    return "direct" if direct else "mixed"


def rows(article_id: int, found: Iterable[learned.LearnedAttribution], first_passage: int) -> list[tuple]:
    out = []
    for passage, attribution in enumerate(found, start=first_passage):
        source, cue = attribution.source, attribution.cue
        for piece in attribution.content:
            out.append((article_id, piece.start_char, piece.end_char, passage,
                        source.start_char if source else None, source.end_char if source else None,
                        cue.start_char, cue.end_char, piece.start_char, piece.end_char,
                        kind_of(attribution), attribution.score))
    return out


def write_db(path: Path, articles: Iterable[tuple[str, str, tuple[learned.LearnedAttribution, ...]]]) -> None:
    """A new scorer database at ``path`` with each article's (name, text, attributions)."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    passage = 1  # the scorer reads passage 0 as none
    for article_id, (name, text, found) in enumerate(articles, start=1):
        db.execute("insert into articles values (?, ?, ?)", (article_id, f"{name}.txt", text))
        db.executemany("insert into quotes (article_id, start_char, end_char, passage_id, "
                       "mention_start_char, mention_end_char, cue_start_char, cue_end_char, "
                       "content_start_char, content_end_char, kind, score) "
                       "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows(article_id, found, passage))
        passage += len(found)
    db.commit()
    db.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("db", type=Path)
    ap.add_argument("--model", type=Path, default=learned.MODEL_DIR)
    ap.add_argument("--parsed", type=Path, help="the split already parsed by train.convert (a .spacy file)")
    args = ap.parse_args()
    model = learned.load(args.model)
    write_db(args.db, ((name, doc.text, learned.attributions(doc, model)) for name, doc in parsed(args)))


def parsed(args) -> Iterable[tuple[str, Doc]]:
    """(name, parsed Doc) of each article of the split."""
    if args.parsed:
        nlp = spacy.blank("en")
        for doc in DocBin().from_disk(args.parsed).get_docs(nlp.vocab):
            yield doc.user_data["name"], doc
        return
    articles = read_split(args.gold_dir)
    docs = production_pipeline().pipe((a.text for a in articles), batch_size=16)
    yield from ((a.name, doc) for a, doc in zip(articles, docs))


if __name__ == "__main__":
    main()
