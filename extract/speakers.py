"""Resolving speaker mentions to speakers in one article.

In an article, ``Resolver`` maps a mention ("he", "the harbour official",
"Smith") to the most informative name the article gives for that person,
with their role kept apart: names by surname, pronouns through the last
speaker and coreferee's chains, descriptions through the roles the article
gives its people. A speaker the article never names keeps the description it
uses ("a ministry spokesperson"). Across articles, ``corpus.canonical``
merges the local names of one person ("Smith", "Jo Smith") into one speaker.

Each resolution says how it was reached, by one of the names in
``RESOLUTIONS``, whose confidence it carries.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from extract import lexicon, quotes, sources
from extract.clauses import ELICITING
from extract.context import ArticleContext
from extract.grammar import (
    CLIMB_LIMIT, DATELINE_CHARS, NAME_JOINS, ancestors, described_by, has_speech_lemma, in_subtree, joins_name,
    missed_name, name_tail)
from extract.names import DETERMINERS, GIVEN_AFTER_SURNAME, surname
from extract.records import Speaker
from extract.vocabulary import (
    singular,
    AGES, GENDERED, GROUP_PRONOUNS, GROUPS, NAME_WORD, NUMBERED_VOICE, PEOPLE, QUANTIFIERS, RESOLVABLE, UNNAMING, WRITERS, can_speak, fits_gender, gender_of, noun_gender,
    role_noun,
    group_start, is_aged, is_common_noun, is_company_word, is_demonym, is_document_noun, is_given_name, is_group_noun, is_name_prefix,
    is_personal_name, is_person_noun, is_role_word, is_title, names_group,
    title_kind,
    title_role,
)

HANDLE = re.compile(r"(?<![\w/@])(?:u/|@)[A-Za-z0-9_]{2,}(?![\w/])")  # an online user name: "u/pine_cone", "@tidewatch"
DASHES = {"\u2014", "\u2013", "\u2015", "-", "--"}
SET_APART = {"relcl", "acl", "advcl", "appos", "parataxis"}  # clauses a description in them is free of the subject above
INVERTING_VERBS = {"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "continued", "explained"}
DEFINITE = {"the", "this", "that"}
ELIDING = {"one", "another", "some", "others", "most", "many", "several"}  # stand for people with their noun left out
PLURAL_ELIDING = {"some", "others", "most", "many", "several"}
ELIDED_SENTENCES = 3  # the noun left out stands at most this many sentences before
BODY_SENTENCES = 2  # "the lender" stands for a body named at most this many sentences before (unless its name holds the noun)
RECENT_PARAGRAPHS = 3  # a pronoun or description looks this many paragraphs back
BYLINE_WORDS = 10  # a paragraph opening with "By" and no longer is a byline
BYLINE_CHARS = 120  # and shorter (a byline paragraph is never long)
RECENT_TOKENS = 400  # and no further back than this (no resolution in PolNeAR train or dev looks past 337)
COREF_TOKENS = 250  # coreferee reads at most this many tokens before a pronoun
LED_TOKENS = 12  # a body's name, a role and a person's name after the body's head ("Harbour Union president Jo Smith")
ASKED_DEPTH = 4  # a word this many links below "Asked whether ..." is what the speaker was asked about
COREF_RUNS = 20  # and runs at most this often in one article (it is by far the costliest step)
COREF_PRONOUNS = 30  # on at most this many pronouns
INITIAL = re.compile(r"^[A-Z]\.$")  # "K." in "K. Arun Menon"
WRITERS_ASKING = {"ask", "put", "point", "press", "suggest", "wonder"}  # the writer's "I ask whether ..."
PROMINENT_MENTIONS = 3  # a person the article names this often is whom a he or she after a passing name means
MOST_INITIALS = 4  # "the CS", "the DA", "the DPP": a role abbreviated to at most this many initials


@dataclass(frozen=True)
class How:
    """One way a mention becomes a speaker: how sure it is, and the name older databases stored for it."""

    confidence: float
    method: str | None  # None: the rule's own method was stored
    description: str


RESOLUTIONS = {
    "name": How(1.0, None, "the mention names a person the article names (by surname)"),
    "organisation": How(0.9, None, "the mention names an organisation, group or place"),
    "proper-name": How(0.8, None, "a name the article gives nowhere else, kept as written"),
    "role": How(0.85, "role", "a description matching the role the article gives a named person"),
    "description": How(0.8, "description", "a person or body the article never names, kept as described"),
    "description-subject": How(0.7, "coref",
                               "a definite description (\"the senator\") of the nearest earlier subject who fits it"),
    "description-nearest": How(0.6, "coref", "a definite description of the nearest earlier person who fits it"),
    "description-elided": How(0.7, "coref", "one, another or some with the noun left out (\"One said\"): the people "
                              "of the nearest earlier noun for persons (\"three nurses\")"),
    "description-organisation": How(0.7, "coref", "a definite description of a body (\"the lender\") of the organisation "
                                    "named before it, whose name holds the noun or that spoke"),
    "lede": How(0.7, "coref", "a lede's indefinite description (\"A councillor has accused ...\"): the person the next "
                              "paragraph names as its subject"),
    "last-speaker": How(0.6, "coref", "a definite description of the person who spoke last"),
    "document-author": How(0.7, "coref", "a text named before (\"the statement said\"): who spoke in it (\"In a "
                                         "statement, she said ...\")"),
    "pronoun": How(0.85, "coref", "he or she: the subject of the nearest earlier sentence naming a person who fits"),
    "pronoun-nearest": How(0.6, "coref", "he or she: the nearest earlier person who fits, no subject"),
    "group-pronoun": How(0.75, "coref", "it, they or we: the nearest earlier organisation or group"),
    "coreferee": How(0.6, "coref", "coreferee's coreference chain"),
    "unresolved": How(0.3, None, "a mention that names no one the article lets us resolve (\"I\" outside quotes)"),
}


@dataclass(frozen=True)
class Resolution:
    """A mention resolved: to whom, and how (a name in ``RESOLUTIONS``)."""

    speaker: Speaker
    how: str

    @property
    def confidence(self) -> float:
        return RESOLUTIONS[self.how].confidence


@dataclass
class Person:
    """Everything one article says of one named person."""

    forms: Counter = field(default_factory=Counter)  # full names as written ("Jo Smith")
    roles: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)  # honorifics written before the name ("Mrs")
    descriptions: Counter = field(default_factory=Counter)  # nouns set beside the name that are no role ("his wife")
    ages: set = field(default_factory=set)  # ages written beside the name ("Jo Smith, 34,": "34")
    first: int = 0  # token index of the first mention
    mentions: int = 0

    @property
    def name(self) -> str:
        """The commonest full name (two to four words), the longest on a tie."""
        full = [form for form in self.forms if 2 <= len(form.split()) <= 4] or list(self.forms)
        return max(full, key=lambda form: (self.forms[form], len(form)))

    @property
    def bare(self) -> int:
        """How often the article calls the person by the surname alone ("Quill", not "Ada Quill")."""
        return sum(count for form, count in self.forms.items() if len(form.split()) == 1)

    @property
    def given(self) -> set[str]:
        """Every word written before the surname, lower-cased ("Miss Jo Smith": miss, jo)."""
        return {word.lower() for form in self.forms for word in form.split()[:-1]}

    @property
    def role(self) -> str | None:
        return self.roles.most_common(1)[0][0] if self.roles else None

    @property
    def gender(self) -> str | None:
        """"m" or "f" when a title or role says it ("Mrs", "his wife, Jo Smith"), else None."""
        found = {noun_gender(role_noun(role)) for role in [*self.roles, *self.descriptions]} | {
            noun_gender(word) for form in self.titles for word in form.split()}
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def speaker(self) -> Speaker:
        return Speaker(self.name, self.role, "person")

    def absorb(self, other: "Person") -> None:
        """Count another record's mentions as this person's (the same person, named otherwise)."""
        self.forms.update(other.forms)
        self.titles.update(other.titles)
        self.roles.update(other.roles)
        self.descriptions.update(other.descriptions)
        self.ages |= other.ages
        self.mentions += other.mentions
        self.first = min(self.first, other.first)

    def could_be(self, gender: str) -> bool:
        """Whether the person can be of the gender: by their title or role, else their given name."""
        return self.gender == gender if self.gender else fits_gender(self.speaker(), gender)


class People:
    """The named people of an article, by surname; one surname may name several."""

    def __init__(self) -> None:
        self.by_surname: dict[str, list[Person]] = defaultdict(list)

    def add(self, name: str, start: int, gender: str | None = None) -> Person:
        """Count a mention of a name (its title's ``gender``, if any), and return its person."""
        key = surname(name)
        given = {word.lower() for word in name.split()[:-1]}
        persons = self.by_surname[key]
        person = next((p for p in persons if given & p.given), None)
        if person is None and not given and persons:
            person = self.get(key, gender=gender)
        if person is None and given:
            person = next((p for p in persons if not p.given), None)  # "Smith" first, "Jo Smith" later
        if person is None:
            person = Person(first=start)
            persons.append(person)
        person.forms[name] += 1
        person.mentions += 1
        return person

    def get(self, key: str, given: str = "", gender: str | None = None, before: int | None = None) -> Person | None:
        """The person a surname (and given name) names: a bare surname is the one the article calls by it most,
        of those its title's ``gender`` fits if any does, and of those named ``before`` the mention (a token
        index) if any is."""
        persons = self.by_surname.get(key, [])
        if given:
            match = [p for p in persons if given in p.given]
            if match:
                return match[0]
        persons = [p for p in persons if gender is None or p.could_be(gender)] or persons
        if before is not None:
            persons = [p for p in persons if p.first <= before] or persons  # no one is called by a name not yet given
        return max(persons, key=lambda p: (p.bare, -p.first)) if persons else None  # else the first named: the story's

    def join_given_names(self) -> None:
        """A person called by the given name alone ("Mirela said") is the one person of the article with
        that given name ("Mirela Osei"): one speaker, found by either word."""
        for key, persons in list(self.by_surname.items()):
            if len(persons) != 1 or persons[0].given:
                continue
            named = [p for k, ps in self.by_surname.items() if k != key for p in ps
                     if key in {form.split()[0].lower() for form in p.forms if len(form.split()) > 1}]
            if len(named) == 1:
                named[0].absorb(persons[0])
                self.by_surname[key] = [named[0]]

    def join_headline_forms(self, doubtful: set[str]) -> None:
        """A person named only in forms a headline may have capitalised ("Late Kessler") is the one of that
        surname the story names otherwise ("Marco Kessler"), if there is one."""
        for persons in self.by_surname.values():
            others = [p for p in persons if any(form not in doubtful and len(form.split()) > 1 for form in p.forms)]
            if len(others) != 1:
                continue
            for person in [p for p in persons if p is not others[0] and all(
                    form in doubtful or len(form.split()) == 1 for form in p.forms)]:
                person.forms = Counter({form if form not in doubtful else form.split()[-1]: count
                                        for form, count in person.forms.items()})
                others[0].absorb(person)
                persons.remove(person)

    def __contains__(self, key: str) -> bool:
        return key in self.by_surname

    def all(self) -> list[Person]:
        return [person for persons in self.by_surname.values() for person in persons]


# ---------------------------------------------------------------- names

def clean_name(span: Span) -> tuple[str, list[Token]]:
    """A person's name without honorifics, titles and possessive; also the title tokens.

    "Cllr Jo Smith", "Det Sgt Jo Smith", "Pensioner Jo Smith", "Harbour
    Minister Jo Smith": Jo Smith (``vocabulary.is_name_prefix``).
    """
    nickname = quoted_words(span)  # 'Eduardo "Dodong" Ramirez': Eduardo Ramirez
    tokens = [t for t in span if (not t.is_punct or joins_name(t)) and t.lower_ not in {"'s", "’s"}
              and t.i not in nickname]
    if tokens and tokens[0].is_sent_start and tokens[0].lower_ in INVERTING_VERBS:
        tokens.pop(0)  # "Said Smith:": the verb the tagger took for a name
    title: list[Token] = []
    while tokens and is_name_prefix(tokens[0], len(tokens) - 1):
        title.append(tokens.pop(0))
    inside = [i for i, t in enumerate(tokens[:-1]) if (is_role_word(t) or is_title(t) or t.pos_ == "NOUN" and t.is_lower
                                                       and is_person_noun(t)) and not (
        i == len(tokens) - 2 and is_given_name(t))]  # "Harbour Minister Jo Smith", "Taxi driver Jo Smith", not "Dean Smith"
    if inside:
        title, tokens = title + tokens[:inside[-1] + 1], tokens[inside[-1] + 1:]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    while len(tokens) > 2 and tokens[-1].text.isupper() and tokens[-1].text.rstrip(".").lower() in lexicon.entries(
            "post_nominals"):
        tokens.pop()  # "Jo Smith KC", "Ann Lee MP": letters after the name
    return "".join(t.text_with_ws for t in tokens).strip(), title


def quoted_words(span: Span) -> set[int]:
    """The tokens of a span between quote marks with words after them: a nickname inside a name."""
    marks = [t.i for t in span if t.text in quotes.MARK_CHARS]
    if len(marks) < 2 or marks[1] + 1 >= span.end:
        return set()
    return set(range(marks[0] + 1, marks[1]))


def title_gender(title: list[Token]) -> str | None:
    """"m" or "f" when a title says it ("Mr", "Ms"), else None."""
    return next((gender for gender in (noun_gender(t.text) for t in title) if gender), None)


def names_role(tokens: list[Token]) -> bool:
    """Whether words before a name give a role ("Harbour Minister", "Cllr", "Pensioner"), not only "Mrs"."""
    return any(is_role_word(t) or title_role(t.text) or is_person_noun(t) and not is_title(t) for t in tokens)


def as_written(tokens: list[Token]) -> str:
    """Tokens as the article spells them, with its own spacing."""
    return "".join(t.text_with_ws for t in tokens).strip()


def role_of(name_span: Span) -> str | None:
    """The title or role written next to a name, as written ("Harbour Minister")."""
    root = name_span.root
    left = [t for t in root.lefts if t.i < name_span.start and t.dep_ in {"compound", "amod", "nmod", "nsubj"}]
    before = name_span.doc[name_span.start - 1] if name_span.start > 0 else None
    if before is not None and before.dep_ == "compound" and before.head in name_span:
        left.append(before)  # "Gov. Jo Smith-Lee", the parse hanging the title on the first surname
    if left:
        start = min(t.left_edge.i for t in left)
        doc = name_span.doc
        while start > 0 and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i < name_span.end:
            start -= 1  # "[Secretary] General Lau Chi-keung": the parse hung both words on the name
        words = [t for t in name_span.doc[start:name_span.start] if t.dep_ not in {"det", "poss", "case", "punct"}]
        closed = [i for i, t in enumerate(words) if t.i + 1 < len(doc) and doc[t.i + 1].text == ")"]
        words = words[closed[-1] + 1:] if closed else words  # ("(PAI) information secretary": not the acronym)
        if any(is_role_word(t) or title_role(t.text) for t in words):
            return as_written(words)
    for child in root.children:
        if child.dep_ == "appos" and is_role_word(child):
            return description(child.doc[child.left_edge.i:child.i + 1])
    title = title_split_at_and(name_span)
    if title is not None:
        return title
    if root.dep_ == "appos" and is_role_word(root.head) and not crosses_quote_mark(root.head, root):
        head = root.head
        owner = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
        if owner is not None and owner.pos_ == "NOUN" and (is_role_word(owner) or is_person_noun(owner)):
            return description(head.doc[owner.left_edge.i:head.i + 1])  # "a spokesman for the governor, Jo Smith,"
        return description(head.doc[head.left_edge.i:head.i + 1])
    return None


def title_split_at_and(name_span: Span) -> str | None:
    """A capitalised title the name closes, the parse having taken an "and" in it for one joining the name to the
    title or to its field: "Minister for Water and Sanitation Jo Smith", "Minister for Higher Education and
    Technical Training R. Meenakshi Sundaram"."""
    root = name_span.root
    if root.dep_ != "conj":
        return None
    word = root.head
    while word.dep_ in {"conj", "pobj", "prep"} and not is_role_word(word) and word.head.i < word.i:
        word = word.head
    title = name_span.doc[word.i:name_span.start]
    if is_role_word(word) and word.text[:1].isupper() and len(title) > 1 and title[-1].text[:1].isupper() \
            and all(t.text[:1].isupper() or t.lower_ in NAME_JOINS for t in title):
        return as_written(list(title))
    return None


def described_as(name_span: Span) -> str | None:
    """A noun for a person set beside a name that is no role: "his wife, Jo Smith," or "Jo Smith, a retired nurse,"."""
    root = name_span.root
    beside = [child for child in root.children if child.dep_ == "appos"]
    if root.dep_ == "appos" and not crosses_quote_mark(root.head, root):
        beside.append(root.head)
    for word in beside:
        if any(child.lower_ == "whose" for child in word.children):
            continue  # "Jo Smith, whose mother, Ann, ...": the mother is someone else
        if word.pos_ == "NOUN" and is_person_noun(word) and not is_role_word(word):
            return description(word.doc[word.left_edge.i:word.i + 1]) if word.i > root.i else word.lower_
    before = name_span.doc[name_span.start - 1] if name_span.start > 0 else None
    if before is not None and before.is_lower and before.pos_ in {"NOUN", "ADJ"} and "\n" not in before.whitespace_ \
            and is_person_noun(before) and not is_role_word(before):
        return before.lower_  # "super-agent Nico Bellandi-Ruiz", "taxi driver Jo Smith": a trade written before
    return None


def ages_beside(name_span: Span) -> set[str]:
    """The ages written beside a name ("34 year"): "Jo Smith, 34,", "Jo Smith, a 34-year-old paramedic,", "34-year-old
    Jo Smith"."""
    root, doc = name_span.root, name_span.doc
    ages = {f"{child.text} year" for child in root.children if child.dep_ in {"appos", "nummod", "npadvmod"}
            and child.i > root.i and child.text.isdigit() and int(child.text) < 120}
    beside = [child for child in root.children if child.dep_ == "appos" and child.pos_ == "NOUN"]
    words = [t for noun in beside for t in noun.subtree] + list(doc[max(0, name_span.start - 5):name_span.start])
    return ages | {age for word in words if word.lower_ == "old" for age in [age_of(word)] if age is not None}


def age_of(old: Token) -> str | None:
    """The age of an "old" that ends "34-year-old": "34 year"."""
    unit = next((child.lemma_.lower() for child in old.children if child.lemma_.lower() in AGES), None)
    number = next((t for t in old.subtree if t.text.isdigit() and t.i < old.i), None)
    return f"{number.text} {unit}" if unit is not None and number is not None and int(number.text) < 120 else None


def another_office(role: str, words: set[str]) -> bool:
    """Whether a role is an office of its own that a description's words do not name: "Prime Minister" for "the
    minister", "Vice President" for "the president" (``rules/distinct_offices.txt``)."""
    lowered = " ".join(role.lower().split())
    office = next((o for o in lexicon.entries("distinct_offices") if lowered.endswith(o)), None)
    return office is not None and office.replace("-", " ").split()[0] not in words


def holds_another_role(speaker: Speaker, mention: Span) -> bool:
    """Whether a person the article gave a role holds another than a qualified description names: "the returning
    officer" is not "Health minister Jo Smith" (but "the minister", "the official" may be)."""
    head = mention.root
    qualified = any(word.dep_ in {"amod", "compound"} and word.pos_ in {"NOUN", "VERB"} and word.is_lower
                    for word in head.lefts)  # (of a trade, not of a place or party: "the California congressman")
    return speaker.kind == "person" and speaker.role is not None and qualified and is_role_word(head) \
        and role_head(speaker.role) not in {head.lower_, head.lemma_.lower()}


def crosses_quote_mark(first: Token, last: Token) -> bool:
    """Whether a quote mark stands between two words: a parse link across it joins unrelated text."""
    return any(t.text in quotes.MARKS for t in first.doc[min(first.i, last.i):max(first.i, last.i)])


def role_head(role: str) -> str:
    """The noun a role is built on: "campaign chairman" -> "chairman", "Secretary of State" -> "secretary".

    A title stands for its role noun: "Gov." -> "governor", "Det Sgt" -> "sergeant".
    """
    words = re.split(r"\s+(?:of|for|at|to|in|on)\s+", role.lower(), maxsplit=1)[0].split()
    head = words[-1].strip(",") if words else ""
    return title_role(head) or head.strip(".")


def role_words(role: str) -> set[str]:
    """The words of a role, lower-cased, each title also as its role noun and the wider noun for its bearer ("Cllr"
    -> cllr, councillor; "Insp" -> insp, inspector, officer)."""
    words = {word.strip(",.") for word in role.lower().split()}
    return words | {noun for word in words for noun in (title_role(word), title_kind(word)) if noun}


def holds_every_word(person: Person, mention: Span) -> bool:
    """Whether one of a person's roles holds every noun and adjective of a description ("senior coroner" holds
    "a coroner"; "health spokesperson" does not hold "a spokesperson for the hospital")."""
    wanted = {t.lower_ for t in mention if t.pos_ in {"NOUN", "PROPN", "ADJ"}}
    return any(wanted <= role_words(role) for role in [*person.roles, *person.descriptions])


def kept_unnamed(noun: Token) -> bool:
    """Whether a relative clause on the noun says the person is not named ("who declined to be named", "who asked
    not to be identified", "who spoke on condition of anonymity")."""
    objects = [noun] + [obj for prep in noun.children if prep.dep_ == "prep" for obj in prep.children if obj.dep_ == "pobj"]
    clauses = [clause for word in objects for clause in word.children if clause.dep_ == "relcl"]  # or on its "of" phrase
    return any(t.lemma_.lower() in UNNAMING
               for clause in clauses for t in clause.doc[clause.left_edge.i:min(clause.right_edge.i + 1, clause.i + 8)])


def description(span: Span) -> str:
    """A description as written, without its determiner ("the harbour official" -> "harbour official") or a
    signature's dash ("— chief product officer")."""
    while len(span) > 1 and span[0].text in DASHES:
        span = span[1:]
    if len(span) > 1 and span[0].lower_ in DETERMINERS:
        span = span[1:]
    return span.text.strip(" ,")


def with_given_names(ent: Span) -> Span:
    """Widen a name the tagger cut short: the given names before it ("Jo" of "Jo Smith"), the surname after."""
    doc, start = ent.doc, ent.start
    while start > 0:
        token = doc[start - 1]
        if token.pos_ != "PROPN" or token.dep_ != "compound" or token.head not in ent:
            break
        if is_role_word(token) and not is_given_name(token) or token.ent_type_ in GROUPS \
                or not NAME_WORD.match(token.text):
            break
        start -= 1
    end = ent.end
    while end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end:
        token = doc[end]
        if token.pos_ != "PROPN" or token.ent_type_ or is_role_word(token) or not NAME_WORD.match(token.text):
            break
        end += 1  # "Paul Rask" where the tagger saw only "Paul"
    while end + 1 < len(doc) and joins_name(doc[end]) and doc[end + 1].pos_ == "PROPN" and NAME_WORD.match(doc[end + 1].text):
        end += 2  # "Irene Vasquez-Holt" where the tagger stopped at the hyphen
    return doc[start:past_nickname(doc, start, end)]


def past_nickname(doc: Doc, start: int, end: int) -> int:
    """The end of the name ``[start, end)`` past a nickname in quote marks and the surname after it ('Eduardo
    "Dodong" Ramirez', where the tagger stopped at the nickname or before it)."""
    marks = quotes.MARK_CHARS
    if end - start >= 3 and doc[end - 1].text in marks and any(t.text in marks for t in doc[start:end - 1]):
        at = end  # the nickname inside the name already
    elif end + 2 < len(doc) and doc[end].text in marks and doc[end + 1].text[:1].isupper() \
            and doc[end + 2].text in marks:
        at = end + 3
    else:
        return end
    surname_ = doc[at] if at < len(doc) else None
    return at + 1 if surname_ is not None and surname_.pos_ == "PROPN" and NAME_WORD.match(surname_.text) else end


def headline_first_words(doc: Doc) -> set[int]:
    """The words a headline's capitals may have raised: the first word of each sentence like a headline (four
    words or more, no full stop at the end), and every word of one nearly all capitalised. Each sentence is read
    once."""
    found: set[int] = set()
    for sentence in doc.sents:
        words = [t for t in sentence if t.is_alpha]
        if len(words) < 4 or sentence.text.rstrip().rstrip("\"'\u201d\u2019*").endswith((".", "!", "?")):
            continue
        titled = sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)
        if titled:
            found.update(t.i for t in words)
        else:
            found.add(words[0].i)
    return found


def people(doc: Doc) -> People:
    """The named people of an article: the tagger's persons, and the names it mislabels or misses.

    Besides the PERSON entities (without those that name a body: "His firm,
    Haldane Atelier,"), a run of proper nouns led by a title ("Cllr Jo Smith"
    tagged ORG) or by a given name whose last word the article also uses
    alone ("Hana Kowal" tagged GPE, then "Kowal says") names a person; and
    once a surname is known, a run ending in it adds its full form ("Efua
    Haldane" where the tagger saw nothing).
    """
    found = People()
    doubtful: set[str] = set()
    raised = headline_first_words(doc)
    runs = name_runs(doc)
    run_at = {run.start: run for run in runs}
    for span in person_spans(doc, runs, run_at):
        name, title = clean_name(span)
        if not surname(name) or not NAME_WORD.match(name.split()[-1]) or len(name.split()) > 5:
            continue
        shared = shared_surname(span, run_at)
        if shared and len(name.split()) == 1:
            name = f"{name} {shared}"  # "Raj and Meena Patel": Raj Patel
        if len(name.split()) > 1 and span.start in raised and name.split()[0].lower() not in lexicon.any_given_names():
            doubtful.add(name)  # "Late Kessler strike settles derby": perhaps a headline's capital, no given name
        person = found.add(name, span.start, title_gender(title))
        if title:
            person.titles[as_written(title)] += 1
        held = list(title)
        while len(held) > 1 and is_title(held[-1]) and not is_role_word(held[-1]) and not title_role(held[-1].text):
            held.pop()  # ("Federal Minister for Energy [Syed]": the honorific is no part of the office)
        role = as_written(held) if names_role(title) else None
        role = role_of(span) or role
        if role:
            person.roles[role] += 1
        described = described_as(span)
        if described:
            person.descriptions[described] += 1
        person.ages.update(ages_beside(span))
    for run in map(past_short_body_name, runs):
        if len(run) > 1 and run[-1].lower_ in found and run[0].ent_type_ != "PERSON" and not names_body(run):
            name, _ = clean_name(run)
            if len(name.split()) < 2:
                continue
            persons = found.by_surname[surname(name)]
            given = name.split()[0].lower()
            if looks_like_given_name(name.split()[0]) and (
                    not any(len(form.split()) > 1 for p in persons for form in p.forms)  # only a surname known so far
                    or not any(given in p.given for p in persons)):
                found.add(name, run.start)  # another given name: "Carys Hughes" after "David Hughes"
    found.join_given_names()
    found.join_headline_forms(doubtful)
    return found


def shared_surname(span: Span, run_at: dict[int, Span]) -> str | None:
    """The surname a given name alone shares with the given name and surname after "and": "Raj and Meena Patel"
    (not "Quill and Hana Kowal", a surname before "and")."""
    doc = span.doc
    if len(span) != 1 or not is_given_name(span[0]) or span.end + 1 >= len(doc) or doc[span.end].lower_ not in {"and", "&"}:
        return None
    after = run_at.get(span.end + 1)
    if after is None or not is_given_name(after[0]) or len(after.text.split()) != 2:
        return None
    return after.text.split()[-1]


def person_spans(doc: Doc, runs: list[Span], run_at: dict[int, Span]):
    """The spans that name people: PERSON entities and the runs of proper nouns (``run_at``: by where they start)
    that look like names."""
    alone = Counter(run[-1].lower_ for run in runs if len(run.text.split()) == 1)  # "Smith", "Lopez-Cantera"
    alone.update(t.lower_ for t in doc if t.pos_ not in {"PROPN", "PUNCT"} and t.is_title and t.is_alpha
                 and t.pos_ in {"NOUN", "ADJ", "VERB"} and t.lower_ not in lexicon.common_nouns()
                 and t.lemma_.lower() not in lexicon.common_nouns() and not (
        t.i > 0 and doc[t.i - 1].is_title) and not (t.i + 1 < len(doc) and doc[t.i + 1].is_title))  # (tagged otherwise)
    bodies = {span.text for span in [*doc.ents, *runs] if names_body(span)}
    bodies |= {ent.text for ent in doc.ents if ent.label_ == "ORG" and len(ent) > 1  # tagged ORG elsewhere
               and not (is_given_name(ent[0]) or is_title(ent[0]) or ent[0].lower_ in DETERMINERS or apposed_person(ent)
                        or called_by_surname(ent, alone))}
    tagged = set()
    surnames = {run[-1].lower_ for run in runs if len(run.text.split()) > 1}
    tagged_alone = Counter(ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) == 1)
    surnames |= {text.lower() for text, count in tagged_alone.items() if count > 1}  # tagged as a name twice or more
    for ent in doc.ents:
        if len(ent) == 1 and (is_demonym(ent[0]) or common_word_alone(ent[0], surnames)
                              and not shared_surname(ent, run_at)) or is_company_word(ent[-1]):
            continue  # "the Swede", "the Guild said", "Corran Renewables" tagged as a person; not "Raj and Meena Patel"
        while len(ent) > 1 and ent[-1].pos_ == "VERB" and ent[-1].lemma_.lower() in lexicon.speech_verbs():
            ent = ent[:-1]  # a headline's "Vale Says" tagged as one name
        if ent.label_ == "PERSON" and ent.text not in bodies:
            # "[Ports T. Suresh Nair]", "member for [Roads] Wanjiru Kamau", "of the [HNWU] Aoife Brennan" tagged a person
            ent = from_initial(ent) or past_field(ent) or with_given_names(past_short_body_name(ent))
            if clean_name(ent)[0]:
                tagged.update(range(ent.start, ent.end))
            yield ent
    for run in runs:
        if run[-1].i in tagged:
            continue  # a name the tagger found already
        run = past_short_body_name(run)
        initialled = from_initial(run)
        if initialled is not None:
            yield initialled  # "Minister for Water Supply K. Arun Menon", tagged nothing or a body
            continue
        if len(run) == 1 and shared_surname(run, run_at):
            yield run  # "Sunil and Deepa Varma", "Sunil" tagged a place
            continue
        if len(run) < 2 or run.text in bodies or is_group_noun(run[-1]):
            continue  # a body's name ("Tax Policy Center")
        first = next((t for t in run if not is_title(t)), None)
        if first is None:
            continue
        named = is_given_name(first) and first.i < run.end - 1
        if apposed_person(run) or is_title(run[0]) or after_title(run) or led_by_role(run) or named and (alone[run[-1].lower_] or beside_person_noun(run)) \
                or after_role(run) and (alone[run[-1].lower_] or no_common_noun(run)) or alone[run[-1].lower_] > 1 and no_common_noun(run):
            yield run


def called_by_surname(ent: Span, alone: Counter) -> bool:
    """Whether a name the tagger took for a body's is a person's the article goes on to call by its last word alone
    ("Rosalind Varley ... Varley laughs"), as no body is called: two or three capitalised words, none of them a
    common noun, a body's or a business's word."""
    words = [t for t in ent if not t.is_punct]
    return 2 <= len(words) <= 3 and alone[ent[-1].lower_] > 1 and no_common_noun(ent) and all(
        t.pos_ == "PROPN" and t.lemma_.lower() not in lexicon.speech_verbs() and not (is_group_noun(t) or is_company_word(t))
        for t in words)  # (not a headline's "Vale Says")


def from_initial(run: Span) -> Span | None:
    """The part of a run of proper nouns from an initial inside it on, when a common noun is before it and only
    names follow it ("Water Supply [K. Arun Menon]", "the Opposition [R. Kannan]"; not "Jo R. Smith"): a
    person's name, however the tagger read the run."""
    for token in run[1:-1]:
        rest, before = run.doc[token.i + 1:run.end], run.doc[token.i - 1]
        if INITIAL.match(token.text) and not is_company_word(run[-1]) and not is_given_name(before) and (
                {before.lower_, singular(before.lower_)} & lexicon.common_nouns() or is_role_word(before)
                or is_title(before) or is_group_noun(before)) \
                and all(NAME_WORD.match(t.text) or INITIAL.match(t.text) or joins_name(t) for t in rest):
            return run.doc[token.i:run.end]
    return None


def past_short_body_name(run: Span) -> Span:
    """A run of names without the short name of a body that opens it: "of the HNWU [Aoife Brennan]" (an acronym
    or a word tagged a body, then a name in mixed case)."""
    while len(run) > 2 and (run[0].is_upper and len(run[0].text) > 1 or run[0].ent_type_ == "ORG") \
            and not is_given_name(run[0]) and run[1].ent_type_ != "ORG" and not run[1].is_upper \
            and run[1].text[:1].isupper():  # (not "KWAME Asamoah-Boateng", a given name in capitals)
        run = run[1:]
    return run


def past_field(ent: Span) -> Span | None:
    """A person's name tagged with the capitalised field of the title before it: "member for [Roads] Wanjiru Kamau"
    (a common noun, then a given name, after "for" or "of")."""
    doc, start = ent.doc, ent.start
    if ent.start == 0 or doc[ent.start - 1].lower_ not in {"for", "of"}:
        return None
    while start < ent.end - 2 and doc[start].lower_ in lexicon.common_nouns() and not is_given_name(doc[start]):
        start += 1
    return doc[start:ent.end] if start > ent.start and is_given_name(doc[start]) else None


def led_by_role(run: Span) -> bool:
    """Whether a capitalised role word leads the run and only names follow it ("Mayor Ines Varga", not "Mayor Office")."""
    rest = [t for t in run[1:] if not joins_name(t)]
    return is_role_word(run[0]) and run[0].text[:1].isupper() and bool(rest) and not any(
        is_role_word(t) or is_title(t) or t.lower_ in lexicon.common_nouns() for t in rest)


def no_common_noun(run: Span) -> bool:
    """Whether no word of a run of two or three names is a common noun ("YAW Danquah-Ofori", not "Eastfield Town")."""
    words = [t for t in run if not joins_name(t)]
    return 2 <= len(run.text.split()) <= 3 and not any(
        t.lower_ in lexicon.common_nouns() or t.lemma_.lower() in lexicon.common_nouns() or t.ent_type_ in GROUPS - {"ORG"}
        for t in words)


def after_role(run: Span) -> bool:
    """Whether a role noun stands just before the run: "Rovers boss Pieter Dekkers", "captain Ola Berg"."""
    before = run.doc[run.start - 1] if run.start > 0 else None
    return before is not None and before.pos_ == "NOUN" and before.text.islower() and (
        is_role_word(before) or is_person_noun(before))


def beside_person_noun(span: Span) -> bool:
    """Whether a noun for a person stands beside the name ("Its leader, Ivo Marsh," or "Ivo Marsh, a nurse,")."""
    root = span.root
    beside = [child for child in root.children if child.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(word.pos_ == "NOUN" and is_person_noun(word) or is_role_word(word) for word in beside)


def apposed_person(span: Span) -> bool:
    """A name set beside a noun for a person, though the tagger took it for a body and its given name is rare
    ("The minister, Fenella Craddock-Hughes,"): two or three words, the first no common noun, none a body's word."""
    return 2 <= len(span.text.split()) <= 3 and beside_person_noun(span) and looks_like_given_name(span[0].text) \
        and not names_body(span)


def looks_like_given_name(word: str) -> bool:
    """A word that can open a person's name: a given name, or no English common noun ("Efua", not "State")."""
    lower = word.lower()
    return lower in lexicon.any_given_names() or lower not in lexicon.common_nouns() and word[:1].isupper()


def common_word_alone(word: Token, surnames: set[str]) -> bool:
    """A common noun tagged as a person's name by itself ("Guild"), that no fuller name of the article ends with."""
    return word.lower_ in lexicon.common_nouns() and not is_given_name(word) and word.lower_ not in surnames


def after_title(run: Span) -> bool:
    """Whether a title stands just before the run, its full stop split off ("Engr. Jo Smith")."""
    doc, at = run.doc, run.start - 1
    if at >= 0 and doc[at].text == ".":
        at -= 1
    return at >= 0 and is_title(doc[at]) and doc[at].text[:1].isupper()


def name_runs(doc: Doc) -> list[Span]:
    """Runs of capitalised proper nouns (and hyphens inside them), outside quotes or not: "Cllr Jo Smith-Hale"."""
    runs, start = [], None
    for token in doc:
        word = token.pos_ == "PROPN" and NAME_WORD.match(token.text)
        word = word or joins_name(token) and start is not None
        if word and start is not None and token.i > 0 and "\n" in doc[token.i - 1].whitespace_ + doc[token.i - 1].text:
            word = False
        if word:
            start = token.i if start is None else start
            continue
        if start is not None:
            runs.append(doc[start:token.i])
        start = token.i if token.pos_ == "PROPN" and NAME_WORD.match(token.text) else None
    if start is not None:
        runs.append(doc[start:len(doc)])
    return [run for run in runs if not joins_name(run[-1])]


def names_body(span: Span) -> bool:
    """A name set beside a noun for a body: "His firm, Haldane Atelier," or "the authority, Fjellby Transit,".

    After "a spokesman for the authority," the parse hangs the name on the
    spokesman: it names the body unless it starts with a given name or title.
    """
    if len(span) > 1 and (is_given_name(span[0]) or is_title(span[0])):
        return False  # "Harold Penrose, a retired mail carrier,": a person's name
    root = span.root
    beside = [root.head] if root.dep_ == "appos" else []
    beside += [child for child in root.children if child.dep_ == "appos"]
    if any(word.pos_ == "NOUN" and is_group_noun(word) and not is_person_noun(word) for word in beside):
        return True
    if root.dep_ == "nsubj" and any(t.lower_ == "its" and t.dep_ == "poss" for c in root.head.children
                                    if c.dep_ in {"dobj", "attr"} for t in c.children):
        return True  # "Harbour Home cut its forecast"
    before = span.doc[span.start - 2] if span.start > 1 else None
    return root.dep_ == "appos" and before is not None and before.dep_ == "pobj" and before.head.head == root.head \
        and before.pos_ == "NOUN" and is_group_noun(before) and not (is_given_name(span[0]) or is_title(span[0]))


def is_outlet_name(mention: Span) -> bool:
    """"the Gazette", "the Advocate": one capitalised noun after "the" inside a sentence names a paper or body."""
    head = mention.root
    words = [t for t in mention if not t.is_punct]
    return len(words) == 2 and words[0].lower_ == "the" and words[1] == head and head.text.istitle() \
        and head.pos_ in {"NOUN", "PROPN"} and not head.is_sent_start and not words[0].is_sent_start \
        and not (is_role_word(head) or is_title(head) or is_demonym(head) or head.ent_type_ in {"PERSON", "NORP"})


def body_speaking_through(mention: Span) -> Span | None:
    """The organisation named before a role noun ("a Tarnwick Ferries spokesperson", "the BlueWave Holidays rep")."""
    root, doc = mention.root, mention.doc
    end = root.i
    start = end
    while start > mention.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    if start == end or not (is_role_word(root) or is_person_noun(root)):
        return None
    name = doc[start:end]
    named = any(t.ent_type_ == "ORG" for t in name) or is_company_word(name[-1]) or is_group_noun(name[-1])
    return name if named else None


def names_a_body(mention: Span) -> bool:
    """A proper name that is a body's by its form: after "the" ("The Dockworkers' Guild"), or ending in a noun for a
    body or a business ("Harbour Holdings")."""
    head = mention.root
    if head.pos_ != "PROPN" or is_demonym(head):
        return False
    start = head.left_edge.i if head.left_edge.i >= mention.start else mention.start
    return mention.doc[start].lower_ == "the" or is_group_noun(head) or is_company_word(head)


def joined_by_and(doc: Doc, start: int, floor: int) -> bool:
    """Whether a capitalised word and "and" (or "&") before token ``start``, not before ``floor``, go on a body's
    name: "[Nursing and] Care Workers' Union"."""
    return start - 2 >= floor and doc[start - 1].lower_ in {"and", "&"} and doc[start - 2].text[:1].isupper() \
        and doc[start - 2].is_alpha and doc[start - 2].pos_ in {"PROPN", "NOUN"}


def body_name(mention: Span) -> str:
    """An organisation's name as written, without the words before it that describe it.

    "the opposition Harbour Party" -> "Harbour Party"; a name that starts
    lower case or is the whole mention stays ("the harbour council").
    """
    root, doc = mention.root, mention.doc
    if root.pos_ != "PROPN":
        return description(mention)
    for ent in mention.ents:
        if ent.label_ in GROUPS and ent.start <= root.i < ent.end:
            start = ent.start
            while start > mention.start:
                if joined_by_and(doc, start, mention.start):
                    start -= 2  # "[Nursing and] Care Workers' Union"
                    continue
                if not (doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()) \
                        or doc[start - 1].is_sent_start and doc[start - 1].lower_ in lexicon.common_nouns():
                    break
                start -= 1  # "[Westmere] District Council", the place left out of the entity (not "Fellow")
            end = next((t.i for t in ent if t.text == "(" and t.i > root.i),  # not its "(NCWU" after it
                       max(ent.end, min(name_end(root) + 1, mention.end)))  # "Rank [and File 508]" the tagger cut
            return description(doc[start:end])  # "the nonpartisan Commission on Presidential Debates": the entity
    start = root.i
    while start > mention.start:
        before = doc[start - 1]
        if joined_by_and(doc, start, mention.start):
            start -= 2  # "[Nursing and] Care Workers' Union"
            continue
        if not (before.text[:1].isupper() and before.pos_ in {"PROPN", "NOUN"} or before.dep_ == "case"
                and start - 2 >= mention.start and doc[start - 2].text[:1].isupper()):
            break
        start -= 1  # "Northport Dock Workers' Union"
    return description(doc[start:root.i + 1])


def is_proper_name(name: str) -> bool:
    """Whether a name is a proper name ("Workers' Union", "Bank of Leeds"), not a description ("Smith's campaign")."""
    words = [word for word in name.split() if word.lower() not in {"of", "for", "and", "the", "&", "on", "in"}]
    return bool(words) and all(word[:1].isupper() for word in words) and not any(
        word.endswith(("'s", "’s")) for word in words)


def another_of_its_kind(mention: Span, body: Speaker) -> bool:
    """Whether a description names another body of the kind one described before is: "the ruling party" is not
    "the main opposition party" (the description before holds the noun, but not the words that set this one apart);
    "the regional bank" may well be "Harlow Savings Bank", a proper name."""
    words = name_words(body.name)
    if is_proper_name(body.name) or mention.root.lemma_.lower() not in words and mention.root.lower_ not in words:
        return False
    setting_apart = {t.lower_ for t in mention if t.i < mention.root.i and t.dep_ in {"amod", "compound"}}
    return bool(setting_apart - words)


RANKS = {"acting", "assistant", "associate", "interim", "managing", "senior", "vice", "general", "principal"}


def body_named_as_role(head: Token) -> bool:
    """Whether a role word ends the proper name of a body, its other words no role ("the Housing Care Executive",
    "the Federal Council"; not "the Chief Executive", "the Deputy Minister")."""
    entity = next((ent for ent in head.doc.ents if ent.start <= head.i < ent.end), None)
    if head.pos_ != "PROPN" or entity is None or entity.label_ != "ORG" or entity.end - 1 != head.i:
        return False
    before = [t for t in entity if t.i < head.i and t.pos_ == "PROPN"]
    return any(t.text[:1].isupper() and not (is_role_word(t) or is_title(t) or t.lower_ in RANKS) for t in before)


def is_no_business(body: Speaker) -> bool:
    """A body named only by a common noun that is no business's ("the minister's office", "the department"): not
    what "the company" or "the union" stands for."""
    return not is_proper_name(body.name) and not name_words(body.name) & lexicon.body_nouns()


def name_words(name: str) -> set[str]:
    """The words of a name, lower-cased, without possessive marks ("Workers' Union" -> workers, union)."""
    return {word.lower().strip("'’").removesuffix("'s").removesuffix("’s") for word in name.split()}


def spoken_of_aside(word: Token, pronoun: Token) -> bool:
    """Whether a word is the subject of the clause a pronoun's speech verb is set into: in "Penrose, he said, was
    remorseful" the he is someone else than Penrose; or what the pronoun was asked about: in "Asked whether Halvern
    had looked elsewhere, she said ..." she is not Halvern."""
    verb = pronoun.head
    if verb.dep_ == "parataxis" and word.dep_ in {"nsubj", "nsubjpass"} and word.head == verb.head:
        return True
    asked = next((a for a in ancestors(word, ASKED_DEPTH) if a.head == verb and a.dep_ == "advcl"), None)
    return asked is not None and asked.lemma_.lower() in ELICITING and asked.tag_ == "VBN"


def is_described_person(word: Token) -> bool:
    """A noun for a person with its determiner: "a friend", "the midwife", "her mother" (no role, no name)."""
    return word.pos_ == "NOUN" and is_person_noun(word) and any(
        child.dep_ in {"det", "poss"} for child in word.children)


def is_thing_name(word: Token) -> bool:
    """A proper noun that names a thing: it takes a determiner or a number ("the 13th Amendment")."""
    doc, start = word.doc, word.i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text[:1].isdigit()):
        start -= 1
    numbered = any(t.text[:1].isdigit() for t in doc[start:word.i])
    before = doc[start - 1].lower_ if start > 0 else ""
    return numbered or before in DETERMINERS or any(c.dep_ == "det" for c in word.children)


def name_beside(head: Token) -> Span | None:
    """The name a description stands beside: "Rask, a top surrogate," or "another critic, Jo Smith,"."""
    if head.dep_ == "appos" and head.head.pos_ == "PROPN" and head.head.ent_type_ in {"PERSON", ""}:
        return head.doc[head.head.i:head.head.i + 1]
    return apposed_name(head) or name_given_in_clause(head) or name_run_on(head) or name_closing_title(head) \
        or name_closing_phrase(head)


def name_closing_phrase(head: Token) -> Span | None:
    """A person's name set off by a comma at the end of a long description, the parse having hung it on a word deep
    inside: "The chairperson of the Association of Retired Teachers, Ogun State chapter, Chief (Mrs) Funke Adeyemi,"
    (an apposition of "chapter")."""
    if not (is_person_noun(head) or is_role_word(head)):
        return None
    last = head.right_edge
    while last.i > head.i and last.is_punct:
        last = head.doc[last.i - 1]
    if not (last.dep_ == "appos" and last.pos_ == "PROPN" and last.ent_type_ == "PERSON" and last.head.i > head.i):
        return None
    first = last.left_edge
    while first.i < last.i and (first.is_punct or first.dep_ == "nmod" and not first.ent_type_):
        first = head.doc[first.i + 1]  # (past "Chief (Mrs)")
    return head.doc[first.i:last.i + 1] if head.doc[last.left_edge.i - 1].text == "," else None


def name_closing_title(head: Token) -> Span | None:
    """The name of a person that closes a title the parse made the head: "Leader of the Opposition R. Kannan",
    "Minister for Water Supply K. Arun Menon" (an initial in a capitalised title), "director of rugby Gareth
    Pellow" (a field in lower case)."""
    if not is_role_word(head):
        return None
    objects = [o for prep in head.children if prep.dep_ == "prep" and prep.lower_ in {"of", "for"}
               for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    objects += [inner for o in objects for prep in o.children if prep.dep_ == "prep" and prep.lower_ in {"in", "of"}
                for inner in prep.children if inner.dep_ == "pobj" and inner.pos_ == "PROPN"]  # ("Leader of the
    # Opposition in the Provincial Assembly Rana Saleem Akhtar": the name closes the field's field)
    for obj in objects + [c for o in objects for c in o.conjuncts if c.i > o.i and c.pos_ == "PROPN"]:  # ("Minister
        # for Higher Education and Technical Training R. Meenakshi Sundaram": the name closes the second field)
        named = (from_initial(head.doc[obj.left_edge.i:obj.i + 1]) if head.text[:1].isupper() else None) \
            or name_after_field(obj)
        if named is not None:
            return named
    return None


def name_after_field(obj: Token) -> Span | None:
    """The person's name that closes a title's field or body, the parse having hung them on the name: "director
    of [rugby] Owen Pryce", "member for [Roads] Wanjiru Kamau", "General Secretary of [the HNWU] Aoife Brennan"."""
    doc = obj.doc
    if obj.pos_ != "PROPN":
        return None
    start = obj.i
    while start > obj.left_edge.i and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    while start < obj.i and doc[start].lower_ in lexicon.common_nouns() and not is_given_name(doc[start]) \
            and is_given_name(doc[start + 1]):
        start += 1  # "member for [Roads] Wanjiru Kamau": the field capitalised, a given name after it
    if obj.ent_type_ == "PERSON" and any(doc[i].ent_type_ == "ORG" for i in range(start, obj.i)):
        begin = obj.i
        while begin > start and doc[begin - 1].ent_type_ == "PERSON" and doc[begin].ent_iob_ != "B":
            begin -= 1
        start = begin  # "in the Provincial Assembly [Saleem Akhtar]": the body the tagger ran into the name
    name = past_short_body_name(doc[start:obj.i + 1])  # "of the HNWU [Aoife Brennan]"
    field = doc[obj.left_edge.i:name.start]
    if not len(field) or not all(t.is_lower and t.pos_ == "NOUN" or t.lower_ in lexicon.common_nouns()
                                 or t.ent_type_ == "ORG" or t.is_upper or t.pos_ == "DET" for t in field) \
            or all(t.pos_ == "DET" for t in field):
        return None
    person = obj.ent_type_ == "PERSON" or len(name) > 1 and looks_like_given_name(name[0].text) and not names_a_body(name)
    return name if person else None


def name_run_on(head: Token) -> Span | None:
    """A person's name written straight after the description and parsed as a second subject of its verb:
    "the engineer Tomas Brandt said"."""
    doc, end = head.doc, head.i + 1
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].pos_ == "PROPN":
        end += 1
    last = doc[end - 1]
    if end > head.i + 1 and last.dep_ == head.dep_ and last.head == head.head and head.dep_ in {"nsubj", "nsubjpass"}:
        return doc[head.i + 1:end]
    return None


NAMING_VERBS = {"give", "identify", "name", "know", "call", "introduce"}  # "who gave his name only as Sten"


def name_given_in_clause(head: Token) -> Span | None:
    """The name a clause on a description (or on the description beside it) gives: "a passenger, who gave his name
    only as Sten," or "identified as"; "another voter, a taxi driver who gave only his first name, Ruslan,"."""
    nouns = [head] + [child for child in head.children if child.dep_ == "appos" and child.pos_ == "NOUN"]
    for clause in (clause for noun in nouns for clause in noun.children):
        if clause.dep_ not in {"relcl", "acl"} or clause.lemma_.lower() not in NAMING_VERBS:
            continue
        for word in clause.children:
            if word.dep_ == "prep" and word.lower_ == "as":
                names = [g for g in word.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            elif word.dep_ == "dobj" and word.lemma_.lower() == "name":
                names = [g for g in word.children if g.dep_ == "appos" and g.pos_ == "PROPN"]
            elif word.dep_ == "oprd" and word.pos_ == "PROPN":  # "a tailor named Ikechukwu Nwankwo"
                names = [word]
            else:
                names = []
            if names:
                return head.doc[names[0].left_edge.i:name_end(names[0]) + 1]
    return None


def is_name_shaped(name: Span) -> bool:
    """Two or more capitalised words (hyphens between), the whole of what stands there: "Thandi Mokoena-Smit",
    not "Del. Marcia" before a nickname."""
    after = name.doc[name.end] if name.end < len(name.doc) else None
    return len(name) > 1 and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() or joins_name(t)
                                 for t in name) and (after is None or after.is_punct and after.text in {",", ".", ")"})


def name_end(head: Token) -> int:
    """The last word of a name the parse split at its "and" or number: "Rank [and File 508]", else the head (not its
    acronym in brackets after it: "UN Office [for Refugee Support] (UNORS)")."""
    rest = head.doc[head.i + 1:head.right_edge.i + 1]
    bracket = next((t.i for t in rest if t.text == "("), None)
    rest = rest[:bracket - rest.start] if bracket is not None else rest
    if len(rest) and all(t.text[:1].isupper() or t.like_num or t.lower_ in NAME_JOINS for t in rest) \
            and (rest[-1].text[:1].isupper() or rest[-1].like_num):
        return rest[-1].i
    return head.i


def apposed_name(head: Token) -> Span | None:
    """A person's name set beside a description ("the chief, Jo Smith,"), also through a second description
    ("Her longtime collaborator, the engineer Rafi Soto,")."""
    doc = head.doc
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and is_person_noun(child):
            inner = next((g for g in child.children if g.dep_ == "appos" and g.pos_ == "PROPN"
                          and g.ent_type_ == "PERSON"), None)
            if inner is not None:
                start = inner.i
                while start > child.i + 1 and doc[start - 1].ent_type_ == "PERSON":
                    start -= 1  # the name alone, not "state Del." before it
                return doc[start:inner.i + 1]
        if child.dep_ != "appos" or child.pos_ != "PROPN":
            continue
        name = doc[max(child.left_edge.i, head.i + 1):child.i + 1]
        if child.ent_type_ not in GROUPS or is_personal_name(name) or (len(name) == 1 and is_given_name(child)) \
                or is_person_noun(head) and is_name_shaped(name) and not names_a_body(name):
            return name  # "the chief, Jo Smith,"; "Her son, Alistair," (a given name alone, tagged ORG); "councillor
            # Thandi Mokoena-Smit" (a name beside a person, tagged ORG, with no word of a body's)
    objects = [g for c in head.rights if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for obj in objects[1:]:  # "An economist at the Centre for Policy Studies, Dr Funmi Adeyemi,": a second object
        if obj.ent_type_ == "PERSON" and obj.pos_ == "PROPN" and doc[obj.left_edge.i - 1].text == ",":
            return doc[obj.left_edge.i:obj.i + 1]
    for obj in objects:  # "the partner at Lenox, Jo Smith,": the parse hangs the name on Lenox
        names = [doc[max(c.left_edge.i, obj.i + 1):c.i + 1] for c in obj.children if c.dep_ == "appos"]
        names = [name for name in names if name.root.ent_type_ == "PERSON" or is_personal_name(name)]
        if names:
            return names[0]
    return None


def name_after_title(head: Token) -> Span | None:
    """A person's name right after a capitalised word the parse made the head ("Advocate Deepa Raghunathan"): the
    title and the name."""
    doc = head.doc
    if not (is_title(head) or head.text[:1].isupper() and not head.ent_type_ and head.pos_ != "PROPN") \
            or head.i + 1 >= len(doc) or doc[head.i + 1].ent_type_ != "PERSON" or doc[head.i + 1].ent_iob_ != "B":
        return None
    end = head.i + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[head.i:end]


def led_person(head: Token) -> Span | None:
    """The person named after a body's name and a role, however the parse hangs them on the body's head
    ("Elementary Teachers of Stonegate president Marguerite Hale": the president, not the union)."""
    if head.pos_ != "PROPN" or head.ent_type_ not in GROUPS:
        return None
    doc, last = head.doc, head.right_edge.i
    if last - head.i > LED_TOKENS or doc[last].ent_type_ != "PERSON":
        return None
    start = last
    while start > head.i + 1 and doc[start].ent_iob_ == "I":
        start -= 1  # back to the name's first word
    if any(t.is_punct for t in doc[head.i + 1:start]):
        return None  # "The United States, represented by envoy Paul Okoro,": the body speaks
    return doc[start:last + 1] if is_role_word(doc[start - 1]) else None


SAID_HERE_TOKENS = 60  # how far back in its sentence an aside's "they argued" looks for the group speaking
ISSUING = {"issue", "release", "publish", "post", "send", "put", "share"}  # "The family issued a statement"
ON_BEHALF = {"statement", "message", "announcement", "release"}  # texts that speak for their author ("the statement
# said": the family's), where an ad, a poll or a letter speaks as itself
def name_after_possessive(head: Token) -> Span | None:
    """A person's name after a body's possessive, however the tagger joined them into one body: "The Daily
    Courant's Hugo Farrant"."""
    if head.pos_ != "PROPN":
        return None
    owner = next((child for child in head.children if child.dep_ == "poss" and child.pos_ == "PROPN"), None)
    case = next((child for child in owner.children if child.dep_ == "case"), None) if owner is not None else None
    if case is None or not case.i < head.i:
        return None
    name = head.doc[case.i + 1:head.i + 1]
    return name if 2 <= len(name) <= 4 and is_personal_name(name) else None


AUTHORED = {"by", "from"}  # "estimates by the institute", "data from the observatory"
AUTHORING = {"publish", "release", "compile", "issue", "write", "prepare", "produce", "conduct", "draft",
             "commission", "carry", "post", "put"}  # "figures published by ...", not "a memo obtained by ..."


def text_author(head: Token) -> Span | None:
    """Who wrote a text cited as the source, named in its own phrase: "estimates by the Norvanian Institute",
    "figures published by the trade body HeatLink", "data from the Observatory", "the agency's bulletin"."""
    if head.pos_ != "NOUN" or not is_document_noun(head):
        return None
    phrases = [child for child in head.children if child.dep_ == "prep" and child.lower_ in AUTHORED] + [
        agent for child in head.children if child.dep_ == "acl" and child.lemma_.lower() in AUTHORING
        for agent in child.children if agent.dep_ == "agent"]
    if head.dep_ == "nsubj" and not phrases:  # "Another letter, from residents Jo and Al Smith, described ...":
        phrases = [child for child in head.head.children if child.dep_ == "prep" and child.lower_ in AUTHORED
                   and head.i < child.i < head.head.i and head.doc[child.i - 1].text == ","]  # the parse hung it
        # on the verb
    holders = [head, head.head] if head.dep_ == "dobj" else [head]  # ("read a statement on behalf of ...")
    behalf = [of for holder in holders for child in holder.children if child.dep_ == "prep" and child.lower_ == "on"
              for noun in child.children if noun.dep_ == "pobj" and noun.lower_ == "behalf"
              for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"]  # "on behalf of the family"
    authors = [obj for phrase in [*phrases, *behalf] for obj in phrase.children if obj.dep_ == "pobj"] + [
        child for child in head.children if child.dep_ == "poss" and child.pos_ in {"NOUN", "PROPN"}]
    authors = [next((c for c in author.children if c.dep_ == "appos" and c.pos_ == "PROPN"), author)
               for author in authors]  # "the trade body HeatLink": its name
    author = next((t for t in authors if t.pos_ == "PROPN" or t.ent_type_ in GROUPS or is_group_noun(t)), None)
    if author is None:
        return None
    entity = next((ent for ent in author.doc.ents if ent.start <= author.i < ent.end), None) \
        if author.ent_iob_ != "O" else None
    end = max([c.i for c in author.conjuncts if c.i > author.i and c.pos_ == "PROPN"], default=author.i)
    if entity is not None and entity.label_ in GROUPS and end == author.i:
        return entity
    return author.doc[group_start(author):end + 1]  # "from Jo and Al Smith": both


HIDDEN_NAMES = (name_after_title, led_person, name_after_possessive, text_author)  # who a mention names, the parse having made another word its head


def apposed_body(head: Token) -> Span | None:
    """The name set beside a noun for a body: "the union, Skycrew," or "His firm, Haldane Atelier,"; or a name the
    tagger marks as a body's beside any noun: "Her record label, Driftwood Records,", "The company's largest
    competitor, Halcyon Data,"."""
    if head.pos_ != "NOUN":
        return None
    doc, group = head.doc, is_group_noun(head) and not is_person_noun(head)
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > head.i:
            end = max(name_tail(child, child.i), name_end(child))  # "Hands [Across Tervano]"
            name = doc[max(child.left_edge.i, head.i + 1):end + 1]
            if group:
                return name
            tagged_body = all(t.ent_type_ == "ORG" for t in name) and not is_personal_name(name)
            if tagged_body and not (is_person_noun(head) and (len(name) == 1 or is_given_name(name[0]) or (
                    is_role_word(head) and not names_a_body(name)))):
                return name  # (not "Her nephew, Alistair," a given name the tagger took for a body, nor "the
                # councillor, Thandi Mokoena-Smit," a name beside a role with no word of a body's)
    return None


def is_elided_of(word: Token) -> bool:
    """"One of them", "some of the nurses": a quantifier over people named before (not "one of the nurses": that names them)."""
    if word.lower_ not in ELIDING:
        return False
    objects = [g for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return bool(objects) and objects[0].lower_ in {"them", "those", "these"}


CLAUSES = {"advcl", "relcl", "ccomp", "acl", "xcomp", "csubj", "pcomp"}


SHARES = {"%", "percent", "cent", "top", "bottom", "half", "majority", "minority", "share", "proportion", "number",
          "thousand", "thousands", "million", "millions", "hundred", "hundreds", "billion"}  # "the top 10% [of earners]"


def counted(noun: Token) -> bool:
    """Whether people are only counted ("the top 10% of earners", "millions of savers"): a population in a figure,
    no one who could go on to speak."""
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and (of.head.lemma_.lower() in SHARES or of.head.like_num)


def clause_depth(word: Token) -> int:
    """How many subordinate clauses deep a word stands: main-clause subjects are the likeliest antecedents."""
    return sum(1 for ancestor in [word, *ancestors(word)] if ancestor.dep_ in CLAUSES)


def is_subject(word: Token) -> bool:
    """Whether a word heads (or is the name in) the subject of its clause ("the Smith campaign" is no Smith)."""
    for _ in range(CLIMB_LIMIT):  # (a chain of appositions a garbled paragraph makes is cut)
        if not (word.dep_ == "appos" or word.dep_ in {"compound", "flat"} and word.head.pos_ == "PROPN"):
            break
        word = word.head
    return word.dep_ in {"nsubj", "nsubjpass"} or is_inverted_speaker(word) or is_noun_for_verb(word) \
        or is_subject_set_apart(word) or is_introduced_by_there(word)


def is_introduced_by_there(word: Token) -> bool:
    """Whether "there is" brings a person on stage ("And then there's Tobias Wren."): whom the next sentences are
    about, as a subject would be."""
    return word.dep_ == "attr" and word.head.lemma_ == "be" and any(c.dep_ == "expl" for c in word.head.children)


def speaks_as_group(speaker: Speaker, word: Token, plural: bool) -> bool:
    """Whether someone who spoke, named by ``word``, is what an "it" or (``plural``) a "they" can stand for: a body,
    or people named in the plural."""
    return speaker.kind != "person" or plural and word.tag_ in {"NNS", "NNPS"}


def aged(name: Token) -> bool:
    """A name with an age set beside it, a person's whatever the tagger made of it: "Maria, 9, said", "Six-year-old
    Amira said"."""
    if name.pos_ != "PROPN":
        return False
    doc = name.doc
    before = doc[max(name.left_edge.i, name.i - 6):name.i].text.lower()
    return before.rstrip().endswith(("year-old", "year old")) or any(
        child.dep_ in {"appos", "nummod", "npadvmod"} and child.text.isdigit() and int(child.text) < 120
        and child.i > name.i for child in name.children)


def is_subject_set_apart(word: Token) -> bool:
    """A name the parse left hanging on a verb that has no subject, set off by commas before it: "Asked about it,
    Farraday, speaking to reporters, laughed" (parsed as an adverbial noun)."""
    verb, doc = word.head, word.doc
    return word.dep_ == "npadvmod" and word.pos_ == "PROPN" and verb.pos_ == "VERB" \
        and 0 < word.left_edge.i and doc[word.left_edge.i - 1].text == "," \
        and word.right_edge.i + 1 < len(doc) and doc[word.right_edge.i + 1].text == "," \
        and not any(child.dep_ in {"nsubj", "nsubjpass"} for child in verb.children)


def is_noun_for_verb(word: Token) -> bool:
    """A name before a present-tense verb the tagger took for a plural noun: "Dekkers laughs at this."."""
    head = word.head
    return word.dep_ == "compound" and word.ent_type_ == "PERSON" and head.dep_ == "ROOT" and head.tag_ == "NNS" \
        and head.i == word.i + 1


def is_inverted_speaker(word: Token) -> bool:
    """A name after the speech verb that follows what it says, parsed as its object: "..., estimated Jo Smith"."""
    verb = word.head
    if word.dep_ != "dobj" or word.pos_ != "PROPN" or verb.i > word.i or verb.i == 0 \
            or any(child.dep_ in {"nsubj", "nsubjpass"} for child in verb.children):
        return False  # (not "Jo Smith, who ..., told Lumen that": whom she told)
    before = word.doc[verb.i - 1]
    return verb.lemma_.lower() in lexicon.speech_verbs() and (before.text == "," or before.text in quotes.MARKS) \
        and all(t.dep_ in {"compound", "flat"} for t in word.doc[verb.i + 1:word.i])


# ---------------------------------------------------------------- in one article

class Resolver:
    """Resolves the speaker mentions of one article, in text order."""

    def __init__(self, article: ArticleContext, coref=None):
        self.article = article
        self.doc = article.doc
        self.run_coref = coref  # runs coreferee on the Doc, only when first needed
        self.people = people(article.doc)
        self.history: list[tuple[int, Speaker]] = []  # at which token who spoke, in text order
        self.spoken: dict[int, Speaker] = {}  # last token of a speaker mention -> its speaker
        self.descriptions: dict[int, Speaker | None] = {}  # role noun -> who it describes
        self.pronouns: dict[int, Speaker | None] = {}  # he/she subject -> who it stands for
        self.swept = 0  # pronoun subjects before this token are resolved
        self.coref_runs = 0
        self.genders = {person.name: person.gender for person in self.people.all() if person.gender}
        self.described_bodies: dict[str, Speaker] = {}  # "lender" -> the body "the lender" stood for
        self.bodies_spoken: list[tuple[int, Speaker]] = []  # the organisations in ``history``
        self.cited: set[int] = set()  # the words of a text whose author spoke through it ("data compiled by X")

    def spoke(self, speaker: Speaker, mention: Span) -> None:
        """Remember who spoke where, for the pronouns that follow."""
        insort(self.history, (mention.start, speaker), key=lambda item: item[0])
        cited = speaker.kind == "organisation" and is_document_noun(mention.root) and not is_group_noun(mention.root)
        if cited:  # ("according to data compiled by Parallax": cited, not speaking)
            self.cited.update(range(mention.root.left_edge.i, max(mention.end, mention.root.right_edge.i + 1)))
        elif speaker.kind == "organisation":
            insort(self.bodies_spoken, (mention.start, speaker), key=lambda item: item[0])
        body = body_speaking_through(mention) if speaker.kind != "organisation" else None
        if body is not None:  # "a BlueWave Holidays spokesperson": the firm speaks through them
            insort(self.bodies_spoken, (mention.start, Speaker(description(body), None, "organisation")),
                   key=lambda item: item[0])
        self.spoken[mention.end - 1] = speaker
        if len(mention) == 1 and mention[0].lower_ in GENDERED and speaker.kind == "person":
            self.genders.setdefault(speaker.name, GENDERED[mention[0].lower_])  # "she said": no "he" later

    def is_of_gender(self, speaker: Speaker, gender: str) -> bool:
        """Whether a person is known to be of the gender: by the given name or what the article said of them."""
        return speaker.kind == "person" and (self.genders.get(speaker.name) == gender
                                             or speaker.name.split()[0].lower() in lexicon.given_names(gender))

    def fits(self, speaker: Speaker, gender: str | None) -> bool:
        """Whether a he or she can stand for the speaker: the given name, the description and what the article said of them."""
        known = self.genders.get(speaker.name)
        return fits_gender(speaker, gender) and (gender is None or known is None or known == gender)

    def resolve(self, mention: Span) -> Resolution | None:
        """Resolve a speaker mention, or None when nothing fits."""
        head = mention.root
        if NUMBERED_VOICE.fullmatch(mention.text):
            return Resolution(Speaker(mention.text, None, "unnamed"), "description")  # "UNIDENTIFIED PERSON #1:"
        handle = self.handle_beside(head)
        if handle is not None:
            return Resolution(handle, "proper-name")  # "another user, u/late_train", "a user posting as @tidewatch"
        hidden = next((name for name in (find(head) for find in HIDDEN_NAMES) if name is not None), None)
        if hidden is not None:
            found = self.resolve_written(hidden)  # the person the parse hides behind another head
            if found is not None and found.speaker.kind == "organisation" and is_personal_name(hidden) \
                    and not names_a_body(hidden):
                return Resolution(Speaker(found.speaker.name, None, "person"), "proper-name")  # (tagged a body)
            return found
        if head.lower_ in RESOLVABLE and len(mention) == 1:
            return self.pronoun(head)
        if head.lower_ in ELIDING and not self.article.children(head, "prep") or is_elided_of(head):
            elided = self.elided(head)
            return Resolution(elided, "description-elided") if elided is not None else None
        if self.is_common(head) or is_role_word(head) and not self.is_known_surname(head):  # "the local MP, Jo Smith,"
            body = apposed_body(head)
            if body is not None:  # "the union, Skycrew,": the body's name
                self.described_bodies[head.lemma_.lower()] = Speaker(body.text, None, "organisation")
                return Resolution(self.described_bodies[head.lemma_.lower()], "organisation")
            named = name_beside(head)
            if named is not None and not names_body(named):
                found = self.resolve_written(named)  # the name says who
                if found is not None and found.speaker.kind == "organisation" and is_person_noun(head):
                    return Resolution(Speaker(found.speaker.name, None, "person"), "proper-name")  # a person's name
                return found
        return self.resolve_written(mention)

    def elided(self, word: Token) -> Speaker | None:
        """Whom "one", "another" or "some" stands for, its noun left out: the people of the nearest earlier noun for them.

        "three nurses ... One said": a nurse; "One reviewer wrote ... Another
        called it": a reviewer; "Some said": nurses.
        """
        plural = word.lower_ in PLURAL_ELIDING
        for _, noun in self.recent_words(word):
            if self.article.sentence_of(noun) < self.article.sentence_of(word) - ELIDED_SENTENCES:
                return None
            if noun.pos_ != "NOUN" or not is_person_noun(noun) or noun.dep_ in {"compound", "amod", "poss"} \
                    or counted(noun):
                continue
            if noun.tag_ == "NNS" or any(c.lower_ in ELIDING for c in noun.children):
                name = noun.lower_ if plural and noun.tag_ == "NNS" else noun.lemma_.lower()
                whose = self.doc[noun.i + 1:described_by(noun) + 1].text  # "Allies of the chancellor ... One said"
                return Speaker(f"{name} {whose}" if whose.startswith("of ") else name, None, "unnamed")
        return None

    def is_common(self, head: Token) -> bool:
        """A common noun, not a surname of someone the article names."""
        return is_common_noun(head) and not self.is_known_surname(head)

    def resolve_written(self, mention: Span) -> Resolution | None:
        """Resolve a name or description as written, without looking beside it."""
        head = mention.root
        if is_demonym(head):
            return self.described(mention)  # "the Swede said": a person the article named before
        if head.lower_ == "those" and head.pos_ == "PRON" and head.n_rights:  # "Those close to the mayor say"
            words = head.doc[head.i:head.right_edge.i + 1].text
            return Resolution(Speaker(words[:1].lower() + words[1:], None, "unnamed"), "description")
        common = self.is_common(head)
        missed = self.missed_person(head)
        if missed is not None:
            return Resolution(missed, "proper-name")
        holder = self.by_initials(mention)
        if holder is not None:
            return Resolution(holder.speaker(), "role")  # "Cabinet Secretary Amina Odede ... The CS said"
        if head.pos_ == "PROPN" and (head.ent_type_ in GROUPS and is_group_noun(head) or is_company_word(head)):
            return Resolution(Speaker(body_name(mention), None, "organisation"), "organisation")  # by its name, not
            # a person's in it: "Bramwell Civic Society", "the Ardlow Association of Head Teachers"
        person = self.named(mention) if not common else None  # "the Smith aide" is not Smith
        if person is not None:
            return Resolution(self.with_role(person, mention), "name")
        capitalised = all(t.text[:1].isupper() for t in mention if not t.is_punct) and not (
            len(mention) == 1 and head.pos_ == "NOUN" and head.is_sent_start and not head.is_upper
            and not is_given_name(head))  # "Parents ... were": a sentence's capital, no name (but "SMITH:")
        if is_outlet_name(mention):
            return Resolution(self.body_holding(head.lemma_.lower(), mention.start)
                              or Speaker(description(mention), None, "organisation"), "organisation")
        if is_role_word(head) and body_named_as_role(head):
            return Resolution(Speaker(body_name(mention), None, "organisation"), "organisation")
        if is_role_word(head) or (common and not capitalised):
            return self.described(mention)
        if head.lower_ in QUANTIFIERS:
            return None  # "Nobody", "Everyone" written with a capital: no name
        body = self.body_begun_by(mention) or self.body_spelled_out(mention)
        if body is not None:
            return Resolution(body, "organisation")
        name, title = clean_name(mention)
        of_age = aged(head)
        if of_age:  # "Six-year-old Amira": the name, not the age
            start = head.i
            while start > mention.start and mention.doc[start - 1].pos_ == "PROPN" and mention.doc[start - 1].is_alpha:
                start -= 1
            name = mention.doc[start:head.i + 1].text
        before = mention.doc[mention.start - 1] if mention.start > 0 else None
        titled = head.pos_ == "PROPN" and name and (names_role(title) or any(is_title(t) for t in title) or of_age or (
            before is not None and before.is_lower and before.pos_ == "NOUN" and not before.whitespace_.count("\n")
            and (is_role_word(before) or is_person_noun(before))))  # "chief product officer [Anja Vermeulen]"
        if not titled and (head.ent_type_ in GROUPS or any(e.label_ in GROUPS for e in self.article.entities(mention))
                           or names_a_body(mention)):
            return Resolution(Speaker(body_name(mention), None, "organisation"), "organisation")
        if len(mention) == 1 and head.is_upper and len(head) > 2 and head.lower_ in lexicon.common_nouns() \
                and is_person_noun(head) and not self.is_known_surname(head):
            return Resolution(Speaker(head.lower_, None, "unnamed"), "description")  # a transcript's "CALLER:"
        if head.pos_ == "PROPN" or capitalised:
            kind = "organisation" if head.ent_type_ in GROUPS and not titled else "person"
            if name:
                return Resolution(Speaker(name, as_written(title) or None, kind), "proper-name")
        return None

    def named(self, mention: Span) -> Person | None:
        """The person a mention names, by the surname the article uses."""
        names = [t for t in mention if (t.pos_ == "PROPN" or self.is_known_surname(t)) and NAME_WORD.match(t.text)]
        for token in names:  # a surname written first: "Chairman Lau Chi-keung" is Mr Lau
            words = self.doc[token.i:mention.end].text.split()
            if len(words) >= 2 and GIVEN_AFTER_SURNAME.match(words[1].rstrip(",")) and token.lower_ in self.people:
                return self.of_titled_gender(self.people.get(token.lower_, before=token.i), mention, token.lower_)
        for at, token in reversed(list(enumerate(names))):
            if token.lower_ in self.people:
                bearers = {word for person in self.people.by_surname[token.lower_] for word in person.given}
                given = next((t.lower_ for t in mention if t.i < token.i and t.lower_ in bearers),  # (a given name the
                             names[0].lower_ if at > 0 else "")  # tagger took for a verb: "Carys Hughes")
                recent = self.bearer_just_heard(token) if not given else None
                if recent is not None:
                    return recent  # "Lead researcher Anika Vantos said ... Vantos said": Anika, not Samira before
                person = self.people.get(token.lower_, given, before=token.i)  # "Sen. Paul Okonjo": Paul's
                return self.of_titled_gender(person, mention, token.lower_)
        if len(names) == 1:  # a given name alone: the one person of the article who bears it ("Raj" of "Raj Patel")
            bearers = [person for person in self.people.all() if names[0].lower_ in person.given]
            return bearers[0] if len(bearers) == 1 else None
        return None

    def bearer_just_heard(self, surname: Token) -> Person | None:
        """Of several people with a surname, the one who spoke last, in the sentence of a bare surname or the one
        before it in its paragraph: the writer means who was just quoted."""
        bearers = self.people.by_surname.get(surname.lower_, [])
        if len(bearers) < 2:
            return None
        sentence, paragraph = self.article.sentence_of(surname), self.paragraph(surname.i)
        for at, speaker in reversed(self.history[:bisect_left(self.history, surname.i, key=lambda item: item[0])]):
            if self.article.sentence_of(self.doc[at]) < sentence - 1 or self.paragraph(at) != paragraph:
                return None
            heard = next((person for person in bearers if person.speaker().name == speaker.name), None)
            if heard is not None:
                return heard
        return None

    def of_titled_gender(self, person: Person, mention: Span, key: str) -> Person:
        """Of two people with one surname, the one a title's gender fits ("Ms Carrow" is not Mr Carrow)."""
        gender = title_gender([t for t in mention if is_title(t)])
        if gender is None or len(self.people.by_surname[key]) < 2 or person.could_be(gender):
            return person
        fitting = [other for other in self.people.by_surname[key] if other.could_be(gender)]
        return max(fitting, key=lambda other: other.mentions) if fitting else person

    def is_known_surname(self, word: Token) -> bool:
        """A capitalised word that is the surname of someone the article names, whatever its tag here."""
        return word.text[:1].isupper() and word.lower_ in self.people and (
            word.i + 1 == len(word.doc) or not word.doc[word.i + 1].text[:1].isupper())

    def with_role(self, person: Person, mention: Span) -> Speaker:
        """The person's speaker record; a role written in the mention counts too."""
        _, title = clean_name(mention)
        if names_role(title):
            person.roles[as_written(title)] += 1
        return person.speaker()

    # -- pronouns

    def pronoun(self, token: Token) -> Resolution | None:
        """He/she: the nearest fitting person before it; it/they: the nearest group that speaks."""
        if token.lower_ in GROUP_PRONOUNS:
            found = self.group(token)
            return Resolution(found, "group-pronoun") if found is not None else None
        if token.lower_ not in GENDERED:
            return None  # "I" and "you" outside a quote: the writer or the reader, whom the text does not name
        interviewed = self.asked_by_the_writer(token)
        if interviewed is not None:
            return Resolution(interviewed, "pronoun")
        salient = self.salient(token)
        if salient is not None:
            return salient
        chained = self.coref(token)
        if chained is not None:
            return Resolution(chained, "coreferee")
        return None

    def asked_by_the_writer(self, token: Token) -> Speaker | None:
        """Whom a he or she just after the writer's own question stands for: the person of that gender the article
        names most, whom the writer is interviewing ("I ask whether the ending is a wish. She is quiet for a long
        moment"), when the sentence before is the writer asking, naming no one."""
        sentence = self.article.sentence_of(token)
        if sentence == 0 or self.quoted(token):
            return None
        before = self.article.sentences[sentence - 1]
        asking = [t for t in before if t.lemma_.lower() in WRITERS_ASKING and not self.quoted(t) and any(
            s.lower_ in WRITERS for s in self.article.children(t, "nsubj"))]
        if not asking or any(self.article.children(t, "dobj", "dative") for t in asking):
            return None  # ("I asked a nurse what she made of it", "I asked Jo Smith whether": whom is said)
        gender = gender_of(token)
        people = [person for person in self.people.all() if person.first < token.i and self.fits(person.speaker(), gender)]
        named = self.article.cached("capitalised-words", 0, lambda _: Counter(
            t.lower_ for t in self.doc if t.text[:1].isupper() and not self.quoted(t)))  # (counted once an article)
        return max(people, key=lambda person: named[surname(person.name)]).speaker() if people else None

    def salient(self, token: Token, named: bool = False, besides: Speaker | None = None) -> Resolution | None:
        """The person a he/she most likely means: the nearest earlier subject of the right gender (with ``named``,
        a person the article names: "the 43-year-old" is no unnamed source; not ``besides``)."""
        gender = gender_of(token)
        fallback, named_before, subjects, sentence = None, None, [], None
        for candidate, subject, word in self.candidates(token):
            if candidate == besides:
                continue
            if not self.fits(candidate, gender) or word.tag_ in {"NNS", "NNPS"} or spoken_of_aside(word, token) \
                    or gender is not None and word.lower_ in GROUP_PRONOUNS:
                continue  # (a "she" is none of the people a "they" stood for)
            if named and candidate.kind != "person":
                continue
            if named_before is not None and self.paragraph(word.i) < named_before:
                break  # a subject paragraphs before a person of the pronoun's gender named just now is not who is meant
            if subject and sentence in (None, self.article.sentence_of(word)):
                sentence = self.article.sentence_of(word)
                subjects.append((clause_depth(word), candidate, word))
            elif sentence is not None and self.article.sentence_of(word) != sentence:
                break
            elif fallback is None and self.met_by_writer(word):
                return Resolution(candidate, "pronoun-nearest")  # "I asked a friend what she thought. '...,' she said"
            if fallback is None and gender is not None and self.is_of_gender(candidate, gender):
                named_before = self.paragraph(word.i)
            fallback = fallback or candidate
        if subjects:
            return Resolution(self.main_subject(sorted(subjects, key=lambda item: item[0])), "pronoun")
        return Resolution(fallback, "pronoun-nearest") if fallback else None

    def main_subject(self, subjects: list[tuple[int, Speaker, Token]]) -> Speaker:
        """Of a sentence's subjects that a he or she may stand for, shallowest clause first: the main clause's, unless
        that is a person the article names only there, in passing, and a deeper one, who speaks in a clause of their
        own (not in the words the first reports), is the person the article keeps naming ("the critic Oscar Wren
        called it \"...\", a line Mr. Pell later said he took as praise. Born in 1940, he ...": Pell)."""
        counts = {person.name: person.mentions for person in self.people.all()}
        _, first, word = subjects[0]
        if counts.get(first.name, 0) != 1:
            return first
        reported = [clause for clause in self.article.children(word.head, "ccomp")]
        return next((other for _, other, deeper in subjects[1:] if counts.get(other.name, 0) >= PROMINENT_MENTIONS
                     and deeper.head.dep_ in {"relcl", "acl"} and has_speech_lemma(self.article, deeper.head)
                     and not any(in_subtree(deeper, clause) for clause in reported)), first)

    def met_by_writer(self, word: Token) -> bool:
        """Whether a person is the object of the writer's own verb ("I asked a friend", "we met a nurse")."""
        verb = word.head if word.dep_ in {"dobj", "dative"} else word.head.head if word.dep_ == "pobj" else None
        return verb is not None and verb.pos_ == "VERB" and any(
            subject.lower_ in {"i", "we"} and not self.quoted(subject) for subject in self.article.children(verb, "nsubj"))

    def candidates(self, token: Token):
        """People and singular role descriptions before the token, nearest first, with subject flags."""
        self.sweep(token.i)
        for i, word in self.recent_words(token):
            if i in self.spoken:
                yield self.spoken[i], True, word
                continue
            if i in self.pronouns:
                if self.pronouns[i] is not None:
                    yield self.pronouns[i], True, word
                continue
            speaker = self.speaker_at(word)
            if speaker is not None:
                yield speaker, is_subject(word), word

    def recent_words(self, token: Token):
        """The words outside quotes before the token, nearest first, from ``recent_start`` on."""
        for i in range(token.i - 1, self.recent_start(token) - 1, -1):
            word = self.doc[i]
            if not self.quoted(word):
                yield i, word

    def recent_start(self, token: Token) -> int:
        """Where the text before a token that counts as recent starts (``RECENT_PARAGRAPHS``, ``RECENT_TOKENS``)."""
        if not len(self.article.paragraphs):
            return 0
        here = self.paragraph(token.i)
        start_char = self.article.paragraphs[max(0, here - RECENT_PARAGRAPHS)][0]
        first = self.article.span(start_char, start_char + 1)
        first = first.start if first is not None else 0
        return max(first, token.i - RECENT_TOKENS, 0)

    def sweep(self, end: int) -> None:
        """Resolve, in text order, the he and she subjects before ``end``: later pronouns follow them."""
        for i in range(self.swept, end):
            word = self.doc[i]
            if word.lower_ in GENDERED and word.dep_ in {"nsubj", "nsubjpass"} and not self.quoted(word):
                self.swept = i  # the pronoun's own resolution sees only what comes before it
                interviewed = self.asked_by_the_writer(word)
                resolution = Resolution(interviewed, "pronoun") if interviewed is not None else self.salient(word)
                self.pronouns[i] = resolution.speaker if resolution else None
        self.swept = max(self.swept, end)

    def missed_person(self, head: Token) -> Speaker | None:
        """The person a name the tagger took for common nouns names, when a person's description stands beside it
        ("Forum convenor Gert du Plessis-Venter, a retired engineer,": Gert du Plessis-Venter, convenor)."""
        if head.pos_ != "NOUN" or not missed_name(head) or not any(
                c.dep_ == "appos" and is_person_noun(c) for c in head.children):
            return None
        start = head.left_edge.i
        while start < head.i and (self.doc[start].lower_ in lexicon.common_nouns() or is_person_noun(self.doc[start])
                                  or is_role_word(self.doc[start])):
            start += 1  # past the role before it
        return Speaker(self.doc[start:head.i + 1].text, self.doc[head.left_edge.i:start].text or None, "person")

    def speaker_at(self, word: Token) -> Speaker | None:
        """The speaker a word names: the last word of a person's name, or a role noun (none in a byline)."""
        if self.in_byline(word) or self.in_dateline(word):
            return None  # "By Ivo Marsh, Court Reporter": the writer, whom no he or she of the story means; "NORTHBRIDGE,
            # Caledor Islands — ": a place, whom no "the coast guard" after it means
        if word.ent_type_ == "PERSON" and word.pos_ == "PROPN" and word.ent_iob_ != "O":
            following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
            if following is None or following.ent_type_ != "PERSON" or following.ent_iob_ == "B":
                person = self.named(self.doc[group_start(word):word.i + 1])
                return person.speaker() if person else None
        if self.is_known_surname(word) and (word.dep_ != "compound" or is_noun_for_verb(word)):
            person = self.people.get(word.lower_)  # a name the tagger missed here but knows elsewhere
            return person.speaker() if person else None
        if word.tag_ == "NN" and (is_role_word(word) or is_described_person(word)) and word.dep_ not in {"compound", "amod"}:
            missed = self.missed_person(word.head) if word.dep_ == "appos" else None
            if missed is not None:
                return missed  # "Gert du Plessis-Venter, a retired engineer,"
            if word.dep_ == "appos" and word.head.pos_ == "PROPN" and (
                    word.head.ent_type_ not in GROUPS or self.is_known_surname(word.head)):
                return None  # "Walsh, a former labor leader": the name stands for both
            return self.description_at(word)
        if word.tag_ == "NNP" and word.dep_ in {"nsubj", "nsubjpass"} and word.ent_type_ in {"", "PERSON"} \
                and NAME_WORD.match(word.text) and not word.text.endswith(".") and not is_thing_name(word) \
                and word.lower_ not in QUANTIFIERS and (word.ent_type_ == "PERSON" or is_given_name(word) or any(
                    t.dep_ == "compound" and t.pos_ == "PROPN" for t in word.lefts)
                    or word.lower_ not in lexicon.common_nouns()):  # "Town had led" names no one
            name, _ = clean_name(self.doc[word.left_edge.i:word.i + 1])
            if is_company_word(word):  # "Glenmore Homes wants to build ...": a business
                return Speaker(body_name(self.doc[word.left_edge.i:word.i + 1]), None, "organisation")
            person = self.named(self.doc[word.left_edge.i:word.i + 1])
            return person.speaker() if person else Speaker(name or word.text, None, "person")
        return None

    def description_at(self, word: Token) -> Speaker | None:
        """Who a role description names: a definite one ("the governor") follows the person before it."""
        if word.i not in self.descriptions:
            self.descriptions[word.i] = None  # a description never stands for itself
            mention = self.doc[word.left_edge.i:word.i + 1]
            resolution = self.described(mention, follow=mention[0].lower_ in {"the", "this", "that"})
            self.descriptions[word.i] = resolution.speaker if resolution else None
        return self.descriptions[word.i]

    def quoted(self, word: Token) -> bool:
        """Whether a word stands inside a quotation (or is one of its marks)."""
        return self.article.quoted(word)

    def paragraph(self, token_index: int) -> int:
        """Paragraph number of a token."""
        return self.article.paragraphs.index(self.doc[token_index].idx)

    def group(self, token: Token) -> Speaker | None:
        """The organisation or group an "it" or "they" stands for: the nearest earlier one that spoke or is a subject."""
        plural = token.lower_ != "it"
        said_here = self.group_speaking_in_the_sentence(token, plural)
        if said_here is not None:
            return said_here  # "Union officials said the rise, which, they argued, was a cut": the officials
        for i, word in self.recent_words(token):
            if i in self.spoken and word.pos_ != "PRON":
                if speaks_as_group(self.spoken[i], word, plural):
                    return self.spoken[i]
                continue
            if not plural and is_subject(word) and self.inside_words_reported(word):
                continue  # ("The memo warned that [the city] could face ...": what was said of it, not a speaker)
            if is_subject(word) and (names_group(word, plural) or not plural and self.text_speaking(word)):
                resolution = self.resolve(self.doc[group_start(word):word.i + 1])
                if resolution is not None and resolution.speaker.kind != "person":
                    return resolution.speaker
        return None

    def inside_words_reported(self, word: Token) -> bool:
        """Whether a subject is of a clause a speech verb reports (``ccomp``), that verb's subject before it."""
        clause = word.head
        return clause.dep_ == "ccomp" and has_speech_lemma(self.article, clause.head) and any(
            subject.i < word.i for subject in self.article.children(clause.head, "nsubj"))

    def text_speaking(self, word: Token) -> bool:
        """Whether a word names a text that is the subject of a speech verb ("The memo warned that ... It
        recommended"): what the next "it" stands for."""
        return word.pos_ == "NOUN" and is_document_noun(word) and word.dep_ == "nsubj" \
            and has_speech_lemma(self.article, word.head)

    def group_speaking_in_the_sentence(self, token: Token, plural: bool) -> Speaker | None:
        """The organisation or group whose statement an it or they speaking in the same sentence is set into."""
        if token.dep_ != "nsubj" or token.head.dep_ not in {"parataxis", "relcl", "advcl", "ccomp"}:
            return None
        start = max(self.article.sentences[self.article.sentence_of(token)].start, token.i - SAID_HERE_TOKENS)
        for i in range(token.i - 1, start - 1, -1):
            speaker = self.spoken.get(i)
            if speaker is not None and self.doc[i].pos_ != "PRON" and speaks_as_group(speaker, self.doc[i], plural):
                return speaker
        return None

    def last_person(self, token: Token) -> Speaker | None:
        """The most recent person who spoke before the token, within a few paragraphs."""
        here = self.paragraph(token.i)
        for at, speaker in reversed(self.history[:bisect_left(self.history, token.i, key=lambda item: item[0])]):
            if here - self.paragraph(at) > RECENT_PARAGRAPHS:
                return None  # the history is in text order: all the rest lie further back
            if speaker.kind in PEOPLE:
                return speaker
        return None

    def coref(self, token: Token) -> Speaker | None:
        """What coreferee resolves the token to, as a speaker.

        Coreferee runs on the few paragraphs that end with the token (it is
        the costliest step of the pipeline), unless the Doc already has chains.
        """
        target = self.antecedent(token)
        if target is None:
            return None
        span = self.doc[target.left_edge.i:target.i + 1] if target.pos_ == "NOUN" else self.doc[target.i:target.i + 1]
        found = self.named(span)
        if found is not None:
            return found.speaker()
        if target.pos_ == "NOUN":
            resolution = self.described(span, follow=False)
            return resolution.speaker if resolution else None
        return None

    def coref_window(self, token: Token) -> tuple[int, int]:
        """The tokens coreferee reads for a pronoun: up to ``COREF_TOKENS`` before it in the recent text and to the
        end of its sentence, with at most ``COREF_PRONOUNS`` pronouns (its work grows with their cube: a paragraph
        of 80 "she told reporters:" took it 8 s a pronoun); with more, the nearest ones up to the pronoun."""
        first = max(self.recent_start(token), token.i - COREF_TOKENS)
        end = min(self.article.sentences[self.article.sentence_of(token)].end, token.i + COREF_TOKENS)
        pronouns = [t.i for t in self.doc[first:end] if t.pos_ == "PRON"]
        if len(pronouns) <= COREF_PRONOUNS:
            return first, end
        before = [i for i in pronouns if i <= token.i][-COREF_PRONOUNS:]
        return max([first, *before[:1]]), token.i + 1

    def antecedent(self, token: Token) -> Token | None:
        """The token coreferee resolves ``token`` to, in this Doc."""
        doc, offset = self.doc, 0
        if not doc.has_extension("coref_chains") or doc._.coref_chains is None:
            if self.run_coref is None or self.coref_runs >= COREF_RUNS:
                return None
            self.coref_runs += 1
            first, end = self.coref_window(token)
            offset, doc = first, doc[first:end].as_doc()
            self.run_coref(doc)
        try:
            resolved = doc._.coref_chains.resolve(doc[token.i - offset]) if doc._.coref_chains else None
        except (IndexError, KeyError, ValueError):
            return None
        return self.doc[resolved[0].i + offset] if resolved else None

    # -- descriptions

    def described(self, mention: Span, follow: bool = True) -> Resolution | None:
        """"The harbour official": the person whose role matches, else the description itself.

        With ``follow``, a definite description of a person ("the senator")
        that matches no role is the nearest earlier subject who could be it.
        """
        words = {t.lower_ for t in mention if not t.is_punct and t.lower_ not in DETERMINERS}
        indefinite = mention[0].lower_ in {"a", "an", "one", "another"}
        plural = mention.root.tag_ in {"NNS", "NNPS"}
        if follow and is_person_noun(mention.root) and kept_unnamed(mention.root):
            follow = False  # "the site engineer, who declined to be named, said": no one named before
        led_by_a = indefinite or mention.root.left_edge.lower_ in {"a", "an"}  # "A ROGUE roofer who ..."
        if follow and led_by_a and not plural and is_person_noun(mention.root) and self.in_lede(mention):
            person = self.by_role(mention, words)  # "..., a coroner has concluded": whom the story calls the coroner,
            if person is not None and not holds_every_word(person, mention):
                person = None  # (not "a spokesperson for the hospital" for the opposition's health spokesperson)
            named = person.speaker() if person is not None else self.named_next(mention)  # else the next subject
            if named is not None:
                return Resolution(named, "lede")
        if not indefinite and is_aged(mention.root):
            age = age_of(mention.root)
            aged_so = list({id(person): person for person in self.people.all()
                            if age in person.ages and person.first < mention.start}.values())  # (each person once)
            if len(aged_so) == 1:
                return Resolution(aged_so[0].speaker(), "role")  # "the 34-year-old": whom the article gave that age
        if follow and mention[0].lower_ in DEFINITE and not plural and len(words) == 1:
            introduced = self.introduced_as(mention)
            if introduced is not None:
                return Resolution(introduced, "description-subject")
        if not indefinite and not plural:
            person = self.by_role(mention, words)
            if person is not None:
                return Resolution(person.speaker(), "role")
            owned = any(t.dep_ == "poss" for t in mention)  # "her spokesman", "Smith's doctor": someone else
            if follow and is_person_noun(mention.root) and not owned:
                salient = self.salient(mention.root, named=is_aged(mention.root))
                if salient is not None and holds_another_role(salient.speaker, mention):
                    salient = self.salient(mention.root, named=is_aged(mention.root), besides=salient.speaker)
                    if salient is None or salient.how != "pronoun":
                        salient, follow = None, False  # ("The returning officer declared" after "Health minister
                        # Jo Smith lost": not the minister, nor the nearest name that is no subject)
                if salient is not None and salient.speaker in self.commanding(mention.root):
                    salient, follow = None, False  # "Jo Smith said the driver had shouted ...": not Jo Smith
                if salient is not None and not holds_another_role(salient.speaker, mention):
                    how = "description-subject" if salient.how == "pronoun" else "description-nearest"
                    return Resolution(salient.speaker, how)
                last = self.last_person(mention.root) if follow else None
                if last is not None and not holds_another_role(last, mention):
                    return Resolution(last, "last-speaker")
        if follow and not indefinite and mention[0].lower_ in DEFINITE and is_document_noun(mention.root):
            author = self.document_author(mention.root)
            if author is not None:
                return Resolution(author, "document-author")
        if follow and not indefinite and not plural and mention[0].lower_ in DEFINITE:
            body = self.body_named_before(mention)
            if body is not None:
                return Resolution(body, "description-organisation")
        if not words or not can_speak(mention.root):
            return None
        kind = "unnamed" if is_person_noun(mention.root) or mention.root.pos_ == "PROPN" else "organisation"
        if any(e.label_ in GROUPS for e in self.article.entities(mention)) and not is_person_noun(mention.root):
            kind = "organisation"
        if is_document_noun(mention.root) and not is_person_noun(mention.root):
            kind = "document"
        return Resolution(Speaker(description(mention), None, kind), "description")

    def handle_beside(self, head: Token) -> Speaker | None:
        """The user name an online account goes by, written after a description of a person ("one user,
        u/late_train", "a fan account, @tidewatchers", "a user posting as u/pinecone_dad"): the one handle in the
        description's phrase, else None."""
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        if head.pos_ != "NOUN" or not can_speak(head):
            return None
        end = head.right_edge.idx + len(head.right_edge)
        found = HANDLE.findall(self.article.text, head.idx + len(head), end)
        return Speaker(found[0], None, "person") if len(found) == 1 else None

    def introduced_as(self, mention: Span) -> Speaker | None:
        """Who "the spokesperson" (or what "the memo") is when "a spokesperson for the hospital" spoke just before,
        unnamed: the speaker the same noun introduced (not a party's spokesperson the article names later)."""
        noun = mention.root.lemma_.lower()
        for _, word in self.recent_words(mention.root):
            if word.lemma_.lower() != noun or word.tag_ != mention.root.tag_ or word.left_edge.lower_ not in {"a", "an"}:
                continue
            speaker = next((self.spoken[k] for k in range(word.i, word.right_edge.i + 1) if k in self.spoken), None)
            if speaker is not None and speaker.kind in {"unnamed", "document"}:
                return speaker
        return None

    def commanding(self, word: Token) -> set[Speaker]:
        """Whom the subjects of the clauses a word stands in name: a description there is none of them ("Jo Smith
        said [the driver] had shouted", "the witness told police [the singer] ..."), whoever a he or she may be; a
        relative, adverbial or appositive clause is no clause the word stands in ("Rep. Jo Smith called for a
        ban, which the congresswoman said ...")."""
        found, child = set(), word
        for _ in range(CLIMB_LIMIT):
            if child.dep_ in SET_APART or child.head.i == child.i:
                break
            subjects = [] if child.dep_ in {"nsubj", "nsubjpass"} else self.article.children(  # (not a second subject
                child.head, "nsubj", "nsubjpass")  # the parse gave the word's own verb: "Jo Smith, the mayor, said")
            for subject in subjects:
                if in_subtree(word, subject):
                    continue
                for token in subject.subtree:
                    speaker = self.spoken.get(token.i) or (self.speaker_at(token) if token.i != word.i else None)
                    if speaker is not None:
                        found.add(speaker)
            child = child.head
        return found

    def up_to_the_lede(self, mention: Span) -> bool:
        """Whether a mention is in the story's first paragraph of prose or above it (a headline, a standfirst)."""
        lede = self.article.lede()
        return lede is None or self.paragraph(mention.start) <= lede

    def in_lede(self, mention: Span) -> bool:
        """Whether a mention is in the story's first paragraph of prose (``ArticleContext.lede``)."""
        return self.paragraph(mention.start) == self.article.lede()

    def named_next(self, mention: Span) -> Speaker | None:
        """The person a lede's "A councillor has accused ..." stands for: the subject the next paragraph names
        ("Cr Jo Smith told the meeting ..."), of the description's gender."""
        here = self.paragraph(mention.start)
        if here + 1 >= len(self.article.paragraphs):
            return None
        gender = noun_gender(mention.root.lower_)
        named = self.article.cached("named-subjects", here + 1, self.named_subjects)
        return next((speaker for speaker in named if gender is None or self.fits(speaker, gender)), None)

    def named_subjects(self, paragraph: int) -> list[Speaker]:
        """The people a paragraph names as subjects, in order (read once per paragraph)."""
        words = self.article.span(*self.article.paragraphs[paragraph])
        found = []
        for word in words if words is not None else ():
            if word.pos_ == "PROPN" and word.dep_ in {"nsubj", "nsubjpass"} and not self.quoted(word):
                person = self.named(self.doc[group_start(word):word.i + 1])
                if person is not None:
                    found.append(person.speaker())
        return found

    def body_named_before(self, mention: Span) -> Speaker | None:
        """The organisation a definite description of a body stands for ("the union", "the lender").

        The nearest earlier organisation whose name holds the noun ("the
        union": "Seafarers' Union"), anywhere before it; for a noun that names
        a business ("the lender", "the carrier"), else the nearest organisation
        that spoke or was a subject in the recent sentences, else the nearest
        one named there.
        """
        head = mention.root
        noun = head.lemma_.lower()
        if head.pos_ != "NOUN" or not is_group_noun(head) or is_person_noun(head) and noun not in lexicon.body_nouns():
            return None  # ("the developer", "the maker": a person's trade, or a business)
        holding = self.body_holding(noun, mention.start)
        if holding is not None and not another_of_its_kind(mention, holding):
            return holding
        if noun in self.described_bodies and not another_of_its_kind(mention, self.described_bodies[noun]):
            return self.described_bodies[noun]  # "the lender" once, "the lender" again
        if noun not in lexicon.body_nouns():
            return None
        sentence = self.article.sentence_of(mention[0])
        named = None  # the nearest organisation named in another role ("booked through BlueWave Holidays")
        for i, word in self.recent_words(mention[0]):
            if self.article.sentence_of(word) < sentence - BODY_SENTENCES:
                break
            body = self.spoken.get(i) if i in self.spoken else self.body_at(word)
            if body is not None and (another_of_its_kind(mention, body) or is_no_business(body) or i in self.cited):
                continue  # (not a body whose data an article cites: "the company said" is the company's)
            if body is not None and body.kind == "organisation" and (i in self.spoken or self.names_subject(word)):
                self.described_bodies[noun] = body
                return body
            if named is None and body is not None and body.kind == "organisation" and word.ent_type_ == "ORG":
                named = body
        named = named or self.body_spoken_recently(mention) or self.body_named_in_lede(mention)
        if named is not None and another_of_its_kind(mention, named):
            return None
        if named is not None:
            self.described_bodies[noun] = named
        return named

    def body_named_in_lede(self, mention: Span) -> Speaker | None:
        """For a description above the story ("*Shares fall after the home-goods chain says ...*"): the first
        organisation the lede names as a subject."""
        lede = self.article.lede()
        if lede is None or self.paragraph(mention.start) >= lede:
            return None
        paragraph = self.article.span(*self.article.paragraphs[lede])
        for ent in self.article.entities(paragraph) if paragraph is not None else ():
            if ent.label_ == "ORG" and ent.root.dep_ in {"nsubj", "nsubjpass"} and not self.quoted(ent.root):
                return Speaker(description(ent), None, "organisation")
        return None

    def document_author(self, head: Token) -> Speaker | None:
        """Who spoke in a text the article named before, then "the statement said": whom that text names as its
        author ("A statement from the Pelling family", "read a statement on behalf of the family"), who issued it
        ("The family issued a statement"), who spoke in it ("In a statement read to the court, she said")."""
        lemma = head.lemma_.lower()
        for _, word in self.recent_words(head):
            if word.lemma_.lower() != lemma:
                continue
            if word.dep_ == "pobj" and word.head.dep_ == "prep":
                spoke = next((self.spoken[i] for subject in self.article.children(word.head.head, "nsubj")
                              for i in (subject.right_edge.i, subject.i) if i in self.spoken), None)  # (where the
                # speaker's mention ends: "the Ministry of Transport and Logistics said in a statement")
                if spoke is not None:
                    return spoke  # "In a statement signed by its secretary, the party said": the party's
            author = text_author(word) if lemma in ON_BEHALF else None
            if author is not None:
                found = self.resolve(author)
                if found is not None:
                    return found.speaker
            if word.dep_ == "dobj" and word.head.lemma_.lower() in ISSUING and lemma in ON_BEHALF:
                subjects = self.article.children(word.head, "nsubj")
                found = self.resolve(self.doc[subjects[0].left_edge.i:subjects[0].i + 1]) if subjects else None
                if found is not None:
                    return found.speaker
        return None

    def body_spoken_recently(self, mention: Span) -> Speaker | None:
        """The last organisation that spoke (itself or through a spokesperson) in the recent paragraphs."""
        spoken = self.bodies_spoken[:bisect_left(self.bodies_spoken, mention.start, key=lambda item: item[0])]
        for at, body in reversed(spoken):
            if self.paragraph(mention.start) - self.paragraph(at) > RECENT_PARAGRAPHS:
                return None
            if not is_no_business(body):
                return body  # (not "the minister's office" that spoke since)
        return None

    def body_holding(self, noun: str, before: int) -> Speaker | None:
        """The nearest organisation named before a token whose proper name holds the noun ("Seafarers' Union")."""
        spoken = self.bodies_spoken[:bisect_left(self.bodies_spoken, before, key=lambda item: item[0])]
        named = self.bodies_by_noun.get(noun, [])
        named = named[:bisect_left(named, before, key=lambda item: item[0])]
        holding = [(at, who) for at, who in [*spoken[-20:], *named[-1:]]
                   if noun in name_words(who.name) and is_proper_name(who.name)]
        return max(holding, key=lambda item: item[0])[1] if holding else None

    def body_begun_by(self, mention: Span) -> Speaker | None:
        """The organisation named before whose name starts with the one name written ("Quillon Devices ... Quillon
        said"), where that name is no given name and no surname of the article's people."""
        head = mention.root
        if len(mention) != 1 or head.pos_ != "PROPN" or is_given_name(head) or self.is_known_surname(head):
            return None
        body = self.body_holding(head.lower_, head.i)
        return body if body is not None and body.name.split()[0].lower() == head.lower_ else None

    def body_spelled_out(self, mention: Span) -> Speaker | None:
        """The organisation named in full before whose initials an acronym is ("the Irish Nursing and Midwifery
        Union ... the HNWU said")."""
        head = mention.root
        if len(mention) > 2 or not (head.is_upper and head.is_alpha and 2 <= len(head.text) <= 8):
            return None
        earlier = [body for nouns in self.bodies_by_noun.values() for at, body in nouns if at < head.i] + [
            body for at, body in self.bodies_spoken if at < head.i]
        return next((body for body in earlier if "".join(word[0] for word in body.name.split()
                                                         if word[:1].isupper()) == head.text), None)

    @cached_property
    def bodies_by_noun(self) -> dict[str, list[tuple[int, Speaker]]]:
        """The organisations the article names, in text order, under each word of their names."""
        named = {run.end - 1: Speaker(run.text, None, "organisation") for run in name_runs(self.doc)
                 if len(run.text.split()) > 1 and run.root.ent_type_ in {"", "ORG", "FAC", "WORK_OF_ART"}
                 and run[-1].lower_ not in self.people and not self.quoted(run[0])}  # "Evening Lantern"
        found = defaultdict(list)
        for word in self.doc:
            body = self.body_at(word) or named.get(word.i)
            if body is not None:
                for noun in name_words(body.name):
                    found[noun].append((word.i, body))
        return found

    def body_at(self, word: Token) -> Speaker | None:
        """The organisation whose name ends with this word: an ORG entity, or a name the tagger missed as a subject."""
        doc = self.doc
        if word.pos_ != "PROPN" or self.quoted(word) or word.i + 1 < len(doc) and (
                doc[word.i + 1].ent_iob_ == "I" or doc[word.i + 1].dep_ == "compound" and doc[word.i + 1].pos_ == "PROPN"
                or is_role_word(doc[word.i + 1]) and doc[word.i + 1].text[:1].isupper()):
            return None  # (nor the first words of a title: "its State Publicity Secretary")
        tagged = word.ent_type_ == "ORG" and not (group_start(word) == word.i and self.is_known_surname(word)) \
            or is_company_word(word)  # (not a person's surname alone, tagged a body: "whether Ostrowski would")
        untagged = not word.ent_type_ and word.dep_ in {"nsubj", "nsubjpass"} and not self.is_known_surname(word) \
            and any(t.dep_ in {"compound", "poss"} and t.pos_ == "PROPN" for t in word.lefts)
        if not (tagged or untagged) or self.in_dateline(word):
            return None
        name = doc[group_start(word) if tagged else word.left_edge.i:word.i + 1]
        return Speaker(description(name), None, "organisation")

    def names_subject(self, word: Token) -> bool:
        """Whether the name ending with this word is a subject ("Carrow & Lund has agreed": the conjunction too)."""
        root = self.doc[group_start(word):word.i + 1].root
        return is_subject(root) or root.dep_ == "conj" and is_subject(root.head)

    def in_byline(self, word: Token) -> bool:
        """Whether a word lies in a byline: a short paragraph opening with "By" ("By Jo Smith, Court Reporter")."""
        return self.article.cached("byline", self.article.paragraph_of(word), self.is_byline)

    def is_byline(self, paragraph: int) -> bool:
        start, end = self.article.paragraphs[paragraph]
        text = self.article.text
        return end - start < BYLINE_CHARS and text[start:start + 3].lower() == "by " \
            and len(text[start:end].split()) <= BYLINE_WORDS

    def in_dateline(self, word: Token) -> bool:
        """Whether a word lies in the dateline that opens its paragraph ("GENEVA (Wire) - ")."""
        paragraph = self.article.paragraph_of(word)
        end = self.article.cached("dateline-end", paragraph, lambda p: self.article.paragraphs[p][0] + sources.dateline_length(
            self.article.text[self.article.paragraphs[p][0]:self.article.paragraphs[p][0] + DATELINE_CHARS]))
        return word.idx < end

    def by_initials(self, mention: Span) -> Person | None:
        """The person named before whose role ends in the words a definite abbreviation spells, nearest first ("the
        CS" after "Transport Cabinet Secretary Amina Odede", "the DA" after "District Attorney Jo Vale")."""
        head = mention.root
        if not (mention[0].lower_ == "the" and len(mention) == 2 and head.is_upper and head.is_alpha
                and 2 <= len(head.text) <= MOST_INITIALS):
            return None
        holders = [person for person in self.people.all() if person.first < mention.start and any(
            "".join(word[:1] for word in role.split()[-len(head.text):]).upper() == head.text
            and len(role.split()) >= len(head.text) for role in person.roles)]
        return max(holders, key=lambda person: person.first, default=None)

    def by_role(self, mention: Span, words: set[str]) -> Person | None:
        """The person whose role shares most words with a description, nearest first, named before it first."""
        head = mention.root.lower_
        best, best_score = None, 0
        for person in self.people.all():
            roles = [role for role in [*person.roles, *person.descriptions] if not another_office(role, words)]
            written = {w for role in [*roles, *person.titles] for w in role_words(role)}
            heads = {role_head(role) for role in roles} | {  # (or the wider noun of a title: "Det Insp", "the officer")
                title_kind(role.split()[-1]) for role in [*roles, *person.titles] if role.split()}
            if head not in heads and mention.root.lemma_.lower() not in heads:
                continue
            later = person.first > mention.start  # named after the description: only a lede's "the inspector" points ahead
            score = len(words & written) * 10 - abs(person.first - mention.start) / 1000 - later * 5
            if score > best_score:
                best, best_score = person, score
        return best
