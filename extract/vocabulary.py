"""Who can speak: the speaker vocabulary shared by attribution and resolution.

One place for the word classes both stages ask about: pronouns (which can
be a speaker's subject, which stand for people of one gender, which for
groups), nouns for people, groups and cited texts, roles and titles, and
the gender a word or a given name carries. The word lists themselves are
data (``extract/rules/*.txt``, loaded by ``lexicon``).
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from extract import lexicon
from extract.records import Speaker

# ---------------------------------------------------------------- pronouns

GENDERED = {"he": "m", "him": "m", "she": "f", "her": "f"}  # pronouns of one gender
GROUP_PRONOUNS = frozenset({"it", "they", "them", "we"})  # pronouns an organisation or group speaks through
SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})  # pronoun subjects that name someone who speaks
PERSONAL = frozenset({"he", "she", "it", "they", "we"})  # third-person and group subjects a name can stand behind
UNNAMING = {"name", "identify", "anonymity"}  # "asked not to be named", "who spoke on condition of anonymity"
DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})  # "these figures": a text pointed back to
QUANTIFIERS = frozenset({"one", "another", "other", "others", "some", "most", "many", "few", "several", "all", "both",
                         "each", "either", "neither", "none", "nobody", "somebody", "someone", "everyone", "everybody",
                         "anyone", "anybody", "no", "noone"})  # words that stand for people without naming them
WRITERS = frozenset({"i", "we"})  # outside quotes: the writer of the story, no one it quotes
RESOLVABLE = frozenset({"he", "she", "him", "her", "they", "them", "i", "we", "it", "you", "who"})

# ---------------------------------------------------------------- names and kinds

PEOPLE = frozenset({"person", "unnamed"})  # speaker kinds that he, she and person nouns can stand for
GROUPS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})  # entity labels of speakers that are no person
NUMBERED_VOICE = re.compile(r"[A-Z][A-Z ]+[^\S\n]?#\d{1,2}")  # a transcript's unnamed voice: "UNIDENTIFIED PERSON #1"
NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")


def is_role_word(token: Token) -> bool:
    """A noun that names a role or title ("spokesman", "President"), also in the plural ("Presidents")."""
    roles = lexicon.role_nouns()
    return token.lemma_.lower() in roles or token.lower_ in roles or singular(token.lower_) in roles


def singular(word: str) -> str:
    """A plural noun's singular by its ending ("ministers" -> "minister", "secretaries" -> "secretary")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def title_key(word: str) -> str:
    """A title as the title list spells it: lower case, without its final full stop ("Cllr." -> "cllr")."""
    return word.lower().rstrip(".")


def is_title(token: Token) -> bool:
    """An honorific or title written before a name ("Mrs", "Dr.", "Cllr", "Alhaji")."""
    return title_key(token.text) in lexicon.titles()


def title_role(word: str) -> str | None:
    """The role noun a title abbreviates ("Cllr" -> "councillor", "Gov." -> "governor"), if any."""
    return lexicon.titles().get(title_key(word)) or None


def title_kind(word: str) -> str | None:
    """The wider noun a description may use for a title's bearer ("Det Insp" -> "officer"), if any."""
    return lexicon.title_kinds().get(title_key(word)) or None


def is_given_name(token: Token) -> bool:
    """A given name of either gender ("Dean", "Hana")."""
    return token.text.isalpha() and token.lower_ in lexicon.any_given_names()


def is_titled_name(token: Token) -> bool:
    """The last word of a name written after a title or a given name, whatever the tagger made of it ("Cllr Jo Smith")."""
    before = [child for child in token.lefts if child.dep_ == "compound" and child.pos_ == "PROPN"]
    return bool(before) and NAME_WORD.match(token.text) is not None and (
        is_title(before[0]) or is_given_name(before[0]) and before[0].ent_type_ not in GROUPS - {"GPE", "NORP"})


def is_personal_name(span) -> bool:
    """Proper nouns led by a title or a given name, whatever the tagger made of them ("Ivo Marsh" tagged ORG)."""
    words = [t for t in span if t.pos_ == "PROPN" or is_title(t)]
    return 2 <= len(words) <= 5 and (is_title(words[0]) or is_given_name(words[0])) and all(
        NAME_WORD.match(t.text) for t in words)


def is_name_prefix(token: Token, rest: int) -> bool:
    """A word written before a name that is no part of it: an honorific, a title or role, a noun for a person.

    "Cllr", "Detective", "Pensioner", "Daughter" before "Jo Smith". ``rest``
    is how many words would remain: a given name before a single word stays
    ("Dean Ostrow", "King Charles").
    """
    if not NAME_WORD.match(token.text):
        return True
    if rest == 1 and is_given_name(token):
        return False
    if is_title(token) or is_role_word(token):
        return True
    return rest > 0 and is_person_noun(token) and not is_given_name(token) and token.ent_type_ not in GROUPS - {"ORG"} \
        and not (token.ent_type_ == "ORG" and token.ent_iob_ == "I")  # "Pensioner Jo Smith", not "Earl Ray Smith", "European Union"


def is_person_noun(token: Token) -> bool:
    """A noun that names a person by role or trait ("the senator", "the billionaire", "the businesswoman"), not
    a body named by a compound ("the coast guard")."""
    nouns = lexicon.person_nouns()
    if compounded(token) in lexicon.group_nouns():
        return False
    return token.lemma_.lower() in nouns or token.lower_ in nouns or hyphenated(token) in nouns \
        or gender_of(token) is not None or is_demonym(token) or is_aged(token)


AGES = {"year", "month", "week", "day"}


def is_aged(token: Token) -> bool:
    """A person named by age alone, "the 29-year-old" (the tagger's head is "old", an adjective), standing as a noun:
    not said of a noun ("the 29-year-old mother" is a mother) nor of a subject ("he is 29 years old")."""
    return token.lower_ == "old" and token.head.pos_ not in {"NOUN", "PROPN"} and token.dep_ != "acomp" and any(
        child.lemma_.lower() in AGES and child.dep_ in {"npadvmod", "compound"} for child in token.children)


def hyphenated(token: Token) -> str:
    """The hyphenated word a token ends, lower case ("centre-half", split by the tokenizer), else the token."""
    start = token.i
    while start >= 2 and token.doc[start - 1].text == "-" and not token.doc[start - 1].whitespace_ \
            and not token.doc[start - 2].whitespace_:
        start -= 2
    return token.doc[start:token.i + 1].text.lower()


def is_demonym(token: Token) -> bool:
    """A person named by nationality or origin: "the Swede", "the Dutchman", "a Scot" (one capitalised noun).

    The tagger calls it NORP, a person or nothing; a body ("the Pentagon",
    tagged ORG) is none.
    """
    if token.tag_ not in {"NN", "NNP"} or not token.text[:1].isupper() or token.text.isupper():
        return False
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in children) or any(
            c.dep_ in {"compound", "amod", "poss", "nmod"} for c in children):
        return False
    return token.ent_type_ == "NORP" or token.ent_type_ in {"", "PERSON"} and token.lower_ in lexicon.common_nouns() \
        and not is_group_noun(token) and (token.lower_.endswith(DEMONYM_ENDINGS) or token.lower_ in lexicon.entries(
            "demonyms"))


DEMONYM_ENDINGS = ("an", "ese", "man", "woman", "er", "i", "ite")  # Australian, Maltese, Dutchman, Icelander, Israeli


def is_group_noun(head: Token) -> bool:
    """A noun for a group or institution that speaks as one ("the ministry", "the coast guard")."""
    nouns = lexicon.group_nouns()
    return head.lemma_.lower() in nouns or head.lower_ in nouns or compounded(head) in nouns


def compounded(head: Token) -> str | None:
    """The noun with the compound right before it ("coast guard"), in lower case; None without one."""
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is None or before.head != head or before.dep_ != "compound":
        return None
    return f"{before.lower_} {head.lower_}"


def is_company_word(word: Token) -> bool:
    """A capitalised word that ends a business's name ("Renewables", "Holdings", ``rules/company_words.txt``)."""
    return word.text[:1].isupper() and word.lower_ in lexicon.entries("company_words")


def is_document_noun(head: Token) -> bool:
    """A noun for a text cited as a source ("the report")."""
    return head.lemma_.lower() in lexicon.document_nouns() or head.lower_ in lexicon.document_nouns()


def points_back(head: Token) -> bool:
    """A text pointed back to ("these statements", "that report"): words already attributed, to someone else."""
    return is_document_noun(head) and any(child.lower_ in DEMONSTRATIVES for child in head.children)


def can_speak(head: Token) -> bool:
    """Whether a description's head noun names a person, a group that speaks or a text that is cited."""
    return is_person_noun(head) or is_group_noun(head) or is_document_noun(head)


def is_common_noun(token: Token) -> bool:
    """A common noun, also where the tagger took a lower-case word for a name or an age for an adjective ("the
    29-year-old")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower() and token.ent_type_ != "PERSON") \
        or is_aged(token)


def writer_or_reader(subject: Token) -> bool:
    """Whether a subject outside quotes is the story's writer or some of its readers ("we asked", "Lots of you have
    been asking whether"; not a bare "you", which an interviewer puts to the one interviewed): no one the story
    quotes."""
    if subject.lower_ in WRITERS:
        return True
    return any(of.lower_ == "of" and any(t.lower_ == "you" for t in of.children) for of in subject.children)


def could_speak(token: Token) -> bool:
    """A person's name, a pronoun that names someone or a noun that names a person."""
    if token.ent_type_ == "PERSON" and (token.pos_ == "PROPN" or token.text.istitle()):
        return True
    if token.pos_ == "PROPN" and is_titled_name(token):
        return True
    if token.pos_ == "PRON":
        return token.lower_ in SPEAKING_PRONOUNS
    return is_common_noun(token) and is_person_noun(token)


def could_speak_as_group(token: Token) -> bool:
    """Who could speak, or an organisation, group or text that speaks as one."""
    if could_speak(token):
        return True
    if token.pos_ == "PROPN":
        return token.ent_type_ in {"ORG", "NORP", "GPE", ""} and token.text[:1].isupper()
    return is_common_noun(token) and can_speak(token)


def speaks(subject: Token | None) -> bool:
    """Whether a cue's subject can speak: a person, a group, a text, or he, she, they or we."""
    return subject is not None and (could_speak_as_group(subject) or subject.lower_ in PERSONAL - {"it"})


def group_start(word: Token) -> int:
    """Where the name or description of a group begins."""
    if word.pos_ == "PROPN" and word.ent_iob_ != "O":
        start = word.i
        while start > 0 and word.doc[start].ent_iob_ == "I":
            start -= 1
        return start
    return word.left_edge.i


def names_group(word: Token, plural: bool) -> bool:
    """Whether a subject word names an organisation or group (of people, when ``plural``)."""
    if word.pos_ == "PROPN":
        return word.ent_type_ in {"ORG", "NORP"} and word.ent_iob_ != "O" and (
            word.i + 1 == len(word.doc) or word.doc[word.i + 1].ent_iob_ != "I")
    if word.pos_ != "NOUN":
        return False
    if word.tag_ == "NNS":
        return plural and (is_person_noun(word) or can_speak(word))
    return can_speak(word) and not is_person_noun(word)


# ---------------------------------------------------------------- gender and number

def gender_of(word: Token) -> str | None:
    """"m" or "f" for a gendered pronoun or noun ("she", "spokeswoman"), else None."""
    lower = word.lower_
    if lower in GENDERED:
        return GENDERED[lower]
    if word.pos_ != "NOUN" and not (word.pos_ == "PROPN" and is_demonym(word)):
        return None
    if lower.endswith(("woman", "women")):
        return "f"
    if lower.endswith(("man", "men")) and lower not in {"human", "humans"}:
        return "m"
    return lexicon.gendered_nouns().get(word.lemma_.lower())


def gender_fits_name(word: Token, gender: str | None) -> bool:
    """Whether a name or description can be of the given gender ("m", "f" or None)."""
    if gender is None:
        return True
    own = gender_of(word)
    if own is not None:
        return own == gender
    given = word.doc[group_start(word)] if word.pos_ == "PROPN" else None
    other = "f" if gender == "m" else "m"
    return given is None or given.i == word.i or given.lower_ not in lexicon.given_names(other)


def noun_gender(word: str) -> str | None:
    """"m" or "f" for a word that names a man or a woman ("spokeswoman", "wife", "Mrs"), else None."""
    lower = word.lower().rstrip(".")
    if lower.endswith(("woman", "women")):
        return "f"
    if lower.endswith(("man", "men")) and lower not in {"human", "humans"}:
        return "m"
    return lexicon.gendered_nouns().get(lower)


def fits_gender(speaker: Speaker, gender: str | None) -> bool:
    """False when the speaker's given name, or the noun that describes them, belongs only to the other gender."""
    if speaker.kind == "unnamed" and gender is not None:
        own = noun_gender(role_noun(speaker.name))
        return own is None or own == gender
    if gender is None or speaker.kind != "person":
        return speaker.kind in PEOPLE
    given = speaker.name.split()[0].lower()  # a single word too: "Kevin" is no she
    other = "f" if gender == "m" else "m"
    return given not in lexicon.given_names(other)


def role_noun(description: str) -> str:
    """The noun a description or role is built on: "spokesman for the port" -> "spokesman"."""
    words = re.split(r"\s+(?:of|for|at|to|in|on|from|with|who|whose)\s+", description.lower(), maxsplit=1)[0].split()
    return words[-1].strip(",.") if words else ""


def agrees(subject: Token, pronoun: Token) -> bool:
    """Whether a pronoun can stand for a subject (gender and number)."""
    gender = GENDERED.get(pronoun.lower_)
    if subject.lower_ in PERSONAL:
        return subject.lower_ == pronoun.lower_
    if pronoun.lower_ == "it":
        return subject.tag_ in {"NN", "NNP"} and could_speak_as_group(subject) and not could_speak(subject)
    if pronoun.lower_ in {"they", "we"}:
        return subject.tag_ in {"NNS", "NNPS"} or (could_speak_as_group(subject) and not could_speak(subject))
    if not could_speak(subject) or subject.tag_ in {"NNS", "NNPS"}:
        return False
    return gender_fits_name(subject, gender)
