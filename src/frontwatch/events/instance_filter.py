"""The event-instance filter: whether an event mention the sentence rules produced is a new reportable
event, or background, a hypothetical, a negation, a plan, a generic statement or a repeat; learned from
the team-written corpus (`frontwatch.learn.filter_train`).

A logistic regression over hashed features of the mention: the words around its trigger (by side), the
trigger's lemma, tag and dependency, the cue words of modality, condition, negation, plans, the future and
history in the sentence (and whether they govern the trigger), years in the sentence and the mention's
date against the document's date, quotation, a question, the event type, and the rules' own flags
(status, background, place, counts). A mention scored below the threshold is dropped. A change of
control (a capture, a withdrawal, an annexation) may move a place's timeline, so it is dropped only below
a much lower threshold, where the model is very sure. numpy only at run time; the weights and settings
are loaded once per process. `FRONTWATCH_FILTER=on` turns it on; it is off by default, since at the
threshold that keeps 99% of the corpus's real mentions it still drops some plain nominal attacks ("heavy
shelling overnight in X") that the rules' own tests count as events (see README, "The instance filter").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from frontwatch import claims, lang
from frontwatch.events import switches
from frontwatch.events.context import RawEvent
from frontwatch.linear import bucket, probability, read_weights

MODEL_DIR = Path(__file__).parent / "instance_filter_model"
WINDOW = 4  # words either side of the trigger
ANCESTORS = 4  # steps up the parse from the trigger in which a cue counts as governing it
CUES: dict[str, frozenset[str]] = {
    name: lang.words(f"events/filter/{name}_cues")
    for name in ("modal", "conditional", "negation", "plan", "future", "history")
}
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_QUOTES = '"“”«»'

# How the pipeline uses the filter (FRONTWATCH_FILTER): "on" drops the mentions it scores low, "off" (the
# default) none.
MODES = switches.ON_OFF


def mode() -> str:
    return switches.instance_filter()


@dataclass(frozen=True)
class Settings:
    dim: int  # hashed feature columns
    threshold: float  # a mention scored below it is dropped
    control_threshold: float  # the same for a mention of a protected type: far lower
    protected: frozenset[str]  # the types a place's control timeline is built from

    @classmethod
    def read(cls, path: Path) -> Settings:
        raw = json.loads(path.read_text("utf-8"))
        return cls(
            int(raw["dim"]),
            float(raw["threshold"]),
            float(raw["control_threshold"]),
            frozenset(raw["protected"]),
        )


def _cue_names(tok: Token) -> list[str]:
    words = {tok.lower_, tok.lemma_.lower()}
    return [name for name, cue in CUES.items() if words & cue]


def _governing(t: Token) -> list[Token]:
    """The trigger's heads up the parse, and their function-word children: the words whose scope it is in."""
    out: list[Token] = list(t.children)
    cur = t
    for _ in range(ANCESTORS):
        if cur.head == cur:
            break
        cur = cur.head
        out.append(cur)
        out += [c for c in cur.children if c.dep_ in ("aux", "auxpass", "neg", "mark", "advmod", "det")]
    return out


def _year_bucket(year: int, pub: date | None) -> str:
    if pub is None:
        return "year:old" if year < 2014 else "year:recent"
    gap = pub.year - year
    if gap < 0:
        return "year:future"
    if gap == 0:
        return "year:same"
    if gap == 1:
        return "year:last"
    return "year:war" if year >= 2014 else "year:old"


def _date_bucket(r: RawEvent, pub: date | None) -> str:
    if r.date is None:
        return "date:none"
    if pub is None:
        return "date:nopub"
    try:
        end = date.fromisoformat(r.date.end[:10])
    except ValueError:
        return "date:odd"
    days = (pub - end).days
    for limit, name in ((-1, "future"), (2, "0-2"), (7, "3-7"), (60, "8-60"), (365, "61-365")):
        if days <= limit:
            return f"date:{name}"
    return "date:old"


def feature_names(r: RawEvent, pub: date | None) -> list[str]:
    """The mention's features as names; each is hashed to a column with value 1."""
    t, ty = r.trigger, r.type
    sent = t.doc
    names = [f"type={ty}", f"status={r.status}", f"{ty}|status={r.status}"]
    names += ["background"] * r.background + ["relayed"] * r.relayed
    kind = r.place.place.kind if r.place is not None and r.place.place is not None else "none"
    names.append(f"place={kind}")
    country = r.place.place.country if r.place is not None and r.place.place is not None else None
    names.append(f"country={country if country in ('UA', 'RU') else ('other' if country else 'none')}")
    names += [f"qty={k}" for k in sorted(r.quantities)]
    lemma = t.lemma_.lower()
    names += [f"lemma={lemma}", f"{ty}|lemma={lemma}", f"tag={t.tag_}", f"dep={t.dep_}", f"{ty}|tag={t.tag_}"]
    names += [f"child={c.dep_}:{c.lower_}" for c in t.children if c.dep_ in ("aux", "auxpass", "neg", "mark")]
    names += [f"head={t.head.lemma_.lower()}", f"head_tag={t.head.tag_}"]
    for x in sent[max(0, t.i - WINDOW) : t.i]:
        names.append(f"L={x.lower_}")
    for x in sent[t.i + 1 : t.i + 1 + WINDOW]:
        names.append(f"R={x.lower_}")
    if t.i > 0:
        names.append(f"L1={sent[t.i - 1].lower_}")
    near = {x.i for x in _governing(t)}
    for x in sent:
        for cue in _cue_names(x):
            names.append(f"cue={cue}")
            if x.i in near:
                names.append(f"cue_governs={cue}")
                names.append(f"cue_governs={cue}:{x.dep_}")
    text = sent.text
    for m in _YEAR.finditer(text):
        names.append(_year_bucket(int(m.group(1)), pub))
    names.append(_date_bucket(r, pub))
    if any(q in text for q in _QUOTES):
        names.append("quoted")
        before = text[: t.idx]
        if sum(before.count(q) for q in _QUOTES) % 2 == 1:
            names.append("in_quote")
    if text.rstrip().rstrip("\"”’'").endswith("?"):
        names.append("question")
    if claims.hypothetical(t):
        names.append("rule:hypothetical")
    if claims.is_future(t):
        names.append("rule:future")
    names.append("bias")
    return names


def feature_items(r: RawEvent, pub: date | None, dim: int) -> dict[int, float]:
    row: dict[int, float] = {}
    for name in feature_names(r, pub):
        row[bucket(name, dim)] = 1.0  # presence, not counts: a long sentence is not more of anything
    return row


class Filter:
    def __init__(self, folder: Path = MODEL_DIR) -> None:

        self.settings = Settings.read(folder / "filter.json")
        self.weights, self.bias = read_weights(folder / "weights.npz")

    def probability(self, r: RawEvent, pub: date | None) -> float:
        """How likely the mention is a new reportable event."""
        return probability(self.weights, self.bias, feature_items(r, pub, self.settings.dim))

    def keeps(self, r: RawEvent, pub: date | None) -> bool:
        s = self.settings
        floor = s.control_threshold if r.type in s.protected else s.threshold
        return self.probability(r, pub) >= floor


@cache
def shared() -> Filter:
    """The shipped model, loaded on first use."""
    return Filter()


def kept(raws: Iterable[RawEvent], pub: date | None) -> list[RawEvent]:
    """The mentions the filter keeps (all of them when it is off)."""
    raws = list(raws)
    if mode() == "off" or not raws:
        return raws
    model = shared()
    return [r for r in raws if model.keeps(r, pub)]
