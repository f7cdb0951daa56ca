"""Reported speech without quote marks: "Smith said (that) the port would reopen"."""
from __future__ import annotations

from spacy.tokens import Span, Token

from extract.context import ArticleContext
from extract.cues import Cue, Unquoted, rule, unsaid
from extract.cues.verbs import speaker_of
from extract.grammar import cue_span, in_subtree, is_relative, is_speech_verb, noun_phrase, without_spaces

MIN_CLAUSE_TOKENS = 3


@rule("reported-speech", confidence=0.9, method="subject", introduces=True)
def reported_clauses(article: ArticleContext) -> list[Unquoted]:
    """Speech verbs outside quotes with a reported clause that holds no quote: the clause and its cue."""
    found = []
    for verb in article.doc:
        if not is_speech_verb(article, verb) or article.quoted(verb) or unsaid.reports_nothing(article, verb):
            continue
        subject = speaker_of(article, verb)
        if subject is not None and is_relative(subject):
            subject = subject.head.head  # "a builder who told pensioners ...": the builder
        if subject is None:
            continue
        clauses = [without_spaces(article.doc[c.left_edge.i:c.right_edge.i + 1]) for c in article.children(verb, "ccomp")]
        clauses = [clause for clause in clauses if not hung_on(clause, subject)]
        if not clauses or in_subtree(subject, clauses[0].root):
            continue
        clause = clauses[0]
        if article.quoted.overlaps(clause.start_char, clause.end_char) or len(clause) < MIN_CLAUSE_TOKENS \
                or set_apart(article, clause, subject):
            continue
        found.append(Unquoted((clause,), Cue(cue_span(article, verb, clause.start_char), noun_phrase(subject))))
    return found


def hung_on(clause: Span, subject: Token) -> bool:
    """Whether the parse made the clause the speech verb hangs on its complement: it ends on the preposition or
    conjunction that leads to the speaker ("Shares fall 14% after [the chain says sales slumped]")."""
    return clause[-1].pos_ in {"ADP", "SCONJ"} and clause.end <= subject.left_edge.i


def set_apart(article: ArticleContext, clause: Span, subject: Token) -> bool:
    """Whether a colon or semicolon parts a clause before the speaker from the speaker's sentence
    ("The unions have not helped themselves: Smith called the trial a first step"): the writer's words."""
    if clause.end > subject.i:
        return False
    between = article.doc[clause.end - 1:subject.left_edge.i]
    return any(token.text in {":", ";"} for token in between)
