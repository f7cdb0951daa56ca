"""Benchmarks: the build against a bare spaCy parse, rebuilds, and search over a million quotes.

    python bench/bench.py FOLDER [--search] [--long] [--compare]

Everything runs on copies in a temporary folder; FOLDER is only read. One
``name value`` line per measurement:

- ``bare_parse_s``: ``nlp.pipe`` over the texts with a plain
  ``spacy.load("en_core_web_sm")`` in one process (model load not counted,
  ``bare_load_s`` says what it was).
- ``build_s``: ``quotedb build`` (the real command, default options) into a
  fresh database; ``build_ratio`` is ``bare_parse_s / build_s`` (the target
  is 1.0 or more: the whole build no slower than a bare parse).
- ``noop_rebuild_s``: the same command again over the unchanged folder.
- ``add_article_s``: the command again after one article was added.
- ``build_peak_rss_mb``: the largest resident size of any process of the
  build (a worker, when there are several).
- ``--long``: time and peak RSS of one worker process extracting a 200,000
  character article (the pipeline's cap).
- ``--compare``: the extraction alone, with ``engines.local`` and with
  spaCy's own ``nlp.pipe(n_process=N)`` (the quote component then runs in
  the parent, since Docs come back from spaCy's workers without it).
- ``--search``: a database of a million quotes (the built quotes repeated
  with new ids) served by ``make serve`` on 127.0.0.1 as ``million.db``
  (any database name works as ``quotes.db`` does). The 95th percentile
  latency over 200 requests of the canned query ``search_quotes`` (the 100
  best matches) and of the ``quotes_view`` page searched for a word (50
  rows, the match count and four facets over the matches), for the 20
  commonest words of six letters or more (``common``: each matches tens of
  thousands of quotes) and for 20 words drawn evenly from the vocabulary
  (``typical``); searches are never served from a cache. Then the HTML
  speaker facet pages: ``quotes_view`` (speaker among its four default
  facets) and ``quotes?_facet=speaker_id``: their first request (the
  whole-table counts are computed when the server starts and kept, see
  plugins/quotedb_cache.py) and the p95 of 200 more. Then each page of the
  explorer (``page_*``: the home and database pages, quotes_view unfiltered
  and filtered by speaker, the page of the most quoted speaker and of 20
  others, 20 article pages, the page of the most repeated statement and of
  20 others, the search page for the common and the typical words): its
  first request and the p95 of 200 (the budget is 200 ms).

The machine may be shared: ``loadavg`` is printed first, and ``*_cpu_s``
lines give the processor time, which other programs do not inflate.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
QUOTES = 1_000_000
REQUESTS = 200
SEARCH_TERMS = 20
LONG_CHARS = 200_000

BARE_PARSE = """
import json, sys, time
from pathlib import Path
from quotedb.build import read_folder

texts = [article.text for article in read_folder(Path(sys.argv[1])).articles]
started = time.perf_counter()
import spacy
nlp = spacy.load("en_core_web_sm")
loaded = time.perf_counter()
for doc in nlp.pipe(texts):
    pass
print(json.dumps({"load": loaded - started, "parse": time.perf_counter() - loaded}))
"""

LONG_ARTICLE = """
import json, resource, sys, time
from pathlib import Path
from extract import pipeline
from extract.records import Article
from quotedb.build import read_folder

text = ""
for article in read_folder(Path(sys.argv[1])).articles:
    text += article.text + "\\n\\n"
    if len(text) >= int(sys.argv[2]):
        break
article = Article("long.txt", text[:int(sys.argv[2])], "long")
extract = pipeline.article_extractor(pipeline.Budget())  # what a worker process runs
started = time.perf_counter()
extracted = extract(article)
print(json.dumps({"seconds": time.perf_counter() - started, "quotes": len(extracted.quotes),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

COMPARE = """
import json, resource, sys, time
from pathlib import Path

def main():
    from quotedb import engines
    from quotedb.build import read_folder
    articles = read_folder(Path(sys.argv[1])).articles
    workers, how = int(sys.argv[2]), sys.argv[3]
    started = time.perf_counter()
    if how == "local":
        done = sum(1 for _ in engines.local(workers)(articles))
    else:
        from extract import nlp, pipeline
        model = nlp.load()
        component = model.get_pipe("quotedb")
        pairs = ((pipeline.prepared(article), article) for article in articles)
        done = sum(1 for doc, _ in model.pipe(pairs, as_tuples=True, n_process=workers,
                                              disable=["quotedb"]) if component(doc) is not None)
    seconds = time.perf_counter() - started
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    print(json.dumps({"seconds": seconds, "articles": done,
                      "cpu": sum(u.ru_utime + u.ru_stime for u in usage)}))

if __name__ == "__main__":
    main()
"""


@dataclass
class Run:
    """How long a command took, the processor time of it and its children, its largest process."""

    seconds: float
    cpu: float
    peak_rss_mb: float
    output: str


def show(name: str, value) -> None:
    """Print one measurement line."""
    if isinstance(value, float):
        value = f"{value:.3f}" if value < 10 else f"{value:.1f}"
    print(f"{name} {value}", flush=True)


def run(*command) -> Run:
    """Run a command to its end, measuring it and every process under it."""
    started = time.perf_counter()
    process = subprocess.Popen([str(part) for part in command], stdout=subprocess.PIPE, text=True)
    with watching(process.pid) as tree:
        output, _ = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"{command[0]} failed with exit code {process.returncode}")
    return Run(seconds, tree.cpu, tree.peak_rss_mb, output)


class ProcessTree:
    """The processor time and the largest peak RSS of a process and its descendants (Linux /proc).

    Worker processes started through a fork server are not the command's
    children and are never waited for by it, so ``getrusage`` misses them;
    sampling /proc sees them (the last 0.2 s of a process may be missed).
    """

    TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def __init__(self, root: int):
        self.root = root
        self.cpu_by_pid: dict[int, float] = {}
        self.rss_by_pid: dict[int, float] = {}

    @property
    def cpu(self) -> float:
        return sum(self.cpu_by_pid.values())

    @property
    def peak_rss_mb(self) -> float:
        return max(self.rss_by_pid.values(), default=0.0)

    def sample(self) -> None:
        for pid in self.members():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:  # ended meanwhile
                continue
            self.cpu_by_pid[pid] = (int(stat[11]) + int(stat[12])) / self.TICK
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    self.rss_by_pid[pid] = int(line.split()[1]) / 1024

    def members(self) -> set[int]:
        parents = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        tree, grown = {self.root}, True
        while grown:
            more = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= more
            grown = bool(more)
        return tree


@contextmanager
def watching(pid: int, every: float = 0.2):
    """Sample the process tree of ``pid`` in the background while the block runs."""
    tree = ProcessTree(pid)
    if not Path("/proc/self/stat").exists():
        yield tree
        return
    stop = threading.Event()

    def poll():
        while not stop.wait(every):
            tree.sample()

    sampler = threading.Thread(target=poll, daemon=True)
    sampler.start()
    try:
        yield tree
    finally:
        stop.set()
        sampler.join()


def python(code: str, *args) -> dict:
    """Run a piece of Python in a fresh interpreter of this environment; its JSON answer."""
    return json.loads(run(sys.executable, "-c", code, *args).output.splitlines()[-1])


def quotedb(*args) -> Run:
    """Run the real ``quotedb`` command."""
    return run(BIN / "quotedb", *args)


# ---------------------------------------------------------------- the build

def bench_build(folder: Path, scratch: Path) -> Path:
    """Time the bare parse, the build, a no-op rebuild and adding one article; the database built."""
    bare = python(BARE_PARSE, folder)
    show("bare_load_s", bare["load"])
    show("bare_parse_s", bare["parse"])
    articles = scratch / "articles"
    shutil.copytree(folder, articles)
    db = scratch / "quotes.db"
    built = quotedb("build", articles, "--db", db)
    show("build_s", built.seconds)
    show("build_cpu_s", built.cpu)
    show("build_ratio", bare["parse"] / built.seconds)
    show("build_peak_rss_mb", built.peak_rss_mb)  # the largest process: a worker when there are several
    noop = quotedb("build", articles, "--db", db)
    show("noop_rebuild_s", noop.seconds)
    show("noop_rebuild_extracted", extracted(noop))  # not 0: the extractor's code changed meanwhile
    add_article(articles)
    added = quotedb("build", articles, "--db", db)
    show("add_article_s", added.seconds)
    show("add_article_extracted", extracted(added))
    return db


def extracted(build: Run) -> int:
    """How many articles a ``quotedb build`` extracted, from its summary line."""
    counts = re.search(r"(\d+) added, (\d+) updated", build.output)
    return int(counts[1]) + int(counts[2])


def add_article(folder: Path) -> None:
    """Write a new article into ``folder``: the first one's paragraphs in reverse order."""
    first = min(path for path in folder.iterdir() if path.is_file())
    paragraphs = first.read_text(encoding="utf-8").split("\n\n")
    (folder / f"zz-added{first.suffix}").write_text("\n\n".join(reversed(paragraphs)), encoding="utf-8")


def bench_long(folder: Path) -> None:
    """One worker extracting an article at the pipeline's length cap."""
    long = python(LONG_ARTICLE, folder, LONG_CHARS)
    show("long_article_chars", LONG_CHARS)
    show("long_article_s", long["seconds"])
    show("long_article_peak_rss_mb", long["peak_rss_mb"])


def bench_compare(folder: Path, workers: int) -> None:
    """The extraction alone: quotedb's local engine against spaCy's n_process."""
    for how in ("local", "n_process"):
        result = python(COMPARE, folder, workers, how)
        show(f"extract_{how}{workers}_s", result["seconds"])
        show(f"extract_{how}{workers}_cpu_s", result["cpu"])


# ---------------------------------------------------------------- search

def million_quotes(source: Path, target: Path, quotes: int = QUOTES) -> int:
    """Copy ``source`` and repeat its quotes under new ids until there are ``quotes``; the count."""
    shutil.copyfile(source, target)
    with closing(sqlite3.connect(target)) as db:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        first, last = db.execute("select min(id), max(id) from quotes").fetchone()
        span = last - first + 1
        columns = [row[1] for row in db.execute("pragma table_info(quotes)")]
        triggers = drop_triggers(db, "quotes")  # the full-text index is rebuilt once at the end
        shifted = {"id": "id + :offset", "passage_id": "passage_id + :offset"}
        select = ", ".join(shifted.get(column, column) for column in columns)
        copies = -(-quotes // db.execute("select count(*) from quotes").fetchone()[0])
        for copy in range(1, copies):
            db.execute(f"insert into quotes ({', '.join(columns)}) select {select} from quotes"
                       f" where id between :first and :last", {"offset": copy * span, "first": first,
                                                               "last": last})
        db.execute("delete from quotes where id > (select id from quotes order by id limit 1 offset :n)",
                   {"n": quotes - 1})
        for sql in triggers:
            db.execute(sql)
        db.execute("insert into quotes_fts (quotes_fts) values ('rebuild')")
        db.execute("insert into quotes_fts (quotes_fts) values ('optimize')")
        db.commit()
        db.execute("vacuum")
        return db.execute("select count(*) from quotes").fetchone()[0]


def drop_triggers(db: sqlite3.Connection, table: str) -> list[str]:
    """Drop the triggers of ``table``; the SQL that creates them again."""
    rows = db.execute("select name, sql from sqlite_master where type = 'trigger' and tbl_name = ?",
                      [table]).fetchall()
    for name, _ in rows:
        db.execute(f"drop trigger [{name}]")
    return [sql for _, sql in rows]


def search_terms(db_path: Path, n: int = SEARCH_TERMS) -> dict[str, list[str]]:
    """Real words of six letters or more from the quotes: the ``n`` commonest (the worst case, each
    matching tens of thousands of quotes) and ``n`` drawn evenly from all of them (a typical search)."""
    with closing(sqlite3.connect(db_path)) as db:
        words = Counter(word.lower() for (text,) in db.execute("select text from quotes limit 5000")
                        for word in text.split() if word.isalpha() and len(word) >= 6)
    return {"common": [word for word, _ in words.most_common(n)],
            "typical": random.Random(0).sample(sorted(words), min(n, len(words)))}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on."""
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def datasette(db_path: Path, wait: float = 120):
    """``make serve`` of ``db_path`` on 127.0.0.1 (immutable, the users' settings); its base address."""
    port = free_port()
    server = subprocess.Popen(  # exactly as users serve it
        ["make", "-s", "serve", f"DB={db_path}", "HOST=127.0.0.1", f"PORT={port}"], cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait
        while not answers(f"{base}/-/versions.json"):
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("datasette did not start")
            time.sleep(0.2)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make and the Datasette it started
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def answers(url: str) -> bool:
    """Whether ``url`` answers 200 right now."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def p95_ms(urls: list[str]) -> float:
    """The 95th percentile time to fetch each of ``urls`` (all must answer 200), in milliseconds."""
    times = []
    for url in urls:
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[int(0.95 * (len(times) - 1))]


def bench_search(built: Path, scratch: Path) -> None:
    """A million quotes in Datasette: p95 of full-text searches, the speaker facet pages and the explorer's pages."""
    db_path = scratch / "million" / "million.db"  # any name: Datasette calls this database "million"
    db_path.parent.mkdir()
    started = time.perf_counter()
    show("search_quotes", million_quotes(built, db_path))
    show("search_db_make_s", time.perf_counter() - started)
    terms = search_terms(db_path)
    with datasette(db_path) as base:
        db = f"{base}/million"
        facet_pages = {"view": f"{db}/quotes_view", "quotes": f"{db}/quotes?_facet=speaker_id"}
        for kind, words in terms.items():
            pages = [f"{db}/quotes_view?_search={words[i % len(words)]}" for i in range(REQUESTS)]
            queries = [f"{db}/search_quotes.json?q={words[i % len(words)]}" for i in range(REQUESTS)]
            show(f"search_{kind}_query_p95_ms", p95_ms(queries))
            show(f"search_{kind}_table_p95_ms", p95_ms(pages))
        for name, url in facet_pages.items():
            show(f"facet_{name}_first_ms", p95_ms([url]))
            show(f"facet_{name}_p95_ms", p95_ms([url] * REQUESTS))
        for name, urls in explorer_pages(db_path, db, terms).items():
            show(f"page_{name}_first_ms", p95_ms(urls[:1]))
            show(f"page_{name}_p95_ms", p95_ms([urls[i % len(urls)] for i in range(REQUESTS)]))


def explorer_pages(db_path: Path, db: str, terms: dict[str, list[str]], n: int = 20) -> dict[str, list[str]]:
    """Addresses of each page of the explorer (plugins/quotedb_site.py), the heaviest first.

    ``speaker_top`` is the most quoted speaker (the largest speaker page),
    ``quotes_view_outlet`` every outlet's quotes (the largest first),
    ``speaker``, ``article`` and ``statement`` ``n`` rows drawn evenly,
    ``search_*`` the search page for the common and typical words.
    """
    with closing(sqlite3.connect(db_path)) as conn:
        def ids(sql: str) -> list[int]:
            return [row[0] for row in conn.execute(sql)]

        top = ids("select speaker_id from quotes where speaker_id is not null"
                  " group by speaker_id order by count(*) desc limit 1")
        speakers = ids("select id from speakers where n_quotes > 0 order by id")
        articles = ids("select id from articles order by id")
        statements = ids("select statement_id from quotes where statement_id is not null"
                         " group by statement_id order by count(*) desc")
        outlets = [row[0] for row in conn.execute(
            "select outlet from articles join quotes on quotes.article_id = articles.id where outlet is not null"
            " group by outlet order by count(*) desc")]
    return {
        "home": [f"{db.rsplit('/', 1)[0]}/"],
        "database": [db],
        "quotes_view": [f"{db}/quotes_view"],
        "quotes_view_speaker": [f"{db}/quotes_view?speaker_id={speaker}" for speaker in top + evenly(speakers, n)],
        "quotes_view_outlet": [f"{db}/quotes_view?{urlencode({'outlet': outlet})}" for outlet in outlets],
        "speaker_top": [f"{db}/speakers/{speaker}" for speaker in top],
        "speaker": [f"{db}/speakers/{speaker}" for speaker in evenly(speakers, n)],
        "article": [f"{db}/articles/{article}" for article in evenly(articles, n)],
        "statement": [f"{db}/statements/{statement}" for statement in statements[:1] + evenly(statements, n)],
        **{f"search_{kind}": [f"{db}/search?q={word}" for word in words] for kind, words in terms.items()},
    }


def evenly(values: list, n: int) -> list:
    """``n`` values spread evenly over the list (all of them when there are fewer)."""
    step = max(1, len(values) // n)
    return values[::step][:n]


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder of articles (only read)")
    parser.add_argument("--search", action="store_true", help="also the million-quote search benchmark")
    parser.add_argument("--long", action="store_true", help="also a 200,000-character article")
    parser.add_argument("--compare", action="store_true", help="also engines.local against nlp.pipe(n_process)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="for --compare")
    options = parser.parse_args(argv)
    if not options.folder.is_dir():
        parser.error(f"{options.folder}: no such folder")
    show("loadavg", os.getloadavg()[0])
    show("cores", os.cpu_count())
    with tempfile.TemporaryDirectory(prefix="quotedb-bench-") as scratch:
        built = bench_build(options.folder.resolve(), Path(scratch))
        if options.long:
            bench_long(options.folder.resolve())
        if options.compare:
            bench_compare(options.folder.resolve(), options.workers)
        if options.search:
            bench_search(built, Path(scratch))
    show("loadavg_end", os.getloadavg()[0])


if __name__ == "__main__":
    main()
