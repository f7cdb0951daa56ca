"""The spaCy component on its own: the README's example finds what ``quotedb build`` stores (real model)."""
import re
from pathlib import Path

import pytest
import spacy

from extract import nlp as pipeline, sources
from extract.pipeline import extract_articles

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"


def readme_example() -> str:
    """The Python block of the README that adds the component to one's own pipeline."""
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf8"), flags=re.S)
    [block] = [block for block in blocks if 'add_pipe("quotedb")' in block]
    return block


def found(quotes):
    return [(q.kind, q.content.start, q.content.end, q.speaker, q.cue_rule, q.resolution, q.confidence)
            for q in quotes]


@pytest.fixture(scope="module")
def readme_nlp():
    """The pipeline the README's example builds (its printing left out)."""
    code = readme_example().split("doc = nlp(text)")[0]
    scope = {}
    exec(code, scope)
    return scope["nlp"]


def sample_articles():
    folder = sources.read_folder(SAMPLES)
    assert folder.errors == []
    return folder.articles


def test_the_readme_example_finds_the_quotes_the_build_stores(readme_nlp):
    articles = sample_articles()
    built = {done.article.path: found(done.quotes) for done in extract_articles(pipeline.load(), articles)}
    assert all(built.values())
    for article in articles:
        doc = readme_nlp(article.text)
        assert doc._.quote_errors == ()
        assert found(doc._.quotes) == built[article.path], article.path


def test_the_readme_example_runs_and_prints_each_quote(readme_nlp, capsys):
    exec(readme_example(), {"text": "\"We will open the port,\" Mayor Ada Quill said."})
    assert capsys.readouterr().out.startswith("direct We will open the port, Speaker(name='Ada Quill'")


def test_the_pipeline_multiplies_matrices_with_numpy_and_training_with_blis():
    from thinc.api import get_current_ops, set_current_ops

    before = get_current_ops()
    try:
        uses_blis = [getattr(pipeline.load(coref=False, blis=blis).get_pipe("tok2vec").model.ops, "use_blis", None)
                     for blis in (False, True)]
    finally:
        set_current_ops(before)
    assert uses_blis == [False, True]


def test_a_pipeline_without_a_parser_is_refused():
    with pytest.raises(ValueError, match="needs a pipeline with tagger, parser, ner"):
        spacy.blank("en").add_pipe("quotedb")


def test_words_in_bold_are_stored_as_the_article_writes_them(nlp):
    from extract.records import Article

    text = "# Wind\n\n\"The ceiling was set too low,\" said **Jarek Pohl** of Nordvind Systems.\n"
    [done] = extract_articles(nlp, [Article("a.md", text, "0")])
    [quote] = done.quotes
    assert quote.speaker.name == "Jarek Pohl"
    for span in (quote.content, quote.cue, quote.mention):
        assert text[span.start:span.end] == span.text
    assert quote.mention.text.startswith("Jarek Pohl**")
