"""Engines: the same database whether articles are extracted in one process, several, or on dask."""
import os
import pickle
from pathlib import Path

import pytest
import sqlite_utils

from extract.records import Article
from quotedb import engines
from quotedb.build import build

SEEDS = Path(os.environ.get("SEEDS") or Path(__file__).parents[1] / ".." / "shared" / "data" / "seeds")


def article(path: str, words: int) -> Article:
    return Article(path, " ".join(["word"] * words), f"sha-{path}")


# ---------------------------------------------------------------- no model needed

def test_records_cross_processes_intact(sample_articles):
    assert pickle.loads(pickle.dumps(sample_articles)) == sample_articles


def test_chunks_hold_every_article_once_longest_first():
    articles = [article(f"{n}.txt", words) for n, words in enumerate([5, 900, 40, 3000, 40, 700, 1])]
    chunked = engines.chunks(articles, workers=2, most=1000)
    flat = [a for chunk in chunked for a in chunk]
    assert sorted(a.path for a in flat) == sorted(a.path for a in articles)
    assert [engines.word_count(a) for a in flat] == [3000, 900, 700, 40, 40, 5, 1]


@pytest.mark.parametrize("sizes, most, expected", [
    ([100] * 8, 1000, [[100, 100]] + [[100]] * 6),
    ([100] * 8, 150, [[100]] * 8),
    ([5000, 10, 10], 1000, [[5000], [10], [10]]),
    ([], 1000, []),
], ids=["shrinking", "capped", "long-alone", "empty"])
def test_chunks_shrink_as_the_work_runs_out(sizes, most, expected):
    chunked = engines.chunks([article(f"{n}.txt", s) for n, s in enumerate(sizes)], workers=2, most=most)
    assert [[engines.word_count(a) for a in chunk] for chunk in chunked] == expected


def test_windowed_keeps_a_bounded_number_in_flight():
    from concurrent.futures import Future

    in_flight, most = set(), []

    def submit(chunk):
        future = Future()
        future.set_result(chunk)
        in_flight.add(future)
        most.append(len(in_flight))
        return future

    def finished(pending):
        done = next(iter(pending))
        in_flight.discard(done)
        return [done]

    work = [[article(f"{n}.txt", 1)] for n in range(10)]
    done = [a.path for a in engines.windowed(submit, finished, work, 3)]
    assert sorted(done) == sorted(f"{n}.txt" for n in range(10))
    assert max(most) == 3


def test_no_work_starts_nothing():
    assert list(engines.local(2)([])) == []


# ---------------------------------------------------------------- with the model

def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set SEEDS to their folder)")
    return SEEDS


def contents(path: Path) -> dict:
    """Every table's rows apart from ids: articles by path, speakers by name."""
    db = sqlite_utils.Database(path)
    paths = {row["id"]: row["path"] for row in db["articles"].rows}
    names = {row["id"]: row["name"] for row in db["speakers"].rows}
    places = {row["id"]: (paths[row["article_id"]], row["start_char"]) for row in db["quotes"].rows}

    def quote(row):
        return {**row, "id": places[row["id"]], "article_id": paths[row["article_id"]],
                "speaker_id": names.get(row["speaker_id"]), "reporter_id": names.get(row["reporter_id"]),
                "passage_id": places.get(row["passage_id"])}

    return {
        "articles": sorted(({**row, "id": None} for row in db["articles"].rows), key=lambda r: r["path"]),
        "quotes": sorted((quote(row) for row in db["quotes"].rows), key=lambda r: r["id"]),
        "speakers": sorted(({**row, "id": None} for row in db["speakers"].rows), key=lambda r: r["name"]),
        "aliases": sorted((names[row["speaker_id"]], row["alias"], row["n_quotes"])
                          for row in db["speaker_aliases"].rows),
        "errors": sorted((row["path"], row["reason"]) for row in db["build_errors"].rows),
    }


@pytest.fixture(scope="module")
def in_process(tmp_path_factory) -> dict:
    """The seeds built in this process: what every engine must give."""
    path = tmp_path_factory.mktemp("one") / "quotes.db"
    build(seeds(), path, engine=engines.local(1))
    return contents(path)


@pytest.mark.model
def test_two_local_workers_build_the_same_database(in_process, tmp_path):
    path = tmp_path / "quotes.db"
    build(seeds(), path, engine=engines.local(2, parallel_from=0))  # the seeds are too few to split otherwise
    built = contents(path)
    assert built["quotes"] and built == in_process


@pytest.mark.model
def test_a_dask_cluster_builds_the_same_database(in_process, tmp_path):
    pytest.importorskip("distributed")
    path = tmp_path / "quotes.db"
    build(seeds(), path, engine=engines.dask(None, 2))
    built = contents(path)
    assert built["quotes"] and built == in_process


@pytest.mark.model
def test_an_article_whose_extraction_fails_is_reported_and_the_others_are_kept(monkeypatch):
    from extract import attribution, nlp, pipeline
    from extract.records import Article

    find_quotes = attribution.find_quotes

    def failing_on_boom(doc, *args, **kwargs):
        if "BOOM" in doc.text:
            raise RuntimeError("the rules met something new")
        return find_quotes(doc, *args, **kwargs)

    monkeypatch.setattr(attribution, "find_quotes", failing_on_boom)
    articles = [Article("a.txt", "\u201cBOOM goes the harbour,\u201d Jo Smith said.", "a"),
                Article("b.txt", "\u201cThe ferries are back,\u201d Ann Lee said.", "b")]
    failed, kept = pipeline.extract_articles(nlp.load(), articles)
    assert failed.quotes == () and failed.errors == (
        "no quotes: RuntimeError: the rules met something new",)
    assert [quote.speaker.name for quote in kept.quotes] == ["Ann Lee"] and kept.errors == ()
