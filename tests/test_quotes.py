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
