"""PolNeAR's brat files to gold spans for training, on snippets written for these tests."""
import pytest
import spacy
from spacy.tokens import Doc

from train import brat, convert

TEXT = 'Mayor Jo Smith said that the bridge would reopen. "It is safe," she added, "and cheap."'
SAFE, CHEAP = '"It is safe,"', '"and cheap."'


def at(fragment, occurrence=1):
    """'start end' of the ``occurrence``-th ``fragment`` in TEXT, as brat writes offsets."""
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(fragment, start + 1)
    return f"{start} {start + len(fragment)}"


ANN = "\n".join([
    f"T1\tSource {at('Mayor Jo Smith')}\tMayor Jo Smith",
    f"T2\tCue {at('said')}\tsaid",
    f"T3\tContent {at('that the bridge would reopen')}\tthat the bridge would reopen",
    f"T4\tAttribution {at('said')}\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    f"T5\tSource {at('she')}\tshe",
    f"T6\tCue {at('added')}\tadded",
    f"T7\tContent {at(SAFE)};{at(CHEAP)}\t{SAFE} {CHEAP}",
    f"T8\tAttribution {at('added')}\tadded",
    "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
    f"T9\tDiscuss {at('Mayor')}\tMayor",
    f"T10\tCue {at('would')}\twould",
    "E3\tAttribution-no-source:T10 Cue:T10",
    "#1\tAnnotatorNotes T9\ta note",
])


def offsets(fragment, occurrence=1):
    return tuple(map(int, at(fragment, occurrence).split()))


def test_parse_ann_reads_events_with_content():
    attributions = brat.parse_ann(ANN)
    assert attributions == (
        brat.Attribution(source=(offsets("Mayor Jo Smith"),), cue=(offsets("said"),),
                         content=(offsets("that the bridge would reopen"),)),
        brat.Attribution(source=(offsets("she"),), cue=(offsets("added"),),
                         content=(offsets(SAFE), offsets(CHEAP))),
    )


def test_parse_ann_joins_numbered_roles():
    ann = "\n".join([
        f"T1\tCue {at('said')}\tsaid",
        f"T2\tContent {at('that the bridge')}\tthat the bridge",
        f"T3\tContent {at('It is safe')}\tIt is safe",
        "E1\tAttribution-no-source:T1 Cue:T1 Content2:T3 Content:T2",
    ])
    (attribution,) = brat.parse_ann(ann)
    assert attribution.content == (offsets("that the bridge"), offsets("It is safe"))
    assert attribution.source == ()


def test_read_split_keeps_the_first_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT, encoding="utf8")
    (tmp_path / "attributions" / "story_a1.ann").write_text(ANN, encoding="utf8")
    (tmp_path / "attributions" / "story_b2.ann").write_text("", encoding="utf8")
    (article,) = brat.read_split(tmp_path)
    assert (article.name, article.text, len(article.attributions)) == ("story", TEXT, 2)


@pytest.fixture
def doc():
    """TEXT tokenized, with a sentence starting at the quote."""
    nlp = spacy.blank("en")
    doc = nlp(TEXT)
    for token in doc:
        token.is_sent_start = token.i == 0 or token.text == '"' and doc[token.i - 1].text == "."
    return doc


def span_text(doc, offsets):
    return [doc[s:e].text for s, e in offsets]


@pytest.mark.parametrize("fragment, expected", [
    ('"It is safe,"', "It is safe"),
    ("Mayor Jo Smith", "Mayor Jo Smith"),
    ('"and cheap."', "and cheap"),
    ("ri", "bridge"),  # inside a word: the whole token
], ids=["quote-marks", "plain", "closing-period", "partial-token"])
def test_token_span_trims_what_the_scorer_ignores(doc, fragment, expected):
    start, end = offsets(fragment)
    assert convert.token_span(doc, start, end).text == expected


def test_token_span_of_punctuation_only_is_none(doc):
    assert convert.token_span(doc, *offsets(", ")) is None


def test_by_sentence_cuts_at_sentence_starts(doc):
    start = doc.text.index("that")
    span = doc.char_span(start, len(TEXT), alignment_mode="expand")
    parts = convert.by_sentence(doc, span.start, span.end)
    assert span_text(doc, parts) == ["that the bridge would reopen", 'It is safe," she added, "and cheap']


def test_annotate_sets_spans_and_groups(doc):
    convert.annotate(doc, brat.parse_ann(ANN))
    assert {key: [s.text for s in doc.spans[key]] for key in ("cue", "source", "content")} == {
        "cue": ["said", "added"],
        "source": ["Mayor Jo Smith", "she"],
        "content": ["that the bridge would reopen", "It is safe", "and cheap"],
    }
    second = doc.user_data["attributions"][1]
    assert span_text(doc, second["content"]) == ["It is safe", "and cheap"]
    assert span_text(doc, second["source"]) == ["she"]


def test_annotate_drops_overlapping_spans_of_one_element():
    doc = Doc(spacy.blank("en").vocab, words=["Jo", "Smith", "said", "so"])
    attributions = [brat.Attribution(source=((0, 8),), cue=((9, 13),), content=((14, 16),)),
                    brat.Attribution(source=((3, 8),), cue=((9, 13),), content=((14, 16),))]
    convert.annotate(doc, attributions)
    assert [s.text for s in doc.spans["source"]] == ["Jo Smith"]
