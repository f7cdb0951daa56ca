"""The attribution model's features and grouping helpers, on Docs built by hand."""
import pytest
import spacy
from spacy.tokens import Doc

from extract import learned_layers, learned_links

VOCAB = spacy.blank("en").vocab


@pytest.fixture
def said_that():
    """'Jo said that it rained .' parsed by hand."""
    return Doc(VOCAB, words=["Jo", "said", "that", "it", "rained", "."],
               heads=[1, 1, 4, 4, 1, 1], deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
               pos=["PROPN", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"],
               lemmas=["Jo", "say", "that", "it", "rain", "."])


def test_edge_features_mark_where_the_clause_starts_and_ends(said_that):
    features = learned_layers.parse_features(said_that)
    names = learned_layers.PARSE_FEATURES
    that, rained = (dict(zip(names, features[i])) for i in (2, 4))
    assert that["left_edge"] == "L:ccomp<VERB"
    assert rained["right_edge"] == "R:ccomp<VERB"
    assert rained["left_edge"] == "L:-"


def test_clause_feature_names_the_branch_under_the_root(said_that):
    assert [learned_layers.clause_feature(t) for t in said_that] == [
        "nsubj:say", "root:say", "ccomp:say", "ccomp:say", "ccomp:say", "punct:say"]


@pytest.mark.parametrize("text, expected", [
    ('He said "we won" today', ["out", "out", "open", "in", "in", "close", "out"]),
    ("\u201cWe won,\u201d he said", ["open", "in", "in", "in", "close", "out", "out"]),
    ('"Open\n\nShe', ["open", "in", "out", "out"]),
], ids=["straight", "curly", "paragraph-ends-quote"])
def test_quote_states(text, expected):
    doc = spacy.blank("en")(text)
    assert [s.split(":")[1] for s in learned_layers.quote_states(doc)] == expected


def test_parse_embed_gives_one_vector_per_token(said_that):
    model = learned_layers.ParseEmbed(width=8, attrs=["NORM", "DEP"], rows=[50, 20], feature_rows=20)
    model.initialize([said_that])
    (vectors,) = model.predict([said_that])
    assert vectors.shape == (len(said_that), 8)


def spans(doc, *bounds):
    return [doc[s:e] for s, e in bounds]


def test_merged_joins_pieces_of_one_paragraph_only():
    doc = Doc(VOCAB, words=["\u201c", "We", "won", ".", "We", "rest", ".", "\n\n", "Then", "more"],
              spaces=[False, True, False, True, True, False, False, False, True, False])
    merged = learned_links.merged(spans(doc, (8, 10), (1, 3), (4, 6)))
    assert [s.text for s in merged] == ["We won. We rest", "Then more"]


def test_sequence_says_how_a_piece_follows_the_previous():
    doc = Doc(VOCAB, words=["A", ",", "B", "said", "C", "\n\n", "D"],
              sent_starts=[True, False, False, False, False, False, True])
    layout = learned_links.Layout(doc)
    a, b, c, d = spans(doc, (0, 1), (2, 3), (4, 5), (6, 7))
    assert [learned_links.sequence(p, q, layout) for p, q in ((None, a), (a, b), (b, c), (c, d))] == [
        "first", "adjacent", "paragraph", "apart"]


def test_cue_relation_names_the_branch_of_the_cue(said_that):
    said_that.spans["cue"] = [said_that[1:2]]
    assert [relation for relation, _ in learned_layers.cue_relations(said_that)] == [
        "rel:arg:nsubj", "rel:in", "rel:arg:ccomp", "rel:arg:ccomp", "rel:arg:ccomp", "rel:arg:punct"]


def test_parse_content_gives_a_cue_its_clause(said_that):
    assert learned_links.parse_content(said_that[1:2], []).text == "that it rained"
    assert learned_links.parse_content(said_that[1:2], [said_that[3:5]]) is None
