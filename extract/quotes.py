"""Finding quoted passages by their quote marks, on plain text.

This stage needs no model: it pairs quote marks paragraph by paragraph and
returns ``QuotedPart`` records with character offsets. Joining parts into
statements and deciding who said them is the work of ``attribution``.

Handled: straight, curly and guillemet double quotes, quotes nested inside a
quote of another style, quotes that run over several paragraphs (each
paragraph reopens the quote, only the last closes it) and unmatched marks
(a quote left open runs to the end of its paragraph; a stray closing mark is
skipped), so one odd mark never loses the other quotes of an article.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# family -> (opening marks, closing marks)
FAMILIES = {
    "straight": ('"', '"'),
    "curly": ("\u201c\u201e", "\u201d"),
    "guillemet": ("\u00ab", "\u00bb"),
}
MARKS = {ch: family for family, (opens, closes) in FAMILIES.items() for ch in opens + closes}
OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/:") | {""}
CLOSE_CONTEXT = set(" \t\n)]}.,;:!?\u2014\u2013-/'\u2019") | {""}


@dataclass(frozen=True)
class QuotedPart:
    """Words between one pair of quote marks inside one paragraph.

    ``start``/``end`` cover the quoted words (marks excluded). ``closed`` is
    False when the paragraph ended first; ``continued`` is True when the next
    paragraph reopens the same quote.
    """

    start: int
    end: int
    paragraph: int
    closed: bool = True
    continued: bool = False


def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Return (start, end) of every non-blank line, stripped of edge spaces."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((match.start() + lead, match.start() + len(line.rstrip())))
    return tuple(spans)


def mark_role(text: str, i: int) -> str:
    """Say whether the quote mark at ``i`` opens, closes or could do either."""
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    can_open = before in OPEN_CONTEXT or before in MARKS
    can_close = after in CLOSE_CONTEXT or after in MARKS
    family = MARKS[ch]
    opens, closes = FAMILIES[family]
    if ch in opens and ch not in closes:
        return "open" if can_open or not can_close else "either"
    if ch in closes and ch not in opens:
        return "close" if can_close or not can_open else "either"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def markup(text: str) -> list[tuple[int, int]]:
    """Spans of HTML/XML tags, whose attribute quotes are no quotes."""
    return [m.span() for m in re.finditer(r"<[A-Za-z/][^<>\n]{0,500}>", text)]


def in_tag(tags: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether an offset lies inside one of the (sorted, separate) tag spans."""
    at = bisect_right(starts, offset) - 1
    return at >= 0 and offset < tags[at][1]


def pair_marks(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair the outermost quote marks in ``text[start:end]``.

    Returns the (open, close) mark positions and the position of a mark left
    open at the end, if any. Inside an open quote, marks of another style
    are nested quotes; a closing mark of another style that closes no nested
    quote closes the open one (``"...,” he said``: mixed styles).
    """
    pairs: list[tuple[int, int]] = []
    family, depth, nested, opened = None, 0, 0, None
    tags = markup(text[start:end])
    tag_starts = [s for s, _ in tags]
    for i in range(start, end):
        ch = text[i]
        if ch not in MARKS or in_tag(tags, tag_starts, i - start):
            continue
        role = mark_role(text, i)
        if depth == 0:
            if role != "close":
                family, depth, nested, opened = MARKS[ch], 1, 0, i
            continue
        if MARKS[ch] != family:
            if role == "close" and nested == 0:
                depth = 1  # a mixed-style close ends the outer quote
            else:
                nested += 1 if role == "open" or (role == "either" and nested == 0) else -1
                continue
        if role == "open":
            depth += 1
        else:
            depth -= 1
        if depth == 0:
            pairs.append((opened, i))
            family, opened = None, None
    return pairs, opened


def reopens(text: str, paragraph: tuple[int, int] | None, family: str) -> bool:
    """Whether a paragraph starts with an opening mark of ``family``."""
    if paragraph is None:
        return False
    first = text[paragraph[0]]
    return first in FAMILIES[family][0] and mark_role(text, paragraph[0]) != "close"


def quoted_parts(text: str, spans: tuple[tuple[int, int], ...] | None = None) -> list[QuotedPart]:
    """Find every quoted passage of ``text``, paragraph by paragraph (``spans``: its paragraphs, if known)."""
    parts = []
    spans = paragraphs(text) if spans is None else spans
    for index, (start, end) in enumerate(spans):
        pairs, left_open = pair_marks(text, start, end)
        parts.extend(QuotedPart(o + 1, c, index) for o, c in pairs if c > o + 1)
        if left_open is not None and end > left_open + 1:
            following = spans[index + 1] if index + 1 < len(spans) else None
            continued = reopens(text, following, MARKS[text[left_open]])
            parts.append(QuotedPart(left_open + 1, end, index, closed=False, continued=continued))
    return sorted(parts, key=lambda part: part.start)
