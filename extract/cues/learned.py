"""Reported speech the attribution model finds: "Smith warned the council against ...", "the plan, officials say, ...".

The rules read the quote marks; the model (``extract.learned``, trained on
PolNeAR) reads everything else. This rule keeps the model's attributions
with content it marked itself (not guessed from the parse for a lone cue)
whose cue lies outside quotes and whose content cuts no quotation in two
(a content holding quoted words is a mixed statement, kept where no rule
attributed those words: "touted a plan of \"peace through strength\""), and
leaves out speech that reports nothing (``unsaid``), negated speech,
speech by no one who can speak (``vocabulary.speaks``) and contents that
say nothing (no verb) after a cue that is no speech verb ("thanked the
crowd", "scored 14 points"; but "denied the charges"): each one is a
statement of its own, with the model's cue, source and content pieces. The
speaker is the head of the model's source, resolved like any mention.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Span, Token

from extract import learned, lexicon
from extract.context import ArticleContext
from extract.cues import Cue, Unquoted, rule, unsaid
from extract.cues.verbs import speaker_of
from extract.grammar import (
    antecedent, before_a_comment, before_a_second_act, has_speech_lemma, is_relative, noun_phrase, parted_by_colon, past_dateline,
    told_to, without_dateline, without_possessive, without_spaces)
from extract.vocabulary import DEMONSTRATIVES, QUANTIFIERS, could_speak, points_back, speaks, writer_or_reader

NEGATIONS = {"not", "n't", "never"}
POSSESSIVES = {"his", "her", "their", "our"}
WHEN_AND_WHERE = {"DATE", "TIME", "GPE", "LOC", "FAC"}  # when and where someone spoke ("told reporters [in Ottawa]")


@rule("learned-speech", confidence=0.8, method="subject", introduces=True)
def learned_statements(article: ArticleContext) -> list[Unquoted]:
    """The model's attributions outside quote marks, by someone who can speak: their content pieces and cues."""
    found = []
    for attribution in model_attributions(article):
        cue = attribution.cue
        paragraph = article.paragraphs.index(cue.start_char)
        own = own_subject(article, attribution)
        speaker = without_possessive(noun_phrase(own)) if own is not None else mention(article, attribution)
        source = None if own is not None or attribution.source is None or named_by_another(
            attribution.source.root, cue.root) else without_dateline(article, attribution.source)
        pieces = tuple(piece for piece in (own_words(article, piece, attribution, speaker)
                                           for piece in attribution.content)
                       if len(piece) and not set_apart(article, piece, attribution) and not speaking(piece, speaker)
                       and article.paragraphs.index(piece.start_char) == paragraph)  # 45 of 23,288 train pieces are not
        if attribution.score <= 0:
            continue  # a cue the model found no content for, its clause guessed from the parse: the rules decide
        if not pieces or article.quoted(cue.root) or is_denied(cue) or unsaid.cue_reports_nothing(article, cue) \
                or told_to(article, cue.root):
            continue  # no words, or words whose speaker the sentence does not name ("Residents told to leave")
        if all(article.sentence_of(piece[0]) != article.sentence_of(cue[0]) for piece in pieces):
            continue  # a content wholly in another sentence than its cue: "It cost, she says, ..." given the sentence before
        pieces = joined_to_the_cue(article, pieces, attribution, speaker)
        if not holds_whole_quotes(article, pieces):
            continue  # a content cutting a quotation in two
        claim = owned_claim(article, pieces)
        if claim is not None:
            found.append(claim)
            continue
        if not proposition(pieces) and holds_quotes(article, pieces):
            continue  # a term in quote marks inside a noun phrase ("the firm over its \"lies\"")
        if not proposition(pieces) and pointed_back(pieces):
            continue  # "dismissed that argument", "repeated those claims": words reported elsewhere, if at all
        if not proposition(pieces) and (not has_speech_lemma(article, cue.root) or addressed(pieces)
                                         or cue.root.lemma_.lower() in lexicon.entries("target_verbs")
                                         or any(token.lower_ in unsaid.FUTURE for token in cue)):
            continue  # "thanked the home crowd", "scored 14 points", "told reporters", "will announce the name of
            # the park" (the words of "will say that ..." may be briefed; a thing to be announced is no words yet)
        if speaker is None or not (can_be_source(speaker.root) or body_says(article, speaker.root, cue)
                                   or named_elsewhere(article, speaker.root)) \
                or points_back(speaker.root) or writer_or_reader(speaker.root):
            continue  # (nor the writer's "we asked ...": no one the story quotes)
        found.append(Unquoted(pieces, Cue(cue, speaker, source=source)))
    return found


def owned_claim(article: ArticleContext, pieces: tuple[Span, ...]) -> Unquoted | None:
    """A content that is another speaker's claim with its words ("rejected [the union's claim that the depot was
    unsafe]", "dismissed a warning by engineers that ..."): the owner's statement, the noun its cue and the clause
    its content, whatever the verb's subject did with it."""
    if len(pieces) != 1:
        return None
    piece, noun = pieces[0], pieces[0].root
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.speech_nouns():
        return None
    owners = article.children(noun, "poss") + [owner for by in article.children(noun, "prep") if by.lower_ == "by"
                                               for owner in article.children(by, "pobj")]
    clauses = [clause for clause in article.children(noun, "acl", "ccomp") if clause.i > noun.i]
    if not owners or not clauses or not speaks(owners[0]):
        return None
    words = article.doc[clauses[0].left_edge.i:min(clauses[0].right_edge.i + 1, piece.end)]
    return Unquoted((words,), Cue(article.doc[noun.i:noun.i + 1], without_possessive(noun_phrase(owners[0]))))


def own_words(article: ArticleContext, piece: Span, attribution: learned.LearnedAttribution,
              speaker: Span | None) -> Span:
    """A content piece of the model cut to the words it reports: past when and where they were said, before its
    own attribution and another speaker's, inside its paragraph and past a dateline."""
    piece = past_circumstance(article, with_a_second_that(article, without_spaces(piece)), attribution.cue)
    piece = before_a_second_act(article, before_another(article, before_attribution(piece, attribution, speaker)))
    piece = before_a_comment(piece)
    return without_dateline(article, within_paragraph(article, piece))


def with_a_second_that(article: ArticleContext, piece: Span) -> Span:
    """The piece with the second "that" clause the parse joins to its verb, when the model stopped before it ("told
    the committee the application complied with the plan, which ..., [and that the flood team had raised no
    objection]")."""
    doc = piece.doc
    at = piece.end
    while at < len(doc) and doc[at].text == ",":
        at += 1
    relative = doc[at].head if at < len(doc) and doc[at].tag_ in {"WDT", "WP"} and doc[at].head.dep_ == "relcl" else None
    if relative is not None and piece.start <= relative.head.i < piece.end:
        at = relative.right_edge.i + 1  # (past a relative clause on its last noun: ", which earmarks the site,")
    while at < len(doc) and (doc[at].is_punct and doc[at].text in {",", ";"} or doc[at].lower_ in {"and", "but"}):
        at += 1
    if at == piece.end or at >= len(doc) or doc[at].lower_ != "that" or doc[at].dep_ != "mark":
        return piece
    verb = doc[at].head
    if verb.dep_ != "conj" or not piece.start <= verb.head.i < piece.end or article.quoted(verb) \
            or article.sentence_of(verb) != article.sentence_of(piece[0]):
        return piece
    return doc[piece.start:verb.right_edge.i + 1]


def joined_to_the_cue(article: ArticleContext, pieces: tuple[Span, ...], attribution: learned.LearnedAttribution,
                      speaker: Span | None) -> tuple[Span, ...]:
    """The pieces in the cue's sentence and those that reach them through nothing but punctuation and the
    attribution itself ("The pier is safe. It will open in May, she said"), not across a sentence that opens on
    it; a piece in another sentence with the writer's words between is no part of the statement, however the
    model linked it."""
    sentence = article.sentence_of(attribution.cue[0])
    kept = [k for k, piece in enumerate(pieces) if article.sentence_of(piece[0]) == sentence]
    if not kept:
        return pieces
    own = {i for span in (attribution.cue, attribution.source, speaker) if span is not None
           for i in range(span.start, span.end)}

    def clear(first: Span, second: Span) -> bool:  # ("X. She said Y": X is not hers; "X, she said. Y" is)
        words = [t for t in article.doc[first.end:second.start] if not (t.is_punct or t.is_space)]
        return all(t.i in own for t in words) and not any(
            article.sentence_of(t) == article.sentence_of(second[0]) != article.sentence_of(first[-1]) for t in words)

    first, last = kept[0], kept[-1]
    while first > 0 and clear(pieces[first - 1], pieces[first]):
        first -= 1
    while last + 1 < len(pieces) and clear(pieces[last], pieces[last + 1]):
        last += 1
    return pieces[first:last + 1]


def within_paragraph(article: ArticleContext, piece: Span) -> Span:
    """The piece cut at the end of the paragraph it starts in: no content runs over a paragraph break (one in
    PolNeAR train's 23,289 pieces does)."""
    _, end = article.paragraphs[article.paragraphs.index(piece.start_char)]
    if piece.end_char <= end:
        return piece
    cut = article.doc.char_span(piece.start_char, end, alignment_mode="contract")
    return without_spaces(cut) if cut is not None else piece[:0]


def past_circumstance(article: ArticleContext, piece: Span, cue: Span) -> Span:
    """The piece without the words of when or how the cue's verb spoke that open it ("said [on Monday] it had
    agreed to buy ...", "told reporters [in Ottawa] that ..."): a phrase of a day, time or place hanging on the
    verb, or before the subject of the words."""
    verb, start = cue.root, piece.start
    said = piece.root  # "said on Monday it had agreed": the parse may hang the day on "agreed", before its subject
    subject = next(iter(article.children(said, "nsubj", "nsubjpass")), None)
    when = [child for child in article.children(said, "prep", "npadvmod") if subject is not None
            and child.i < subject.i and any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree)]
    where = [child for child in article.children(verb, "prep", "npadvmod")
             if any(t.ent_type_ in WHEN_AND_WHERE for t in child.subtree)]
    for child in where + when:
        if child.left_edge.i == start and child.right_edge.i + 1 < piece.end:
            start = child.right_edge.i + 1
            while start < piece.end and (piece.doc[start].is_punct or piece.doc[start].is_space):
                start += 1
    return piece.doc[start:piece.end] if start < piece.end else piece


def before_attribution(piece: Span, attribution: learned.LearnedAttribution, speaker: Span | None) -> Span:
    """The piece cut where its own speaker, source or cue starts inside it ("Staff will get 16 weeks' pay, the
    spokeswoman said": the words before ", the spokeswoman") after a comma, without the comma; a source inside a
    noun phrase stays ("the blunt language from the mayor")."""
    starts = [span.start for span in (speaker, attribution.source, attribution.cue)
              if span is not None and piece.start < span.start < piece.end and piece.doc[span.start - 1].text == ","]
    if not starts:
        return piece
    return cut_before(piece, min(starts))


def cut_before(piece: Span, end: int) -> Span:
    """The piece up to token ``end``, without the punctuation and spaces before it."""
    while end > piece.start and (piece.doc[end - 1].is_punct or piece.doc[end - 1].is_space):
        end -= 1
    return piece.doc[piece.start:end]


def before_another(article: ArticleContext, piece: Span) -> Span:
    """The piece cut where the subject of another speech verb the model found starts inside it after "and", "but"
    or a comma ("alleged widespread fraud [and international observers said ...]": the observers' words)."""
    starts = article.cached("learned-speakers", 0, lambda _: speakers_of_cues(article))
    doc = piece.doc
    for at in starts[bisect_right(starts, piece.start):bisect_left(starts, piece.end)]:
        if doc[at - 1].lower_ in {"and", "but", ","} and piece.start < at - 1:
            return cut_before(piece, at - 1)
    return piece


def speakers_of_cues(article: ArticleContext) -> list[int]:
    """Where the subjects of the model's verb cues start, in text order."""
    starts = set()
    for attribution in model_attributions(article):
        subject = own_subject(article, attribution)
        if subject is None and attribution.source is not None:
            subject = attribution.source.root
        if subject is not None and subject.i < attribution.cue.start:
            starts.add(subject.left_edge.i)
    return sorted(starts)


def speaking(piece: Span, speaker: Span | None) -> bool:
    """Whether a content piece is the speaker, never what is said ("[Host Jo Vale] appeared to take a swipe at
    them": the model marks a raising verb's subject as content, and the rules take it as the speaker)."""
    return speaker is not None and piece.root == speaker.root


def set_apart(article: ArticleContext, piece: Span, attribution: learned.LearnedAttribution) -> bool:
    """Whether a semicolon or colon parts a content piece before the speaker from the speaker's clause ("Police
    closed the road; a spokeswoman said it would reopen"): the writer's words (no PolNeAR train content is)."""
    start = min([attribution.cue.start] + ([attribution.source.start] if attribution.source is not None else []))
    return parted_by_colon(article, piece.end, start)


def model_attributions(article: ArticleContext) -> tuple[learned.LearnedAttribution, ...]:
    """What the model finds in the article, found once."""
    return article.cached("learned-attributions", 0, lambda _: learned.attributions(article.doc))


def holds_quotes(article: ArticleContext, pieces: tuple[Span, ...]) -> bool:
    """Whether quoted words lie inside the content pieces (a mixed statement)."""
    return any(article.quoted.overlaps(piece.start_char, piece.end_char) for piece in pieces)


def holds_whole_quotes(article: ArticleContext, pieces: tuple[Span, ...]) -> bool:
    """Whether every quotation the content pieces overlap lies whole inside one of them."""
    return all(any(piece.start_char <= start and end <= piece.end_char for piece in pieces)
               for piece in pieces for start, end in article.quoted.inside(piece.start_char, piece.end_char))


def content_around(article: ArticleContext, start: int, end: int) -> Span | None:
    """The content piece the model marks around the quoted words ``[start, end)``, if longer than them."""
    for attribution in model_attributions(article):
        for piece in attribution.content:
            if piece.start_char <= start and end <= piece.end_char and piece.end_char - piece.start_char > end - start:
                return without_spaces(piece)
    return None


def named_by_another(word: Token, cue: Token) -> bool:
    """Whether a word is the agent of a passive other than the cue ("nicknamed \"the Rocket\" [by the crowd]"):
    who gave the speaker a name, not who speaks."""
    return word.dep_ == "pobj" and word.head.dep_ == "agent" and word.head.head != cue


def who_was_named(article: ArticleContext, participle: Token) -> Token | None:
    """The noun a passive participle tells something of: the one it modifies ("Ivo Marsh, nicknamed ...") or its
    subject, as the parse may give it ("The leader, called ... by members, averred")."""
    if participle.dep_ == "acl":
        return participle.head
    return next(iter(article.children(participle, "nsubj", "nsubjpass")), None)


def mention(article: ArticleContext, attribution: learned.LearnedAttribution) -> Span | None:
    """The speaker mention: the head of the model's source, else the subject of a verb cue."""
    if attribution.source is not None:
        head = attribution.source.root
        subject = next(iter(article.children(attribution.cue.root, "nsubj")), None)
        if subject is not None and attribution.source.start <= subject.i < attribution.source.end:
            head = subject  # "Ward 17 councillor Jo Smith said": the parse hung "Ward" on the verb beside her
        elif named_by_another(head, attribution.cue.root):
            named = who_was_named(article, head.head.head)  # "The union leader, popularly called \"Baba\" by
            head = named if named is not None and speaks(named) else head  # members, averred": the leader
        head = among(head)
        if head.i < attribution.cue.root.i:
            head = past_dateline(article, head, attribution.cue.root)  # "BRESKOV, Ulmaria — Scientists ... said"
        if is_relative(head):
            head = among(antecedent(head))  # "officials who said": the officials
        return without_possessive(noun_phrase(head))
    if attribution.cue.root.pos_ in {"VERB", "AUX"}:
        subject = speaker_of(article, attribution.cue.root)
        return noun_phrase(among(subject)) if subject is not None else None
    return None


def own_subject(article: ArticleContext, attribution: learned.LearnedAttribution) -> Token | None:
    """The subject a verb cue has in the parse, who can speak, where the model linked another source: "Ashcombe
    Library, which opened in 1911, was one of the branches the council said it could not afford" is the council's
    (the model gave it the sentence's subject)."""
    if attribution.source is None:
        return None
    verb = attribution.cue.root
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in article.children(verb, "nsubj") if not is_relative(c)), None)
    if subject is not None and subject.i < verb.i:
        subject = past_dateline(article, subject, verb)  # "PELL RIVER — A former technician ... told": not the place
    if subject is not None and not speaks(subject):  # "alleged [fraud and international observers] said ...": the
        subject = next((c for c in article.children(subject, "conj") if speaks(c)), None)  # observers, parsed so
    if subject is None or not speaks(subject) or attribution.source.start <= subject.i < attribution.source.end:
        return None
    return subject


def body_says(article: ArticleContext, head: Token, cue: Span) -> bool:
    """An "it" that is the active subject of a speech verb: an organisation speaking ("the bank said it would
    ..., it added")."""
    return head.lower_ == "it" and head.dep_ == "nsubj" and head.head == cue.root and has_speech_lemma(article, cue.root)


def named_elsewhere(article: ArticleContext, head: Token) -> bool:
    """A capitalised word the tagger took for a noun that ends a person's name in the article ("The Latest: Quill
    urges supporters ...")."""
    return head.text[:1].isupper() and head.lower_ in article.surnames()


def among(head: Token) -> Token:
    """The people a quantifier or share picks from ("each of the candidates", "40 percent of riders"), else the head."""
    if head.lower_ not in QUANTIFIERS and head.ent_type_ != "PERCENT":
        return head
    group = next((grand for child in head.children if child.dep_ == "prep" and child.lower_ == "of"
                  for grand in child.children if grand.dep_ == "pobj"), None)
    return group if group is not None and not is_relative(group) else head


def can_be_source(head: Token) -> bool:
    """Whether the head of a source can speak: who ``vocabulary.speaks``, a name, or people left unnamed.

    Unnamed people: "some", "each", "most of whom", a share of those asked
    ("19 percent"), whose words they are ("his promise").
    """
    return speaks(head) or head.pos_ == "PROPN" or head.lower_ in QUANTIFIERS | POSSESSIVES \
        or head.ent_type_ == "PERCENT"


def addressed(pieces: tuple[Span, ...]) -> bool:
    """Whether the content is only whom the words were said to ("told reporters", "told him")."""
    root = pieces[0].root
    return len(pieces) == 1 and root.dep_ in {"dobj", "dative"} and (could_speak(root) or root.pos_ == "PRON")


def proposition(pieces: tuple[Span, ...]) -> bool:
    """Whether the content says something (has a verb), rather than name a thing ("the home crowd")."""
    return any(token.pos_ in {"VERB", "AUX"} for piece in pieces for token in piece)


def pointed_back(pieces: tuple[Span, ...]) -> bool:
    """Whether the content only points back to words ("that argument", "those claims", "this")."""
    root = pieces[0].root
    return len(pieces) == 1 and (root.lower_ in DEMONSTRATIVES or any(
        child.dep_ == "det" and child.lower_ in DEMONSTRATIVES for child in root.children))


def is_denied(cue: Span) -> bool:
    """A negated cue: "did not say", "never claimed"."""
    return any(token.dep_ == "neg" or token.lower_ in NEGATIONS for token in cue)
