"""The date and the quantities of a trigger: those in its own phrase first, then the date of the
statement that reports it, then any date of the sentence that no other trigger holds.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from frontwatch import claims, nlp
from frontwatch.dates import DateMention, find_dates
from frontwatch.events.lexicon import QUANTITY_KINDS
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
        toks = tokens_of(d)
        if toks and not any(_under_other_trigger(x, None, others) for x in toks):
            return d.range
    return None


def _under_other_trigger(x: Token, t: Token | None, trigger_ids: set[int]) -> bool:
    cur = x
    while cur.head != cur:
        cur = cur.head
        if t is not None and cur == t:
            return False
        if cur.i in trigger_ids:
            return True
    return False
