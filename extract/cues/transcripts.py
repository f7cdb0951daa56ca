"""Transcripts and interviews: a speaker label opens the paragraph, no quote marks.

``transcript-turn``: a paragraph that opens with a label naming a speaker
("QUILL: We will win this state."; the headline "Smith: Port will reopen")
is that speaker's statement: the label is the mention, the colon the cue
and the words after it, up to the paragraph's end, the content. The label
is one to four names or capitalised words, perhaps with a note
("BRENDA (CALLER):") or in bold ("**Quill:**") (not a place, not a story label
of ``rules/labels.txt``: "Poll:", "UPDATE:", no small words as in a section
title: "The Gap Goes On:"), and the words hold a verb unless they are the
headline's ("Quill: 45 percent" is a poll line, not a turn).

``interview-turn``: the "Q:" and "A:" turns of an interview, also on one
line ("Q: Why? A: Because."). An answer is the interviewee's: the last
speaker labelled before it ("JO SMITH: ..."), else the person the
introduction (the paragraphs before the first turn) names first who is no
journalist ("The Herald spoke to Jo Smith ..."). A question is the
interviewer's: a journalist the introduction names ("senior writer Ann
Lee"), else who the introduction says spoke to the interviewee ("The
Herald"); without either it has no speaker. An interview without Q: and
A: may set its questions in bold ("**Why now?**"): the plain paragraphs
after each are the interviewee's answer.

A turn is a quotation of its own: quotes and reported speech inside it are
nested in it, not statements apart (``extract.attribution``). A radio
correspondent's turns ("ANN LEE, BYLINE: ...", then "LEE: ...",
``rules/narration_labels.txt``) are the writer's narration: no statement,
and what they report is read as prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from extract import lexicon, quotes
from extract.context import ArticleContext
from extract.cues import Cue, rule
from extract.grammar import noun_phrase, parsed_subject
from extract.vocabulary import NUMBERED_VOICE, is_person_noun, is_title

# a label, with a note after it ("BRENDA (CALLER):") and in bold or italics ("**Quill:**")
# ("UNIDENTIFIED PERSON #1:"), and a radio transcript's role after a comma ("JO SMITH, HOST:", "ANN LEE, BYLINE:")
LABEL = re.compile(r"(?:\*\*|__|\*|_)?([A-Z][\w.'\u2019\- ]{0,40}?(?:[^\S\n]?#\d{1,2})?)"
                   r"(?:,[^\S\n]*(?P<role>[A-Z][A-Z ]{1,20}?))?(?:[^\S\n]*\([^()\n:]{1,30}\))?[^\S\n]?:"
                   r"(?:\*\*|__|\*|_)?[^\S\n]+(?=\S)")
# "Q: ...", "**A:** ...", "**Q: ...?**"
INTERVIEW_LABEL = re.compile(  # "Q: ...", "**A:** ...", and the court record's "Q. ..." and "A. ..."
    r"(?P<em>\*\*|__|\*|_)?(?P<label>Q|A|Question|Answer)(?:[^\S\n]?:|(?<=[QA])\.)(?(em)(?P=em)?)[^\S\n]+(?=\S)")
INLINE_ANSWER = re.compile(r"(?<=[?.!])[^\S\n]+(?:\*\*|__)?(?P<label>A|Answer):(?:\*\*|__)?[^\S\n]+(?=\S)")  # "Q: Why? A: Yes."
MOST_LABEL_WORDS = 4
TRANSCRIPT_TURNS = 2  # labelled turns with a verb that make a transcript, where a turn may have none ("VOSS: Yes.")
NO_SPEAKER_ENTITIES = {"GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "EVENT", "CARDINAL", "PERCENT", "MONEY"}
QUESTION_LABELS = {"Q", "Q.", "Question"}  # ("Q." of the court record: its token holds the full stop)
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
BOLD_QUESTION = re.compile(r"(\*\*|__)[^\n]+\?\1")  # "**Why write about a hospital at night?**"
EMPHASISED = re.compile(r"(\*\*|__|\*|_)[^\n]+\1")  # a paragraph wholly in bold or italics


@dataclass(frozen=True)
class Turn:
    """One labelled turn: the label as written, its colon and the words after it."""

    label: Span
    colon: Span
    content: Span
    paragraph: int
    narration: bool = False  # a radio correspondent's own words ("ANN LEE, BYLINE: ..."), no statement


# ---------------------------------------------------------------- transcript-turn

@rule("transcript-turn", confidence=0.85, method="colon")
def labelled_turns(article: ArticleContext) -> list[tuple[Span, Cue]]:
    """A speaker label opening a paragraph without quote marks ("QUILL: We will win."): its words and the label
    (the label as first written: "HOST" is the one person all through, however the turns between would resolve it)."""
    turns = speaker_turns(article)
    first: dict[str, Span] = {}
    for turn in turns:
        first.setdefault(turn.label.text.lower(), turn.label)
    return [(turn.content, Cue(turn.colon, first[turn.label.text.lower()], source=turn.label))
            for turn in turns if not only_asks(turn.content) and not turn.narration]


def asks(content: Span) -> bool:
    """Whether a turn ends on a question put to the one who answers next ("Q: Was it hard? Why?")."""
    return content.text.rstrip().rstrip(" \"'\u201d\u2019)*_").endswith("?")


def only_asks(content: Span) -> bool:
    """Whether every sentence of a labelled turn is a question, no statement ("HOST: Was that avoidable?"; but
    "CALLER: I was ill for a week. When will it be safe?" says something first)."""
    doc = content.doc
    sentences = [doc[max(sentence.start, content.start):min(sentence.end, content.end)] for sentence in content.sents]
    return all(asks(sentence) for sentence in sentences if sentence.text.strip())


def speaker_turns(article: ArticleContext) -> list[Turn]:
    """The paragraphs that open with a label naming a speaker (found once)."""
    return article.cached("speaker-turns", 0, lambda _: find_speaker_turns(article))


def find_speaker_turns(article: ArticleContext) -> list[Turn]:
    """The paragraphs that open with a label naming a speaker."""
    names = {t.lower_ for ent in article.ents if ent.label_ not in NO_SPEAKER_ENTITIES for t in ent}
    turns = [turn for turn in (speaker_turn(article, index, names) for index in range(len(article.paragraphs)))
             if turn is not None]
    narrators = {turn.label[-1].lower_ for turn in turns if turn.narration}  # ("ANN LEE, BYLINE:", then "LEE:")
    turns = [replace(turn, narration=True) if turn.label[-1].lower_ in narrators else turn for turn in turns]
    spoken = sum(has_verb(turn.content) for turn in turns)
    turns = [turn for turn in turns if turn.paragraph == 0 or has_verb(turn.content) or spoken >= TRANSCRIPT_TURNS]
    label = turns[0].label if len(turns) == 1 else None
    if label is not None and not label.text.isupper() and not mostly_a_person(article, label):
        return []  # one label alone, in title case, that names no person: a title ("Love Villa: The Finale is on")
    if label is not None and label.text.isupper() and turns[0].paragraph == article.lede():
        return []  # one label alone in capitals, opening the lede: a dateline ("NEW DELHI: Claims worth ...")
    return turns


def mostly_a_person(article: ArticleContext, label: Span) -> bool:
    """Whether the tagger marks at least half of the article's names written as the label (else, ending in its
    last word) as people's: a show the tagger once took for a person, and more often for a work or a body, names
    no one ("Love Villa: The Finale is on ...")."""
    written = label.text.lower()
    kinds = [ent.label_ == "PERSON" for ent in article.ents if ent.text.lower() == written] \
        or [ent.label_ == "PERSON" for ent in article.ents if ent[-1].lower_ == label[-1].lower_]
    return bool(kinds) and sum(kinds) * 2 >= len(kinds)


def speaker_turn(article: ArticleContext, index: int, names: set[str]) -> Turn | None:
    """The turn a paragraph opens with, if its label names a speaker."""
    start, end = article.paragraphs[index]
    match = LABEL.match(article.text, start, end)
    if match is None or INTERVIEW_LABEL.match(article.text, start, end) or article.text[match.end()] in quotes.MARK_CHARS:
        return None  # Smith: "..." is the colon rule's
    turn = turn_at(article, index, match.start(1), match.end(1), match.end(), end)
    if turn is None or not names_speaker(article, turn.label, names):
        return None
    narration = (match.group("role") or "").strip().lower() in lexicon.entries("narration_labels")
    return replace(turn, narration=True) if narration else turn


def turn_at(article: ArticleContext, index: int, label_start: int, label_end: int, start: int, end: int) -> Turn | None:
    """The turn whose label ends at ``label_end`` (its colon follows, or the full stop of "Q.") and whose words are
    ``[start, end)``."""
    colon_at = label_end if article.text[label_end] == "." else article.text.index(":", label_end)
    label = article.span(label_start, label_end)
    colon = article.span(colon_at, colon_at + 1)
    content = article.span(start, end)
    if label is None or colon is None or content is None or not len(content):
        return None
    return Turn(label, colon, content, index)


def names_speaker(article: ArticleContext, label: Span, names: set[str]) -> bool:
    """One to four names or capitalised words, no place or story label ("QUILL", "Ada Quill", not "Poll").

    Capitalised words the tagger took for nouns name a speaker when the
    article names them in a name (``names``: "Quill:" and "Ada Quill").
    """
    words = [t for t in label if not t.is_punct]
    if not 0 < len(words) <= MOST_LABEL_WORDS or label.text.lower() in lexicon.entries("labels"):
        return False
    if NUMBERED_VOICE.fullmatch(label.text):
        return True  # "UNIDENTIFIED PERSON #1", "CROWD MEMBER #2": a voice the transcript numbers
    if any(t.is_stop for t in words):
        return False  # a section title ("The Gap Goes On:", "Stealth Over Health:")
    if any(ent.label_ in NO_SPEAKER_ENTITIES and not all(is_title(t) or t.is_punct for t in ent)
           for ent in article.entities(label)):
        return False  # (a title the tagger took for a place: "DR. AMARA VOSS")
    if all(t.is_upper for t in words) and all(t.lower_ in lexicon.common_nouns() and t.lower_ not in names
                                              for t in words) and not (len(words) == 1 and is_person_noun(words[0])):
        return False  # a kicker of common words ("HOLIDAY HELL: ..."), no name (but a role: "CALLER:", "HOST:")
    if all(t.pos_ == "PROPN" or (t.is_upper and t.is_alpha) for t in words):
        return True
    return all(t.text[:1].isupper() for t in words) and label[-1].lower_ in names


def has_verb(content: Span) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in content)


# ---------------------------------------------------------------- interview-turn

@rule("interview-turn", confidence=0.8, method="colon")
def interview_turns(article: ArticleContext) -> list[tuple[Span, Cue]]:
    """Q: and A: turns: the answer is the interviewee's, the question the interviewer's (named in the introduction)."""
    turns = interview(article)
    if not turns:
        return answers_to_bold_questions(article) if not labelled_interview_turns(article) else []
    labelled = speaker_turns(article)  # in text order, as the turns
    interviewee, interviewer = introduction_people(article, turns[0].paragraph)
    found, seen, last = [], 0, None
    for turn in turns:
        while seen < len(labelled) and labelled[seen].paragraph < turn.paragraph:
            last, seen = labelled[seen].label, seen + 1
        speaker = interviewer if turn.label.text in QUESTION_LABELS else last or interviewee
        if turn.label.text not in QUESTION_LABELS or not asks(turn.content):  # (a question put, no statement)
            found.append((turn.content, Cue(turn.colon, speaker)))
    return found


def labelled_interview_turns(article: ArticleContext) -> list[Turn]:
    """The Q: and A: turns of the article, in text order."""
    return article.cached("interview-labels", 0, lambda _: [
        turn for index in range(len(article.paragraphs)) for turn in question_and_answer(article, index)])


def interview(article: ArticleContext) -> list[Turn]:
    """The Q: and A: turns of an interview; none of an explainer's own questions and answers (the writer's words,
    answered in the third person, of no interview the introduction tells of). Found once."""
    return article.cached("interview", 0, lambda _: find_interview(article))


def find_interview(article: ArticleContext) -> list[Turn]:
    turns = labelled_interview_turns(article)
    if {turn.label.text for turn in turns if turn.label.text.endswith(".")} not in ({"Q.", "A."}, set()):
        turns = [turn for turn in turns if not turn.label.text.endswith(".")]  # "A. Quill said": an initial, no
        # answer of a court record without its questions
    if not turns or speaker_turns(article) or interview_named(article, turns[0].paragraph) \
            or in_the_first_person(turns):
        return turns
    return []


def questions_put(article: ArticleContext) -> list[Span]:
    """The words of the turns that only put questions: no statements, and no prose of the writer either."""
    return [turn.content for turn in speaker_turns(article) if only_asks(turn.content)] + [
        turn.content for turn in interview(article) if turn.label.text in QUESTION_LABELS and asks(turn.content)]


def interview_named(article: ArticleContext, first_turn: int) -> bool:
    """Whether the paragraphs before the first turn tell of an interview ("She spoke to Ann Lee")."""
    intro = article.span(article.paragraphs[0][0], article.paragraphs[first_turn - 1][1]) if first_turn else None
    return intro is not None and any(interview_sides(article, verb) is not None for verb in intro)


def in_the_first_person(turns: list[Turn]) -> bool:
    """Whether at least half the answers speak in the first person, as people interviewed do (an explainer's
    answers speak of others: "Q: Would pay fall? A: Not under the pilot.")."""
    answers = [turn for turn in turns if turn.label.text not in QUESTION_LABELS]
    return 2 * sum(any(t.lower_ in FIRST_PERSON for t in turn.content) for turn in answers) >= len(answers)


def answers_to_bold_questions(article: ArticleContext) -> list[tuple[Span, Cue]]:
    """An interview set out as questions in bold ("**Why a hospital at night?**"), each followed by the answer in
    plain paragraphs: the interviewee's (named in the introduction). Two bold questions at least; a paragraph a
    label opens is the transcript rule's, one wholly in bold or italics ("*Published on 3 May.*") no answer."""
    questions = [index for index, (start, end) in enumerate(article.paragraphs)
                 if BOLD_QUESTION.fullmatch(article.text, start, end)]
    if len(questions) < 2:
        return []
    interviewee, _ = introduction_people(article, questions[0])
    if interviewee is None:
        return []
    labelled = {turn.paragraph for turn in speaker_turns(article)}
    found = []
    for question, following in zip(questions, questions[1:] + [len(article.paragraphs)]):
        for index in range(question + 1, following):
            start, end = article.paragraphs[index]
            words = article.span(start, end)
            if index in labelled or EMPHASISED.fullmatch(article.text, start, end) or words is None or not len(words):
                break
            found.append((words, Cue(None, interviewee)))
    return found


def question_and_answer(article: ArticleContext, index: int) -> list[Turn]:
    """The Q: or A: turn a paragraph opens with, and an answer that follows a question on the same line."""
    start, end = article.paragraphs[index]
    match = INTERVIEW_LABEL.match(article.text, start, end)
    if match is None:
        return []
    emphasis = match.group("em")
    if emphasis and not article.text[match.start():match.end()].rstrip().endswith(emphasis) \
            and article.text.endswith(emphasis, start, end):
        end -= len(emphasis)  # "**Q: Why did you stay?**": the words without the closing marks
    answer = INLINE_ANSWER.search(article.text, match.end(), end) if match.group("label") in QUESTION_LABELS else None
    turns = [turn_at(article, index, match.start("label"), match.end("label"), match.end(),
                     answer.start() if answer else end)]
    if answer is not None:
        turns.append(turn_at(article, index, answer.start("label"), answer.end("label"), answer.end(), end))
    return [turn for turn in turns if turn is not None]


def introduction_people(article: ArticleContext, first_turn: int) -> tuple[Span | None, Span | None]:
    """The interviewee and the interviewer the paragraphs before the first turn name, where they do.

    An interview verb says who is who ("The Herald spoke to Jo Smith": the
    person spoken to is the interviewee, unless a journalist); else the
    first person named who is no journalist is the interviewee, and the
    first journalist the interviewer.
    """
    if first_turn == 0:
        return None, None
    intro = article.span(article.paragraphs[0][0], article.paragraphs[first_turn - 1][1])
    if intro is None:
        return None, None
    people = [ent for ent in article.entities(intro) if ent.label_ == "PERSON"]
    for verb in intro:
        sides = interview_sides(article, verb)
        if sides is not None and sides[0].root.pos_ == "PRON":  # "She spoke to Ann Lee": she, named before, to Lee
            named = next((ent for ent in people if ent.start < verb.i and not is_journalist(ent)
                          and not (sides[1] is not None and ent.root == sides[1].root)), None)
            return (named, sides[1]) if named is not None else (sides[1], None)
        if sides is not None:
            return sides
    return (next((ent for ent in people if not is_journalist(ent)), None),
            next((ent for ent in people if is_journalist(ent)), None))


def interview_sides(article: ArticleContext, verb: Token) -> tuple[Span, Span | None] | None:
    """(interviewee, interviewer) of an interview verb whose one side is a person and no journalist."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.entries("interview_verbs"):
        return None
    subject = parsed_subject(article, verb)
    spoken_to = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
        (g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}
         for g in c.children if g.dep_ == "pobj"), None)
    named = next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None) \
        if subject is not None else None  # "The novelist Ada Quill": the name
    sides = [noun_phrase(t) if t is not None else None for t in (spoken_to, named or subject)]
    if spoken_to is None:  # "spoke to Rosalind Vermeer" with the given name parsed as a verb: the name after "to"
        sides[0] = next((ent[-1:] for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}
                         for ent in article.entities(verb.doc[c.i + 1:c.i + MOST_LABEL_WORDS + 1])
                         if ent.start == c.i + 1 and ent.label_ == "PERSON"), None)  # (its surname: a parse of its own)
        spoken_to = sides[0].root if sides[0] is not None else None
    if subject is not None and spoken_to is not None and is_person(sides[0]) and verb.lemma_.lower() != "interview" \
            and subject_answers(article, subject, named, sides[1]):
        return sides[1], sides[0]  # "She spoke to Ann Lee", "Jo Smith talked to Ann Lee": the subject answers
    for interviewee, interviewer in (sides, sides[::-1]):
        if interviewee is not None and is_person(interviewee) and not is_journalist(interviewee):
            return interviewee, interviewer
    return None


def subject_answers(article: ArticleContext, subject: Token, named: Token | None, side: Span) -> bool:
    """Whether the subject of "spoke to", "talked with" is the one interviewed: a he or she, or a person named
    who is no journalist (not an outlet, "The Herald spoke to Jo Smith")."""
    if subject.lower_ in {"he", "she", "they"}:
        return True
    outlet = named is None and bool(article.children(subject, "det")) and len(side) <= 2
    person = subject.ent_type_ == "PERSON" or named is not None  # a name, or a noun with one beside it
    return person and not is_journalist(side) and not outlet


def is_person(mention: Span) -> bool:
    return mention.root.ent_type_ == "PERSON" or mention.root.pos_ == "PROPN"


def is_journalist(name: Span) -> bool:
    """A name described as a journalist: "senior writer Ann Lee", "Ann Lee, our reporter"."""
    nouns = lexicon.entries("interviewer_nouns")
    if name.start > 0 and name.doc[name.start - 1].lower_ == "by" and (
            name.start == 1 or name.doc[name.start - 2].is_space or name.doc[name.start - 2].text in {"*", "_", "**"}):
        return True  # a byline: "By Ann Lee", "*By Ann Lee | May 9*"
    before = name.doc[max(name.start - 3, name.sent.start):name.start]
    described = list(name) + [t for t in before if t.pos_ == "NOUN"] + [c for c in name.root.children if c.dep_ == "appos"]
    return any(t.lemma_.lower() in nouns for t in described)
