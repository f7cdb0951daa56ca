"""What a statement reports: the whole content around its quoted words.

A mixed quote's words are part of a clause the speaker is reported to have
said ("Lee said the port was \\"not ready\\" for winter"): its content is
that clause, as PolNeAR marks it. It is the part of the parse that hangs
on the cue's verb and holds the quote: the verb's child on the way up
from the quoted words, with everything below it, stretched to the end of
the quote if the quote runs on past it.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from extract.context import ArticleContext
from extract.grammar import CLIMB_LIMIT, has_speech_lemma, is_relative


def reported_clause(article: ArticleContext, verb: Token, start: int, end: int) -> Span | None:
    """The clause of ``verb`` that holds the quoted words ``[start, end)``, or None when the quote hangs elsewhere."""
    words = article.span(start, end)
    if words is None or not len(words):
        return None
    sentence = article.sentences[article.sentence_of(words[0])]
    child = child_towards(verb, words[:sentence.end - words.start].root)  # a quote running on: its first sentence
    if child is None:
        return None
    child = clause_taken_for_relative(child) or child
    first = min(child.left_edge.i, words.start)
    if child.dep_ == "prep" and child.lower_ == "as" or child.dep_ in {"oprd", "dobj"}:
        # "blasted [the mayor as a \"disgrace\"]", "called [the ruling a \"huge win\"]" (or "terming [it] [\"...\"]",
        # parsed as two objects): what it is said of
        first = min([first] + [obj.left_edge.i for obj in article.children(verb, "dobj") if obj.i < child.i])
    last = max(child.right_edge.i + 1, words.end)
    clause = article.doc[first:last]
    return trimmed(clause)


def clause_taken_for_relative(addressee: Token) -> Token | None:
    """The reported clause the parse hung on whom a verb addresses as a relative clause ("told a paramedic [he had
    \"a sore neck\"]"): a clause right after the noun, with a subject of its own and no relative word, else None."""
    if addressee.dep_ not in {"dobj", "dative"} or addressee.head.lemma_.lower() not in TELLING:
        return None
    for clause in addressee.children:
        if clause.dep_ == "relcl" and clause.left_edge.i == addressee.i + 1 and any(
                subject.dep_ in {"nsubj", "nsubjpass"} and not is_relative(subject) and subject.tag_ != "WP"
                for subject in clause.children) and clause.left_edge.lower_ not in {"who", "that", "which", "whom"}:
            return clause
    return None


def past_the_addressee(clause: Span, verb: Token) -> Span:
    """A content without whom the verb tells, where the parse hung the reported clause on them ("told [a
    paramedic] he had \"a sore neck\""): from the reported clause on."""
    for addressee in verb.children:
        reported = clause_taken_for_relative(addressee)
        if reported is not None and clause.start <= addressee.left_edge.i < reported.left_edge.i < clause.end:
            return clause.doc[reported.left_edge.i:clause.end]
    return clause


TELLING = {"tell", "assure", "inform", "remind", "warn", "promise", "reassure"}  # verbs of telling someone something
ADDRESSED = {"prt", "prep", "dative"}  # what follows a speech verb before its words: "warned against", "told them"
ELICITING = {"ask", "approach", "contact", "reach", "question", "press", "interview", "quiz"}
SOURCE_MOST_TOKENS = 30  # a longer expression around a source is no name of it


def source_expression(article: ArticleContext, mention: Span, cue: Span | None) -> Span:
    """The whole expression naming a source, as PolNeAR marks it: the mention's head and all that hangs on it.

    "Jo Smith, a senior adviser to the mayor," rather than "Jo Smith";
    the mention itself where that expression would take in the cue, a quote
    or a whole clause.
    """
    head = mention.root
    relative = relative_subject(article, cue)
    if relative is not None:
        return relative
    whole = trimmed(article.doc[head.left_edge.i:before_the_cue(head, cue) + 1])
    if whole is None or len(whole) > SOURCE_MOST_TOKENS or whole.start > mention.start or whole.end < mention.end:
        return mention
    if cue is not None and whole.start < cue.end and cue.start < whole.end:
        return mention
    if article.quoted.overlaps(whole.start_char, whole.end_char) and not article.quoted.overlaps(
            mention.start_char, mention.end_char):
        return mention
    return whole


def before_the_cue(head: Token, cue: Span | None) -> int:
    """The last word of what hangs on a source's head on its right, short of a branch that holds the cue ("Aaron
    Kall, the director of debate, [compared ...]": the parse hung the verb on the name)."""
    end = head.i
    for child in head.rights:
        if cue is not None and child.left_edge.i <= cue.root.i <= child.right_edge.i:
            break
        end = child.right_edge.i
    return end


def relative_subject(article: ArticleContext, cue: Span | None) -> Span | None:
    """A relative pronoun that is the cue's subject ("an architect who said"): the source as written beside the
    cue, as PolNeAR marks it; the speaker is still the person it stands for."""
    if cue is None:
        return None
    for subject in article.children(cue.root, "nsubj"):
        if is_relative(subject):
            return article.doc[subject.i:subject.i + 1]
    return None


def child_towards(verb: Token, word: Token) -> Token | None:
    """The child of ``verb`` that ``word`` hangs on, directly or not (within ``CLIMB_LIMIT`` links)."""
    for _ in range(CLIMB_LIMIT):
        if word.head == verb and word != verb:
            return word
        if word.head.i == word.i:
            return None
        word = word.head
    return None


CLOSING = {")": "(", "]": "["}


def own_speech_act(article: ArticleContext, clause: Span, start: int, end: int) -> Span:
    """The part of a clause around the quoted words ``[start, end)`` that one speech act reports.

    "it was \"deeply saddened\" by the attack but warned against \"blaming ...\"": the first quote's
    ends before "but warned", the second's starts after "warned against"; "the ferry was \"safe\" when
    asked about the crash" ends before "when asked".
    """
    first, last = clause.start, clause.end
    first = after_addressee(article, article.doc[first - 1], first, last) if first > 0 else first  # "telling [them] ..."
    acts = article.cached("speech-acts-and-circumstances", 0, lambda _: [
        token.i for token in article.doc
        if is_reporting_circumstance(article, token) or is_another_speech_act(article, token)])
    for at in acts[bisect_left(acts, clause.start):bisect_left(acts, clause.end)]:  # not every word of nested clauses
        token = article.doc[at]
        if token.idx >= end and last == clause.end and is_reporting_circumstance(article, token):
            last = token.left_edge.i  # "... when asked about the crash": how the words were got, not what was said
            continue
        if not is_another_speech_act(article, token):
            continue
        if token.idx >= end and last == clause.end and token.dep_ == "conj":
            last = token.left_edge.i if token.left_edge.idx >= end else token.i  # "... but [would not] say when"
            while last > first and (article.doc[last - 1].dep_ == "cc" or article.doc[last - 1].is_punct):
                last -= 1
        elif token.idx + len(token) <= start:
            first = after_addressee(article, token, token.i + 1, last)  # after "warned against", "claiming"
    return trimmed(article.doc[first:last]) or clause


def after_addressee(article: ArticleContext, verb: Token, first: int, last: int) -> int:
    """Where a speech verb's words start after ``first``: past whom it addresses ("telling neighbours the ...",
    "told them that") and its particle or preposition ("warned against")."""
    if not has_speech_lemma(article, verb):
        return first
    addressed = ADDRESSED | ({"dobj"} if article.children(verb, "ccomp") else set())
    while first < last and article.doc[first].head == verb and article.doc[first].dep_ in addressed:
        word = article.doc[first]
        first = word.right_edge.i + 1 if word.dep_ in {"dative", "dobj"} else first + 1
    return first


def is_another_speech_act(article: ArticleContext, token: Token) -> bool:
    """A speech verb sharing the subject of the one before ("... but warned", "..., telling neighbours")."""
    return (token.dep_ == "conj" or token.dep_ == "advcl" and token.tag_ == "VBG") and has_speech_lemma(
        article, token) and not article.children(token, "nsubj", "nsubjpass")


def is_reporting_circumstance(article: ArticleContext, token: Token) -> bool:
    """A clause saying how the words were got: "when asked about ...", "after being approached by the Star"."""
    return token.dep_ == "advcl" and token.lemma_.lower() in ELICITING and any(
        mark.lower_ in {"when", "after", "as", "while"} for mark in article.children(token, "mark", "advmod"))


def trimmed(span: Span) -> Span | None:
    """The span without punctuation and spaces at its edges (a bracket it opens keeps its closing one)."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        last = doc[end - 1].text
        if last in CLOSING and any(t.text == CLOSING[last] for t in doc[start:end - 1]):
            break
        end -= 1
    return doc[start:end] if end > start else None
