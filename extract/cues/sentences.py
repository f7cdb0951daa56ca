"""The sentence around the quote: who speaks when no cue stands beside it.

``introducing-*``: a quote that opens its paragraph after a paragraph ending
with a colon or comma takes the cue that ends it ("She said:", "Smith:",
"Smith made the following comment:"). ``clause``: the subject of a clause
the quote is part of, when its verb is no speech verb ("the family called
on police to act \"as a matter of transparency\""). ``preceding-sentence``:
a quote standing as a sentence takes the subject of the sentence just
before it ("Senator Smith named the causes. \"We are tired.\"").
"""
from __future__ import annotations

from spacy.tokens import Token

from extract.context import QuoteContext
from extract.cues import Cue, rule
from extract.cues.colon import MOST_WORDS, colon_speaker
from extract.cues.verbs import speaker_of, speaking_verbs
from extract.grammar import ancestors, cue_span, has_speech_lemma, is_denied, noun_phrase, parsed_subject, told_to
from extract.vocabulary import PERSONAL, could_speak, could_speak_as_group, speaks


def after_introduction(ctx: QuoteContext) -> bool:
    """The quote opens its paragraph, and the paragraph before ends with a colon or comma."""
    return ctx.stmt.opens_paragraph and ctx.stmt.paragraph > 0 and introduction_end(ctx) in ":,"


def introduction_end(ctx: QuoteContext) -> str:
    """The last character of the paragraph before the quote's."""
    _, end = ctx.article.paragraphs[ctx.stmt.paragraph - 1]
    return ctx.article.text[end - 1]


def introduction(ctx: QuoteContext) -> list[Token]:
    """The words outside quotes of the paragraph before the quote's."""
    return ctx.article.window(ctx.stmt.paragraph - 1)


@rule("introducing-verb", confidence=0.9, method="subject", guard=after_introduction, introduces=True)
def introducing_verb(ctx: QuoteContext) -> Cue | None:
    """The last speech verb of the paragraph before, ending with a colon or comma ("She said:")."""
    verbs = ctx.article.cached("speaking-verbs", ctx.stmt.paragraph - 1, lambda p: speaking_verbs(ctx.article, p))
    if not verbs:
        return None
    return Cue(cue_span(ctx.article, verbs[-1]), noun_phrase(speaker_of(ctx.article, verbs[-1])))


@rule("introducing-colon", confidence=0.85, method="colon", guard=after_introduction)
def introducing_colon(ctx: QuoteContext) -> Cue | None:
    """A name before the colon that ends the paragraph before ("Smith:")."""
    words = introduction(ctx)
    found = colon_speaker(ctx.article, words[-(MOST_WORDS + 2):], len(words) > MOST_WORDS + 2)
    return Cue(found[1], found[0]) if found is not None else None


@rule("introducing-sentence", confidence=0.6, method="sentence", guard=after_introduction)
def introducing_sentence(ctx: QuoteContext) -> Cue | None:
    """The subject of the sentence that ends the paragraph before with a colon ("Smith made this comment:")."""
    words = introduction(ctx)
    if introduction_end(ctx) != ":" or not words:
        return None
    root = ctx.article.sentences[ctx.article.sentence_of(words[-1])].root
    subject = parsed_subject(ctx.article, root) if root.pos_ in {"VERB", "AUX"} else None
    if subject is not None and subject in set(words) and speaks(subject):
        return Cue(ctx.doc[root.i:root.i + 1], noun_phrase(subject))
    return None


def not_opening(ctx: QuoteContext) -> bool:
    """The quote does not open its paragraph (one that does takes only an introduction's cue)."""
    return not ctx.stmt.opens_paragraph


@rule("clause", confidence=0.5, method="clause", guard=not_opening)
def clause_subject(ctx: QuoteContext) -> Cue | None:
    """The subject of a clause the quote is part of, whose verb is no speech verb."""
    for token in ctx.roots[:1]:
        for verb in ancestors(token):
            if verb.pos_ not in {"VERB", "AUX"} or ctx.in_quote(verb) or is_denied(ctx.article, verb):
                continue
            if told_to(ctx.article, verb):
                return None  # "Fans told to \"stay away\"": words of someone the sentence does not name
            if hearsay(ctx, verb):
                return None  # "Ashby is said to have been 'in touch'": words the sentence gives to no one
            subject = parsed_subject(ctx.article, verb)
            if subject is not None and could_speak_as_group(subject) and not ctx.in_quote(subject):
                return Cue(ctx.doc[verb.i:verb.i + 1], noun_phrase(subject))
    return None


HEARSAY = {"understand", "believe", "think", "rumour", "rumor", "know"}  # "is understood to", "is believed to"


def hearsay(ctx: QuoteContext, verb: Token) -> bool:
    """Whether the verb, or a verb it hangs on, reports words in the passive with no one saying them ("is said to
    have been", "is understood to be", "is reported to have called")."""
    for word in (verb, *ancestors(verb)):
        if word.pos_ in {"VERB", "AUX"} and ctx.article.children(word, "auxpass") and not ctx.article.children(
                word, "agent") and (word.lemma_.lower() in HEARSAY or has_speech_lemma(ctx.article, word)):
            return True
    return False


@rule("preceding-sentence", confidence=0.6, method="sentence", guard=not_opening)
def preceding_sentence_subject(ctx: QuoteContext) -> Cue | None:
    """The subject of the sentence just before a quote that stands as a sentence.

    The clause before a colon counts as such a sentence, however the parse
    joins it to the quote: "Smith has apologized for it: \"I was wrong.\""
    """
    if ctx.kind != "direct":
        return None
    article = ctx.article
    before = ctx.doc.char_span(ctx.paragraph_start, ctx.stmt.start - 1, alignment_mode="contract")
    if before is None or not len(before):
        return None
    last = article.sentences[article.sentence_of(before[-1])]
    roots = [last.root]
    if last.root.idx >= ctx.stmt.start:  # "Smith apologized: \"...\"" parsed as one sentence: first the clause before
        roots.insert(0, ctx.doc[max(last.start, before.start):before.end].root)
    for root in roots:
        subject = parsed_subject(article, root) if root.pos_ in {"VERB", "AUX"} else None
        if subject is not None and not article.quoted(subject) and (
                could_speak(subject) or subject.lower_ in PERSONAL - {"it"}):
            return Cue(ctx.doc[root.i:root.i + 1], noun_phrase(subject))
    return None
