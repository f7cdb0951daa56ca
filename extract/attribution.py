"""Attributing quotes: statements, their cues and their speakers, in text order.

Works on a parsed Doc. Quoted parts come from ``quotes``; split quotes of
one paragraph join into one statement (``statements``), and a quote that
runs over paragraphs is one passage (``passages``), and so are the quotes
one cue attributes in a paragraph (``one_passage_per_cue``). Each statement gets a
``QuoteContext`` and the first rule of ``extract.cues.CUE_RULES`` that finds
its cue; statements of a passage without a cue share the passage's; a
quote with no cue at all may continue the last speaker (``continuation``).
Reported speech without quote marks and signed headlines are statements
of their own (the ``reported-speech`` and ``headline`` rules).

Each cue's mention is resolved to a speaker by ``speakers.Resolver``. A
quote records the rule (``cue_rule``) and the resolution (``resolution``)
apart; its confidence is the product of their confidences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from extract import cues, lexicon, quotes, speakers
from extract.clauses import own_speech_act, past_the_addressee, reported_clause, source_expression
from extract.context import ArticleContext, Paragraphs, Quoted, QuoteContext, Statement
from extract.cues import Cue, Rule, Unquoted
from extract.cues import learned as learned_cues, transcripts
from extract.cues.headline import holding, holds, kicker_colon
from extract.grammar import (
    CLIMB_LIMIT, REPORTING_PREPOSITIONS, SUBJECTS, according_to, has_speech_lemma, is_denied, is_relative, is_speech_verb,
    reported_by)
from extract.records import Quote
from extract.records import Span as TextSpan
from extract.vocabulary import GENDERED, gender_of

SHORT_QUOTE_WORDS = 2  # shorter quotes with no cue governing them are scare quotes
NAME_QUOTE_WORDS = 4  # quotes this short inside a noun phrase, with no cue at all, are names
PULL_QUOTE_WORDS = 5  # a quote alone as its paragraph repeating this many words quoted before is a pull quote
PULL_QUOTE_REACH = 12  # paragraphs back that a pull quote repeats
TITLE_SMALL_WORDS = {"of", "the", "a", "and", "&", "in", "on", "for", "to", "at"}
TITLE_WORDS = re.compile(r"[\w'’.&-]+")
TITLE_WORD = re.compile(r"^[A-Z0-9][\w'’.&-]*$")
ODD_PARSE_ERRORS = (ValueError,)  # what an odd parse or offset can raise (spaCy's own errors); other errors are bugs


@dataclass(frozen=True)
class Settings:
    """Component settings (see ``nlp.make_quote_component``)."""

    indirect: bool = True
    max_gap_words: int = 20
    learned: bool = True  # reported speech found by the attribution model too (``learned-speech``)


# ---------------------------------------------------------------- statements

def statements(article: ArticleContext, parts: list[quotes.QuotedPart], settings: Settings) -> list[Statement]:
    """Join split quotes of one paragraph into statements."""
    result: list[Statement] = []
    for part in parts:
        previous = result[-1] if result else None
        if previous and joinable(article, previous, part, settings):
            result[-1] = replace(previous, end=part.end, continued=part.continued,
                                 parts=previous.parts + ((part.start, part.end),))
            continue
        opens = part.start - part.opening <= article.paragraphs[part.paragraph][0]  # only the mark before it
        result.append(Statement(part.start, part.end, part.paragraph, part.continued, opens,
                                ((part.start, part.end),), part.opening))
    return result


def joinable(article: ArticleContext, first: Statement, second: quotes.QuotedPart, settings: Settings) -> bool:
    """Whether ``"A," he said, "B"`` makes ``A`` and ``B`` one statement."""
    if first.paragraph != second.paragraph or article.kind_of(first) != "direct":
        return False
    gap = article.span(first.end + 1, second.start - second.opening)
    if gap is None or not gap.text.strip():
        return False
    words = [t for t in gap if not t.is_punct]
    if not words or len(words) > settings.max_gap_words:
        return False
    if gap.text.strip()[-1] not in ",:;.\u2014\u2013-":
        return False
    if trailing_cue(article, second):
        return False
    verbs = [t for t in words if is_speech_verb(article, t)]
    subjects = [t for t in words if t.dep_ in SUBJECTS]
    if len(verbs) > 1 or len(subjects) > 1:
        return False  # "...," he said, adding, "..." or "...," she said, and he cut in: two attributions
    return bool(verbs) or according_to(words) is not None


def trailing_cue(article: ArticleContext, part: quotes.QuotedPart) -> bool:
    """Whether a speech verb follows the part closely (``"B," she said``)."""
    after = article.doc.char_span(part.end + part.closing, min(len(article.text), part.end + 60),
                                  alignment_mode="contract")
    if after is None:
        return False
    words = []
    for token in after:
        if token.text in quotes.MARKS or "\n" in token.text:
            break
        words.append(token)
    return any(is_speech_verb(article, t) for t in words[:6])


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


def pieces(stmt: Statement) -> list[tuple[int, int]]:
    """The quoted parts of a statement, as stored: the words between each pair of marks."""
    parts = [(max(start, stmt.start), min(end, stmt.end)) for start, end in stmt.parts]
    return [(start, end) for start, end in parts if end > start] or [(stmt.start, stmt.end)]


# ---------------------------------------------------------------- filters

TEASER = re.compile(r"[\W_]*([^\W\d_][\w'’ ]{0,24}?)[\W_]*:")  # "RELATED:", "**Read more:**"


def participle_after_comma(verb: Token) -> bool:
    """A participle set after a comma ("..., terming it \"...\""): an act of its own, added to the clause before."""
    return verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def in_teaser(article: ArticleContext, offset: int) -> bool:
    """Whether an offset lies in a line that points to another story ("RELATED: Crime down, new report says"): a
    paragraph opening with a label of ``rules/teaser_labels.txt`` and a colon."""
    start, end = article.paragraphs[article.paragraphs.index(offset)]
    label = TEASER.match(article.text, start, end)
    return label is not None and label.group(1).strip().lower() in lexicon.entries("teaser_labels")


def is_stage_direction(text: str) -> bool:
    """Words in brackets alone: a transcript's "(CROSSTALK)", "[Applause]", no one's statement."""
    core = text.strip("".join(quotes.MARK_CHARS) + " .,")
    return len(core) > 2 and core[0] in "([" and core[-1] in ")]" and not any(mark in core[1:-1] for mark in "()[]")


def is_title(text: str) -> bool:
    """A quoted name of a show, book or slogan: short, every word capitalised."""
    words = [w for w in TITLE_WORDS.findall(text) if w.lower() not in TITLE_SMALL_WORDS]
    return 0 < len(words) <= 8 and all(TITLE_WORD.match(w) for w in words) and not text.rstrip().endswith(("?", "!"))


def is_speech(ctx: QuoteContext, found: tuple[Rule, Cue] | None) -> bool:
    """Reject scare quotes and titles: short or title-like quotes need a cue that introduces them."""
    stmt = ctx.stmt
    text = ctx.article.text[stmt.start:stmt.end]
    words = len(text.split())
    governed = found is not None and found[0].introduces
    said_whole = ctx.kind == "direct" and text.rstrip().endswith((",", "."))
    if is_title(text) and not (governed and (words > 3 or said_whole)):
        return False  # a title, unless a speech verb says it: "\"Guilty,\" he says."
    if is_title(text) and words > 1 and not text.rstrip().endswith(",") and named_thing(ctx):
        return False  # "on his podcast, \"Between Takes.\"", "reading 'A Short Walk Out'": a work's title
    if found is not None and found[1].cue is not None and found[1].cue.root.lemma_.lower() in NAMING_VERBS:
        return False  # "Critics have dubbed it the \"pocket spy\" law", "nicknamed the \"ice king\"": a name given
    if words < SHORT_QUOTE_WORDS and not (governed or stmt.opens_paragraph):
        return False
    if found is None and words <= NAME_QUOTE_WORDS and inside_noun_phrase(ctx):
        return False  # "the \"common sense\" brigade", "The 'Island Hearts curse' has struck": a name, no one's words
    if so_called(ctx.article.text, ctx.stmt.start - ctx.stmt.opening):
        return False  # "hints that so-called \"doomscrolling\" harms sleep": a term, however a speech verb reports it
    if put_by_the_press(ctx, found) or names_its_speaker(ctx, found):
        return False
    if titled(ctx.article.text, ctx.stmt.start - ctx.stmt.opening):
        return False  # "a media release, titled 'Standing Firm With Our Farmers', said": the text's title
    return not denied_report(ctx) and not on_a_sign(ctx)


NAMING_VERBS = {"dub", "nickname", "christen"}  # verbs that only give a name


def named_thing(ctx: QuoteContext) -> bool:
    """Whether the quoted words stand as a noun phrase: the object of a verb or preposition, or set beside a noun
    ("his podcast, \"Between Takes\""), no clause of anyone's."""
    roots = [t for t in ctx.roots if not t.is_punct]
    return bool(roots) and all(t.dep_ in {"appos", "dobj", "pobj", "prep"} and t.ent_type_ != "PERSON" for t in roots)
    # (a name said aloud is said: "\"Ada Quill,\" she added")


def so_called(text: str, opening: int) -> bool:
    """Whether "so-called" or "known as" comes right before the quote mark at ``opening``: the quote names a term, no
    one's words ("what is sometimes known as \"social jet lag\"")."""
    return text[max(0, opening - 12):opening].rstrip().lower().endswith(("so-called", "so called", "known as"))


def put_by_the_press(ctx: QuoteContext, found: tuple[Rule, Cue] | None) -> bool:
    """Whether the quote is a question a reporter puts to the speaker ("\"Would you make that call again?\" a
    reporter asked"): the story's own question, no statement."""
    mention = found[1].mention if found is not None else None
    text = ctx.article.text[ctx.stmt.start:ctx.stmt.end].rstrip(" \"'\u201d\u2019")
    return mention is not None and text.endswith("?") and (
        mention.root.lemma_.lower() in lexicon.entries("interviewer_nouns"))


def names_its_speaker(ctx: QuoteContext, found: tuple[Rule, Cue] | None) -> bool:
    """Whether the quoted words lie inside the noun phrase that names their speaker ("Fans of the \"slow living\"
    movement say", "Residents, who have nicknamed it \"the Matchbox\", say"): a term that describes the speakers,
    not their words."""
    mention, cue = (found[1].mention, found[1].cue) if found is not None else (None, None)
    if mention is None or cue is None or mention.start_char >= ctx.stmt.start - ctx.stmt.opening:
        return False
    phrase = mention.root.left_edge.idx, mention.root.right_edge.idx + len(mention.root.right_edge)
    return phrase[0] <= ctx.stmt.start and ctx.stmt.end <= phrase[1] <= cue.start_char  # (the verb after the phrase)


def titled(text: str, opening: int) -> bool:
    """Whether "titled", "entitled" or "headlined" comes right before the quote mark at ``opening``: the quote is the
    title of a text, no one's words."""
    return text[max(0, opening - 14):opening].rstrip().lower().endswith(("titled", "headlined"))


def on_a_sign(ctx: QuoteContext) -> bool:
    """Whether the nearest speech verb above the quote gives the words to a sign ("a sign that reads \"...\"",
    "placards reading \"...\"", ``rules/sign_nouns.txt``): a slogan or notice, no one's statement."""
    for token in ctx.roots:
        for verb in reported_by(ctx.article, token, limit=1):
            written_on = verb.head if verb.dep_ in {"acl", "relcl"} else next(
                iter(ctx.article.children(verb, "nsubj")), None)
            if written_on is not None and is_relative(written_on):
                written_on = verb.head  # "a sign that reads"
            signs = lexicon.entries("sign_nouns")
            just_before = ctx.doc[verb.i - 1] if verb.i > 0 else None  # "placards reading", however the parse hangs it
            return any(word is not None and word.lemma_.lower() in signs for word in (written_on, just_before))
    return False


def inside_noun_phrase(ctx: QuoteContext) -> bool:
    """Whether the quoted words sit inside a noun phrase that opens before them: a determiner or possessive right
    before the opening mark ("the 'common sense' brigade", "The 'Island Hearts curse'")."""
    before = [t for t in ctx.last_before(3) if not t.is_punct and not t.is_space]
    return bool(before) and before[-1].pos_ in {"DET", "PRON"} and before[-1].dep_ in {"det", "poss"} \
        and before[-1].head.i >= before[-1].i


def denied_report(ctx: QuoteContext) -> bool:
    """Whether the speech verb nearest above the quote is negated ("she did not say \"...\"")."""
    for token in ctx.roots:
        for _ in range(CLIMB_LIMIT):
            if token.head.i == token.i or token.dep_ == "prep" and token.lower_ not in REPORTING_PREPOSITIONS:
                break
            token = token.head
            if has_speech_lemma(ctx.article, token):
                return is_denied(ctx.article, token)
    return False


# ---------------------------------------------------------------- assembly

def text_span(span: Span | None) -> TextSpan | None:
    """Flatten a spaCy span to offsets and text."""
    if span is None:
        return None
    return TextSpan(span.start_char, span.end_char, span.text)


def merged(spans) -> list[tuple[int, int]]:
    """(start, end) spans with the overlapping ones merged, in order."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start < result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        else:
            result.append((start, end))
    return result


def in_text_order(found: list[Quote]) -> list[Quote]:
    """The quotes sorted by where they start, each passage still naming its first part."""
    order = sorted(range(len(found)), key=lambda index: found[index].content.start)
    moved = {old: new for new, old in enumerate(order)}
    return [replace(found[index], passage=moved[found[index].passage]) if found[index].passage is not None
            else found[index] for index in order]


def one_passage_per_cue(found: list[Quote]) -> list[Quote]:
    """Direct quotes in text order that one cue attributes in one paragraph are one passage: "\"A,\" she said.
    \"B.\"" is one statement in two pieces, as PolNeAR marks it (and as "\"A,\" she said, \"B.\"" is)."""
    result: list[Quote] = []
    joined: dict[int, int] = {}  # a passage's first index -> the passage it joined
    for index, quote in enumerate(found):
        if quote.passage in joined:
            result.append(replace(quote, passage=joined[quote.passage]))
            continue
        last = result[-1] if result else None
        if last is not None and quote.passage in (None, index) and same_cue(last, quote):
            first = last.passage if last.passage is not None else index - 1
            result[-1] = replace(last, passage=first)
            joined[index] = first
            quote = replace(quote, passage=first)
        result.append(quote)
    return result


def same_cue(last: Quote, quote: Quote) -> bool:
    """Whether two direct quotes of one paragraph have one cue and one speaker."""
    return quote.kind == last.kind == "direct" and quote.cue is not None and last.cue is not None \
        and (quote.cue.start, quote.cue.end) == (last.cue.start, last.cue.end) \
        and quote.paragraph == last.paragraph and quote.speaker == last.speaker


def legacy_method(rule: Rule, resolution: speakers.Resolution | None) -> str:
    """The ``method`` older databases stored: the resolution's name for it, else the rule's."""
    how = speakers.RESOLUTIONS[resolution.how] if resolution is not None else None
    return how.method if how is not None and how.method is not None else rule.method


class Attributor:
    """Finds and attributes the statements of one article, in text order."""

    def __init__(self, article: ArticleContext, settings: Settings, errors: list[str], coref=None):
        self.article = article
        self.settings = settings
        self.errors = errors
        self.resolver = speakers.Resolver(article, coref)
        self.found: list[Quote] = []
        self.last_attributed: Quote | None = None  # the last quote with a speaker, which a continuation follows
        self.headline_titles: list[tuple[Statement, str]] = []  # title-like quotes above the lede, kept if echoed

    def run(self, stmts: list[Statement], nested: list[tuple[int, int]] = ()) -> list[Quote]:
        """Every statement of the article: the headline, reported speech, transcript turns and the quotes, in text order.

        Quotes and reported speech inside a transcript turn are nested in it;
        ``nested`` are the quotations inside quotes, said by someone the quote names, and so are the quotes inside
        a turn that a speech verb in it gives to someone.
        """
        headline = self.attempt(0, self.headline)
        self.add(headline)
        turns = self.attempt(0, self.turns)
        in_turn = self.in_turns([turn.start_char for turn, _, _ in turns])
        asked = self.in_turns([question.start_char for question in transcripts.questions_put(self.article)])
        pending = [found for found in (self.attempt(0, self.reported) if self.settings.indirect else [])
                   if not in_turn(found[0].start_char) and not asked(found[0].start_char)]  # (a question put is
        # no prose of the writer's either; its quotes are read as the writer's are)
        mixed = [found for found in pending if found[2] == "mixed"]
        pending = sorted([found for found in pending if found[2] != "mixed"] + turns,
                         key=lambda found: found[0].start_char)
        for passage in passages([stmt for stmt in stmts if not in_turn(stmt.start)]):
            while pending and pending[0][0].start_char < passage[0].start:
                self.add(self.attempt(pending[0][0].start_char, self.unquoted, *pending.pop(0)))
            self.add(self.attempt(passage[0].start, self.passage_quotes, passage))
        for found in pending:
            self.add(self.attempt(found[0].start_char, self.unquoted, *found))
        attributed = Quoted(merged((quote.content.start, quote.content.end) for quote in self.found))
        for found in mixed:
            if not any(attributed.overlaps(piece.start_char, piece.end_char) for piece in found[0].pieces):
                self.add(self.attempt(found[0].start_char, self.mixed, *found))
            elif self.relays(found[0]):  # "Jo Reyes said the driver had shouted "Get out" before ...": her own report
                self.add(self.attempt(found[0].start_char, self.unquoted, found[0], found[1], "indirect"))
        in_turns = [(stmt.start, stmt.end) for stmt in stmts if in_turn(stmt.start)]  # "QUILL: She said, \"...\""
        inner = [quote for quotation in sorted({*nested, *in_turns})
                 for quote in self.attempt(quotation[0], self.nested, quotation)]
        self.found.extend(inner)
        echoed = self.attempt(0, self.headline_echoes)
        found = [quote for quote in self.found if not in_teaser(self.article, quote.content.start)]
        return one_passage_per_cue(in_text_order(found) if mixed or inner or echoed else found)

    def headline_echoes(self) -> list[Quote]:
        """Quotes set before the headline above the lede (``is_kicker``) that the story repeats: said by whom the
        story quotes, the headline's own attribution ("'Get out': councillor says ...") notwithstanding; a
        title-like one ("'HE WOULDN'T LET GO'") kept only so. Returns the quotes added."""
        lede = self.article.lede()
        if lede is None:
            return []
        rule = cues.REGISTRY["headline-echo"]
        body = [quote for quote in self.found if quote.paragraph >= lede and quote.speaker is not None
                and quote.kind != "indirect"]
        added = []
        for index, quote in enumerate(self.found):
            kicker = quote.paragraph < lede and quote.kind == "direct" and self.is_kicker(quote.content.start, quote.content.end)
            echo = rule.find(quote.content.text, body) if kicker else None
            if echo is not None:
                self.found[index] = self.echo(rule, quote.content, quote.paragraph, echo)
        for stmt, kind in self.headline_titles:
            echo = rule.find(self.article.text[stmt.start:stmt.end], body) if self.is_kicker(stmt.start, stmt.end) else None
            if echo is not None:
                added.append(self.echo(rule, TextSpan(stmt.start, stmt.end, self.article.text[stmt.start:stmt.end]),
                                       stmt.paragraph, echo))
        self.found.extend(added)
        return added

    def is_kicker(self, start: int, end: int) -> bool:
        """Whether the quoted words ``[start, end)`` are a quote set before the headline (``kicker_colon``)."""
        return kicker_colon(self.article, start, end) is not None

    def echo(self, rule: Rule, content: TextSpan, paragraph: int, echo: Quote) -> Quote:
        """A headline quote said by the speaker of the body quote that repeats it, with that quote's cue."""
        confidence = rule.confidence * speakers.RESOLUTIONS[echo.resolution].confidence
        resolution = speakers.Resolution(echo.speaker, echo.resolution)
        return replace(echo, content=content, kind="direct", reporter=None, paragraph=paragraph, passage=None,
                       reported=None, cue_rule=rule.name, confidence=round(confidence, 2),
                       method=legacy_method(rule, resolution))

    def attempt(self, start: int, make, *args) -> list:
        """What ``make(*args)`` returns; after an odd parse, nothing, and the error is reported with its offset."""
        try:
            return list(make(*args))
        except ODD_PARSE_ERRORS as error:
            self.errors.append(f"quote at {start}: {type(error).__name__}: {error}")
            return []

    def add(self, quotes_found: list[Quote]) -> None:
        for quote in quotes_found:
            self.found.append(quote)
            if quote.speaker is not None:
                self.last_attributed = quote

    # -- statements without quote marks

    def headline(self) -> list[Quote]:
        rule = cues.REGISTRY["headline"]
        signed = rule.find(self.article, self.resolver.people)
        if signed is None:
            return []
        content, cue = signed
        return [self.quote(rule, cue, content.start_char, content.end_char, "indirect", 0)]

    def reported(self) -> list[tuple[Unquoted, Rule, str]]:
        """Reported speech without quote marks: a speech verb set into the sentence it reports, what the model
        finds beside it, then what the speech-verb rule adds."""
        found: list[tuple[Unquoted, Rule, str]] = []
        for name in ("parenthetical", "learned-speech", "reported-speech"):
            if name == "learned-speech" and not self.settings.learned:
                continue
            taken = Quoted(merged((piece.start_char, piece.end_char) for clause, _, _ in found for piece in clause.pieces))
            found += [(clause, cues.REGISTRY[name], "indirect") for clause in cues.REGISTRY[name].find(self.article)
                      if not any(taken.overlaps(piece.start_char, piece.end_char) for piece in clause.pieces)]
        return [(statement, rule, "mixed" if self.quotes_words(statement) else kind) for statement, rule, kind in found]

    def quotes_words(self, statement: Unquoted) -> bool:
        """Whether quoted words lie inside the statement that are neither a "so-called" term nor a title (a man
        known as "Bluebird", the closing track, "Driftwood,"): a mixed statement; else an indirect one."""
        text = self.article.text
        return any(not so_called(text, start) and not is_title(self.inner(start, end).text) for piece in statement.pieces
                   for start, end in self.article.quoted.inside(piece.start_char, piece.end_char))

    def relays(self, statement: Unquoted) -> bool:
        """Whether every quotation inside reported speech is attributed to someone its own speech verb names inside
        that speech ("Jo Reyes said [the driver had shouted "Get out" before speeding off]"): the report is its
        speaker's statement, the quoted words another's."""
        if statement.cue.cue is None or statement.cue.mention is None or len(statement.pieces) != 1:
            return False
        reporter = self.resolver.resolve(statement.cue.mention)
        if reporter is None:
            return False
        start, end = statement.start_char, statement.end_char
        quotations = self.article.quoted.inside(start, end)
        return bool(quotations) and all(any(
            quote.content.start >= q_start and quote.content.end <= q_end and quote.cue is not None
            and start <= quote.cue.start and quote.cue.end <= end and quote.kind != "indirect"
            and quote.speaker is not None and quote.speaker != reporter.speaker  # (not "what she called "...""")
            for quote in self.found) for q_start, q_end in quotations)

    def turns(self) -> list[tuple[Unquoted, Rule, str]]:
        """Labelled turns of transcripts and interviews ("QUILL: ...", "Q: ..."): direct, their words are the speaker's."""
        return [(Unquoted((content,), cue), rule, "direct")
                for rule in (cues.REGISTRY["transcript-turn"], cues.REGISTRY["interview-turn"])
                for content, cue in rule.find(self.article)]

    def in_turns(self, starts: list[int]):
        """Whether an offset lies inside one of the turns starting at ``starts`` (which run to the ends of their
        paragraphs): the turns attributed, and the questions put, which are no prose of the writer either."""
        first = {}
        for start in starts:
            paragraph = self.article.paragraphs.index(start)
            first[paragraph] = min(first.get(paragraph, start), start)
        return lambda offset: offset >= first.get(self.article.paragraphs.index(offset), len(self.article.text))

    def unquoted(self, found: Unquoted, rule: Rule, kind: str) -> list[Quote]:
        """A statement without quote marks; one found in pieces is a passage of them."""
        paragraph = self.article.paragraphs.index(found.start_char)
        quote = self.quote(rule, found.cue, found.start_char, found.end_char, kind, paragraph)
        if len(found.pieces) == 1:
            return [quote]
        first = len(self.found)
        return [replace(quote, content=text_span(piece), passage=first) for piece in found.pieces]

    def mixed(self, found: Unquoted, rule: Rule, kind: str) -> list[Quote]:
        """Reported speech around quoted words no rule attributed: a row for each quotation, the clause its content."""
        quote = self.quote(rule, found.cue, found.start_char, found.end_char, kind,
                           self.article.paragraphs.index(found.start_char))
        rows = [(self.inner(start, end), self.with_marks(piece.start_char, piece.end_char))
                for piece in found.pieces
                for start, end in self.article.quoted.inside(piece.start_char, piece.end_char)]
        first = len(self.found) if len(rows) > 1 else None
        return [replace(quote, content=content, reported=reported, passage=first) for content, reported in rows]

    def nested(self, inner: tuple[int, int]) -> list[Quote]:
        """A quotation inside a direct quote, said by the subject of the speech verb over it; the quoted relays it."""
        outer = next((quote for quote in self.found if quote.kind == "direct"
                      and quote.content.start <= inner[0] and inner[1] <= quote.content.end), None)
        rule = cues.REGISTRY["nested-quote"]
        cue = rule.find(self.article, inner, (outer.content.start, outer.content.end)) if outer else None
        if cue is None:
            return []
        described = None
        if cue.mention.root.pos_ == "NOUN":  # "the rep just said, '...'": someone the quote brings in, not followed back
            described = self.resolver.described(cue.mention, follow=False)
        quote = self.quote(rule, cue, inner[0], inner[1], "direct", self.article.paragraphs.index(inner[0]), described)
        named = self.named_in_the_quote(inner[0], cue.mention.root) if cue.mention.root.lower_ in GENDERED else None
        if named is not None and named.speaker != outer.speaker:  # "'Nadia's been ill,' the insider said. 'She
            quote = replace(quote, speaker=named.speaker)  # kept saying, "..."'": the person the quote names
        elif quote.speaker is not None and quote.speaker == outer.speaker and cue.mention.root.lower_ in GENDERED:
            other = self.resolver.salient(cue.mention.root, besides=outer.speaker)  # "She kept saying" in Rose's
            quote = replace(quote, speaker=other.speaker) if other is not None else quote  # words is not Rose
        if quote.speaker is None or quote.speaker == outer.speaker or len(quote.content.text.split()) <= SHORT_QUOTE_WORDS:
            return []  # "he said 'uh huh'": too short, said by no one the article names, or by the quoted person
        return [replace(quote, reporter=outer.speaker)]

    def named_in_the_quote(self, start: int, pronoun: Token) -> speakers.Resolution | None:
        """The person last named in quoted words of the paragraph before ``start`` ("'Nadia's been singing through
        the pain,' the insider said"), whom the ``pronoun`` (he or she) inside a quote is most likely about."""
        paragraph_start, _ = self.article.paragraphs[self.article.paragraphs.index(start)]
        before = self.article.doc.char_span(paragraph_start, start, alignment_mode="contract")
        for token in reversed(before if before is not None else []):
            if token.pos_ == "PROPN" and token.text[:1].isupper() and self.article.quoted.at(token.idx):
                found = self.resolver.resolve_written(self.article.doc[token.i:token.i + 1])
                fits = found is not None and found.speaker.kind == "person" and self.resolver.fits(
                    found.speaker, gender_of(pronoun))
                return found if fits else None
        return None

    def inner(self, start: int, end: int) -> TextSpan:
        """The words of a quotation ``[start, end)`` without its quote marks."""
        text = self.article.text
        while start < end and text[start] in quotes.MARK_CHARS:
            start += 1
        while end > start and text[end - 1] in quotes.MARK_CHARS:
            end -= 1
        return TextSpan(start, end, text[start:end])

    # -- quoted statements

    def passage_quotes(self, passage: list[Statement]) -> list[Quote]:
        """Attribute every statement of a passage; a statement without a cue continues the last one with a cue
        (else takes the first cue after it).

        Each quoted part becomes one Quote: a statement broken by its
        attribution or running over paragraphs is several, sharing ``passage``;
        a cue naming another speaker (a transcript quoted over paragraphs:
        "\"HOST: ...  \"GUEST: ...") starts another passage.
        """
        attributed = [(ctx, found) for ctx, found in (self.attribute(stmt) for stmt in passage)
                      if not is_stage_direction(self.article.text[ctx.stmt.start:ctx.stmt.end])]
        shared = next((found for _, found in attributed if found is not None), None)
        turns: list[list[Quote]] = []
        last = shared
        for ctx, found in attributed:
            if len(passage) == 1 and self.pulled_out(ctx.stmt):
                continue  # a pull quote: words the story quoted already, set out again as a paragraph
            if len(passage) == 1 and not is_speech(ctx, found):
                lede = self.article.lede()
                if lede is not None and ctx.stmt.paragraph < lede:
                    self.headline_titles.append((ctx.stmt, ctx.kind))  # "'HE WOULDN'T LET GO': ...", if the story repeats it
                continue
            stmt, kind = ctx.stmt, ctx.kind
            if found is None and last is None:
                quote = self.continuation(stmt, kind, [quote for turn in turns for quote in turn])
            else:
                quote = self.quote(*(found or last), stmt.start, stmt.end, kind, stmt.paragraph)
            reported = self.whole_content(quote, stmt)
            parts = [replace(quote, content=TextSpan(start, end, self.article.text[start:end]), reported=reported)
                     for start, end in pieces(stmt)]
            if turns and (found is None or found is last or quote.speaker == turns[-1][0].speaker):
                turns[-1].extend(parts)
            else:
                turns.append(parts)
            last = found or last
        result: list[Quote] = []
        for turn in turns:
            first = len(self.found) + len(result) if len(turn) > 1 else None
            result.extend(replace(quote, passage=first) for quote in turn)
        return result

    def pulled_out(self, stmt: Statement) -> bool:
        """Whether a quote standing alone as its paragraph repeats words quoted in one of the paragraphs before or
        after (``PULL_QUOTE_WORDS`` or more, ``PULL_QUOTE_REACH`` paragraphs away at most): a pull quote the page set
        out, no new statement."""
        text = self.article.text
        _, end = self.article.paragraphs[stmt.paragraph]
        if not stmt.opens_paragraph or text[stmt.end:end].strip("".join(quotes.MARK_CHARS) + " ."):
            return False
        earlier = []
        for quote in reversed(self.found):  # in text order: the quotes of the paragraphs just before
            if quote.paragraph < stmt.paragraph - PULL_QUOTE_REACH:
                break
            if quote.paragraph < stmt.paragraph and quote.kind != "indirect":
                earlier.append(quote)
        words = text[stmt.start:stmt.end]
        return holding(words, earlier, PULL_QUOTE_WORDS) is not None or self.quoted_later(stmt, words)

    def quoted_later(self, stmt: Statement, words: str) -> bool:
        """Whether a quotation inside a paragraph of prose after the statement's (``PULL_QUOTE_REACH`` at most) holds
        its words: the pull quote set out before the story quotes them ("> \"A pilot is a performance.\"" above
        "That warning came from Dr Lena Park: \"A pilot is a performance ...\"")."""
        text, paragraphs = self.article.text, self.article.paragraphs
        last = min(stmt.paragraph + PULL_QUOTE_REACH, len(paragraphs) - 1)
        if last <= stmt.paragraph:
            return False
        for start, end in self.article.quoted.inside(paragraphs[stmt.paragraph + 1][0], paragraphs[last][1]):
            opening, closing = paragraphs[paragraphs.index(start)]
            in_prose = text[opening:start].strip() or text[end:closing].strip(" .")
            if in_prose and holds(text[start:end], words, PULL_QUOTE_WORDS):
                return True
        return False

    def whole_content(self, quote: Quote, stmt: Statement) -> TextSpan | None:
        """The whole content of a mixed quote: the clause of its cue's verb that holds it (None: the quote)."""
        if quote.kind != "mixed" or quote.cue is None:
            return None
        clause = learned_cues.content_around(self.article, stmt.start, stmt.end) if self.settings.learned else None
        cue = self.article.span(quote.cue.start, quote.cue.end)
        if clause is not None and cue is not None and clause.start <= cue.start and cue.end <= clause.end \
                and participle_after_comma(cue.root):
            clause = None  # the model's content holds the cue, a participle of its own: "dismissed X's claim that
            # ..., terming it \"...\"" (what the speaker termed it, not the claim)
        if clause is None:
            clause = reported_clause(self.article, cue.root, stmt.start, stmt.end) if cue is not None else None
        clause = self.within_reach(clause, quote, stmt) if clause is not None else None
        if clause is None:
            return None
        clause = own_speech_act(self.article, past_the_addressee(clause, cue.root), stmt.start, stmt.end)
        return self.with_marks(clause.start_char, clause.end_char)

    def within_reach(self, clause: Span, quote: Quote, stmt: Statement) -> Span | None:
        """The clause inside the quote's paragraph, from the sentence of the cue or the quote, whichever is first;
        after the cue when it holds the speaker ("She told the inquiry that ...": not hers to report)."""
        article, cue, mention = self.article, quote.cue, quote.mention
        first = min(article.sentences_touching(stmt.start, stmt.end)[0], article.sentences_touching(cue.start, cue.end)[0])
        paragraph_start, end = article.paragraphs[article.paragraphs.index(stmt.start)]
        start = max(article.sentence_start_chars[first], paragraph_start)
        if mention is not None and max(start, clause.start_char) <= mention.start and cue.end <= stmt.start:
            start = max(start, cue.end, mention.end)
        clipped = article.doc.char_span(max(clause.start_char, start), min(clause.end_char, end), alignment_mode="contract")
        return clipped if clipped is not None and len(clipped) else None

    def with_marks(self, start: int, end: int) -> TextSpan:
        """The text from ``start`` to ``end`` with the quote marks at its edges, and a full stop inside the closing one."""
        text = self.article.text
        while start > 0 and text[start - 1] in quotes.MARK_CHARS:
            start -= 1
        if end + 1 < len(text) and text[end] in ".,!?" and text[end + 1] in quotes.MARK_CHARS:
            end += 1  # the full stop inside the closing mark: "a \"quiet courage.\""
        while end < len(text) and text[end] in quotes.MARK_CHARS:
            end += 1
        return TextSpan(start, end, text[start:end])

    def attribute(self, stmt: Statement) -> tuple[QuoteContext, tuple[Rule, Cue] | None]:
        """The statement's context and the rule and cue that attribute it (past a transcript label)."""
        ctx = QuoteContext(self.article, stmt)
        found = cues.find_cue(ctx)
        if found is not None and found[1].content_start is not None:
            moved = Statement(found[1].content_start, stmt.end, stmt.paragraph, stmt.continued, stmt.opens_paragraph,
                              opening=0)
            ctx = QuoteContext(self.article, moved)
        return ctx, found

    def continuation(self, stmt: Statement, kind: str, result: list[Quote]) -> Quote:
        """A quote with no cue: it continues the last speaker where it fits, else has no speaker."""
        content = TextSpan(stmt.start, stmt.end, self.article.text[stmt.start:stmt.end])
        last = next((quote for quote in reversed(result) if quote.speaker is not None), self.last_attributed)
        rule = cues.REGISTRY["continuation"]
        continued = rule.find(stmt, last)
        if continued is None:
            return Quote(content, kind, paragraph=stmt.paragraph)
        confidence = round(rule.confidence * speakers.RESOLUTIONS[continued.resolution].confidence, 2)
        return Quote(content, kind, continued.cue, continued.mention, continued.speaker, continued.reporter,
                     rule.method, confidence, stmt.paragraph, cue_rule=rule.name, resolution=continued.resolution)

    # -- the record

    def quote(self, rule: Rule, cue: Cue, start: int, end: int, kind: str, paragraph: int,
              resolution: speakers.Resolution | None = None) -> Quote:
        """Resolve the cue's mention (unless ``resolution`` is given) and reporter, and build the Quote record."""
        resolver = self.resolver
        if resolution is None and cue.mention is not None:
            resolution = resolver.resolve(cue.mention)
        relayed = resolver.resolve(cue.reporter) if cue.reporter is not None else None
        if relayed is not None and resolution is not None and relayed.speaker == resolution.speaker:
            relayed = None  # "Jo Smith said ..., but she called it \"...\"": her own words, relayed by no one
        if resolution is not None:
            resolver.spoke(resolution.speaker, cue.mention)
        if relayed is not None:
            resolver.spoke(relayed.speaker, cue.reporter)
        how = resolution.how if resolution is not None else "unresolved"
        confidence = rule.confidence * speakers.RESOLUTIONS[how].confidence
        source = cue.source or (source_expression(self.article, cue.mention, cue.cue) if cue.mention is not None else None)
        return Quote(TextSpan(start, end, self.article.text[start:end]), kind, text_span(cue.cue),
                     text_span(source), resolution.speaker if resolution else None,
                     relayed.speaker if relayed else None, legacy_method(rule, resolution), round(confidence, 2),
                     paragraph, cue_rule=rule.name, resolution=how)


def find_quotes(doc: Doc, settings: Settings = Settings(), errors: list[str] | None = None,
                coref=None) -> list[Quote]:
    """Every quote of the Doc, attributed and resolved, in text order.

    A quote that fails on an odd parse is left out and its error appended
    to ``errors``; the other quotes of the article are kept.
    """
    errors = [] if errors is None else errors
    paragraphs = Paragraphs(doc.text)
    parts = quotes.quoted_parts(paragraphs.text, paragraphs.spans)
    article = ArticleContext(doc, [part.outer for part in parts], paragraphs)
    nested = quotes.nested_quotations(paragraphs.text, paragraphs.spans)
    return Attributor(article, settings, errors, coref).run(statements(article, parts, settings), nested)
