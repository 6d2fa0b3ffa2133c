"""The date and the quantities of a trigger: those in its own phrase first, then the date of the
statement that reports it, then any date of the sentence that no other trigger holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc, Token

from frontwatch import claims
from frontwatch.events import nlp
from frontwatch.events.dates import DateMention, find_dates
from frontwatch.events.lexicon import TERRAIN
from frontwatch.events.quantities import Quantity
from frontwatch.events.types import QUANTITY_KINDS, names
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
        if q.bare and ty == "mobilization" and not inside:
            continue  # "30,000 troops" elsewhere in the sentence are no call-up
        if not inside and (x := token_at(t.doc, q.start)) is not None and separate_statements(t, x):
            continue  # "said it repelled attacks near X and claimed that Kyiv had lost 2,800 men"
        if inside or ty in ("attack", "mobilization", "casualties") or alone:
            out.setdefault(q.kind, q.value)
    return out


def token_at(sdoc: Doc, offset: int) -> Token | None:
    return next((x for x in sdoc if x.idx <= offset < x.idx + len(x.text)), None)


def _reported_by(tok: Token) -> Token | None:
    cur = tok
    while cur.head != cur:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in claims.REPORT_VERBS:
            return cur
    return None


def separate_statements(a: Token, b: Token) -> bool:
    """Two words told by different verbs of saying ('said A ... and claimed B'): two statements."""
    ra, rb = _reported_by(a), _reported_by(b)
    return ra is not None and rb is not None and ra != rb


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
    anchor: date | None = None,
) -> DateRange | None:
    if not dates:
        return None
    # "will withdraw" and "would withdraw" place a weekday of their own phrase ahead; the day the plan was
    # announced ("announced Wednesday that troops would leave") stays behind
    future = claims.is_future(t) or (t.dep_ == "conj" and claims.is_future(t.head))
    ahead = find_dates(sent.text, pub, future=True, anchor=anchor) if future else dates

    def tokens_of(d: DateMention) -> list[Token]:
        return [x for x in sdoc if d.start <= x.idx < d.end]

    own = {x.i for x in t.subtree}
    for d in ahead:
        toks = tokens_of(d)
        if (
            toks
            and all(x.i in own for x in toks)
            and not _under_other_trigger(toks[0], t, trigger_ids)
            and not _describes(toks[0], t)
        ):
            if d.kind == "war" and _verb_of(toks[0]) != t:
                continue  # "after losing it in the war's first weeks, troops have now liberated ..."
            return d.range
    timed = _time_clause_date(t, dates, tokens_of, own)
    if timed is not None:
        return timed
    for d in dates:  # "became part of Russia after referendums held in September": right after them
        toks = tokens_of(d)
        if toks and _dates_the_event_before(toks[0], t):
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
    # a trigger of the same type shares the sentence's date ("advanced 7 km and took six villages on
    # Monday"), unless it describes a noun ("the city, a hub that Russia seized in February")
    described = {i for i in same_type if sdoc[i].dep_ in ("relcl", "acl") and sdoc[i] != t}
    others = (trigger_ids - same_type) | described
    for d in ahead:
        if d.kind == "war":
            continue  # "in the war's first weeks" dates only the phrase it stands in, never the news
        toks = tokens_of(d)
        if toks and not any(_under_other_trigger(x, None, others) or _describes(x, t) for x in toks):
            return d.range
    return None


def _dates_the_event_before(x: Token, t: Token) -> bool:
    """The token lies in a clause describing the event after which the trigger came ('after referendums
    held in September')."""
    cur = x
    while cur.head != cur and cur != t:
        if cur.dep_ in ("acl", "relcl"):
            noun = cur.head
            return noun.dep_ == "pobj" and noun.head.lower_ in ("after", "following") and noun.head.head == t
        cur = cur.head
    return False


def _describes(x: Token, t: Token) -> bool:
    """The token lies in a clause that describes a noun and does not hold the trigger ('troops entered X, a
    town that Russia seized in February'): its date is that clause's."""
    cur = x
    while cur.head != cur and cur != t:
        if cur.dep_ in ("relcl", "acl") and not cur.left_edge.i <= t.i <= cur.right_edge.i:
            return True
        cur = cur.head
    return False


_TIME_MARKS_SAME = frozenset(["after", "before", "when", "as", "once", "while"])


def _time_clause_date(
    t: Token, dates: list[DateMention], tokens_of: Callable[[DateMention], list[Token]], own: set[int]
) -> DateRange | None:
    """'captured X on October 1 after Russian forces withdrew': a clause of time takes the date of the
    clause it times, which lies next to it."""
    if t.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS_SAME for c in t.children):
        return None
    head = t.head
    for d in dates:
        toks = tokens_of(d)
        if toks and not any(x.i in own for x in toks) and any(_verb_of(x) == head for x in toks):
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


TERRITORIAL_TYPES = names(territorial=True)
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
    if ty not in TERRITORIAL_TYPES or t.pos_ not in ("VERB", "AUX"):
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
