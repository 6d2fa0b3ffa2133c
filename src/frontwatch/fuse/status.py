"""Incident status: how far independent sources and the sides involved bear a report out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwatch.events import types
from frontwatch.fuse.conflicts import actor_dispute, live_denials
from frontwatch.fuse.matching import BELLIGERENTS
from frontwatch.fuse.mentions import Mention
from frontwatch.records import IncidentStatus

REWRITE_SIMILARITY = 0.7  # word-set overlap of evidence sentences that marks a rewrite of one story
REWRITE_MIN_WORDS = 8
# Events that cost their actor: the actor saying so is an admission and confirms them.
LOSS_TYPES = frozenset(types.names(costs_actor=True))

_WORD_RE = re.compile(r"\w+")


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


def adversaries(side: str) -> frozenset[str]:
    """The sides whose word, with the actor's, makes "both sides": the other belligerent, not a third
    party (a British ministry repeating a Ukrainian claim corroborates it, it does not confirm it)."""
    if side in BELLIGERENTS:
        return BELLIGERENTS - {side}
    return BELLIGERENTS


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
