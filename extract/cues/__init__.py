"""The attribution rules: one registry, tried in order, over one ``QuoteContext``.

Each rule is a small function of a statement's context that returns a
``Cue`` (the cue words, the speaker mention, a reporter) or None. It is
registered with ``@rule(name, confidence=..., method=..., guard=...)`` in the
module of its construction family; ``CUE_RULES`` below is the order in
which they are tried for a quoted statement, and so the table of contents
of attribution. ``find_cue`` is the loop: the first rule whose guard holds
and that finds a cue wins.

Nine rules find statements rather than cues for quoted ones, and are
applied by ``extract.attribution``: ``headline`` (a headline signed
"- Name"), ``headline-echo`` (a headline quote the story repeats),
``reported-speech`` (reported speech without quote marks: a
speech verb and its clause), ``parenthetical`` (a speech verb set into the
sentence it reports: "It cost, Haldane says, about a third"),
``learned-speech`` (reported speech the attribution model finds,
``learned.py``), ``transcript-turn`` and ``interview-turn`` (a paragraph
opening with a speaker label, "QUILL: ..." or "Q: ..."; ``transcripts.py``),
``continuation`` (a quote without a cue continues the last speaker) and
``nested-quote`` (a quote inside a quote, relayed by the person quoted).

``method`` is the name older databases stored for the rule (the column
``quotes.method`` is kept, derived from the rule and the resolution).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span

from extract.context import QuoteContext


@dataclass(frozen=True)
class Cue:
    """What a rule found: the cue words, who they name as speaker and who relays the words.

    ``content_start`` moves the start of the quote's words (past a
    transcript label inside the quote marks: ``"SMITH: ...``); ``source``
    is the whole expression naming the source where the rule knows it.
    """

    cue: Span | None
    mention: Span | None
    reporter: Span | None = None
    content_start: int | None = None
    source: Span | None = None  # the whole source expression, where the rule knows it (else derived from mention)


@dataclass(frozen=True)
class Unquoted:
    """A statement without quote marks that a statement rule found: its content pieces and its cue."""

    pieces: tuple[Span, ...]
    cue: Cue

    @property
    def start_char(self) -> int:
        return self.pieces[0].start_char

    @property
    def end_char(self) -> int:
        return self.pieces[-1].end_char


@dataclass(frozen=True)
class Rule:
    """A registered attribution rule."""

    name: str
    find: Callable
    confidence: float
    method: str
    guard: Callable[[QuoteContext], bool] | None = None
    introduces: bool = False  # its cue is a speech verb introducing the quote itself ("said", not "the claim")

    @property
    def description(self) -> str:
        return (self.find.__doc__ or "").strip().splitlines()[0]


REGISTRY: dict[str, Rule] = {}


def rule(name: str, *, confidence: float, method: str, guard: Callable[[QuoteContext], bool] | None = None,
         introduces: bool = False):
    """Register an attribution rule under ``name``."""
    def register(find: Callable) -> Callable:
        if name in REGISTRY:
            raise ValueError(f"attribution rule {name!r} is registered twice")
        REGISTRY[name] = Rule(name, find, confidence, method, guard, introduces)
        return find
    return register


# The construction families register their rules on import.
from extract.cues import (  # noqa: E402,F401,I001
    according, colon, continuation, headings, headline, learned, nested, nouns, parenthetical, putting, reported,
    sentences, signature, transcripts, verbs)

# The order in which rules are tried for a quoted statement: the table of contents.
CUE_RULES: tuple[Rule, ...] = tuple(REGISTRY[name] for name in (
    "transcript-label",      # colon.py      "SMITH: Are you running?" inside the quote marks
    "speech-verb",           # verbs.py      a speech verb that governs the quote: "...," she said
    "according-to",          # according.py  according to X
    "as-put-it",             # putting.py    as the Gazette put it, ... "..."
    "signature",             # signature.py  "..." - Jo Smith
    "kicker",                # headline.py   "We will not back down": Minister defends rise
    "heading",               # headings.py   "## 2. Jo Smith, astronaut" above a quote standing alone
    "nearby-verb",           # verbs.py      a speech verb with a subject in the sentences around
    "colon",                 # colon.py      Smith: "..."
    "speech-noun",           # nouns.py      Smith's claim that "..."
    "introducing-verb",      # sentences.py  a paragraph ending "She said:" before the quote
    "introducing-colon",     # sentences.py  a paragraph ending "Smith:" before the quote
    "introducing-sentence",  # sentences.py  a paragraph ending "Smith made this comment:"
    "clause",                # sentences.py  the subject of the clause the quote is part of
    "preceding-sentence",    # sentences.py  the subject of the sentence just before the quote
))
STATEMENT_RULES: tuple[Rule, ...] = tuple(REGISTRY[name] for name in (
    "headline", "headline-echo", "reported-speech", "parenthetical", "learned-speech", "transcript-turn",
    "interview-turn", "continuation", "nested-quote"))


def find_cue(ctx: QuoteContext) -> tuple[Rule, Cue] | None:
    """The first rule that attributes the statement, and what it found."""
    for candidate in CUE_RULES:
        if candidate.guard is not None and not candidate.guard(ctx):
            continue
        found = candidate.find(ctx)
        if found is not None:
            return candidate, found
    return None
