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
from extract.learned_layers import SpanRecognizer

VERSION = "0.1"
MODEL_DIR = Path(__file__).parent / "model" / f"attribution-{VERSION}"
BEAM_WIDTH = 4  # the recognizers' beam, for the probabilities of their spans


@dataclass(frozen=True)
class LearnedAttribution:
    """One attribution: its cue, its source (if the model found one) and its content pieces."""

    cue: Span
    source: Span | None
    content: tuple[Span, ...]
    score: float  # the model's confidence, 0..1: the least of its spans' and links' probabilities


@lru_cache(maxsize=4)
def load(path: str | Path = MODEL_DIR) -> Language:
    """The model's pipeline, loaded once per path."""
    return spacy.load(path)


# --- running the model ------------------------------------------------------

def attributions(doc: Doc, model: Language | None = None) -> tuple[LearnedAttribution, ...]:
    """The attributions the model finds in a parsed ``doc``, in text order."""
    model = model or load()
    copy = unannotated(doc)
    probabilities: dict[tuple[int, int], float] = {}
    for _, component in model.pipeline:
        if isinstance(component, SpanRecognizer):
            probabilities.update(recognize(component, copy))
        else:
            component(copy)
    return tuple(record(doc, group, probabilities) for group in copy.user_data.get("attributions", []))


def unannotated(doc: Doc) -> Doc:
    """A copy of a parsed Doc for the model: no entities (the recognizers would keep them) nor spans."""
    if not doc.has_annotation("DEP"):
        raise ValueError("the attribution model needs a parsed Doc")
    copy = doc.copy()
    copy.spans.clear()
    copy.user_data.clear()
    copy.set_ents([], default="missing")
    return copy


def recognize(component: SpanRecognizer, doc: Doc) -> dict[tuple[int, int], float]:
    """Run one recognizer with a small beam: its spans go to ``doc.spans``, their probabilities are returned."""
    beams = component.beam_parse([doc], beam_width=BEAM_WIDTH)
    component.set_annotations([doc], beams)
    probs = component.scored_ents(beams)[0]
    return {(s.start, s.end): min(1.0, probs.get((s.start, s.end, s.label), 0.0))
            for s in doc.spans[component.spans_key]}


def record(doc: Doc, group: dict, probabilities: dict[tuple[int, int], float]) -> LearnedAttribution:
    """A group of token offsets from the links component as a record over ``doc``."""
    (cue_start, cue_end), = group["cue"]
    content = tuple(doc[start:end] for start, end in group["content"])
    confidences = [probabilities.get((cue_start, cue_end), 0.0), group["link"]]
    confidences += [min((p for (s, e), p in probabilities.items() if piece.start <= s and e <= piece.end),
                        default=0.0) for piece in content]
    source = doc[slice(*group["source"][0])] if group["source"] else None
    return LearnedAttribution(doc[cue_start:cue_end], source, content, round(min(confidences), 3))
