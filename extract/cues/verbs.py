"""Speech verbs: "...," she said; he dismissed it as "baseless"; said Smith.

``speech-verb``: a speech verb that governs the quote in the parse. A second
speech verb above it is the reporter ("X said that '...', Y said").
``nearby-verb``: a speech verb with a subject in the quote's sentence or the
sentences just around it, when the parse does not link the two.

``speaker_of`` says who speaks through a speech verb; the constructions
peculiar to verbs of speech live here: the participle just after a name
("footage of Smith saying") and a speaker word the parse left without a
link ("said Smith").
"""
from __future__ import annotations

from spacy.tokens import Token

from extract import grammar
from extract.context import ArticleContext, QuoteContext
from extract.cues import Cue, rule, unsaid
from extract.cues.according import paragraph_source
from extract.grammar import CLIMB_LIMIT, cue_span, noun_phrase
from extract.vocabulary import PERSONAL, agrees, could_speak, could_speak_as_group, is_document_noun, speaks

INTRODUCING_REACH = 10  # tokens before a quote where a participle introducing it may stand
INVERTED_REACH = 4  # tokens after "said" where the name of an inverted speaker ends


# ---------------------------------------------------------------- who speaks through a verb

PASSIVE_SPEAKERS = {"quote", "hear", "overhear", "record", "film", "tape", "cite"}  # "she was quoted as saying"


def speaker_of(article: ArticleContext, verb: Token) -> Token | None:
    """The speaker of a speech verb: its subject when it could speak, else a speaker word next to it."""
    if article.children(verb, "nsubjpass") and verb.lemma_.lower() not in PASSIVE_SPEAKERS \
            and not article.children(verb, "agent") or grammar.told_to(article, verb):
        return None  # "The owner is said to be 'devastated'", "she was told", "Residents told to leave": unnamed
    parsed = verb_subject(article, verb)
    if parsed is not None and parsed.pos_ == "SCONJ":
        parsed = None  # "will argue [that] agreed staffing levels are ...": a "that" the parse made the subject
    if parsed is not None and (could_speak_as_group(parsed) or parsed.pos_ == "PRON"):
        return parsed
    adjacent = grammar.adjacent_speaker(article, verb)
    if adjacent is not None and parsed is not None and in_clause_on(adjacent, parsed):
        return parsed  # "The hotel, which employs two managers, insisted": not the managers
    return adjacent or parsed


def in_clause_on(word: Token, noun: Token) -> bool:
    """Whether a word lies in a relative clause or participle clause on the noun."""
    for ancestor in grammar.ancestors(word):
        if ancestor == noun:
            return False
        if ancestor.dep_ in {"relcl", "acl"} and ancestor.head == noun:
            return True
    return False


def verb_subject(article: ArticleContext, verb: Token) -> Token | None:
    """The parsed subject of a speech verb, with the participle constructions of speech."""
    named = participle_of_a_name(verb) or quoted_as_saying(article, verb) or participle_of_the_clause_before(
        article, verb) or participle_past_a_question(article, verb) or participle_past_a_report(article, verb)
    if named is not None:
        return named
    return grammar.parsed_subject(article, verb)


def quoted_as_saying(article: ArticleContext, verb: Token) -> Token | None:
    """"Norpress quoted a palace spokesman as saying ...": whom the quoting verb quotes (its subject only relays)."""
    prep = verb.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None
    if prep is None or prep.head.lemma_.lower() not in PASSIVE_SPEAKERS:
        return None
    return next((obj for obj in article.children(prep.head, "dobj") if could_speak_as_group(obj)), None)


def participle_of_the_clause_before(article: ArticleContext, verb: Token) -> Token | None:
    """A participle after a comma that the parse hung on the main verb, whose subject cannot speak, said by the
    subject of the clause just before the comma: "The deal collapsed after Russia withdrew, saying ...": Russia."""
    doc = verb.doc
    if not after_a_comma(verb):
        return None
    if any(could_speak_as_group(subject) for subject in article.children(verb.head, "nsubj")):
        return None
    before = doc[verb.i - 2] if verb.i >= 2 else None
    clause = next((a for a in [before, *grammar.ancestors(before)] if a is not None and a.pos_ == "VERB"
                   and a.dep_ == "advcl" and a.head == verb.head), None) if before is not None else None
    return next((s for s in article.children(clause, "nsubj") if could_speak_as_group(s)), None) if clause else None


GOING_ON = {"add", "note", "say", "stress", "explain", "insist", "warn", "emphasise", "emphasize"}  # speech that
# goes on from what the speaker said before ("..., adding that ...")


def participle_past_a_report(article: ArticleContext, verb: Token) -> Token | None:
    """A participle of speech after a comma that the parse hung on the clause a speech verb reports, said by who
    reports it: "Helga Sandvik said the board would look at wage data, adding that ...": Sandvik, not the board."""
    clause = verb.head
    if not after_a_comma(verb) or verb.lemma_.lower() not in GOING_ON or clause.dep_ != "ccomp" \
            or not grammar.is_speech_verb(article, clause.head):
        return None  # (not "... said Lowther would knock on doors, claiming to have spotted a loose tile": his)
    return next((s for s in article.children(clause.head, "nsubj") if could_speak_as_group(s)), None)


def participle_past_a_question(article: ArticleContext, verb: Token) -> Token | None:
    """A participle after a comma that the parse hung on a "whether" or "if" clause, said by the subject of the
    sentence that asked or refused it: "A spokesman declined to say whether Washington would recognise it, telling
    reporters ...": the spokesman, not Washington."""
    asked = any(mark.lower_ in {"whether", "if"} for mark in article.children(verb.head, "mark"))
    if not after_a_comma(verb) or not asked:
        return None
    for ancestor in grammar.ancestors(verb.head):
        subject = next((s for s in article.children(ancestor, "nsubj") if could_speak_as_group(s)), None)
        if subject is not None:
            return subject
    return None


def after_a_comma(verb: Token) -> bool:
    """A participle set off by a comma that the parse hung on another verb as an adverbial clause ("..., saying")."""
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def participle_of_a_name(verb: Token) -> Token | None:
    """"footage of Smith saying ...": the name just before the participle."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    named = before is not None and (before.ent_type_ == "PERSON" or before.pos_ == "PROPN" and could_speak_as_group(before))
    if verb.tag_ == "VBG" and named and before.dep_ != "dobj":
        return before
    return None


def fullest_mention(article: ArticleContext, verb: Token, mention: Token) -> Token:
    """The outermost subject in the cue's sentence that names the speaker a pronoun stands for.

    "Quill says she admired what she calls ...": the mention is Quill.
    """
    if mention.lower_ not in PERSONAL or verb.dep_ in {"advcl", "conj"}:
        return mention  # "Though she called it ..., Smith left": a clause of its own
    fullest = mention
    sentence = article.sentence_of(verb)
    for ancestor in grammar.ancestors(verb):
        if article.sentence_of(ancestor) != sentence:
            break
        subject = verb_subject(article, ancestor) if ancestor.pos_ in {"VERB", "AUX"} else None
        if subject is not None and subject != fullest and not article.quoted(subject) and agrees(subject, mention):
            fullest = subject
    return fullest


# ---------------------------------------------------------------- speech-verb

def governing_verbs(ctx: QuoteContext) -> list[Token]:
    """Speech verbs outside the quote that the quote depends on, nearest first."""
    found: list[Token] = []
    for token in ctx.roots:
        for ancestor in grammar.reported_by(ctx.article, token):
            if not ctx.in_quote(ancestor) and ancestor not in found and not has_quoted_subject(ctx, ancestor):
                found.append(ancestor)
    return sorted(found, key=ctx.article.depth, reverse=True)


def has_quoted_subject(ctx: QuoteContext, verb: Token) -> bool:
    """Whether the verb's subject is itself quoted (then it is no cue)."""
    subject = speaker_of(ctx.article, verb)
    return subject is not None and ctx.in_quote(subject)


def speaking_verb(article: ArticleContext, governing: list[Token]) -> Token:
    """The nearest governing verb whose subject can speak: "she says it underscores ..." is hers."""
    speaking = [verb for verb in governing if speaks(speaker_of(article, verb))]
    said = [verb for verb in speaking if not unsaid.hypothetical(article, verb)]
    if said and said[0] != speaking[0] and verb_reports(article, said[0], speaking[0]):
        speaking = said  # "She said the council would ask the firm for a plan \"worthy of the name\"": hers
    if not speaking:
        return governing[0]
    first = speaking[0]
    people = [verb for verb in speaking[1:] if could_speak(speaker_of(article, verb))]
    if is_document_noun(speaker_of(article, first)) and people:
        return people[0]  # "Smith said the report \"clearly\" shows ...": Smith's words
    return first


def verb_reports(article: ArticleContext, outer: Token, verb: Token) -> bool:
    """Whether a speech verb lies in the clause an outer one reports ("said [the council would ask]")."""
    return outer in grammar.reported_by(article, verb)


def reporter_of(article: ArticleContext, verb: Token, outer: list[Token], speaker: Token,
                source: Token | None) -> Token | None:
    """Who relays the speaker's words: the subject of an outer speech verb (not one the speech verb is joined to
    by "and" or "but": "said ..., but she described it as \"...\"" is hers alone) or an ``according to`` in
    the speech verb's sentence."""
    for other in outer:
        if conjoined(verb, other):
            continue
        subject = speaker_of(article, other)
        if subject is not None and subject != speaker:
            return subject
    if source is None or source == speaker or article.sentence_of(source) != article.sentence_of(verb):
        return None
    return source


def conjoined(verb: Token, other: Token) -> bool:
    """Whether a verb is one of the verbs another heads a coordination of ("said ... and warned ...")."""
    for _ in range(CLIMB_LIMIT):
        if verb.dep_ != "conj" or verb.head == verb:
            return False
        verb = verb.head
        if verb == other:
            return True
    return False


@rule("speech-verb", confidence=0.9, method="subject", introduces=True)
def governing_speech_verb(ctx: QuoteContext) -> Cue | None:
    """A speech verb that governs the quote in the parse ("...," she said; dismissed it as "baseless")."""
    governing = governing_verbs(ctx)
    verb = speaking_verb(ctx.article, governing) if governing else None
    mention = speaker_of(ctx.article, verb) if verb is not None else None
    if mention is None or not could_speak(mention):
        introducing = introducing_participle(ctx)  # "The ad ends with footage of Smith saying last week, \"...\""
        if introducing is not None:
            verb, mention = introducing, speaker_of(ctx.article, introducing)
    if mention is None and verb is not None and ctx.stmt.end <= verb.idx:
        mention = name_after(ctx.article, verb)  # "\"...,\" said Jo Smith, who rates the shares \"buy\""
    if mention is None:
        return None
    mention = fullest_mention(ctx.article, verb, mention)
    outer = governing[governing.index(verb) + 1:] if verb in governing else []
    reporter = reporter_of(ctx.article, verb, outer, mention, paragraph_source(ctx))
    return Cue(cue_span(ctx.article, verb, ctx.stmt.start), noun_phrase(mention),
               noun_phrase(reporter) if reporter is not None else None)


def name_after(article: ArticleContext, verb: Token) -> Token | None:
    """The name just after a speech verb that follows its quote, whatever clause the parse gave it to."""
    sentence = article.sentences[article.sentence_of(verb)]
    after = [t for t in verb.doc[verb.i + 1:min(sentence.end, verb.i + 1 + INVERTED_REACH)] if not article.quoted(t)]
    names = [t for t in after if t.pos_ == "PROPN" and could_speak_as_group(t)]
    if not names or names[0].i != verb.i + 1:
        return None
    last = names[0]
    while last.i + 1 < sentence.end and verb.doc[last.i + 1].pos_ == "PROPN" and verb.doc[last.i + 1].dep_ != "punct":
        last = verb.doc[last.i + 1]
    return last


def introducing_participle(ctx: QuoteContext) -> Token | None:
    """A speech participle just before the quote, only its modifiers and a comma between, whose subject speaks."""
    doc, start = ctx.doc, ctx.article.span(ctx.stmt.start, ctx.stmt.end)
    if start is None:
        return None
    before = [t for t in doc[max(0, start.start - INTRODUCING_REACH):start.start] if not ctx.in_quote(t)]
    if not before or before[-1].text not in {",", ":"}:
        return None
    for token in reversed(before[:-1]):
        if token.pos_ in {"VERB", "AUX"}:
            speaking = token.tag_ == "VBG" and grammar.is_speech_verb(ctx.article, token)
            return token if speaking and speaks(speaker_of(ctx.article, token)) else None
        if token.text in {".", ";", "\n"} or ctx.article.sentence_of(token) != ctx.article.sentence_of(before[-1]):
            return None
    return None


# ---------------------------------------------------------------- nearby-verb

def speaking_verbs(article: ArticleContext, paragraph: int) -> list[Token]:
    """The paragraph's speech verbs outside quotes whose speaker is outside quotes too."""
    window = article.window(paragraph)
    outside = set(window)
    return [t for t in window if grammar.is_speech_verb(article, t) and speaker_of(article, t) in outside]


def paragraph_speaking_verbs(ctx: QuoteContext) -> list[Token]:
    return ctx.article.cached("speaking-verbs", ctx.stmt.paragraph, lambda p: speaking_verbs(ctx.article, p))


@rule("nearby-verb", confidence=0.75, method="nearby")
def nearby_speech_verb(ctx: QuoteContext) -> Cue | None:
    """A speech verb with a subject in a sentence the quote touches (a direct quote: or one just around it).

    A quote embedded in reported speech takes only a verb of its own
    sentences; the verb closest to the quote wins.
    """
    article, stmt = ctx.article, ctx.stmt
    touched = article.sentences_touching(stmt.start, stmt.end)
    if not touched:
        return None
    margin = 0 if ctx.kind == "mixed" else 1
    reach = range(max(0, touched[0] - margin), touched[-1] + margin + 1)
    verbs = [v for v in paragraph_speaking_verbs(ctx) if article.sentence_of(v) in reach
             and not (v.dep_ == "acl" and article.sentence_of(v) not in touched)]  # ("he told the crowd, according to
    if not verbs:  # a video posted by his campaign. \"...\"": who published the video, not who speaks after it)
        return None
    verb = min(verbs, key=lambda v: min(abs(v.idx - stmt.start), abs(v.idx - stmt.end)))
    return Cue(cue_span(article, verb, stmt.start), noun_phrase(fullest_mention(article, verb, speaker_of(article, verb))))
