"""Properties that hold for any text: nothing raises and every offset indexes into the text.

The texts are random and adversarial: unbalanced and nested quote marks of
every style, huge paragraphs, control characters and mixed scripts.
"""
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract.quotes import quoted_parts

QUOTE_MARKS = '"\'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a\u300c\u300d\u2033'
PAIRS = [('"', '"'), ("\u201c", "\u201d"), ("\u201e", "\u201c"), ("\u00ab", "\u00bb"),
         ("\u2018", "\u2019"), ("\u300c", "\u300d"), ("\u201d", "\u201c"), ("\u00bb", "\u00ab"), ("''", "''"),
         ("``", "''"), ("'", "'")]
DOUBLE_QUOTES = [('"', '"'), ("\u201c", "\u201d"), ("\u201e", "\u201d"), ("\u201e", "\u201c"), ("\u00ab", "\u00bb"),
                 ("\u00ab ", " \u00bb"), ("''", "''"), ("``", "''"), ("'", "'"), ("\u2018", "\u2019")]  # what quotes.py pairs
WORDS = ["said", "says", "don't", "the Smiths'", "'90s", "rock 'n' roll", "O'Brien", "PENCE:", "Q:", "A:", "told", "according to", "he", "she", "the minister", "Ann Lee", "\u041f\u0435\u0441\u043a\u043e\u0432",
         "\u4e60\u8fd1\u5e73", "\u0627\u0644\u0631\u0626\u064a\u0633", "caf\u00e9", "\U0001F600", "no.", "U.S.", "<a href=\"x\">",
         "</a>", "\u2014", ":", ",", ".", "...", "(", ")"]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028", "\x00", "\x0b", "\x1b"]

marks = st.sampled_from(QUOTE_MARKS)
words = st.sampled_from(WORDS)
separators = st.sampled_from(SEPARATORS)

# any characters, leaning towards quote marks and line breaks
noise = st.text(alphabet=st.one_of(marks, st.sampled_from("\n \t"), st.characters()), max_size=400)

# words, marks and separators in any order
token_soup = st.lists(st.one_of(words, marks, separators), max_size=120).map("".join)

# quotes inside quotes, of any styles, some of them left open or closed twice
nested = st.recursive(
    st.lists(st.one_of(words, separators), min_size=1, max_size=6).map("".join),
    lambda inner: st.one_of(
        st.tuples(st.sampled_from(PAIRS), inner, words).map(lambda t: f"{t[0][0]}{t[1]}{t[0][1]} {t[2]}"),
        st.tuples(marks, inner).map("".join),
        st.tuples(inner, marks, inner).map("".join),
        st.lists(inner, min_size=2, max_size=4).map(" ".join),
    ),
    max_leaves=40,
)

# one paragraph of tens of thousands of characters with a few stray marks
huge_paragraph = st.tuples(words, st.integers(1000, 8000), st.lists(marks, max_size=5)).map(
    lambda t: "".join(t[2]) + f"{t[0]} " * t[1] + "".join(reversed(t[2])))

any_text = st.one_of(noise, token_soup, nested, huge_paragraph)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_quoted_parts_never_raise_and_stay_in_the_text(text):
    parts = quoted_parts(text)
    for part in parts:
        assert 0 <= part.start < part.end <= len(text), (part, len(text))
    assert [part.start for part in parts] == sorted(part.start for part in parts)


@given(st.sampled_from(DOUBLE_QUOTES), token_soup)
def test_a_plain_quote_is_found_whatever_surrounds_it(pair, tail):
    text = f"{pair[0]}We will go.{pair[1]} {tail}"
    parts = quoted_parts(text)
    assert parts and parts[0].start == len(pair[0]) and text[parts[0].start:parts[0].end].startswith("We will go.")


# ---------------------------------------------------------------- with the model

def spans_of(quote):
    """The content, cue and mention spans of a quote that are set."""
    return [span for span in (quote.content, quote.cue, quote.mention) if span is not None]


sentences = st.lists(
    st.one_of(nested, token_soup, st.sampled_from([
        "\u201cWe will not move,\u201d the minister said.",
        "She said \u00abthe talks\u00bb had \"failed\u201d.",
        "According to Ann Lee, the port is \u201copen.",
        "\u201cFirst part.\n\n\u201cSecond part,\u201d he told reporters.",
    ])),
    min_size=1, max_size=6,
).map("\n\n".join)


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=sentences)
@example(text='said\n\n"saidsaid  \nsaid</a>caf\u00e9he \u201esaid" said')  # a description and a name beside each other
def test_model_quotes_never_raise_and_spans_match_the_text(nlp, text):
    doc = nlp(text)
    assert not [error for error in doc._.quote_errors if not error.startswith("quote at ")]  # no article fails
    for quote in doc._.quotes:
        for span in spans_of(quote):
            assert 0 <= span.start <= span.end <= len(text), (span, len(text))
            assert text[span.start:span.end] == span.text, span


# ---------------------------------------------------------------- bounded work

fragments = st.lists(st.sampled_from([
    "Smith said", "\"yes\"", "\u201cno,\u201d", "he said.", "she told reporters:", "according to Lee,", "\"",
    "\u201c", "the minister", "that the port would open", "\u2014 Ann Lee", "SMITH:", "It was", "and", ".",
]), min_size=2, max_size=8).map(" ".join)


def attribution_seconds(nlp, doc) -> float:
    """The least of three timings (processor time, which other programs on the machine do not lengthen)
    of attribution alone on a parsed Doc."""
    import time

    from extract import attribution

    component = nlp.get_pipe("quotedb")
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        attribution.find_quotes(doc, component.settings, [], component.coref)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.model
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(unit=fragments)
@example(unit='Smith said "yes"')  # 400 of these in one paragraph took 53 s
@example(unit='"We will win," he said.')  # a pronoun nobody in the text can be
@example(unit='a " b')
@example(unit="the minister she told reporters:")  # a chain of appositions over the paragraph, read per pronoun
@example(unit="Smith said Smith said")  # each "said" the clause of the next
def test_attribution_time_grows_linearly_with_one_paragraph(nlp, unit):
    """Four times the words and quote marks in one paragraph cost at most about four times the work (not sixteen).

    The paragraphs are longer than the stretch of text before a pronoun that
    resolution reads (``speakers.RECENT_TOKENS``), so that fixed window counts
    as the constant it is.
    """
    from extract.speakers import RECENT_TOKENS

    repeats = max(1, -(-2 * RECENT_TOKENS // len(nlp.make_doc(unit))))  # the small paragraph: twice the window
    small, large = (nlp(" ".join([unit] * count)) for count in (repeats, 4 * repeats))
    assert attribution_seconds(nlp, large) <= 8 * attribution_seconds(nlp, small) + 0.03


@pytest.mark.model
def test_coreferee_reads_a_bounded_number_of_pronouns_however_many_the_paragraph_holds(nlp):
    """Its work grows with the cube of the pronouns it reads: a paragraph of 80 "she told reporters:" took 125 s."""
    import coreferee  # noqa: F401  (the chains' extension)

    from extract import attribution
    from extract.speakers import COREF_PRONOUNS

    read = []

    def coref(doc):
        read.append(sum(token.pos_ == "PRON" for token in doc))
        return doc

    doc = nlp(" ".join(["she told reporters: she told reporters: It was"] * 40))
    attribution.find_quotes(doc, nlp.get_pipe("quotedb").settings, [], coref)
    assert read and max(read) <= COREF_PRONOUNS
