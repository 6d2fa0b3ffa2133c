"""The learned place linker: for an event mention and each place it could have happened at, a score that it
is where the event happened, learned from the team-written corpus (`frontwatch.learn.linker_train`).

The candidates are the places of the sentence, those of the two sentences before it and of the document's
first sentence (its title or lead), and the places the rules chose (`targets`, which may come from context:
"the city", the event just told, the region of a tally). Each is described by how it hangs on the trigger
(token distance and direction, dependency path, the preposition that governs it, whether a verb of saying or
a quotation holds it), its kind and size, where it stands (same sentence or earlier), the event type, and
whether the rules chose it: the rules stay a strong feature. States are no candidates, nor are places in a
"direction of X" phrase, except for an attack. A logistic regression scores them; the best candidate
replaces the rules' choice only when it is not among it and scores at least the threshold, so a mention
the model is unsure of keeps the rules' place. numpy only at run time; the weights and settings
are loaded once per process. `FRONTWATCH_LINKER=on` turns it on; it is off by default, since on the
evaluation sets and the real-article dev split it moves about one event either way (see README).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from frontwatch import claims, lang
from frontwatch.events import nlp, switches
from frontwatch.events.annotations import events_of, index_of, places_at, reading_of
from frontwatch.events.context import RawEvent
from frontwatch.events.lexicon import DIRECTIONS
from frontwatch.events.places import metonym
from frontwatch.events.triggers import trigger_type
from frontwatch.events.types import MODEL_ORDER
from frontwatch.linear import logistic, read_weights
from frontwatch.records import PlaceMention

MODEL_DIR = Path(__file__).parent / "place_linker_model"
TYPES = MODEL_ORDER
KINDS = ("settlement", "region", "feature", "country")
WHERE = ("sentence", "previous", "before", "lead", "context")
DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "appos", "conj", "other")
PREP_GROUPS: dict[str, frozenset[str]] = {
    name: frozenset(ws) for name, ws in lang.table("events/linker/prep_groups").items()
}
DIRECTION_WORDS = lang.words("events/linker/direction_words")
QUOTES = '"“”'
_VILLAGE = 10_000  # a settlement below this many people is a village or a small town

# How the pipeline uses the linker (FRONTWATCH_LINKER): "on" lets it replace the rules' place, "off" (the
# default) never.
MODES = switches.ON_OFF


def mode() -> str:
    return switches.linker()


def _feature_names() -> tuple[str, ...]:
    names = ["bias_rule", "rules_none", "rules_many", "learned_trigger", "noun_trigger"]
    names += [f"where_{w}" for w in WHERE]
    names += [f"kind_{k}" for k in KINDS]
    names += ["village", "log_population", "war_state", "metonym"]
    names += ["log_distance", "before_trigger", "log_path", "trigger_dominates", "place_dominates"]
    names += [f"prep_{g}" for g in (*PREP_GROUPS, "other", "none")]
    names += [f"dep_{d}" for d in DEPS]
    names += [
        "said",
        "quoted",
        "located",
        "direction",
        "compass",
        "other_trigger_nearer",
        "log_sentence_places",
    ]
    names += [f"type_{t}" for t in TYPES]
    names += [f"rule_{t}" for t in TYPES]
    names += [f"{t}_{k}" for t in TYPES for k in ("settlement", "region")]
    names += [f"{t}_earlier" for t in TYPES]
    names += ["learned_rule", "learned_sentence"]
    return tuple(names)


FEATURES = _feature_names()
_COLUMN = {name: k for k, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class Candidate:
    place: PlaceMention
    where: str  # one of WHERE
    rule: bool  # among the rules' places
    features: dict[str, float]


@dataclass(frozen=True)
class Mention:
    """One event mention of a sentence (a trigger and a type) with its rule places and candidates."""

    trigger: Token
    type: str
    events: list[RawEvent]
    rules: list[PlaceMention]
    candidates: list[Candidate]


def place_key(p: PlaceMention) -> tuple[str, object]:
    place = p.place
    if place is None:
        return ("?", p.mention.lower())
    return (place.kind, place.geonameid or place.name)


def mentions(sdoc: Doc) -> list[Mention]:
    """The sentence's event mentions, grouped by trigger and type, each with its candidates described."""
    groups: dict[tuple[int, str], list[RawEvent]] = {}
    for r in events_of(sdoc):
        if r.trigger.doc is sdoc:
            groups.setdefault((r.trigger.i, r.type), []).append(r)
    return [_mention(sdoc, rs) for rs in groups.values()]


def _mention(sdoc: Doc, events: list[RawEvent]) -> Mention:
    t, ty = events[0].trigger, events[0].type
    rules = [r.place for r in events if r.place is not None and r.place.place is not None]
    rule_keys = {place_key(p) for p in rules}
    token_place = places_at(sdoc)
    heads = _place_heads(sdoc, token_place)
    reading, i = reading_of(sdoc), index_of(sdoc)
    sentences = reading.sentences
    ordered: list[tuple[PlaceMention, str]] = []
    # a rule place made from a name of the sentence ("advances south of X": X's region) is that name's
    # candidate, in the form the rules gave it
    spans = {(q.start, q.end): h for h, q in heads.items()}
    for p in rules:
        ordered.append((p, "sentence" if (p.start, p.end) in spans else _where_earlier(p, sentences, i)))
    ruled = {(p.start, p.end) for p in rules}
    near = sorted(heads.items(), key=lambda kv: abs(kv[0] - t.i))
    ordered += [(pm, "sentence") for _, pm in near if (pm.start, pm.end) not in ruled]
    earlier = [(lo, name) for lo, name in ((i - 1, "previous"), (i - 2, "before")) if lo >= 0]
    if i > 2:
        earlier.append((0, "lead"))
    for k, name in earlier:
        s = sentences[k]
        ordered += [
            (p, name)
            for p in reading.places
            if s.start <= p.start < s.end and p.place is not None and p.place.kind != "country"
        ]
    seen: set[tuple[str, object]] = set()
    candidates: list[Candidate] = []
    learned = ty in sdoc._.learned and trigger_type(t, token_place) != ty
    sentence_places = len(heads)
    triggers = [s[0] for s in sdoc.spans["triggers"]] if "triggers" in sdoc.spans else []
    for p, where in ordered:
        key = place_key(p)
        if p.place is None or key in seen:
            continue
        seen.add(key)
        if p.place.kind == "country":
            continue  # a state is where no event of these types is placed: "Russia announced a call-up"
        head = sdoc[spans[(p.start, p.end)]] if where == "sentence" else None
        feats = _features(t, ty, p, where, key in rule_keys, rules, head, learned, sentence_places, triggers)
        if feats.get("direction") and ty != "attack":
            continue  # "captured 4 villages in the direction of X": where the front runs, not a place taken
        candidates.append(Candidate(p, where, key in rule_keys, feats))
    return Mention(t, ty, events, rules, candidates)


def _where_earlier(p: PlaceMention, sentences: list[nlp.Sentence], i: int) -> str:
    """Where a rule place outside the sentence was named: the sentence before, two before, else context."""
    for k, name in ((i - 1, "previous"), (i - 2, "before")):
        if k >= 0 and sentences[k].start <= p.start < sentences[k].end:
            return name
    return "context"


def _place_heads(sdoc: Doc, token_place: dict[int, PlaceMention]) -> dict[int, PlaceMention]:
    """Each place mention of the sentence by its head token: the one whose head lies outside the mention."""
    out: dict[int, PlaceMention] = {}
    for i, pm in token_place.items():
        tok = sdoc[i]
        if token_place.get(tok.head.i) is pm and tok.head != tok:
            continue
        if any(q is pm for q in out.values()):
            continue
        out[i] = pm
    return out


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head != out[-1] and len(out) < 40:
        out.append(out[-1].head)
    return out


def _governing(tok: Token) -> Token:
    """The token that stands for a place in the clause: up through names, lists and appositions."""
    while tok.dep_ in ("compound", "conj", "appos", "nmod") and tok.head != tok:
        tok = tok.head
    return tok


def _features(
    t: Token,
    ty: str,
    p: PlaceMention,
    where: str,
    rule: bool,
    rules: list[PlaceMention],
    head: Token | None,
    learned: bool,
    sentence_places: int,
    triggers: list[Token],
) -> dict[str, float]:
    assert p.place is not None
    f: dict[str, float] = {
        "bias_rule": 1.0 if rule else 0.0,
        "rules_none": 1.0 if not rules else 0.0,
        "rules_many": 1.0 if len(rules) > 1 else 0.0,
        "learned_trigger": 1.0 if learned else 0.0,
        "noun_trigger": 1.0 if t.pos_ in ("NOUN", "PROPN") else 0.0,
        f"where_{where}": 1.0,
        f"kind_{p.place.kind}": 1.0,
        "log_population": math.log10(1 + p.place.population) / 7,
        "war_state": 1.0 if p.place.country in ("UA", "RU") else 0.0,
        "metonym": 1.0 if metonym(p) else 0.0,
        "log_sentence_places": math.log1p(sentence_places),
    }
    if ty not in TYPES:
        return {k: v for k, v in f.items() if v}  # a type registered at run time: no features of its own
    f[f"type_{ty}"] = 1.0
    if p.place.kind == "settlement" and p.place.population < _VILLAGE:
        f["village"] = 1.0
    if rule:
        f[f"rule_{ty}"] = 1.0
        f["learned_rule"] = 1.0 if learned else 0.0
    if p.place.kind in ("settlement", "region"):
        f[f"{ty}_{p.place.kind}"] = 1.0
    if where != "sentence":
        f[f"{ty}_earlier"] = 1.0
        return {k: v for k, v in f.items() if v}
    if learned:
        f["learned_sentence"] = 1.0
    if head is None:
        f["prep_none"] = 1.0
        return {k: v for k, v in f.items() if v}
    f["log_distance"] = math.log1p(abs(head.i - t.i)) / 3
    f["before_trigger"] = 1.0 if head.i < t.i else 0.0
    up_place, up_trigger = _ancestors(head), _ancestors(t)
    common = next((a for a in up_place if a in up_trigger), None)
    if common is not None:
        f["log_path"] = math.log1p(up_place.index(common) + up_trigger.index(common)) / 3
        f["trigger_dominates"] = 1.0 if common == t else 0.0
        f["place_dominates"] = 1.0 if common == head else 0.0
    gov = _governing(head)
    prep = gov.head if gov.dep_ == "pobj" else None
    if prep is not None:
        group = next((g for g, ws in PREP_GROUPS.items() if prep.lower_ in ws), "other")
        f[f"prep_{group}"] = 1.0
        # "X in the Y region": Y only places X
        f["located"] = 1.0 if prep.head.i in places_at(t.doc) and prep.head.i != head.i else 0.0
        # "advances south of X": around the town, not in it
        f["compass"] = 1.0 if prep.lower_ == "of" and prep.head.lower_.replace("-", "") in DIRECTIONS else 0.0
    else:
        f["prep_none"] = 1.0
    dep = gov.dep_ if gov.dep_ in DEPS else "other"
    f[f"dep_{dep}"] = 1.0
    # up to where the place meets the trigger, that word included: "X shelled Y, the navy said in Z"
    below = up_place[: up_place.index(common) + 1] if common is not None else up_place
    f["said"] = 1.0 if _said(a for a in below if a != t) else 0.0
    f["direction"] = 1.0 if any(a.lemma_.lower() in DIRECTION_WORDS for a in up_place[:4]) else 0.0
    text = t.doc.text
    f["quoted"] = 1.0 if sum(text[: head.idx].count(q) for q in QUOTES) % 2 == 1 else 0.0
    d = abs(head.i - t.i)
    f["other_trigger_nearer"] = 1.0 if any(x != t and abs(head.i - x.i) < d for x in triggers) else 0.0
    return {k: v for k, v in f.items() if v}


def _said(path: Iterable[Token]) -> bool:
    """A verb of saying between the place and where it meets the trigger: 'said in X', 'told reporters in
    X'."""
    return any(a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in claims.REPORT_VERBS for a in path)


def row(features: dict[str, float]) -> list[float]:
    out = [0.0] * len(FEATURES)
    for name, v in features.items():
        out[_COLUMN[name]] = v
    return out


@dataclass(frozen=True)
class Settings:
    threshold: float  # the best candidate replaces the rules' choice only from this score up
    features: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> Settings:
        raw = json.loads(path.read_text("utf-8"))
        return cls(float(raw["threshold"]), tuple(raw["features"]))


class Linker:
    def __init__(self, folder: Path = MODEL_DIR, threshold: float | None = None) -> None:

        settings = Settings.read(folder / "linker.json")
        if settings.features != FEATURES:
            raise ValueError(f"{folder} was trained on other features: train it again")
        self.threshold = settings.threshold if threshold is None else threshold
        self.weights, self.bias = read_weights(folder / "weights.npz")

    def score(self, c: Candidate) -> float:
        """How likely the candidate is where the event happened."""
        return logistic(math.fsum(self.weights[_COLUMN[k]] * v for k, v in c.features.items()) + self.bias)

    def choose(self, m: Mention) -> list[PlaceMention] | None:
        """The places the mention should take, or None to keep the rules' places."""
        if not m.candidates or m.type not in TYPES:
            return None  # a type registered at run time: the model has not seen it
        scored = [(self.score(c), c) for c in m.candidates]
        best_score, best = max(scored, key=lambda sc: sc[0])
        if best.rule or best_score < self.threshold:
            return None
        kept = [c.place for s, c in scored if c.rule and s >= self.threshold]
        return sorted([best.place, *kept], key=lambda p: p.start)


@cache
def shared() -> Linker:
    """The shipped model, loaded on first use."""
    return Linker()


def relink(sdoc: Doc, linker: Linker) -> list[RawEvent]:
    """The sentence's raw events with the places the linker chooses."""
    relinked: dict[int, list[RawEvent]] = {}  # by the id of a mention's first event
    dropped: set[int] = set()
    for m in mentions(sdoc):
        chosen = linker.choose(m)
        if chosen is not None:
            relinked[id(m.events[0])] = [replace(m.events[0], place=p) for p in chosen]
            dropped |= {id(r) for r in m.events}
    out: list[RawEvent] = []
    for r in events_of(sdoc):  # in the rules' order, each mention where its first event stood
        out += relinked.get(id(r), [] if id(r) in dropped else [r])
    return out


@Language.component("frontwatch_place_linker", requires=["doc._.events"], assigns=["doc._.events"])
def place_linker_component(sdoc: Doc) -> Doc:
    """Replaces an event's rule place with the place the learned linker is confident of."""
    if mode() == "on" and events_of(sdoc):
        sdoc._.events = relink(sdoc, shared())
    return sdoc
