"""The five seed articles the product was specified from: every quote with its real speaker.

The articles stay in ../shared (or $SEEDS); this test names only who speaks
how often in each, never their text.
"""
import os
from collections import Counter
from pathlib import Path

import pytest
import sqlite_utils

pytestmark = pytest.mark.model

SEEDS = Path(os.environ.get("SEEDS") or Path(__file__).parents[1] / ".." / "shared" / "data" / "seeds")
SPOKESPERSON = "US Department of State spokesperson"

EXPECTED = {
    "000": {"Joe Biden": 2, "Dmitry Peskov": 1},
    "001": {"Antony Blinken": 1, "Dmitry Peskov": 1},
    "002": {SPOKESPERSON: 2, "Dmitry Peskov": 1},
    "003": {"Yury Ushakov": 7, "Vladimir Putin": 2, "Dmitry Peskov": 1},
    "004": {"Yury Ushakov": 4, "Vladimir Putin": 2},
}


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set SEEDS to their folder)")
    from quotedb.build import build

    path = tmp_path_factory.mktemp("seeds") / "quotes.db"
    build(SEEDS, path)
    return sqlite_utils.Database(path)


def speakers_by_article(db, kinds):
    rows = db.query(
        f"""select substr(a.path, 1, 3) as article, s.name as speaker
            from quotes q join articles a on a.id = q.article_id
            left join speakers s on s.id = q.speaker_id
            where q.kind in ({", ".join("?" * len(kinds))})""", kinds)
    counts: dict[str, Counter] = {}
    for row in rows:
        counts.setdefault(row["article"], Counter())[row["speaker"]] += 1
    return counts


def test_every_direct_quote_has_its_real_speaker(seeds_db):
    found = speakers_by_article(seeds_db, ["direct", "mixed"])
    assert {article: dict(counts) for article, counts in found.items()} == EXPECTED


def test_no_pronoun_or_bare_title_is_a_speaker(seeds_db):
    names = {row["name"].lower() for row in seeds_db["speakers"].rows}
    assert not names & {"he", "she", "the official", "official", "kremlin aide", "us president"}


def test_reported_words_keep_their_reporter(seeds_db):
    rows = list(seeds_db.query(
        """select s.name as speaker, r.name as reporter from quotes q
           join speakers s on s.id = q.speaker_id join speakers r on r.id = q.reporter_id
           where q.kind != 'indirect'"""))
    assert {(row["speaker"], row["reporter"]) for row in rows} == {("Vladimir Putin", "Yury Ushakov")}


def test_one_speaker_row_per_person_across_articles(seeds_db):
    names = [row["name"] for row in seeds_db["speakers"].rows]
    assert len(names) == len(set(names))
    peskov = seeds_db.execute("select n_articles, role from speakers where name = 'Dmitry Peskov'").fetchone()
    assert peskov[0] == 4 and peskov[1].lower() == "kremlin spokesman"


def test_headlines_are_attributed(seeds_db):
    rows = seeds_db.query("select s.name from quotes q join speakers s on s.id = q.speaker_id "
                          "where q.method = 'headline'")
    assert sorted(row["name"] for row in rows) == ["Antony Blinken", "Joe Biden"]
