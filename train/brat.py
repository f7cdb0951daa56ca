"""PolNeAR's brat files as attributions: source, cue and content spans.

A PolNeAR article is ``text/NAME.txt`` with its annotation in
``attributions/NAME_ANNOTATOR.ann``. Some articles were annotated by several
people; like the scorer, only the first file (in sorted order) of an article
is kept. An attribution is a brat event whose roles point at text-bound
annotations (``T7  Cue 120 124``); a span may be discontinuous
(``Content 10 40;52 90``). Events without a content are left out, as the
scorer does; ``Discuss``/``Discard`` marks carry no event and are ignored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ELEMENTS = ("source", "cue", "content")
TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
EVENT = re.compile(r"^E\d+\t(.*)$")


@dataclass(frozen=True)
class Attribution:
    """One attribution: each element is a sorted tuple of (start, end) pieces."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Article:
    """An article's text and its gold attributions."""

    name: str
    text: str
    attributions: tuple[Attribution, ...]


def parse_ann(ann: str) -> tuple[Attribution, ...]:
    """The attributions of one brat file's contents."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        if match := TEXT_BOUND.match(line + "\t"):
            tid, pieces = match.group(1), match.group(3)
            spans[tid] = [tuple(map(int, piece.split())) for piece in pieces.split(";")]
        elif match := EVENT.match(line):
            events.append(event_roles(match.group(1)))
    found = []
    for roles in events:
        elements = {el: tuple(sorted(s for t in roles.get(el, ()) for s in spans.get(t, ())))
                    for el in ELEMENTS}
        if elements["content"]:
            found.append(Attribution(**elements))
    return tuple(found)


def event_roles(arguments: str) -> dict[str, list[str]]:
    """``Attribution:T4 Content:T3 Content2:T9 Cue:T2`` as {"content": ["T3", "T9"], ...}."""
    roles: dict[str, list[str]] = {}
    for part in arguments.split():
        role, _, tid = part.partition(":")
        roles.setdefault(role.rstrip("0123456789").lower(), []).append(tid)
    return roles


def article_files(split_dir: Path) -> list[tuple[str, Path, Path]]:
    """(name, text path, annotation path) per article: the first annotator's file."""
    chosen: dict[str, Path] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        chosen.setdefault(ann.name.rsplit("_", 1)[0], ann)
    return [(name, split_dir / "text" / f"{name}.txt", ann) for name, ann in chosen.items()]


def read_split(split_dir: str | Path) -> list[Article]:
    """Every article of a PolNeAR split folder (``train/`` or ``dev/``)."""
    articles = []
    for name, text_path, ann_path in article_files(Path(split_dir)):
        text = text_path.read_text(encoding="utf8")
        articles.append(Article(name, text, parse_ann(ann_path.read_text(encoding="utf8"))))
    return articles
