"""Attributions found by the learned model: cue, source and content spans of a parsed Doc.

The model (``extract/model/attribution-VERSION/``, trained by ``make train``
from PolNeAR) recognizes three kinds of span in a Doc parsed by the
project's pipeline: cues ("said", "according to", "told reporters"),
sources (who) and contents (what was said: the reported clause with its
"that", the quote without its marks), and groups them: each content piece
to its cue, each cue to its source (``extract.learned_links``).
``attributions(doc)`` gives them as ``LearnedAttribution`` records holding
spans of ``doc``, with a score:

    from extract import learned
    for found in learned.attributions(doc):
        found.cue, found.source, found.content, found.score

It reads the Doc and never changes it; it stores nothing.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import extract.learned_links  # noqa: F401  (registers the parts the model's config names)
from extract.learned_layers import bare_copy

VERSION = "0.2"
CHUNK_TOKENS = 5000  # the longest stretch of whole sentences the model reads at once (most articles are one)
NEAR_CUE = 1  # sentences on either side of a cue that the source and content recognizers read
MODEL_DIR = Path(__file__).parent / "model" / f"attribution-{VERSION}"


@dataclass(frozen=True)
class LearnedAttribution:
    """One attribution: its cue, its source (if the model found one) and its content pieces."""

    cue: Span
    source: Span | None
    content: tuple[Span, ...]
    score: float  # 0..1: the least probability among the choices of its cue and source by the rankers


@lru_cache(maxsize=4)
def load(path: str | Path = MODEL_DIR) -> Language:
    """The model's pipeline, loaded once per path."""
    return spacy.load(path)


# --- running the model ------------------------------------------------------

def attributions(doc: Doc, model: Language | None = None) -> tuple[LearnedAttribution, ...]:
    """The attributions the model finds in a parsed ``doc``, in text order.

    A long Doc is read in stretches of whole sentences of at most
    ``CHUNK_TOKENS`` tokens (a longer sentence is no prose and is left to the
    rules), so the memory the model takes stays bounded.
    """
    if not doc.has_annotation("DEP"):
        raise ValueError("the attribution model needs a parsed Doc")
    pipeline = (model or load()).pipeline
    return tuple(found for index in chunks(doc) for found in read(doc, pipeline, index))


def chunks(doc: Doc) -> list[list[int] | None]:
    """The stretches of the Doc the model reads, as token indices (None: the whole Doc)."""
    if len(doc) <= CHUNK_TOKENS:
        return [None]
    stretches: list[list[int]] = [[]]
    for sentence in doc.sents:
        if len(sentence) > CHUNK_TOKENS:
            continue
        if len(stretches[-1]) + len(sentence) > CHUNK_TOKENS:
            stretches.append([])
        stretches[-1].extend(range(sentence.start, sentence.end))
    return [stretch for stretch in stretches if stretch]


def read(doc: Doc, pipeline: list, index: list[int] | None) -> list[LearnedAttribution]:
    """The attributions in the tokens ``index`` of the Doc (None: all of it).

    The cue recognizer reads them all; the rest of the model reads only the
    sentences with a cue and those beside them (``NEAR_CUE``), where
    sources and contents lie.
    """
    copy = bare_copy(doc, index)
    first = next(k for k, (name, _) in enumerate(pipeline) if name == "cue") + 1
    for _, component in pipeline[:first]:
        component(copy)
    near = near_cues(copy)
    if near is not None:
        cues = [(cue.start, cue.end) for cue in copy.spans.get("cue", [])]
        position = {i: k for k, i in enumerate(near)}
        copy = bare_copy(copy, near)
        copy.spans["cue"] = [copy[position[start]:position[end - 1] + 1] for start, end in cues]
        index = near if index is None else [index[i] for i in near]
    for _, component in pipeline[first:]:
        component(copy)
    return [record(doc, group, index) for group in copy.user_data.get("attributions", [])]


def near_cues(copy: Doc) -> list[int] | None:
    """The tokens of the sentences within ``NEAR_CUE`` of a cue, in order; None when that is all of them."""
    sentences = list(copy.sents)
    starts = [sentence.start for sentence in sentences]
    with_cue = {bisect_right(starts, cue.start) - 1 for cue in copy.spans.get("cue", [])}
    kept = [k for k in range(len(sentences)) if any(k + step in with_cue for step in range(-NEAR_CUE, NEAR_CUE + 1))]
    if len(kept) == len(sentences):
        return None
    return [i for k in kept for i in range(sentences[k].start, sentences[k].end)]


def record(doc: Doc, group: dict, index: list[int] | None = None) -> LearnedAttribution:
    """A group of token offsets from the links component as a record over ``doc`` (``index``: their tokens in it)."""
    def span(start: int, end: int) -> Span:
        return doc[start:end] if index is None else doc[index[start]:index[end - 1] + 1]

    source = span(*group["source"][0]) if group["source"] else None
    return LearnedAttribution(span(*group["cue"][0]), source,
                              tuple(span(start, end) for start, end in group["content"]), round(group["link"], 3))
