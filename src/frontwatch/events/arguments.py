"""The date and the quantities of a trigger: those in its own phrase first, then the date of the
statement that reports it, then any date of the sentence that no other trigger holds.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from frontwatch import claims, nlp
from frontwatch.dates import DateMention, find_dates
from frontwatch.events.lexicon import QUANTITY_KINDS, TERRAIN
from frontwatch.quantities import Quantity
from frontwatch.records import DateRange


def quantities_for(t: Token, ty: str, quantities: list[Quantity], alone: bool) -> dict[str, float]:
    """Quantities in the trigger's phrase; anywhere in the sentence if it is the only trigger of its type."""
    kinds = QUANTITY_KINDS[ty]
    sub = list(t.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    out: dict[str, float] = {}
    for q in quantities:
        if q.kind not in kinds:
            continue
        inside = lo <= q.start < hi
        if inside or ty in ("attack", "mobilization", "casualties") or alone:
            out.setdefault(q.kind, q.value)
    return out


def has_distance(t: Token) -> bool:
    return any(x.lower_ in ("km", "kilometers", "kilometres", "miles") for x in t.subtree)


def date_for(
    t: Token,
    sent: nlp.Sentence,
    dates: list[DateMention],
    sdoc: Doc,
    trigger_ids: set[int],
    same_type: set[int],
    pub: date | None,
) -> DateRange | None:
    if not dates:
        return None
    future = claims.is_future(t)
    if future:
        dates = find_dates(sent.text, pub, future=True)

    def tokens_of(d: DateMention) -> list[Token]:
        return [x for x in sdoc if d.start <= x.idx < d.end]

    own = {x.i for x in t.subtree}
    for d in dates:
        toks = tokens_of(d)
        if toks and all(x.i in own for x in toks) and not _under_other_trigger(toks[0], t, trigger_ids):
            if d.kind == "war" and _verb_of(toks[0]) != t:
                continue  # "after losing it in the war's first weeks, troops have now liberated ..."
            return d.range
    # the statement's date: a date attached to the reporting verb above the trigger
    cur = t
    while cur.head != cur:
        cur = cur.head
        if cur.lemma_.lower() in claims.REPORT_VERBS:
            for d in dates:
                toks = tokens_of(d)
                if toks and any(x.head == cur or x.head.head == cur for x in toks):
                    return d.range
    others = trigger_ids - same_type
    for d in dates:
        if d.kind == "war":
            continue  # "in the war's first weeks" dates only the phrase it stands in, never the news
        toks = tokens_of(d)
        if toks and not any(_under_other_trigger(x, None, others) for x in toks):
            return d.range
    return None


def _verb_of(x: Token) -> Token:
    cur = x
    while cur.head != cur and cur.pos_ not in ("VERB", "AUX"):
        cur = cur.head
    return cur


def _under_other_trigger(x: Token, t: Token | None, trigger_ids: set[int]) -> bool:
    cur = x
    while cur.head != cur:
        cur = cur.head
        if t is not None and cur == t:
            return False
        if cur.i in trigger_ids:
            return True
    return False


CONTROL_TYPES = ("capture", "withdrawal", "annexation", "advance")
_NOW_WORDS = frozenset(["recently", "just", "newly", "now", "finally"])
_TIME_MARKS = frozenset(["after", "before", "once", "when", "until", "as", "since", "while"])
_EARLIER = re.compile(
    r"\b(?:earlier|early|previously|before)\s+(?:on\s+)?in\s+the\s+(?:war|invasion|conflict)\b"
    r"|\bbefore\s+the\s+(?:full-scale\s+)?(?:war|invasion)\b|\bsince\s+(?:the\s+)?(?:start|beginning|outset|war|invasion|spring|summer|winter"
    r"|January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\b",
    re.I,
)


def recalled(t: Token, ty: str, token_place: dict[int, object]) -> bool:
    """The trigger tells an earlier change of control recalled as background, not news: a clause describing a
    place ("Kherson, which Russia seized", "the city, captured in the first weeks"), the past perfect outside
    reported speech ("Russia had taken Lyman"), or a phrase of earlier time ("earlier in the war")."""
    if ty not in CONTROL_TYPES or t.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.lower_ in _NOW_WORDS for c in t.children):
        return False  # "towns that were recently retaken": news told in a clause
    if t.dep_ in ("relcl", "acl") and t.tag_ in ("VBD", "VBN") and not _infinitive(t):
        head = t.head
        if head.i in token_place or head.lemma_.lower() in TERRAIN or head.pos_ == "PROPN":
            return True
    if _past_perfect(t) and not _reported_or_timed(t):
        return True
    return _EARLIER.search(_own_clause(t)) is not None


def _own_clause(t: Token) -> str:
    """The trigger's phrase without the clauses that describe its nouns ("Kherson, the city it had held since
    March") or hang beside it: their time words are not the trigger's."""
    skip: set[int] = set()
    for x in t.subtree:
        if x != t and x.dep_ in ("relcl", "acl", "appos", "advcl", "ccomp", "conj", "parataxis"):
            skip |= {y.i for y in x.subtree}
    return " ".join(x.text for x in t.subtree if x.i not in skip)


def _infinitive(t: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _past_perfect(t: Token) -> bool:
    verb = t
    if t.dep_ == "xcomp" and t.head.pos_ in ("VERB", "AUX"):
        verb = t.head  # "had managed to take"
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _reported_or_timed(t: Token) -> bool:
    """Past perfect in reported speech ("said it had retreated") or a clause of time ("after they had left")
    is the tense of the report, not of background."""
    cur = t
    while cur.head != cur:
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in cur.children):
            return True
        cur = cur.head
        if cur.lemma_.lower() in claims.REPORT_VERBS or cur.lemma_.lower() in (
            "claim",
            "announce",
            "confirm",
        ):
            return True
    return False
