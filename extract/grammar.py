"""Grammar the attribution rules share: speech verbs, subjects and noun phrases in a parse.

Functions over tokens of a parsed Doc. Those that must know where the
article's quotations lie take the ``ArticleContext`` (``article``) first;
the others need the token alone. What is peculiar to one construction
("X issued a statement saying") lives with the rule that needs it, in
``extract.cues``; here is only what every rule reads the same way.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from extract import lexicon, quotes, sources
from extract.context import ArticleContext
from extract.vocabulary import (
    could_speak, could_speak_as_group, is_document_noun, is_given_name, is_person_noun, is_role_word, is_title)

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLIMB = {"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp"}
NP_LEFT = {"compound", "amod", "det", "poss", "nmod", "nummod", "punct", "case", "prep", "pobj", "cc", "conj"}
NP_RIGHT = {"compound", "flat", "nummod", "case"}
RELATIVE = {"who", "that", "which"}
PLACE_CLIMB = 3  # places and bodies a "who" may be hung on in a row ("a nurse from Leeds in Yorkshire, who")
REPORTING_PREPOSITIONS = {"as", "like", "that", "with"}
DESCRIBING_PREPOSITIONS = {"of", "at", "for", "from", "with", "in", "on"}
DATELINE_CHARS = 200  # a dateline ("LONDON (Reuters) - ") is never longer
CLIMB_LIMIT = 24  # the rules look this many words up the parse from a word, no further
MIN_COMMENTED_TOKENS = 3  # a clause the writer comments on after a comma is at least this long


# ---------------------------------------------------------------- speech verbs

def has_speech_lemma(article: ArticleContext, token: Token) -> bool:
    """A verb whose lemma (with its particle) is in the speech-verb list; a past tense the tagger took for a noun
    too ("'...,' the mum-of-three fumed")."""
    verbs = lexicon.speech_verbs()
    if token.pos_ not in {"VERB", "AUX"} and not token.tag_.startswith("VB"):
        return mistagged_past(token) in verbs
    lemma = token.lemma_.lower()
    if any(f"{lemma} {particle.lower_}" in verbs for particle in article.children(token, "prt")):
        return True
    if lemma not in verbs:
        return False
    blocked = lexicon.speech_verb_exclusions().get(lemma, ())
    return not (blocked and article.children(token, *blocked))


def mistagged_past(token: Token) -> str | None:
    """The lemma of a past tense tagged as a noun or adjective ("fumed" -> "fume"), if it is one of a speech verb."""
    text = token.lower_
    if token.pos_ not in {"NOUN", "ADJ", "PROPN"} or not text.endswith("ed") or len(text) < 5:
        return None
    verbs = lexicon.speech_verbs()
    return next((stem for stem in (text[:-1], text[:-2], text[:-3]) if stem in verbs), None)


def is_denied(article: ArticleContext, verb: Token) -> bool:
    """A verb negated outside any quote ("did not say")."""
    return any(not article.quoted(c) for c in article.children(verb, "neg"))


def is_speech_verb(article: ArticleContext, token: Token) -> bool:
    """A verb whose lemma (with its particle) is in the speech-verb list, not negated."""
    return has_speech_lemma(article, token) and not is_denied(article, token)  # "he did not say": no report of words


ADDRESSING = {"tell", "urge", "order", "warn", "advise", "instruct", "encourage", "remind", "implore", "invite"}
# speech verbs that need whom they address before "to": "told residents to leave" (not "ask": "she asked to see it")


def told_to(article: ArticleContext, verb: Token) -> bool:
    """A passive with its "be" left out, as headlines write it: "Residents told to leave", "Shoppers urged to check
    labels" (the verb needs whom it addresses before "to"; with none, its subject is who was addressed)."""
    return verb.lemma_.lower() in ADDRESSING and verb.tag_ in {"VBD", "VBN"} and bool(article.children(verb, "nsubj")) \
        and not article.children(verb, "dobj", "dative", "ccomp") \
        and any(child.dep_ == "xcomp" and any(t.lower_ == "to" for t in child.children) for child in verb.children)


VERB_GROUP = {"aux", "auxpass", "neg", "advmod"}  # words before a verb that belong to its cue: "has also said"


def cue_span(article: ArticleContext, verb: Token, content: int | None = None) -> Span:
    """The cue a speech verb makes, as PolNeAR marks it: the verb with its particle ("pointed out"),
    the auxiliaries, negation and adverbs right before it ("has also said"), and the preposition
    right after it whose object is the content starting at ``content`` ("called for [new talks]")."""
    doc = verb.doc
    start = verb.i
    while start > 0 and doc[start - 1].head == verb and doc[start - 1].dep_ in VERB_GROUP:
        start -= 1
    end = max([verb.i] + [c.i for c in article.children(verb, "prt")]) + 1
    after = doc[end] if end < len(doc) else None
    if after is not None and content is not None and after.head == verb and after.dep_ == "prep" \
            and after.idx < content <= object_start(after) and after.right_edge.idx >= content:
        end += 1
    return doc[start:end]


def object_start(preposition: Token) -> int:
    """Where the words after a preposition start, past an opening quote mark ("called for \u201can end\u201d")."""
    doc, at = preposition.doc, preposition.i + 1
    while at < len(doc) - 1 and doc[at].is_quote:
        at += 1
    return doc[min(at, len(doc) - 1)].idx


def reported_by(article: ArticleContext, token: Token, limit: int = 3) -> list[Token]:
    """The nearest speech verbs above a token (at most ``limit``, within ``CLIMB_LIMIT`` words up the parse),
    up to a link that is no report (``on "Show"``)."""
    verbs = []
    for _ in range(CLIMB_LIMIT):
        if token.head.i == token.i or len(verbs) == limit:
            break
        if complement_taken_for_relative(token) and is_speech_verb(article, token.head.head.head):
            token = token.head.head  # "said in a letter that councils would face \"consequences\""
        elif token.dep_ == "prep" and token.lower_ not in REPORTING_PREPOSITIONS and not article.quoted(token):
            break  # (a preposition inside the quote is part of the words: "the scheme was \"on track\"")
        if circumstance_of_speech(article, token):
            break  # "blasted a travel firm after the 'five-star' hotel turned out ...": when, not what, she said
        token = token.head
        if is_speech_verb(article, token):
            verbs.append(token)
        else:  # "Smith, he said, was \"genuinely remorseful\"": the speech verb set in the clause it reports
            verbs += [aside for aside in article.children(token, "parataxis")
                      if is_speech_verb(article, aside) and not article.quoted(aside)][:limit - len(verbs)]
    return verbs


def complement_taken_for_relative(clause: Token) -> bool:
    """Whether the parse took a reported clause for a relative clause of the place, time or text before it ("said
    [outside the courthouse] that her client would appeal", "said in a letter that ..."): a "that" right after
    the noun of a phrase, opening a clause with a subject of its own."""
    place = clause.head
    if clause.dep_ != "relcl" or place.dep_ != "pobj" or place.head.dep_ != "prep":
        return False
    that = clause.doc[clause.left_edge.i]
    between = clause.doc[place.i + 1:that.i]  # (or a phrase of the noun: "said in a letter [to the committee] that")
    if that.lower_ != "that" and that.i == place.i + 1:  # "said in a statement [it had spent $9 million ...]", no
        return is_text_or_speech(place) and with_no_gap(clause)  # "that" (but "revealed a gulf in the way [they ...]")
    return that.lower_ == "that" and that.i > place.i and all(
        in_subtree(t, place) and not t.is_punct and t.pos_ not in {"VERB", "AUX"} for t in between) and any(
        t.dep_ in {"nsubj", "nsubjpass"} and t.i != that.i for t in clause.subtree)


def is_text_or_speech(noun: Token) -> bool:
    """A noun for a text or a speech act ("statement", "letter", "interview", "post"): ``rules/document_nouns.txt``,
    ``rules/speech_nouns.txt``."""
    lemma = noun.lemma_.lower()
    return lemma in lexicon.entries("document_nouns") or lemma in lexicon.entries("speech_nouns")


def with_no_gap(clause: Token) -> bool:
    """Whether a clause the parse took for a relative clause without a relative word is whole, as a reported clause
    is: its own subject first, and its object or complement in place ("a statement [it had spent $9 million]"; but
    "a statement [it released on Friday]" lacks what it released: a relative clause)."""
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.left_edge.i == clause.left_edge.i and not is_relative(subject) and (
        subject.dep_ == "nsubjpass" or any(c.dep_ in {"dobj", "ccomp", "attr", "acomp", "oprd", "xcomp"}
                                           for c in clause.children))


CIRCUMSTANCES = {"after", "before", "when", "while", "because", "since", "until", "once", "although", "though"}


def circumstance_of_speech(article: ArticleContext, clause: Token) -> bool:
    """Whether a clause outside quotes says when or why a speech verb spoke ("after ...", "because ..."), not what."""
    return clause.dep_ == "advcl" and not article.quoted(clause) and is_speech_verb(article, clause.head) \
        and any(mark.lower_ in CIRCUMSTANCES for mark in article.children(clause, "mark"))


def ancestors(token: Token, limit: int = CLIMB_LIMIT):
    """The token's head, its head's head and so on, at most ``limit`` of them (a long chain of clauses is cut)."""
    for _ in range(limit):
        if token.head.i == token.i:
            return
        token = token.head
        yield token


def in_subtree(word: Token, head: Token) -> bool:
    """Whether ``word`` hangs, directly or not, on ``head`` (or is it)."""
    return head.left_edge.i <= word.i <= head.right_edge.i and (word == head or head.is_ancestor(word))


# ---------------------------------------------------------------- subjects

def is_relative(token: Token) -> bool:
    """A relative pronoun standing for the noun its clause hangs on."""
    return token.lower_ in RELATIVE and token.head.dep_ == "relcl"


def antecedent(relative: Token) -> Token:
    """The noun a relative pronoun stands for: the one its clause hangs on; for "who", not a place or a body the
    parse hung the clause on ("a researcher based in Oosterzand, who says", "an analyst at Brill Bank, who": the
    researcher, the analyst)."""
    noun = relative.head.head
    if relative.lower_ != "who":
        return noun
    word = noun
    for _ in range(PLACE_CLIMB):
        if word.dep_ != "pobj" or word.pos_ != "PROPN" or word.ent_type_ == "PERSON":
            break  # (not "a coach at a game who is ...": the parse may be right)
        word = word.head
        while word.pos_ not in {"NOUN", "PROPN", "PRON"} and word.head != word:  # past "in", "based"
            word = word.head
    return word if word.ent_type_ == "PERSON" or is_person_noun(word) else noun


def parsed_subject(article: ArticleContext, verb: Token) -> Token | None:
    """The subject of a verb in the parse, climbing through clause links.

    The passive subject of the verb itself is who was spoken to ("she was
    told"); a passive head verb's subject is the speaker ("he was quoted as
    saying"). A person is preferred among several subjects, and a subject in
    the dateline gives way to the word after it. A participle's subject is
    the noun it modifies (``participle_subject``).
    """
    if is_second_act(article, verb, participles=True) and verb.head.dep_ == "ccomp" \
            and has_speech_lemma(article, verb.head.head) and article.children(verb.head.head, "nsubj"):
        verb = verb.head.head  # "she said the area needed homes and pointed out that ...", "said the package was
        # ready, maintaining that ...": her second act (not "Asked whether ..., X did not give a date, saying")
    for hop in range(4):
        if hop > 0 and verb.pos_ in {"NOUN", "PROPN"}:
            return verb  # "a roofer who ..., telling them ...": the parse hung the participle on the noun that acts
        deps = SUBJECTS - {"nsubjpass"} if hop == 0 else SUBJECTS
        subjects = [c for c in article.children(verb, *deps) if not article.quoted(c)]
        fronted = name_hung_on_a_fronted_clause(article, verb)
        if fronted is not None and not any(could_speak(s) for s in subjects):
            return fronted
        if subjects:  # a person before a place: "LONDON (Reuters) - Jo Smith said" parses both as subjects
            speaking = [s for s in subjects if could_speak(s)]  # (of two the parse gave, one led by a role: "Pakistan
            led = [s for s in speaking if any(c.dep_ == "compound" and is_role_word(c) for c in s.lefts)]  # Sindh
            subject = past_dateline(article, (led or speaking or subjects)[0], verb)  # Awami Front (SAF) information
            # secretary Mian Tariq Qureshi said")
            return antecedent(subject) if is_relative(subject) else subject
        agent = [g for c in article.children(verb, "agent") for g in article.children(c, "pobj")]
        if agent:
            return agent[0]
        lent = subject_lent_to_participle(article, verb) or subject_lent_to_relative(article, verb) if hop == 0 else None
        if lent is not None:
            return lent
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            subject, verb = participle_subject(verb)
            if verb is None:
                return subject
            continue
        if verb.dep_ not in CLIMB or verb.head.i == verb.i:
            return None
        head = verb.head
        if article.quoted(head) and not article.quoted(verb) and all(
                article.quoted(c) for c in article.children(head, *SUBJECTS)):
            head = verb_before(article, verb)  # the parse hung the clause on a verb inside a quotation
        if head is None:
            return None
        verb = head
    return None


def name_hung_on_a_fronted_clause(article: ArticleContext, verb: Token) -> Token | None:
    """A name right before the verb (and its auxiliaries) that the parse hung as an apposition on the last noun of a
    clause fronted before it: "Asked whether the line would open before the General Election, Dr Otieno did not
    give a date" parses Otieno as the election's apposition, and the election, or nothing, as the subject."""
    before = [c.i for c in verb.children if c.i < verb.i and c.dep_ in {"aux", "auxpass", "neg", "advmod"}]
    first = min(before, default=verb.i)
    word = verb.doc[first - 1] if first > verb.sent.start else None
    if word is None or word.dep_ != "appos" or word.pos_ != "PROPN" or not could_speak(word) or article.quoted(word):
        return None
    head = word.head
    return word if head.i < word.i and any(t.text == "," for t in verb.doc[head.i + 1:word.left_edge.i]) else None


def subject_lent_to_relative(article: ArticleContext, verb: Token) -> Token | None:
    """The subject the parse gave to a "whose" clause before the verb, taken for a reported clause: "Jo Smith,
    whose mother, Ann, died in May, said ..." parses Smith as the subject of "died"."""
    for clause in article.children(verb, "ccomp"):
        if clause.i < verb.i:
            subject = next((c for c in article.children(clause, "nsubj") if c.i < clause.i), None)
            if subject is not None and could_speak(subject) and not article.quoted(subject) and any(
                    t.lower_ == "whose" for t in subject.doc[subject.i + 1:clause.i]):
                return subject
    return None


def subject_lent_to_participle(article: ArticleContext, verb: Token) -> Token | None:
    """The subject the parse gave to a participle clause before the verb instead: "Jo Smith, making his 300th
    appearance, said ..." parses Smith as the subject of "making", "The union leader, popularly called \"Baba\" by
    members, averred" the leader as the subject of "called"."""
    for clause in article.children(verb, "advcl"):
        if clause.i < verb.i and (clause.tag_ == "VBG" or clause.tag_ == "VBN" and not any(
                c.dep_ in {"aux", "auxpass", "mark"} or c.tag_ == "WRB" for c in clause.children)):  # (not "When
            # terrorists are revealed as ..., they call them": a clause of its own)
            subject = next((c for c in article.children(clause, "nsubj", "nsubjpass") if c.i < clause.i), None)
            if subject is not None and not article.quoted(subject):
                return subject
    return None


def verb_before(article: ArticleContext, verb: Token) -> Token | None:
    """The verb outside quotes nearest before a clause the parse hung inside a quotation, in its sentence.

    "Smith has weighed in, telling the radio that the town was \"let down ...,
    myself included\"": the parse makes "included" the root; "telling" goes with "weighed".
    """
    start = article.sentences[article.sentence_of(verb)].start
    for i in range(verb.i - 1, max(start, verb.i - CLIMB_LIMIT) - 1, -1):
        word = verb.doc[i]
        if word.pos_ in {"VERB", "AUX"} and not article.quoted(word) and word.dep_ not in {"aux", "auxpass"}:
            return word
    return None


def participle_subject(verb: Token) -> tuple[Token | None, Token | None]:
    """The subject of a participle that modifies a noun, or the verb to look on from.

    The noun acts ("footage of Smith saying", and "Smith, the director,
    compared ..." where the parse hangs the verb on the name), unless it
    cannot: a text someone issues ("Smith posted a note saying", "Smith
    issued a statement saying") speaks for whoever issued it, the subject of
    the verb whose object it is. Returns ``(subject, None)`` or ``(None, verb)``.
    """
    noun = verb.head
    issued = noun.dep_ == "dobj" and is_document_noun(noun)
    if could_speak_as_group(noun) and not issued:
        return noun, None
    if noun.dep_ != "dobj":
        return None, None
    return None, noun.head


def past_dateline(article: ArticleContext, subject: Token, verb: Token) -> Token:
    """A subject the parse found in the dateline ("LONDON (Reuters) - Jo Smith said"): who comes after it."""
    start, _ = article.paragraphs[article.paragraph_of(subject)]
    end = start + sources.dateline_length(article.text[start:start + DATELINE_CHARS])
    if subject.idx >= end:
        return subject
    after = (t for t in subject.doc[subject.i:verb.i] if t.idx >= end and t.dep_ != "compound")
    return next((t for t in after if could_speak_as_group(t)), subject)


def parted_by_colon(article: ArticleContext, end: int, start: int) -> bool:
    """Whether a colon or semicolon stands between the tokens ``end`` and ``start`` ("The road was shut; a
    spokeswoman said ...": the words before it are the writer's, not the speaker's after it)."""
    return end <= start and any(token.text in {":", ";"} for token in article.doc[end:start])


def without_dateline(article: ArticleContext, span: Span) -> Span:
    """A content that opens its paragraph without the dateline before it ("HANOI, May 9 (CNA) - Floods cut ...")."""
    start, _ = article.paragraphs[article.paragraphs.index(span.start_char)]
    if span.start_char > start:
        return span
    end = start + sources.dateline_length(article.text[start:start + DATELINE_CHARS])
    if end <= span.start_char:
        return span
    cut = article.doc.char_span(end, span.end_char, alignment_mode="contract")
    return without_spaces(cut) if cut is not None and len(cut) else span


def named_by_apposition(article: ArticleContext, token: Token) -> Token:
    """The name a description stands beside ("Rask, a top surrogate,": Rask), else the word itself."""
    name = token.head
    if token.dep_ == "appos" and not article.quoted(name) and (
            name.pos_ == "PROPN" and name.ent_type_ == "PERSON" or is_person_noun(token) and name.i < token.i
            and name.pos_ == "NOUN" and missed_name(name)):
        return name  # (a name the tagger took for common nouns: "Gert du Plessis-Venter, a retired engineer,")
    return token


def missed_name(word: Token) -> bool:
    """Whether a capitalised word ends a run of capitalised words not all of them common nouns: a name the tagger
    took for nouns ("Gert du Plessis-Venter")."""
    run = [t for t in word.doc[word.left_edge.i:word.i + 1] if t.is_alpha and t.text[:1].isupper()]
    return word.text.istitle() and len(run) >= 2 and any(t.lower_ not in lexicon.common_nouns() for t in run)


def inverted_subject(token: Token, verb: Token) -> bool:
    """Whether a word after the verb can be its subject ("said Smith"), not its object or another clause's."""
    if verb.head == token and verb.dep_ in {"compound", "amod", "acl"}:
        return True  # "Said Smith:": the parse hangs the verb on the name
    for _ in range(3):
        if token.head == verb:
            return token.dep_ not in {"dobj", "dative", "pobj", "ccomp", "xcomp", "advcl", "prep", "oprd"}
        if token.dep_ not in {"compound", "flat", "appos", "amod"}:
            return False
        token = token.head
    return False


def adjacent_speaker(article: ArticleContext, verb: Token) -> Token | None:
    """When the parse gives no subject: a speaker word just before or after the verb."""
    sent = article.sentences[article.sentence_of(verb)]
    for i in range(verb.i - 1, max(sent.start, verb.i - 8) - 1, -1):
        token = verb.doc[i]
        if could_speak(token) and token.dep_ != "poss":  # (not "a nurse on the children's
            return named_by_apposition(article, token)  # ward, said": the nurse)
        if token.pos_ in {"VERB", "AUX"} or token.text in quotes.MARKS:
            break
    after = verb.doc[verb.i + 1:min(sent.end, verb.i + 4)]
    return next((t for t in after if could_speak(t) and inverted_subject(t, verb)), None)


# ---------------------------------------------------------------- noun phrases

def without_possessive(mention: Span) -> Span:
    """The mention without its possessive ending: "Jo Smith's claim" is Jo Smith's."""
    end = mention.end
    while end > mention.start + 1 and mention.doc[end - 1].dep_ == "case":
        end -= 1
    return mention.doc[mention.start:end]


def before_a_second_act(article: ArticleContext, clause: Span) -> Span:
    """The reported clause without a second speech act of the speaker the parse hung on its verb ("said a gun was
    found [but did not say whether ...]", "said the pool would reopen [and promised a slide]"): a conjoined speech
    verb with no subject of its own and a tense of its own (not "would consult and announce")."""
    acts = article.cached("second-acts", 0, lambda _: [token.i for token in article.doc
                                                        if is_second_act(article, token, participles=True)])
    for at in acts[bisect_left(acts, clause.start):bisect_left(acts, clause.end)]:  # not every word of nested clauses
        token = clause.doc[at]
        if clause.start <= token.head.i < token.i or token.dep_ == "ccomp" and token.head.i < token.i:
            end = token.left_edge.i
            while end > clause.start and (clause.doc[end - 1].dep_ == "cc" or clause.doc[end - 1].is_punct):
                end -= 1
            return clause.doc[clause.start:end] if end > clause.start else clause
    return clause


def before_a_comment(clause: Span) -> Span:
    """The reported clause without the writer's comment that sums it up after a comma ("the union would hold a vote
    next week[, something that has happened only twice]", "[, a move that ...]"; ``rules/comment_nouns.txt``)."""
    doc = clause.doc
    for comma in clause:
        if comma.text != "," or comma.i - clause.start < MIN_COMMENTED_TOKENS or comma.i + 3 > clause.end:
            continue
        noun = doc[comma.i + 1] if doc[comma.i + 1].lower_ == "something" else doc[comma.i + 2]
        relative = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if doc[comma.i + 1].lower_ in {"a", "an", "something"} and noun.lower_ in lexicon.entries("comment_nouns") \
                and relative is not None and relative.lower_ in {"that", "which"}:
            return clause.doc[clause.start:comma.i]
    return clause


def is_second_act(article: ArticleContext, verb: Token, participles: bool = False) -> bool:
    """A speech verb conjoined to another verb with no subject of its own and a tense of its own ("said a gun was
    found [but did not say] whether ...": the speaker's second act the parse hung on the words of the first)."""
    if participles and participle_act(article, verb):
        return True
    return (verb.dep_ == "conj" and not acts_of_a_named_doer(article, verb) or second_complement(verb)) \
        and verb.pos_ == "VERB" and has_speech_lemma(article, verb) and not article.children(verb, "nsubj", "nsubjpass") \
        and (verb.tag_ == "VBD" or bool(article.children(verb, "aux")))


def participle_act(article: ArticleContext, verb: Token) -> bool:
    """A speech verb's participle after a comma with a "that" clause of its own, hung on the words of the verb before
    ("said the government would announce a package next week[, maintaining that it would be financed ...]")."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
        and has_speech_lemma(article, verb) and any(
            any(t.lower_ == "that" and t.dep_ == "mark" for t in clause.children)
            for clause in article.children(verb, "ccomp"))


def acts_of_a_named_doer(article: ArticleContext, verb: Token) -> bool:
    """Whether a verb joined to another is done by that one's subject, someone the words report on by noun or name, in
    the same tense ("said the saxophonist rarely rehearsed and almost never told his sidemen what to play": the
    saxophonist's; not "reported that the president had approved the deal, and quoted him as ...": the agency's)."""
    head = verb.head
    return head.tag_ == verb.tag_ and not article.children(head, "aux", "auxpass") \
        and not article.children(verb, "aux", "auxpass") and any(
            subject.pos_ in {"NOUN", "PROPN"} and could_speak(subject) for subject in article.children(head, "nsubj"))


def second_complement(verb: Token) -> bool:
    """Whether the parse made a verb after "but" or "and" a second clause of the speech verb before ("said his party
    would back the motion [but] warned that ...": "warned" as a second complement of "said", not its conjunct)."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return verb.dep_ == "ccomp" and before is not None and before.dep_ == "cc" and any(
        sibling.dep_ == "ccomp" and sibling.i < verb.i for sibling in verb.head.children)


def without_spaces(span: Span) -> Span:
    """The span without the line breaks and spaces at its ends."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


NAME_TAIL = 6  # words of a name after its head ("Department [of Health and Social Care]")
NAME_JOINS = {"of", "for", "and", "&", "on", "the"}  # small words inside a name


def noun_phrase(token: Token) -> Span:
    """The mention around a head token: its pre-modifiers and compounds, and the rest of the name it heads."""
    doc = token.doc
    if token.pos_ == "PRON":
        return doc[token.i:token.i + 1]
    left = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT:
            left = min(left, child.left_edge.i)
            break
    right = token.i
    for child in token.rights:
        if child.dep_ in NP_RIGHT and child.i == right + 1:
            right = child.right_edge.i
    while left < token.i and (doc[left].is_punct or doc[left].dep_ in {"cc", "case"} or doc[left].pos_ in {"VERB", "ADP"}):
        left += 1  # (no preposition the parse took for a number's modifier: "after 40 Labour MPs signed")
    while left > 0 and token.pos_ == "PROPN" and doc[left - 1].pos_ == "PROPN" and doc[left - 1].dep_ == "ROOT" \
            and doc[left - 1].whitespace_ == " " and not any(doc[left - 1].children):
        left -= 1  # "[Halcyra] Therapeutics, which paid for the trial, said": a name's first word parsed as a root alone
    if token.pos_ == "NOUN":
        right = max(right, described_by(token))
    return doc[left:name_tail(token, right) + 1]


def name_tail(token: Token, right: int) -> int:
    """Where the name a capitalised head starts ends, past ``right``: "the Ministry [of Education]", "Bank [of
    Leeds]" (the rest of its entity, in capitalised words and the small words between them)."""
    doc, end = token.doc, right
    if token.ent_iob_ not in {"B", "I"} or not token.text[:1].isupper():
        return right
    for word in doc[right + 1:token.i + NAME_TAIL + 1]:
        if word.ent_iob_ != "I" or not (word.text[:1].isupper() or word.lower_ in NAME_JOINS or joins_name(word)):
            break
        if word.text[:1].isupper():
            end = word.i
    return conjoined_tail(token, prepositional_tail(token, end))


def prepositional_tail(token: Token, end: int) -> int:
    """The end of a body's name the tagger cut before its "for" or "of": "the UN Office [for Refugee
    Support]" (capitalised words the parse hangs on the name, up to a bracket)."""
    doc = token.doc
    at = end + 1
    if at + 1 >= len(doc) or doc[at].lower_ not in {"for", "of", "on"} or doc[at].head.i != token.i \
            or token.ent_type_ != "ORG":
        return end
    last = end
    for word in doc[at + 1:at + 1 + NAME_TAIL]:
        if word.lower_ in NAME_JOINS and word.i > at + 1:
            continue
        if not (word.text[:1].isupper() and word.is_alpha and word.pos_ == "PROPN") or not in_subtree(word, token):
            break
        last = word.i
    return last


def conjoined_tail(token: Token, end: int) -> int:
    """The end of a body's "X of Y and Z" name the tagger cut at its "and": "the Bureau of Soils [and Water]",
    "the Office of Fair Trading [and Consumer Affairs]" (capitalised words the parse hangs on the name, no person's)."""
    doc = token.doc
    after = end + 1
    if after + 1 >= len(doc) or doc[after].lower_ not in {"and", "&"} or not any(
            t.lower_ == "of" for t in doc[token.i:end]):
        return end
    last = end
    for word in doc[after + 1:after + 1 + NAME_TAIL]:
        if not (word.text[:1].isupper() and word.is_alpha and word.pos_ in {"PROPN", "NOUN"}) \
                or not in_subtree(word, token) or is_given_name(word):
            break
        last = word.i
    return last if last > end and (last + 1 == len(doc) or not doc[last + 1].text[:1].isupper()) else end


def joins_name(token: Token) -> bool:
    """A hyphen inside a name ("Lopez-Cantera")."""
    doc = token.doc
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not doc[token.i - 1].whitespace_


def described_by(noun: Token) -> int:
    """The end of a short phrase that says whose a description is ("officials at the port")."""
    for child in noun.rights:
        words = noun.doc[child.i:child.right_edge.i + 1]
        comma = next((t.i for t in words if t.text == ","), None)
        if comma is not None and comma + 1 < words.end and words.doc[comma + 1].lower_ in RELATIVE:
            words = noun.doc[child.i:comma]  # ("the office of Attorney General Ana Ruiz[, which defended the law,]")
        named = all(t.ent_type_ in {"ORG", "GPE", "FAC"} or t.is_stop for t in words[1:])  # a body's whole name
        length = sum(1 for t in words if not joins_name(t))  # ("Ruiz-Okafor" is one word)
        if child.dep_ == "prep" and child.lower_ in DESCRIBING_PREPOSITIONS and length <= (12 if named else 6) \
                and not any(t.pos_ in {"VERB", "AUX"} or t.is_punct and not joins_name(t) or t.text in quotes.MARKS
                            for t in words):
            return words.end - 1
    return noun.i


PHRASE_REACH = 12  # the source of "according to" stands this many words after it at most
PHRASE_HOPS = 3  # and hangs on it through at most this many links ("according" -> "to" -> the source)


def according_to(tokens) -> Token | None:
    """The source of an ``according to X`` phrase among ``tokens``: the object of its preposition."""
    phrases = lexicon.attribution_phrases()
    for token in tokens:
        following = token.doc[token.i:token.i + 2].text.lower()
        if token.lower_ in phrases or following in phrases:
            source = phrase_object(token)
            if source is not None:
                return source
    return None


def phrase_object(token: Token) -> Token | None:
    """The first object of a preposition just after ``token`` that hangs on it ("according to [the poll]")."""
    for word in token.doc[token.i + 1:token.i + 1 + PHRASE_REACH]:
        if word.dep_ != "pobj":
            continue
        head = word
        for _ in range(PHRASE_HOPS):
            head = head.head
            if head == token:
                return past_abbreviated_title(word)
    return None


def past_abbreviated_title(word: Token) -> Token:
    """The name after a title whose full stop the tagger took for a sentence's end ("according to Sgt. [Lena
    Brandt]": the parse ends the sentence at "Sgt"), else the word itself."""
    doc = word.doc
    if not (is_title(word) and word.i + 2 < len(doc) and doc[word.i + 1].text == "." and not doc[word.i + 1].whitespace_ == ""
            and doc[word.i + 2].pos_ == "PROPN" and doc[word.i + 2].text[:1].isupper()):
        return word
    last = word.i + 2
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and doc[last + 1].text[:1].isupper():
        last += 1
    return doc[last]
