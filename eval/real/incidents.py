"""List the incident keys of a split's stored annotations, to reconcile keys across documents.

Prints each key with its events (document, event id, types, places, dates) and flags keys that look like
one real event under two names: the same type and place with dates that overlap. Prints no article text.

usage: python eval/real/incidents.py [SPLIT]     (dev by default)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realset


def main(argv: list[str]) -> int:
    split = argv[0] if argv else "dev"
    stored = realset.load_split(realset.HERE / f"{split}.json")
    keys: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for doc in stored["documents"]:
        for ev in doc["events"]:
            keys[ev.get("incident") or "(none)"].append((doc["doc_id"], ev))
    for key in sorted(keys):
        events = keys[key]
        docs = {d for d, _ in events}
        print(f"{key}: {len(events)} events in {len(docs)} documents")
        for doc_id, ev in events:
            date = ev["date"]["start"] + ".." + ev["date"]["end"] if ev["date"] else "-"
            kind = "optional" if ev["optional"] else "core"
            places = " ".join(p if isinstance(p, str) else f"{p['kind']}:{p['name']}" for p in ev["places"])
            print(f"  {doc_id}-{ev['id']} {kind} {'/'.join(ev['types'])} {places} {date}")
    named = [k for k in keys if k != "(none)"]
    for i, a in enumerate(named):
        for b in named[i + 1 :]:
            ta, pa = a.split("-")[:2]
            tb, pb = b.split("-")[:2]
            if ta == tb and pa == pb and pa != "none":
                print(f"check: {a} and {b} have the same type and place")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
