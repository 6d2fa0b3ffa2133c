"""Conflicts within an incident: who blames whom, claims against denials, unconfirmed against reported,
and differing figures."""

from __future__ import annotations

from collections.abc import Sequence

from frontwatch.fuse.mentions import Mention, report_order
from frontwatch.records import Conflict


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
    members = sorted(members, key=report_order)
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
