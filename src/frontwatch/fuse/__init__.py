"""Fusion: every mention of one real-world event, across documents, becomes one incident.

Two mentions are of one event when all of these hold (checked against every member of an incident, so
an incident never chains from a town to its region to another town of that region):

- the same event type and compatible actor sides (equal, or one unknown);
- the same place: one GeoNames place (or two entries a few km apart), a feature and the town it stands
  in, one region, one country. A settlement and a region join only when the settlement is the region's
  namesake ("Kherson" is both the city and the oblast, and a report saying "Kherson" may mean either);
  any other town of the region is a finer, different report (a withdrawal from Izium is not the
  withdrawal from Kharkiv oblast). A report with no time at all must name the very same kind of place
  (two weak links do not make one). Mentions with no place join only for state-level events
  (annexation, mobilization) with overlapping dates;
- compatible times: overlapping date ranges (a day of slack); without a date of its own, a news report
  is about the days before its publication; a month named with no year ("in November", in an undated
  article) still rules out other months; a report with no date and no publication date fits any time;
- two mentions in one document that give different figures for one quantity are two events (an article
  does not contradict itself, it tells two episodes).

Sides that blame each other for one strike ("Kyiv said Russian shelling hit the prison", "Moscow said a
Ukrainian rocket hit it") give opposite actors; such reports join when they are of one spot (one GeoNames
place or entries a few km apart) and one day, and the attribution is disputed: each comes from a speaker
other than the actor it names, the speakers are of different sides and one of them is a belligerent
blaming the other (a report whose speaker has no known side must name the actor), or a report says
"blamed", "accused", "traded blame". A
side reporting its own strike is never part of a dispute: two sides each telling of their own shelling of
one town on one day are an artillery duel, two incidents. The incident is `contested`, with an
"actor-disputed" conflict naming who blames whom.

A background mention (an earlier event recalled as context) with no date of its own is not merged: it
cannot tell which of several episodes at that place it means. A dated one joins only reports whose dates
overlap its own, never a news report with no time (news tells the latest episode, not a recalled one).

Incremental: the events of the given documents are matched against incidents fetched by blocking key
(type, country, admin1) and date window, so adding a document costs what its own blocks hold, not the
store. Incident ids derive from the smallest member event id, so the same input gives the same rows.
"""

from __future__ import annotations

import calendar
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from frontwatch.events import types
from frontwatch.places.gazetteer import is_namesake
from frontwatch.places.translit import loose_key
from frontwatch.records import Conflict, DateRange, EventMention, Incident, IncidentStatus, Place
from frontwatch.store import BlockKey, Store

NEWS_WINDOW_DAYS = 3  # an undated news report is about the days up to its publication
DAY_SLACK = 1  # reports of one event may differ by a day (time zones, "announced on" vs done)
# Strikes hit one town day after day: reports a day apart are two strikes, and an undated report of one
# is about the last two days or so.
RECURRING_TYPES = frozenset(types.names(recurring=True))
RECURRING_NEWS_WINDOW_DAYS = 2
NEAR_KM = 5.0  # two GeoNames entries this close are one place
FEATURE_KM = 15.0  # a feature (power plant, dam, bridge) and the town it belongs to
REWRITE_SIMILARITY = 0.7  # word-set overlap of evidence sentences that marks a rewrite of one story
REWRITE_MIN_WORDS = 8

AFFIRMING = frozenset({"reported", "claimed"})
# Events that cost their actor: the actor saying so is an admission and confirms them.
LOSS_TYPES = frozenset(types.names(costs_actor=True))
# The parties to the war; any other side is a third party.
BELLIGERENTS = frozenset({"RU", "UA"})
# Events that are one per state and date even when no place is given.
STATE_LEVEL_TYPES = frozenset(types.names(state_level=True))
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
KIND_RANK = {"settlement": 0, "feature": 1, "region": 2, "country": 3}

# Reports that disagree on a strike's author are of one strike only when both place it this tightly in time
# (a day, a news window, "last week"; not a month).
DISPUTE_SPAN_DAYS = 7
SPOT_KINDS = frozenset({"settlement", "feature"})
_BLAME_RE = re.compile(r"\b(blam(e|es|ed|ing)|accus(e|es|ed|ing|ation|ations))\b", re.IGNORECASE)

_MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_RE = re.compile(r"\b(" + "|".join(m for m in calendar.month_name if m) + r")\b")
_WORD_RE = re.compile(r"\w+")


# -- mentions ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """An event mention with what fusion needs from its document."""

    event: EventMention
    published: date | None
    origin: str  # the document this one copies (duplicate_of), else itself
    outlet: str | None  # host of the document's URL
    span: tuple[date, date] | None  # when it happened, as far as the report tells (no slack added)
    month: int | None  # a month named with no year to place it
    vague: bool  # a recalled event with no date: it joins nothing

    @property
    def unconstrained(self) -> bool:
        return self.span is None and self.month is None and not self.vague

    @property
    def own_date(self) -> bool:
        return self.event.date is not None and not is_dateline(self.event)

    @property
    def affirms(self) -> bool:
        return self.event.status in AFFIRMING

    @property
    def speaker_side(self) -> str | None:
        return self.event.source.side if self.event.source else None

    @property
    def when(self) -> date | None:
        """When the statement was made: publication, else the event's own date."""
        if self.published:
            return self.published
        return self.span[1] if self.span and self.event.date else None


def _iso(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def _month_hint(text: str) -> int | None:
    """The one month a text names, for a date that could not be placed in a year."""
    months = {_MONTH_NAMES[m.lower()] for m in _MONTH_RE.findall(text)}
    return months.pop() if len(months) == 1 else None


def is_dateline(e: EventMention) -> bool:
    """The event's date is its document's publication date, given for want of a date in the text."""
    return e.date is not None and not e.date.mention


def make_mention(e: EventMention, meta: dict | None) -> Mention:
    meta = meta or {}
    published = _iso(meta.get("published"))
    span = month = None
    vague = False
    if e.date is not None and _iso(e.date.start) and _iso(e.date.end) and not is_dateline(e):
        span = (_iso(e.date.start), _iso(e.date.end))
    elif (hint := _month_hint(e.evidence.text)) is not None and published is None:
        month = hint
    elif e.background:
        vague = True
    elif (dateline := published or (_iso(e.date.end) if e.date else None)) is not None:
        window = RECURRING_NEWS_WINDOW_DAYS if e.type in RECURRING_TYPES else NEWS_WINDOW_DAYS
        span = (dateline - timedelta(days=window), dateline)
    url = meta.get("url")
    host = urlsplit(url).hostname if url else None
    return Mention(
        event=e,
        published=published,
        origin=meta.get("duplicate_of") or e.doc_id,
        outlet=host.removeprefix("www.") if host else None,
        span=span,
        month=month,
        vague=vague,
    )


# -- compatibility ----------------------------------------------------------------------------------


def km(a: Place, b: Place) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    kinds = {a.kind, b.kind}
    if kinds == {"country"}:
        return a.country == b.country
    if a.country != b.country or a.admin1 != b.admin1 or "country" in kinds:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if kinds == {"region"}:
        return a.admin1 is not None
    if kinds == {"settlement"}:
        return km(a, b) <= NEAR_KM
    if kinds == {"feature"}:
        return loose_key(a.name) == loose_key(b.name) or km(a, b) <= NEAR_KM
    if kinds == {"feature", "settlement"}:
        return km(a, b) <= FEATURE_KM
    if kinds == {"settlement", "region"}:
        s, r = (a, b) if a.kind == "settlement" else (b, a)
        return is_namesake(s, r)
    return False


def _months(span: tuple[date, date]) -> set[int]:
    if (span[1] - span[0]).days > 366:
        return set(range(1, 13))
    out, d = set(), span[0].replace(day=1)
    while d <= span[1]:
        out.add(d.month)
        d = (d + timedelta(days=32)).replace(day=1)
    return out


def _coarse(m: Mention) -> bool:
    return m.event.date is not None and m.event.date.precision != "day"


def day_slack(a: Mention, b: Mention) -> int:
    """Days two reports of one event may be apart: none for two day-dated strikes at one place."""
    if a.event.type in RECURRING_TYPES and not (_coarse(a) or _coarse(b)):
        return 0
    return DAY_SLACK


def same_time(a: Mention, b: Mention) -> bool:
    if a.vague or b.vague:
        return False
    if a.unconstrained or b.unconstrained:
        # news with no time tells the latest episode, not the earlier one a recalled event is
        return not (a.event.background or b.event.background)
    if a.span and b.span:
        slack = timedelta(days=day_slack(a, b))
        return a.span[0] <= b.span[1] + slack and b.span[0] <= a.span[1] + slack
    if a.month and b.month:
        return a.month == b.month
    span, month = (a.span, b.month) if a.span else (b.span, a.month)
    return month in _months(span)


def _figures_differ(a: Mention, b: Mention) -> bool:
    qa, qb = a.event.quantities, b.event.quantities
    return any(k in qb and float(qa[k]) != float(qb[k]) for k in qa)


def _self_report(m: Mention) -> bool:
    """A side telling of its own forces' strike: another strike than the one it blames on the enemy."""
    return m.speaker_side is not None and m.speaker_side == m.event.actor.side and m.event.status != "denied"


def _self_denial(m: Mention) -> bool:
    return m.speaker_side is not None and m.speaker_side == m.event.actor.side and m.event.status == "denied"


def _blames(m: Mention) -> bool:
    """One belligerent laying the strike at the other's door."""
    side, actor = m.speaker_side, m.event.actor.side
    return side in BELLIGERENTS and actor in BELLIGERENTS and side != actor


def _blame_word(m: Mention) -> bool:
    return _BLAME_RE.search(m.event.evidence.text) is not None


def _one_spot(a: Place | None, b: Place | None) -> bool:
    """One town or site, not just one region: a dispute over a strike is about one spot."""
    if a is None or b is None or {a.kind, b.kind} - SPOT_KINDS:
        return False
    return (a.geonameid is not None and a.geonameid == b.geonameid) or km(a, b) <= NEAR_KM


def _tight(m: Mention) -> bool:
    return m.span is not None and (m.span[1] - m.span[0]).days <= DISPUTE_SPAN_DAYS


def disputed(a: Mention, b: Mention) -> bool:
    """Two reports of one strike that name different sides as its author because the speakers disagree
    (see the module notes); the caller checks type, place and time as for any pair."""
    ea, eb = a.event, b.event
    if (
        ea.type not in RECURRING_TYPES
        or not (ea.actor.side and eb.actor.side)
        or ea.actor.side == eb.actor.side
    ):
        return False
    if _self_report(a) or _self_report(b):
        return False
    if not (_one_spot(ea.place, eb.place) and _tight(a) and _tight(b)):
        return False
    if _blame_word(a) or _blame_word(b):
        return a.speaker_side != b.speaker_side or a.speaker_side is None
    if a.speaker_side == b.speaker_side:
        # one speaker's "not us, them" is one version; anything else from one side is two strikes
        return a.speaker_side is not None and (_self_denial(a) or _self_denial(b))
    # A report whose speaker has no known side (the outlet's own voice, an unplaced official) is a version
    # only when it names the actor; an actor guessed from context is no testimony.
    return any(_blames(x) and (y.speaker_side is not None or y.event.actor.name) for x, y in ((a, b), (b, a)))


def compatible(a: Mention, b: Mention) -> bool:
    ea, eb = a.event, b.event
    if ea.type != eb.type:
        return False
    if ea.actor.side and eb.actor.side and ea.actor.side != eb.actor.side and not disputed(a, b):
        return False
    if not same_place(ea.place, eb.place):
        return False
    # With no time to check, an ambiguous name (city or its namesake region) is too weak a link, and so is a
    # region, where fighting takes and loses ground many times over.
    if (a.unconstrained or b.unconstrained) and ea.place and eb.place:
        region = ea.place.kind == "region" and ea.type not in STATE_LEVEL_TYPES
        if ea.place.kind != eb.place.kind or region:
            return False
    if (ea.place is None or ea.place.kind == "country") and (
        ea.type not in STATE_LEVEL_TYPES or a.span is None or b.span is None
    ):
        return False
    if ea.doc_id == eb.doc_id and _figures_differ(a, b):
        return False
    return same_time(a, b)


def block_key(e: EventMention) -> BlockKey:
    if e.place is None:
        return (e.type, None, None)
    return (e.type, e.place.country, None if e.place.kind == "country" else e.place.admin1)


# -- incident summary -------------------------------------------------------------------------------


def incident_id(event_ids: Iterable[str]) -> str:
    return "I-" + hashlib.sha1(min(event_ids).encode("utf-8")).hexdigest()[:16]


def _order(m: Mention) -> tuple:
    return (m.when or date.max, m.event.doc_id, m.event.event_id)


def independent_groups(members: Sequence[Mention]) -> list[set[str]]:
    """Documents grouped by common origin: syndicated copies, one outlet, rewrites of one story."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        parent[find(x)] = find(y)

    words: dict[str, set[str]] = {}
    by_outlet: dict[str, str] = {}
    for m in members:
        doc = m.event.doc_id
        find(doc)
        union(doc, m.origin)
        if m.outlet:
            union(doc, by_outlet.setdefault(m.outlet, doc))
        words.setdefault(doc, set()).update(w.casefold() for w in _WORD_RE.findall(m.event.evidence.text))
    docs = sorted(words)
    for i, x in enumerate(docs):
        for y in docs[i + 1 :]:
            wx, wy = words[x], words[y]
            if min(len(wx), len(wy)) < REWRITE_MIN_WORDS:
                continue
            if len(wx & wy) / len(wx | wy) >= REWRITE_SIMILARITY:
                union(x, y)
    groups: dict[str, set[str]] = {}
    for doc in docs:
        groups.setdefault(find(doc), set()).add(doc)
    return list(groups.values())


def _party(m: Mention) -> str:
    src = m.event.source
    if src is None:
        return f"{m.event.doc_id} (own voice)"
    who = src.name or "unnamed source"
    return f"{who} ({src.side})" if src.side else who


def _when(m: Mention) -> str:
    return m.when.isoformat() if m.when else "undated"


def live_denials(members: Sequence[Mention]) -> list[Mention]:
    """Denials not taken back by a later affirmation from the same side."""
    out = []
    for d in (m for m in members if m.event.status == "denied"):
        later = [
            m
            for m in members
            if m.affirms
            and m.speaker_side == d.speaker_side
            and d.when is not None
            and m.when is not None
            and m.when > d.when
        ]
        if not later:
            out.append(d)
    return out


def actor_dispute(members: Sequence[Mention]) -> Conflict | None:
    """Who blames whom, when the reports of an incident name different sides as its author."""
    versions: dict[str, list[Mention]] = {}
    for m in members:
        if m.event.actor.side and m.event.status != "denied":
            versions.setdefault(m.event.actor.side, []).append(m)
    if len(versions) < 2:
        return None
    parts = [
        "{} did it according to {}".format(side, "; ".join(sorted({_party(m) for m in ms})))
        for side, ms in sorted(versions.items())
    ]
    ids = tuple(m.event.event_id for _, ms in sorted(versions.items()) for m in ms)
    return Conflict("actor-disputed", ids, " vs ".join(parts))


def conflicts(members: Sequence[Mention]) -> list[Conflict]:
    members = sorted(members, key=_order)
    affirm = [m for m in members if m.affirms]
    out: list[Conflict] = []
    if (dispute := actor_dispute(members)) is not None:
        out.append(dispute)
    denied = [m for m in members if m.event.status == "denied"]
    if affirm and denied:
        live = {m.event.event_id for m in live_denials(members)}
        detail = "claimed by {} vs denied by {}".format(
            "; ".join(sorted({_party(m) for m in affirm})), "; ".join(sorted({_party(m) for m in denied}))
        )
        if not live:
            detail += "; the denial was followed by an admission from the same side"
        ids = tuple(m.event.event_id for m in affirm + denied)
        out.append(Conflict("claimed-vs-denied", ids, detail))
    unconfirmed = [m for m in members if m.event.status == "unconfirmed"]
    if affirm and unconfirmed:
        first = unconfirmed[0]
        settled = [m for m in affirm if m.when and first.when and m.when > first.when]
        detail = "not confirmed by {} ({}) vs reported by {}".format(
            "; ".join(sorted({_party(m) for m in unconfirmed})),
            _when(first),
            "; ".join(sorted({_party(m) for m in affirm})),
        )
        if settled:
            detail += f"; settled by a later report ({_when(settled[0])}, {_party(settled[0])})"
        ids = tuple(m.event.event_id for m in unconfirmed + affirm)
        out.append(Conflict("confirmed-vs-unconfirmed", ids, detail))
    values: dict[str, dict[float, list[Mention]]] = {}
    for m in affirm:
        for k, v in m.event.quantities.items():
            values.setdefault(k, {}).setdefault(float(v), []).append(m)
    for k, by_value in sorted(values.items()):
        if len(by_value) > 1:
            parts = [
                f"{v:g} ({', '.join(sorted({x.event.doc_id for x in ms}))})"
                for v, ms in sorted(by_value.items())
            ]
            ids = tuple(x.event.event_id for ms in by_value.values() for x in ms)
            out.append(Conflict("quantity", ids, f"{k}: " + " vs ".join(parts)))
    return out


def adversaries(side: str) -> set[str]:
    """The sides whose word, with the actor's, makes "both sides": the other belligerent, not a third
    party (a British ministry repeating a Ukrainian claim corroborates it, it does not confirm it)."""
    if side in BELLIGERENTS:
        return BELLIGERENTS - {side}
    return set(BELLIGERENTS)


def incident_status(type_: str, actor_side: str | None, members: Sequence[Mention]) -> IncidentStatus:
    if live_denials(members) or actor_dispute(members) is not None:
        return "contested"
    affirm = [m for m in members if m.affirms]
    sides = {m.speaker_side for m in affirm} - {None}
    if actor_side and actor_side in sides and (sides & adversaries(actor_side) or type_ in LOSS_TYPES):
        return "confirmed"
    if len(independent_groups(affirm)) >= 2:
        return "corroborated"
    return "single-source"


def _place(members: Sequence[Mention]) -> Place | None:
    places = [m.event.place for m in members if m.event.place is not None]
    if not places:
        return None
    counts = Counter(places)
    return min(counts, key=lambda p: (KIND_RANK[p.kind], -counts[p], p.geonameid or 0, p.name))


def _date(members: Sequence[Mention]) -> DateRange | None:
    """The most precise date any report gives; the earliest of those (later reports restate). A date in the
    text beats a publication date given for want of one."""
    dates = [m.event.date for m in members if m.event.date is not None]
    if not dates:
        return None
    return min(dates, key=lambda d: (not d.mention, PRECISION_RANK[d.precision], d.start, d.end))


def covered_span(members: Sequence[Mention]) -> tuple[str | None, str | None]:
    """The dates an incident's reports reach, for the store's date-window lookups."""
    spans = [m.span for m in members if m.span]
    if not spans:
        return None, None
    return min(s[0] for s in spans).isoformat(), max(s[1] for s in spans).isoformat()


def summarise(members: Sequence[Mention], iid: str | None = None) -> Incident:
    """The incident of these mentions, under `iid` when it has one already."""
    members = sorted(members, key=_order)
    first = members[0].event
    sides = Counter(m.event.actor.side for m in members if m.event.actor.side)
    # A disputed author is no one's to give: the conflict tells the versions.
    disputed_author = actor_dispute(members) is not None
    actor_side = min(sides, key=lambda s: (-sides[s], s)) if sides and not disputed_author else None
    docs = {m.event.doc_id for m in members}
    outlets = sorted({m.outlet for m in members if m.outlet})
    sources = {m.outlet or m.event.doc_id for m in members}
    return Incident(
        incident_id=iid or incident_id(m.event.event_id for m in members),
        type=first.type,
        place=_place(members),
        date=_date(members),
        status=incident_status(first.type, actor_side, members),
        n_reports=len(members),
        n_sources=len(sources),
        n_independent_sources=len(independent_groups(members)),
        event_ids=tuple(m.event.event_id for m in members),
        conflicts=tuple(conflicts(members)),
        actor_side=actor_side,
        n_documents=len(docs),
        outlets=tuple(outlets),
    )


# -- clustering -------------------------------------------------------------------------------------


@dataclass
class Cluster:
    old_id: str | None
    members: list[Mention] = field(default_factory=list)
    changed: bool = False
    former: frozenset[str] = frozenset()  # the stored incident's reports, to follow them when it goes
    lo: date | None = None  # hull of the members' spans, for a quick rejection before the full check
    hi: date | None = None

    def add(self, m: Mention) -> None:
        self.members.append(m)
        self.changed = True
        if m.span:
            self.lo = m.span[0] if self.lo is None else min(self.lo, m.span[0])
            self.hi = m.span[1] if self.hi is None else max(self.hi, m.span[1])

    def accepts(self, m: Mention) -> bool:
        slack = timedelta(days=DAY_SLACK)
        if m.span and self.lo is not None and (m.span[1] + slack < self.lo or m.span[0] - slack > self.hi):
            return False
        return all(compatible(m, x) for x in self.members)

    def fit(self, m: Mention) -> tuple:
        """Preference among clusters that accept a mention: dated overlap, the very same place, the latest
        episode for a report with no date of its own (news tells the last one), size."""
        exact = any(x.event.place == m.event.place for x in self.members)
        dated = any(x.span and m.span for x in self.members)
        latest = self.hi if self.hi is not None and not m.own_date else date.min
        return (dated, exact, latest, len(self.members))


class Fuser:
    """Assigns mentions to clusters, fetching the store's incidents block by block as needed."""

    def __init__(self, store: Store, skip_docs: set[str]) -> None:
        self.store = store
        self.skip_docs = skip_docs  # documents being re-fused: their stored memberships are stale
        self.clusters: dict[BlockKey, list[Cluster]] = {}
        self.loaded: set[str] = set()
        self.meta: dict[str, dict] = {}
        self.blocks_in_store: set[BlockKey] = set()

    def load(self, ids: Iterable[str]) -> list[Cluster]:
        ids = [i for i in ids if i not in self.loaded]
        if not ids:
            return []
        self.loaded.update(ids)
        stored = self.store.incident_events(ids)
        self.fetch_meta(e.doc_id for es in stored.values() for e in es)
        out = []
        for iid in ids:
            members = [make_mention(e, self.meta.get(e.doc_id)) for e in stored.get(iid, ())]
            c = Cluster(iid, former=frozenset(m.event.event_id for m in members))
            for m in members:
                if m.event.doc_id not in self.skip_docs:
                    c.add(m)
            kept = c.members
            c.changed = len(kept) != len(members) or not kept
            key = block_key(kept[0].event) if kept else ("", None, None)
            self.clusters.setdefault(key, []).append(c)
            out.append(c)
        return out

    def fetch_meta(self, doc_ids: Iterable[str]) -> None:
        missing = {d for d in doc_ids if d not in self.meta}
        if missing:
            self.meta.update(self.store.document_meta(missing))

    def assign(self, m: Mention) -> None:
        key = block_key(m.event)
        if not m.vague and key in self.blocks_in_store:
            start = end = None
            if m.span:
                slack = timedelta(days=DAY_SLACK)
                start, end = (m.span[0] - slack).isoformat(), (m.span[1] + slack).isoformat()
            self.load(self.store.incident_candidates(key, start, end))
        block = self.clusters.setdefault(key, [])
        fits = [c for c in block if c.members and c.accepts(m)] if not m.vague else []
        if fits:
            best = max(fits, key=lambda c: c.fit(m))
        else:
            best = Cluster(None)
            block.append(best)
        best.add(m)

    def all_clusters(self) -> Iterator[Cluster]:
        for block in self.clusters.values():
            yield from block


def update_incidents(store: Store, doc_ids: Sequence[str]) -> None:
    """Fuse the events of these (new, changed or re-checked) documents into the store's incidents.

    Incidents that held the documents' old events are revisited; the documents' current events are
    matched against incidents of their blocks, then every changed incident is rewritten with its
    counts, status and conflicts, and its members' `incident_id` set.
    """
    doc_ids = list(dict.fromkeys(doc_ids))
    if not doc_ids:
        return
    fuser = Fuser(store, set(doc_ids))
    touched = {iid for _, iid, _ in store.memberships(doc_ids)}
    for c in fuser.load(sorted(touched)):
        c.changed = True  # it lost the documents' old events

    new_events = list(store.events(doc_ids))
    fuser.fetch_meta(doc_ids)
    mentions = [make_mention(e, fuser.meta.get(e.doc_id)) for e in new_events]
    fuser.blocks_in_store = store.incident_blocks(block_key(m.event) for m in mentions)
    # Reports with a date of their own first, so that reports with none join the episode they fit best.
    position = {e.event_id: i for i, e in enumerate(new_events)}
    mentions.sort(
        key=lambda m: (m.unconstrained, not m.own_date, m.published or date.max, position[m.event.event_id])
    )
    for m in mentions:
        fuser.assign(m)

    changed = [c for c in fuser.all_clusters() if c.changed]
    ids, redirects = lasting_ids(store, changed, list(fuser.all_clusters()))
    removed: list[str] = [c.old_id for c in changed if c.old_id]
    new: list[tuple[Incident, str | None, str | None, list[tuple[str, str]]]] = []
    for c in changed:
        if c.members:
            inc = summarise(c.members, ids[id(c)])
            start, end = covered_span(c.members)
            new.append((inc, start, end, [(m.event.event_id, m.event.doc_id) for m in c.members]))
    store.write_incidents(removed, new, stale_docs=doc_ids, redirects=redirects)


def lasting_ids(
    store: Store, changed: Sequence[Cluster], clusters: Sequence[Cluster]
) -> tuple[dict[int, str], dict[str, str]]:
    """Ids that last across runs: (cluster -> id, old id -> the id its reports went to).

    An incident keeps its id while reports join or leave it. An incident left with no reports of its own
    (its documents were re-read and their reports went elsewhere) hands its id to the new cluster that holds
    most of its former reports; if that cluster has an id already, the old id redirects to it.
    """
    ids = {id(c): c.old_id for c in changed if c.old_id and c.members}
    vacated = {c.old_id: c.former for c in changed if c.old_id and not c.members}
    fresh = [c for c in changed if c.members and not c.old_id]
    held = [{m.event.event_id for m in c.members} for c in fresh]
    pairs = sorted(
        (-len(former & h), old, i)
        for old, former in vacated.items()
        for i, h in enumerate(held)
        if former & h
    )
    adopted: set[str] = set()
    for _, old, i in pairs:
        if old not in adopted and id(fresh[i]) not in ids:
            ids[id(fresh[i])] = old
            adopted.add(old)
    unnamed = [c for c in fresh if id(c) not in ids]
    wanted = {id(c): incident_id(m.event.event_id for m in c.members) for c in unnamed}
    taken = store.taken_incident_ids(wanted.values()) | set(ids.values()) | set(vacated)
    for c in unnamed:
        iid = wanted[id(c)]
        if iid in taken:  # its first report's id names another incident already
            iid = _unused_id(sorted(m.event.event_id for m in c.members), taken)
        ids[id(c)] = iid
        taken.add(iid)
    holder = {m.event.event_id: ids.get(id(c), c.old_id) for c in clusters for m in c.members}
    redirects: dict[str, str] = {}
    for old, former in vacated.items():
        if old in adopted:
            continue
        went = Counter(holder[e] for e in former if holder.get(e))
        if went:
            redirects[old] = min(went, key=lambda k: (-went[k], k))
    return ids, redirects  # type: ignore[return-value]


def _unused_id(event_ids: Sequence[str], taken: set[str]) -> str:
    seed = "\n".join(event_ids)
    n = 0
    while True:
        iid = "I-" + hashlib.sha1(f"{seed}\n{n}".encode()).hexdigest()[:16]
        if iid not in taken:
            return iid
        n += 1
