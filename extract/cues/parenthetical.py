"""A speech verb set into the sentence it reports: "It cost, Asante says, about a third of ...".

The speaker and the verb stand between commas inside the sentence; the
words around them are the statement, in two pieces ("It cost" and "about a
third of ..."). When the words after them open with "that", what comes
before is the speaker's own frame ("She worries, she says, that people will
..."), and the statement is the clause after. Speech refused, put to the
speaker or only supposed is left out (``unsaid``), and so is a sentence
with quote marks (the quote rules read those).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from extract.context import ArticleContext
from extract.cues import Cue, Unquoted, rule, unsaid
from extract.grammar import cue_span, is_speech_verb, noun_phrase, without_spaces

MOST_SPEAKER_TOKENS = 4  # "Asante", "she", "the mayor", "Jo Smith's lawyer"
LEAST_BEFORE_TOKENS = 2  # "It cost", "He was"
LEAST_AFTER_TOKENS = 3
TRAILING = {".", "!", "?", ";", ":", "\n"}


@rule("parenthetical", confidence=0.85, method="subject", introduces=True)
def parenthetical_reports(article: ArticleContext) -> list[Unquoted]:
    """Speech verbs set between commas into a sentence outside quotes: the words around them, and their cue."""
    found = []
    for verb in article.doc:
        if not is_speech_verb(article, verb) or article.quoted(verb) or unsaid.reports_nothing(article, verb):
            continue
        subject = next((c for c in article.children(verb, "nsubj") if c.i < verb.i), None)
        pieces = set_into(article, verb, subject) if subject is not None else None
        if pieces is not None:
            found.append(Unquoted(pieces, Cue(cue_span(article, verb), noun_phrase(subject))))
    return found


def set_into(article: ArticleContext, verb: Token, subject: Token) -> tuple[Span, ...] | None:
    """The words of the sentence around ", SUBJECT VERB,", when the verb stands so; else None."""
    doc = verb.doc
    first = subject.left_edge.i
    after_verb = verb.i + 1
    while after_verb < len(doc) and doc[after_verb].head == verb and doc[after_verb].dep_ in {"advmod", "prt"} \
            and doc[after_verb].text != ",":
        after_verb += 1  # "she says now,"
    if verb.i - first >= MOST_SPEAKER_TOKENS or first == 0 or after_verb >= len(doc):
        return None
    if doc[first - 1].text != "," or doc[after_verb].text != ",":
        return None
    sentence = doc[verb.i].sent
    end = sentence.end
    while end > after_verb + 1 and (doc[end - 1].is_space or doc[end - 1].text in TRAILING):
        end -= 1
    before = without_spaces(doc[sentence.start:first - 1])
    after = without_spaces(doc[after_verb + 1:end])
    if len(before) < LEAST_BEFORE_TOKENS or len(after) < LEAST_AFTER_TOKENS:
        return None
    pieces = (after,) if after[0].lower_ == "that" else (before, after)
    if any(article.quoted.overlaps(piece.start_char, piece.end_char) for piece in pieces):
        return None
    return pieces
