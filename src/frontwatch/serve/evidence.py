"""One incident with its evidence: every report, its speaker and status, its document, and why the
incident has the status it has."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from frontwatch.records import EventMention, Incident
from frontwatch.store import Store

AFFIRMING = ("reported", "claimed")

MEANING = {
    "confirmed": "the acting side and its adversary both say so, or the side that lost admits it",
    "corroborated": "two or more independent sources affirm it",
    "contested": "a source denies it, or the sources disagree on who did it",
    "single-source": "one independent source affirms it; nobody else does yet",
}


def _who(m: EventMention) -> str:
    if m.source is None:
        return "the outlet in its own voice"
    name = m.source.name or "an unnamed source"
    return f"{name} ({m.source.side})" if m.source.side else name


def why(inc: Incident, members: Sequence[EventMention], copies: set[str]) -> str:
    """The status in words, from the reports the status was decided on."""
    counted = [m for m in members if m.doc_id not in copies]
    affirm = [m for m in counted if m.status in AFFIRMING]
    denied = [m for m in counted if m.status == "denied"]
    sides = sorted({m.source.side for m in affirm if m.source and m.source.side})
    parts = [f"{inc.status}: {MEANING[inc.status]}."]
    parts.append(
        f"{inc.n_reports} report(s) in {inc.n_documents} document(s), "
        f"{inc.n_independent_sources} independent source(s)."
    )
    if inc.status == "confirmed" and inc.actor_side:
        parts.append(
            f"Acting side {inc.actor_side}; speakers from {', '.join(sides) or 'no named side'} affirm it."
        )
    if denied:
        parts.append("Denied by " + "; ".join(sorted({_who(m) for m in denied})) + ".")
    if inc.status == "single-source" and affirm:
        parts.append("Affirmed only by " + "; ".join(sorted({_who(m) for m in affirm})) + ".")
    if copies:
        parts.append(f"{len(copies)} syndicated copy/copies shown but not counted.")
    for c in inc.conflicts:
        parts.append(f"Conflict ({c.kind}): {c.detail}.")
    return " ".join(parts)


def incident_detail(store: Store, inc: Incident) -> dict[str, Any]:
    events = store.events_by_id(inc.event_ids)
    members = [events[e] for e in inc.event_ids if e in events]
    docs = store.document_details({m.doc_id for m in members})
    copies = {d for d, meta in docs.items() if meta.get("duplicate_of")}
    reports = []
    for m in members:
        doc = docs.get(m.doc_id)
        row = m.to_dict()
        row["counted"] = m.doc_id not in copies
        row["document"] = (
            {k: doc[k] for k in ("title", "url", "published", "duplicate_of")} if doc is not None else None
        )
        reports.append(row)
    background = bool(members) and all(m.background for m in members)
    return {
        "incident": {**inc.to_dict(), "background": background},
        "why": why(inc, members, copies),
        "reports": reports,
    }
