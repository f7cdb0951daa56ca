"""The attribution rules one by one, on parses built by hand: no model needed.

Each Doc is written out token by token (word, head, dependency, part of
speech, tag, lemma, entity), so a rule is tested on the parse it is meant
for, whatever a model would make of the sentence.
"""
import pytest
import spacy
from spacy.tokens import Doc

from extract import attribution, cues, quotes, speakers
from extract.context import ArticleContext, Paragraphs, QuoteContext
from extract.cues import colon, according, signature, verbs

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, shape), no model


def parse(*tokens):
    """A Doc from (word, head index, dep, pos, tag, lemma, entity IOB, space after) tuples."""
    words, heads, deps, pos, tags, lemmas, ents, spaces = zip(*tokens)
    return Doc(VOCAB, words=list(words), spaces=list(spaces), heads=list(heads), deps=list(deps),
               pos=list(pos), tags=list(tags), lemmas=list(lemmas), ents=list(ents))


def contexts(doc):
    """The article's context and one QuoteContext per quoted statement."""
    paragraphs = Paragraphs(doc.text)
    parts = quotes.quoted_parts(paragraphs.text, paragraphs.spans)
    article = ArticleContext(doc, [p.outer for p in parts], paragraphs)
    return article, [QuoteContext(article, stmt) for stmt in attribution.statements(article, parts, attribution.Settings())]


def found(cue):
    """What a Cue names, as text."""
    return (cue.cue.text if cue.cue is not None else None, cue.mention.text if cue.mention is not None else None,
            cue.reporter.text if cue.reporter is not None else None)


# "We won," Ada Quill said.
SAID = parse(
    ('"', 2, "punct", "PUNCT", "``", '"', "O", False),
    ("We", 2, "nsubj", "PRON", "PRP", "we", "O", True),
    ("won", 7, "ccomp", "VERB", "VBD", "win", "O", False),
    (",", 2, "punct", "PUNCT", ",", ",", "O", False),
    ('"', 2, "punct", "PUNCT", "''", '"', "O", True),
    ("Ada", 6, "compound", "PROPN", "NNP", "Ada", "B-PERSON", True),
    ("Quill", 7, "nsubj", "PROPN", "NNP", "Quill", "I-PERSON", True),
    ("said", 7, "ROOT", "VERB", "VBD", "say", "O", False),
    (".", 7, "punct", "PUNCT", ".", ".", "O", False),
)

# According to Lena Okafor, "the port will open."
ACCORDING = parse(
    ("According", 10, "prep", "VERB", "VBG", "accord", "O", True),
    ("to", 0, "prep", "ADP", "IN", "to", "O", True),
    ("Lena", 3, "compound", "PROPN", "NNP", "Lena", "B-PERSON", True),
    ("Okafor", 1, "pobj", "PROPN", "NNP", "Okafor", "I-PERSON", False),
    (",", 10, "punct", "PUNCT", ",", ",", "O", True),
    ('"', 10, "punct", "PUNCT", "``", '"', "O", False),
    ("the", 7, "det", "DET", "DT", "the", "O", True),
    ("port", 10, "nsubj", "NOUN", "NN", "port", "O", True),
    ("will", 10, "aux", "AUX", "MD", "will", "O", True),
    ("surely", 10, "advmod", "ADV", "RB", "surely", "O", True),
    ("open", 10, "ROOT", "VERB", "VB", "open", "O", False),
    (".", 10, "punct", "PUNCT", ".", ".", "O", False),
    ('"', 10, "punct", "PUNCT", "''", '"', "O", False),
)

# Okafor: "We will open the port."
COLON = parse(
    ("Okafor", 0, "ROOT", "PROPN", "NNP", "Okafor", "B-PERSON", False),
    (":", 0, "punct", "PUNCT", ":", ":", "O", True),
    ('"', 5, "punct", "PUNCT", "``", '"', "O", False),
    ("We", 5, "nsubj", "PRON", "PRP", "we", "O", True),
    ("will", 5, "aux", "AUX", "MD", "will", "O", True),
    ("open", 5, "ROOT", "VERB", "VB", "open", "O", True),
    ("the", 7, "det", "DET", "DT", "the", "O", True),
    ("port", 5, "dobj", "NOUN", "NN", "port", "O", False),
    (".", 5, "punct", "PUNCT", ".", ".", "O", False),
    ('"', 5, "punct", "PUNCT", "''", '"', "O", False),
)

# "Open the port." ― Lena Okafor
SIGNED = parse(
    ('"', 1, "punct", "PUNCT", "``", '"', "O", False),
    ("Open", 1, "ROOT", "VERB", "VB", "open", "O", True),
    ("the", 3, "det", "DET", "DT", "the", "O", True),
    ("port", 1, "dobj", "NOUN", "NN", "port", "O", False),
    (".", 1, "punct", "PUNCT", ".", ".", "O", False),
    ('"', 1, "punct", "PUNCT", "''", '"', "O", True),
    ("\u2015", 7, "punct", "PUNCT", ":", "\u2015", "O", True),
    ("Lena", 8, "compound", "PROPN", "NNP", "Lena", "B-PERSON", True),
    ("Okafor", 8, "ROOT", "PROPN", "NNP", "Okafor", "I-PERSON", False),
)

# "OKAFOR: We will open."
LABEL = parse(
    ('"', 3, "punct", "PUNCT", "``", '"', "O", False),
    ("OKAFOR", 3, "npadvmod", "PROPN", "NNP", "OKAFOR", "B-PERSON", False),
    (":", 3, "punct", "PUNCT", ":", ":", "O", True),
    ("We", 5, "nsubj", "PRON", "PRP", "we", "O", True),
    ("will", 5, "aux", "AUX", "MD", "will", "O", True),
    ("open", 5, "ROOT", "VERB", "VB", "open", "O", False),
    (".", 5, "punct", "PUNCT", ".", ".", "O", False),
    ('"', 5, "punct", "PUNCT", "''", '"', "O", False),
)

# "We won," Ada Quill said, according to Lena Okafor.
SAID_ACCORDING = parse(
    ('"', 2, "punct", "PUNCT", "``", '"', "O", False),
    ("We", 2, "nsubj", "PRON", "PRP", "we", "O", True),
    ("won", 7, "ccomp", "VERB", "VBD", "win", "O", False),
    (",", 2, "punct", "PUNCT", ",", ",", "O", False),
    ('"', 2, "punct", "PUNCT", "''", '"', "O", True),
    ("Ada", 6, "compound", "PROPN", "NNP", "Ada", "B-PERSON", True),
    ("Quill", 7, "nsubj", "PROPN", "NNP", "Quill", "I-PERSON", True),
    ("said", 7, "ROOT", "VERB", "VBD", "say", "O", False),
    (",", 7, "punct", "PUNCT", ",", ",", "O", True),
    ("according", 7, "prep", "VERB", "VBG", "accord", "O", True),
    ("to", 9, "prep", "ADP", "IN", "to", "O", True),
    ("Lena", 12, "compound", "PROPN", "NNP", "Lena", "B-PERSON", True),
    ("Okafor", 10, "pobj", "PROPN", "NNP", "Okafor", "I-PERSON", False),
    (".", 7, "punct", "PUNCT", ".", ".", "O", False),
)


@pytest.mark.parametrize("doc, rule, expected", [
    (SAID, verbs.governing_speech_verb, ("said", "Ada Quill", None)),
    (ACCORDING, according.according_to_source, ("According to", "Lena Okafor", None)),
    (COLON, colon.name_before_colon, (":", "Okafor", None)),
    (SIGNED, signature.signed_name, ("\u2015", "Lena Okafor", None)),
    (LABEL, colon.transcript_label, (":", "OKAFOR", None)),
], ids=["speech-verb", "according-to", "colon", "signature", "transcript-label"])
def test_a_rule_finds_its_construction(doc, rule, expected):
    _, [ctx] = contexts(doc)
    assert found(rule(ctx)) == expected


@pytest.mark.parametrize("doc, rule", [
    (ACCORDING, verbs.governing_speech_verb),
    (SAID, according.according_to_source),
    (SAID, colon.name_before_colon),
    (COLON, signature.signed_name),
    (SAID, colon.transcript_label),
], ids=["no-speech-verb", "no-according-to", "no-colon", "no-signature", "no-label"])
def test_a_rule_finds_nothing_elsewhere(doc, rule):
    _, [ctx] = contexts(doc)
    assert rule(ctx) is None


@pytest.mark.parametrize("doc, expected", [
    (SAID, ("speech-verb", ("said", "Ada Quill", None))),
    (ACCORDING, ("according-to", ("According to", "Lena Okafor", None))),
    (COLON, ("colon", (":", "Okafor", None))),
    (SIGNED, ("signature", ("\u2015", "Lena Okafor", None))),
    (LABEL, ("transcript-label", (":", "OKAFOR", None))),
    (SAID_ACCORDING, ("speech-verb", ("said", "Ada Quill", "Lena Okafor"))),
], ids=["speech-verb", "according-to", "colon", "signature", "transcript-label", "verb-before-according-to"])
def test_the_first_rule_that_finds_a_cue_wins(doc, expected):
    _, [ctx] = contexts(doc)
    rule, cue = cues.find_cue(ctx)
    assert (rule.name, found(cue)) == expected


def test_a_transcript_label_moves_the_start_of_the_words():
    _, [ctx] = contexts(LABEL)
    _, cue = cues.find_cue(ctx)
    assert LABEL.text[cue.content_start:ctx.stmt.end] == "We will open."


def test_quotes_are_recorded_with_their_rule_and_resolution():
    quote, = attribution.find_quotes(SAID)
    assert (quote.speaker.name, quote.cue_rule, quote.resolution, quote.method, quote.confidence) == (
        "Ada Quill", "speech-verb", "name", "subject", 0.9)


def test_the_quoted_oracle_counts_quote_marks_as_quoted():
    article, [ctx] = contexts(SAID)
    assert [t.text for t in SAID if article.quoted(t)] == ['"', "We", "won", ",", '"']
    assert [t.text for t in ctx.window] == ["Ada", "Quill", "said", "."]


def test_every_rule_is_registered_once_and_ordered():
    ordered = [rule.name for rule in cues.CUE_RULES] + [rule.name for rule in cues.STATEMENT_RULES]
    assert sorted(ordered) == sorted(cues.REGISTRY) and len(set(ordered)) == len(ordered)
    assert all(0 < rule.confidence <= 1 and rule.description for rule in cues.REGISTRY.values())


def test_confidence_is_the_rule_times_the_resolution():
    rule = cues.REGISTRY["nearby-verb"]
    for how, way in speakers.RESOLUTIONS.items():
        resolution = speakers.Resolution(speakers.Speaker("Ada Quill"), how) if how != "unresolved" else None
        assert attribution.legacy_method(rule, resolution) == (way.method or rule.method)


# Prices fell sharply after the chain says sales of sofas slumped. (the parse makes the first clause a complement of "says")
HUNG_ON = parse(
    ("Prices", 1, "nsubj", "NOUN", "NNS", "price", "O", True),
    ("fell", 6, "ccomp", "VERB", "VBD", "fall", "O", True),
    ("sharply", 1, "advmod", "ADV", "RB", "sharply", "O", True),
    ("after", 1, "prep", "ADP", "IN", "after", "O", True),
    ("the", 5, "det", "DET", "DT", "the", "O", True),
    ("chain", 6, "nsubj", "NOUN", "NN", "chain", "O", True),
    ("says", 6, "ROOT", "VERB", "VBZ", "say", "O", True),
    ("sales", 10, "nsubj", "NOUN", "NNS", "sale", "O", True),
    ("of", 7, "prep", "ADP", "IN", "of", "O", True),
    ("sofas", 8, "pobj", "NOUN", "NNS", "sofa", "O", True),
    ("slumped", 6, "ccomp", "VERB", "VBD", "slump", "O", False),
    (".", 6, "punct", "PUNCT", ".", ".", "O", False),
)


def test_the_clause_a_speech_verb_hangs_on_is_not_its_report():
    article, _ = contexts(HUNG_ON)
    assert [(clause.pieces[0].text, clause.cue.mention.text) for clause in cues.REGISTRY["reported-speech"].find(article)] \
        == [("sales of sofas slumped", "the chain")]


# Quill urges voters. Ada Quill spoke. (the tagger took the first "Quill" for a common noun)
NOUN_QUILL = parse(
    ("Quill", 1, "nsubj", "NOUN", "NN", "quill", "O", True),
    ("urges", 1, "ROOT", "VERB", "VBZ", "urge", "O", True),
    ("voters", 1, "dobj", "NOUN", "NNS", "voter", "O", False),
    (".", 1, "punct", "PUNCT", ".", ".", "O", True),
    ("Ada", 5, "compound", "PROPN", "NNP", "Ada", "B-PERSON", True),
    ("Quill", 6, "nsubj", "PROPN", "NNP", "Quill", "I-PERSON", True),
    ("spoke", 6, "ROOT", "VERB", "VBD", "speak", "O", False),
    (".", 6, "punct", "PUNCT", ".", ".", "O", False),
)


def test_a_surname_tagged_as_a_noun_is_a_source_the_article_names():
    from extract.cues import learned

    article, _ = contexts(NOUN_QUILL)
    assert learned.named_elsewhere(article, NOUN_QUILL[0]) and not learned.named_elsewhere(article, NOUN_QUILL[2])


# Ola Brandt told reporters outside the court that her client was relieved. (the parse makes the reported clause
# a relative clause of "court", "that" its subject)
THAT_AFTER_A_PLACE = parse(
    ("Ola", 1, "compound", "PROPN", "NNP", "Ola", "B-PERSON", True),
    ("Brandt", 2, "nsubj", "PROPN", "NNP", "Brandt", "I-PERSON", True),
    ("told", 2, "ROOT", "VERB", "VBD", "tell", "O", True),
    ("reporters", 2, "dobj", "NOUN", "NNS", "reporter", "O", True),
    ("outside", 2, "prep", "ADP", "IN", "outside", "O", True),
    ("the", 6, "det", "DET", "DT", "the", "O", True),
    ("court", 4, "pobj", "NOUN", "NN", "court", "O", True),
    ("that", 11, "nsubjpass", "PRON", "WDT", "that", "O", True),
    ("her", 9, "poss", "PRON", "PRP$", "her", "O", True),
    ("client", 10, "nsubj", "NOUN", "NN", "client", "O", True),
    ("was", 11, "auxpass", "AUX", "VBD", "be", "O", True),
    ("relieved", 6, "relcl", "VERB", "VBN", "relieve", "O", False),
    (".", 2, "punct", "PUNCT", ".", ".", "O", False),
)

# Ola Brandt said outside the court that her client was relieved. (the same parse; the place is no part of the cue)
SAID_OUTSIDE = parse(
    ("Ola", 1, "compound", "PROPN", "NNP", "Ola", "B-PERSON", True),
    ("Brandt", 2, "nsubj", "PROPN", "NNP", "Brandt", "I-PERSON", True),
    ("said", 2, "ROOT", "VERB", "VBD", "say", "O", True),
    ("outside", 2, "prep", "ADP", "IN", "outside", "O", True),
    ("the", 5, "det", "DET", "DT", "the", "O", True),
    ("court", 3, "pobj", "NOUN", "NN", "court", "O", True),
    ("that", 10, "nsubjpass", "PRON", "WDT", "that", "O", True),
    ("her", 8, "poss", "PRON", "PRP$", "her", "O", True),
    ("client", 9, "nsubj", "NOUN", "NN", "client", "O", True),
    ("was", 10, "auxpass", "AUX", "VBD", "be", "O", True),
    ("relieved", 5, "relcl", "VERB", "VBN", "relieve", "O", False),
    (".", 2, "punct", "PUNCT", ".", ".", "O", False),
)

# Ola Brandt spoke at the school that her father founded. (a relative clause, after a verb that needs no words)
THAT_AFTER_SPOKE = parse(
    ("Ola", 1, "compound", "PROPN", "NNP", "Ola", "B-PERSON", True),
    ("Brandt", 2, "nsubj", "PROPN", "NNP", "Brandt", "I-PERSON", True),
    ("spoke", 2, "ROOT", "VERB", "VBD", "speak", "O", True),
    ("at", 2, "prep", "ADP", "IN", "at", "O", True),
    ("the", 5, "det", "DET", "DT", "the", "O", True),
    ("school", 3, "pobj", "NOUN", "NN", "school", "O", True),
    ("that", 9, "dobj", "PRON", "WDT", "that", "O", True),
    ("her", 8, "poss", "PRON", "PRP$", "her", "O", True),
    ("father", 9, "nsubj", "NOUN", "NN", "father", "O", True),
    ("founded", 5, "relcl", "VERB", "VBD", "found", "O", False),
    (".", 2, "punct", "PUNCT", ".", ".", "O", False),
)


@pytest.mark.parametrize("words, expected", [
    (THAT_AFTER_A_PLACE, [("that her client was relieved", "Ola Brandt", "told")]),
    (SAID_OUTSIDE, [("that her client was relieved", "Ola Brandt", "said")]),
    (THAT_AFTER_SPOKE, []),
], ids=["told-them-outside-the-court-that", "said-outside-the-court-that", "spoke-at-the-school-that"])
def test_a_reported_clause_the_parse_hung_on_a_place_is_reported(words, expected):
    article, _ = contexts(words)
    assert [(clause.pieces[0].text, clause.cue.mention.text, clause.cue.cue.text)
            for clause in cues.REGISTRY["reported-speech"].find(article)] == expected


# and super-agent Dario Velloso-Brandt said so: the parse hangs "Brandt" on "Velloso" as an apposition
DOUBLE_BARRELLED = parse(
    ("Dario", 1, "compound", "PROPN", "NNP", "Dario", "B-PERSON", True),
    ("Velloso", 4, "nsubj", "PROPN", "NNP", "Velloso", "I-PERSON", False),
    ("-", 1, "punct", "PUNCT", "HYPH", "-", "I-PERSON", False),
    ("Brandt", 1, "appos", "PROPN", "NNP", "Brandt", "I-PERSON", True),
    ("said", 4, "ROOT", "VERB", "VBD", "say", "O", True),
    ("so", 4, "advmod", "ADV", "RB", "so", "O", False),
)


def test_a_name_runs_on_over_the_hyphen_of_a_double_barrelled_surname():
    from extract.grammar import noun_phrase

    assert noun_phrase(DOUBLE_BARRELLED[1]).text == "Dario Velloso-Brandt"


# [Halcyra] Therapeutics said so: the parse made the name's first word a root of its own
STRAY_ROOT = parse(
    ("Halcyra", 0, "ROOT", "PROPN", "NNP", "Halcyra", "O", True),
    ("Therapeutics", 2, "nsubj", "PROPN", "NNP", "Therapeutics", "O", True),
    ("said", 2, "ROOT", "VERB", "VBD", "say", "O", True),
    ("so", 2, "advmod", "ADV", "RB", "so", "O", False),
)


def test_a_names_first_word_parsed_as_a_root_alone_is_part_of_the_name():
    from extract.grammar import noun_phrase

    assert noun_phrase(STRAY_ROOT[1]).text == "Halcyra Therapeutics"


# chief product officer Imke Vandersloot wrote so: the name tagged a body, the role before it hung elsewhere
ROLE_BEFORE_A_BODY_NAME = parse(
    ("chief", 2, "amod", "ADJ", "JJ", "chief", "O", True),
    ("product", 2, "compound", "NOUN", "NN", "product", "O", True),
    ("officer", 2, "ROOT", "NOUN", "NN", "officer", "O", True),
    ("Imke", 4, "compound", "PROPN", "NNP", "Imke", "B-ORG", True),
    ("Vandersloot", 5, "nsubj", "PROPN", "NNP", "Vandersloot", "I-ORG", True),
    ("wrote", 5, "ROOT", "VERB", "VBD", "write", "O", True),
    ("so", 5, "advmod", "ADV", "RB", "so", "O", False),
)


def test_a_name_after_a_role_in_lower_case_is_a_person_though_tagged_a_body():
    article, _ = contexts(ROLE_BEFORE_A_BODY_NAME)
    found = speakers.Resolver(article).resolve(ROLE_BEFORE_A_BODY_NAME[3:5])
    assert (found.speaker.name, found.speaker.kind) == ("Imke Vandersloot", "person")


# Minister for Ports and Inland Waterways P. Iyer spoke: the parse took the title's "and" for one joining
# the minister and the name
TITLE_WITH_AN_AND = parse(
    ("Minister", 9, "nsubj", "PROPN", "NNP", "Minister", "O", True),
    ("for", 0, "prep", "ADP", "IN", "for", "O", True),
    ("Ports", 1, "pobj", "PROPN", "NNPS", "Ports", "O", True),
    ("and", 0, "cc", "CCONJ", "CC", "and", "O", True),
    ("Inland", 5, "compound", "PROPN", "NNP", "Inland", "O", True),
    ("Waterways", 8, "compound", "PROPN", "NNP", "Waterways", "O", True),
    ("P.", 8, "compound", "PROPN", "NNP", "P.", "B-PERSON", True),
    ("Ramaswamy", 8, "compound", "PROPN", "NNP", "Ramaswamy", "I-PERSON", True),
    ("Iyer", 0, "conj", "PROPN", "NNP", "Iyer", "I-PERSON", True),
    ("spoke", 9, "ROOT", "VERB", "VBD", "speak", "O", False),
)


def test_a_title_whose_and_the_parse_took_for_a_conjunction_is_the_role_of_the_name_after_it():
    assert speakers.role_of(TITLE_WITH_AN_AND[6:9]) == "Minister for Ports and Inland Waterways"


# Jo Brandt lied. Brandt would testify. The utility said so: the surname alone tagged a body
SURNAME_TAGGED_A_BODY = parse(
    ("Jo", 1, "compound", "PROPN", "NNP", "Jo", "B-PERSON", True),
    ("Brandt", 2, "nsubj", "PROPN", "NNP", "Brandt", "I-PERSON", True),
    ("lied", 2, "ROOT", "VERB", "VBD", "lie", "O", False),
    (".", 2, "punct", "PUNCT", ".", ".", "O", True),
    ("Brandt", 6, "nsubj", "PROPN", "NNP", "Brandt", "B-ORG", True),
    ("would", 6, "aux", "AUX", "MD", "would", "O", True),
    ("testify", 6, "ROOT", "VERB", "VB", "testify", "O", False),
    (".", 6, "punct", "PUNCT", ".", ".", "O", True),
    ("The", 9, "det", "DET", "DT", "the", "O", True),
    ("utility", 10, "nsubj", "NOUN", "NN", "utility", "O", True),
    ("said", 10, "ROOT", "VERB", "VBD", "say", "O", True),
    ("so", 10, "advmod", "ADV", "RB", "so", "O", False),
    (".", 10, "punct", "PUNCT", ".", ".", "O", False),
)


def test_a_persons_surname_tagged_a_body_is_no_body_a_description_stands_for():
    article, _ = contexts(SURNAME_TAGGED_A_BODY)
    found = speakers.Resolver(article).resolve(SURNAME_TAGGED_A_BODY[8:10])
    assert (found.speaker.name, found.speaker.kind) == ("utility", "organisation")


# The union said that agreed levels were cut: the parse made "that" the subject of "agreed"
THAT_AS_SUBJECT = parse(
    ("The", 1, "det", "DET", "DT", "the", "O", True),
    ("union", 2, "nsubj", "NOUN", "NN", "union", "O", True),
    ("said", 2, "ROOT", "VERB", "VBD", "say", "O", True),
    ("that", 4, "nsubj", "SCONJ", "IN", "that", "O", True),
    ("agreed", 2, "ccomp", "VERB", "VBD", "agree", "O", True),
    ("levels", 7, "nsubjpass", "NOUN", "NNS", "level", "O", True),
    ("were", 7, "auxpass", "AUX", "VBD", "be", "O", True),
    ("cut", 4, "ccomp", "VERB", "VBN", "cut", "O", False),
    (".", 2, "punct", "PUNCT", ".", ".", "O", False),
)


def test_a_that_the_parse_made_a_subject_is_no_speaker():
    article, _ = contexts(THAT_AS_SUBJECT)
    assert verbs.speaker_of(article, THAT_AS_SUBJECT[4]) is None


# County Executive Committee member for Roads Amani Chebet spoke: the tagger took the field into the name
FIELD_IN_THE_NAME = parse(
    ("County", 2, "compound", "PROPN", "NNP", "County", "B-ORG", True),
    ("Executive", 2, "compound", "PROPN", "NNP", "Executive", "I-ORG", True),
    ("Committee", 3, "compound", "PROPN", "NNP", "Committee", "I-ORG", True),
    ("member", 8, "nsubj", "NOUN", "NN", "member", "O", True),
    ("for", 3, "prep", "ADP", "IN", "for", "O", True),
    ("Roads", 7, "compound", "PROPN", "NNP", "Roads", "B-PERSON", True),
    ("Amani", 7, "compound", "PROPN", "NNP", "Amani", "I-PERSON", True),
    ("Chebet", 4, "pobj", "PROPN", "NNP", "Chebet", "I-PERSON", True),
    ("spoke", 8, "ROOT", "VERB", "VBD", "speak", "O", False),
    (".", 8, "punct", "PUNCT", ".", ".", "O", False),
)


def test_the_capitalised_field_of_a_title_is_no_part_of_the_name_after_it():
    assert speakers.name_closing_title(FIELD_IN_THE_NAME[3]).text == "Amani Chebet"
    assert [person.name for person in speakers.people(FIELD_IN_THE_NAME).all()] == ["Amani Chebet"]


# Ann Lee, the director, compared it to a race: the parse hung the verb on the name
VERB_ON_THE_NAME = parse(
    ("Ann", 1, "compound", "PROPN", "NNP", "Ann", "B-PERSON", True),
    ("Lee", 1, "ROOT", "PROPN", "NNP", "Lee", "I-PERSON", False),
    (",", 1, "punct", "PUNCT", ",", ",", "O", True),
    ("the", 4, "det", "DET", "DT", "the", "O", True),
    ("director", 1, "appos", "NOUN", "NN", "director", "O", False),
    (",", 1, "punct", "PUNCT", ",", ",", "O", True),
    ("compared", 1, "acl", "VERB", "VBD", "compare", "O", True),
    ("it", 6, "dobj", "PRON", "PRP", "it", "O", True),
    ("to", 6, "prep", "ADP", "IN", "to", "O", True),
    ("a", 10, "det", "DET", "DT", "a", "O", True),
    ("race", 8, "pobj", "NOUN", "NN", "race", "O", False),
    (".", 1, "punct", "PUNCT", ".", ".", "O", False),
)


def test_the_source_expression_stops_short_of_a_cue_the_parse_hung_on_the_name():
    from extract import clauses

    article, _ = contexts(VERB_ON_THE_NAME)
    found = clauses.source_expression(article, VERB_ON_THE_NAME[0:2], VERB_ON_THE_NAME[6:7])
    assert found.text == "Ann Lee, the director"
