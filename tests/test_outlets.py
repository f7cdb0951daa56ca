"""The outlets check (bench/outlets.py): its gold fits its articles, and its matching on tiny inputs."""
from __future__ import annotations

import importlib.util
import json
import sqlite3
import sys
from functools import cache
from pathlib import Path

import pytest

from extract import sources

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "bench" / "outlets" / "articles"
GOLD = ROOT / "bench" / "outlets" / "gold"
SETS = [ROOT / "bench" / name for name in ("outlets", "outlets-dev", "outlets-fresh", "outlets-blind",
                                           "outlets-blind2", "outlets-blind3",
                                           "outlets-blind4", "outlets-blind5", "outlets-blind6")]  # check, development, fresh, blind

spec = importlib.util.spec_from_file_location("outlets", ROOT / "bench" / "outlets.py")
outlets = sys.modules["outlets"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(outlets)


# The gold fits the articles as quotedb reads them ------------------------------------

@cache
def article_texts(folder: Path = ARTICLES) -> dict[str, str]:
    """Every article of a set by its path, with its text as the build reads it."""
    read = sources.read_folder(folder)
    assert read.errors == []
    return {article.path: article.text for article in read.articles}


def texts_for(gold_file: Path) -> dict[str, str]:
    """The articles of the set a gold file belongs to."""
    return article_texts(gold_file.parent.parent / "articles")


GOLD_FILES = sorted(path for folder in SETS for path in (folder / "gold").glob("*.json"))


@pytest.mark.parametrize("folder", SETS, ids=[folder.name for folder in SETS])
def test_every_article_has_one_gold_file(folder):
    assert sorted(outlets.read_gold(folder / "gold")) == sorted(article_texts(folder / "articles"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[path.stem for path in GOLD_FILES])
def test_every_gold_string_occurs_in_its_article(path):
    data = json.loads(path.read_text(encoding="utf8"))
    gold = outlets.gold_article(data["article"], data, texts_for(path)[data["article"]])
    assert gold.statements


@pytest.mark.parametrize("path", GOLD_FILES, ids=[path.stem for path in GOLD_FILES])
def test_a_gold_string_found_twice_says_which(path):
    data = json.loads(path.read_text(encoding="utf8"))
    text = texts_for(path)[data["article"]]
    entries = data.get("statements", []) + data.get("borderline", []) + data.get("decoys", [])
    unclear = [entry["text"] for entry in entries if "occurrence" not in entry
               and text.count(entry["text"] if isinstance(entry["text"], str) else entry["text"][0]) > 1]
    assert unclear == []


@pytest.mark.parametrize("path", GOLD_FILES, ids=[path.stem for path in GOLD_FILES])
def test_gold_statements_do_not_overlap_decoys(path):
    data = json.loads(path.read_text(encoding="utf8"))
    text = texts_for(path)[data["article"]]
    gold = outlets.gold_article(data["article"], data, text)
    statements = outlets.words(text, [span for s in gold.statements for span in s.spans])
    assert [d.why for d in gold.decoys if outlets.words(text, d.spans) & statements] == []


# Matching on tiny inputs -------------------------------------------------------------

TEXT = ('"We agreed," Jo Smith said, "on every point." '
        'Ann Lee said the deal was "a disaster" for the town. '
        'The bank refused to confirm whether jobs would go. '
        'Critics call it the "fair deal". The weather was mild.')
PEOPLE = {"Jo Smith": {"kind": "person"}, "Ann Lee": {"kind": "person"},
          "Northwind Bank": {"kind": "organisation", "also": ["Northwind"]},
          "a spokesperson for the council": {"kind": "unnamed"},
          "allies of the chancellor": {"kind": "unnamed"}}
GOLD_DATA = {
    "article": "tiny.txt",
    "people": PEOPLE,
    "statements": [
        {"speaker": "Jo Smith", "kind": "direct", "text": ["We agreed,", "on every point."]},
        {"speaker": "Ann Lee", "kind": "mixed", "text": 'the deal was "a disaster" for the town',
         "quoted": ["a disaster"]},
    ],
    "decoys": [{"text": "whether jobs would go", "why": "refused"}, {"text": "fair deal", "why": "scare quote"}],
}


def row(fragment, speaker=None, *, kind="direct", passage=None, number=1, speaker_kind=None):
    start = TEXT.index(fragment)
    return outlets.Row(number, passage or number, start, start + len(fragment), kind, speaker,
                       speaker_kind, "speech-verb", "name")


def tiny_gold():
    return outlets.gold_article("tiny.txt", GOLD_DATA, TEXT)


def test_a_split_quote_is_one_statement_found_by_either_piece():
    gold = tiny_gold()
    assert gold.statements[0].spans == ((1, 11), (TEXT.index("on every"), TEXT.index("on every") + 15))
    match = outlets.match_article(TEXT, gold, [row("on every point.", "Jo Smith")])
    assert outlets.found_row(TEXT, gold.statements[0], match.rows_of[0]) is not None


def test_a_mixed_statement_is_found_by_its_quoted_words_alone():
    gold = tiny_gold()
    match = outlets.match_article(TEXT, gold, [row("a disaster", "Ann Lee", kind="mixed")])
    assert outlets.found_row(TEXT, gold.statements[1], match.rows_of[1]).speaker == "Ann Lee"


def test_the_reported_clause_without_its_quoted_words_does_not_find_a_mixed_statement():
    gold = tiny_gold()
    match = outlets.match_article(TEXT, gold, [row("for the town", "Ann Lee", kind="indirect")])
    assert outlets.found_row(TEXT, gold.statements[1], match.rows_of[1]) is None
    assert [verdict for verdict, _, _ in match.passages] == ["real"]


@pytest.mark.parametrize("fragment, verdict", [
    ("We agreed,", "real"),
    ("whether jobs would go", "decoy"),
    ("fair deal", "decoy"),
    ("The weather was mild.", "spurious"),
    ("Ann Lee said the deal", "spurious"),
], ids=["statement", "refused", "scare-quote", "narration", "attribution-words"])
def test_predicted_passages_are_judged(fragment, verdict):
    match = outlets.match_article(TEXT, tiny_gold(), [row(fragment)])
    assert [v for v, _, _ in match.passages] == [verdict]


def test_rows_sharing_a_passage_are_judged_once():
    rows = [row("We agreed,", number=1), row("on every point.", number=2, passage=1)]
    match = outlets.match_article(TEXT, tiny_gold(), rows)
    assert [v for v, _, _ in match.passages] == ["real"]
    assert len(match.rows_of[0]) == 2


@pytest.mark.parametrize("predicted, gold, expected", [
    ("Jo Smith", "Jo Smith", True),
    ("jo smith", "Jo Smith", True),
    ("Smith", "Jo Smith", True),
    ("Ms. Jo Smith", "Jo Smith", True),
    ("J. Smith", "Jo Smith", True),
    ("Jo Anne Smith", "Jo Smith", True),
    ("Kim Smith", "Jo Smith", False),
    ("Jo", "Jo Smith", False),
    ("Ann Lee", "Jo Smith", False),
    ("Northwind", "Northwind Bank", True),
    ("the Northwind Bank", "Northwind Bank", True),
    ("the bank", "Northwind Bank", False),
    ("council spokesperson", "a spokesperson for the council", True),
    ("spokesperson", "a spokesperson for the council", True),
    ("council", "a spokesperson for the council", False),
    ("ally of the chancellor", "allies of the chancellor", True),
    ("allies", "allies of the chancellor", True),
    ("alley", "allies of the chancellor", False),
    (None, "Jo Smith", False),
], ids=lambda value: repr(value))
def test_speaker_names(predicted, gold, expected):
    assert outlets.names(predicted, gold, PEOPLE) is expected


@pytest.mark.parametrize("predicted, expected", [("Jo Smith", True), ("Kim Smith", False), ("Syed Jo Smith", True)])
def test_a_name_without_the_honorific_the_gold_keeps_is_the_person(predicted, expected):
    assert outlets.names(predicted, "Syed Jo Smith", {"Syed Jo Smith": {"kind": "person"}}) is expected


def test_a_surname_alone_is_not_enough_when_two_people_share_it():
    people = {"James Hall": {"kind": "person"}, "Ellie Hall": {"kind": "person"}}
    assert not outlets.names("Hall", "James Hall", people)
    assert not outlets.names("Ellie Hall", "James Hall", people)
    assert outlets.names("James Hall", "James Hall", people)


@pytest.mark.parametrize("predicted, speaker_kind, reporter, expected", [
    (None, None, None, "speaker: empty"),
    ("the company", "unnamed", None, "speaker: generic although the article names it"),
    ("Ann Lee", "person", None, "speaker: another person or body of the article"),
    ("Ann Lee", "person", "Ann Lee", "speaker: relayed speech given to the reporter"),
    ("Kim Smith", "person", None, "speaker: other"),
    ("Zed Rowe", "person", None, "speaker: other"),
], ids=["empty", "generic", "wrong-person", "relayed", "other-first-name", "other"])
def test_wrong_speakers_are_classed(predicted, speaker_kind, reporter, expected):
    statement = outlets.Statement("Jo Smith", "direct", ((1, 11),), ((1, 11),), reporter)
    wrong = outlets.Row(1, 1, 1, 11, "direct", predicted, speaker_kind, None, None)
    assert outlets.speaker_error(wrong, statement, PEOPLE) == expected


@pytest.mark.parametrize("predicted, expected", [
    ("Ellie Hall", "speaker: another person of the same surname"),
    ("Hall", "speaker: a surname two people of the article share"),
    ("Chief Hall", "speaker: a surname two people of the article share"),
], ids=["merged", "surname-alone", "title-and-surname"])
def test_two_people_sharing_a_surname_are_told_apart(predicted, expected):
    people = {"James Hall": {"kind": "person"}, "Ellie Hall": {"kind": "person"}}
    statement = outlets.Statement("James Hall", "direct", ((1, 11),), ((1, 11),))
    wrong = outlets.Row(1, 1, 1, 11, "direct", predicted, "person", None, None)
    assert outlets.speaker_error(wrong, statement, people) == expected


@pytest.mark.parametrize("predicted, expected", [
    ("Recorder Jo Smith", True),
    ("Cr Smith", True),
    ("Daughter Jo Smith", True),
    ("Cr Kim Smith", False),
], ids=lambda value: repr(value))
def test_titles_and_roles_before_a_name_are_no_other_person(predicted, expected):
    assert outlets.names(predicted, "Jo Smith", PEOPLE) is expected


def test_an_unattributed_statement_is_right_only_without_a_speaker():
    statement = outlets.Statement(None, "mixed", ((1, 11),), ((1, 11),))
    assert outlets.speaker_right(None, statement, PEOPLE)
    assert not outlets.speaker_right("Jo Smith", statement, PEOPLE)


@pytest.mark.parametrize("data, message", [
    ({"statements": [{"speaker": "Jo Smith", "kind": "direct", "text": "We disagreed"}]}, "not in the article"),
    ({"statements": [{"speaker": "Bo Diaz", "kind": "direct", "text": "We agreed"}]}, "not among"),
    ({"statements": [{"speaker": "Jo Smith", "kind": "mixed", "text": "We agreed"}]}, "quoted words"),
    ({"statements": [{"speaker": "Jo Smith", "kind": "mixed", "text": "We agreed", "quoted": ["point"]}]},
     "not inside"),
], ids=["missing", "unknown-speaker", "mixed-without-quoted", "quoted-outside"])
def test_gold_that_does_not_fit_is_refused(data, message):
    with pytest.raises(outlets.GoldError, match=message):
        outlets.gold_article("tiny.txt", {"people": PEOPLE, **data}, TEXT)


# The whole scorer on a database with the public schema -------------------------------

def tiny_database(path: Path) -> None:
    db = sqlite3.connect(path)
    db.executescript("""
        create table articles (id integer primary key, path text, text text);
        create table speakers (id integer primary key, name text, kind text);
        create table quotes (id integer primary key, article_id integer, start_char integer,
            end_char integer, kind text, speaker_id integer, speaker_name text, speaker_kind text,
            passage_id integer, cue_rule text, resolution text);
    """)
    db.execute("insert into articles values (1, 'tiny.txt', ?)", (TEXT,))
    db.execute("insert into speakers values (1, 'Jo Smith', 'person')")
    quotes = [("We agreed,", "direct", 1, None, 1), ("on every point.", "direct", 1, None, 1),
              ("a disaster", "mixed", None, "the bank", None), ("whether jobs would go", "indirect", None, "The bank", None)]
    for number, (fragment, kind, speaker_id, name, passage) in enumerate(quotes, 1):
        start = TEXT.index(fragment)
        db.execute("insert into quotes values (?, 1, ?, ?, ?, ?, ?, null, ?, 'speech-verb', 'name')",
                   (number, start, start + len(fragment), kind, speaker_id, name, passage or number))
    db.commit()
    db.close()


def test_the_scorer_prints_its_figures(tmp_path, capsys):
    tiny_database(tmp_path / "tiny.db")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "tiny.json").write_text(json.dumps(GOLD_DATA), encoding="utf8")
    assert outlets.main([str(tmp_path / "tiny.db"), str(tmp_path / "gold"), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["quote_marked_found"] == 1.0
    assert figures["predicted_statements"] == 3
    assert figures["predicted_real"] == pytest.approx(2 / 3)
    assert figures["speaker_right"] == 0.5
    assert figures["speaker_right_mixed"] == 0.0
