"""Reported speech the attribution model finds (the ``learned-speech`` rule), on sentences written for these tests."""
import pytest

from extract import attribution

pytestmark = pytest.mark.model


def reported(nlp, text):
    """(content, cue, speaker name, rule, passage) of each indirect statement, and no errors."""
    doc = nlp(text)
    assert doc._.quote_errors == ()
    return [(q.content.text, q.cue.text if q.cue else None, q.speaker.name if q.speaker else None, q.cue_rule,
             q.passage) for q in doc._.quotes if q.kind == "indirect"]


@pytest.mark.parametrize("text, expected", [
    ("Mayor Ines Varga warned against a rushed vote on the new bridge.",
     ("a rushed vote on the new bridge", "warned against", "Ines Varga")),
    ("Tomas Berg, the harbour master, urged residents to stay away from the pier.",
     ("residents to stay away from the pier", "urged", "Tomas Berg")),
    ("The report concludes that the pier cannot be saved.",
     ("that the pier cannot be saved", "concludes", "report")),
], ids=["phrasal-cue", "urged-to", "document"])
def test_reported_speech_the_verb_rule_misses(nlp, text, expected):
    assert [found[:3] for found in reported(nlp, text)] == [expected]
    assert reported(nlp, text)[0][3] == "learned-speech"


def test_a_second_speech_act_the_parse_made_a_second_clause_of_the_first_is_its_own_statement(nlp):
    text = ("Clann Glas’s finance spokesperson, Ruairi Doyle, said his party would support the bill but warned that "
            "a higher tax on its own would not bring shops back into use.")
    assert [found[:3] for found in reported(nlp, text)] == [
        ("his party would support the bill", "said", "Ruairi Doyle"),
        ("that a higher tax on its own would not bring shops back into use", "warned", "Ruairi Doyle")]


@pytest.mark.parametrize("text, expected", [
    ("Lena Brandt said the union would hold a ballot on strike action next month, something that has not happened "
     "in 20 years.", "the union would hold a ballot on strike action next month"),
    ("The council said it would close the two libraries in March, a move that campaigners called short-sighted.",
     "it would close the two libraries in March"),
], ids=["something-that", "a-move-that"])
def test_the_writers_comment_on_what_was_reported_is_no_part_of_it(nlp, text, expected):
    assert [found[0] for found in reported(nlp, text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Housing officer Lena Brandt told the panel the scheme met the town plan, which zones the field for houses, and "
     "that the drainage team had raised no objection subject to conditions.",
     ("the scheme met the town plan, which zones the field for houses, and that the drainage team had raised no "
      "objection subject to conditions", "told", "Lena Brandt")),
    ("The drummer Ivo Marsh, who played in the band for a decade, said the singer seldom warmed up and never told "
     "the band which songs came next.",
     ("the singer seldom warmed up and never told the band which songs came next", "said", "Ivo Marsh")),
    ("The Dairy Farmers' Union, which speaks for 900 farms, said in a letter to the committee that several councils "
     "had delayed the release of their grants by five months.",
     ("that several councils had delayed the release of their grants by five months", "said",
      "Dairy Farmers' Union")),
    ("The highways board said the storm had closed two bridges. It advised drivers to avoid the coast road until "
     "morning.",
     ("drivers to avoid the coast road until morning", "advised", "highways board")),
    ("ISLAMABAD: Federal Minister for Energy Syed Imran Qazi on Monday said the government would announce a fuel "
     "subsidy worth Rs50 billion next month, maintaining that it would be paid for from savings.",
     ("the government would announce a fuel subsidy worth Rs50 billion next month", "said", "Imran Qazi")),
], ids=["a-second-that-clause", "a-verb-the-named-doer-did", "said-in-a-letter-to-someone-that", "advised-someone-to",
        "a-participle-of-its-own"])
def test_the_whole_of_what_was_reported(nlp, text, expected):
    assert expected in [found[:3] for found in reported(nlp, text)]


def test_who_gave_the_speaker_a_nickname_is_not_the_speaker(nlp):
    text = ("The union leader, Ade Bello, spoke in Abeokuta. The union leader, popularly called \"Baba Union\" by "
            "members of the union, averred that the liability had risen to N27.3bn.")
    assert [found[:3] for found in reported(nlp, text)] == [
        ("that the liability had risen to N27.3bn", "averred", "Ade Bello")]


def test_a_statement_broken_by_its_attribution_is_one_passage_of_pieces(nlp):
    found = reported(nlp, "The plan, council officials say, is on hold until the spring.")
    assert [(content, speaker) for content, _, speaker, _, _ in found] == [
        ("The plan", "council officials"), ("is on hold until the spring", "council officials")]
    assert len({passage for *_, passage in found}) == 1 and found[0][4] is not None


def test_a_possessive_speaker_is_the_person(nlp):
    found = reported(nlp, "Ines Varga's claim that the bridge was safe drew laughter from the gallery.")
    assert [(cue, speaker) for _, cue, speaker, _, _ in found] == [("claim", "Ines Varga")]


@pytest.mark.parametrize("text", [
    "The striker thanked the home crowd after the match.",
    "The mayor never claimed the bridge was safe.",
    "The harbour board declined to comment on the vote.",
    "According to these figures, the pier loses money every winter.",
    "The coach praised the home crowd after the game.",
    "The mayor blasted a ferry firm on Monday.",
    "Councillor Fiona Baird stopped short of calling for the contract to be cancelled.",
    "Shoppers urged to check labels after pet food recall",
    "Critics would argue that the dam was doomed. Senator Ana Reyes dismissed that argument in advance.",
    "The mayor repeated those claims on Friday.",
], ids=["no-words-reported", "negated", "refused", "a-text-pointed-back-to", "praised-whom", "blasted-whom",
        "stopped-short-of", "headline-passive", "that-argument", "those-claims"])
def test_what_the_model_marks_but_reports_no_statement(nlp, text):
    assert reported(nlp, text) == []


def test_words_repeated_are_reported_where_first_said(nlp):
    text = "Senator Tom Vale said crime had doubled. He repeated the figure in an email two days later."
    assert [(content, cue) for content, cue, *_ in reported(nlp, text)] == [("crime had doubled", "said")]


def test_the_model_can_be_left_out(nlp):
    text = "Mayor Ines Varga warned against a rushed vote on the new bridge."
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline[:-1]:
        doc = component(doc)
    settings = attribution.Settings(learned=False)
    assert [q for q in attribution.find_quotes(doc, settings) if q.cue_rule == "learned-speech"] == []
    assert [q.cue_rule for q in attribution.find_quotes(doc)] == ["learned-speech"]


def test_the_component_setting_leaves_the_model_out():
    """The README's ``nlp.add_pipe("quotedb", config={"learned": False})``."""
    import spacy

    import extract.nlp  # noqa: F401  (registers the component)

    own = spacy.load("en_core_web_sm")
    own.add_pipe("quotedb", config={"learned": False, "coref": False})
    doc = own("Mayor Ines Varga warned against a rushed vote on the new bridge.")
    assert [q.cue_rule for q in doc._.quotes] == []


def test_a_mixed_quote_holds_the_reported_clause_around_it_with_its_marks(nlp):
    doc = nlp('The harbour master said on Friday that the pier was "perfectly safe" for now.')
    (quote,) = [q for q in doc._.quotes if q.kind == "mixed"]
    assert quote.content.text == "perfectly safe"
    assert quote.reported.text.startswith("that the pier was \"perfectly safe\"")
    assert doc.text[quote.reported.start:quote.reported.end] == quote.reported.text


def test_whom_the_words_were_said_to_is_no_content(nlp):
    assert reported(nlp, "The harbour master told reporters on the quay.") == []


def test_a_statement_ends_before_the_line_break(nlp):
    found = reported(nlp, "The harbour master said the pier would reopen in May\n\nThe ferry was late again.")
    assert [content for content, *_ in found] == ["the pier would reopen in May"]


@pytest.mark.parametrize("text, expected", [
    ('More than 9,000 parents joined a "walk-in" at 300 schools across the county, according to the organisers.',
     ("walk-in", 'More than 9,000 parents joined a "walk-in" at 300 schools across the county', "organisers")),
    ('The union accused the board of a "cover-up" that put nurses at risk, its leader said.',
     ("cover-up", 'The union accused the board of a "cover-up" that put nurses at risk', "its leader")),
], ids=["according-to", "said-after"])
def test_reported_speech_around_quoted_words_no_rule_attributes_is_a_mixed_statement(nlp, text, expected):
    doc = nlp(text)
    assert [(q.content.text, q.reported.text, q.speaker.name, q.cue_rule) for q in doc._.quotes] == [
        (*expected, "learned-speech")]
    assert doc._.quotes[0].kind == "mixed"


@pytest.mark.parametrize("text", [
    'Ines Varga spoke during a "Town Hall Forum" about the harbour, her office said.',
    'The mayor attacked the ferry company over its "lies" about the timetable.',
], ids=["title", "a-term-in-a-noun-phrase"])
def test_reported_speech_around_a_title_or_a_term_is_no_mixed_statement(nlp, text):
    assert [q for q in nlp(text)._.quotes if q.kind == "mixed"] == []


def test_a_mixed_statement_keeps_the_full_stop_inside_its_closing_mark(nlp):
    doc = nlp('Ines Varga said she admired the crew for what she called a "quiet kind of courage."')
    (quote,) = doc._.quotes
    assert quote.reported.text.endswith('courage."')


@pytest.mark.parametrize("text, expected", [
    ("Asked about the ferry, 40 percent of voters said the timetable should change.",
     ("the timetable should change", "voters")),
    ("Each of the candidates said the other lacked the judgment to lead the harbour board.",
     ("the other lacked the judgment to lead the harbour board", "candidates")),
], ids=["a-share-of-those-asked", "each-of"])
def test_people_left_unnamed_are_a_source(nlp, text, expected):
    assert [(content, speaker) for content, _, speaker, _, _ in reported(nlp, text)] == [expected]


def test_the_subject_the_parse_lends_to_a_participle_before_the_verb_is_the_speaker(nlp):
    found = reported(nlp, "City skipper Ines Varga-Lund, making her 250th appearance for the side, "
                          "said the result could change the season.")
    assert [(content, speaker) for content, _, speaker, _, _ in found] == [
        ("the result could change the season", "Ines Varga-Lund")]


def test_it_as_the_subject_of_a_speech_verb_is_an_organisation_speaking(nlp):
    found = reported(nlp, "Harbour Holdings reported a loss on Monday. The strike, it argued, had cost the firm "
                          "40 million crowns.")
    assert [(content, speaker) for content, cue, speaker, _, _ in found if cue == "argued"] == [
        ("The strike", "Harbour Holdings"), ("had cost the firm 40 million crowns", "Harbour Holdings")]


def test_an_aim_a_person_states_is_a_statement(nlp):
    found = reported(nlp, "Maria Lopez is running for mayor. She wants to triple the size of the harbour police and "
                          "grow the coast guard.")
    assert [(content, speaker) for content, _, speaker, _, _ in found] == [
        ("to triple the size of the harbour police and grow the coast guard", "Maria Lopez")]


@pytest.mark.parametrize("text", [
    "Harbour Holdings plans to build a ferry terminal on the site.",
    "The injured girl is expected to stay in hospital until the weekend.",
    "Maria Lopez plans to announce her candidacy next week.",
], ids=["a-firms-plan", "expected-of-her", "speech-only-intended"])
def test_an_aim_no_person_states_is_no_statement(nlp, text):
    assert reported(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Mayor Tom Reid rejected the union's claim that the depot was unsafe.",
     ("that the depot was unsafe", "claim", "union")),
    ("The director, Lerato Mbeki, dismissed the residents' group's warning that the pumps would fail.",
     ("that the pumps would fail", "warning", "residents' group")),
], ids=["rejected-claim", "dismissed-warning"])
def test_a_claim_someone_else_made_inside_the_content_is_theirs(nlp, text, expected):
    assert [found[:3] for found in reported(nlp, text)] == [expected]


@pytest.mark.parametrize("text", [
    "The city council approved a new budget for the harbour on Tuesday.",
    "Dock workers at Port Elm voted to accept the new contract.",
    "Harbour Holdings has agreed to buy the ferry line for 20 million pounds.",
    "Councillor Jo Marsh appeared to take a swipe at the mayor on social media.",
    "The former treasurer, Ann Cole, pleaded guilty to stealing from the charity.",
    "The senate passed a bill to ban plastic bags.",
    "The planning board decided to delay the vote until March.",
    "The island council has declared a state of emergency after the ferry sank.",
    "Tom Lane, 48, had denied 12 counts of fraud but was convicted by a jury last month.",
    "Anna Price, 58, of Hill Road, admitted to one count of theft in county court.",
    "Judge Mary Olsen denied a defense motion to move the trial.",
    "Mark Ellis, 44, of Station Road, showed no emotion as he was led to the cells.",
    "Tom Webb, whose shop has sold her bowls for a decade, remembers the first time he saw her work.",
], ids=["approved", "voted-to", "agreed-to", "appeared-to", "pleaded-guilty", "passed", "decided-to",
        "declared-an-emergency", "denied-counts", "admitted-to-a-count", "denied-a-motion", "showed-emotion",
        "remembers-a-time"])
def test_a_deed_is_no_statement(nlp, text):
    assert reported(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Councillor Ray Tull agreed that the plan had been rushed.", ("that the plan had been rushed", "Ray Tull")),
    ("Councillor Jo Marsh has decided that the plan is unworkable.", ("that the plan is unworkable", "Jo Marsh")),
    ("The harbour master declared that the pier was unsafe.", ("that the pier was unsafe", "harbour master")),
    ("The minister denied claims that she had misled parliament.",
     ("claims that she had misled parliament", "minister")),
    ("Councillor Jo Marsh found that the contract had been signed before the vote.",
     ("that the contract had been signed before the vote", "Jo Marsh")),
    ("The mayor, Lena Orr, appeared to suggest that the bridge would close.",
     ("to suggest that the bridge would close", "Lena Orr")),
], ids=["agreed-that", "decided-that", "declared-that", "denied-claims", "found-that", "appeared-to-suggest"])
def test_words_under_a_verb_of_deeds_are_a_statement(nlp, text, expected):
    assert [(content, speaker) for content, _, speaker, _, _ in reported(nlp, text)] == [expected]


def test_figures_and_findings_are_texts_that_say_something(nlp):
    found = reported(nlp, "Official figures show that ferry delays doubled over the winter.")
    assert [(content, speaker) for content, _, speaker, _, _ in found] == [
        ("that ferry delays doubled over the winter", "Official figures")]


def test_a_content_wholly_in_another_sentence_than_its_cue_is_no_statement(nlp, monkeypatch):
    """The model's content for a cue ("It cost ..., Haldane says") can be the sentence before."""
    from extract import learned

    def model_says(doc, model=None):
        cue = doc.char_span(doc.text.index("says"), doc.text.index("says") + 4)
        source = doc.char_span(doc.text.index("Efua"), doc.text.index(" says"))
        before = doc.char_span(0, doc.text.index("."))
        own = doc.char_span(doc.text.index("It cost"), doc.text.index(", Efua"))
        return (learned.LearnedAttribution(cue, source, (before,), 1.0),
                learned.LearnedAttribution(cue, source, (own,), 1.0))

    monkeypatch.setattr(learned, "attributions", model_says)
    found = reported(nlp, "Its roof rests on steel columns. It cost a third of a normal clinic, Efua Haldane says.")
    assert [content for content, *_ in found] == ["It cost a third of a normal clinic"]


def test_a_clause_a_semicolon_parts_from_the_speaker_is_the_writers(nlp):
    found = reported(nlp, "Firefighters shut the quay for two hours; Officer Ines Varga, a fire service "
                          "spokeswoman, said it would reopen by noon.")
    assert [(content, speaker) for content, _, speaker, _, _ in found] == [("it would reopen by noon", "Ines Varga")]


@pytest.mark.parametrize("text, expected", [
    ("The pair, who have three sons and six grandchildren, insisted they would keep the shop open.",
     "pair"),
    ("The hotel, which employs forty cleaners and two managers, insisted the pool was safe.", None),
], ids=["a-couple", "not-whom-the-clause-names"])
def test_the_speaker_is_the_subject_not_a_noun_of_its_relative_clause(nlp, text, expected):
    assert [speaker for _, _, speaker, _, _ in reported(nlp, text)] == [expected]


def test_a_request_not_to_be_named_is_no_statement(nlp, monkeypatch):
    from extract import learned

    def model_says(doc, model=None):
        text = doc.text
        cue = doc.char_span(text.index("asked"), text.index("asked") + 5)
        source = doc.char_span(text.index("who"), text.index("who") + 3)
        content = doc.char_span(text.index("not to be"), len(text) - 1)
        return (learned.LearnedAttribution(cue, source, (content,), 1.0),)

    monkeypatch.setattr(learned, "attributions", model_says)
    assert reported(nlp, "The Gazette spoke to two porters, who asked not to be named because their contracts "
                         "forbid talking to reporters.") == []


@pytest.mark.parametrize("text", [
    "A neighbour, Rosa, 52, who asked that her last name not be used, said she heard three shots.",
    "A witness who asked that his name not be published said the car sped away.",
], ids=["last-name-not-used", "name-not-published"])
def test_a_request_that_ones_name_be_kept_out_is_no_statement(nlp, text):
    assert [content for content, *_ in reported(nlp, text) if "name" in content] == []


@pytest.mark.parametrize("text, expected", [
    ("The engineer Efua Haldane built the school in 2019. It cost, Haldane says, about half of what a brick "
     "school would have cost, and it needs no heating.",
     [("It cost", "Efua Haldane"),
      ("about half of what a brick school would have cost, and it needs no heating", "Efua Haldane")]),
    ("Mara Quist is uneasy about the exhibition. She fears, she says, that visitors will read it as a story "
     "about loss.", [("that visitors will read it as a story about loss", "Mara Quist")]),
    ("Mara Quist learned the trade from her father. He was, she says, a patient teacher and a stubborn man.",
     [("He was", "Mara Quist"), ("a patient teacher and a stubborn man", "Mara Quist")]),
    ("The mayor, Mara Quist, spoke for an hour. The pier, in Quist's words, was a disgrace to the town.",
     [("The pier", "Mara Quist"), ("was a disgrace to the town", "Mara Quist")]),
    ("The two clubs had been negotiating since March, according to people familiar with the talks, and "
     "at one point broke off over the fee.",
     [("The two clubs had been negotiating since March", "people"),
      ("and at one point broke off over the fee", "people")]),
    ("Divers will keep searching the lake until Sunday, police said, as her parents asked for more boats.",
     [("Divers will keep searching the lake until Sunday", "police")]),
    ("An appeal for the bakery had raised more than $9,000 by Friday, according to its organiser, the shop "
     "owner Ola Brandt.", [("An appeal for the bakery had raised more than $9,000 by Friday", "Ola Brandt")]),
    ("The appeal had raised $9,000 by Friday, according to its organiser, Eastport Chamber of Trade director "
     "Ola Brandt.", [("The appeal had raised $9,000 by Friday", "Ola Brandt")]),
    ("Mara Quist, who leads the group, spoke first. Its evidence included a count of bats which, she "
     "argued, showed that two roosts would be lost.",
     [("showed that two roosts would be lost", "Mara Quist")]),
    ("The layoffs fall mostly on marketing and support staff, per a company spokeswoman.",
     [("The layoffs fall mostly on marketing and support staff", "company spokeswoman")]),
    ("Per the court filing, the quarry owes its workers nine weeks of wages.",
     [("the quarry owes its workers nine weeks of wages", "court filing")]),
    ("The ferry will stop running in October, according to the harbour board.",
     [("The ferry will stop running in October", "harbour board")]),
    ("The ferry firm Tidewell launched a new boat on Monday. The boat seats 300 people and, the firm says, will "
     "cut the crossing to an hour.", [("will cut the crossing to an hour", "Tidewell")]),
], ids=["set-into-the-sentence", "after-a-verb-of-feeling", "after-a-linking-verb", "in-her-words", "according-to",
        "a-clause-of-the-writers-after", "a-name-set-beside-the-source", "a-title-with-of-before-the-name",
        "inside-a-relative-clause",
        "per-closing-the-sentence", "per-opening-the-sentence", "according-to-closing-the-sentence",
        "after-and-only-what-follows"])
def test_a_speech_verb_set_into_the_sentence_reports_the_rest_of_it(nlp, text, expected, monkeypatch):
    assert [(content, speaker) for content, _, speaker, _, _ in reported(nlp, text)] == expected
    from extract import learned

    monkeypatch.setattr(learned, "attributions", lambda doc, model=None: ())  # the rule alone, where the model misses
    found = reported(nlp, text)
    assert [(content, speaker) for content, _, speaker, _, _ in found] == expected
    assert {rule for *_, rule, _ in found} == {"parenthetical"}


@pytest.mark.parametrize("text", [
    "Shares rose 40 cents per share, and the dividend per employee doubled.",
    "The union said the ferries would stop on Monday, according to a notice posted at the terminal.",
])
def test_a_source_phrase_closing_a_sentence_reports_nothing_of_its_own(nlp, text, monkeypatch):
    from extract import learned

    monkeypatch.setattr(learned, "attributions", lambda doc, model=None: ())  # the rule alone
    assert [rule for *_, rule, _ in reported(nlp, text) if rule == "parenthetical"] == []


def test_a_content_ends_with_its_paragraph(nlp, monkeypatch):
    from extract import learned

    def model_says(doc, model=None):
        text = doc.text
        cue = doc.char_span(text.index("said"), text.index("said") + 4)
        source = doc.char_span(0, text.index(" said"))
        content = doc.char_span(text.index("the pier"), len(text))
        return (learned.LearnedAttribution(cue, source, (content,), 1.0),)

    monkeypatch.setattr(learned, "attributions", model_says)
    found = reported(nlp, "Mara Quist said the pier would reopen in May.\n\nThe ferry runs twice a day in summer.")
    assert [content for content, *_ in found] == ["the pier would reopen in May."]


@pytest.mark.parametrize("text, content", [
    ("Drivers will get eight weeks of pay, the spokeswoman said.", "Drivers will get eight weeks of pay"),
    ("The sharp words from the mayor stung, said Ola Brandt.", "The sharp words from the mayor stung,"),
], ids=["speaker-after-a-comma", "a-name-inside-the-content-stays"])
def test_a_content_stops_where_its_speaker_starts(nlp, monkeypatch, text, content):
    from extract import learned

    def model_says(doc, model=None):  # a content running on over its own speaker, whom the model did not mark
        said = doc.text.index("said")
        return (learned.LearnedAttribution(doc.char_span(said, said + 4), None, (doc.char_span(0, said - 1),), 1.0),)

    monkeypatch.setattr(learned, "attributions", model_says)
    assert [found for found, *_ in reported(nlp, text)] == [content]


def test_the_subject_a_speech_verb_has_in_the_parse_speaks_where_the_model_links_another(nlp, monkeypatch):
    from extract import learned

    def model_says(doc, model=None):  # the sentence's subject linked as the source, as the model did once
        text = doc.text
        said = text.index("said")
        return (learned.LearnedAttribution(doc.char_span(said, said + 4), doc.char_span(0, text.index(",")),
                                           (doc.char_span(text.index("it could"), len(text) - 1),), 1.0),)

    monkeypatch.setattr(learned, "attributions", model_says)
    found = reported(nlp, "Fenwick Pool, which opened in 1931, was one of four pools the borough council said it "
                          "could no longer afford to heat.")
    assert [(content, speaker) for content, _, speaker, _, _ in found] == [
        ("it could no longer afford to heat", "borough council")]


def test_a_clause_that_runs_on_into_the_speaker_is_the_writers(nlp, monkeypatch):
    from extract import learned

    monkeypatch.setattr(learned, "attributions", lambda doc, model=None: ())  # the rules alone
    found = reported(nlp, "Fenwick Pool, which opened in 1931, was one of four pools the borough council said it "
                          "could no longer afford to heat.")
    assert [content for content, *_ in found] == ["it could no longer afford to heat"]


def test_a_speech_verb_after_its_clause_that_the_parse_gave_no_subject(nlp, monkeypatch):
    from extract import learned

    monkeypatch.setattr(learned, "attributions", lambda doc, model=None: ())
    found = reported(nlp, "The closure costs the harbour 2 million euros a month, estimated Ola Brandt, an analyst at Fjellby Bank.")
    assert [(content, cue, speaker, rule) for content, cue, speaker, rule, _ in found] == [
        ("The closure costs the harbour 2 million euros a month", "estimated", "Ola Brandt", "reported-speech")]


@pytest.mark.parametrize("text, expected", [
    ("Mara Quist appealed to the council to see that the ferry firm kept its winter timetable.",
     ("the council to see that the ferry firm kept its winter timetable", "appealed to", "Mara Quist")),
    ("The parents of the missing diver appealed for more boats to join the search.",
     ("more boats to join the search", "appealed for", "parents")),
], ids=["appealed-to", "appealed-for"])
def test_an_appeal_to_someone_to_act_is_reported_speech(nlp, text, expected, monkeypatch):
    from extract import learned

    monkeypatch.setattr(learned, "attributions", lambda doc, model=None: ())
    assert [found[:3] for found in reported(nlp, text)] == [expected]


def test_an_appeal_against_a_ruling_is_no_statement(nlp):
    assert reported(nlp, "The club appealed the ruling on Monday.") == []


def test_a_reported_clause_opening_its_paragraph_leaves_the_dateline_out(nlp, monkeypatch):
    from extract import learned

    monkeypatch.setattr(learned, "attributions", lambda doc, model=None: ())
    found = reported(nlp, "HANOI, June 2 (CNA) - Landslides blocked at least nine roads in the hills, officials said.")
    assert [content for content, *_ in found] == ["Landslides blocked at least nine roads in the hills"]


def test_a_content_piece_in_another_paragraph_than_its_cue_is_left_out(nlp, monkeypatch):
    from extract import learned

    def model_says(doc, model=None):
        text = doc.text
        cue = doc.char_span(text.index("saying"), text.index("saying") + 6)
        source = doc.char_span(text.index("Harbour Home cut"), text.index(" cut its forecast on"))
        standfirst = doc.char_span(0, text.index("\n"))
        own = doc.char_span(text.index("gardeners had"), len(text) - 1)
        return (learned.LearnedAttribution(cue, source, (standfirst, own), 1.0),)

    monkeypatch.setattr(learned, "attributions", model_says)
    found = reported(nlp, "Shares drop after the garden chain cuts its forecast\n\n"
                          "Harbour Home cut its forecast on Tuesday, saying gardeners had stopped buying sheds.")
    assert [content for content, *_ in found] == ["gardeners had stopped buying sheds"]


@pytest.mark.parametrize("text, expected", [
    ('Ines Varga described the new pier as "a monument to waste."', 'the new pier as "a monument to waste."'),
    ('Ines Varga called the ruling a "huge win for the harbour."', 'the ruling a "huge win for the harbour."'),
    ('Ines Varga is calling the new pier "perfectly safe."', 'the new pier "perfectly safe."'),
], ids=["described-as", "called", "calling-it-what"])
def test_a_mixed_quote_said_of_something_holds_what_it_is_said_of(nlp, monkeypatch, text, expected):
    from extract import learned

    monkeypatch.setattr(learned, "attributions", lambda doc, model=None: ())  # the parse alone
    assert [q.reported.text for q in nlp(text)._.quotes] == [expected]


@pytest.mark.parametrize("text, kind", [
    ('Ines Varga said that, "Naturally the council will appeal" against what it calls an '
     'unfair ruling.', "mixed"),
    ('"The pier is safe," Ines Varga said. "It will open in May."', "direct"),
], ids=["the-clause-goes-on-past-the-quote", "a-quote-that-stands-as-a-sentence"])
def test_a_quote_whose_clause_goes_on_past_its_closing_mark_is_mixed(nlp, text, kind):
    assert {q.kind for q in nlp(text)._.quotes} == {kind}


@pytest.mark.parametrize("text, kind, reported", [
    ('Ines Varga told the inquiry that, "For those who doubt us, the pier will open in May."', "mixed",
     'that, "For those who doubt us, the pier will open in May."'),
    ('With forty inspectors on the site, "there is no single point of failure," the engineer said.', "mixed",
     'With forty inspectors on the site, "there is no single point of failure,"'),
    ('In a statement, the harbour board said, "We regret the delay."', "direct", None),
    ('As the engineer put it, "the pier is a monument to patience."', "direct", None),
], ids=["that-comma-quote", "a-phrase-of-the-quoted-clause", "a-speaker-before-the-comma", "as-put-it"])
def test_a_quote_after_a_comma_that_goes_on_a_clause_begun_before_it_is_mixed(nlp, text, kind, reported):
    [quote] = nlp(text)._.quotes
    assert (quote.kind, quote.reported and quote.reported.text) == (kind, reported)


@pytest.mark.parametrize("text", [
    'Claiming the audit was designed to embarrass her, the mayor told reporters that "they want a headline."',
    "Insisting the pier was unsafe, the engineer told the board he would not sign the report.",
], ids=["quoted-words-after", "a-clause-after"])
def test_a_participle_of_speech_before_the_speaker_is_no_content_of_the_verb_after(nlp, monkeypatch, text):
    from extract import learned

    monkeypatch.setattr(learned, "attributions", lambda doc, model=None: ())  # the rules alone
    assert not [content for content, *_ in reported(nlp, text) if content.startswith(("Claiming", "Insisting"))]


def test_a_mixed_quote_running_over_sentences_holds_the_clause_it_starts_in(nlp, monkeypatch):
    from extract import learned

    monkeypatch.setattr(learned, "attributions", lambda doc, model=None: ())  # the parse alone
    [quote] = nlp('The mayor told the panel that "the pier is safe. It will open in May."')._.quotes
    assert quote.reported.text == 'that "the pier is safe. It will open in May."'


def test_a_so_called_term_makes_no_mixed_quote(nlp):
    text = 'Dr Ines Varga said her team had seen hints that so-called "doomscrolling" was linked to poor sleep.'
    found = [(q.kind, q.content.text) for q in nlp(text)._.quotes]
    assert ("mixed", "doomscrolling") not in found
    assert [kind for kind, content in found if "doomscrolling" in content] == ["indirect"]


def test_an_appeal_to_quote_a_reference_is_no_statement(nlp):
    text = "Anyone with information is asked to call Harbourside Police on 101, quoting Operation Gull."
    assert [q.content.text for q in nlp(text)._.quotes] == []


def test_a_content_piece_the_writers_words_part_from_the_cue_is_left_out(nlp, monkeypatch):
    from extract import learned

    def model_says(doc, model=None):  # one cue linked to pieces of the sentences before and after its own
        text = doc.text

        def span(words):
            return doc.char_span(text.index(words), text.index(words) + len(words))

        return (learned.LearnedAttribution(span("has called for"), span("Ines Varga"), (
            span("how the levy would work"), span("a levy on empty homes"), span("that most second homes stand empty")),
            1.0),)

    monkeypatch.setattr(learned, "attributions", model_says)
    text = ("Nobody knows how the levy would work. Ines Varga has called for a levy on empty homes. "
            "We know from the census that most second homes stand empty.")
    assert [(content, speaker) for content, _, speaker, _, _ in reported(nlp, text)] == [
        ("a levy on empty homes", "Ines Varga")]


@pytest.mark.parametrize("text, content", [
    ("Halvern Foods said on Monday it had agreed to buy Corbett Brands.", "it had agreed to buy Corbett Brands"),
    ("The mayor told reporters in Ottawa that the bridge would reopen.", "that the bridge would reopen"),
    ("She said that on Monday the pool had been closed.", "that on Monday the pool had been closed"),
], ids=["a-day-before-the-subject", "a-place-the-verb-spoke-in", "a-day-inside-the-clause"])
def test_when_and_where_the_words_were_said_is_no_part_of_them(nlp, text, content):
    assert [found for found, *_ in reported(nlp, text)] == [content]


@pytest.mark.parametrize("text, expected", [
    ("The town council will announce the name of the park at a ceremony in the spring.", []),
    ("The prime minister will say in a speech on Monday that the country must rebuild.",
     ["that the country must rebuild"]),
], ids=["a-thing-to-be-announced", "words-briefed-before-a-speech"])
def test_a_future_speech_verb_reports_words_but_no_thing(nlp, text, expected):
    assert [found for found, *_ in reported(nlp, text)] == expected


def test_two_speakers_joined_by_and_each_say_their_own(nlp):
    text = ("The vote was marred, as opposition leaders alleged widespread fraud and international observers said "
            "the count had been rushed.")
    assert [(content, speaker) for content, _, speaker, _, _ in reported(nlp, text)] == [
        ("widespread fraud", "opposition leaders"), ("the count had been rushed", "international observers")]


@pytest.mark.parametrize("text, expected", [
    ("The counsel submitted that over 600 families depended on the land.",
     [("that over 600 families depended on the land", "counsel")]),
    ("The counsel for the farmers said that the notice was invalid.",
     [("that the notice was invalid", "counsel for the farmers")]),
    ("The firm submitted a report to the board.", []),
    ("Asked whether she ever thinks about retiring, she laughs, and then stops laughing.", []),
], ids=["submitted-that", "counsel-for", "submitted-a-thing", "the-sentence-own-verb-between-commas"])
def test_speech_of_the_courtroom_and_of_no_one(nlp, text, expected):
    assert [(content, speaker) for content, _, speaker, _, _ in reported(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Gold rose, dealers said.", [("Gold rose", "dealers")]),
    ("The defense had argued that the search was unlawful.", [("that the search was unlawful", "defense")]),
    ("The paper, published in the Journal of Sleep, found that the effect was strongest on school nights.",
     [("that the effect was strongest on school nights", "paper")]),
    ("According to a transcript read in court, Aldane told an investigator that he had been at home.",
     [("that he had been at home", "Aldane")]),
    ("According to the complaint, Varga wrote 143 cheques to herself.",
     [("Varga wrote 143 cheques to herself", "complaint")]),
    ("# Explained: Would a four-day week work in Estavia?\n\nThe council reports in October.", []),
    ("Opposition leader Samira Vantos said the vote was rigged. A ferry ran aground near the harbour late Sunday, "
     "the coast guard said.", [("the vote was rigged", "Samira Vantos"),
                               ("A ferry ran aground near the harbour late Sunday", "coast guard")]),
    ("The European bloc said it was ready to raise its contribution.",
     [("it was ready to raise its contribution", "European bloc")]),
    ("The Tamsen County school district said all schools would close on Friday.",
     [("all schools would close on Friday", "Tamsen County school district")]),
    ("The draft text says countries should cut emissions.", [("countries should cut emissions", "draft text")]),
], ids=["dealers", "the-defense", "a-paper", "relayed-by-a-transcript", "according-to-a-complaint", "a-title-label",
        "a-body-named-by-a-compound", "a-bloc", "a-school-district", "a-draft-text"])
def test_speakers_of_markets_courts_and_papers(nlp, text, expected):
    assert [(content, speaker) for content, _, speaker, _, _ in reported(nlp, text)] == expected


@pytest.mark.parametrize("text, kinds", [
    ('Ines Varga said the ruling was "wrong." "We will appeal," she said. "This is not over."',
     ["mixed", "direct", "direct"]),
    ('Ines Varga called the pier a "white elephant," "unsafe" and "a folly."', ["mixed", "mixed", "mixed"]),
], ids=["a-quote-after-one-that-ended-its-sentence", "a-list-of-quoted-terms"])
def test_a_quote_after_a_quote_that_ended_its_sentence_stands_as_one(nlp, text, kinds):
    assert [q.kind for q in nlp(text)._.quotes] == kinds


def test_a_title_inside_reported_speech_leaves_it_indirect(nlp):
    text = 'The judge ruled that messages from a man known as "Bluebird" could be shown to the jury.'
    assert [(content, speaker) for content, _, speaker, _, _ in reported(nlp, text)] == [
        ('that messages from a man known as "Bluebird" could be shown to the jury', "judge")]


def test_the_speaker_is_never_a_piece_of_what_is_said(nlp, monkeypatch):
    from extract import learned

    def model_says(doc, model=None):  # a raising verb's subject marked as content, as the model does
        text = doc.text

        def span(words):
            return doc.char_span(text.index(words), text.index(words) + len(words))

        return (learned.LearnedAttribution(span("appeared"), None, (
            span("Host Marlo Quint"), span("to mock both of them on the radio last night")), 1.0),)

    monkeypatch.setattr(learned, "attributions", model_says)
    found = reported(nlp, "Host Marlo Quint appeared to mock both of them on the radio last night.")
    assert [(content, speaker) for content, _, speaker, _, _ in found] == [
        ("to mock both of them on the radio last night", "Marlo Quint")]


@pytest.mark.parametrize("text, expected", [
    ("NORTHBRIDGE, Caledor Islands \u2014 A ferry ran aground near the harbour late Sunday, the coast guard said.",
     ("coast guard", "the coast guard")),
    ("BRESKOV, Ulmaria \u2014 Scientists at the Breskov Institute said Friday they had found a new species of newt.",
     ("Scientists at the Breskov Institute", "Scientists at the Breskov Institute")),
], ids=["a-description-after-it", "a-source-the-model-runs-into-it"])
def test_the_place_of_a_dateline_is_no_speaker(nlp, text, expected):
    [quote] = [q for q in nlp(text)._.quotes if q.kind == "indirect"]
    assert (quote.speaker.name, quote.mention.text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Growth will slow to 1 percent next year, according to estimates by the Norvanian Institute for Economic "
     "Research.", "Norvanian Institute for Economic Research"),
    ("Sales fell by a third, according to figures published by the trade body HeatLink.", "HeatLink"),
    ("Temperatures rose by 1.4C, according to data from the World Climate Observatory.", "World Climate Observatory"),
    ("The Delmont Health Agency confirmed the cases. Two children remain in intensive care, according to the "
     "agency's weekly bulletin.", "Delmont Health Agency"),
    ("About 4,000 people have fled, according to the relief group Hands Across Tervano.", "Hands Across Tervano"),
    ("The wait would fall to 60 days, according to a memo obtained by the Daily Courant.", "memo"),
], ids=["estimates-by", "figures-published-by", "data-from", "a-bodys-bulletin", "a-body-named-beside-its-noun",
        "obtained-by-is-no-author"])
def test_a_text_cited_as_the_source_is_its_authors(nlp, text, expected):
    assert [speaker for _, cue, speaker, _, _ in reported(nlp, text) if cue == "according to"] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The Nursing and Care Workers' Union (NCWU) said the offer was an insult.", "Nursing and Care Workers' Union"),
    ("A spokesperson for the Department of Health and Social Care said the offer was fair.",
     "spokesperson for the Department of Health and Social Care"),
], ids=["a-name-joined-by-and", "a-spokesperson-for-a-long-name"])
def test_a_body_keeps_its_whole_name(nlp, text, expected):
    assert [speaker for _, _, speaker, _, _ in reported(nlp, text)] == [expected]


@pytest.mark.parametrize("text, speaker", [
    ("LOWMOOR FALLS \u2014 A retired bus driver from the depot told the inquiry on Monday that the brakes had "
     "been failing for months.", "retired bus driver from the depot"),  # the dateline is no speaker
    ("The leak was found by Ottilie Brandvold, a data analyst based in Kestervik, who says she waited "
     "ten days for an answer from the firm.", "Ottilie Brandvold"),  # "who" stands for no place
    ("Ward 9 councillor Themba Okafor-Lindqvist said he had received dozens of complaints about the bins.",
     "Themba Okafor-Lindqvist"),  # the parse hung "Ward" on the verb; the tagger took the name for a body's
    ("A group of workers calling itself Dock and Deck 7 had urged members to reject the offer.",
     "Dock and Deck 7"),  # the tagger cut the name at its "and"
    ("A breakaway caucus, Hearth and Home 44, urged voters to reject the levy.", "Hearth and Home 44"),
    ("Talks stalled over the price. A rival bid was turned down in March, one of the people said.", "people"),
], ids=["dateline", "who-past-a-place", "ward-councillor", "name-with-and-calling-itself",
        "name-with-and-apposed", "one-of-the-people"])
def test_the_speaker_of_reported_speech_is_who_the_sentence_names(nlp, text, speaker):
    assert [found[2] for found in reported(nlp, text)] == [speaker]


def test_whom_a_speaker_told_after_a_clause_set_off_by_commas_is_not_who_she_is(nlp):
    text = ("Retired judge Ingrid Halloway, who chaired the inquiry when it opened, told Brightwater that the "
            "ruling was sound. She said, however, that the appeal would take a year.")
    assert [found[2] for found in reported(nlp, text)] == ["Ingrid Halloway", "Ingrid Halloway"]


def test_a_title_with_an_and_before_a_name_is_the_role_a_description_follows(nlp):
    text = ("Minister for Higher Education and Technical Training R. Meenakshi Sundaram on Thursday ordered an "
            "inquiry into the colleges.\n\n"
            "The Minister said a team would report within a month.\n\n"
            "Chief Minister S. Kannan told the Assembly that the government would support the inquiry.")
    assert [found[2] for found in reported(nlp, text)] == ["R. Meenakshi Sundaram", "S. Kannan"]
