"""The spaCy pipeline: the model and the ``quotedb`` component (with coreferee).

``load()`` gives a ready pipeline. The component can also be added to a
pipeline of one's own with ``nlp.add_pipe("quotedb")`` after a tagger,
parser and entity recognizer (for pronoun speakers it runs coreferee itself
when needed, unless the pipeline has it). Adding it brings what it needs
before the parser too: a tokenizer that splits quote marks glued to words
and ``quotedb_paragraphs``, which starts a sentence at every line break,
and after the entity recognizer ``quotedb_surnames``, which tags a surname
alone as the person the article names in full, so that ``quotedb build``
and one's own pipeline find the same quotes. It sets
``doc._.quotes`` and ``doc._.quote_errors``.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex
from thinc.api import NumpyOps, set_current_ops

from extract import attribution, markup, sources
from extract.grammar import DATELINE_CHARS

MODEL = "en_core_web_sm"
UNUSED = ("senter",)  # the parser sets sentence boundaries already
PARAGRAPHS = "quotedb_paragraphs"
SURNAMES = "quotedb_surnames"
THING_LABELS = {"LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}  # what a surname alone is mistaken for
NEEDED = ("tagger", "parser", "ner")  # what the rules read: tags and lemmas, the parse, the entities

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=())
if not Doc.has_extension("quote_errors"):
    Doc.set_extension("quote_errors", default=())


class QuoteComponent:
    """Finds the quotes of a parsed Doc and stores them in ``doc._.quotes``.

    A quote that fails on an odd parse is left out, an article whose
    extraction fails has no quotes; the reasons go to ``doc._.quote_errors``
    (the build lists them in build_errors).

    With ``coref`` on, coreferee runs on a Doc only when a speaker cannot be
    resolved without it, which spares most of its cost.
    """

    def __init__(self, nlp: Language, *, indirect: bool, max_gap_words: int, coref: bool, learned: bool = True):
        self.settings = attribution.Settings(indirect=indirect, max_gap_words=max_gap_words, learned=learned)
        self.coref = lazy_coreferee(nlp) if coref else None

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            raise ValueError("the quotedb component needs a dependency parser before it")
        errors: list[str] = []
        try:
            doc._.quotes = tuple(attribution.find_quotes(doc, self.settings, errors, self.coref))
        except Exception as error:  # outside any one quote: this article has none, the others go on
            errors.append(f"no quotes: {type(error).__name__}: {error}")
        doc._.quote_errors = (*doc._.quote_errors, *errors)
        return doc


@Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no parse crosses paragraphs, and after a paragraph's dateline
    ("FREDERICTON — ", "OSLO, June 5 (Nordwire) - "), so that the lede is parsed as a sentence of its own."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
        if token.i == 0 or doc[token.i - 1].is_space or "\n" in doc[token.i - 1].whitespace_:
            after = after_dateline(doc, token)
            if after is not None:
                after.is_sent_start = True
    return doc


def after_dateline(doc: Doc, first: Token):
    """The first word after the dateline that opens the paragraph starting at ``first``, if any."""
    if not first.text[:1].isupper():
        return None
    length = sources.dateline_length(doc.text[first.idx:first.idx + DATELINE_CHARS])
    span = doc.char_span(first.idx + length, first.idx + length + 1, alignment_mode="expand") if length else None
    return span[0] if span is not None and len(span) and span[0].i > first.i and not span[0].is_space else None


@Language.component(SURNAMES, assigns=["doc.ents"])
def surnames_of_people(doc: Doc) -> Doc:
    """One name, one kind in an article: a surname tagged alone as a place or thing is the person named in full.

    "Rep. Ada Everest ... Everest said": the entity recognizer often takes a
    surname standing alone for a place (LOC, FAC) or a thing (PRODUCT,
    WORK_OF_ART, EVENT) although the article gave the whole name as a
    PERSON. Organisations, countries and cities keep their label, which
    the speaker rules read as bodies that speak.
    """
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    if not surnames:
        return doc
    doc.ents = [Span(doc, ent.start, ent.end, label="PERSON")
                if len(ent) == 1 and ent.label_ in THING_LABELS and ent.text in surnames else ent
                for ent in doc.ents]
    return doc


@Language.factory(
    "quotedb",
    default_config={"indirect": True, "max_gap_words": 20, "coref": True, "learned": True},
    requires=["token.tag", "token.pos", "token.lemma", "token.dep", "token.head", "token.is_sent_start",
              "token.ent_type", "token.ent_iob", "doc.ents"],
    assigns=["doc._.quotes", "doc._.quote_errors"],
)
def make_quote_component(nlp: Language, name: str, *, indirect: bool, max_gap_words: int, coref: bool,
                         learned: bool):
    """Build the quote-finding component (``nlp.add_pipe("quotedb")``), and prepare the pipeline for it."""
    prepare(nlp)
    return QuoteComponent(nlp, indirect=indirect, max_gap_words=max_gap_words, coref=coref, learned=learned)


def prepare(nlp: Language) -> None:
    """Give the pipeline what the component needs before the parser: quote-mark splitting and paragraphs.

    Refuses, with the reason, a pipeline that lacks what the rules read.
    """
    missing = [pipe for pipe in NEEDED if pipe not in nlp.pipe_names]
    if missing:
        raise ValueError(f"the quotedb component needs a pipeline with {', '.join(NEEDED)}; "
                         f"this one lacks {', '.join(missing)} (try spacy.load({MODEL!r}))")
    split_quote_marks(nlp)
    if not isinstance(nlp.tokenizer, PlainWords):
        nlp.tokenizer = PlainWords(nlp.tokenizer)
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if SURNAMES not in nlp.pipe_names:
        nlp.add_pipe(SURNAMES, after="ner")


def lazy_coreferee(nlp: Language):
    """Coreferee's component, not added to the pipeline: created when a Doc first needs it, then called on it.

    A pipeline that already runs coreferee needs no second pass.
    """
    if "coreferee" in nlp.pipe_names:
        return None
    created = []

    def run(doc: Doc) -> Doc:
        if not created:
            import coreferee  # noqa: F401  (registers the "coreferee" factory)

            created.append(nlp.create_pipe("coreferee"))
        return created[0](doc)

    return run


QUOTE_INFIXES = (
    r"[\u201c\u201d\u00ab\u00bb]",  # curly quotes and guillemets glued to words: said,\u201cLook
    r"(?<=[A-Za-z]),(?=[\"\u201c\u00ab])",  # the comma before such a mark
)


def split_quote_marks(nlp: Language) -> None:
    """Make the tokenizer split quote marks that touch words, so quotes start on a token."""
    infixes = list(nlp.Defaults.infixes) + list(QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


class PlainWords:
    """The tokenizer, given the text with Markdown emphasis inside its lines and its front matter blanked
    (``markup``): the Doc's text has the article's length and offsets."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(markup.plain_words(text))

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)

    def __setattr__(self, name, value):
        if name == "tokenizer":
            object.__setattr__(self, name, value)
        else:
            setattr(self.tokenizer, name, value)


def load(model: str = MODEL, *, coref: bool = True, blis: bool = False) -> Language:
    """Load the spaCy model with the quote component (coreferee runs inside it when needed).

    The models this process loads from then on (this pipeline's, coreferee's
    and the attribution model's) multiply their matrices with numpy's BLAS
    (OpenBLAS), which is several times faster than spaCy's default, BLIS, on
    the small matrices of en_core_web_sm and the attribution model; the
    numbers differ only in rounding. ``blis=True`` uses BLIS: training does,
    so that ``make train`` parses and trains as the committed model was.
    """
    set_current_ops(NumpyOps(use_blis=blis))
    nlp = spacy.load(model, exclude=list(UNUSED))
    nlp.add_pipe("quotedb", config={"coref": coref})
    return nlp
