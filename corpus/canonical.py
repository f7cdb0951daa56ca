"""Across articles: one speaker per person, under one display name.

Each article names its speakers in its own way ("Smith", "Jo Smith", "Mayor
Jo Smith"). ``group_speakers`` merges these local speakers of many articles
into ``CanonicalSpeaker`` records, from names alone: this stage needs no
model, so the process that writes the database never loads spaCy.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from extract.names import DETERMINERS, surname
from extract.records import CanonicalSpeaker, Speaker


def group_speakers(refs: list[Speaker]) -> list[CanonicalSpeaker]:
    """Merge the local speakers of many articles into one speaker per person.

    People are grouped by surname; inside a surname, names with different
    first names stay apart and a bare surname joins the most frequent full
    name. Other speakers group by their lower-cased name. A bare one-word
    name that some article calls a body is that body ("the West", "Apple").
    """
    bodies = {description_key(ref.name) for ref in refs if ref.kind == "organisation"}
    by_key: dict[tuple, list[Speaker]] = defaultdict(list)
    for ref in refs:
        body = ref.kind == "person" and len(ref.name.split()) == 1 and not ref.role and \
            description_key(ref.name) in bodies
        key = ("person", surname(ref.name)) if ref.kind == "person" and not body else \
            ("organisation" if body else ref.kind, description_key(ref.name))
        by_key[key].append(ref)
    groups: list[CanonicalSpeaker] = []
    for (kind, _), members in sorted(by_key.items()):
        split = split_by_first_name(members) if kind == "person" else [members]
        groups.extend(canonical(group) for group in split)
    return groups


def description_key(name: str) -> str:
    """What unites the spellings of one description: "Smith's campaign", "Smith campaign", "smith campaign"."""
    name = re.sub(r"['\u2019]s?\b", "", name.lower())
    return " ".join(word for word in name.split() if word not in DETERMINERS)


def split_by_first_name(members: list[Speaker]) -> list[list[Speaker]]:
    """One list per distinct first name; bare surnames join the commonest."""
    by_first: dict[str, list[Speaker]] = defaultdict(list)
    bare = []
    for ref in members:
        words = ref.name.split()
        (by_first[words[0].lower()] if len(words) > 1 else bare).append(ref)
    if not by_first:
        return [bare]
    commonest = max(by_first, key=lambda first: len(by_first[first]))
    by_first[commonest].extend(bare)
    return list(by_first.values())


def canonical(members: list[Speaker]) -> CanonicalSpeaker:
    """The display name (longest common full name) and commonest role of a group."""
    names = Counter(ref.name for ref in members)
    name = max(names, key=lambda n: (len(n.split()) <= 4, names[n], len(n)))
    roles = Counter(ref.role for ref in members if ref.role)
    role = roles.most_common(1)[0][0] if roles else None
    kinds = Counter(ref.kind for ref in members)
    kind = "organisation" if kinds["organisation"] else members[0].kind
    return CanonicalSpeaker(name, role, kind, tuple(dict.fromkeys(members)))
