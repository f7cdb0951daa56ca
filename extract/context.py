"""What attribution knows about an article and about each statement in it, computed once.

``ArticleContext`` holds what every rule and the speaker resolver ask of
the article: its text (joined once), its paragraphs, where its quotations
lie (one ``Quoted`` oracle), its sentences, and per paragraph the words
outside quotes and the speech verbs among them. ``QuoteContext`` adds, for
one statement, its content span, the tokens of the quote that hang on words
outside it, the paragraph's words before it and the quote's kind.

Nothing is kept on the Doc: a rule or a grammar helper called on an
``ArticleContext`` made by hand behaves as it does inside the component.
Every lookup is a bisection or a cached per-paragraph list, so the work for
a statement does not grow with the length of its paragraph or article.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from extract import quotes

LEDE_WORDS = 12  # a story's first paragraph of prose has at least this many words
CONTINUING = {"against", "for", "to", "in", "on", "at", "from", "with", "about", "over", "because", "which", "who",
              "when", "while", "than", "despite", "after", "before"}  # words that carry a quote's clause on past it
NOT_BEGUN = {"nsubj", "cc", "intj", "parataxis", "ccomp", "advcl"}  # a speaker or speech verb before the quote's words
ADDRESSEES = {"him", "her", "me", "us", "them", "you"}  # "told him \"Get out.\""
KIND_BREAKS = set(".,:;!?\n\u2014\u2013-")  # a quote after one of these stands as a sentence: direct


class Paragraphs:
    """The paragraphs of a text: (start, end) of every non-blank line, stripped of edge spaces."""

    def __init__(self, text: str):
        self.text = text
        self.spans = quotes.paragraphs(text)
        self.starts = [start for start, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.spans[index]

    def index(self, offset: int) -> int:
        """The paragraph holding a character offset (the one before, for an offset between paragraphs)."""
        return max(0, bisect_right(self.starts, offset) - 1)


class Quoted:
    """Where the quotations of an article lie: is a token inside one, its quote marks included?"""

    def __init__(self, spans):
        self.spans = sorted(spans)  # (start, end) of each quotation, its marks included; never overlapping
        self.starts = [start for start, _ in self.spans]

    def at(self, offset: int) -> bool:
        """Whether a character offset lies inside a quotation or on one of its marks."""
        at = bisect_right(self.starts, offset) - 1
        return at >= 0 and offset < self.spans[at][1]

    def __call__(self, token: Token) -> bool:
        return self.at(token.idx)

    def inside(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations overlapping ``[start, end)``, in text order."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = bisect_left(self.starts, end)
        return [(s, e) for s, e in self.spans[first:last] if e > start]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a quotation overlaps ``[start, end)``."""
        at = bisect_left(self.starts, end)  # quotations starting before ``end``: the last may overlap
        return at > 0 and self.spans[at - 1][1] > start


@dataclass(frozen=True)
class Statement:
    """Quoted parts of one paragraph that make one statement."""

    start: int
    end: int
    paragraph: int
    continued: bool
    opens_paragraph: bool
    parts: tuple[tuple[int, int], ...] = ()
    opening: int = 1  # characters of the opening mark before ``start`` (two for '', with the space for « )

    def quotes(self, token: Token) -> bool:
        """Whether the token lies inside one of the quoted parts (marks included)."""
        at = bisect_right(self.parts, (token.idx + 1, float("inf"))) - 1  # the parts are in text order
        return at >= 0 and self.parts[at][0] - 1 <= token.idx <= self.parts[at][1]


class ArticleContext:
    """One parsed article as attribution sees it; built once per Doc."""

    def __init__(self, doc: Doc, quoted_spans=(), paragraphs: Paragraphs | None = None):
        """``quoted_spans``: (start, end) of each quotation with its marks (``QuotedPart.outer``)."""
        self.doc = doc
        self.paragraphs = paragraphs or Paragraphs(doc.text)  # spaCy joins every token's text on each doc.text
        self.text = self.paragraphs.text
        self.quoted = Quoted(quoted_spans)
        self.sentences = list(doc.sents)
        self.sentence_starts = [sent.start for sent in self.sentences]
        self.sentence_start_chars = [sent.start_char for sent in self.sentences]
        self.sentence_end_chars = [sent.end_char for sent in self.sentences]
        self.ents = list(doc.ents)
        self.ent_starts = [ent.start for ent in self.ents]
        self._children: dict[int, dict[str, list[Token]]] = defaultdict(dict)
        for token in doc:
            if token.head.i != token.i:
                self._children[token.head.i].setdefault(token.dep_, []).append(token)
        self._windows: dict[int, list[Token]] = {}
        self._depths: dict[int, int] = {}
        self._caches: dict[tuple[str, int], object] = {}

    def lede(self) -> int | None:
        """The number of the story's first paragraph of prose: ``LEDE_WORDS`` words or more, ending a sentence (the
        paragraphs before it are the headline, a standfirst, a byline or a kicker); None when none is."""
        return self.cached("lede", 0, lambda _: next(
            (number for number, (start, end) in enumerate(self.paragraphs)
             if len(self.text[start:end].split()) >= LEDE_WORDS
             and self.text[start:end].rstrip().rstrip("\"'\u201d\u2019)*").endswith((".", "!", "?"))), None))

    def surnames(self) -> set[str]:
        """The last words, lower-cased, of the names the tagger marks as people's (computed once)."""
        return self.cached("person-surnames", 0,
                           lambda _: {ent[-1].lower_ for ent in self.ents if ent.label_ == "PERSON"})

    def span(self, start: int, end: int) -> Span | None:
        """The tokens covering the characters ``[start, end)``."""
        return self.doc.char_span(start, end, alignment_mode="expand")

    def children(self, token: Token, *deps: str) -> list[Token]:
        """The token's children with one of these dependency labels, in text order (without scanning them all)."""
        found = self._children.get(token.i, {})
        if len(deps) == 1:
            return found.get(deps[0], [])
        return sorted((child for dep in deps for child in found.get(dep, ())), key=lambda child: child.i)

    def entities(self, span: Span) -> list[Span]:
        """The named entities that lie wholly inside a span (``span.ents``, by bisection)."""
        found = []
        for ent in self.ents[bisect_left(self.ent_starts, span.start):]:
            if ent.start >= span.end:
                break
            if ent.end <= span.end:
                found.append(ent)
        return found

    def paragraph_of(self, token: Token) -> int:
        return self.paragraphs.index(token.idx)

    def sentence_of(self, token: Token) -> int:
        """Index of the token's sentence in ``sentences``."""
        return bisect_right(self.sentence_starts, token.i) - 1

    def sentences_touching(self, start: int, end: int) -> range:
        """Indices of the sentences that overlap the characters ``[start, end)``."""
        first = bisect_right(self.sentence_end_chars, start)
        last = bisect_left(self.sentence_start_chars, end) - 1
        return range(first, last + 1)

    def window(self, paragraph: int) -> list[Token]:
        """The tokens of a paragraph that lie outside every quotation."""
        if paragraph not in self._windows:
            start, end = self.paragraphs[paragraph]
            tokens = self.span(start, end)
            self._windows[paragraph] = [t for t in tokens or () if not self.quoted(t)]
        return self._windows[paragraph]

    def depth(self, token: Token) -> int:
        """The number of the token's ancestors in the parse (deeper words are governed more closely)."""
        path = []
        while token.i not in self._depths and token.head.i != token.i:
            path.append(token)
            token = token.head
        depth = self._depths.setdefault(token.i, 0)
        for word in reversed(path):
            depth += 1
            self._depths[word.i] = depth
        return self._depths[path[0].i] if path else depth

    def cached(self, name: str, index: int, compute):
        """A fact of one paragraph or sentence (by its index) computed once (``compute(index)``), for the rules that share it."""
        key = (name, index)
        if key not in self._caches:
            self._caches[key] = compute(index)
        return self._caches[key]

    def kind_of(self, stmt: Statement) -> str:
        """``direct`` when the quote stands as a sentence, ``mixed`` when embedded in one."""
        at = stmt.start - stmt.opening - 1  # the character before the opening mark
        while at >= 0 and self.text[at].isspace():
            at -= 1
        if at > 0 and self.text[at] in quotes.MARK_CHARS and self.text[at - 1] in ".!?":
            at -= 1  # a quote just before that ended its sentence: 'was "wrong." "We will appeal," he said
        if (at < 0 or self.text[at] in KIND_BREAKS or stmt.opens_paragraph) and not self.continued_after(stmt) \
                and not (self.text[at] == "," and self.begun_before(stmt)):
            return "direct"
        if self.exclaimed(stmt, at):
            return "direct"
        return "mixed"

    def exclaimed(self, stmt: Statement, at: int) -> bool:
        """Whether a quote right after a speech verb, or whom it was said to, is an utterance of its own: it opens on
        a capital and ends a sentence inside its marks ("She yelled \"You don't get to rewrite this!\" and left",
        "told him \"Get out.\"")."""
        from extract.grammar import has_speech_lemma  # (grammar reads this module)

        words = self.text[stmt.start:stmt.end].rstrip()
        if not words[:1].isupper() or words[-1:] not in {".", "!", "?"} or len(stmt.parts) > 1:
            return False
        before = self.span(max(0, at - 30), at + 1)
        if before is None or not len(before):
            return False
        last = before[-1]
        verb = last.head if last.lower_ in ADDRESSEES and last.dep_ in {"dobj", "dative"} else last
        return verb.pos_ == "VERB" and verb.i >= before.start and has_speech_lemma(self, verb)

    def begun_before(self, stmt: Statement) -> bool:
        """Whether a quote after a comma goes on a clause begun before the comma: a word left of the quote hangs on
        the quote's own words ("said that, \"For those ...\"", "With two thousand polling places, \"there is no
        single point of failure\"")."""
        span = self.span(stmt.parts[0][0], stmt.parts[0][1])
        if span is None:
            return False
        for token in span:
            if token.head.i < span.start or token.head.i >= span.end or token.head == token:
                if any(child.i < span.start and not child.is_punct and child.dep_ not in NOT_BEGUN
                       and self.sentence_of(child) == self.sentence_of(token) for child in token.lefts):
                    return True
        return False

    def continued_after(self, stmt: Statement) -> bool:
        """Whether the sentence goes on past the closing mark with the quote's own clause: it ends on no
        punctuation and a preposition or relative word follows ("said that, \"Of course he will defend himself\"
        against what ...")."""
        if len(stmt.parts) > 1 or stmt.end >= len(self.text) or not self.text[stmt.end - 1].isalnum():
            return False  # (a quote broken by its attribution keeps the kind of its first part)
        after = self.text[stmt.end:stmt.end + 40].lstrip("".join(quotes.MARK_CHARS) + " ").split(" ", 1)[0]
        return after in CONTINUING


class QuoteContext:
    """One statement in its article: what the rules ask about it, each computed once."""

    def __init__(self, article: ArticleContext, stmt: Statement):
        self.article = article
        self.stmt = stmt
        self.doc = article.doc

    def in_quote(self, token: Token) -> bool:
        """Whether a token belongs to this statement's quoted parts (marks included)."""
        return self.stmt.quotes(token)

    @cached_property
    def content(self) -> Span | None:
        """The tokens of the statement, from its first quoted word to its last."""
        return self.article.span(self.stmt.start, self.stmt.end)

    @cached_property
    def roots(self) -> list[Token]:
        """The quote's tokens whose head lies outside it: where the quote hangs in the sentence."""
        return [t for t in self.content or () if self.in_quote(t) and not self.in_quote(t.head)]

    @cached_property
    def window(self) -> list[Token]:
        """The tokens of the statement's paragraph outside every quotation."""
        return self.article.window(self.stmt.paragraph)

    @cached_property
    def window_before(self) -> int:
        """How many of the window's tokens come before the statement."""
        low, high = 0, len(self.window)
        while low < high:  # bisection on the tokens' offsets
            middle = (low + high) // 2
            if self.window[middle].idx < self.stmt.start:
                low = middle + 1
            else:
                high = middle
        return low

    def last_before(self, count: int) -> list[Token]:
        """The last ``count`` tokens of the window before the statement."""
        end = self.window_before
        return self.window[max(0, end - count):end]

    @cached_property
    def kind(self) -> str:
        return self.article.kind_of(self.stmt)

    @property
    def paragraph_start(self) -> int:
        return self.article.paragraphs[self.stmt.paragraph][0]
