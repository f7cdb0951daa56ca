"""Signatures: a name signed after the quote with a dash ("..." \u2015 Jo Smith)."""
from __future__ import annotations

import re

from extract import quotes
from extract.context import QuoteContext
from extract.cues import Cue, rule

SIGNATURE = re.compile(  # the name, perhaps after its role ("— chief product officer Ilse Varga") or before it ("— Ilse
    r"[^\S\n]*([\u2015\u2014\u2013-]{1,2})[^\S\n]*"  # Varga, chief product officer"), to the line's end or a quote
    r"((?:[a-z][\w'\u2019-]*[^\S\n]){0,4}(?:[A-Z][\w.'\u2019-]*[^\S\n]?){1,5}?)"
    r"(?:,[^\S\n]*[^\n\"\u201c\u201d\u00ab,]{1,60}?)?[.,]?[^\S\n]*(?=\n|$|[\"\u201c\u201d\u00ab])")


@rule("signature", confidence=0.85, method="signature")
def signed_name(ctx: QuoteContext) -> Cue | None:
    """A name signed after the quote with a dash ("..." \u2015 Jo Smith)."""
    text, end = ctx.article.text, ctx.stmt.end
    after = end
    while after < len(text) and text[after] in quotes.MARK_CHARS:  # past the closing mark ('' is two)
        after += 1
    match = SIGNATURE.match(text, after)
    if not match:
        return None
    written = match.group(2).rstrip()
    if written.endswith(".") and len(written.split()[-1]) > 3:
        written = written[:-1]  # the sentence's full stop, not an initial's
    name = ctx.article.span(match.start(2), match.start(2) + len(written))
    dash = ctx.article.span(match.start(1), match.end(1))
    if name is None or dash is None or not any(t.pos_ == "PROPN" for t in name):
        return None
    return Cue(dash, name)
