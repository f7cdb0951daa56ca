"""Engines: the same database whether articles are extracted in one process, several, or on dask."""
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import sqlite_utils

from extract import sources
from extract.pipeline import Budget, Unfinished
from extract.records import Article, ExtractedArticle
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


# ---------------------------------------------------------------- the time budget (stand-in extractors)

STAND_IN = "stand_in_tasks:misbehaving"  # tests/stand_in_tasks.py


def outcomes(records) -> dict[str, str]:
    """What became of each article: its errors, or why it is unfinished."""
    return {record.article.path: record.reason if isinstance(record, Unfinished) else "extracted"
            for record in records}


def worker_processes() -> list:
    return [child for child in psutil.Process().children(recursive=True)
            if "quotedb.worker" in " ".join(child.cmdline())]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_over_its_time_is_stopped_and_the_others_extracted(workers):
    articles = [article("a.txt", 6), article("b.txt", 5), Article("hang.txt", "HANG now please", "h"),
                article("c.txt", 2), article("d.txt", 1)]  # hang.txt in the middle: longest first
    started = time.monotonic()
    records = list(engines.local(workers, budget=Budget(seconds=1), parallel_from=0, extractor=STAND_IN)(articles))
    assert outcomes(records) == {"a.txt": "extracted", "b.txt": "extracted", "c.txt": "extracted",
                                 "d.txt": "extracted", "hang.txt": "stopped after 1 s (the time limit of one article)"}
    assert time.monotonic() - started < 30
    assert worker_processes() == []


def test_an_article_that_kills_its_process_or_raises_is_unfinished_and_the_others_extracted():
    articles = [article("a.txt", 3), Article("crash.txt", "CRASH now", "c"), Article("raise.txt", "RAISE", "r"),
                article("b.txt", 1)]
    records = list(engines.local(1, budget=Budget(seconds=30), extractor=STAND_IN)(articles))
    assert outcomes(records) == {
        "a.txt": "extracted", "b.txt": "extracted",
        "crash.txt": f"its extraction process died (killed by signal {signal.SIGKILL})",
        "raise.txt": "extraction failed (RuntimeError: the rules met something new)"}
    assert worker_processes() == []


def test_a_worker_that_cannot_start_stops_the_engine():
    with pytest.raises(engines.WorkerError, match="could not start"):
        list(engines.local(1, extractor="stand_in_tasks:unloadable")([article("a.txt", 1)]))
    assert worker_processes() == []


@pytest.mark.parametrize("given, expected", [(None, "threads 1"), ("3", "threads 3")], ids=["default", "user's"])
def test_a_worker_multiplies_matrices_on_one_thread_unless_told_otherwise(monkeypatch, given, expected):
    if given is None:
        monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    else:
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", given)
    try:
        (record,) = engines.extract_chunk([article("a.txt", 2)], Budget(seconds=10), "stand_in_tasks:blas_threads")
    finally:
        engines.release()
    assert record.errors == (expected,)


def test_a_dask_worker_keeps_one_worker_process_for_its_chunks():
    try:
        first = engines.extract_chunk([article("a.txt", 2), Article("hang.txt", "HANG", "h"), article("b.txt", 1)],
                                      Budget(seconds=1), STAND_IN)
        second = engines.extract_chunk([article("c.txt", 1), article("d.txt", 1)], Budget(seconds=1), STAND_IN)
    finally:
        engines.release()
    assert outcomes(first) == {"a.txt": "extracted", "b.txt": "extracted",
                               "hang.txt": "stopped after 1 s (the time limit of one article)"}
    process = {record.article.path: record.errors for record in first + second if isinstance(record, ExtractedArticle)}
    assert process["a.txt"] != process["b.txt"] == process["c.txt"] == process["d.txt"]  # one replaced the killed one
    assert worker_processes() == []


def test_a_dask_cluster_stops_an_article_over_its_time(monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, sys.path)))  # the cluster's workers find the stand-in
    articles = [article("a.txt", 2), Article("hang.txt", "HANG", "h"), article("b.txt", 1)]
    records = list(engines.dask(None, 1, budget=Budget(seconds=1), extractor=STAND_IN)(articles))
    assert outcomes(records) == {"a.txt": "extracted", "b.txt": "extracted",
                                 "hang.txt": "stopped after 1 s (the time limit of one article)"}


def test_a_killed_build_leaves_no_worker_process_and_the_next_build_removes_its_copy(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "quotes.db"
    folder.mkdir()
    (folder / "hang.txt").write_text("HANG for as long as it takes")
    script = ("import sys; from quotedb import engines; from quotedb.build import build; "
              "build(sys.argv[1], sys.argv[2], engine=engines.local(1, extractor=sys.argv[3]))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, sys.path))}
    builder = subprocess.Popen([sys.executable, "-c", script, folder, db, STAND_IN], env=env)
    try:
        worker = wait_for(lambda: next(iter(psutil.Process(builder.pid).children()), None))
    finally:
        builder.kill()
        builder.wait()
    worker.wait(timeout=10)  # gone with the build (psutil.TimeoutExpired otherwise)
    assert [path.name for path in tmp_path.glob("quotes.db.tmp-*")]  # the copy the killed build worked on
    (folder / "hang.txt").write_text("Nothing to wait for now.")
    build(folder, db, engine=engines.local(1, extractor=STAND_IN))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["articles", "quotes.db", "quotes.db.lock"]


def test_files_read_apart_are_stopped_at_their_time_and_the_others_read(tmp_path):
    pages = {"a.html": "<p>Fine.</p>", "hang.html": "HANG", "crash.html": "CRASH", "raise.html": "RAISE"}
    for name, page in pages.items():
        (tmp_path / name).write_text(f"<html><body>{page}</body></html>")
    (tmp_path / "b.txt").write_text("Read here, in this process.")
    apart = engines.read_apart(1, task="stand_in_tasks:misbehaving_reader")
    found = sources.read_folder(tmp_path, apart=apart)
    assert [a.path for a in found.articles] == ["b.txt", "a.html"]  # pages come back after the rest
    assert found.errors == [
        ("crash.html", f"its reading process died (killed by signal {signal.SIGKILL})"),
        ("hang.html", "stopped after 1 s (the time limit of one file)"),
        ("raise.html", "reading failed (RuntimeError: the rules met something new)")]
    assert worker_processes() == []


def wait_for(find, seconds: float = 30):
    """The first true answer of ``find()``, asked every 0.1 s."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = find()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("not found in time")


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
