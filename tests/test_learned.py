"""The committed attribution model on sentences written for these tests (real models)."""
import pytest

from extract import learned

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from extract import nlp as pipeline

    nlp = pipeline.load(coref=False)
    nlp.disable_pipe("quotedb")
    return nlp


def found(nlp, text):
    return [(a.cue.text, a.source.text if a.source else None, [c.text for c in a.content])
            for a in learned.attributions(nlp(text))]


def test_the_committed_model_loads_and_is_small():
    size = sum(f.stat().st_size for f in learned.MODEL_DIR.rglob("*") if f.is_file())
    assert size <= 30 * 2 ** 20
    assert learned.load().pipe_names == ["tok2vec", "cue", "tok2vec_args", "source", "content", "quotedb_links"]


@pytest.mark.parametrize("text, expected", [
    ("The harbour master said on Tuesday that the old bridge would reopen in May.",
     [("said", "The harbour master", ["that the old bridge would reopen in May"])]),
    ("\u201cWe will rebuild the pier before winter,\u201d Mayor Ada Quill told reporters.",
     [("told", "Mayor Ada Quill", ["We will rebuild the pier before winter"])]),
    ("According to the port authority, the ferry will not run on Sundays.",
     [("According to", "the port authority", ["the ferry will not run on Sundays"])]),
    ("\u201cThe first part is done,\u201d Mayor Ada Quill said, \u201cand the second starts soon.\u201d",
     [("said", "Mayor Ada Quill", ["The first part is done", "and the second starts soon"])]),
    ("'It was a mistake,' she said.", [("said", "she", ["It was a mistake"])]),
    ("Councillor Ben Ode denied the allegations and insisted he had acted lawfully.",
     [("denied", "Councillor Ben Ode", ["the allegations"]),
      ("insisted", "Councillor Ben Ode", ["he had acted lawfully"])]),
], ids=["reported", "quoted", "according-to", "split-quote", "single-quotes", "two-cues-one-source"])
def test_finds_cue_source_and_content(nlp, text, expected):
    assert found(nlp, text) == expected


def test_records_hold_spans_of_the_given_doc_and_a_score(nlp):
    doc = nlp("The harbour master said on Tuesday that the old bridge would reopen in May.")
    (attribution,) = learned.attributions(doc)
    assert attribution.cue.doc is doc
    assert 0.0 < attribution.score <= 1.0
    assert not doc.spans and doc.ents  # the production Doc keeps its entities and gets no spans


def test_a_long_doc_is_read_in_stretches_of_whole_sentences(nlp, monkeypatch):
    text = ("The harbour master said that the pier would reopen in May. " * 3
            + "Ada Quill told reporters that the ferry would run again. " * 3)
    doc = nlp(text)
    whole = found(nlp, text)
    monkeypatch.setattr(learned, "CHUNK_TOKENS", 30)  # two sentences a stretch
    assert len(learned.chunks(doc)) == 3
    assert all(len(stretch) <= 30 for stretch in learned.chunks(doc))
    assert found(nlp, text) == whole


def test_a_sentence_longer_than_a_stretch_is_left_to_the_rules(nlp, monkeypatch):
    doc = nlp("The harbour master said that the pier, which was built in 1890 by a firm from the north, "
              "would reopen in May after a long and costly repair.")
    monkeypatch.setattr(learned, "CHUNK_TOKENS", 10)
    assert learned.chunks(doc) == []
    assert learned.attributions(doc) == ()
