"""The database layer: schema, storing records, speakers, the atomic file and the CSV export."""
import csv
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from db import BadFilter, MissingDatabase, QuoteDbError, schema, store
from db.export import export_csv
from extract.records import Article, ExtractedArticle, Quote, Span, Speaker

ROOT = Path(__file__).resolve().parent.parent

# The quotes of the sample articles (conftest.py).
AGREED = "We agreed on every point,"
REOPEN = "the harbour would reopen in June"
WORKERS = "the workers were \u201cnot consulted\u201d and would protest"
FERRIES = "The ferries are back."
GLAD = "And the town is glad,"
TALKS = "talks had been agreeable"


@pytest.fixture
def db():
    """An empty, shaped database in memory, with foreign keys checked."""
    database = Database(memory=True)
    database.execute("PRAGMA foreign_keys = ON")
    schema.ensure_db_shape(database)
    return database


@pytest.fixture
def filled(db, sample_articles, sample_speakers):
    """The sample articles stored and their speakers written."""
    for extracted in sample_articles:
        store.store_article(db, extracted)
    store.write_speakers(db, sample_speakers)
    return db


def schema_sql(db):
    """Every schema object's name and SQL, sorted."""
    return sorted((row[0], row[1] or "") for row in db.execute("select name, sql from sqlite_master"))


def fts_ids(db, query):
    """Ids of the quotes the full-text index matches."""
    sql = "select rowid from quotes_fts where quotes_fts match ? order by rowid"
    return [row[0] for row in db.execute(sql, [query])]


def quote_texts(db, article_id):
    """The texts of an article's quotes, in id order."""
    sql = "select text from quotes where article_id = ? order by id"
    return [row[0] for row in db.execute(sql, [article_id])]


def errors(db):
    """The (path, reason) of every build error, oldest first."""
    return [(row["path"], row["reason"]) for row in db.query("select * from build_errors order by id")]


# ---------------------------------------------------------------- schema

def test_ensure_db_shape_twice_changes_nothing(db):
    before = schema_sql(db)
    schema.ensure_db_shape(db)
    assert schema_sql(db) == before


def test_ensure_db_shape_creates_the_public_schema(db):
    assert set(schema.TABLES) <= set(db.table_names())
    assert db.view_names() == ["quotes_view"]
    assert db["quotes"].detect_fts() == "quotes_fts"
    assert "porter" in db["quotes_fts"].schema
    indexed = {tuple(index.columns) for table in ("quotes", "articles") for index in db[table].indexes}
    expected = {("speaker_id",), ("article_id",), ("kind",), ("outlet",), ("published",), ("path",)}
    assert expected <= indexed
    assert {(fk.column, fk.other_table) for fk in db["quotes"].foreign_keys} == {
        ("article_id", "articles"), ("speaker_id", "speakers"), ("reporter_id", "speakers"),
        ("statement_id", "statements")}


def test_ensure_db_shape_adds_missing_columns():
    db = Database(memory=True)
    db["articles"].create({"id": int, "path": str}, pk="id")
    schema.ensure_db_shape(db)
    assert list(db["articles"].columns_dict) == list(schema.TABLES["articles"].columns)


def test_meta_is_none_until_set():
    db = Database(memory=True)
    assert schema.get_meta(db, "extractor") is None
    schema.ensure_db_shape(db)
    schema.set_meta(db, "extractor", "abc")
    schema.set_meta(db, "extractor", "def")
    assert schema.get_meta(db, "extractor") == "def"


# ---------------------------------------------------------------- articles and quotes

def test_store_article_writes_article_and_quotes(db, sample_articles):
    article_id = store.store_article(db, sample_articles[0])
    row = db["articles"].get(article_id)
    assert (row["path"], row["title"], row["outlet"], row["published"], row["n_quotes"]) == (
        "2024-05-01-harbour.txt", "Harbour deal signed", "Coast Courier", "2024-05-01", 3)
    assert quote_texts(db, article_id) == [AGREED, REOPEN, WORKERS]
    assert store.known_articles(db) == {"2024-05-01-harbour.txt": "sha-harbour"}


def test_stored_offsets_index_into_the_article_text(filled):
    rows = filled.query("""select articles.text as article, quotes.* from quotes
                           join articles on articles.id = quotes.article_id""")
    for row in rows:
        assert row["article"][row["start_char"]:row["end_char"]] == row["text"]
        assert row["article"][row["cue_start_char"]:row["cue_end_char"]] == row["cue"]
        assert row["article"][row["mention_start_char"]:row["mention_end_char"]] == row["mention"]


def test_local_speakers_are_stored_per_quote(db, sample_articles):
    store.store_article(db, sample_articles[1])
    row = db["quotes"].get(1)
    assert (row["speaker_name"], row["speaker_role"], row["speaker_kind"], row["mention"]) == (
        "Smith", None, "person", "Smith")
    assert (row["reporter_name"], row["reporter_kind"], row["method"], row["paragraph"]) == (
        "council spokesperson", "unnamed", "subject", 1)


def test_passage_id_points_at_the_first_part(db, sample_articles):
    store.store_article(db, sample_articles[0])
    store.store_article(db, sample_articles[1])
    rows = list(db.query("select id, passage_id from quotes where article_id = 2 order by id"))
    first = rows[0]["id"]
    assert [row["passage_id"] for row in rows] == [first, first, None]


def test_store_article_replaces_an_earlier_version(db, sample_articles):
    harbour = sample_articles[0]
    article_id = store.store_article(db, harbour)
    store.store_article(db, sample_articles[1])
    changed = ExtractedArticle(replace(harbour.article, sha256="sha-2"), harbour.quotes[2:])
    assert store.store_article(db, changed) == article_id
    assert quote_texts(db, article_id) == [WORKERS]
    assert db["articles"].get(article_id)["n_quotes"] == 1
    assert store.known_articles(db)["2024-05-01-harbour.txt"] == "sha-2"
    assert fts_ids(db, "agree") == []
    assert db["articles"].count == 2


def test_quote_ids_are_consecutive_per_article(db, sample_articles):
    for extracted in sample_articles:
        store.store_article(db, extracted)
    assert [row[0] for row in db.execute("select id from quotes order by id")] == [1, 2, 3, 4, 5, 6]


def test_delete_articles_removes_quotes_and_errors(filled):
    store.record_error(filled, "2024-05-01-harbour.txt", "odd quote mark")
    store.delete_articles(filled, ["2024-05-01-harbour.txt", "never-stored.txt"])
    assert store.known_articles(filled) == {"2024-05-03-ferry.md": "sha-ferry"}
    assert filled.execute("select count(*) from quotes where article_id = 1").fetchone()[0] == 0
    assert filled["quotes"].count == 3
    assert errors(filled) == []
    assert fts_ids(filled, "agree") == []


def test_known_articles_of_an_unshaped_database():
    assert store.known_articles(Database(memory=True)) == {}


def test_full_text_search_matches_word_forms(filled):
    assert [row["text"] for row in filled["quotes"].search("agree")] == [AGREED]
    assert len(fts_ids(filled, "ferry")) == 1


def test_quote_with_wrong_offsets_is_left_out(db):
    text = "She said \u201cyes\u201d and \u201cno\u201d."
    good = Quote(Span(10, 13, "yes"), "direct")
    wrong = Quote(Span(0, 3, "nope"), "direct")
    extracted = ExtractedArticle(Article("a.txt", text, "s"), (wrong, good))
    article_id = store.store_article(db, extracted)
    assert quote_texts(db, article_id) == ["yes"]
    assert errors(db) == [("a.txt", "quote 0 left out: content 0:3 does not match the article text")]


def test_mention_with_wrong_offsets_leaves_the_quote_out(db):
    text = "Kim said \u201cyes\u201d."
    quote = Quote(Span(10, 13, "yes"), "direct", mention=Span(0, 3, "Kim!"), speaker=Speaker("Kim"))
    store.store_article(db, ExtractedArticle(Article("a.txt", text, "s"), (quote,)))
    assert db["quotes"].count == 0
    assert errors(db)[0][1].startswith("quote 0 left out: mention 0:3")


# ---------------------------------------------------------------- build errors

def test_record_error_keeps_one_row_per_path_and_reason(db):
    store.record_error(db, "a.txt", "cannot decode")
    store.record_error(db, "a.txt", "cannot decode")
    store.record_error(db, "a.txt", "too large")
    assert errors(db) == [("a.txt", "cannot decode"), ("a.txt", "too large")]
    assert db["build_errors"].get(1)["built_at"].endswith("+00:00")


def test_errors_clear_when_the_path_builds(db, sample_articles):
    harbour = sample_articles[0]
    store.record_error(db, harbour.article.path, "cannot decode")
    store.record_error(db, "other.txt", "cannot decode")
    store.store_article(db, harbour)
    assert errors(db) == [("other.txt", "cannot decode")]


def test_a_record_that_builds_clears_its_file_error(db):
    store.record_error(db, "wire.jsonl", "line 3: not JSON")
    store.store_article(db, ExtractedArticle(Article("wire.jsonl#1", "Text.", "s")))
    assert errors(db) == []


def test_extraction_errors_are_recorded(db):
    extracted = ExtractedArticle(Article("a.txt", "Text.", "s"), errors=("unpaired quote mark at 3",))
    store.store_article(db, extracted)
    assert errors(db) == [("a.txt", "unpaired quote mark at 3")]


# ---------------------------------------------------------------- speakers

def test_speaker_refs_lists_local_speakers_and_reporters(db, sample_articles):
    for extracted in sample_articles:
        store.store_article(db, extracted)
    assert store.speaker_refs(db) == [
        Speaker("Smith"),
        Speaker("council spokesperson", None, "unnamed"),
        Speaker("Ann Lee", "Union leader"),
        Speaker("Jo Smith", "Mayor"),
    ]


def test_write_speakers_fills_speakers_and_aliases(filled):
    speakers = {row["name"]: row for row in filled["speakers"].rows}
    smith = speakers["Jo Smith"]
    assert (smith["role"], smith["kind"]) == ("Mayor", "person")
    assert (smith["n_quotes"], smith["n_articles"]) == (5, 2)
    assert (smith["first_quoted"], smith["last_quoted"]) == ("2024-05-01", "2024-05-03T09:30")
    assert speakers["council spokesperson"]["n_quotes"] == 0
    aliases = {(row["alias"], row["n_quotes"]) for row in filled["speaker_aliases"].rows_where(
        "speaker_id = ?", [smith["id"]])}
    assert aliases == {("Jo Smith", 1), ("Smith", 4)}


def test_write_speakers_links_quotes(filled):
    ids = {row["name"]: row["id"] for row in filled["speakers"].rows}
    rows = filled.execute("select speaker_id, reporter_id from quotes order by id").fetchall()
    smith, lee, council = ids["Jo Smith"], ids["Ann Lee"], ids["council spokesperson"]
    assert rows == [(smith, None), (smith, None), (lee, None),
                    (smith, council), (smith, council), (smith, None)]


def test_write_speakers_keeps_ids_of_the_same_speakers(filled, sample_speakers):
    before = {row["name"]: row["id"] for row in filled["speakers"].rows}
    newcomer = replace(sample_speakers[0], name="Ann B. Lee")
    store.write_speakers(filled, [*reversed(sample_speakers[1:]), newcomer])
    after = {row["name"]: row["id"] for row in filled["speakers"].rows}
    assert after["Jo Smith"] == before["Jo Smith"]
    assert after["council spokesperson"] == before["council spokesperson"]
    assert after["Ann B. Lee"] not in before.values()
    assert filled.execute("pragma foreign_key_check").fetchall() == []


def test_quotes_of_no_group_have_no_speaker_id(filled, sample_speakers):
    store.write_speakers(filled, sample_speakers[:1])
    assert filled.execute("select count(*) from quotes where speaker_id is not null").fetchone()[0] == 1
    assert filled.execute("select count(*) from quotes_view where speaker = 'Smith'").fetchone()[0] == 4


# ---------------------------------------------------------------- the database file

def article_count(path):
    """How many articles the database file holds."""
    with Database(path) as db:
        return db["articles"].count


def test_atomic_creates_a_new_file(tmp_path, sample_articles):
    path = tmp_path / "quotes.db"
    with store.atomic(path) as db:
        schema.ensure_db_shape(db)
        store.store_article(db, sample_articles[0])
        assert not path.exists()
    assert article_count(path) == 1
    assert os.listdir(tmp_path) == ["quotes.db"]


def test_atomic_replaces_the_file_on_success(quotes_db_file, sample_articles):
    with store.atomic(quotes_db_file) as db:
        store.delete_articles(db, [sample_articles[0].article.path])
        assert article_count(quotes_db_file) == 2
    assert article_count(quotes_db_file) == 1


def test_atomic_leaves_the_file_alone_on_error(quotes_db_file):
    before = quotes_db_file.read_bytes()
    with pytest.raises(RuntimeError, match="stop"):
        with store.atomic(quotes_db_file) as db:
            db.execute("delete from quotes")
            raise RuntimeError("stop")
    assert quotes_db_file.read_bytes() == before
    assert os.listdir(quotes_db_file.parent) == ["quotes.db"]


def test_atomic_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "quotes.db"
    path.write_text("not a database, just text " * 100)
    with pytest.raises(QuoteDbError, match="not a usable SQLite database"):
        with store.atomic(path):
            pass
    assert path.read_text().startswith("not a database")
    assert os.listdir(tmp_path) == ["quotes.db"]


def test_atomic_refuses_a_database_with_a_write_ahead_log(quotes_db_file):
    with closing(sqlite3.connect(quotes_db_file)) as reader:
        reader.execute("pragma journal_mode = wal")
        reader.execute("select count(*) from quotes").fetchone()
        with pytest.raises(QuoteDbError, match="WAL mode"):
            with store.atomic(quotes_db_file) as db:
                db.execute("delete from quotes")
        assert reader.execute("select count(*) from quotes").fetchone() == (6,)
    assert sorted(os.listdir(quotes_db_file.parent)) == ["quotes.db"]


def test_atomic_turns_a_closed_wal_database_back_to_rollback_mode(quotes_db_file):
    with closing(sqlite3.connect(quotes_db_file)) as conn:
        conn.execute("pragma journal_mode = wal")
    with store.atomic(quotes_db_file) as db:
        db.execute("delete from build_errors")
    with closing(sqlite3.connect(quotes_db_file)) as conn:
        assert conn.execute("pragma journal_mode").fetchone() == ("delete",)
        assert conn.execute("select count(*) from quotes").fetchone() == (6,)


KILLED_BUILD = textwrap.dedent("""
    import sys, time
    from db import store
    with store.atomic(sys.argv[1]) as db:
        db.execute("delete from quotes")
        db.execute("delete from articles")
        print("working", flush=True)
        time.sleep(60)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_a_killed_build_leaves_the_file_intact(quotes_db_file):
    before = quotes_db_file.read_bytes()
    build = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(quotes_db_file)],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert build.stdout.readline() == "working\n"
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
        build.stdout.close()
    assert quotes_db_file.read_bytes() == before
    with sqlite3.connect(quotes_db_file) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)


# ---------------------------------------------------------------- CSV export

def exported(quotes_db_file, **filters):
    """The rows of a CSV export, checked against the count returned."""
    csv_path = quotes_db_file.parent / "quotes.csv"
    count = export_csv(quotes_db_file, csv_path, **filters)
    with open(csv_path, newline="", encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == count
    return rows


def test_export_writes_every_quote_with_its_context(quotes_db_file):
    rows = exported(quotes_db_file)
    assert len(rows) == 6
    assert {"text", "kind", "speaker", "title", "outlet", "published", "confidence"} <= set(rows[0])
    first = rows[0]
    assert (first["text"], first["speaker"], first["title"], first["outlet"], first["published"]) == (
        AGREED, "Jo Smith", "Harbour deal signed", "Coast Courier", "2024-05-01")


@pytest.mark.parametrize(
    "filters, texts",
    [
        ({"speaker": "lee"}, [WORKERS]),
        ({"speaker": "Smith", "kind": "indirect"}, [REOPEN, TALKS]),
        ({"outlet": "bay herald", "min_confidence": 0.6}, [FERRIES, GLAD]),
        ({"since": "2024-05-02"}, [FERRIES, GLAD, TALKS]),
        ({"until": "2024-05-03", "kind": "mixed"}, [WORKERS]),
        ({"speaker": "%"}, []),
    ],
    ids=["speaker-name", "alias-and-kind", "outlet-confidence", "since", "until-inclusive",
         "like-escaped"],
)
def test_export_filters(quotes_db_file, filters, texts):
    assert [row["text"] for row in exported(quotes_db_file, **filters)] == texts


@pytest.mark.parametrize(
    "filters, message",
    [
        ({"since": "May 2024"}, "since must be a date"),
        ({"until": "2024-13-01"}, "until must be a date"),
        ({"kind": "quoted"}, "kind must be one of direct, mixed, indirect"),
        ({"min_confidence": 1.5}, "between 0 and 1"),
        ({"min_confidence": "high"}, "must be a number"),
    ],
    ids=["since", "until", "kind", "confidence-range", "confidence-type"],
)
def test_export_rejects_bad_filters(quotes_db_file, filters, message):
    with pytest.raises(BadFilter, match=message):
        export_csv(quotes_db_file, quotes_db_file.parent / "out.csv", **filters)


def test_export_of_a_missing_database(tmp_path):
    with pytest.raises(MissingDatabase, match="no such database file"):
        export_csv(tmp_path / "missing.db", tmp_path / "out.csv")
    assert not (tmp_path / "missing.db").exists()


def test_export_of_another_database(tmp_path):
    Database(tmp_path / "other.db")["things"].insert({"id": 1})
    with pytest.raises(MissingDatabase, match="not a quotedb database"):
        export_csv(tmp_path / "other.db", tmp_path / "out.csv")


def test_export_to_a_missing_folder(quotes_db_file, tmp_path):
    with pytest.raises(QuoteDbError, match="cannot write"):
        export_csv(quotes_db_file, tmp_path / "no" / "such" / "out.csv")
