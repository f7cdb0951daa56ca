"""The training reader named by ``train/config.cfg``; passed to ``spacy train --code``.

It also imports the model's own parts (``extract.learned_layers``) so that
the config can name them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry

from extract.learned_layers import bare_copy  # (the import registers the model's parts)


@registry.readers("quotedb.ParsedCorpus.v1")
def parsed_corpus(path: Path) -> Callable[[Language], Iterator[Example]]:
    """Examples from a DocBin written by ``train.convert``: the parse as input, its spans as gold."""
    cache: list[Doc] = []

    def read(nlp: Language) -> Iterator[Example]:
        if not cache:
            cache.extend(DocBin().from_disk(path).get_docs(nlp.vocab))
        for doc in cache:
            yield Example(bare_copy(doc), doc)

    return read
