"""Reported speech without quote marks: "Smith said (that) the port would reopen"."""
from __future__ import annotations

from spacy.tokens import Span, Token

from extract import lexicon
from extract.context import ArticleContext
from extract.cues import Cue, Unquoted, rule, unsaid
from extract.cues.verbs import speaker_of
from extract.vocabulary import could_speak, writer_or_reader
from extract.grammar import (
    ADDRESSING, antecedent, before_a_comment, before_a_second_act, complement_taken_for_relative, cue_span, in_subtree,
    is_relative, is_speech_verb, noun_phrase, parted_by_colon, subject_lent_to_relative, without_dateline,
    without_spaces)

MIN_CLAUSE_TOKENS = 3
MOST_CLAUSE_TOKENS = 100  # a clause reported before its speech verb is shorter
REQUESTS = {"appeal": ("to", "for"), "call": ("on", "upon"), "plead": ("with", "for")}  # verbs of request, their prepositions


@rule("reported-speech", confidence=0.9, method="subject", introduces=True)
def reported_clauses(article: ArticleContext) -> list[Unquoted]:
    """Speech verbs outside quotes with a reported clause that holds no quote: the clause and its cue."""
    found = []
    for verb in article.doc:
        if not (is_speech_verb(article, verb) or is_request_verb(verb)) or article.quoted(verb) \
                or unsaid.reports_nothing(article, verb):
            continue
        subject = speaker_of(article, verb)
        if subject is not None and is_relative(subject):
            subject = antecedent(subject)  # "a builder who told pensioners ...": the builder
        inverted = said_after(article, verb)
        if inverted is not None:
            clause, subject = inverted
            found.append(Unquoted((clause,), Cue(article.doc[verb.i:verb.i + 1], noun_phrase(subject))))
            continue
        if subject is None or not any(c.isalpha() for c in subject.text):
            continue  # (no speaker in a mark: "# Explained: Would a four-day week work?")
        fronted = fronted_report(article, verb, subject)
        if fronted is not None and not writer_or_reader(subject):
            found.append(Unquoted((fronted,), Cue(cue_span(article, verb, fronted.start_char), noun_phrase(subject))))
            continue
        if writer_or_reader(subject):
            continue  # "We asked retirees what they wish they had known": the writer's own voice
        request = requested(article, verb)
        if request is not None and not in_subtree(subject, request.root):
            found.append(Unquoted((request,), Cue(cue_span(article, verb, request.start_char), noun_phrase(subject))))
            continue
        clauses = [without_spaces(article.doc[c.left_edge.i:c.right_edge.i + 1])
                   for c in article.children(verb, "ccomp")] or misparsed_complement(article, verb)
        lent = subject_lent_to_relative(article, verb)  # "Jo Smith, whose mother, Ann, died in May, said ...": the
        clauses = [clause for clause in clauses  # clause the parse took for the report holds its speaker; the words follow
                   if not hung_on(clause, subject) and not run_on(clause, subject) and not participial(article, clause, subject)
                   and not (lent is not None and clause.start <= lent.i < clause.end)
                   and not unsaid.asked_of_the_speaker(article, clause.root)]  # ("Asked whether ..., she laughs")
        if not clauses or in_subtree(subject, clauses[0].root):
            continue
        clause = before_a_comment(before_a_second_act(article, without_dateline(article, clauses[0])))
        if article.quoted.overlaps(clause.start_char, clause.end_char) or len(clause) < MIN_CLAUSE_TOKENS \
                or set_apart(article, clause, subject):
            continue
        found.append(Unquoted((clause,), Cue(cue_span(article, verb, clause.start_char), noun_phrase(subject))))
    return found


def misparsed_complement(article: ArticleContext, verb: Token) -> list[Span]:
    """The reported clause the parse took for a relative clause of the place or time before it ("said [outside the
    courthouse] that her client would appeal", "told the jury during the trial that ..."): a "that" right after
    the noun of a phrase on the verb, opening a clause with a subject of its own; not after a verb that needs no
    words ("spoke at the school that her father founded")."""
    if verb.lemma_.lower() in lexicon.entries("interview_verbs"):
        return []
    places = [place for prep in article.children(verb, "prep") for place in article.children(prep, "pobj")]
    places += [inner for place in places for prep in article.children(place, "prep")
               for inner in article.children(prep, "pobj")]  # ("said in a message [to families] that ...")
    for place in places:
        for clause in article.children(place, "relcl"):
            if complement_taken_for_relative(clause):
                return [without_spaces(clause.doc[clause.left_edge.i:clause.right_edge.i + 1])]
    return []


def is_request_verb(verb: Token) -> bool:
    """A verb of asking someone to act ("appealed to", "called on"), its lemma in ``REQUESTS``."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in REQUESTS


def requested(article: ArticleContext, verb: Token) -> Span | None:
    """What a verb of request asks, and of whom: "appealed to [the council to ensure ...]", "appealed for [more
    volunteers to join the search]", "called on [the council to reopen the pier]"; else None."""
    prepositions = REQUESTS.get(verb.lemma_.lower(), ())
    addressed = article.children(verb, "dobj") if verb.lemma_.lower() in ADDRESSING else []
    for prep in [*article.children(verb, "prep"), *addressed]:  # (or whom it addresses: "advised [the public to
        asked = prep if prep.dep_ == "dobj" else next(  # consider their GP]", "urged residents to leave")
            (c for c in article.children(prep, "pobj")), None) if prep.lower_ in prepositions or prep.dep_ == "dobj" \
            else None
        if asked is None:
            continue
        for action in article.children(verb, "advcl", "xcomp"):
            if action.i > asked.i and any(aux.lower_ == "to" for aux in article.children(action, "aux")):
                span = without_spaces(article.doc[asked.left_edge.i:action.right_edge.i + 1])
                if not article.quoted.overlaps(span.start_char, span.end_char):
                    return span
    return None


def said_after(article: ArticleContext, verb: Token) -> tuple[Span, Token] | None:
    """ "The strike costs the port 4 million euros a week, estimated Ola Brandt, an economist": a speech verb
    after a comma, followed by its speaker, that the parse gave no subject; the sentence before the comma and the
    speaker's head, else None."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or article.children(verb, "ccomp"):
        return None
    sentence = article.sentences[article.sentence_of(verb)]
    head = None
    for token in doc[verb.i + 1:sentence.end]:
        if token.pos_ not in {"DET", "ADJ", "PROPN", "NOUN"}:
            break
        head = token
    if head is None or not could_speak(head) or (head.i + 1 < sentence.end and doc[head.i + 1].text not in {",", "."}):
        return None
    clause = clause_before(article, sentence, verb.i - 1)
    return (clause, head) if clause is not None else None


def clause_before(article: ArticleContext, sentence: Span, comma: int) -> Span | None:
    """The clause from the sentence's start to the comma before the speech act ("The strike costs ..., [estimated]
    ..."), when it is one: a few words with a verb and no quotation; else None."""
    if comma - sentence.start > MOST_CLAUSE_TOKENS:
        return None  # no prose (and a bound on the work in one endless "sentence")
    clause = without_spaces(article.doc[sentence.start:comma])
    if len(clause) < MIN_CLAUSE_TOKENS or article.quoted.overlaps(clause.start_char, clause.end_char) \
            or not any(token.pos_ in {"VERB", "AUX"} for token in clause):
        return None
    return clause


def fronted_report(article: ArticleContext, verb: Token, subject: Token) -> Span | None:
    """ "The clinic will close in July, the government confirmed Wednesday, the third summer in a row ...": the
    clause before the comma that opens the speaker's words, which the parse took for a clause of its own and the
    speech verb for a second one joined to it (no "and" between); else None."""
    head, doc = verb.head, verb.doc
    if verb.dep_ != "conj" or head.i >= subject.left_edge.i or subject.left_edge.i == 0 \
            or doc[subject.left_edge.i - 1].text != "," or any(c.dep_ == "cc" for c in verb.children) \
            or any(c.dep_ == "cc" and c.i > head.i for c in head.children):
        return None
    if head.pos_ not in {"VERB", "AUX"} or not article.children(head, "nsubj", "nsubjpass"):
        return None
    sentence = article.sentences[article.sentence_of(verb)]
    if head.left_edge.i != sentence.start:
        return None
    return clause_before(article, sentence, subject.left_edge.i - 1)


def hung_on(clause: Span, subject: Token) -> bool:
    """Whether the parse made the clause the speech verb hangs on its complement: it ends on the preposition or
    conjunction that leads to the speaker ("Shares fall 14% after [the chain says sales slumped]")."""
    return clause[-1].pos_ in {"ADP", "SCONJ"} and clause.end <= subject.left_edge.i


def run_on(clause: Span, subject: Token) -> bool:
    """Whether a clause before the speaker runs on into the speaker's words with no comma between: no fronted
    report ("The pier is safe, the council said") but the writer's clause the speech verb is a relative clause of
    ("Fenwick Pool was one of four pools the council said it could not afford"), however the parse hangs them."""
    if clause.end > subject.left_edge.i:
        return False  # (checked before the tokens between are sliced: a long paragraph made this quadratic)
    return not any(token.is_punct for token in clause.doc[clause.end:subject.left_edge.i])


def participial(article: ArticleContext, clause: Span, subject: Token) -> bool:
    """Whether a clause before the speaker opens on the participle of a speech verb: a speech act of its own,
    however the parse hangs it ("Claiming the audit was a stunt, the mayor told reporters ...": the mayor claimed
    it, and told them something else; but "Raising taxes would hurt growth, the minister said")."""
    return clause.end <= subject.left_edge.i and clause[0].tag_ == "VBG" and is_speech_verb(article, clause[0])


def set_apart(article: ArticleContext, clause: Span, subject: Token) -> bool:
    """Whether a colon or semicolon parts a clause before the speaker from the speaker's sentence
    ("The unions have not helped themselves: Smith called the trial a first step"): the writer's words."""
    return clause.end <= subject.i and parted_by_colon(article, clause.end - 1, subject.left_edge.i)
