"""The spaCy parts the attribution model is made of, registered on import.

The model's config (``extract/model/attribution-*/config.cfg``) names them:

- ``quotedb.ParseEmbed.v1``: a token embedding of the word (norm, prefix,
  suffix, shape) and of its place in en_core_web_sm's analysis: tag,
  dependency label and the parse features of ``parse_features`` (where
  subtrees start and end, the clause a token belongs to, quote marks).
- ``quotedb_spans``: spaCy's entity recognizer for one kind of span, reading
  its gold spans from and writing its predictions to ``doc.spans[key]``
  instead of ``doc.ents``. One recognizer per element (cue, source,
  content), so that the elements of one attribution may overlap those of
  another ("X said that Y told reporters that ...").
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import cached_property

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, NORM, POS, SENT_START, TAG
from spacy.language import Language
from spacy.ml.featureextractor import FeatureExtractor
from spacy.pipeline.ner import EntityRecognizer
from spacy.scorer import Scorer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import filter_spans, registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

OPENING = {"\u201c", "``", "\u00ab", "\u201e"}
CLOSING = {"\u201d", "''", "\u00bb"}
STRAIGHT = {'"'}
COPIED = [NORM, TAG, POS, LEMMA, DEP, HEAD]
FEATURES_KEPT = "quotedb_parse_features"  # doc.user_data key of the features of the parse alone
CUE_FEATURES = {"cue_relation", "cue_place"}
PARSE_FEATURES = ("arc", "left_edge", "right_edge", "clause", "head", "quote", "position")
CLAUSES = {"ccomp", "xcomp", "advcl", "parataxis", "acl", "relcl", "pcomp", "csubj", "conj"}
OBJECTS = {"dobj", "pobj", "attr", "oprd", "dative", "nsubj", "nsubjpass", "appos"}


# --- parse features ---------------------------------------------------------

def parse_features(doc: Doc, names: Sequence[str] = PARSE_FEATURES) -> list[tuple[str, ...]]:
    """Per token, the strings of the features ``names`` (read from tags and parse).

    The features of the parse alone are kept in ``doc.user_data`` for the
    next encoder that reads the same Doc; those of the cues are not (the
    cues change while a model learns).
    """
    kept = doc.user_data.setdefault(FEATURES_KEPT, {})
    missing = [name for name in names if name not in kept]
    if missing:
        context = Context(doc)
        for name in missing:
            feature = FEATURES[name]
            column = [feature(i, context) for i in range(len(doc))]
            if name in CUE_FEATURES:
                context.fresh[name] = column
            else:
                kept[name] = column
        columns = [kept[name] if name in kept else context.fresh[name] for name in names]
    else:
        columns = [kept[name] for name in names]
    return list(zip(*columns)) if columns else [() for _ in doc]


class Context:
    """What features read from a whole Doc: its words and parse as lists by token index, read once."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.fresh: dict[str, list[str]] = {}  # the cue features computed for this call
        self.branches: dict[int, int] = {}
        self.arguments: dict[tuple[int, int], str] = {}

    @cached_property
    def columns(self) -> numpy.ndarray:
        return self.doc.to_array([IDX, LENGTH, SENT_START, HEAD, DEP, POS, LEMMA])  # uint64: hashes, offsets

    def strings(self, column: int) -> list[str]:
        """The strings of a column of ``columns``, each looked up once."""
        strings, names = self.doc.vocab.strings, {}
        out = []
        for key in self.columns[:, column].tolist():
            if key not in names:
                names[key] = strings[key]
            out.append(names[key])
        return out

    @cached_property
    def heads(self) -> list[int]:
        return (numpy.arange(len(self.doc)) + self.columns[:, 3].astype("int64")).tolist()

    @cached_property
    def deps(self) -> list[str]:
        return self.strings(4)

    @cached_property
    def pos(self) -> list[str]:
        return self.strings(5)

    @cached_property
    def lemmas(self) -> list[str]:
        return [lemma.lower() for lemma in self.strings(6)]

    @cached_property
    def texts(self) -> list[str]:
        text = self.doc.text
        return [text[start:start + length] for start, length in self.columns[:, :2].tolist()]

    @cached_property
    def breaks(self) -> list[bool]:
        """Whether each token starts a paragraph (a line break ends the token before or its space)."""
        text, starts = self.doc.text, self.columns[:, 0].tolist()
        return [i == 0 or "\n" in text[starts[i - 1]:starts[i]] for i in range(len(starts))]

    @cached_property
    def starts(self) -> list[bool]:
        return (self.columns[:, 2].astype("int64") == 1).tolist()

    @cached_property
    def ends(self) -> list[bool]:
        starts = self.starts
        return [i + 1 == len(starts) or starts[i + 1] for i in range(len(starts))]

    @cached_property
    def left(self) -> list[int]:
        return self.edges()[0]

    @cached_property
    def right(self) -> list[int]:
        return self.edges()[1]

    def edges(self) -> tuple[list[int], list[int]]:
        """The first and last token of each token's subtree."""
        heads = self.heads
        left, right = list(range(len(heads))), list(range(len(heads)))
        for i in sorted(range(len(heads)), key=depths(heads).__getitem__, reverse=True):
            head = heads[i]
            if head != i:
                left[head] = min(left[head], left[i])
                right[head] = max(right[head], right[i])
        return left, right

    @cached_property
    def quotes(self) -> list[str]:
        return quote_states(self.doc, self.texts)

    @cached_property
    def cues(self) -> list[tuple[str, str]]:
        return cue_relations(self.doc, self.heads)

    def branch(self, i: int) -> int:
        """The token's ancestor that hangs from its sentence's root (the root itself for the root), memoised."""
        heads = self.heads
        path = []
        node = i
        while node not in self.branches and heads[node] != node and heads[heads[node]] != heads[node]:
            path.append(node)
            node = heads[node]
        found = self.branches.get(node, node)
        for visited in path:
            self.branches[visited] = found
        self.branches[node] = found
        return found

    def argument(self, i: int, labels: set[str]) -> str:
        """The nearest clause (or object) the token lies in, and its head ("ccomp:tell", "dobj:deny"), memoised."""
        key = id(labels)
        heads, deps = self.heads, self.deps
        path = []
        node = i
        result = "-"
        while heads[node] != node:
            known = self.arguments.get((key, node))
            if known is not None:
                result = known
                break
            path.append(node)
            if deps[node] in labels:
                result = f"{deps[node]}:{self.lemmas[heads[node]]}"
                break
            node = heads[node]
        for visited in path:
            self.arguments[(key, visited)] = result
        return result

    def edge(self, side: str, i: int) -> str:
        """The largest subtree that starts (or ends) at the token: its label and its head's tag."""
        edges = self.left if side == "L" else self.right
        heads = self.heads
        top = i
        while heads[top] != top and edges[heads[top]] == i:
            top = heads[top]
        if top == i and edges[i] != i:
            return f"{side}:-"
        return f"{side}:{self.deps[top]}<{self.pos[heads[top]]}"

    def clause(self, i: int) -> str:
        """How the token's branch hangs from its sentence's root ("ccomp:say", "nsubj:say")."""
        branch = self.branch(i)
        if self.heads[branch] == branch:
            return f"root:{self.lemmas[branch]}"
        return f"{self.deps[branch]}:{self.lemmas[self.heads[branch]]}"

    def position(self, i: int) -> str:
        """Whether the token starts or ends its sentence or starts its paragraph."""
        return "P" * self.breaks[i] + "S" * self.starts[i] + "E" * self.ends[i]


def clause_feature(token: Token, context: Context | None = None) -> str:
    """How the token's branch hangs from its sentence's root ("ccomp:say", "nsubj:say")."""
    return (context or Context(token.doc)).clause(token.i)


def quote_states(doc: Doc, texts: list[str] | None = None) -> list[str]:
    """Per token: ``open``, ``close``, ``in`` or ``out`` of double quote marks, paragraph by paragraph."""
    states, inside = [], False
    for text in texts if texts is not None else [token.text for token in doc]:
        if "\n" in text:
            inside = False
        if text in OPENING or (text in STRAIGHT and not inside):
            states.append("Q:open")
            inside = True
        elif text in CLOSING or (text in STRAIGHT and inside):
            states.append("Q:close")
            inside = False
        else:
            states.append("Q:in" if inside else "Q:out")
    return states


def cue_relations(doc: Doc, heads: list[int] | None = None) -> list[tuple[str, str]]:
    """Per token, how it relates to the cues of its sentence (``doc.spans["cue"]``), and where they are.

    The relation is ``in`` (part of a cue), ``arg:DEP`` (in the branch DEP
    that hangs from a cue: ``arg:nsubj`` for its subject, ``arg:ccomp`` for
    its clause), ``gov:DEP`` (a cue hangs from the token's branch) or
    ``none``; the place is the side and distance of the nearest cue.
    ``heads`` are the tokens' heads by index, when already read.
    """
    cues = list(doc.spans.get("cue", []))
    in_cue = {t.i: cue for cue in cues for t in cue}
    roots = list({cue.root.i: cue.root for cue in in_cue.values()}.values())
    sentence_start = [0] * len(doc)
    for sent in doc.sents:
        sentence_start[sent.start:sent.end] = [sent.start] * len(sent)
    by_sentence: dict[int, list[Span]] = {}
    for cue in cues:
        by_sentence.setdefault(sentence_start[cue.start], []).append(cue)
    starts = {key: [cue.start for cue in near] for key, near in by_sentence.items()}
    relations = CueRelations(heads if heads is not None else [t.head.i for t in doc], in_cue, roots)
    out = []
    for token in doc:
        near = by_sentence.get(sentence_start[token.i])
        if not near:
            out.append(("cue:none", "cue:none"))
            continue
        nearest = nearest_cue(near, starts[sentence_start[token.i]], token.i)
        side = "in" if token.i in in_cue else ("before" if token.i < nearest.start else "after")
        place = f"cue:{side}{bucket(min(abs(token.i - nearest.start), abs(token.i - nearest.end + 1)))}"
        out.append((relations.of(token), place))
    return out


def nearest_cue(cues: list[Span], starts: list[int], i: int) -> Span:
    """The cue (of ``cues``, in text order) whose start is nearest to token ``i``; the earlier one on a tie."""
    at = bisect_left(starts, i)
    candidates = [cues[k] for k in (at - 1, at) if 0 <= k < len(cues)]
    return min(candidates, key=lambda c: abs(c.start - i))


class CueRelations:
    """How tokens relate to the cues: ``in``, ``arg:DEP`` or ``gov:DEP`` of a cue, else ``none``.

    ``arg:DEP``: the token lies in the branch DEP hanging from a cue;
    ``gov:DEP``: a cue's head (the first in ``roots``, the cues' heads in
    text order) lies below the token's branch. Each token is worked out once.
    """

    def __init__(self, heads: list[int], in_cue: dict[int, Span], roots: list[Token]):
        self.in_cue = in_cue
        self.roots = roots
        self.below = first_below(heads, {root.i: k for k, root in enumerate(roots)})
        self.known: dict[int, str] = {}

    def of(self, token: Token) -> str:
        if token.i in self.in_cue:
            return "rel:in"
        path, node, result = [], token, "rel:none"
        while True:
            if node.i in self.known:
                result = self.known[node.i]
                break
            path.append(node)
            if node.head.i in self.in_cue and node.head.i != node.i:
                result = f"rel:arg:{node.dep_}"
                break
            if self.below[node.i] is not None:
                result = f"rel:gov:{self.roots[self.below[node.i]].dep_}"
                break
            if node.head.i == node.i:
                break
            node = node.head
        for visited in path:
            self.known[visited.i] = result
        return result


def depths(heads: list[int]) -> list[int]:
    """How many links each token lies below its sentence's root."""
    depth = [0] * len(heads)
    for i in range(len(heads)):
        path, node = [], i
        while heads[node] != node and depth[node] == 0:
            path.append(node)
            node = heads[node]
        for step, visited in enumerate(reversed(path), start=1):
            depth[visited] = depth[node] + step
    return depth


def first_below(heads: list[int], order: dict[int, int]) -> list[int | None]:
    """Per token (by ``heads``, each token's head), the least ``order`` of the tokens strictly below it (None: none)."""
    depth = depths(heads)
    below: list[int | None] = [None] * len(heads)
    for i in sorted(range(len(heads)), key=lambda k: -depth[k]):
        here = [value for value in (order.get(i), below[i]) if value is not None]
        if here and heads[i] != i:
            parent = below[heads[i]]
            below[heads[i]] = min(here) if parent is None else min(parent, min(here))
    return below


def bucket(n: int) -> str:
    return next((str(limit) for limit in (0, 1, 2, 3, 5, 8, 13, 21) if n <= limit), "far")


# Each feature: (token index, the Context of its Doc) -> string.
FEATURES: dict[str, Callable[[int, Context], str]] = {
    "arc": lambda i, c: f"{c.deps[i]}>{c.deps[c.heads[i]]}",
    "left_edge": lambda i, c: c.edge("L", i),
    "right_edge": lambda i, c: c.edge("R", i),
    "clause": lambda i, c: c.clause(i),
    "head": lambda i, c: f"{c.deps[i]}:{c.lemmas[c.heads[i]]}",
    "quote": lambda i, c: c.quotes[i],
    "position": lambda i, c: c.position(i),
    "in_clause": lambda i, c: c.argument(i, CLAUSES),
    "in_object": lambda i, c: c.argument(i, OBJECTS),
    "cue_relation": lambda i, c: c.cues[i][0],
    "cue_place": lambda i, c: c.cues[i][1],
}


def ParseFeatureExtractor(attrs: list[str], features: Sequence[str]) -> Model[list[Doc], list[Ints2d]]:
    """The columns ``attrs`` of each Doc followed by the hashed parse ``features``."""
    words = FeatureExtractor(attrs)

    def forward(model, docs, is_train):
        columns, _ = words(docs, is_train)
        out = []
        for doc, column in zip(docs, columns):
            extra = numpy.array([[get_string_id(f) for f in row] for row in parse_features(doc, features)],
                                dtype="uint64").reshape((len(doc), len(features)))
            out.append(model.ops.asarray2i(numpy.hstack([model.ops.to_numpy(column), extra]), dtype="uint64"))
        return out, lambda d_features: []

    return Model("parse_features", forward, attrs={"columns": attrs, "features": list(features)})


@registry.architectures("quotedb.ParseEmbed.v1")
def ParseEmbed(width: int, attrs: list[str], rows: list[int], feature_rows: int,
               features: Sequence[str] = PARSE_FEATURES) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of ``attrs`` and of the parse ``features``, mixed by a Maxout layer.

    Like spaCy's ``MultiHashEmbed.v2`` with the parse features (names in
    ``FEATURES``) as further columns, ``feature_rows`` rows each.
    """
    if len(rows) != len(attrs):
        raise ValueError(f"{len(attrs)} attrs but {len(rows)} rows")
    unknown = set(features) - set(FEATURES)
    if unknown:
        raise ValueError(f"unknown parse features: {sorted(unknown)}")
    all_rows = list(rows) + [feature_rows] * len(features)
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(all_rows)]
    return chain(
        ParseFeatureExtractor(attrs, features),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


# --- a recognizer of one kind of span ---------------------------------------

class SpanRecognizer(EntityRecognizer):
    """An entity recognizer whose spans live in ``doc.spans[spans_key]``.

    Docs given to it must have no entities set (``doc.ents`` missing): the
    recognizer respects preset entities, and leaves them missing again.
    """

    def __init__(self, vocab, model, name, *, spans_key: str, **settings):
        super().__init__(vocab, model, name, **settings)
        self.spans_key = spans_key
        self._gold: dict[int, tuple[Doc, Doc]] = {}  # training: id(reference) -> (reference, its gold as entities)

    def update(self, examples, **kwargs):
        return super().update([self.as_entities(eg) for eg in examples], **kwargs)

    def initialize(self, get_examples, nlp=None, labels=None):
        super().initialize(lambda: (self.as_entities(eg) for eg in get_examples()), nlp, labels)

    def set_annotations(self, docs, states_or_beams):
        for doc in docs:  # a Doc of another pipeline's vocab may not know the label yet
            for label in self.labels:
                doc.vocab.strings.add(label)
        super().set_annotations(docs, states_or_beams)
        for doc in docs:
            doc.spans[self.spans_key] = list(doc.ents)
            doc.set_ents([], default="missing")

    def score(self, examples, **kwargs):
        key = self.spans_key
        return Scorer.score_spans(examples, f"spans_{key}", getter=lambda doc, _: doc.spans.get(key, []),
                                  has_annotation=lambda doc: key in doc.spans, labeled=False)

    def as_entities(self, example: Example) -> Example:
        """The example with its reference's ``spans[key]`` as entities (made once per reference)."""
        reference = example.reference
        cached = self._gold.get(id(reference))
        if cached is None or cached[0] is not reference:
            gold = Doc(reference.vocab, words=[t.text for t in reference],
                       spaces=[bool(t.whitespace_) for t in reference])
            spans = [Span(gold, s.start, s.end, label=s.label_) for s in reference.spans.get(self.spans_key, [])]
            gold.set_ents(filter_spans(spans), default="outside")
            cached = self._gold[id(reference)] = (reference, gold)
        return Example(example.predicted, cached[1])


def bare_copy(doc: Doc, index: list[int] | None = None) -> Doc:
    """A copy of a parsed Doc with its words, tags, lemmas and parse only: what the model reads.

    No entities (a recognizer would keep them), spans, tensor or user data.
    ``index`` copies only those tokens: whole sentences, in order.
    """
    tokens = list(doc) if index is None else [doc[i] for i in index]
    copy = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
    array = doc.to_array(COPIED)
    copy.from_array(COPIED, array if index is None else array[index])
    return copy


@Language.factory(
    "quotedb_spans",
    default_config={"spans_key": "content", "model": None, "update_with_oracle_cut_size": 100},
    default_score_weights={},
    assigns=["doc.spans"],
    requires=["token.dep", "token.tag"],
)
def make_span_recognizer(nlp: Language, name: str, model: Model, *, spans_key: str,
                         update_with_oracle_cut_size: int) -> SpanRecognizer:
    """A recognizer of one kind of span (``nlp.add_pipe("quotedb_spans", config={"spans_key": "cue"})``)."""
    return SpanRecognizer(nlp.vocab, model, name, spans_key=spans_key,
                          update_with_oracle_cut_size=update_with_oracle_cut_size)
