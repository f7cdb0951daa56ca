"""Quote-mark pairing on plain text: no model needed."""
import pytest

from extract.quotes import quoted_parts


def quoted(text):
    return [(text[p.start:p.end], p.paragraph, p.closed, p.continued) for p in quoted_parts(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('She said "we will go" today.', [("we will go", 0, True, False)]),
        ("He said \u201cwe will go\u201d today.", [("we will go", 0, True, False)]),
        ("Il a dit \u00abnous irons\u00bb hier.", [("nous irons", 0, True, False)]),
        ('"First part," he said, "second part."',
         [("First part,", 0, True, False), ("second part.", 0, True, False)]),
        ("\u201cOuter \u201cinner\u201d words,\u201d she said.", [("Outer \u201cinner\u201d words,", 0, True, False)]),
        ('"Outer \u201cshow\u201d text," she said.', [("Outer \u201cshow\u201d text,", 0, True, False)]),
        ('"One paragraph runs on.\n\n"And ends here," he said.',
         [("One paragraph runs on.", 0, False, True), ("And ends here,", 1, True, False)]),
        ('He called it "wrong.\n\nNothing else.', [("wrong.", 0, False, False)]),
        ('A stray\u201d mark, then "a real quote" here.', [("a real quote", 0, True, False)]),
        ('<tweet author="someone">Hi</tweet> and "words here"', [("words here", 0, True, False)]),
        ("No quotes at all.", []),
        ('"Mixed styles,\u201d she said, \u201cstill pair up," he added.',
         [("Mixed styles,", 0, True, False), ("still pair up,", 0, True, False)]),
    ],
    ids=["straight", "curly", "guillemets", "split", "nested-curly", "nested-mixed-style",
         "multi-paragraph", "unclosed", "stray-closer", "markup", "none", "mixed-styles"],
)
def test_quoted_parts(text, expected):
    assert quoted(text) == expected


def test_unmatched_mark_keeps_later_quotes():
    text = 'An odd " mark.\n\nLater she said "this stays" firmly.'
    assert ("this stays", 1, True, False) in quoted(text)


def words(text):
    """The quoted words of a text, in order."""
    return [text[p.start:p.end] for p in quoted_parts(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("'It was a mistake,' she said.", ["It was a mistake,"]),
        ("\u2018It was a mistake,\u2019 she said.", ["It was a mistake,"]),
        ("'I don't know,' he said.", ["I don't know,"]),
        ("'It was James' car,' she said.", ["It was James' car,"]),
        ("'It was the Smiths', not ours,' she said.", ["It was the Smiths', not ours,"]),
        ("'It is nobody's,' he said.", ["It is nobody's,"]),
        ("\u2018That is the Joneses\u2019,\u2019 she said.", ["That is the Joneses\u2019,"]),
        ("'O'Brien is right,' she said.", ["O'Brien is right,"]),
        ("'Yes,' he said. The Smiths' dog barked.", ["Yes,"]),
        ("He called it 'a disgrace' and left.", ["a disgrace"]),
        ("He called it 'crazy', and she called it 'mad'.", ["crazy", "mad"]),
        ("'We will go,' she said, 'and soon.'", ["We will go,", "and soon."]),
        ("'Cause I said so,' he said.", ["Cause I said so,"]),
        ("He likes 'em all. 'We win,' she said.", ["We win,"]),
        ("He hosted 'The Show''s last night.", ["The Show"]),
        ("He hosted \u2018The Show\u2019\u2019s last night.", ["The Show"]),
        ("Prices rose 'sharply' in '16.", ["sharply"]),
        ("The party would \u2018wait for real votes in real boxes\u2019 before commenting.",
         ["wait for real votes in real boxes"]),
        ("She said 'yes' to the plan and 'no' to the Smiths' offer.", ["yes", "no"]),
    ],
    ids=["straight", "curly", "contraction-inside", "possessive-inside", "possessive-before-comma",
         "ends-in-apostrophe-s", "ends-in-plural-possessive", "irish-name-first", "possessive-after-quote",
         "scare-quote", "two-scare-quotes", "split", "elision-opens-a-quote", "elision-then-quote",
         "possessive-glued-to-straight-close", "possessive-glued-to-curly-close", "year-after-quote",
         "ends-in-s-before-a-preposition", "ends-in-s-before-to"],
)
def test_single_quotes_pair(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Don't worry, it's five o'clock.",
        "They played rock 'n' roll at O'Brien's bar.",
        "The Smiths' house is next to James' car and the boss' cat.",
        "Rents rose in the '90s and again in '08.",
        "It was the Smiths' idea and the Joneses' plan, he said.",
        "He said 'bout time the Smiths' dog slept.",
        "'Tis the season, they say.",
        "Diaz' plan won, 5' 10\" tall.",
        "\u2018Tis the season and the Smiths\u2019 party is on.",
    ],
    ids=["contractions", "rock-n-roll", "possessives", "elided-years", "two-possessives", "elision-and-possessive",
         "elision-first", "feet-and-inches", "curly-elision-and-possessive"],
)
def test_apostrophes_are_no_quotes(text):
    assert words(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\"He told me 'never again,'\" she said.", [("He told me 'never again,'", 0, True, False)]),
        ("\u2018He said \u201cno\u201d,\u2019 she said.", [("He said \u201cno\u201d,", 0, True, False)]),
        ("'He said \"no\",' she said.", [("He said \"no\",", 0, True, False)]),
        ("\u2018We will stay.\n\n\u2018And we will win,\u2019 she said.",
         [("We will stay.", 0, False, True), ("And we will win,", 1, True, False)]),
        ("\u2018We will stay.\n\nShe left.", []),
        ("\"It's 'fine,\" he said.", [("It's 'fine,", 0, True, False)]),
        ("\u00abHe told us \u2039no more cuts\u203a. I wrote it down,\u00bb she said.",
         [("He told us \u2039no more cuts\u203a. I wrote it down,", 0, True, False)]),
    ],
    ids=["single-in-double", "double-in-single", "straight-double-in-single", "multi-paragraph-single",
         "single-left-open", "stray-single-in-double", "single-guillemets-in-guillemets"],
)
def test_single_and_double_quotes_nest(text, expected):
    assert quoted(text) == expected


def test_a_quote_in_single_guillemets_inside_guillemets_is_nested():
    from extract.quotes import nested_quotations

    text = "\u00abHe told us \u2039no more cuts\u203a. I wrote it down,\u00bb she said."
    assert [text[start:end] for start, end in nested_quotations(text)] == ["no more cuts"]


@pytest.mark.parametrize(
    "text, expected, marks",
    [
        ("''It has one virtue,'' Mr. Lind said.", ["It has one virtue,"], [(0, 22)]),
        ("``It works,'' he said.", ["It works,"], [(0, 13)]),
        ("''He called it 'a disaster,' '' she said.", ["He called it 'a disaster,'"], [(0, 31)]),
        ("\u201eWir schaffen das\u201c, sagte sie.", ["Wir schaffen das"], [(0, 18)]),
        ("\u201eNie p\u00f3jdziemy\u201d, powiedzia\u0142a.", ["Nie p\u00f3jdziemy"], [(0, 15)]),
        ("\u201eEr sagte \u201aein\u2018\u201c, sagte sie.", ["Er sagte \u201aein\u2018"], [(0, 16)]),
        ("Il a dit \u00ab nous irons \u00bb hier.", ["nous irons"], [(9, 23)]),
        ("Il a dit \u00ab\u00a0nous irons\u00a0\u00bb hier.", ["nous irons"], [(9, 23)]),
        ("He said \u201cwe \u201cwill\u201d go\u201d today.", ["we \u201cwill\u201d go"], [(8, 22)]),
    ],
    ids=["newswire", "typeset", "newswire-nesting-single", "german", "polish", "german-nesting-single",
         "guillemets-spaced", "guillemets-no-break-spaces", "english-nested-curly"],
)
def test_double_quotes_of_every_house_style(text, expected, marks):
    parts = quoted_parts(text)
    assert ([text[p.start:p.end] for p in parts], [p.outer for p in parts]) == (expected, marks)


def test_newswire_quote_runs_over_paragraphs():
    text = "''It is late.\n\n''We go now,'' he said."
    assert quoted(text) == [("It is late.", 0, False, True), ("We go now,", 1, True, False)]


def test_stray_doubled_apostrophes_open_nothing():
    assert words("Fine '' said he, and \"this\" stays.") == ["this"]


def test_blockquote_marks_open_no_paragraph():
    from extract.quotes import paragraphs

    text = "> \"Space is quiet.\"\n>\n> Earth is not."
    assert [text[start:end] for start, end in paragraphs(text)] == ["\"Space is quiet.\"", "Earth is not."]


@pytest.mark.parametrize("text, expected", [
    ("The mayor posted this on Facebook:\n\n> Stay home tonight. The roads are closed.\n\nCrews were out.",
     [("Stay home tonight. The roads are closed.", 1, True, False)]),
    ("The mayor wrote:\n\n> Stay home tonight.\n>\n> The roads are closed.",
     [("Stay home tonight.", 1, False, True), ("The roads are closed.", 2, True, False)]),
    ("The mayor wrote:\n\n> \"Stay home,\" she said.", [("Stay home,", 1, True, False)]),
    ("Crews were out all night.\n\n> Stay home tonight. The roads are closed.", []),
], ids=["introduced", "over-two-lines", "with-its-own-marks", "not-introduced"])
def test_a_blockquote_a_colon_introduces_is_quoted(text, expected):
    assert quoted(text) == expected
