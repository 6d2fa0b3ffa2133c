"""Matching: whether two mentions are of one real-world event.

Two mentions are of one event when all of these hold (checked against every member of an incident, so
an incident never chains from a town to its region to another town of that region):

- the same event type and compatible actor sides (equal, or one unknown);
- the same place: one GeoNames place (or two entries a few km apart), a feature and the town it stands
  in, one region, one country. A settlement and a region join only when the settlement is the region's
  namesake ("Kherson" is both the city and the oblast, and a report saying "Kherson" may mean either);
  any other town of the region is a finer, different report (a withdrawal from Izium is not the
  withdrawal from Kharkiv oblast). A report with no time at all must name the very same kind of place
  (two weak links do not make one), and of a strike, which a town suffers again and again, it joins no
  other document's report (its copies aside). Mentions with no place join only for state-level events
  (annexation, mobilization) with overlapping dates;
- compatible times: overlapping date ranges (a day of slack), or the one month named (see `mentions`);
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

A vague background mention is not merged. A dated one joins only reports whose dates overlap its own,
never a news report with no time (news tells the latest episode, not a recalled one).
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from frontwatch.events import types
from frontwatch.fuse.mentions import RECURRING_TYPES, Mention
from frontwatch.places.gazetteer import is_namesake
from frontwatch.places.translit import loose_key
from frontwatch.records import Place

DAY_SLACK = 1  # reports of one event may differ by a day (time zones, "announced on" vs done)
NEAR_KM = 5.0  # two GeoNames entries this close are one place
FEATURE_KM = 15.0  # a feature (power plant, dam, bridge) and the town it belongs to
# The parties to the war; any other side is a third party.
BELLIGERENTS = frozenset({"RU", "UA"})
# Events that are one per state and date even when no place is given.
STATE_LEVEL_TYPES = frozenset(types.names(state_level=True))

# Reports that disagree on a strike's author are of one strike only when both place it this tightly in time
# (a day, a news window, "last week"; not a month).
DISPUTE_SPAN_DAYS = 7
SPOT_KINDS = frozenset({"settlement", "feature"})
_BLAME_RE = re.compile(r"\b(blam(e|es|ed|ing)|accus(e|es|ed|ing|ation|ations))\b", re.IGNORECASE)


def km(a: Place, b: Place) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
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
        if a.event.type in RECURRING_TYPES and a.origin != b.origin:
            return False  # a strike on a town with no time at all could be any of the many it has had
        # news with no time tells the latest episode, not the earlier one a recalled event is
        return not (a.event.background or b.event.background)
    if a.span and b.span:
        slack = timedelta(days=day_slack(a, b))
        return a.span[0] <= b.span[1] + slack and b.span[0] <= a.span[1] + slack
    if a.month and b.month:
        return a.month == b.month
    span, month = (a.span, b.month) if a.span else (b.span, a.month)
    assert span is not None  # neither is vague nor unconstrained, and they are not both months
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
