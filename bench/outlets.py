"""Statements and speakers on news from many outlets, against hand-made gold.

    python bench/outlets.py DB GOLD_DIR [--errors N] [--json]

DB is a database built over ``bench/outlets/articles`` (``make outlets``);
GOLD_DIR holds one JSON file per article (``bench/outlets/gold``). The
figures, each with its target from issue 16:

- ``quote_marked_found``: gold direct and mixed statements found (target
  0.97 or more);
- ``indirect_found``: gold reported statements without quote marks found;
- ``predicted_real``: predicted statements that are real, i.e. lie in gold
  statements (target 0.97 or more); one that matches a decoy or nothing is
  not real, one inside a borderline statement is left out;
- ``speaker_right``: found statements whose predicted speaker is the gold
  one (target 0.95 or more), also split by gold kind.

Then the errors by class (missed, not real, wrong speaker, found with another
kind) with counts, the figures by gold tag, and with ``--errors N`` up to N
examples of each class: the article, the gold statement and what was
predicted.

A gold file::

    {"article": "name.txt",                  # articles.path in the database
     "people": {"Maria Lopez": {"kind": "person"},
                "Northwind Bank": {"kind": "organisation", "also": ["Northwind"]},
                "a bank spokeswoman": {"kind": "unnamed"}},
     "statements": [{"speaker": "Maria Lopez", "kind": "direct",
                     "text": "We agreed,", "occurrence": 2, "tags": ["split"]}, ...],
     "borderline": [...],                    # statements a careful reader might not count
     "decoys": [{"text": "low risk", "why": "passive"}, ...]}

``text`` is the statement's words as a substring of the article text as
quotedb reads it: the quoted words of a direct statement, the reported
clause of an indirect one, and for a mixed one the reported clause with its
quoted words, which ``quoted`` lists. A statement in several pieces (a quote
broken by its attribution, or running over paragraphs) gives ``text`` as a
list: each piece is looked for after the one before. ``occurrence``
(1-based) picks the first piece when it occurs more than once. ``speaker``
is a key of ``people`` or null (said by someone the article does not name);
``reporter`` is who relays the words in relayed speech ("as the Gazette put
it"); ``also`` lists other forms that name the same speaker.

A decoy that is not in the article text as quotedb reads it (page
furniture the HTML reader left out, such as a "Trending:" link) counts as
kept out (``decoys_kept_out``); a statement must be in the text.

Matching works on words (runs of letters and digits), as
``../shared/eval/attributions.py`` does. A row's words are those of
``quotes.content_start_char/content_end_char`` (the whole reported content)
where the table has them, else of ``start_char/end_char``. A predicted row
belongs to the gold statement holding at least half of its words (the one
whose core holds most of it); a gold statement is found when its rows cover
at least half of its core (the quoted words of a mixed statement, else its
text). A predicted statement (the rows sharing ``passage_id``) is real when
at least half of its words lie in gold statements; else it is a decoy when
it lies mostly in one, left out when it lies mostly in a borderline
statement, a decoy when it covers half of one, and otherwise spurious.

The predicted speaker is ``speakers.name`` through ``quotes.speaker_id``,
else ``quotes.speaker_name``, of the row covering most of the core. It is
right when it names the gold speaker or one of its ``also`` forms: the same
words case-insensitively, titles ("Dr") and roles ("Cr", "Recorder") before
the name set aside; the full name after other words; the surname alone when
no other person of the article has it; the same surname with the same first
name or its initial. A description (``kind`` unnamed) is matched by its head
noun ("hospital spokesperson" for "a spokesperson for the hospital"); an
organisation by its name. A right name that keeps a role ("Cr Tapsell") is
counted apart, as a ``name:`` class, not as an error of speaker.

How the gold is annotated (what counts as a statement, pieces, relayed and
nested speech, borderline cases): ``bench/outlets/README.md``.

Only the standard library: no spaCy, no project imports.
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

TARGETS = {"quote_marked_found": 0.97, "predicted_real": 0.97, "speaker_right": 0.95}
KINDS = ("direct", "mixed", "indirect")
SPEAKER_KINDS = ("person", "organisation", "unnamed")
HALF = 0.5
WORD = re.compile(r"\w+")
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
          "lord", "lady", "rev", "reverend", "the", "a", "an", "one"}
ROLES = {"cr", "cllr", "councillor", "mayor", "judge", "recorder", "justice", "detective", "constable",
         "inspector", "sergeant", "sgt", "officer", "chief", "coach", "host", "senator", "sen", "gov",
         "governor", "rep", "representative", "president", "minister", "secretary", "alhaji", "engr",
         "comrade", "supervisor", "superintendent", "commissioner", "captain", "pensioner", "comedian"}
HEAD_STOPS = {"for", "of", "at", "from", "with", "who", "in", "on", "to", "close",
              "familiar", "whose", "which", "that", "by", "and"}
PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "him", "her", "them", "us", "me",
            "who", "one", "someone", "somebody"}


class GoldError(Exception):
    """A gold file that does not fit its article."""


# Gold ------------------------------------------------------------------------

@dataclass(frozen=True)
class Statement:
    """One gold statement located in its article's text."""

    speaker: str | None
    kind: str
    spans: tuple[tuple[int, int], ...]
    core: tuple[tuple[int, int], ...]
    reporter: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decoy:
    """Words that look like a statement but are none."""

    spans: tuple[tuple[int, int], ...]
    why: str


@dataclass
class GoldArticle:
    """The gold of one article: its people, statements, borderline statements and decoys."""

    name: str
    people: dict[str, dict]
    statements: list[Statement] = field(default_factory=list)
    borderline: list[Statement] = field(default_factory=list)
    decoys: list[Decoy] = field(default_factory=list)
    kept_out: int = 0  # decoys not in the article text as read: furniture the reader left out


def read_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Every gold file of a folder, by its article's path."""
    gold = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf8"))
        if data["article"] in gold:
            raise GoldError(f"{path.name}: a second gold file for {data['article']}")
        gold[data["article"]] = data
    return gold


def locate(text: str, fragments: str | list[str], occurrence: int = 1, start: int = 0) -> tuple[tuple[int, int], ...]:
    """Where the pieces of a gold string are: the first at its occurrence, each later one after the last."""
    pieces = [fragments] if isinstance(fragments, str) else fragments
    spans, at = [], start - 1
    for number, piece in enumerate(pieces):
        for _ in range(occurrence if number == 0 else 1):
            at = text.find(piece, at + 1)
            if at < 0:
                raise GoldError(f"not in the article: {piece!r}")
        spans.append((at, at + len(piece)))
        at += len(piece) - 1
    return tuple(spans)


def statement(text: str, entry: dict, people: dict) -> Statement:
    """A gold statement entry located in the article's text."""
    if entry["kind"] not in KINDS:
        raise GoldError(f"unknown kind {entry['kind']!r}")
    for who in (entry["speaker"], entry.get("reporter")):
        if who is not None and who not in people:
            raise GoldError(f"{who!r} is not among the article's people")
    spans = locate(text, entry["text"], entry.get("occurrence", 1))
    core = spans
    if entry.get("quoted"):
        core = tuple(inside(text, spans, piece) for piece in entry["quoted"])
    elif entry["kind"] == "mixed":
        raise GoldError(f"a mixed statement without its quoted words: {entry['text']!r}")
    return Statement(entry["speaker"], entry["kind"], spans, core, entry.get("reporter"),
                     tuple(entry.get("tags", ())))


def inside(text: str, spans: tuple[tuple[int, int], ...], piece: str) -> tuple[int, int]:
    """The first place of ``piece`` within the spans."""
    for start, end in spans:
        at = text.find(piece, start, end)
        if at >= 0:
            return at, at + len(piece)
    raise GoldError(f"quoted words not inside their statement: {piece!r}")


def located_decoys(text: str, entries: list[dict]) -> tuple[list[Decoy], int]:
    """The decoys in the article text, and how many the reader kept out of it (page furniture)."""
    decoys, kept_out = [], 0
    for entry in entries:
        try:
            decoys.append(Decoy(locate(text, entry["text"], entry.get("occurrence", 1)), entry["why"]))
        except GoldError:
            kept_out += 1
    return decoys, kept_out


def gold_article(name: str, data: dict, text: str) -> GoldArticle:
    """The gold of one article located in its text; raises GoldError naming what does not fit."""
    people = data.get("people", {})
    for who, about in people.items():
        if about.get("kind", "person") not in SPEAKER_KINDS:
            raise GoldError(f"{name}: {who!r} has an unknown kind")
    article = GoldArticle(name, people)
    try:
        article.statements = [statement(text, entry, people) for entry in data.get("statements", [])]
        article.borderline = [statement(text, entry, people) for entry in data.get("borderline", [])]
        article.decoys, article.kept_out = located_decoys(text, data.get("decoys", []))
    except GoldError as error:
        raise GoldError(f"{name}: {error}") from None
    return article


# Predictions -------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One predicted quote row."""

    id: int
    passage: int
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_kind: str | None
    cue_rule: str | None
    resolution: str | None


def read_database(db_path: str | Path) -> dict[str, tuple[str, list[Row]]]:
    """Each article's text and quote rows, by path."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    columns = {row[1] for row in db.execute("pragma table_info(quotes)")}
    optional = {name: (f"q.{name}" if name in columns else "null")
                for name in ("passage_id", "speaker_name", "speaker_kind", "cue_rule", "resolution",
                             "content_start_char", "content_end_char")}
    articles = {row["id"]: (row["path"], row["text"], [])
                for row in db.execute("select id, path, text from articles")}
    for row in db.execute(f"""
            select q.id, q.article_id, q.kind,
                   coalesce({optional['content_start_char']}, q.start_char) start_char,
                   coalesce({optional['content_end_char']}, q.end_char) end_char,
                   coalesce({optional['passage_id']}, q.id) passage,
                   coalesce(s.name, {optional['speaker_name']}) speaker,
                   coalesce(s.kind, {optional['speaker_kind']}) speaker_kind,
                   {optional['cue_rule']} cue_rule, {optional['resolution']} resolution
            from quotes q left join speakers s on s.id = q.speaker_id
            order by q.article_id, start_char"""):
        articles[row["article_id"]][2].append(Row(
            row["id"], row["passage"], row["start_char"], row["end_char"], row["kind"],
            row["speaker"], row["speaker_kind"], row["cue_rule"], row["resolution"]))
    return {path: (text, rows) for path, text, rows in articles.values()}


# Words and matching ------------------------------------------------------------------

def words(text: str, spans) -> frozenset[tuple[int, int]]:
    """The words of some spans of a text, as (start, end) pairs."""
    return frozenset((start + m.start(), start + m.end())
                     for start, end in spans for m in WORD.finditer(text[start:end]))


@dataclass
class Match:
    """Predicted rows and passages of one article set against its gold."""

    rows_of: dict[int, list[Row]]          # gold statement index -> its rows
    passages: list[tuple[str, list[Row], object]]  # (verdict, rows, gold statement or decoy)


def match_article(text: str, gold: GoldArticle, rows: list[Row]) -> Match:
    """Assign rows to gold statements and judge every predicted passage."""
    content = [words(text, s.spans) for s in gold.statements]
    core = [words(text, s.core) for s in gold.statements]
    rows_of = defaultdict(list)
    for row in rows:
        index = best_statement(words(text, [(row.start, row.end)]), content, core)
        if index is not None:
            rows_of[index].append(row)
    passages = defaultdict(list)
    for row in rows:
        passages[row.passage].append(row)
    judged = [judge(text, gold, group, content) for group in passages.values()]
    return Match(dict(rows_of), [j for j in judged if j is not None])


def best_statement(row_words, content, core) -> int | None:
    """The gold statement holding at least half of a row's words, if any."""
    if not row_words:
        return None
    scored = [(len(row_words & core[i]), len(row_words & content[i]), -len(content[i]), i)
              for i in range(len(content)) if len(row_words & content[i]) >= HALF * len(row_words)]
    return max(scored)[3] if scored else None


def judge(text: str, gold: GoldArticle, group: list[Row], content) -> tuple[str, list[Row], object] | None:
    """Whether one predicted passage is real, borderline, a decoy or spurious."""
    passage_words = words(text, [(row.start, row.end) for row in group])
    if not passage_words:
        return None
    real = frozenset().union(*content) if content else frozenset()
    if len(passage_words & real) >= HALF * len(passage_words):
        return "real", group, None
    decoys = [(decoy, words(text, decoy.spans)) for decoy in gold.decoys]
    for decoy, decoy_words in decoys:
        if len(passage_words & decoy_words) >= HALF * len(passage_words):
            return "decoy", group, decoy
    for statement_ in gold.borderline:
        if len(passage_words & words(text, statement_.spans)) >= HALF * len(passage_words):
            return "borderline", group, statement_
    for decoy, decoy_words in decoys:
        if len(passage_words & decoy_words) >= HALF * len(decoy_words):
            return "decoy", group, decoy
    return "spurious", group, None


def found_row(text: str, statement_: Statement, rows: list[Row]) -> Row | None:
    """The row that stands for a found statement (the one covering most of its core), else None."""
    core = words(text, statement_.core)
    covered = frozenset().union(*(words(text, [(r.start, r.end)]) for r in rows)) if rows else frozenset()
    if not core or len(core & covered) < HALF * len(core):
        return None
    return max(rows, key=lambda r: (len(core & words(text, [(r.start, r.end)])), -r.start))


# Speakers ---------------------------------------------------------------------------

def name_tokens(name: str | None) -> list[str]:
    """A name as lower-case words, leading titles and articles dropped ("Dr. Ana Ruiz" -> ana, ruiz)."""
    name = (name or "").replace("\u2019", "'").lower()
    tokens = [t.strip("'.-") for t in re.findall(r"[\w'.-]+", re.sub(r"'s\b", "", name))]
    tokens = [t for t in tokens if t]
    while tokens and tokens[0] in TITLES:
        tokens.pop(0)
    return tokens


def head_noun(description: str | None) -> str | None:
    """The head noun of a description: its last word before a preposition or clause."""
    kept = []
    for token in name_tokens(description):
        if token in HEAD_STOPS and kept:
            break
        kept.append(token)
    return kept[-1] if kept else None


def singular(noun: str) -> str:
    """A plural noun's singular, roughly ("allies" -> "ally", "nurses" -> "nurse"; "witness" stays)."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun


def person_tokens(name: str | None) -> list[str]:
    """A person's name as lower-case words without the titles and roles before it ("Cr Ian Kerslake" -> ian, kerslake)."""
    tokens = name_tokens(name)
    while len(tokens) > 1 and tokens[0] in ROLES:
        tokens.pop(0)
    return tokens


def first_names_agree(one: str, other: str) -> bool:
    """The same first name, or an initial of it."""
    return one == other or (len(one) == 1 and other.startswith(one)) or (len(other) == 1 and one.startswith(other))


def names_person(predicted: str, gold: str, people: dict) -> bool:
    """Whether a predicted name names the gold person."""
    p, g = person_tokens(predicted), name_tokens(gold)
    if not p or not g or p[-1] != g[-1]:
        return p == g and bool(p)
    if p[-len(g):] == g or len(p) >= 2 and g[-len(p):] == p:  # ("Kamran Bukhari" for "Syed Kamran Bukhari")
        return True
    if len(p) == 1 or len(g) == 1:
        return len(p) == 1 and not surname_shared(g[-1], gold, people)
    return first_names_agree(p[0], g[0])


def surname_shared(surname: str, gold: str, people: dict) -> bool:
    """Whether another person of the article has this surname."""
    return any(who != gold and about.get("kind", "person") == "person" and name_tokens(who)[-1:] == [surname]
               for who, about in people.items())


def names(predicted: str | None, gold: str, people: dict) -> bool:
    """Whether a predicted speaker name names the gold speaker (a key of ``people``)."""
    if not predicted:
        return False
    about = people.get(gold, {})
    if any(name_tokens(predicted) == name_tokens(form) for form in [gold, *about.get("also", ())]):
        return True
    kind = about.get("kind", "person")
    if kind == "person":
        return names_person(predicted, gold, people)
    if kind == "unnamed":  # "an ally of the chancellor" is one of "allies of the chancellor"
        return head_noun(predicted) is not None and singular(head_noun(predicted)) == singular(head_noun(gold))
    return False


def speaker_right(predicted: str | None, statement_: Statement, people: dict) -> bool:
    """Whether the predicted speaker is the gold one (none for an unattributed statement)."""
    if statement_.speaker is None:
        return not predicted
    return names(predicted, statement_.speaker, people)


def is_generic(row: Row) -> bool:
    """Whether a predicted speaker is a description or pronoun rather than a name."""
    tokens = name_tokens(row.speaker)
    return (row.speaker_kind in ("unnamed", "document") or not row.speaker[:1].isupper()
            or (len(tokens) == 1 and tokens[0] in PRONOUNS))


def speaker_error(row: Row, statement_: Statement, people: dict) -> str:
    """The class of a wrong speaker."""
    if not row.speaker:
        return "speaker: empty"
    if statement_.reporter and names(row.speaker, statement_.reporter, people):
        return "speaker: relayed speech given to the reporter"
    if statement_.speaker is None:
        return "speaker: given to a statement the article leaves unattributed"
    gold_kind = people[statement_.speaker].get("kind", "person")
    surname = person_tokens(row.speaker)[-1:] == name_tokens(statement_.speaker)[-1:] and gold_kind == "person"
    if any(names(row.speaker, who, people) for who in people if who != statement_.speaker):
        return "speaker: another person of the same surname" if surname else "speaker: another person or body of the article"
    if surname and len(person_tokens(row.speaker)) == 1:
        return "speaker: a surname two people of the article share"
    if is_generic(row) and gold_kind != "unnamed":
        return "speaker: generic although the article names it"
    return "speaker: other"


def keeps_role(predicted: str) -> bool:
    """Whether a right speaker's name still carries a title or role ("Cr Tapsell", "Recorder Jo Smith")."""
    return len(person_tokens(predicted)) < len(name_tokens(predicted))


# Scoring ------------------------------------------------------------------------------

@dataclass
class Tally:
    """Counts over the whole set, and the examples of each error class."""

    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    passages: Counter = field(default_factory=Counter)
    errors: dict[str, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    tags: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    decoys: int = 0
    decoys_kept_out: int = 0
    articles: int = 0
    missing: list[str] = field(default_factory=list)


def score(gold: dict[str, dict], predicted: dict[str, tuple[str, list[Row]]]) -> Tally:
    """Score every gold article against the database's rows for it."""
    tally = Tally()
    for name, data in sorted(gold.items()):
        if name not in predicted:
            tally.missing.append(name)
            continue
        text, rows = predicted[name]
        score_article(tally, text, gold_article(name, data, text), rows)
    return tally


def score_article(tally: Tally, text: str, gold: GoldArticle, rows: list[Row]) -> None:
    """Add one article's figures and errors to the tally."""
    tally.articles += 1
    tally.decoys += len(gold.decoys)
    tally.decoys_kept_out += gold.kept_out
    match = match_article(text, gold, rows)
    for index, statement_ in enumerate(gold.statements):
        count_statement(tally, text, gold, statement_, match.rows_of.get(index, []))
    for verdict, group, what in match.passages:
        tally.passages[verdict] += 1
        if verdict == "decoy":
            tally.errors[f"not real: {what.why}"].append((gold.name, shown(text, what.spans), predicted_of(text, group)))
        elif verdict == "spurious":
            tally.errors["not real: no statement"].append((gold.name, None, predicted_of(text, group)))


def count_statement(tally: Tally, text: str, gold: GoldArticle, statement_: Statement, rows: list[Row]) -> None:
    """Add one gold statement: found or missed, and whether its speaker is right."""
    kind, shown_gold = statement_.kind, gold_of(text, statement_)
    tally.gold[kind] += 1
    tags = statement_.tags + (f"kind:{kind}",)
    for tag in tags:
        tally.tags[tag]["gold"] += 1
    row = found_row(text, statement_, rows)
    if row is None:
        tally.errors[f"missed: {kind}"].append((gold.name, shown_gold, predicted_of(text, rows) if rows else None))
        return
    tally.found[kind] += 1
    right = speaker_right(row.speaker, statement_, gold.people)
    tally.right[kind] += right
    for tag in tags:
        tally.tags[tag]["found"] += 1
        tally.tags[tag]["right"] += right
    if not right:
        tally.errors[speaker_error(row, statement_, gold.people)].append((gold.name, shown_gold, predicted_of(text, [row])))
    elif row.speaker and statement_.speaker and gold.people[statement_.speaker].get("kind", "person") == "person" \
            and keeps_role(row.speaker):
        tally.errors["name: a title or role kept in a right speaker's name"].append(
            (gold.name, shown_gold, predicted_of(text, [row])))
    if row.kind != kind:
        tally.errors[f"kind: {kind} stored as {row.kind}"].append((gold.name, shown_gold, predicted_of(text, [row])))


def shown(text: str, spans) -> str:
    return " / ".join(text[s:e] for s, e in spans)


def gold_of(text: str, statement_: Statement) -> str:
    return f"{shown(text, statement_.spans)!r} ({statement_.kind}, {statement_.speaker or 'unattributed'})"


def predicted_of(text: str, rows: list[Row]) -> str:
    row = rows[0]
    how = "/".join(filter(None, (row.cue_rule, row.resolution)))
    return f"{shown(text, [(r.start, r.end) for r in rows])!r} ({row.kind}, {row.speaker or 'no speaker'}, {how or '-'})"


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def figures(tally: Tally) -> dict[str, float | int]:
    """The headline figures of a tally."""
    marked = ("direct", "mixed")
    judged = tally.passages["real"] + tally.passages["decoy"] + tally.passages["spurious"]
    found = sum(tally.found.values())
    out = {
        "articles": tally.articles,
        "gold_statements": sum(tally.gold.values()),
        **{f"gold_{kind}": tally.gold[kind] for kind in KINDS},
        "decoys": tally.decoys, "decoys_kept_out": tally.decoys_kept_out,
        "predicted_statements": judged,
        "predicted_borderline": tally.passages["borderline"],
        "quote_marked_found": ratio(sum(tally.found[k] for k in marked), sum(tally.gold[k] for k in marked)),
        "indirect_found": ratio(tally.found["indirect"], tally.gold["indirect"]),
        "all_found": ratio(found, sum(tally.gold.values())),
        "predicted_real": ratio(tally.passages["real"], judged),
        "speaker_right": ratio(sum(tally.right.values()), found),
    }
    for kind in KINDS:
        out[f"speaker_right_{kind}"] = ratio(tally.right[kind], tally.found[kind])
    return out


def report(tally: Tally, examples: int) -> str:
    """The figures, the errors by class and the figures by tag, as text."""
    lines = [f"warning: not in the database: {name}" for name in tally.missing]
    for key, value in figures(tally).items():
        target = f"   target >= {TARGETS[key]:.2f}" if key in TARGETS else ""
        lines.append(f"{key:24} {value:.3f}{target}" if isinstance(value, float) else f"{key:24} {value}")
    lines.append("\nerrors by class")
    for name, cases in sorted(tally.errors.items(), key=lambda item: (-len(item[1]), item[0])):
        lines.append(f"  {len(cases):4}  {name}")
    lines.append("\nby tag: gold, found, speaker right")
    for tag, counts in sorted(tally.tags.items()):
        lines.append(f"  {tag:24} {counts['gold']:4} {counts['found']:4} {counts['right']:4}")
    if examples:
        for name, cases in sorted(tally.errors.items(), key=lambda item: (-len(item[1]), item[0])):
            lines.append(f"\n{name} ({len(cases)})")
            for article, gold, predicted in cases[:examples]:
                lines.append(f"  {article}\n    gold:      {gold or '-'}\n    predicted: {predicted or '-'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db")
    parser.add_argument("gold_dir")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N examples of each error class")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    try:
        tally = score(read_gold(args.gold_dir), read_database(args.db))
    except GoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(figures(tally)) if args.json else report(tally, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
