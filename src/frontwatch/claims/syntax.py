"""Parse-tree helpers the claims and events stages share: noun phrases, subjects, pronouns, scope."""

from __future__ import annotations

import re

from spacy.tokens import Token

from frontwatch import lang

REPORT_VERBS = lang.words("claims/report_verbs")
TITLE_WORDS = lang.words("claims/title_words")
PRONOUNS = lang.words("claims/pronouns")
FIRST_PERSON = lang.words("claims/first_person")
RELATIVES = lang.words("claims/relatives")
# A wire story's dateline, which the parser may hang on the first noun phrase: "KYIV, April 2 (Reuters) - ".
_DATELINE = re.compile(lang.pattern("claims/dateline"))


def word_tokens(text: str) -> list[str]:
    """Words of a phrase as the registry and titles read them: apostrophes unified, initials kept."""
    tokens = re.findall(r"[\w.'’-]+", text.replace("’", "'"))
    return [t.strip(".") if not re.fullmatch(r"(?:\w\.)+", t) else t for t in tokens]


def phrase(token: Token) -> str:
    """The noun phrase of a token without its relative clauses and participial modifiers."""
    skip = {"relcl", "acl", "advcl", "punct", "cc"}
    toks = [token]
    stack = [c for c in token.children if c.dep_ not in skip]
    while stack:
        t = stack.pop()
        if t.dep_ in ("relcl", "acl") or (t.pos_ == "VERB" and t.dep_ not in ("amod", "compound")):
            continue
        toks.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl"))
    toks.sort(key=lambda t: t.i)
    start, end = toks[0].i, toks[-1].i + 1
    text = token.doc[start:end].text.strip(" ,")
    return _DATELINE.sub("", text, count=1) or text  # "KYIV, April 2 (Reuters) - Ukraine"


def subject(verb: Token) -> Token | None:
    """Who a verb's clause is about: its subject, its passive agent, or the subject of the verb above. Of two
    subjects ("KYIV, April 2 (Reuters) - Ukraine said"), the dateline's city is not it: the nearest is."""
    subjects = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and not (c.dep_ == "nsubjpass" and verb.lemma_ == "quote")
    ]
    if subjects:
        return max(subjects, key=lambda c: c.i) if all(c.i < verb.i for c in subjects) else subjects[0]
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if (
        verb.dep_ in ("advcl", "xcomp", "conj")
        and verb.head != verb
        and (verb.dep_ != "advcl" or verb.tag_ == "VBG")
    ):
        # "Announcing X, the spokesman stated"
        return subject(verb.head)
    if verb.lemma_.lower() in REPORT_VERBS:
        return _stranded_speaker(verb)
    return None


def _stranded_speaker(verb: Token) -> Token | None:
    """'... hit a depot in X, the regional governor, Ivan Petrenko, said': the parser hangs a closing speaker
    on the noun before it as an apposition; the outermost titled or named apposition is the speaker."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].is_punct:
        i -= 1
    if i < 0:
        return None
    t, top = verb.doc[i], None
    while t.dep_ == "appos" and t.head != t:
        if t.lemma_.lower() in TITLE_WORDS or t.ent_type_ in ("PERSON", "ORG", "NORP"):
            top = t
        t = t.head
    return top


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause hangs on: 'the missiles that hit X' -> missiles."""
    if token.lower_ in RELATIVES and token.head.dep_ == "relcl" and token.head.head != token.head:
        return token.head.head
    return token


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS or token.lower_ in RELATIVES


def in_scope_of(trigger: Token, words: frozenset[str], stop_at_report: bool = True) -> Token | None:
    """The nearest ancestor of the trigger whose lemma is in `words`, not crossing a reporting verb."""
    t = trigger
    while t.head != t:
        child, t = t, t.head
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            return None
        if t.lemma_.lower() in words:
            return t
        if stop_at_report and t.lemma_.lower() in REPORT_VERBS and t.pos_ in ("VERB", "AUX"):
            return None
    return None
