"""PolNeAR articles as parsed spaCy Docs with their gold cue, source and content spans.

Each article is parsed the way production parses it (``extract.nlp.load()``
without the quote component). Its gold spans go to ``doc.spans["cue"]``,
``["source"]`` and ``["content"]``, one span per piece of a discontinuous
element and per sentence, trimmed of the punctuation and quote marks the
scorer ignores; the grouping of the pieces into attributions goes to
``doc.user_data["attributions"]`` as token offsets.

    python -m train.convert POLNEAR_SPLIT_DIR OUT.spacy [--holdout HOLDOUT.spacy]

With ``--holdout``, every tenth article (in name order) goes there instead:
``spacy train`` picks its best checkpoint on it, so dev stays unseen.
"""
from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from train.brat import ELEMENTS, Article, Attribution, read_split

# What the scorer trims from both ends of a span before comparing.
TRIM = set(" \t\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb.,;:!?-\u2013\u2014()[]")
HOLDOUT_EVERY = 10


def is_trimmed(token) -> bool:
    """A token the scorer would trim away at the end of a span (punctuation, quote mark, space).

    spaCy's recognizer cannot begin or end a span on a space either.
    """
    return token.is_space or all(c in TRIM for c in token.text)


def token_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters ``start:end``, less trimmed tokens at both ends."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    first, last = span.start, span.end
    while first < last and is_trimmed(doc[first]):
        first += 1
    while last > first and is_trimmed(doc[last - 1]):
        last -= 1
    return doc[first:last] if last > first else None


def element_spans(doc: Doc, pieces: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token offsets of the pieces of one element."""
    spans = (token_span(doc, start, end) for start, end in pieces)
    return [(s.start, s.end) for s in spans if s is not None]


def by_sentence(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Tokens ``start:end`` cut where sentences start, each part trimmed.

    spaCy's recognizer finds spans inside one sentence: a content that runs
    over several sentences is learnt as one span per sentence, and the parts
    are joined again after prediction.
    """
    cuts = [start] + [t.i for t in doc[start + 1:end] if t.is_sent_start] + [end]
    parts = (token_span(doc, doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in zip(cuts, cuts[1:]))
    return [(p.start, p.end) for p in parts if p is not None]


def annotate(doc: Doc, attributions: Iterable[Attribution]) -> Doc:
    """Set the gold spans and groups of ``attributions`` on ``doc``."""
    groups = []
    for attribution in attributions:
        groups.append({el: element_spans(doc, getattr(attribution, el)) for el in ELEMENTS})
    for el in ELEMENTS:
        offsets = sorted({part for group in groups for piece in group[el] for part in by_sentence(doc, *piece)})
        doc.spans[el] = filter_spans([Span(doc, s, e, label=el.upper()) for s, e in offsets])
    doc.user_data["attributions"] = groups
    return doc


def parsed_docs(nlp: Language, articles: list[Article], batch_size: int = 16) -> Iterator[Doc]:
    """The articles parsed by ``nlp`` with their gold spans set and their name in ``user_data``."""
    texts = (article.text for article in articles)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=batch_size)):
        doc.user_data["name"] = article.name
        yield annotate(doc, article.attributions)


def production_pipeline() -> Language:
    """The project's spaCy pipeline (``extract.nlp.load``) without its quote component."""
    from extract import nlp as pipeline

    nlp = pipeline.load(coref=False, blis=True)  # the parse the committed model was trained on
    nlp.disable_pipe("quotedb")
    return nlp


def is_holdout(index: int) -> bool:
    return index % HOLDOUT_EVERY == HOLDOUT_EVERY - 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("split_dir", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--holdout", type=Path, help="every tenth article goes here")
    args = ap.parse_args()
    articles = read_split(args.split_dir)
    nlp = production_pipeline()
    main_bin, holdout_bin = DocBin(store_user_data=True), DocBin(store_user_data=True)
    for i, doc in enumerate(parsed_docs(nlp, articles)):
        (holdout_bin if args.holdout and is_holdout(i) else main_bin).add(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    main_bin.to_disk(args.out)
    if args.holdout:
        holdout_bin.to_disk(args.holdout)
    print(f"{args.out}: {len(main_bin)} docs" + (f", {args.holdout}: {len(holdout_bin)} docs" if args.holdout else ""))


if __name__ == "__main__":
    main()
