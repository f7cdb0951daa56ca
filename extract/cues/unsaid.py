"""Speech verbs that report no statement: refused, asked of the speaker, hypothetical; and deeds.

"Kestrel Ferries declined to say how many sailings ..." (a refusal), "who asked
not to be named" (a request for anonymity), "Asked
whether she had the votes, ..." (a question put to the speaker, not
something she said), "critics will doubtless argue that ..." (speech that
has not happened), "Nobody asked whether ..." (speech by no one). Negated
speech ("did not say whether") is left out by ``grammar.is_speech_verb``
already. The verbs that govern a refusal or an
intention are data (``rules/unsaid_verbs.txt``), and so are the verbs of
deeds the attribution model may mark as speech ("the council approved a
budget", "voted to accept the offer": ``rules/deed_verbs.txt``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from extract import lexicon
from extract.context import ArticleContext
from extract.vocabulary import UNNAMING, could_speak, is_company_word

MODALS = {"would", "might", "may", "could"}  # "would argue", "might say"
PASSIVE_MODALS = {"should", "must"}  # "it should be said" (but "I should say that" is said)
FUTURE = {"will", "'ll", "shall", "wo"}  # "will say in a speech" is a statement briefed; "will argue" no statement yet
BRIEFED = {"speech", "address", "statement", "remarks", "letter", "interview", "article", "lecture", "testimony"}
GUESSES = {"doubtless", "undoubtedly", "surely", "probably", "presumably", "likely", "no", "certainly"}
ASKING = {"ask", "question", "press", "quiz"}
AIMING = {"want", "plan", "intend", "hope"}  # "She wants to triple the corps": an aim she states
REFUSED = {"comment", "elaborate", "speculate", "discuss", "disclose", "confirm", "say"}  # "would not comment"
PERCEIVING = {"show", "find", "see", "remember", "notice", "watch"}  # with a person's object: no words
PLEADING = {"deny", "admit", "plead"}  # with a count or a motion: a plea or a ruling
COURT_OBJECTS = {"count", "motion"}
NO_ONE = {"nobody", "noone", "none", "neither", "no"}  # subjects, or their determiners ("no one", "neither side")
EVERYONE = {"everyone", "everybody", "all"}  # subjects that "not" makes no one in particular


def reports_nothing(article: ArticleContext, verb: Token) -> bool:
    """Whether a speech verb outside quotes reports no statement of its subject."""
    return refused_or_intended(verb) or asked_of_the_speaker(article, verb) or hypothetical(article, verb) \
        or said_by_no_one(article, verb) or asked_not_to_be_named(article, verb) or reports_a_refusal(article, verb)


def reports_a_refusal(article: ArticleContext, verb: Token) -> bool:
    """ "The prosecutor's office said it would not comment on the case", "she said she could not confirm the
    figure": the words reported are a refusal to speak, no statement."""
    return any(clause.lemma_.lower() in REFUSED and article.children(clause, "neg") and any(
        aux.lower_ in MODALS | FUTURE | {"can", "ca"} for aux in article.children(clause, "aux"))
               for clause in article.children(verb, "ccomp"))  # ("the agency did not comment on ...": its rule)


def asked_not_to_be_named(article: ArticleContext, verb: Token) -> bool:
    """ "a doctor, who asked not to be named because ...", "who asked that her last name not be used": a request
    for anonymity, not a statement."""
    return verb.lemma_.lower() in ASKING | {"request"} and any(
        article.children(clause, "auxpass") and (clause.lemma_.lower() in UNNAMING or any(
            subject.lemma_.lower() in UNNAMING for subject in article.children(clause, "nsubjpass")))
        for clause in article.children(verb, "xcomp", "ccomp"))


def said_by_no_one(article: ArticleContext, verb: Token) -> bool:
    """ "Nobody asked whether ...", "No one said that ...": speech its subject denies ever happened; "Not everyone
    thinks that ...": a view of no one in particular."""
    return any(subject.lower_ in NO_ONE or any(det.lower_ in NO_ONE for det in article.children(subject, "det"))
               or subject.lower_ in EVERYONE and article.children(subject, "neg")
               for subject in article.children(verb, "nsubj", "nsubjpass"))


def cue_reports_nothing(article: ArticleContext, cue: Span) -> bool:
    """Whether a cue of several words reports no statement: one of its verbs does, or it is a refusal
    ("declined to comment"), speech only intended ("plans to announce") or an aim no person states ("the
    firm plans to build", "is expected to stay"); a person's aim is a statement ("She wants to triple the
    size of the corps")."""
    if any(reports_nothing(article, token) for token in cue if token.pos_ in {"VERB", "AUX"}):
        return True
    if any(token.lower_ == "short" and token.head.lemma_.lower() == "stop" for token in cue):
        return True  # "She stopped short of calling for it to be cancelled": a refusal
    if pleads_or_rules(article, cue.root) or perceives(article, cue.root):
        return True
    if reports_a_deed(article, cue.root) and not any(
            token.lemma_.lower() in lexicon.speech_verbs() for token in cue if token != cue.root):
        return True  # (but "[state media] claimed [the test] now allows ...": words)
    root = cue.root
    if root.lemma_.lower() not in lexicon.entries("unsaid_verbs"):
        return False
    infinitives = article.children(root, "xcomp")
    return bool(infinitives) and not states_an_aim(article, root, infinitives)


def reports_a_deed(article: ArticleContext, verb: Token) -> bool:
    """ "The council approved a budget", "voted to accept the offer", "has agreed to buy the line", "appeared to take
    a swipe at", "pleaded guilty": what the subject did, not words it said (``rules/deed_verbs.txt``); a clause of
    words under the verb is said ("agreed that ...", "appeared to suggest that ...")."""
    labels = lexicon.deed_verbs().get(verb.lemma_.lower())
    if labels is None:
        return False
    return not labels or any(child.pos_ not in {"VERB", "AUX"} or child.lemma_.lower() not in lexicon.speech_verbs()
                             for child in article.children(verb, *labels))


def perceives(article: ArticleContext, verb: Token) -> bool:
    """ "Mark Ellis showed no emotion", "she found three regulars already waiting", "he remembers the first time he saw
    her work": what a person showed, found or saw, no words (but a poll that "shows the mayor leading" and a person
    who "found that ..." report some)."""
    if verb.lemma_.lower() not in PERCEIVING or not article.children(verb, "dobj") or any(
            prep.lower_ == "as" for prep in article.children(verb, "prep")):
        return False  # (but "critics see it as a giveaway" is a view they state)
    return any(could_speak(subject) or subject.lower_ in article.surnames() for subject in article.children(verb, "nsubj"))


def pleads_or_rules(article: ArticleContext, verb: Token) -> bool:
    """ "had denied 12 counts of fraud", "admitted to one count of theft", "denied a defense motion": a plea or a
    ruling in court, no words reported (but "denied claims that she had misled parliament" reports some)."""
    if verb.lemma_.lower() not in PLEADING:
        return False
    objects = article.children(verb, "dobj") + [obj for prep in article.children(verb, "prep") if prep.lower_ == "to"
                                                for obj in article.children(prep, "pobj")]
    return any(obj.lemma_.lower() in COURT_OBJECTS for obj in objects)


def states_an_aim(article: ArticleContext, verb: Token, infinitives: list[Token]) -> bool:
    """Whether a person, the active subject, states an aim that is no speech ("She wants to triple the corps";
    not "is expected to", "the firm plans to", "plans to announce")."""
    if verb.lemma_.lower() not in AIMING or article.children(verb, "auxpass"):
        return False
    if any(infinitive.lemma_.lower() in lexicon.speech_verbs() for infinitive in infinitives):
        return False
    return any(could_speak(subject) and not is_company_word(subject) for subject in article.children(verb, "nsubj"))


def refused_or_intended(verb: Token) -> bool:
    """ "declined to say", "refused to confirm", "is expected to announce": the verb is the infinitive of another."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.entries("unsaid_verbs")


def asked_of_the_speaker(article: ArticleContext, verb: Token) -> bool:
    """ "Asked whether she had the votes, ...", "was asked what ...": a question put to the subject, not by it."""
    if verb.lemma_.lower() not in ASKING:
        return False
    if article.children(verb, "auxpass", "nsubjpass"):
        return True  # "she was asked whether"
    subjects = article.children(verb, "nsubj")
    if not subjects:
        return verb.tag_ == "VBN" or verb.dep_ in {"advcl", "acl"}  # "Asked whether ...", "when asked what ..."
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return before is not None and before.text == "," and subjects[-1].i < before.i  # "Ostrow, asked whether ..., said"


def hypothetical(article: ArticleContext, verb: Token) -> bool:
    """ "will doubtless argue that", "would say that", "it should be said", "will argue at a hearing next week that":
    speech that has not happened (but words briefed before a speech are said)."""
    auxiliaries = [aux.lower_ for aux in article.children(verb, "aux") if not article.quoted(aux)]
    guessed = any(adverb.lower_ in GUESSES for adverb in article.children(verb, "advmod")) or any(
        noun.lower_ == "doubt" and any(det.lower_ == "no" for det in noun.children)
        for noun in article.children(verb, "npadvmod", "advmod", "dobj"))  # "will no doubt argue"
    passive = bool(article.children(verb, "auxpass"))
    return any(aux in MODALS or aux in FUTURE and (guessed or not briefed(article, verb))
               or aux in PASSIVE_MODALS and passive for aux in auxiliaries)


def briefed(article: ArticleContext, verb: Token) -> bool:
    """Whether speech still to come is given as the words of a text already written ("will say in a speech on
    Monday that ...": briefed), not as a stand to be taken ("At a hearing next week, the union will argue that")."""
    return any(noun.lemma_.lower() in BRIEFED for prep in article.children(verb, "prep") if prep.lower_ in {"in", "during"}
               for noun in article.children(prep, "pobj"))
