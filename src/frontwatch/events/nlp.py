"""spaCy access for the event stage: load the model once, split sentences cheaply, parse only what matters.

A full parse costs far more than a regular expression, so sentences are split by rules and only those
that contain an event trigger word go through the parser (`prefilter`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from frontwatch import lang

MODEL: str = lang.table("model")["spacy"]

_VOWELS = "aeiou"


def verb_forms(lemma: str, irregular: str = "") -> set[str]:
    """Inflections of an English verb by the rules of spelling, plus the irregular forms given; a superset
    ("shelled", "shellled" never occurs) is fine for a pre-filter."""
    forms = {lemma, *irregular.split()}
    cvc = (
        len(lemma) >= 3
        and lemma[-1] not in _VOWELS + "wxy"
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    )
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(lemma + "ed")
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    elif lemma.endswith("e") and not lemma.endswith("ee"):
        forms.add(lemma[:-1] + "ing")
    else:
        forms.add(lemma + "ing")
    if cvc:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def noun_forms(lemma: str) -> set[str]:
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es"}
    if lemma.endswith("y") and lemma[-2] not in _VOWELS:
        return {lemma, lemma[:-1] + "ies"}
    return {lemma, lemma + "s"}


def _alternation(words: set[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=lambda w: (-len(w), w)))


_WORD = re.compile(r"\w+")


class Forms:
    """Whether a sentence holds one of some word forms as a whole word, case aside: what
    `\\b(?:form|...)\\b` finds, but single words are looked up among the sentence's words, since a regular
    expression tries each of hundreds of alternatives at every position."""

    def __init__(self, forms: set[str], extra: str | None = None) -> None:
        single = {f for f in forms if _WORD.fullmatch(f)}
        self.words = frozenset(f.lower() for f in single)
        others = [rf"\b(?:{_alternation(forms - single)})\b"] if forms - single else []
        others += [extra] if extra else []
        self.others = re.compile("|".join(others), re.I) if others else None

    def found(self, sentence: str, words: frozenset[str]) -> bool:
        """`words`: the sentence's lower-cased `\\w+` words."""
        return not self.words.isdisjoint(words) or (
            self.others is not None and self.others.search(sentence) is not None
        )


@lru_cache(maxsize=1)
def _trigger_patterns(generation: int) -> tuple[Forms, list[tuple[Forms, Forms]]]:
    """The pre-filter, derived from the event lexicon so that the two cannot drift apart: every surface form
    of a verb or noun trigger, of a munition, of a repelled attempt and of a casualty word; verbs too common
    to parse every time only with the particle or cue word their trigger needs. Built again when the type
    registry changes (`generation`)."""
    from frontwatch.events import lexicon as lx  # the events package imports this module

    def forms_of(lemma: str) -> set[str]:
        return verb_forms(lemma, lx.IRREGULAR_FORMS.get(lemma, ""))

    gated = set(lx.PREFILTER_AFTER) | set(lx.PREFILTER_WITH) | lx.PREFILTER_COVERED
    plain: set[str] = set()
    for lemma in set(lx.VERB_TRIGGERS) - gated:
        plain |= forms_of(lemma)
    for lemma in (set(lx.NOUN_TRIGGERS) | lx.MUNITIONS | lx.JOIN_NOUNS) - gated:
        plain |= noun_forms(lemma)
    for word in lx.CASUALTY_WORDS:
        plain |= noun_forms(word) | forms_of(word)
    after = [
        rf"\b(?:{_alternation(forms_of(lemma))})\b[^.]{{0,40}}?\b(?:{_alternation(set(particles.split()))})\b"
        for lemma, particles in lx.PREFILTER_AFTER.items()
    ]
    with_cue = [
        (
            Forms(forms_of(lemma) | noun_forms(lemma)),
            Forms({f for c in cues for f in forms_of(c) | noun_forms(c)}),
        )
        for lemma, cues in lx.PREFILTER_WITH.items()
    ]
    return Forms(plain, "|".join(after) or None), with_cue


# an abbreviation, a single capital ("J. Smith") or initials ("U.S.") before the full stop
_ABBREVIATIONS = "|".join(map(re.escape, lang.entries("events/abbreviations")))
_ABBREV = re.compile(rf"(?:\b(?:{_ABBREVIATIONS})|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$")
# A footnote mark may follow the full stop: "... along the street.[3] Several ..."
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?:\[\d{1,3}\])*\s+(?=[\"“‘'(\[]?[A-Z0-9•])")
_FOOTNOTES = re.compile(r"(?:\[\d{1,3}\])+$")
_END_PUNCT = re.compile(r"[.!?…:;\"”’)]\s*$")
_BULLETIN_TAIL = re.compile(lang.pattern("events/bulletin_tail"))
# Headlines that end with their source ("Russian troops liberate X — Shoigu") are shorter than this.
BULLETIN_MIN_WORDS = 10


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    line_start: bool  # first sentence of its line
    heading: bool  # a line with no final punctuation: a title or crosshead, not a sentence of the story


@lru_cache(maxsize=1)
def load() -> Language:
    """The language's spaCy pipeline (`lang/<code>/model.toml`) without NER: places come from the
    gazetteer, speakers from the parse."""
    from frontwatch.events import token_attributes

    return token_attributes.install(spacy.load(MODEL, exclude=["ner"]))


def is_heading(line: str) -> bool:
    """Titles and crossheads: no final punctuation (unless a bulletin's source ends it), or a short line in
    headline case."""
    s = _FOOTNOTES.sub("", line.strip())  # "... the settlement.[7]": the mark follows the full stop
    if not s:
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", s)
    if not _END_PUNCT.search(s):
        # an official's post ends with the dash and its source, not a stop
        return not (_BULLETIN_TAIL.search(s) and len(words) >= BULLETIN_MIN_WORDS)
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) <= 12 and caps >= 0.7 * len(words) and not s.endswith((".", "”", '"'))


# A chunk splits each document twice: to parse its sentences ahead, then to read it (`document`).
@lru_cache(maxsize=64)
def document_sentences(text: str) -> tuple[Sentence, ...]:
    """`split_sentences` of a document's text, kept for the documents of the chunk being analysed."""
    return tuple(split_sentences(text))


def split_sentences(text: str) -> list[Sentence]:
    """Rule-based split: lines first, then sentence ends followed by a capital; abbreviations kept whole."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        pieces: list[tuple[int, str]] = []
        start = 0
        for m in _BOUNDARY.finditer(line):
            candidate = line[start : m.start() + 1]
            if _ABBREV.search(candidate.rstrip()):
                continue
            end = m.end()
            piece = line[start:end].rstrip()
            if piece.strip():
                pieces.append((start, piece))
            start = end
        piece = line[start:].rstrip()
        if piece.strip():
            pieces.append((start, piece))
        # A line that holds a whole sentence and more is a paragraph, even when it lacks a final stop: a
        # page cut off mid-sentence leaves its last paragraph so.
        heading = len(pieces) < 2 and is_heading(line)
        for n, (at, piece) in enumerate(pieces):
            out.append(_sentence(text, line_start + at, piece, n == 0, heading))
    return out


def _sentence(text: str, start: int, piece: str, first: bool, heading: bool) -> Sentence:
    lead = len(piece) - len(piece.lstrip())
    s = start + lead
    e = start + len(piece)
    return Sentence(s, e, text[s:e], first, heading)


def prefilter(sentence: str) -> bool:
    """True when the sentence holds a trigger word and so may report an event."""
    from frontwatch.events import types

    return _passes(sentence, types.generation())


# A chunk asks of each sentence twice: which to parse ahead, and which to read (`document`).
@lru_cache(maxsize=4096)
def _passes(sentence: str, generation: int) -> bool:
    plain, with_cue = _trigger_patterns(generation)
    words = frozenset(_WORD.findall(sentence.lower()))
    if plain.found(sentence, words):
        return True
    return any(verb.found(sentence, words) and cue.found(sentence, words) for verb, cue in with_cue)


# Sentences parsed ahead for the documents being read (`parse_ahead`), by text; a list per text because
# each parse is handed out once: the event stage writes its annotations on the Doc.
_AHEAD: ContextVar[dict[str, list[Doc]] | None] = ContextVar("frontwatch_parsed_ahead", default=None)
AHEAD_BATCH = 256


def parse(texts: Iterable[str], batch_size: int = 64) -> list[Doc]:
    ahead = _AHEAD.get()
    if ahead is None:
        return list(load().pipe(texts, batch_size=batch_size))
    todo = list(texts)
    out: list[Doc | None] = [ahead[t].pop() if ahead.get(t) else None for t in todo]
    missing = [k for k, d in enumerate(out) if d is None]
    for k, sdoc in zip(missing, load().pipe([todo[k] for k in missing], batch_size=batch_size), strict=True):
        out[k] = sdoc
    return [d for d in out if d is not None]


def parse_ahead(texts: Sequence[str]) -> dict[str, list[Doc]]:
    """Sentences parsed in one batch, by text, for `using_parses`: the tagger and parser run a fifth faster
    on a chunk's sentences together than on each document's few, with the same parses."""
    found: dict[str, list[Doc]] = {}
    for text, sdoc in zip(texts, load().pipe(texts, batch_size=AHEAD_BATCH), strict=True):
        found.setdefault(text, []).append(sdoc)
    return found


@contextmanager
def using_parses(found: dict[str, list[Doc]]) -> Iterator[None]:
    """Within the block, `parse` hands out these parses before parsing anything itself."""
    token = _AHEAD.set(found)
    try:
        yield
    finally:
        _AHEAD.reset(token)
