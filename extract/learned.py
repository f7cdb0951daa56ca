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

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import extract.learned_links  # noqa: F401  (registers the parts the model's config names)
from extract.learned_layers import bare_copy

VERSION = "0.1"
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
    """The attributions the model finds in a parsed ``doc``, in text order."""
    if not doc.has_annotation("DEP"):
        raise ValueError("the attribution model needs a parsed Doc")
    copy = bare_copy(doc)
    for _, component in (model or load()).pipeline:
        component(copy)
    return tuple(record(doc, group) for group in copy.user_data.get("attributions", []))


def record(doc: Doc, group: dict) -> LearnedAttribution:
    """A group of token offsets from the links component as a record over ``doc``."""
    source = doc[slice(*group["source"][0])] if group["source"] else None
    return LearnedAttribution(doc[slice(*group["cue"][0])], source,
                              tuple(doc[start:end] for start, end in group["content"]), round(group["link"], 3))
