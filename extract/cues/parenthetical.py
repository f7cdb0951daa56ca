"""A speech verb set into the sentence it reports: "It cost, Haldane says, about a third of ...".

The speaker and the verb ("Haldane says") or an account ("by her account",
"in Smith's words") stand between commas inside the sentence; the
words around them are the statement, in two pieces ("It cost" and "about a
third of ..."). When the words after them open with "that", what comes
before is the speaker's own frame ("She worries, she says, that people will
..."), and the statement is the clause after. Speech refused, put to the
speaker or only supposed is left out (``unsaid``), and so is a sentence
with quote marks (the quote rules read those). A source phrase ("according
to X", "per X") may also open or close the sentence it reports.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from extract.context import ArticleContext
from extract.vocabulary import points_back, speaks
from extract.cues import Cue, Unquoted, rule, unsaid
from extract.cues.verbs import speaker_of
from extract.grammar import (
    RELATIVE, cue_span, is_speech_verb, noun_phrase, past_abbreviated_title, without_dateline, without_possessive, without_spaces)

MOST_SPEAKER_TOKENS = 4  # "Haldane", "she", "the mayor", "Jo Smith's lawyer"
LEAST_BEFORE_TOKENS = 2  # "It cost", "He was"
LEAST_AFTER_TOKENS = 3
TRAILING = {".", "!", "?", ";", ":", "\n"}
SUBORDINATE = {"as", "while", "when", "whereas", "although", "though", "after", "before", "since"}
TITLE_JOINS = {"of", "for", "and", "&"}  # small words inside a title before a name ("Chamber of Commerce director")
EDGE_PHRASES = {"according", "per"}  # source phrases that may open or close the sentence they report
ACCOUNTS = {"account", "word", "telling", "recollection", "recounting"}  # "by her account", "in Smith's words"


@rule("parenthetical", confidence=0.85, method="subject", introduces=True)
def parenthetical_reports(article: ArticleContext) -> list[Unquoted]:
    """Speech verbs ("she says") and accounts ("by her account") set between commas into a sentence outside
    quotes: the words around them, and their cue."""
    found = []
    for token in article.doc:
        if article.quoted(token):
            continue
        speaker, aside, cue = said_aside(article, token) or account_aside(token) or according_aside(article, token) or (None,) * 3
        pieces = around(article, aside) if aside is not None else None
        if pieces is not None:
            found.append(Unquoted(pieces, Cue(cue, speaker)))
    return found


def said_aside(article: ArticleContext, verb: Token) -> tuple[Span, Span, Span] | None:
    """ ", SUBJECT VERB," ("It cost, Haldane says, ..."): the speaker, the words set aside and the cue, else None."""
    if not is_speech_verb(article, verb) or unsaid.reports_nothing(article, verb):
        return None
    subject = next((c for c in article.children(verb, "nsubj") if c.i < verb.i), None)
    if subject is None or verb.i - subject.left_edge.i >= MOST_SPEAKER_TOKENS:
        return None
    if any(c.i > verb.i for c in article.children(verb, "conj")) or any(
            c.i < subject.i for c in article.children(verb, "advcl")):
        return None  # the sentence's own verb: "Asked whether she will retire, she laughs, and then stops laughing"
    doc, end = verb.doc, verb.i + 1
    while end < len(doc) and doc[end].head == verb and doc[end].dep_ in {"advmod", "prt"} and doc[end].text != ",":
        end += 1  # "she says now,"
    return noun_phrase(subject), doc[subject.left_edge.i:end], cue_span(article, verb)


def account_aside(noun: Token) -> tuple[Span, Span, Span] | None:
    """ ", by her account," or ", in Smith's words,": the speaker, the words set aside and the cue, else None."""
    if noun.lemma_.lower() not in ACCOUNTS or noun.dep_ != "pobj" or noun.head.lower_ not in {"by", "in"}:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or noun.head.i != owner.left_edge.i - 1 or noun.i != owner.i + 1 + (owner.doc[owner.i + 1].dep_ == "case"):
        return None
    aside = noun.doc[noun.head.i:noun.i + 1]
    return without_possessive(noun_phrase(owner)), aside, aside


def according_aside(article: ArticleContext, word: Token) -> tuple[Span, Span, Span] | None:
    """ ", according to people familiar with the matter," or ", per a company spokesperson,": the source, the words
    set aside and the cue, else None. "Per" names a source only before one who can speak ("per share", "per cent"
    do not)."""
    doc = word.doc
    if word.lower_ == "according" and word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "to":
        cue = doc[word.i:word.i + 2]
    elif word.lower_ == "per" and word.pos_ == "ADP":
        cue = doc[word.i:word.i + 1]
    else:
        return None
    source = next((c for c in cue[-1].children if c.dep_ == "pobj"), None)
    named = past_abbreviated_title(source) if source is not None else None
    if named is not None and named != source:
        return noun_phrase(named), doc[word.i:source.right_edge.i + 1], cue  # "according to Sgt. Lena Brandt"
    if source is None or (cue[0].lower_ == "per" and not speaks(source)) or points_back(source):
        return None  # "According to these figures, ...": words already attributed, to someone else
    aside = doc[word.i:source.right_edge.i + 1]
    return name_beside(article, aside) or noun_phrase(source), aside, cue


def name_beside(article: ArticleContext, aside: Span) -> Span | None:
    """The name set after an aside's source to the end of the sentence ("according to its organiser, the chamber
    director Ola Brandt."): who the source is."""
    doc, sentence = aside.doc, article.sentences[article.sentence_of(aside.root)]
    if aside.end + 1 >= sentence.end or doc[aside.end].text != ",":
        return None
    words = without_spaces(doc[aside.end + 1:sentence.end])
    while len(words) and words[-1].is_punct:
        words = words[:-1]
    if not len(words) or words[-1].pos_ != "PROPN" or any(
            t.pos_ not in {"PROPN", "NOUN", "DET", "ADJ", "PUNCT"} and t.lower_ not in TITLE_JOINS for t in words):
        return None
    return words


def someone_speaks(article: ArticleContext, words: Span) -> bool:
    """Whether a speech verb in the words has a subject who can speak ("The union said ...")."""
    return any(is_speech_verb(article, token) and speaks(speaker_of(article, token)) for token in words)


def speaks_its_words(article: ArticleContext, verb: Token) -> bool:
    """Whether the main verb of the words is a speech verb whose subject can speak, with the clause it reports ("Aldane
    told an investigator that ..."; not "Vandermeer wrote 143 checks")."""
    return is_speech_verb(article, verb) and speaks(speaker_of(article, verb)) and bool(article.children(verb, "ccomp"))


def has_verb(words: Span) -> bool:
    return any(token.pos_ in {"VERB", "AUX"} for token in words)


def around(article: ArticleContext, aside: Span) -> tuple[Span, ...] | None:
    """The words of the sentence around an aside set between commas; only those after it when they open with
    "that" (what comes before is the speaker's frame: "She worries, she says, that ..."); else None.

    A source phrase may also open or close the sentence it reports ("Per the filing, ...", "..., according to
    the ministry."): then the rest of the sentence is the statement.
    """
    doc = aside.doc
    sentence = article.sentences[article.sentence_of(aside.root)]
    end = sentence.end
    while end > aside.end and (doc[end - 1].is_space or doc[end - 1].text in TRAILING):
        end -= 1
    before = without_spaces(doc[sentence.start:max(aside.start - 1, sentence.start)])
    after = without_spaces(doc[min(aside.end + 1, end):end])
    comma_before = aside.start > 0 and doc[aside.start - 1].text == ","
    comma_after = aside.end < len(doc) and doc[aside.end].text == ","
    if aside[0].lower_ in EDGE_PHRASES and not len(before) and comma_after and len(after) >= LEAST_AFTER_TOKENS:
        pieces = (after,)
        if speaks_its_words(article, after.root):
            return None  # "According to a transcript, Aldane told an investigator that ...": Aldane's words, relayed
    elif aside[0].lower_ in EDGE_PHRASES and aside.end >= end and comma_before and len(before) >= LEAST_AFTER_TOKENS:
        pieces = (before,)
        if someone_speaks(article, before):
            return None  # "The union said ..., according to a statement": the statement only relays the union's words
    elif not comma_before or not comma_after or len(before) < LEAST_BEFORE_TOKENS or len(after) < LEAST_AFTER_TOKENS:
        return None
    elif before[-1].pos_ == "CCONJ":
        pieces = (after,)  # "earbuds that clip over the ear and, it says, last 14 hours": only what it vouches for
    elif after[0].lower_ in SUBORDINATE or (not has_verb(after) and before[-1].pos_ not in {"VERB", "AUX"}):
        pieces = (before,)  # "..., police said, as his family appealed ...", "according to its organiser, Jo Smith."
    elif after[0].lower_ == "that" or before[-1].lower_ in RELATIVE or before[-1].pos_ == "SCONJ":
        pieces = (after,)  # "She worries, she says, that ...", "a survey which, she argued, showed ..."
    else:
        pieces = (before, after)
    pieces = tuple(without_dateline(article, piece) for piece in pieces)
    if any(article.quoted.overlaps(piece.start_char, piece.end_char) for piece in pieces):
        return None
    return pieces
