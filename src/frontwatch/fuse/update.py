"""The fusion step of a run: the events of some documents into the store's incidents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from frontwatch.fuse.clusters import Fuser, block_key
from frontwatch.fuse.ids import lasting_ids
from frontwatch.fuse.mentions import make_mention
from frontwatch.fuse.summary import covered_span, summarise
from frontwatch.records import Incident
from frontwatch.store import Store


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
