"""How the attribution model groups its spans: which cue each content piece belongs to, whose cue it is.

The ``quotedb_links`` component runs after the span recognizers. It joins the
content spans that only punctuation separates (the recognizers find one span
per sentence), then ranks, for each content piece, the cues near it, and for
each cue with content, the sources near it (or none). Both rankers are
log-linear models over hashed features of the pair (how the parse joins
them, order, distance, what lies between), trained on PolNeAR's gold spans
by ``train/train.py``. The groups go to ``doc.user_data["attributions"]`` as
token offsets, the way ``train.convert`` stores the gold ones:
``{"cue": [[start, end]], "source": [[start, end]] or [], "content": [[start, end], ...],
"link": probability}``.
"""
from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from pathlib import Path

import numpy
import srsly
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

WINDOW_SENTENCES = 3  # candidates lie at most this many sentences away
NEAR_LIMIT = 24  # spans of one element a pair's features read, the nearest (more only in text without sentences)
NONE = "NONE"


# --- the spans to link ------------------------------------------------------

def merged(pieces: list[Span]) -> list[Span]:
    """Pieces of one attribution that only punctuation or quote marks separate, joined into one."""
    joined: list[Span] = []
    for span in sorted(pieces, key=lambda s: s.start):
        if joined and only_punctuation(span.doc[joined[-1].end:span.start]):
            span = span.doc[joined.pop().start:span.end]
        joined.append(span)
    return joined


def sequence(previous: Span | None, piece: Span, layout: "Layout") -> str:
    """How a content piece follows the one before it: right after it, in its paragraph, or apart."""
    if previous is None:
        return "first"
    if only_punctuation(piece.doc[previous.end:piece.start]):
        return "adjacent"
    return "paragraph" if layout.same_paragraph(previous, piece) else "apart"


def only_punctuation(tokens: Span) -> bool:
    """Punctuation, quote marks and spaces within a line."""
    return all((t.is_punct or t.is_space or t.is_quote) and "\n" not in t.text for t in tokens)


class Layout:
    """Where sentences and paragraphs of a Doc start, to measure how far apart two spans are."""

    def __init__(self, doc: Doc):
        self.sentence = numpy.cumsum([bool(t.is_sent_start) and t.i > 0 for t in doc])
        starts = [t.i == 0 or "\n" in doc[t.i - 1].text or "\n" in doc[t.i - 1].whitespace_ for t in doc]
        self.paragraph = numpy.cumsum(starts) - 1

    def sentences_apart(self, a: Span, b: Span) -> int:
        """Sentences from ``a`` to ``b`` (negative when ``b`` comes first; 0 when they share one)."""
        if self.sentence[b.start] > self.sentence[a.end - 1]:
            return int(self.sentence[b.start] - self.sentence[a.end - 1])
        if self.sentence[b.end - 1] < self.sentence[a.start]:
            return int(self.sentence[b.end - 1] - self.sentence[a.start])
        return 0

    def same_paragraph(self, a: Span, b: Span) -> bool:
        return self.paragraph[a.start] == self.paragraph[b.start]


class Nearby:
    """The spans of each element near a span, found by bisection on their sentences.

    A pair's features only count spans that lie between its two ends, so
    those within the candidates' reach are all they need. In a stretch
    crowded with spans (one endless sentence) only the ``NEAR_LIMIT``
    nearest are kept, so the work per span stays bounded.
    """

    def __init__(self, spans: dict[str, list[Span]], layout: Layout):
        self.spans = spans
        self.layout = layout
        self.first = {el: [int(layout.sentence[s.start]) for s in found] for el, found in spans.items()}
        self.last = {el: [int(layout.sentence[s.end - 1]) for s in found] for el, found in spans.items()}
        self.starts = {el: [s.start for s in found] for el, found in spans.items()}

    def near(self, element: str, span: Span, reach: int) -> list[int]:
        """Indices (in text order) of the spans of ``element`` within ``reach`` sentences of ``span``."""
        low = int(self.layout.sentence[span.start]) - reach
        high = int(self.layout.sentence[span.end - 1]) + reach
        found = range(bisect_left(self.last[element], low), bisect_right(self.first[element], high))
        if len(found) <= NEAR_LIMIT:
            return list(found)
        spans = self.spans[element]  # in text order, none inside another: the nearest lie beside the span's place
        at = bisect_left(self.starts[element], span.start)
        beside = range(max(found.start, at - NEAR_LIMIT), min(found.stop, at + NEAR_LIMIT))
        return sorted(sorted(beside, key=lambda k: gap_length(span, spans[k]))[:NEAR_LIMIT])

    def around(self, span: Span, reach: int, elements: tuple[str, ...]) -> dict[str, list[Span]]:
        """The spans of each of ``elements`` near ``span``."""
        return {el: [self.spans[el][k] for k in self.near(el, span, reach)] for el in elements}


# --- features of a pair -----------------------------------------------------

def bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20, 30, 50):
        if n <= limit:
            return str(limit)
    return "far"


def direction(anchor: Span, other: Span) -> str:
    if other.end <= anchor.start:
        return "before"
    if other.start >= anchor.end:
        return "after"
    return "inside" if anchor.start <= other.start and other.end <= anchor.end else "overlap"


def gap(a: Span, b: Span) -> Span:
    """The tokens between two spans."""
    doc = a.doc
    return doc[min(a.end, b.end):max(a.start, b.start)] if a.end <= b.start or b.end <= a.start else doc[0:0]


def gap_length(a: Span, b: Span) -> int:
    """How many tokens lie between two spans (``len(gap(a, b))``, without making the span)."""
    a_start, a_end, b_start, b_end = a.start, a.end, b.start, b.end
    return max(a_start, b_start) - min(a_end, b_end) if a_end <= b_start or b_end <= a_start else 0


def between_marks(tokens: Span) -> str:
    """The punctuation between two spans, as one string (",", ":", "\u201d,", ...)."""
    marks = ""
    for token in tokens:
        if token.is_punct or token.is_quote:
            marks += token.text
            if len(marks) >= 4:
                break
    return marks[:4] or "_"


def content_cue_features(piece: Span, cue: Span, layout: Layout, others: dict[str, list[Span]],
                          follows: str, as_previous: bool) -> list[str]:
    """Features of a content piece and a candidate cue.

    ``follows`` says how the piece follows the piece before it (``sequence``),
    ``as_previous`` whether the cue is the one that piece was given.
    """
    cue_tokens = range(cue.start, cue.end)
    root, cue_root = piece.root, cue.root
    if root.head.i in cue_tokens and root.head.i != root.i:
        rel = f"head:{root.dep_}"
    elif root.head.head.i in cue_tokens:
        rel = f"head2:{root.head.dep_}:{root.dep_}"
    elif cue_root.head.i in range(piece.start, piece.end) and cue_root.head.i != cue_root.i:
        rel = f"cue_under:{cue_root.dep_}"
    else:
        rel = "none"
    where = direction(piece, cue)
    between = gap(piece, cue)
    cues_between = sum(1 for c in others["cue"] if c != cue and c.start >= between.start and c.end <= between.end
                       and len(between))
    pieces_between = sum(1 for p in others["content"] if p != piece and p.start >= between.start
                         and p.end <= between.end and len(between))
    sentences = layout.sentences_apart(piece, cue)
    quoted = "q" if (piece[0].is_quote or (piece.start > 0 and piece.doc[piece.start - 1].is_quote)) else "nq"
    lemma = cue_root.lemma_.lower()
    nearest = nearest_of(piece, cue, others["cue"])
    features = [
        f"rel={rel}", f"dir={where}", f"rel|dir={rel}|{where}", f"dist={bucket(len(between))}",
        f"dir|dist={where}|{bucket(len(between))}", f"sent={sentences}", f"dir|sent={where}|{sentences}",
        f"para={layout.same_paragraph(piece, cue)}", f"cues_between={min(cues_between, 2)}",
        f"pieces_between={min(pieces_between, 2)}", f"dir|cues_between={where}|{min(cues_between, 2)}",
        f"marks={between_marks(between)}", f"dir|marks={where}|{between_marks(between)}",
        f"quoted|dir|sent={quoted}|{where}|{sentences}", f"lemma={lemma}", f"lemma|dir={lemma}|{where}",
        f"cue_dep={cue_root.dep_}", f"cue_tag={cue_root.tag_}", f"piece_dep={root.dep_}",
        f"piece_dep|rel={root.dep_}|{rel}", f"first={piece[0].lower_}|{where}", f"nearest={nearest}",
        f"nearest|sent={nearest}|{sentences}", f"nearest|quoted={nearest}|{quoted}",
        f"follows|same={follows}|{as_previous}", f"follows|same|sent={follows}|{as_previous}|{sentences}",
        f"follows|same|quoted={follows}|{as_previous}|{quoted}",
    ]
    return features


def cue_source_features(cue: Span, source: Span | None, layout: Layout, contents: list[Span],
                        others: dict[str, list[Span]], n_sources: int) -> list[str]:
    """Features of a cue and a candidate source (``None``: the cue has no source).

    ``others`` holds the sources near the cue, ``n_sources`` counts those of the whole Doc.
    """
    cue_root = cue.root
    lemma, tag = cue_root.lemma_.lower(), cue_root.tag_
    if source is None:
        passive = any(t.dep_ == "auxpass" for t in cue_root.children)
        subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in cue_root.children)
        return ["none", f"none|lemma={lemma}", f"none|tag={tag}", f"none|dep={cue_root.dep_}",
                f"none|passive={passive}", f"none|subject={subject}",
                f"none|first={cue[0].lower_}", f"none|n_sources={min(n_sources, 3)}"]
    cue_tokens = {t.i for t in cue}
    root = source.root
    if root.head.i in cue_tokens and root.head.i != root.i:
        rel = f"arg:{root.dep_}"
    elif root.head.head.i in cue_tokens:
        rel = f"arg2:{root.head.dep_}:{root.dep_}"
    elif cue_root.head.i in {t.i for t in source}:
        rel = f"cue_under:{cue_root.dep_}"
    elif cue_root.head.i == root.head.i:
        rel = f"sibling:{root.dep_}"
    else:
        rel = "none"
    where = direction(cue, source)
    between = gap(cue, source)
    in_content = any(c.start <= source.start and source.end <= c.end for c in contents)
    sentences = layout.sentences_apart(cue, source)
    nearest = nearest_of(cue, source, others["source"])
    sources_between = sum(1 for s in others["source"] if s != source and len(between)
                          and s.start >= between.start and s.end <= between.end)
    return [
        f"rel={rel}", f"dir={where}", f"rel|dir={rel}|{where}", f"dist={bucket(len(between))}",
        f"dir|dist={where}|{bucket(len(between))}", f"sent={sentences}", f"in_content={in_content}",
        f"rel|in_content={rel}|{in_content}", f"src_tag={root.tag_}", f"src_dep={root.dep_}",
        f"marks={between_marks(between)}",
        f"nearest={nearest}", f"nearest|sent={nearest}|{sentences}", f"sources_between={min(sources_between, 2)}",
        f"lemma|rel={lemma}|{rel}", f"tag|rel={tag}|{rel}", f"cue_dep|dir={cue_root.dep_}|{where}",
    ]


def nearest_of(anchor: Span, candidate: Span, candidates: list[Span]) -> str:
    """Whether ``candidate`` is the nearest of ``candidates`` on its side of ``anchor``."""
    where = direction(anchor, candidate)
    if where not in ("before", "after"):
        return where
    distance = gap_length(anchor, candidate)
    closer = [c for c in candidates if c != candidate and direction(anchor, c) == where
              and gap_length(anchor, c) < distance]
    return f"{where}{min(len(closer), 2)}"


# --- the ranker ---------------------------------------------------------------

class Ranker:
    """A log-linear choice among candidates, each described by hashed string features."""

    def __init__(self, dimension: int):
        self.weights = numpy.zeros(dimension, dtype="float32")

    def indices(self, features: list[str]) -> numpy.ndarray:
        return numpy.array([get_string_id(f) % len(self.weights) for f in features], dtype="int64")

    def probabilities(self, candidates: list[numpy.ndarray]) -> numpy.ndarray:
        scores = numpy.array([self.weights[c].sum() for c in candidates], dtype="float64")
        scores = numpy.exp(scores - scores.max())
        return scores / scores.sum()

    def fit(self, problems: list[tuple[list[numpy.ndarray], int]], epochs: int, seed: int,
            rate: float = 0.2, l2: float = 1e-6) -> None:
        """AdaGrad on the log-likelihood of each problem's right candidate."""
        squares = numpy.full(len(self.weights), 1e-8)
        order = list(range(len(problems)))
        rng = random.Random(seed)
        for _ in range(epochs):
            rng.shuffle(order)
            for k in order:
                candidates, right = problems[k]
                probs = self.probabilities(candidates)
                for i, features in enumerate(candidates):
                    g = probs[i] - (i == right)
                    if abs(g) < 1e-4:
                        continue
                    grad = g + l2 * self.weights[features]
                    squares[features] += grad * grad
                    numpy.add.at(self.weights, features, -rate * grad / numpy.sqrt(squares[features]))


class LinkComponent:
    """Groups a Doc's recognized spans into attributions (``doc.user_data["attributions"]``)."""

    def __init__(self, name: str, *, dimension: int, parse_fallback: bool):
        self.name = name
        self.content = Ranker(dimension)
        self.source = Ranker(dimension)
        self.parse_fallback = parse_fallback

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data["attributions"] = self.link(doc)
        return doc

    def link(self, doc: Doc) -> list[dict]:
        layout = Layout(doc)
        others = spans_of(doc)
        nearby = Nearby(others, layout)
        cues = others["cue"]
        chosen: dict[int, list[tuple[Span, float]]] = {}
        previous, previous_cue = None, None
        for piece in others["content"]:
            candidates = self.cue_candidates(piece, cues, layout, nearby)
            follows = sequence(previous, piece, layout)
            previous, previous_cue, best = piece, None, None
            if not candidates:
                continue
            local = nearby.around(piece, WINDOW_SENTENCES, ("cue", "content"))
            probs = self.content.probabilities([self.content.indices(
                content_cue_features(piece, cues[c], layout, local, follows, c == previous_cue))
                for c in candidates])
            best = int(numpy.argmax(probs))
            previous_cue = candidates[best]
            chosen.setdefault(previous_cue, []).append((piece, float(probs[best])))
        if self.parse_fallback:
            for index, cue in enumerate(cues):
                if index not in chosen and (clause := parse_content(cue, others["content"])) is not None:
                    chosen[index] = [(clause, 0.0)]
        groups = []
        for index, parts in sorted(chosen.items(), key=lambda kv: kv[1][0][0].start):
            cue, contents = cues[index], merged([p for p, _ in parts])
            source, source_prob = self.choose_source(cue, contents, layout, nearby)
            groups.append({"cue": [[cue.start, cue.end]],
                           "source": [[source.start, source.end]] if source is not None else [],
                           "content": [[p.start, p.end] for p in contents],
                           "link": min([source_prob] + [prob for _, prob in parts])})
        return groups

    def cue_candidates(self, piece: Span, cues: list[Span], layout: Layout, nearby: Nearby) -> list[int]:
        return [i for i in nearby.near("cue", piece, WINDOW_SENTENCES)
                if abs(layout.sentences_apart(piece, cues[i])) <= WINDOW_SENTENCES
                and direction(piece, cues[i]) != "inside"]

    def source_candidates(self, cue: Span, sources: list[Span], layout: Layout) -> list[Span | None]:
        return [None] + [s for s in sources if abs(layout.sentences_apart(cue, s)) <= 1
                         and direction(cue, s) in ("before", "after")]

    def source_features(self, cue: Span, contents: list[Span], layout: Layout,
                        nearby: Nearby) -> tuple[list[Span | None], list[numpy.ndarray]]:
        """The candidate sources of a cue (None first) and the features of each."""
        local = nearby.around(cue, 1, ("source",))
        candidates = self.source_candidates(cue, local["source"], layout)
        n_sources = len(nearby.spans["source"])
        return candidates, [self.source.indices(cue_source_features(cue, s, layout, contents, local, n_sources))
                            for s in candidates]

    def choose_source(self, cue, contents, layout, nearby) -> tuple[Span | None, float]:
        candidates, features = self.source_features(cue, contents, layout, nearby)
        probs = self.source.probabilities(features)
        best = int(numpy.argmax(probs))
        return candidates[best], float(probs[best])

    # training ---------------------------------------------------------------

    def fit(self, docs: Iterable[Doc], *, epochs: int = 8, seed: int = 0) -> dict[str, int]:
        """Learn both rankers from Docs with gold spans and ``user_data["attributions"]``."""
        content_problems, source_problems = [], []
        for doc in docs:
            c, s = self.problems(doc)
            content_problems += c
            source_problems += s
        self.content.fit(content_problems, epochs, seed)
        self.source.fit(source_problems, epochs, seed)
        return {"content_problems": len(content_problems), "source_problems": len(source_problems)}

    def problems(self, doc: Doc) -> tuple[list, list]:
        """The ranking problems of one gold Doc: (candidate features, index of the right one)."""
        layout = Layout(doc)
        others = spans_of(doc)
        nearby = Nearby(others, layout)
        cues = others["cue"]
        cue_index = {(c.start, c.end): i for i, c in enumerate(cues)}
        gold = doc.user_data.get("attributions", [])
        content_problems, source_problems = [], []
        previous, previous_cue = None, None
        for piece in others["content"]:
            group = gold_group(piece, gold)
            right_cue = cue_index.get(tuple(group["cue"][0])) if group and group["cue"] else None
            candidates = self.cue_candidates(piece, cues, layout, nearby)
            follows = sequence(previous, piece, layout)
            if right_cue in candidates and len(candidates) > 1:
                local = nearby.around(piece, WINDOW_SENTENCES, ("cue", "content"))
                content_problems.append(([self.content.indices(
                    content_cue_features(piece, cues[c], layout, local, follows, c == previous_cue))
                    for c in candidates], candidates.index(right_cue)))
            previous, previous_cue = piece, right_cue
        for group in gold:
            if not group["cue"]:
                continue
            cue = doc[group["cue"][0][0]:group["cue"][0][1]]
            contents = merged([doc[s:e] for s, e in group["content"]])
            candidates, features = self.source_features(cue, contents, layout, nearby)
            want = list(group["source"][0]) if group["source"] else None
            right = [k for k, s in enumerate(candidates) if (None if s is None else [s.start, s.end]) == want]
            if right:
                source_problems.append((features, right[0]))
        return content_problems, source_problems

    # serialization ----------------------------------------------------------

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        numpy.save(path / "content.npy", self.content.weights)
        numpy.save(path / "source.npy", self.source.weights)
        srsly.write_json(path / "cfg", {"dimension": len(self.content.weights)})

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> "LinkComponent":
        path = Path(path)
        self.content.weights = numpy.load(path / "content.npy")
        self.source.weights = numpy.load(path / "source.npy")
        return self


FALLBACK_ARCS = ("ccomp", "xcomp", "dobj")


def parse_content(cue: Span, contents: list[Span]) -> Span | None:
    """For a cue the model gave no content: its clausal complement or object in the parse, if free."""
    doc = cue.doc
    for token in cue:
        for child in token.children:
            if child.dep_ in FALLBACK_ARCS and not (cue.start <= child.i < cue.end):
                start, end = child.left_edge.i, child.right_edge.i + 1
                while start < end and (doc[start].is_punct or doc[start].is_space):
                    start += 1
                while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                    end -= 1
                if end > start and not (start < cue.end and cue.start < end) and \
                        not any(c.start < end and start < c.end for c in contents):
                    return doc[start:end]
    return None


def spans_of(doc: Doc) -> dict[str, list[Span]]:
    """The recognized (or gold) spans of each element, in text order."""
    return {el: sorted(doc.spans.get(el, []), key=lambda s: s.start) for el in ("cue", "source", "content")}


def gold_group(piece: Span, gold: list[dict]) -> dict | None:
    """The gold attribution whose content overlaps ``piece`` most."""
    def overlap(group):
        return sum(max(0, min(e, piece.end) - max(s, piece.start)) for s, e in group["content"])
    best = max(gold, key=overlap, default=None)
    return best if best is not None and overlap(best) > 0 else None


@Language.factory("quotedb_links", default_config={"dimension": 2 ** 18, "parse_fallback": True},
                  requires=["doc.spans"])
def make_links(nlp: Language, name: str, *, dimension: int, parse_fallback: bool) -> LinkComponent:
    """The component that groups cue, source and content spans into attributions.

    With ``parse_fallback``, a cue given no content takes its clausal
    complement or object from the parse (with a link probability of 0).
    """
    return LinkComponent(name, dimension=dimension, parse_fallback=parse_fallback)
