"""Continuations: a quote with no cue of its own continues the last speaker.

It does so when it opens its paragraph ("...," she said.  \u00b6 "And more.")
or comes right after the last quote's own cue in the same paragraph
('"A," X said on "Show." "B."').
"""
from __future__ import annotations

from extract.context import Statement
from extract.cues import rule
from extract.records import Quote


@rule("continuation", confidence=0.6, method="previous")
def continued_quote(stmt: Statement, last: Quote | None) -> Quote | None:
    """The quote a statement without a cue continues: the last quote with a speaker (``last``), if it fits."""
    if last is None or not (stmt.opens_paragraph or follows_its_cue(last, stmt)):
        return None
    return last


def follows_its_cue(last: Quote, stmt: Statement) -> bool:
    """Whether a quote comes right after the last quote's own cue, in one paragraph."""
    cue = last.cue
    return (cue is not None and last.paragraph == stmt.paragraph
            and last.content.end <= cue.start and cue.end <= stmt.start)
