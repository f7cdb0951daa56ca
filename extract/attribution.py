"""Attributing quotes: which cue introduces them and who is its speaker.

Works on a parsed Doc. Quoted parts come from ``quotes``; split quotes are
joined into one statement; each statement gets a cue and a speaker mention
by these rules, tried in order:

1. a speech verb that governs the quote in the parse (``"...," he said``;
   ``dismissed it as "baseless"``); a second speech verb above it is the
   reporter (``X said that "...", Y said``);
2. ``according to X`` in the same sentence;
3. a speech verb with a subject next to the quote in the same paragraph;
4. a speaker named before a colon (``Smith: "..."``);
5. a quote that opens its paragraph with no cue continues the last speaker.

Reported speech without quote marks (``X said that ...``) becomes an
``indirect`` quote. Mentions are resolved to speakers by ``speakers``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from extract import lexicon, quotes, sources, speakers
from extract.records import Quote, Speaker
from extract.records import Span as TextSpan

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLIMB = {"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp"}
NP_LEFT = {"compound", "amod", "det", "poss", "nmod", "nummod", "punct", "case", "prep", "pobj", "cc", "conj"}
NP_RIGHT = {"compound", "flat", "nummod", "case"}
RELATIVE = {"who", "that", "which"}
PERSONAL = {"he", "she", "it", "they", "we"}
SHORT_QUOTE_WORDS = 2  # shorter quotes with no cue governing them are scare quotes
REPORTING_PREPOSITIONS = {"as", "like", "that", "with"}
DESCRIBING_PREPOSITIONS = {"of", "at", "for", "from", "with", "in", "on"}
TITLE_WORD = re.compile(r"^[A-Z0-9][\w'’.&-]*$")
CONFIDENCE = {
    "subject": 0.9,
    "according-to": 0.85,
    "nearby": 0.75,
    "colon": 0.85,
    "speech-noun": 0.8,
    "sentence": 0.6,
    "signature": 0.85,
    "headline": 0.7,
    "previous": 0.6,
    "clause": 0.5,
}


@dataclass(frozen=True)
class Settings:
    """Component settings (see ``nlp.make_quote_component``)."""

    indirect: bool = True
    max_gap_words: int = 12


@dataclass(frozen=True)
class Statement:
    """Quoted parts of one paragraph that make one statement."""

    start: int
    end: int
    paragraph: int
    continued: bool
    opens_paragraph: bool
    parts: tuple[tuple[int, int], ...] = ()

    def quotes(self, token: Token) -> bool:
        """Whether the token lies inside one of the quoted parts (marks included)."""
        return any(start - 1 <= token.idx <= end for start, end in self.parts)


@dataclass(frozen=True)
class Cue:
    """How a statement is attributed: the cue, the speaker mention, the reporter."""

    method: str
    cue: Span | None
    mention: Span | None
    reporter: Span | None = None


# ---------------------------------------------------------------- predicates

def is_speech_verb(token: Token) -> bool:
    """A verb whose lemma (with its particle) is in the speech-verb list, not negated."""
    return has_speech_lemma(token) and not is_denied(token)  # "he did not say": no report of words


def has_speech_lemma(token: Token) -> bool:
    """A verb whose lemma (with its particle) is in the speech-verb list."""
    if token.pos_ not in {"VERB", "AUX"} and not token.tag_.startswith("VB"):
        return False
    verbs = lexicon.speech_verbs()
    lemma = token.lemma_.lower()
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    if any(f"{lemma} {p}" in verbs for p in particles):
        return True
    if lemma not in verbs:
        return False
    blocked = lexicon.speech_verb_exclusions().get(lemma, ())
    return not any(c.dep_ in blocked for c in token.children)


def is_denied(verb: Token) -> bool:
    """A verb negated outside any quote ("did not say")."""
    return any(c.dep_ == "neg" and not is_quoted(c) for c in verb.children)


def cue_span(verb: Token) -> Span:
    """The verb with its particle ("pointed out")."""
    end = max([verb.i] + [c.i for c in verb.children if c.dep_ == "prt"])
    return verb.doc[verb.i:end + 1]


QUOTED = "quotedb.quoted"  # doc.user_data key: the (start, end) offsets of every quoted part
TEXT = "quotedb.text"  # doc.user_data key: the Doc's text


def text_of(doc: Doc) -> str:
    """The Doc's text, joined once: spaCy's ``doc.text`` joins every token's text on each call."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def is_quoted(token: Token) -> bool:
    """Whether the token lies inside a quotation (marks included) of its Doc."""
    spans = token.doc.user_data.get(QUOTED, ())
    at = bisect_right(spans, (token.idx + 1, len(text_of(token.doc)) + 1)) - 1
    return at >= 0 and spans[at][0] - 1 <= token.idx <= spans[at][1]


def inside(token: Token, start: int, end: int) -> bool:
    """Whether the token starts within ``[start, end)``."""
    return start <= token.idx < end


def is_relative(token: Token) -> bool:
    """A relative pronoun standing for the noun its clause hangs on."""
    return token.lower_ in RELATIVE and token.head.dep_ == "relcl"


# ---------------------------------------------------------------- mentions

def subject_of(verb: Token) -> Token | None:
    """The speaker of a speech verb: its parsed subject when it could speak, else a speaker word next to it."""
    parsed = parsed_subject(verb)
    if parsed is not None and (could_speak_as_group(parsed) or parsed.pos_ == "PRON"):
        return parsed
    return adjacent_speaker(verb) or parsed


def could_speak(token: Token) -> bool:
    """A person's name, a personal pronoun or a noun that names a person."""
    if token.ent_type_ == "PERSON" and (token.pos_ == "PROPN" or token.text.istitle()):
        return True
    if token.pos_ == "PRON":
        return token.lower_ in {"he", "she", "they", "i", "we"}
    return speakers.is_common_noun(token) and speakers.is_person_noun(token)


def could_speak_as_group(token: Token) -> bool:
    """Who could speak, or an organisation or group that speaks as one."""
    if could_speak(token):
        return True
    if token.pos_ == "PROPN":
        return token.ent_type_ in {"ORG", "NORP", "GPE", ""} and token.text[:1].isupper()
    return speakers.is_common_noun(token) and speakers.can_speak(token)


def adjacent_speaker(verb: Token) -> Token | None:
    """When the parse gives no subject: a speaker word just before or after the verb."""
    sent = verb.sent
    for i in range(verb.i - 1, max(sent.start, verb.i - 8) - 1, -1):
        token = verb.doc[i]
        if could_speak(token):
            return named_by_apposition(token)
        if token.pos_ in {"VERB", "AUX"} or token.text in quotes.MARKS:
            break
    after = verb.doc[verb.i + 1:min(sent.end, verb.i + 4)]
    return next((t for t in after if could_speak(t) and inverted_subject(t, verb)), None)


def named_by_apposition(token: Token) -> Token:
    """The name a description stands beside ("Rask, a top surrogate,": Rask), else the word itself."""
    name = token.head
    if token.dep_ == "appos" and name.pos_ == "PROPN" and name.ent_type_ == "PERSON" and not is_quoted(name):
        return name
    return token


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


def parsed_subject(verb: Token) -> Token | None:
    """The subject of a speech verb in the parse, climbing through clause links.

    The passive subject of the speech verb itself is who was spoken to
    ("she was told"); a passive head verb's subject is the speaker
    ("he was quoted as saying").
    """
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON" and before.dep_ != "dobj":
        return before  # "footage of Smith saying ...": the name just before the participle
    for hop in range(4):
        deps = SUBJECTS - {"nsubjpass"} if hop == 0 else SUBJECTS
        subjects = [c for c in verb.children if c.dep_ in deps and not is_quoted(c)]
        if subjects:  # a person before a place: "LONDON (Reuters) - Jo Smith said" parses both as subjects
            subject = past_dateline(next((s for s in subjects if could_speak(s)), subjects[0]), verb)
            return subject.head.head if is_relative(subject) else subject
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            noun = verb.head
            issued = noun.dep_ == "dobj" and speakers.is_document_noun(noun)  # "Smith issued a statement saying"
            if could_speak_as_group(noun) and not issued:
                return noun  # "footage of Smith saying ...": the participle's noun speaks
            if noun.dep_ != "dobj":
                return None
            verb = noun.head  # "Smith posted a note saying ...": who posted it speaks
            continue
        if verb.dep_ not in CLIMB or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def past_dateline(subject: Token, verb: Token) -> Token:
    """A subject the parse found in the dateline ("LONDON (Reuters) - Jo Smith said"): who comes after it."""
    text = text_of(subject.doc)
    start, _ = quotes.paragraphs(text)[paragraph_of(subject.doc, subject.idx)]
    end = start + sources.dateline_length(text[start:])
    if subject.idx >= end:
        return subject
    after = (t for t in subject.doc[subject.i:verb.i] if t.idx >= end and t.dep_ != "compound")
    return next((t for t in after if could_speak_as_group(t)), subject)


def noun_phrase(token: Token) -> Span:
    """The mention around a head token: its pre-modifiers and compounds."""
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
    while left < token.i and (doc[left].is_punct or doc[left].dep_ in {"cc", "case"} or doc[left].pos_ == "VERB"):
        left += 1
    if token.pos_ == "NOUN":
        right = max(right, described_by(token))
    return doc[left:right + 1]


def described_by(noun: Token) -> int:
    """The end of a short phrase that says whose a description is ("officials at the port")."""
    for child in noun.rights:
        words = noun.doc[child.i:child.right_edge.i + 1]
        if child.dep_ == "prep" and child.lower_ in DESCRIBING_PREPOSITIONS and len(words) <= 6 \
                and not any(t.pos_ in {"VERB", "AUX"} or t.is_punct or t.text in quotes.MARKS for t in words):
            return child.right_edge.i
    return noun.i


def according_to(tokens) -> Token | None:
    """The source of an ``according to X`` phrase among ``tokens``."""
    phrases = lexicon.attribution_phrases()
    for token in tokens:
        following = token.doc[token.i:token.i + 2].text.lower()
        if token.lower_ in phrases or following in phrases:
            for t in token.subtree:
                if t.dep_ == "pobj":
                    return t
    return None


# ---------------------------------------------------------------- statements

def statements(doc: Doc, parts: list[quotes.QuotedPart], settings: Settings) -> list[Statement]:
    """Join split quotes of one paragraph into statements."""
    text = text_of(doc)
    result: list[Statement] = []
    starts = [p[0] for p in quotes.paragraphs(text)]
    for part in parts:
        previous = result[-1] if result else None
        if previous and joinable(doc, previous, part, settings):
            result[-1] = replace(previous, end=part.end, continued=part.continued,
                                 parts=previous.parts + ((part.start, part.end),))
            continue
        para_start = starts[part.paragraph]
        opens = not text[para_start:part.start - 1].strip()
        result.append(Statement(part.start, part.end, part.paragraph, part.continued, opens,
                                ((part.start, part.end),)))
    return result


def joinable(doc: Doc, first: Statement, second: quotes.QuotedPart, settings: Settings) -> bool:
    """Whether ``"A," he said, "B"`` makes ``A`` and ``B`` one statement."""
    if first.paragraph != second.paragraph or kind_of(doc, first) != "direct":
        return False
    gap = doc.char_span(first.end + 1, second.start - 1, alignment_mode="expand")
    if gap is None or not gap.text.strip():
        return False
    words = [t for t in gap if not t.is_punct]
    if not words or len(words) > settings.max_gap_words:
        return False
    if gap.text.strip()[-1] not in ",:;.\u2014\u2013-":
        return False
    if trailing_cue(doc, second, settings):
        return False
    cues = [t for t in words if is_speech_verb(t)]
    subjects = [t for t in words if t.dep_ in SUBJECTS]
    if len(cues) > 1 or len(subjects) > 1:
        return False  # "...," he said, adding, "..." or "...," she said, and he cut in: two attributions
    return bool(cues) or according_to(words) is not None


def trailing_cue(doc: Doc, part: quotes.QuotedPart, settings: Settings) -> bool:
    """Whether a speech verb follows the part closely (``"B," she said``)."""
    after = doc.char_span(part.end + 1, min(len(text_of(doc)), part.end + 60), alignment_mode="contract")
    if after is None:
        return False
    words = []
    for token in after:
        if token.text in quotes.MARKS or "\n" in token.text:
            break
        words.append(token)
    return any(is_speech_verb(t) for t in words[:6])


# ---------------------------------------------------------------- cues

def governing_cues(doc: Doc, stmt: Statement) -> list[Token]:
    """Speech verbs outside the quote that the quote depends on, nearest first."""
    content = doc.char_span(stmt.start, stmt.end, alignment_mode="expand")
    if content is None:
        return []
    found: list[Token] = []
    for token in content:
        if not stmt.quotes(token) or stmt.quotes(token.head):
            continue
        for ancestor in reported_by(token):
            if not stmt.quotes(ancestor) and ancestor not in found and not quoted_subject(ancestor, stmt):
                found.append(ancestor)
    return sorted(found, key=lambda verb: depth(verb), reverse=True)


def reported_by(token: Token) -> list[Token]:
    """Speech verbs above a token, up to a link that is no report (``on "Show"``)."""
    verbs = []
    while token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ not in REPORTING_PREPOSITIONS:
            break
        token = token.head
        if is_speech_verb(token):
            verbs.append(token)
    return verbs


def depth(token: Token) -> int:
    """Number of ancestors: deeper verbs govern more closely."""
    return sum(1 for _ in token.ancestors)


def quoted_subject(verb: Token, stmt: Statement) -> bool:
    """Whether the verb's subject is itself quoted (then it is no cue)."""
    subject = subject_of(verb)
    return subject is not None and stmt.quotes(subject)


def reporter_of(outer: list[Token], speaker: Token, source: Token | None) -> Token | None:
    """Who relays the speaker's words: the subject of an outer speech verb or ``according to``."""
    for verb in outer:
        subject = subject_of(verb)
        if subject is not None and subject != speaker:
            return subject
    return source if source is not None and source != speaker else None


def window(doc: Doc, stmt: Statement, spans: list[tuple[int, int]]) -> list[Token]:
    """Tokens of the statement's paragraph that lie outside every quote."""
    start, end = quotes.paragraphs(text_of(doc))[stmt.paragraph]
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is None:
        return []
    return [t for t in tokens if not any(s - 1 <= t.idx <= e for s, e in spans)]


def nearby_cue(doc: Doc, stmt: Statement, tokens: list[Token]) -> Token | None:
    """The speech verb with a subject closest to the statement, in a sentence it touches.

    A quote embedded in reported speech takes only a verb of its own
    sentences; a direct quote also one of the sentences just around it.
    """
    outside = set(tokens)
    reach = sentences_around(doc, stmt, 0 if kind_of(doc, stmt) == "mixed" else 1)
    verbs = [t for t in tokens if is_speech_verb(t) and subject_of(t) in outside and t.sent.start in reach]
    if not verbs:
        return None
    return min(verbs, key=lambda v: min(abs(v.idx - stmt.start), abs(v.idx - stmt.end)))


def sentences_around(doc: Doc, stmt: Statement, margin: int) -> set[int]:
    """Start tokens of the sentences the statement touches, and ``margin`` more on each side."""
    sents = list(doc.sents)
    touched = [i for i, sent in enumerate(sents) if sent.start_char < stmt.end and stmt.start < sent.end_char]
    if not touched:
        return set()
    first, last = max(0, touched[0] - margin), min(len(sents) - 1, touched[-1] + margin)
    return {sents[i].start for i in range(first, last + 1)}


INTRODUCTION_BREAKS = {"-", "--", "\u2013", "\u2014", ".", ";", "!", "?"}


def could_be_named(word: Token) -> bool:
    """A name, a capitalised noun ("SMITH") or a noun that can speak ("the ministry")."""
    return word.pos_ == "PROPN" or (word.pos_ == "NOUN" and (word.text[:1].isupper() or speakers.can_speak(word)))


def colon_speaker(doc: Doc, stmt: Statement, tokens: list[Token]) -> tuple[Span, Span] | None:
    """A speaker named just before a colon that introduces the quote.

    Only the words after the last dash or sentence end count: "HEADLINE - Jo
    Smith:" and "More from Smith:" name Smith. The word before the colon must
    be able to name a speaker ("The ministry:", not "The figures:"). A speech
    verb among the words is the work of the verb rules, unless it comes first
    ("Continued Smith:").
    """
    before = [t for t in tokens if t.idx < stmt.start]
    if len(before) < 2 or before[-1].text != ":":
        return None
    breaks = [at for at, t in enumerate(before[:-1]) if t.text in INTRODUCTION_BREAKS]
    before = before[breaks[-1] + 1:] if breaks else before
    if not 2 <= len(before) <= 8:
        return None
    name = before[-2]
    if not could_be_named(name):
        return None
    mention = noun_phrase(name)
    mention = doc[max(mention.start, before[0].i):mention.end]  # not across the dash
    leading = before[0].i if before[0].i == mention.start - 1 else None  # "Continued Smith:"
    if any(is_speech_verb(t) for t in before if t.i != leading):
        return None
    return mention, doc[before[-1].i:before[-1].i + 1]


SIGNATURE = re.compile(r"[^\S\n]*([\u2015\u2014\u2013-]{1,2})[^\S\n]*((?:[A-Z][\w.'\u2019-]*[^\S\n]?){1,5}?)[.,]?[^\S\n]*(?=\n|$|[\"\u201c\u201d\u00ab])")


def signature(doc: Doc, stmt: Statement) -> tuple[Span, Span] | None:
    """A name signed after the quote with a dash (``"..." ― Jo Smith``): mention and dash."""
    after = stmt.end + 1 if text_of(doc)[stmt.end:stmt.end + 1] in quotes.MARKS else stmt.end
    match = SIGNATURE.match(text_of(doc), after)
    if not match:
        return None
    written = match.group(2).rstrip()
    if written.endswith(".") and len(written.split()[-1]) > 3:
        written = written[:-1]  # the sentence's full stop, not an initial's
    name = doc.char_span(match.start(2), match.start(2) + len(written), alignment_mode="expand")
    dash = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if name is None or dash is None or not any(t.pos_ == "PROPN" for t in name):
        return None
    return name, dash


def inner_label(doc: Doc, stmt: Statement) -> tuple[Statement, Span, Span] | None:
    """A transcript label opening the quote (``"SMITH: ...``)."""
    match = re.match(r"([A-Z][A-Z.'\- ]{1,40}):\s+", text_of(doc)[stmt.start:stmt.end])
    if not match:
        return None
    name = doc.char_span(stmt.start, stmt.start + len(match.group(1)), alignment_mode="expand")
    colon = doc.char_span(stmt.start + len(match.group(1)), stmt.start + len(match.group(1)) + 1,
                          alignment_mode="expand")
    if name is None or colon is None:
        return None
    moved = Statement(stmt.start + match.end(), stmt.end, stmt.paragraph, stmt.continued, stmt.opens_paragraph)
    return moved, name, colon


def find_cue(doc: Doc, stmt: Statement, spans: list[tuple[int, int]]) -> Cue | None:
    """The cue and speaker mention of a statement, by the module's rules."""
    governing = governing_cues(doc, stmt)
    tokens = window(doc, stmt, spans)
    source = according_to(tokens)
    if governing:
        verb = speaking_cue(governing)
        mention = subject_of(verb)
        if mention is not None:
            mention = fullest_mention(verb, mention)
            reporter = reporter_of(governing[governing.index(verb) + 1:], mention, source)
            return Cue("subject", cue_span(verb), noun_phrase(mention),
                       noun_phrase(reporter) if reporter is not None else None)
    if source is not None:
        return Cue("according-to", doc[source.head.head.i:source.head.i + 1], noun_phrase(source))
    signed = signature(doc, stmt)
    if signed is not None:
        return Cue("signature", signed[1], signed[0])
    verb = nearby_cue(doc, stmt, tokens)
    if verb is not None:
        return Cue("nearby", cue_span(verb), noun_phrase(fullest_mention(verb, subject_of(verb))))
    colon = colon_speaker(doc, stmt, tokens)
    if colon is not None:
        return Cue("colon", colon[1], colon[0])
    owner = speech_noun_owner(doc, stmt)
    if owner is not None:
        return owner
    if stmt.opens_paragraph:
        return introducing_cue(doc, stmt, spans)
    return governing_clause(doc, stmt) or preceding_subject(doc, stmt)


def speech_noun_owner(doc: Doc, stmt: Statement) -> Cue | None:
    """Whose claim a quote is: "Smith's claim that \"...\"", "a warning by the ministry that ..."."""
    content = doc.char_span(stmt.start, stmt.end, alignment_mode="expand")
    roots = [t for t in content or () if stmt.quotes(t) and not stmt.quotes(t.head)]
    for token in roots[:1]:
        for noun in token.ancestors:
            if noun.pos_ in {"VERB", "AUX"} and noun.dep_ not in {"acl", "ccomp", "relcl"}:
                return None
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.speech_nouns():
                continue
            owners = [c for c in noun.children if c.dep_ == "poss"]
            owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                       for g in c.children if g.dep_ == "pobj"]
            if owners and speaks(owners[0]) and not stmt.quotes(owners[0]):
                return Cue("speech-noun", doc[noun.i:noun.i + 1], noun_phrase(owners[0]))
    return None


def preceding_subject(doc: Doc, stmt: Statement) -> Cue | None:
    """A quote standing as a sentence right after one whose subject could speak: that subject.

    "Senator Smith named the causes. \"We are tired of waiting.\"" The clause
    before a colon counts as such a sentence, however the parse joins it to the
    quote: "Smith has apologized for it: \"I was wrong.\""
    """
    if kind_of(doc, stmt) != "direct":
        return None
    start, _ = quotes.paragraphs(text_of(doc))[stmt.paragraph]
    before = doc.char_span(start, stmt.start - 1, alignment_mode="contract")
    sentences = list(before.sents) if before is not None and len(before) else []
    if not sentences:
        return None
    last = sentences[-1]
    roots = [last.root]
    if last.root.idx >= stmt.start:  # "Smith apologized: \"...\"" parsed as one sentence: first the clause before
        roots.insert(0, doc[max(last.start, before.start):before.end].root)
    for root in roots:
        subject = parsed_subject(root) if root.pos_ in {"VERB", "AUX"} else None
        if subject is not None and not is_quoted(subject) and (
                could_speak(subject) or subject.lower_ in PERSONAL - {"it"}):
            return Cue("sentence", doc[root.i:root.i + 1], noun_phrase(subject))
    return None


def speaking_cue(governing: list[Token]) -> Token:
    """The nearest governing cue whose subject can speak: "she says it underscores ..." is hers."""
    speaking = [verb for verb in governing if speaks(subject_of(verb))]
    if not speaking:
        return governing[0]
    first = speaking[0]
    people = [verb for verb in speaking[1:] if could_speak(subject_of(verb))]
    if speakers.is_document_noun(subject_of(first)) and people:
        return people[0]  # "Smith said the report \"clearly\" shows ...": Smith's words
    return first


def speaks(subject: Token | None) -> bool:
    """Whether a cue's subject can speak: a person, a group, a text, or he, she, they or we."""
    return subject is not None and (could_speak_as_group(subject) or subject.lower_ in PERSONAL - {"it"})


def fullest_mention(verb: Token, mention: Token) -> Token:
    """The outermost subject in the cue's sentence that names the speaker a pronoun stands for.

    "Quill says she admired what she calls ...": the mention is Quill.
    """
    if mention.lower_ not in PERSONAL or verb.dep_ in {"advcl", "conj"}:
        return mention  # "Though she called it ..., Smith left": a clause of its own
    fullest = mention
    for ancestor in verb.ancestors:
        if ancestor.sent.start != verb.sent.start:
            break
        subject = parsed_subject(ancestor) if ancestor.pos_ in {"VERB", "AUX"} else None
        if subject is not None and subject != fullest and not is_quoted(subject) and agrees(subject, mention):
            fullest = subject
    return fullest


def agrees(subject: Token, pronoun: Token) -> bool:
    """Whether a pronoun can stand for a subject (gender and number)."""
    gender = speakers.GENDERED.get(pronoun.lower_)
    if subject.lower_ in PERSONAL:
        return subject.lower_ == pronoun.lower_
    if pronoun.lower_ == "it":
        return subject.tag_ in {"NN", "NNP"} and could_speak_as_group(subject) and not could_speak(subject)
    if pronoun.lower_ in {"they", "we"}:
        return subject.tag_ in {"NNS", "NNPS"} or (could_speak_as_group(subject) and not could_speak(subject))
    if not could_speak(subject) or subject.tag_ in {"NNS", "NNPS"}:
        return False
    return speakers.gender_fits_name(subject, gender)


def governing_clause(doc: Doc, stmt: Statement) -> Cue | None:
    """A quote inside a clause whose verb is no speech verb but whose subject could speak."""
    content = doc.char_span(stmt.start, stmt.end, alignment_mode="expand")
    roots = [t for t in content or () if stmt.quotes(t) and not stmt.quotes(t.head)]
    for token in roots[:1]:
        for verb in token.ancestors:
            if verb.pos_ not in {"VERB", "AUX"} or stmt.quotes(verb) or is_denied(verb):
                continue
            subject = parsed_subject(verb)
            if subject is not None and could_speak_as_group(subject) and not stmt.quotes(subject):
                return Cue("clause", doc[verb.i:verb.i + 1], noun_phrase(subject))
    return None


def introducing_cue(doc: Doc, stmt: Statement, spans: list[tuple[int, int]]) -> Cue | None:
    """A cue ending the paragraph before with a colon or comma ("He said:")."""
    if stmt.paragraph == 0:
        return None
    start, end = quotes.paragraphs(text_of(doc))[stmt.paragraph - 1]
    if text_of(doc)[end - 1] not in ":,":
        return None
    previous = replace(stmt, start=end + 1, end=end + 1, paragraph=stmt.paragraph - 1, parts=())
    tokens = [t for t in window(doc, previous, spans) if t.idx < end]
    verbs = [t for t in tokens if is_speech_verb(t) and subject_of(t) in set(tokens)]
    if verbs:
        return Cue("subject", cue_span(verbs[-1]), noun_phrase(subject_of(verbs[-1])))
    colon = colon_speaker(doc, previous, tokens)
    if colon is not None:
        return Cue("colon", colon[1], colon[0])
    if text_of(doc)[end - 1] != ":" or not tokens:
        return None
    root = tokens[-1].sent.root  # "Smith made the following comment:"
    subject = parsed_subject(root) if root.pos_ in {"VERB", "AUX"} else None
    if subject is not None and subject in set(tokens) and speaks(subject):
        return Cue("sentence", doc[root.i:root.i + 1], noun_phrase(subject))
    return None


# ---------------------------------------------------------------- kinds and filters

def kind_of(doc: Doc, stmt: Statement) -> str:
    """``direct`` when the quote stands as a sentence, ``mixed`` when embedded."""
    before = text_of(doc)[:stmt.start - 1].rstrip()
    if not before or before[-1] in ".,:;!?\n\u2014\u2013-" or stmt.opens_paragraph:
        return "direct"
    return "mixed"


def is_title(text: str) -> bool:
    """A quoted name of a show, book or slogan: short, every word capitalised."""
    words = [w for w in re.findall(r"[\w'’.&-]+", text) if w.lower() not in {"of", "the", "a", "and", "in", "on", "for", "to", "at"}]
    return 0 < len(words) <= 8 and all(TITLE_WORD.match(w) for w in words) and not text.rstrip().endswith(("?", "!"))


def is_speech(doc: Doc, stmt: Statement, cue: Cue | None) -> bool:
    """Reject scare quotes and titles: short or title-like quotes need a governing cue."""
    text = text_of(doc)[stmt.start:stmt.end]
    words = len(text.split())
    governed = cue is not None and cue.method == "subject"
    if is_title(text) and not (governed and words > 3):
        return False
    if words < SHORT_QUOTE_WORDS and not (governed or stmt.opens_paragraph):
        return False
    return not denied_report(doc, stmt)


def denied_report(doc: Doc, stmt: Statement) -> bool:
    """Whether the speech verb nearest above the quote is negated ("she did not say \"...\"")."""
    content = doc.char_span(stmt.start, stmt.end, alignment_mode="expand")
    for token in content or ():
        if not stmt.quotes(token) or stmt.quotes(token.head):
            continue
        while token.head.i != token.i and not (token.dep_ == "prep" and token.lower_ not in REPORTING_PREPOSITIONS):
            token = token.head
            if has_speech_lemma(token):
                return is_denied(token)
    return False


# ---------------------------------------------------------------- indirect speech

def indirect_clauses(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[Token, Span]]:
    """Speech verbs with a reported clause that holds no quote."""
    found = []
    for verb in doc:
        if not is_speech_verb(verb) or any(s - 1 <= verb.idx <= e for s, e in spans):
            continue
        subject = subject_of(verb)
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not clauses or subject is None or subject in clauses[0].subtree:
            continue
        clause = doc[clauses[0].left_edge.i:clauses[0].right_edge.i + 1]
        if any(s < clause.end_char and clause.start_char < e for s, e in spans):
            continue
        if len(clause) >= 3:
            found.append((verb, clause))
    return found


def headline_source(doc: Doc) -> tuple[Span, Span] | None:
    """A headline that ends with ``- Name``: content and mention."""
    paras = quotes.paragraphs(text_of(doc))[:3]
    for start, end in paras:
        match = re.match(r"(.{10,}?)\s+[-\u2013\u2014]\s+((?:[A-Z][\w.'’-]+\s?){1,4})$", text_of(doc)[start:end])
        if not match:
            continue
        mention = doc.char_span(start + match.start(2), start + match.end(2), alignment_mode="expand")
        content = doc.char_span(start, start + match.end(1), alignment_mode="expand")
        if mention is not None and content is not None and names_person(mention):
            return content, mention
    return None


def names_person(mention: Span) -> bool:
    """Whether a span is a person's name, by the tagger or by the article's people."""
    people = speakers.people(mention.doc)
    return any(e.label_ == "PERSON" for e in mention.ents) or any(t.lower_ in people for t in mention)


# ---------------------------------------------------------------- assembly

def text_span(span: Span | None) -> TextSpan | None:
    """Flatten a spaCy span to offsets and text."""
    if span is None:
        return None
    return TextSpan(span.start_char, span.end_char, span.text)


def find_quotes(doc: Doc, settings: Settings = Settings(), errors: list[str] | None = None,
                coref=None) -> list[Quote]:
    """Every quote of the Doc, attributed and resolved, in text order.

    A quote that fails is left out and its error appended to ``errors``;
    the other quotes of the article are kept.
    """
    errors = [] if errors is None else errors
    stmts = statements(doc, quotes.quoted_parts(text_of(doc)), settings)
    spans = [part for s in stmts for part in s.parts]
    doc.user_data[QUOTED] = sorted(spans)
    resolver = speakers.Resolver(doc, spans, coref)
    found: list[Quote] = []
    headline = headline_source(doc)
    if headline is not None:
        found += attempt(errors, 0, lambda: [
            make_quote(resolver, headline[0], "indirect", Cue("headline", None, headline[1]), 0)])
    pending = attempt(errors, 0, lambda: indirect_clauses(doc, spans)) if settings.indirect else []
    for passage in passages(stmts):
        while pending and pending[0][1].start_char < passage[0].start:
            clause = pending.pop(0)
            found += attempt(errors, clause[1].start_char, lambda: [indirect_quote(resolver, *clause)])
        found += attempt(errors, passage[0].start, lambda: passage_quotes(doc, resolver, passage, spans, found))
    for clause in pending:
        found += attempt(errors, clause[1].start_char, lambda: [indirect_quote(resolver, *clause)])
    return found


QUOTE_ERRORS = (ValueError, IndexError, KeyError, AttributeError, RecursionError)


def attempt(errors: list[str], start: int, make) -> list:
    """What ``make()`` returns; when it fails, nothing, and the error is reported with its offset."""
    try:
        return list(make())
    except QUOTE_ERRORS as error:
        errors.append(f"quote at {start}: {type(error).__name__}: {error}")
        return []


def passages(stmts: list[Statement]) -> list[list[Statement]]:
    """Group statements into passages: a quote running over paragraphs is one passage."""
    groups: list[list[Statement]] = []
    for stmt in stmts:
        last = groups[-1][-1] if groups else None
        if last is not None and last.continued and stmt.paragraph == last.paragraph + 1 and stmt.opens_paragraph:
            groups[-1].append(stmt)
        else:
            groups.append([stmt])
    return groups


def passage_quotes(doc: Doc, resolver, passage: list[Statement], spans, found: list[Quote]) -> list[Quote]:
    """Attribute every statement of a passage; statements without a cue share the passage's.

    Each quoted part becomes one Quote: a statement broken by its
    attribution or running over paragraphs is several, sharing ``passage``.
    """
    labelled = [labelled_cue(doc, stmt, spans) for stmt in passage]
    shared = next((cue for _, cue in labelled if cue is not None), None)
    first = len(found) if sum(len(pieces(stmt)) for stmt, _ in labelled) > 1 else None
    result: list[Quote] = []
    for stmt, cue in labelled:
        if len(passage) == 1 and not is_speech(doc, stmt, cue):
            continue
        content = doc.char_span(stmt.start, stmt.end, alignment_mode="expand")
        kind = kind_of(doc, stmt)
        cue = cue or shared
        if cue is None:
            quote = floating_quote(doc, stmt, kind, found + result)
        else:
            quote = make_quote(resolver, content, kind, cue, stmt.paragraph, stmt)
        result.extend(replace(quote, content=TextSpan(start, end, text_of(doc)[start:end]), passage=first)
                      for start, end in pieces(stmt))
    return result


def pieces(stmt: Statement) -> list[tuple[int, int]]:
    """The quoted parts of a statement, as stored: the words between each pair of marks."""
    parts = [(max(start, stmt.start), min(end, stmt.end)) for start, end in stmt.parts]
    return [(start, end) for start, end in parts if end > start] or [(stmt.start, stmt.end)]


def labelled_cue(doc: Doc, stmt: Statement, spans) -> tuple[Statement, Cue | None]:
    """The statement (moved past a transcript label) and its cue."""
    labelled = inner_label(doc, stmt)
    if labelled is not None:
        stmt, name, colon = labelled
        return stmt, Cue("colon", colon, name)
    return stmt, find_cue(doc, stmt, spans)


def paragraph_of(doc: Doc, offset: int) -> int:
    """Index of the paragraph holding a character offset."""
    starts = [s for s, _ in quotes.paragraphs(text_of(doc))]
    return max(0, bisect_right(starts, offset) - 1)


def indirect_quote(resolver: "speakers.Resolver", verb: Token, clause: Span) -> Quote:
    """A reported-speech quote from a speech verb and its clause."""
    cue = Cue("subject", cue_span(verb), noun_phrase(subject_of(verb)))
    return make_quote(resolver, clause, "indirect", cue, paragraph_of(verb.doc, clause.start_char))


def floating_quote(doc: Doc, stmt: Statement, kind: str, found: list[Quote]) -> Quote:
    """A paragraph-opening quote with no cue continues the last speaker."""
    content = TextSpan(stmt.start, stmt.end, text_of(doc)[stmt.start:stmt.end])
    previous = [q for q in found if q.speaker is not None]
    if not previous or not (stmt.opens_paragraph or follows_its_cue(previous[-1], stmt)):
        return Quote(content, kind, paragraph=stmt.paragraph)
    last = previous[-1]
    confidence = round(CONFIDENCE["previous"] * last.confidence / CONFIDENCE.get(last.method, 0.9), 2)
    return Quote(content, kind, last.cue, last.mention, last.speaker, last.reporter, "previous",
                 min(confidence, CONFIDENCE["previous"]), stmt.paragraph)


def follows_its_cue(last: Quote, stmt: Statement) -> bool:
    """Whether a quote comes right after the last quote's own cue in one paragraph ('"A," X said on "Show." "B."')."""
    cue = last.cue
    return (cue is not None and last.paragraph == stmt.paragraph
            and last.content.end <= cue.start and cue.end <= stmt.start)


def make_quote(resolver, content: Span, kind: str, cue: Cue, paragraph: int, stmt: Statement | None = None) -> Quote:
    """Resolve the mention and build the Quote record."""
    resolution = resolver.resolve(cue.mention) if cue.mention is not None else None
    relayed = resolver.resolve(cue.reporter) if cue.reporter is not None else None
    reporter = relayed.speaker if relayed else None
    speaker: Speaker | None = resolution.speaker if resolution else None
    confidence = CONFIDENCE.get(cue.method, 0.5) * (resolution.confidence if resolution else 0.3)
    method = resolution.method if resolution and resolution.method != "name" else cue.method
    start, end = (stmt.start, stmt.end) if stmt is not None else (content.start_char, content.end_char)
    if resolution is not None:
        resolver.spoke(resolution.speaker, cue.mention)
    if relayed is not None:
        resolver.spoke(relayed.speaker, cue.reporter)
    return Quote(TextSpan(start, end, text_of(content.doc)[start:end]), kind, text_span(cue.cue),
                 text_span(cue.mention), speaker, reporter, method, round(confidence, 2), paragraph)
