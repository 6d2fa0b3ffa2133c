"""Blocking and the incremental clusterer.

The events of the given documents are matched against incidents fetched by blocking key (type, country,
admin1) and date window, so adding a document costs what its own blocks hold, not the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from frontwatch.fuse.matching import DAY_SLACK, compatible
from frontwatch.fuse.mentions import Mention, make_mention
from frontwatch.records import EventMention
from frontwatch.store import BlockKey, Store


def block_key(e: EventMention) -> BlockKey:
    if e.place is None:
        return (e.type, None, None)
    return (e.type, e.place.country, None if e.place.kind == "country" else e.place.admin1)


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
        if (
            m.span
            and self.lo is not None
            and self.hi is not None
            and (m.span[1] + slack < self.lo or m.span[0] - slack > self.hi)
        ):
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
