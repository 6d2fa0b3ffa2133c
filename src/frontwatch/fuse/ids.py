"""Incident ids: derived from the smallest member event id, so the same input gives the same rows, and
kept across runs while an incident's reports change."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

from frontwatch.fuse.clusters import Cluster
from frontwatch.store import Store


def incident_id(event_ids: Iterable[str]) -> str:
    return "I-" + hashlib.sha1(min(event_ids).encode("utf-8")).hexdigest()[:16]


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
        went = Counter(h for e in former if (h := holder.get(e)))
        if went:
            redirects[old] = min(went, key=lambda k: (-went[k], k))
    return ids, redirects


def _unused_id(event_ids: Sequence[str], taken: set[str]) -> str:
    seed = "\n".join(event_ids)
    n = 0
    while True:
        iid = "I-" + hashlib.sha1(f"{seed}\n{n}".encode()).hexdigest()[:16]
        if iid not in taken:
            return iid
        n += 1
