"""Quotes inside quotes: "She stopped and said, 'Who is going to clean this?'", inside someone's quote.

The inner words are said by the subject of the speech verb that governs
them inside the outer quote; the outer quote's speaker relays them (the
reporter). Words the quoted person quotes from themselves ("I told him,
'no'") are theirs already. A quotation inside a quote with no speech verb
over it (a name, a scare quote: "we called it 'the tunnel'") is no
statement.
"""
from __future__ import annotations

from spacy.tokens import Token

from extract.context import ArticleContext
from extract.cues import Cue, rule
from extract.grammar import CLIMB_LIMIT, has_speech_lemma, noun_phrase

CLIMB = {"conj", "xcomp", "advcl"}  # "she stopped and said": the subject of the verb before
FIRST_PERSON = {"i", "we"}  # "I told him, 'no'": the quoted person quoting themselves, in their own words
OBJECT_PRONOUNS = {"me", "him", "her", "us", "them"}  # a subject only in a misparse
NAMING_VERBS = {"call", "dub", "term", "label", "name", "describe"}  # verbs that give a name, said by no one
NAMING = {"oprd", "attr", "appos", "npadvmod", "acomp"}  # "call it 'the tunnel'": the quotation names, no one says it


@rule("nested-quote", confidence=0.8, method="subject")
def nested_cue(article: ArticleContext, inner: tuple[int, int], outer: tuple[int, int]) -> Cue | None:
    """The speech verb inside the quote ``outer`` that governs the quotation ``inner``, and its subject."""
    words = article.span(*inner)
    if words is None:
        return None
    for root in (token for token in words if not inner[0] <= token.head.idx < inner[1]):
        verb = governing_verb(article, root, inner, outer)
        subject = subject_of(verb) if verb is not None else None
        if subject is not None and outer[0] <= subject.idx < outer[1] and not inner[0] <= subject.idx < inner[1] \
                and subject.lower_ not in OBJECT_PRONOUNS | FIRST_PERSON:
            return Cue(article.doc[verb.i:verb.i + 1], noun_phrase(subject))
    return introducing_verb(article, words, outer)


def introducing_verb(article: ArticleContext, words, outer: tuple[int, int]) -> Cue | None:
    """The speech verb just before the quotation, only whom it was said to and punctuation between, when the parse
    hung the quotation elsewhere: "He once told me, 'You make pots like ...'"."""
    i = words.start - 1
    while i >= 0 and (article.doc[i].is_punct or article.doc[i].lower_ in OBJECT_PRONOUNS) and article.doc[i].idx >= outer[0]:
        i -= 1
    verb = article.doc[i] if i >= 0 and article.doc[i].idx >= outer[0] else None
    if verb is None or not has_speech_lemma(article, verb) or verb.lemma_.lower() in NAMING_VERBS:
        return None  # "what they called 'the comeback of the decade'": a name given
    subject = subject_of(verb)
    if subject is None or not outer[0] <= subject.idx or subject.lower_ in OBJECT_PRONOUNS | FIRST_PERSON:
        return None
    return Cue(article.doc[verb.i:verb.i + 1], noun_phrase(subject))


def governing_verb(article: ArticleContext, token: Token, inner: tuple[int, int], outer: tuple[int, int]) -> Token | None:
    """The nearest speech verb above ``token`` inside the outer quote and outside the inner one, that the words
    are said with, not a name given with ("we call it 'the tunnel'")."""
    for _ in range(CLIMB_LIMIT):
        if token.head.i == token.i:
            return None
        below, token = token, token.head
        if not outer[0] <= token.idx < outer[1]:
            return None
        if not inner[0] <= token.idx < inner[1] and has_speech_lemma(article, token):
            return token if below.dep_ not in NAMING else None
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is joined to ("she stopped and said")."""
    for _ in range(3):
        subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if verb.dep_ not in CLIMB or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None
