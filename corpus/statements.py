"""Grouping quotes into statements: the same words of one speaker across articles.

Agency copy is republished, translated and rewritten, so one thing a speaker
said turns up in many articles, word for word or nearly. A statement is such
a group of quotes. Only the same speaker's direct and mixed quotes group;
indirect speech is the reporter's wording and stays out.

Two quotes are the same statement when, after ``normalise`` (case,
punctuation, quote marks, hyphens, whitespace):

- their words are equal;
- one is a fragment of the other: its words run, in order and unbroken,
  inside the other's ("empty and unfounded" in "empty and unfounded,
  serving as a ploy"), and it has at least ``MIN_FRAGMENT_WORDS`` words;
- one is an excerpt of the other: the shorter's content words (below)
  appear in the longer one in the same order, all but a few of them
  (at least ``EXCERPT`` of them and ``MIN_SHARED``), so two outlets that
  cut one passage differently, or wrote "we've" for "we have" or "law" for
  "laws", still meet;
- or they say nearly the same: the Jaccard similarity of their content-word
  sets is at least ``NEAR`` and they share at least ``MIN_SHARED`` of
  them. Content words are the words outside a small
  list of function words, cut to their first ``STEM_LENGTH`` letters (a
  crude stemmer: "considered", "consideration" -> "consi"), so a
  re-translation that swaps word order, articles and endings still scores
  high while two statements that share a topic do not. A quote with or
  without a negation never nearly matches one of the other polarity.

Grouping runs in a fixed order (published, path, offset): each quote joins
the statement holding a match, or starts a new one; a quote that matches
several statements (a long quote holding two excerpts) joins them into the
earliest. ``regroup`` adds quotes to stored statements without redoing the
rest: a speaker's new quotes that all come after the ones already grouped
are appended, which gives what a full rebuild would; otherwise that one
speaker is grouped again from scratch.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

GROUPED_KINDS = frozenset({"direct", "mixed"})
STEM_LENGTH = 5
NEAR = 0.55  # Jaccard of content-word stems; tests/test_statements.py pins what it separates
MIN_SHARED = 5  # content words two quotes must share before a near match counts
EXCERPT = 0.8  # share of the shorter quote's content words found in order in the longer
MIN_FRAGMENT_WORDS = 3  # words a fragment needs to join a longer quote
MIN_FRAGMENT_CONTENT = 2  # of them content words

FUNCTION_WORDS = frozenset("""
a an the this that these those it its it's they them their we us our you your he him his she her
i me my is are was were be been being am has have had do does did will would shall should can could
may might must of to in on at by for from with about into as than then so and or but if also too
very there here who whom which what when while where how all any some such both each just even
""".split())
NEGATION = "not"  # how every negation stands in a content sequence
NEGATIONS = frozenset({"no", "not", "never", "nothing", "none", "neither", "nor", "nobody", "cannot", "cant", "wont"})
QUOTED = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]([^\"\u201c\u201d\u201e\u00ab\u00bb]+)[\"\u201c\u201d\u201e\u00ab\u00bb]")
APOSTROPHES = re.compile(r"[\u2019\u2018'`\u00b4]")
JOINING_HYPHEN = re.compile(r"(?<=\w)[-\u2010\u2011](?=\w)")
NOT_WORD = re.compile(r"[^\w\s]|_")


@dataclass(frozen=True)
class QuoteText:
    """What grouping needs to know of one quote."""

    id: int
    speaker_id: int | None
    kind: str
    text: str
    order: tuple  # (published, path, start): the fixed order of grouping

    @cached_property
    def words(self) -> tuple[str, ...]:
        return words(compared_text(self.text, self.kind))

    @cached_property
    def phrase(self) -> str:
        """The words with spaces around, for unbroken-run containment."""
        return f" {' '.join(self.words)} "

    @cached_property
    def content(self) -> frozenset[str]:
        return content_words(self.words)

    @cached_property
    def content_sequence(self) -> tuple[str, ...]:
        """The content-word stems in the order they are said, each negation as ``NEGATION``."""
        return tuple(NEGATION if is_negation(word) else stem(word)
                     for word in self.words if word not in FUNCTION_WORDS or is_negation(word))

    @cached_property
    def negated(self) -> bool:
        return any(map(is_negation, self.words))


@dataclass(frozen=True)
class Statement:
    """One speaker's words as carried by one or more quotes.

    ``id`` is the stored id (None for a statement not stored yet);
    ``complete`` is False when quotes it held are gone from the database.
    """

    id: int | None
    speaker_id: int | None
    quote_ids: tuple[int, ...]
    complete: bool = True


# ---------------------------------------------------------------- comparing

def normalise(text: str) -> str:
    """Lower case, no punctuation or quote marks, single spaces ("Inter-agency" -> "interagency")."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = APOSTROPHES.sub("'", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)
    text = JOINING_HYPHEN.sub("", text)
    return " ".join(NOT_WORD.sub(" ", text).split())


def words(text: str) -> tuple[str, ...]:
    """The normalised words of a text."""
    return tuple(normalise(text).split())


def compared_text(text: str, kind: str) -> str:
    """The speaker's own words: for a mixed quote, only its parts in quote marks, when marked."""
    if kind == "mixed":
        parts = QUOTED.findall(text)
        if parts:
            return " \u2026 ".join(parts)
    return text


def stem(word: str) -> str:
    """A crude, language-blind stem: the first letters of the word."""
    return word[:STEM_LENGTH]


def content_words(sequence: Iterable[str]) -> frozenset[str]:
    """The stems of the words that carry meaning."""
    return frozenset(stem(word) for word in sequence if word not in FUNCTION_WORDS)


def jaccard(a: frozenset, b: frozenset) -> float:
    """Shared items over all items (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def is_fragment(short: QuoteText, long: QuoteText) -> bool:
    """Whether ``short``'s words run unbroken inside ``long``'s, and are enough to tell."""
    if len(short.words) < MIN_FRAGMENT_WORDS or len(short.content) < MIN_FRAGMENT_CONTENT:
        return False
    return short.phrase in long.phrase


def is_negation(word: str) -> bool:
    """A word that turns a statement around ("not", "never", "doesnt")."""
    return word in NEGATIONS or word.endswith("nt") and word[:-2] in FUNCTION_WORDS


def is_excerpt(short: QuoteText, long: QuoteText) -> bool:
    """Whether nearly all of ``short``'s content words run, in order, through ``long``.

    The stretch of ``long`` they run through must hold as many negations as
    ``short``: "will reopen in June" is no excerpt of "will not reopen in June".
    """
    sequence = short.content_sequence
    needed = max(MIN_SHARED, EXCERPT * len(sequence))
    present = set(long.content_sequence)
    if sum(item in present for item in sequence) < needed:
        return False  # too few of its words in the longer one for any order to match: no need to align
    matched = common_subsequence(sequence, long.content_sequence)
    if len(matched) < needed:
        return False
    stretch = long.content_sequence[matched[0]:matched[-1] + 1]
    return stretch.count(NEGATION) == sequence.count(NEGATION)


def common_subsequence(a: tuple[str, ...], b: tuple[str, ...]) -> list[int]:
    """Positions in ``b`` of a longest sequence of items found in order (gaps allowed) in both."""
    lengths = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, item in enumerate(a):
        for j, other in enumerate(b):
            lengths[i + 1][j + 1] = lengths[i][j] + 1 if item == other else max(lengths[i][j + 1], lengths[i + 1][j])
    positions: list[int] = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            positions.append(j - 1)
            i, j = i - 1, j - 1
        elif lengths[i - 1][j] >= lengths[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return positions[::-1]


def similarity(a: QuoteText, b: QuoteText) -> float:
    """How surely two quotes carry the same statement: 1 for equal words, a fragment or an excerpt, else Jaccard.

    The Jaccard part is 0 when the quotes share too few content words to
    judge or when only one of them is negated.
    """
    if a.words == b.words and a.words:
        return 1.0
    short, long = sorted((a, b), key=lambda quote: len(quote.words))
    if is_fragment(short, long) or is_excerpt(short, long):
        return 1.0
    if len(a.content & b.content) < MIN_SHARED or a.negated != b.negated:
        return 0.0
    return jaccard(a.content, b.content)


def same_statement(a: QuoteText, b: QuoteText) -> bool:
    """Whether two quotes of one speaker are the same statement."""
    return similarity(a, b) >= NEAR


def is_grouped(quote: QuoteText) -> bool:
    """Whether a quote takes part in statements: a speaker's direct or mixed words."""
    return quote.kind in GROUPED_KINDS and quote.speaker_id is not None and bool(quote.words)


# ---------------------------------------------------------------- grouping

@dataclass
class SpeakerStatements:
    """The statements of one speaker while grouping, with an index to find candidates fast."""

    groups: list[list[QuoteText]] = field(default_factory=list)
    by_word: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_words: dict[tuple[str, ...], int] = field(default_factory=dict)

    def add(self, quote: QuoteText) -> None:
        """Put the quote in the statement it matches, or in a new one.

        A quote that matches several statements joins them into the earliest:
        a long quote that holds two shorter ones shows they are one passage.
        """
        matches = self.matches(quote)
        if not matches:
            matches = [len(self.groups)]
            self.groups.append([])
        target, *others = matches
        for other in others:
            self.merge(other, target)
        add_to(self, target, quote)

    def matches(self, quote: QuoteText) -> list[int]:
        """The statements with a member at least ``NEAR`` similar to the quote, earliest first."""
        candidates = set().union(*(self.by_word.get(word, ()) for word in quote.content))
        if quote.words in self.by_words:
            candidates.add(self.by_words[quote.words])
        return sorted(index for index in candidates
                      if any(similarity(quote, member) >= NEAR for member in self.groups[index]))

    def merge(self, source: int, target: int) -> None:
        """Move every quote of statement ``source`` into ``target``, leaving ``source`` empty."""
        self.groups[target] = sorted(self.groups[target] + self.groups[source], key=order_of)
        self.groups[source] = []
        for indices in self.by_word.values():
            if source in indices:
                indices.discard(source)
                indices.add(target)
        for words_, index in self.by_words.items():
            if index == source:
                self.by_words[words_] = target


def order_of(quote: QuoteText) -> tuple:
    """The fixed order of grouping."""
    return quote.order, quote.id


def group_quotes(quotes: Iterable[QuoteText]) -> list[list[QuoteText]]:
    """Group quotes from scratch: one list per statement, each in order, statements by first quote."""
    by_speaker: dict[int, SpeakerStatements] = defaultdict(SpeakerStatements)
    for quote in sorted(filter(is_grouped, quotes), key=order_of):
        by_speaker[quote.speaker_id].add(quote)
    groups = [group for speaker in by_speaker.values() for group in speaker.groups if group]
    return sorted(groups, key=lambda group: order_of(group[0]))


def regroup(stored: Iterable[Statement], quotes: Iterable[QuoteText]) -> list[Statement]:
    """The statements of all ``quotes``, starting from the ``stored`` ones.

    A speaker whose stored statements are intact and whose new quotes all
    come after the grouped ones keeps its statements and gets the new quotes
    appended; any other speaker is grouped again. Either way the result is
    the grouping ``group_quotes`` would give; stored ids are kept.
    """
    current = {quote.id: quote for quote in quotes if is_grouped(quote)}
    stored = list(stored)
    held = {quote_id for statement in stored for quote_id in statement.quote_ids}
    redo = speakers_to_redo(stored, current, held)
    kept = sorted((statement for statement in stored if statement.speaker_id not in redo),
                  key=lambda statement: min(order_of(current[i]) for i in statement.quote_ids))
    by_speaker: dict[int, SpeakerStatements] = defaultdict(SpeakerStatements)
    ids: dict[tuple[int, int], int | None] = {}
    for statement in kept:
        speaker = by_speaker[statement.speaker_id]
        ids[statement.speaker_id, len(speaker.groups)] = statement.id
        speaker.groups.append([])
        for quote in sorted((current[i] for i in statement.quote_ids), key=order_of):
            add_to(speaker, len(speaker.groups) - 1, quote)
    todo = [quote for quote in current.values() if quote.speaker_id in redo or quote.id not in held]
    for quote in sorted(todo, key=order_of):
        by_speaker[quote.speaker_id].add(quote)
    return statements_of(by_speaker, ids, stored_ids(stored, redo))


def speakers_to_redo(stored: list[Statement], current: dict[int, QuoteText], held: set[int]) -> set:
    """Speakers whose statements must be grouped again rather than extended."""
    redo = set()
    last: dict[int, tuple] = {}
    for statement in stored:
        members = [current.get(quote_id) for quote_id in statement.quote_ids]
        if not statement.complete or any(m is None or m.speaker_id != statement.speaker_id for m in members):
            redo.add(statement.speaker_id)
            redo.update(m.speaker_id for m in members if m is not None)
            continue
        last[statement.speaker_id] = max([last.get(statement.speaker_id, ()), *map(order_of, members)])
    for quote in current.values():
        if quote.id not in held and quote.speaker_id in last and order_of(quote) < last[quote.speaker_id]:
            redo.add(quote.speaker_id)
    return redo


def add_to(speaker: SpeakerStatements, index: int, quote: QuoteText) -> None:
    """Put a stored quote back in the statement it was in."""
    speaker.groups[index].append(quote)
    speaker.by_words.setdefault(quote.words, index)
    for word in quote.content:
        speaker.by_word[word].add(index)


def stored_ids(stored: list[Statement], redo: set) -> dict[int, int]:
    """For each quote of a speaker grouped again, the id of the statement that held it."""
    return {quote_id: statement.id for statement in stored if statement.speaker_id in redo
            for quote_id in statement.quote_ids}


def statements_of(by_speaker: dict[int, SpeakerStatements], ids: dict, old: dict[int, int]) -> list[Statement]:
    """Statements in order of their first quote; a regrouped one takes the id of its earliest quote's."""
    found = []
    for speaker_id, speaker in by_speaker.items():
        for index, group in enumerate(speaker.groups):
            if not group:
                continue  # merged into an earlier statement
            found.append((order_of(group[0]), speaker_id, ids.get((speaker_id, index)), group))
    found.sort(key=lambda item: item[0])
    taken = {statement_id for *_, statement_id, _ in found if statement_id is not None}
    statements = []
    for _, speaker_id, statement_id, group in found:
        if statement_id is None:
            statement_id = next((old[q.id] for q in group if old.get(q.id) not in (None, *taken)), None)
            taken.add(statement_id)
        statements.append(Statement(statement_id, speaker_id, tuple(quote.id for quote in group)))
    return statements


def representative(group: Iterable[QuoteText]) -> QuoteText:
    """The quote that shows a statement best: the one with the most words, the earliest on a tie."""
    return min(group, key=lambda quote: (-len(quote.words), order_of(quote)))
