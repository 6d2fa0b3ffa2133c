"""Write the export contract: JSON Lines files for everything in the store."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from frontwatch import timeline
from frontwatch.store import Store


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    tmp = path.with_suffix(path.suffix + ".tmp")
    n = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False))
            fh.write("\n")
            n += 1
    os.replace(tmp, path)  # readers never see a half-written file
    return n


def export(store: Store, out_dir: Path | str) -> dict[str, int]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {
        "documents": _write_jsonl(out / "documents.jsonl", (d.to_dict() for d in store.documents())),
        "places": _write_jsonl(out / "places.jsonl", (p.to_dict() for p in store.place_mentions())),
        "events": _write_jsonl(out / "events.jsonl", (e.to_dict() for e in store.events())),
        "incidents": _write_jsonl(out / "incidents.jsonl", (i.to_dict() for i in store.incidents())),
        "timeline": _write_jsonl(out / "timeline.jsonl", (c.to_dict() for c in timeline.all_changes(store))),
        "errors": _write_jsonl(out / "errors.jsonl", store.errors()),
    }
    return counts
