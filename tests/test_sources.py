"""Reading articles from disk: formats, bad files and header metadata (no spaCy)."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

import pytest

from extract import sources
from extract.sources import ArticleError, Dateline

SAMPLES = Path(__file__).parent.parent / "samples" / "articles"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf8") if isinstance(data, str) else data)
    return path


def read_one(folder: Path, name: str, data: bytes | str):
    (article,) = sources.read_file(folder, write(folder, name, data))
    return article


# Datelines, date lines and dates -------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("ORLAND, March 3. /NORDPRESS/. The talks resumed.", Dateline("ORLAND", "NORDPRESS", 3, 3)),
    ("NEW HAVEN, Feb. 7 /Coast News/ The port reopened.", Dateline("NEW HAVEN", "Coast News", 2, 7)),
    ("VESSNA, MARCH 4, BALTIC WIRE: The minister said.", Dateline("VESSNA", "BALTIC WIRE", 3, 4)),
    ("VESSNA, MARCH 4, 2024, BALTIC WIRE: The minister said.", Dateline("VESSNA", "BALTIC WIRE", 3, 4, 2024)),
    ("KESSARY (NORDPRESS) — Dock workers voted.", Dateline("KESSARY", "NORDPRESS")),
    ("PORT ELLEN, Kess., Sept. 26 (Wire Service) — A candidate left.", Dateline("PORT ELLEN", "Wire Service", 9, 26)),
    ("Orland, 12 March 2024 (NORDPRESS) - The bank held.", Dateline("Orland", "NORDPRESS", 3, 12, 2024)),
    ("NEW HAVEN, Conn. - In a tradition kept for years.", Dateline("NEW HAVEN")),
    ("LONDON -- The talks opened.", Dateline("LONDON")),
    ("HARBOURTON ― If it worked once, it may work again.", Dateline("HARBOURTON")),
    ("The minister said on Sunday that talks would resume.", None),
    ("Talks to resume - Varga", None),
    ("Okafor — the opposition leader — said no.", None),
    ("BREAKING — Talks collapse", None),
    ("Smith (left) — and his aide.", None),
], ids=["slash", "slash-words", "colon", "colon-year", "paren", "paren-region", "paren-title-case",
        "dash-region", "double-dash", "horizontal-bar", "sentence", "headline-dash", "name-dash",
        "label-dash", "lowercase-paren"])
def test_parse_dateline(line, expected):
    assert sources.parse_dateline(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("World March 03, 2024, 18:20", "2024-03-03T18:20"),
    ("March 3, 2024", "2024-03-03"),
    ("Updated on Tuesday, March 05, 2024 | 16:40 CET", "2024-03-05T16:40"),
    ("Published: 5 March 2024 9:15 p.m.", "2024-03-05T21:15"),
    ("Monday, Sept. 9, 2024", "2024-09-09"),
    ("2024-03-05", "2024-03-05"),
    ("Talks resume on March 3, 2024", None),
    ("February 30, 2024", None),
    ("ORLAND, March 3. /NORDPRESS/.", None),
    ("March 3", None),
], ids=["section-time", "date", "weekday-zone", "pm", "abbreviated", "iso", "headline", "no-such-day",
        "dateline", "no-year"])
def test_parse_date_line(line, expected):
    assert sources.parse_date_line(line) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-03-07T11:30:00+01:00", "2024-03-07T11:30"),
    ("2024-03-07 11:30:00", "2024-03-07T11:30"),
    ("2024-03-07T11:30:00Z", "2024-03-07T11:30"),
    ("2024-03-08", "2024-03-08"),
    ("March 8, 2024", "2024-03-08"),
    ("2024-13-01", None),
    ("next week", None),
    ("", None),
])
def test_iso_date(value, expected):
    assert sources.iso_date(value) == expected


# Metadata from a text's header ------------------------------------------------------

def meta(title=None, outlet=None, published=None, dateline=None):
    return {"title": title, "outlet": outlet, "published": published, "dateline": dateline}


@pytest.mark.parametrize("text, expected", [
    ("Ports reopen after storm - Varga\n\nWorld March 03, 2024, 18:20\n\nA short summary line\n\n"
     "ORLAND, March 3. /NORDPRESS/. The ports reopened, the minister said.\n",
     meta("Ports reopen after storm - Varga", "NORDPRESS", "2024-03-03T18:20", "ORLAND")),
    ("Harbour Ledger\n\nInternational\n\nQuotas stay, says Fisheries Minister\n\n"
     "VESSNA, MARCH 4, 2024, BALTIC WIRE: Quotas stay, the minister said.\n",
     meta("Quotas stay, says Fisheries Minister", "Harbour Ledger", "2024-03-04", "VESSNA")),
    ("All news\n\nOpposition demands a vote\n\nORLAND, March 6. /NORDPRESS/. The opposition wants a vote.\n",
     meta("Opposition demands a vote", "NORDPRESS", None, "ORLAND")),
    ("Bank holds rates\nORLAND, March 7. /NORDPRESS/. The bank held rates.\n"
     "The decision of March 7, 2024 was expected.\n",
     meta("Bank holds rates", "NORDPRESS", "2024-03-07", "ORLAND")),
    ("Bank holds rates\nORLAND, March 7. /NORDPRESS/. The bank held rates, as on March 7, 2023 "
     "and on March 7, 2022.\n",
     meta("Bank holds rates", "NORDPRESS", None, "ORLAND")),
    ("Nordpress\n\nBank holds rates\n\nORLAND, March 7. /NORDPRESS/. The bank held rates.\n",
     meta("Bank holds rates", "Nordpress", None, "ORLAND")),
    ("example.org\n\nBank holds rates\n\nThe bank held rates on Thursday.\n",
     meta("Bank holds rates", "example.org", None, None)),
    ("Poll: Voters Split on the Port Strike.\n\nA new poll shows voters are split.\n",
     meta("Poll: Voters Split on the Port Strike.")),
    ("# Pipeline repairs last until summer\n\nUpdated March 5, 2024, 9:15 a.m.\n\nRepairs go on.\n",
     meta("Pipeline repairs last until summer", published="2024-03-05T09:15")),
    ("KESSARY (NORDPRESS) — Dock workers voted on Tuesday to extend their strike.\n\nMore later.\n",
     meta(None, "NORDPRESS", None, "KESSARY")),
    ("Only one line here, and nothing else.", meta()),
    (" ".join(["word"] * 40) + "\n\nA second paragraph.\n", meta()),
], ids=["date-line", "site-label-colon", "label-no-year", "year-stated", "years-disagree",
        "site-is-agency", "domain-site", "plain-title", "markdown", "no-title", "single-line",
        "long-first-line"])
def test_text_metadata(text, expected):
    assert sources.text_metadata(text) == expected


# Files and formats ------------------------------------------------------------

def test_txt_text_is_exactly_the_decoded_file(tmp_path):
    content = "\n\n  Ports reopen  \r\nORLAND, March 3. /NORDPRESS/. \"Open,\" she said.\t\r\n\n"
    data = b"\xef\xbb\xbf" + content.encode("utf8")
    article = read_one(tmp_path, "news/a.txt", data)
    assert article.text == content
    assert article.sha256 == sha(data)
    assert article.path == "news/a.txt"
    assert (article.title, article.dateline, article.outlet) == ("Ports reopen", "ORLAND", "NORDPRESS")


@pytest.mark.parametrize("content, encoding", [
    ("Le ministre a déclaré : « Nous sommes prêts », a-t-il ajouté. Café crème.", "latin-1"),
    ("The minister said “we are ready” – and left the café.", "cp1252"),
    ("Der Minister sagte: „Wir sind bereit“ – größer, schöner. " * 3, "cp1252"),
    ("Ports reopen\n\n“Open,” she said.", "utf-16"),
    ("Ports reopen\n\n“Open,” she said of the café.", "utf-16-le"),
    ("Ports reopen\n\n“Open,” she said of the café.", "utf-16-be"),
    ("Порты открылись. «Мы готовы», сказал министр.", "utf-16-le"),
    ("Ports reopen\n\n“Open,” she said.", "utf-32-le"),
    ("Le port a coûté 50 € par jour, a déclaré Zoë Müller. « Jamais plus », a-t-elle ajouté. " * 3,
     "iso-8859-15"),
], ids=["latin-1", "cp1252-quotes", "cp1252-german", "utf-16-bom", "utf-16-le-no-bom", "utf-16-be-no-bom",
        "utf-16-cyrillic-no-bom", "utf-32-no-bom", "latin-9-euro"])
def test_legacy_encodings_are_detected(tmp_path, content, encoding):
    assert read_one(tmp_path, "a.txt", content.encode(encoding)).text == content


def test_markdown_front_matter(tmp_path):
    content = ("---\ntitle: Ports reopen\ndate: 2024-03-03\noutlet: Harbour Ledger\n---\n\n"
               "# Ignored heading\n\nORLAND, March 3. /NORDPRESS/. The ports reopened.\n")
    article = read_one(tmp_path, "a.md", content)
    assert article.text == content
    assert (article.title, article.published, article.outlet, article.dateline) == \
        ("Ports reopen", "2024-03-03", "Harbour Ledger", "ORLAND")


def test_json_lines(tmp_path):
    first = {"title": "Bank holds rates", "text": "The bank held rates.", "date": "2024-03-07",
             "url": "https://example.org/a", "outlet": "Nordpress"}
    second = {"title": "Rail study agreed", "text": "VESSNA, March 8. /BALTIC WIRE/. A study was agreed."}
    lines = [json.dumps(first), "", json.dumps(second)]
    articles = sources.read_file(tmp_path, write(tmp_path, "feeds/a.jsonl", "\n".join(lines) + "\n"))
    assert [a.path for a in articles] == ["feeds/a.jsonl#1", "feeds/a.jsonl#2"]
    assert articles[0] == sources.Article(
        path="feeds/a.jsonl#1", text="The bank held rates.", sha256=sha(lines[0].encode()),
        title="Bank holds rates", outlet="Nordpress", published="2024-03-07", url="https://example.org/a")
    assert (articles[1].outlet, articles[1].dateline, articles[1].published) == ("BALTIC WIRE", "VESSNA", None)


def test_json_lines_one_changed_record_keeps_the_other_hash(tmp_path):
    lines = [json.dumps({"text": "One."}), json.dumps({"text": "Two."})]
    before = sources.read_file(tmp_path, write(tmp_path, "a.jsonl", "\n".join(lines)))
    lines[1] = json.dumps({"text": "Two, changed."})
    after = sources.read_file(tmp_path, write(tmp_path, "a.jsonl", "\n".join(lines)))
    assert before[0].sha256 == after[0].sha256
    assert before[1].sha256 != after[1].sha256


def test_json_object_with_other_field_names(tmp_path):
    record = {"headline": "Rail study agreed", "Body": "A study was agreed.",
              "publish_date": "2024-03-08T09:00:00Z", "source": {"name": "Baltic Wire"}, "link": "https://example.org/b"}
    data = json.dumps(record)
    article = read_one(tmp_path, "a.json", data)
    assert article == sources.Article(path="a.json", text="A study was agreed.", sha256=sha(data.encode()),
                                      title="Rail study agreed", outlet="Baltic Wire",
                                      published="2024-03-08T09:00", url="https://example.org/b")


def test_json_list(tmp_path):
    records = [{"maintext": "One.", "media_name": "Nordpress"}, {"content": "Two.", "published": "March 8, 2024"}]
    articles = sources.read_file(tmp_path, write(tmp_path, "a.json", json.dumps(records)))
    assert [(a.path, a.text, a.outlet, a.published) for a in articles] == [
        ("a.json#1", "One.", "Nordpress", None), ("a.json#2", "Two.", None, "2024-03-08")]


def test_csv(tmp_path):
    data = ('title,text,date,outlet\n'
            'Bank holds rates,"The bank held rates.\n\n""We wait,"" she said.",2024-03-07,Nordpress\n'
            '\n'
            'Rail study agreed,A study was agreed.,,\n')
    articles = sources.read_file(tmp_path, write(tmp_path, "a.csv", data))
    assert [(a.path, a.title, a.text, a.published, a.outlet) for a in articles] == [
        ("a.csv#1", "Bank holds rates", 'The bank held rates.\n\n"We wait," she said.', "2024-03-07", "Nordpress"),
        ("a.csv#2", "Rail study agreed", "A study was agreed.", None, None)]


def test_html(tmp_path):
    pytest.importorskip("trafilatura")
    page = """<html><head><title>Ports reopen | Harbour Ledger</title>
<meta property="og:title" content="Ports reopen after the storm">
<meta property="og:site_name" content="Harbour Ledger">
<meta property="article:published_time" content="2024-03-03T10:00:00Z">
<link rel="canonical" href="https://example.org/ports-reopen"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ports reopen after the storm</h1>
<p>ORLAND, March 3. /NORDPRESS/. The ports of the east coast reopened on Sunday after three days of storms.</p>
<p>"We lost three days, but no ships and no crews," the harbour master said at the quay.</p>
<p>Traffic is expected to return to normal by the middle of the week, according to the port authority.</p>
</article><footer>All rights reserved</footer></body></html>"""
    article = read_one(tmp_path, "a.html", page)
    assert "the harbour master said at the quay" in article.text
    assert "All rights reserved" not in article.text
    assert (article.title, article.outlet, article.published, article.url, article.dateline) == (
        "Ports reopen after the storm", "Harbour Ledger", "2024-03-03", "https://example.org/ports-reopen", "ORLAND")


def test_html_leaves_out_links_to_other_stories(tmp_path):
    pytest.importorskip("trafilatura")
    page = """<html><head><title>Ferry fares frozen | Harbour Ledger</title></head><body>
<article><h1>Ferry fares frozen for a year</h1>
<p>Ferry fares will not rise this year, the harbour board decided on Monday after a long and heated meeting.</p>
<p><strong>Trending:</strong> <a href="/news/fair">'We have never seen crowds like it': Fair breaks record</a></p>
<p>"Nobody should pay more to get to work," said Ines Varga, who chairs the board, as the vote was counted.</p>
<p><b>READ MORE:</b> <a href="/news/bridge">Mayor says 'the bridge stays shut' after inspection</a></p>
<p>The full figures are in <a href="/board/report">the board's annual report</a>, published on its website.</p>
<p><a href="/news/ferries">Ferry timetable changes for the winter</a></p>
<p>Fares were last raised in 2022, when fuel costs rose by a third in the space of a few months.</p>
</article></body></html>"""
    text = read_one(tmp_path, "a.html", page).text
    assert "crowds like it" not in text and "the bridge stays shut" not in text and "timetable changes" not in text
    assert "said Ines Varga" in text and "in the board's annual report, published" in text


def test_article_files_skips_hidden_and_unsupported(tmp_path):
    for name in ["b.txt", "a/c.jsonl", "a/d.MD", ".hidden.txt", ".git/e.txt", "notes.pdf", "f.html", "g.csv"]:
        write(tmp_path, name, "text")
    assert [p.relative_to(tmp_path).as_posix() for p in sources.article_files(tmp_path)] == [
        "a/c.jsonl", "a/d.MD", "b.txt", "f.html", "g.csv"]


# Bad files -----------------------------------------------------------------

BAD_FILES = [
    ("bin.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file (contains NUL bytes)"),
    ("ctrl.txt", bytes(range(1, 32)) * 4, "binary file (control characters)"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\t\r\n", "empty file"),
    ("blank16.txt", " \n".encode("utf-16"), "no text (only whitespace)"),
    ("noise.txt", bytes(range(128, 256)) * 4, "cannot decode (not UTF-8, and no encoding fits)"),
    ("bad.json", '{"text": ', "invalid JSON (line 1: Expecting value)"),
    ("scalar.json", "42", "not a JSON object or list of objects"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("open-header.csv", '"title,text\n', "invalid CSV (line 1: unexpected end of data)"),
    ("nocol.csv", "title,date\nA,2024-03-03\n", "no text column (one of text, body, content, maintext)"),
    ("a.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
]


BAD_RECORDS = [  # (file name, content, reason for the second record); the first and third are good
    ("bad.jsonl", '{"text": "One."}\n{"text": "Two.",\n{"text": "Three."}\n',
     "line 2: invalid JSON (Expecting property name enclosed in double quotes)"),
    ("deep.jsonl", '{"text": "One."}\n' + "[" * 100_000 + "]" * 100_000 + '\n\n{"text": "Three."}\n',
     "line 2: nested too deeply"),
    ("notext.jsonl", '{"text": "One."}\n{"title": "Only a title"}\n{"text": "Three."}\n',
     "line 2: no text (a non-empty text, body, content, maintext field)"),
    ("list.jsonl", '{"text": "One."}\n["text"]\n{"text": "Three."}\n', "line 2: not a JSON object"),
    ("list.json", '[{"text": "One."}, 7, {"text": "Three."}]', "record 2: not a JSON object"),
    ("quoted.csv", 'title,text\nA,One.\nB,"quoted"text\nC,Three.\n', "invalid CSV (line 3: ',' expected after '\"')"),
    ("ragged.csv", "title,text\nA,One.\nB,Two.,extra\nC,Three.\n", "line 3: 3 fields, the header has 2"),
    ("empty-text.csv", "title,text\nA,One.\nB,\nC,Three.\n",
     "line 3: no text (a non-empty text, body, content, maintext field)"),
]


@pytest.mark.parametrize("name, data, reason", BAD_RECORDS, ids=[case[0] for case in BAD_RECORDS])
def test_a_bad_record_is_skipped_and_the_others_read(tmp_path, name, data, reason):
    first, bad, third = sources.read_file(tmp_path, write(tmp_path, name, data))
    assert (first.path, first.text) == (f"{name}#1", "One.")
    assert bad == sources.BadRecord(f"{name}#2", reason)
    assert (third.path, third.text) == (f"{name}#3", "Three.")


def test_a_record_keeps_its_number_when_the_one_before_is_mended(tmp_path):
    broken = sources.read_file(tmp_path, write(tmp_path, "a.jsonl", '{"text": "One.\n{"text": "Two."}\n'))
    mended = sources.read_file(tmp_path, write(tmp_path, "a.jsonl", '{"text": "One."}\n{"text": "Two."}\n'))
    assert broken[1] == mended[1]


@pytest.mark.parametrize("name, data, reason", BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_files_raise_article_error(tmp_path, name, data, reason):
    path = write(tmp_path, name, data)
    with pytest.raises(ArticleError) as raised:
        sources.read_file(tmp_path, path)
    assert (raised.value.path, raised.value.reason) == (path, reason)
    assert str(raised.value) == f"{path}: {reason}"


def test_article_error_survives_pickling():
    error = pickle.loads(pickle.dumps(ArticleError(Path("a.txt"), "empty file")))
    assert (error.path, error.reason, str(error)) == (Path("a.txt"), "empty file", "a.txt: empty file")


@pytest.mark.parametrize("name, data", [("a.json", "[]"), ("a.csv", "title,text\n")])
def test_files_without_records_hold_no_articles(tmp_path, name, data):
    assert sources.read_file(tmp_path, write(tmp_path, name, data)) == []


def test_directory_raises_article_error(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(ArticleError, match="folder.txt: is a directory"):
        sources.read_file(tmp_path, tmp_path / "folder.txt")


def test_too_large_file_raises_article_error(tmp_path):
    with pytest.raises(ArticleError, match=r"too large \(0\.0 MB; the limit is 0\.001 MB\)"):
        sources.read_file(tmp_path, write(tmp_path, "a.txt", "x" * 1001), sources.Settings(max_bytes=1000))


def test_unreadable_file_raises_article_error(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", "text")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ArticleError, match=r"a.txt: cannot read \(Permission denied\)"):
        sources.read_file(tmp_path, path)


# The demo articles ------------------------------------------------------------

def test_sample_articles_read_with_their_metadata():
    articles = [a for path in sources.article_files(SAMPLES) for a in sources.read_file(SAMPLES, path)]
    assert len(articles) == 7
    assert all(a.title and a.outlet and a.dateline for a in articles)
    for article in articles:
        if "#" not in article.path:
            assert article.text == (SAMPLES / article.path).read_bytes().decode("utf8")
