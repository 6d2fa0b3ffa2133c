"""Fusion: every mention of one real-world event, across documents, becomes one incident.

- `mentions`: stored events as mentions, with the time each report gives;
- `matching`: when two mentions are of one event (type, sides, place, time, disputed authorship);
- `clusters`: blocking and the incremental clusterer over the store's incidents;
- `conflicts`, `status`, `summary`: what an incident's reports disagree on, how far they bear it out, and
  its row;
- `ids`: incident ids that last across runs;
- `update`: the fusion step of a run;
- `timeline`: who holds a place, from withdrawal and capture incidents (not part of fusion's version).
"""

from __future__ import annotations

from frontwatch.fuse.clusters import Cluster, Fuser, block_key
from frontwatch.fuse.conflicts import actor_dispute, conflicts, live_denials
from frontwatch.fuse.ids import incident_id, lasting_ids
from frontwatch.fuse.matching import STATE_LEVEL_TYPES, compatible, disputed, km, same_place, same_time
from frontwatch.fuse.mentions import RECURRING_TYPES, Mention, is_dateline, make_mention
from frontwatch.fuse.status import LOSS_TYPES, incident_status, independent_groups
from frontwatch.fuse.summary import covered_span, summarise
from frontwatch.fuse.update import update_incidents

__all__ = [
    "LOSS_TYPES",
    "RECURRING_TYPES",
    "STATE_LEVEL_TYPES",
    "Cluster",
    "Fuser",
    "Mention",
    "actor_dispute",
    "block_key",
    "compatible",
    "conflicts",
    "covered_span",
    "disputed",
    "incident_id",
    "incident_status",
    "independent_groups",
    "is_dateline",
    "km",
    "lasting_ids",
    "live_denials",
    "make_mention",
    "same_place",
    "same_time",
    "summarise",
    "update_incidents",
]
