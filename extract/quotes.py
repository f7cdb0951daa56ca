"""Finding quoted passages by their quote marks, on plain text.

This stage needs no model: it pairs quote marks paragraph by paragraph and
returns ``QuotedPart`` records with character offsets. Joining parts into
statements and deciding who said them is the work of ``attribution``.

Handled: double quotes of every house style (straight, curly “...”, German
„...“ and Polish „...”, guillemets « ... » with or without inner spaces,
and the newswire and typesetting ``''...''`` and ````...''``), single quotes
('...' and ‘...’, British style), quotes nested inside a quote of another
style, quotes that run over several paragraphs (each paragraph reopens the
quote, only the last closes it) and unmatched marks (a double quote left
open runs to the end of its paragraph; a stray closing mark is skipped), so
one odd mark never loses the other quotes of an article.

A straight or curly single quote is also the apostrophe, so single quotes
are paired on their own, by context (``single_role``): a mark between two
letters is an apostrophe (don't, O'Brien); an opening mark follows a space
or punctuation and comes before a word ('90s is no opening); a closing mark
follows a word and comes before a space, punctuation or the end, and the
plural possessive (the Smiths' house) closes nothing: after an s, a mark
closes only before a word that follows no possessive ('in real boxes'
before). A closing mark after punctuation (``,'``) closes at once;
otherwise the first plausible one before the next opening mark does. Single
quotes close within their paragraph unless the next paragraph reopens them.
Where single and double quotes meet, the outer quote wins and the inner one
is nested; where they cross, the double.

Every pass over a paragraph visits each mark once (no look-back over the
paragraph), so the work grows with the number of marks.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# family -> (opening marks, closing marks) of double quotes; a mark may be two characters
FAMILIES = {
    "straight": (('"',), ('"',)),
    "curly": (("\u201c", "\u201e", "\u201f"), ("\u201d",)),
    "guillemet": (("\u00ab",), ("\u00bb",)),
    "doubled": (("''", "``"), ("''",)),  # ''newswire'' and ``typeset'' quotes
}
CLOSERS = {"\u201e": ("\u201c",)}  # closing marks beyond the family's own, by opening mark: German „...“
MARKS = {mark: family for family, (opens, closes) in FAMILIES.items() for mark in opens + closes}
SINGLE_OPENING = "'\u2018\u2039"  # and the single guillemet of a quote inside \u00ab...\u00bb
SINGLE_CLOSING = "'\u2019\u203a"
SINGLES = set(SINGLE_OPENING + SINGLE_CLOSING)
MARK_CHARS = {ch for mark in MARKS for ch in mark} | SINGLES  # every character that may belong to a quote mark
# a doubled mark between two letters is a closing single quote and an apostrophe ('the Show''s end')
MARK_PATTERN = re.compile(r"(?<!\w)''|''(?!\w)|``|[" + "".join(m for m in MARKS if len(m) == 1) + "".join(SINGLES) + "]")
SPACES = set(" \t\n\u00a0\u202f\u2009")
OPEN_CONTEXT = SPACES | set("([{\u2014\u2013-/:") | {""}
CLOSE_CONTEXT = SPACES | set(")]}.,;:!?\u2014\u2013-/'\u2019\u2026") | {""}
CLOSING_PUNCTUATION = set(".,;:!?\u2014\u2013-\u2026")  # before a single closing mark: ``,'`` closes at once
AFTER_CLOSE = set(".,;:!?)]}\u2014\u2013\u2026") | {""}  # after a single closing mark: ``'.`` closes too
POSSESSIVE_ENDS = set("sSzZ")  # the Smiths' house, Diaz' plan
ELIDED_YEAR = re.compile(r"\d\d(?:s\b|\b)")  # '90s, '16
# a word no plural possessive comes before (a possessive comes before a noun: the Smiths' house)
NO_NOUN_NEXT = re.compile(r"(?:in|on|at|to|for|from|with|by|before|after|when|while|as|and|but|or|because|if|"
                          r"since|until|than|that|which|who|over|during)\b")


@dataclass(frozen=True)
class QuotedPart:
    """Words between one pair of quote marks inside one paragraph.

    ``start``/``end`` cover the quoted words (marks and the spaces inside
    them excluded); ``opening`` and ``closing`` are how many characters the
    marks take before and after them (``''`` is two, ``« `` with its space
    two), so ``outer`` is the quotation with its marks. ``closed`` is False
    when the paragraph ended first (``closing`` is then 0); ``continued`` is
    True when the next paragraph reopens the same quote.
    """

    start: int
    end: int
    paragraph: int
    closed: bool = True
    continued: bool = False
    opening: int = 1
    closing: int = 1

    @property
    def outer(self) -> tuple[int, int]:
        """(start, end) of the quotation with its marks."""
        return self.start - self.opening, self.end + self.closing


@dataclass(frozen=True)
class Mark:
    """One quote mark found in the text."""

    at: int
    text: str

    @property
    def end(self) -> int:
        return self.at + len(self.text)


BLOCKQUOTE = re.compile(r"[^\S\n]*(?:>[^\S\n]*)*")  # spaces and markdown blockquote marks opening a line


def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Return (start, end) of every non-blank line, stripped of edge spaces and blockquote marks ("> ")."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        lead = BLOCKQUOTE.match(line).end()
        if line[lead:].strip():
            spans.append((match.start() + lead, match.start() + len(line.rstrip())))
    return tuple(spans)


def is_blockquote(text: str, paragraph: tuple[int, int]) -> bool:
    """Whether a paragraph is a Markdown blockquote line ("> ...")."""
    return ">" in text[text.rfind("\n", 0, paragraph[0]) + 1:paragraph[0]]


def introduced_blockquote(text: str, spans: tuple[tuple[int, int], ...], index: int) -> bool:
    """Whether a paragraph is a blockquote line that a colon introduces: the paragraph before its run of blockquote
    lines ends with one ("The mayor posted this on Facebook:" above "> Stay home tonight."), so its words are the
    text quoted, set out without quote marks."""
    while index > 0 and is_blockquote(text, spans[index]):
        index -= 1
        if not is_blockquote(text, spans[index]):
            return text[spans[index][1] - 1] == ":"
    return False


def markup(text: str) -> list[tuple[int, int]]:
    """Spans of HTML/XML tags, whose attribute quotes are no quotes."""
    return [m.span() for m in re.finditer(r"<[A-Za-z/][^<>\n]{0,500}>", text)]


def in_tag(tags: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether an offset lies inside one of the (sorted, separate) tag spans."""
    at = bisect_right(starts, offset) - 1
    return at >= 0 and offset < tags[at][1]


def marks_in(text: str, start: int, end: int) -> list[Mark]:
    """The quote marks of ``text[start:end]`` outside HTML tags, in order."""
    tags = markup(text[start:end])
    tag_starts = [s for s, _ in tags]
    return [Mark(m.start(), m.group()) for m in MARK_PATTERN.finditer(text, start, end)
            if not in_tag(tags, tag_starts, m.start() - start)]


# ---------------------------------------------------------------- double quotes

def mark_role(text: str, mark: Mark, opened: Mark | None = None) -> str:
    """Say whether a double quote mark opens, closes or could do either.

    ``opened`` is the mark of the quote open at this point, which decides
    whether a German closing mark (“ after „) closes.
    """
    before = text[mark.at - 1] if mark.at > 0 else ""
    after = text[mark.end] if mark.end < len(text) else ""
    can_open = before in OPEN_CONTEXT or before in MARK_CHARS
    can_close = after in CLOSE_CONTEXT or after in MARK_CHARS
    opens, closes = FAMILIES[MARKS[mark.text]]
    is_opening = mark.text in opens
    is_closing = mark.text in closes or (opened is not None and mark.text in CLOSERS.get(opened.text, ()))
    if is_opening and not is_closing:
        return "open" if can_open or not can_close else "either"
    if is_closing and not is_opening:
        return "close" if can_close or not can_open else "either"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def family(mark: Mark) -> str:
    return MARKS[mark.text]


def pair_double(text: str, marks: list[Mark]) -> tuple[list[tuple[Mark, Mark]], Mark | None]:
    """Pair the outermost double quote marks of one paragraph.

    Returns the (open, close) marks and the mark left open at the end, if
    any. Inside an open quote, marks of another style are nested quotes; a
    closing mark of another style that closes no nested quote closes the
    open one (``"...,” he said``: mixed styles).
    """
    pairs: list[tuple[Mark, Mark]] = []
    opened, depth, nested = None, 0, 0
    for mark in marks:
        if mark.text in SINGLES:
            continue
        role = mark_role(text, mark, opened)
        if opened is None:
            if role == "open" or (role == "either" and len(mark.text) == 1):
                opened, depth, nested = mark, 1, 0
            continue
        if family(mark) != family(opened):
            if role == "close" and nested == 0:
                depth = 1  # a mixed-style close ends the outer quote
            else:
                nested += 1 if role == "open" or (role == "either" and nested == 0) else -1
                continue
        depth += 1 if role == "open" else -1
        if depth == 0:
            pairs.append((opened, mark))
            opened = None
    return pairs, opened


# ---------------------------------------------------------------- single quotes

def single_role(text: str, mark: Mark, start: int, end: int) -> str | None:
    """What a single quote mark in the paragraph ``[start, end)`` does, if anything.

    ``open``; ``close`` (after punctuation: it closes at once); ``close-before``
    (before punctuation or the end); ``close-word`` (after a word, before a
    space); None for an apostrophe.
    """
    before = text[mark.at - 1] if mark.at > start else ""
    after = text[mark.end] if mark.end < end else ""
    if before.isalnum() and after.isalnum():
        return None  # don't, O'Brien, rock'n'roll
    if mark.text in SINGLE_OPENING and (before in OPEN_CONTEXT or before in MARK_CHARS) \
            and after and after not in SPACES:
        return None if ELIDED_YEAR.match(text, mark.end, end) else "open"
    if mark.text not in SINGLE_CLOSING or before in SPACES or before == "" \
            or not (after in CLOSE_CONTEXT or after in MARK_CHARS):
        return None
    if before in CLOSING_PUNCTUATION:
        return "close"
    if after in AFTER_CLOSE or after in MARK_CHARS:
        return "close-before"
    if before in POSSESSIVE_ENDS and not NO_NOUN_NEXT.match(text, mark.end + 1, end):
        return None  # the Smiths' house; but 'real votes in real boxes' before ..., 'yes' to the plan
    return "close-word"


def pair_single(text: str, marks: list[Mark], start: int, end: int) -> tuple[list[tuple[Mark, Mark]], Mark | None]:
    """Pair the single quote marks of one paragraph, apostrophes aside.

    Returns the (open, close) marks and the mark left open at the end. An
    open quote closes at the first mark after punctuation (``,'``); failing
    that, when the next opening mark or the paragraph's end comes, at the
    first mark before punctuation, else at the first after a word. An
    opening mark that finds no closing mark before the next one was no quote.
    """
    pairs: list[tuple[Mark, Mark]] = []
    opened: Mark | None = None
    waiting: dict[str, Mark] = {}  # the first closing mark of each weaker kind since ``opened``
    for mark in marks:
        if mark.text not in SINGLES:
            continue
        role = single_role(text, mark, start, end)
        if role is None or (opened is None and role != "open"):
            continue
        if role == "close":
            pairs.append((opened, mark))
            opened, waiting = None, {}
        elif role == "open":
            if opened is not None and waiting:
                pairs.append((opened, best_waiting(waiting)))
            opened, waiting = mark, {}
        else:
            waiting.setdefault(role, mark)
    if opened is not None and waiting:
        pairs.append((opened, best_waiting(waiting)))
        opened = None
    return [(o, c) for o, c in pairs if is_quotable(text[o.end:c.at])], opened


def best_waiting(waiting: dict[str, Mark]) -> Mark:
    return waiting.get("close-before") or waiting["close-word"]


def is_quotable(words: str) -> bool:
    """Whether single quotes hold words rather than a letter ('n', 'A')."""
    return sum(ch.isalnum() for ch in words) >= 2


# ---------------------------------------------------------------- both

def outermost(spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """The quotations not nested in another: (start, end, is_double), by start.

    A quotation inside another is nested; of two that cross, the double
    quote is kept.
    """
    kept: list[tuple[int, int, bool]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        last = kept[-1] if kept else None
        if last is None or span[0] >= last[1]:
            kept.append(span)
        elif span[1] > last[1] and span[2] and not last[2]:
            kept[-1] = span  # crossing: the double quote wins
    return kept


def pair_marks(text: str, start: int, end: int) -> tuple[list[tuple[Mark, Mark]], Mark | None]:
    """Pair the outermost quote marks of the paragraph ``text[start:end]``.

    Returns the (open, close) marks and the mark left open at the end, if
    any: a double quote left open, or a single one the next paragraph
    reopens (the caller decides).
    """
    marks = marks_in(text, start, end)
    doubles, double_open = pair_double(text, marks)
    singles, single_open = pair_single(text, marks, start, end)
    by_start = {o.at: (o, c) for o, c in doubles + singles}
    spans = [(o.at, c.end, o.text not in SINGLES) for o, c in doubles + singles]
    for left in (double_open, single_open):
        if left is not None:
            by_start[left.at] = (left, None)
            spans.append((left.at, end, left.text not in SINGLES))
    kept = [by_start[s] for s, _, _ in outermost(spans)]
    pairs = [(o, c) for o, c in kept if c is not None]
    left_open = next((o for o, c in kept if c is None), None)
    return pairs, left_open


def nested_quotations(text: str, spans: tuple[tuple[int, int], ...] | None = None) -> list[tuple[int, int]]:
    """The words of each quotation inside another ("She said, 'Who is going to clean this?'" in a quote), by start.

    The other style's marks inside a quotation, closed in its paragraph;
    the quotation around them may run on to the next paragraph.
    """
    found = []
    for start, end in paragraphs(text) if spans is None else spans:
        marks = marks_in(text, start, end)
        doubles, double_open = pair_double(text, marks)
        singles, single_open = pair_single(text, marks, start, end)
        pairs = sorted(doubles + singles, key=lambda pair: (pair[0].at, -pair[1].end))
        runs_on = min((mark.at for mark in (double_open, single_open) if mark is not None), default=end)
        reach = -1  # the furthest end of the quotations opened before this one: it lies inside one that reaches it
        for opened, closing in pairs:
            inside = closing.end <= reach or opened.at > runs_on  # or inside the quote left open to the next paragraph
            words = words_between(text, opened.end, closing.at) if inside else None
            if words is not None:
                found.append(words)
            reach = max(reach, closing.end)
    return sorted(found)


def reopens(text: str, paragraph: tuple[int, int] | None, opened: Mark) -> bool:
    """Whether a paragraph starts by reopening the quote opened with ``opened``."""
    if paragraph is None:
        return False
    first = MARK_PATTERN.match(text, *paragraph)
    if first is None:
        return False
    mark = Mark(first.start(), first.group())
    if opened.text in SINGLES:
        return mark.text == opened.text and single_role(text, mark, *paragraph) == "open"
    return mark.text in MARKS and family(mark) == family(opened) and mark_role(text, mark) != "close"


def words_between(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without the spaces at either edge (« ... »), or None when no word is left."""
    while start < end and text[start] in SPACES:
        start += 1
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return (start, end) if end > start else None


def quoted_parts(text: str, spans: tuple[tuple[int, int], ...] | None = None) -> list[QuotedPart]:
    """Find every quoted passage of ``text``, paragraph by paragraph (``spans``: its paragraphs, if known)."""
    parts = []
    spans = paragraphs(text) if spans is None else spans
    for index, (start, end) in enumerate(spans):
        pairs, left_open = pair_marks(text, start, end)
        for opened, closing in pairs:
            words = words_between(text, opened.end, closing.at)
            if words is not None:
                parts.append(QuotedPart(*words, index, opening=words[0] - opened.at, closing=closing.end - words[1]))
        if not pairs and left_open is None and introduced_blockquote(text, spans, index):
            continued = index + 1 < len(spans) and is_blockquote(text, spans[index + 1])
            parts.append(QuotedPart(start, end, index, closed=not continued, continued=continued, opening=0, closing=0))
        if left_open is not None:
            following = spans[index + 1] if index + 1 < len(spans) else None
            continued = reopens(text, following, left_open)
            words = words_between(text, left_open.end, end)
            if words is not None and (continued or left_open.text not in SINGLES):
                parts.append(QuotedPart(*words, index, closed=False, continued=continued,
                                        opening=words[0] - left_open.at, closing=0))
    return sorted(parts, key=lambda part: part.start)
