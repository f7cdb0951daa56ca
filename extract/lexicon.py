"""Word lists the rules match against, loaded once from ``extract/rules/``.

Each file holds one entry per line; ``#`` starts a comment. Entries are
lower-case lemmas, optionally followed by a particle or a second word
("point out", "according to").
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

RULES = Path(__file__).parent / "rules"


@cache
def entries(name: str) -> frozenset[str]:
    """Return the entries of ``rules/<name>.txt``."""
    lines = (RULES / f"{name}.txt").read_text(encoding="utf8").splitlines()
    return frozenset(
        line.strip().lower()
        for line in lines
        if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas (with particle where needed) of verbs that report speech."""
    return frozenset(" ".join(w for w in e.split() if not w.startswith("-")) for e in entries("speech_verbs"))


@cache
def speech_verb_exclusions() -> dict[str, frozenset[str]]:
    """Dependency labels that stop a verb being a cue ("continue -xcomp": not "continued to")."""
    exclusions: dict[str, set[str]] = {}
    for entry in entries("speech_verbs"):
        words = entry.split()
        for word in words[1:]:
            if word.startswith("-"):
                exclusions.setdefault(words[0], set()).add(word[1:])
    return {lemma: frozenset(deps) for lemma, deps in exclusions.items()}


@cache
def deed_verbs() -> dict[str, frozenset[str]]:
    """Verbs that report a deed, not words, each with the dependency labels that make it one ("agree +xcomp":
    "agreed to buy", not "agreed that"; none: always a deed)."""
    return {words[0]: frozenset(word[1:] for word in words[1:] if word.startswith("+"))
            for words in (entry.split() for entry in entries("deed_verbs"))}


def role_nouns() -> frozenset[str]:
    """Nouns that name a role or title ("spokesman", "aide")."""
    return entries("role_nouns")


def group_nouns() -> frozenset[str]:
    """Nouns for groups and institutions that speak as one ("the ministry")."""
    return entries("group_nouns")


@cache
def gendered_nouns() -> dict[str, str]:
    """Nouns that name a man ("m") or a woman ("f"): "widow f"."""
    return dict(entry.split()[:2] for entry in entries("gendered_nouns"))


def speech_nouns() -> frozenset[str]:
    """Nouns for something said, whose owner is its speaker ("Smith's claim that ...")."""
    return entries("speech_nouns")


def document_nouns() -> frozenset[str]:
    """Nouns for texts cited as the source of words ("the report", "a statement")."""
    return entries("document_nouns")


def attribution_phrases() -> frozenset[str]:
    """Phrases that introduce a source ("according to")."""
    return entries("attribution_phrases")


@cache
def person_nouns() -> frozenset[str]:
    """Nouns that can only name people ("billionaire", "senator"): coreferee's list and our roles."""
    from importlib.resources import files

    text = files("coreferee.lang.en.data").joinpath("exclusively_person_words.dat").read_text(encoding="utf8")
    words = {line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(words - group_nouns()) | role_nouns() | entries("person_nouns")  # "the lender" is a body


def body_nouns() -> frozenset[str]:
    """Nouns that name a body by what it is ("the lender"): a definite one stands for the body named before."""
    return entries("body_nouns")


@cache
def name_list(gender: str) -> frozenset[str]:
    """Coreferee's list of given names of one gender ("m" or "f"), and ours (``rules/given_names.txt``); some are in
    both."""
    from importlib.resources import files

    name = "male" if gender == "m" else "female"
    text = files("coreferee.lang.common.data").joinpath(f"{name}_names.dat").read_text(encoding="utf8")
    ours = {entry.split()[0] for entry in entries("given_names") if entry.split()[-1] == gender}  # names of other origins
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")) | ours


@cache
def given_names(gender: str) -> frozenset[str]:
    """Given names used only for one gender ("m" or "f"), from coreferee's name lists."""
    male, female = name_list("m"), name_list("f")
    return frozenset((male - female if gender == "m" else female - male) - entries("unisex_names"))


@cache
def any_given_names() -> frozenset[str]:
    """Given names of either gender, and those used for both."""
    return name_list("m") | name_list("f") | entries("unisex_names")


@cache
def titles() -> dict[str, str]:
    """Honorifics and titles written before names, each with the role noun it stands for ("cllr": "councillor")."""
    return {entry.split()[0]: (entry.split()[1:] or [""])[0] for entry in entries("titles")}


@cache
def title_kinds() -> dict[str, str]:
    """Titles with the wider noun a description may use for their bearers ("insp": "officer")."""
    return {entry.split()[0]: entry.split()[2] for entry in entries("titles") if len(entry.split()) > 2}


@cache
def common_nouns() -> frozenset[str]:
    """English common nouns, lower case: the noun index of the model's lemmatizer ("town", "guild").

    A capitalised word in it is no name by itself ("Town had led"); empty
    without the model (``extract.nlp.MODEL``).
    """
    from importlib.resources import files
    from pathlib import Path

    from spacy.lookups import Lookups

    try:
        folder = next(Path(str(files("en_core_web_sm"))).glob("*/lemmatizer/lookups"))
    except (ModuleNotFoundError, StopIteration):
        return frozenset()
    return frozenset(Lookups().from_disk(folder).get_table("lemma_index")["noun"])
