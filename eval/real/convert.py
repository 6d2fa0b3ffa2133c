"""Turn annotators' working files (quoted strings) into the stored offsets-only form.

Each working file is checked (every quoted string found, exactly once where its place matters; every
line and sentence labelled; values valid) and its document is written into eval/real/SPLIT.json,
replacing an earlier version of the same document. Any problem stops that file with a message naming
it; nothing is written for it.

usage: python eval/real/convert.py WORKING_FILE.json [...] [--check]   (--check: only check)
"""

from __future__ import annotations

import fcntl
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realset


def convert_file(path: Path) -> tuple[str, dict]:
    try:
        work = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise realset.AnnotationError(f"{path}: cannot be read as JSON: {e}") from None
    record = realset.convert(work, name=str(path))
    split = realset.split_of(record["doc"])
    if split is None:
        raise realset.AnnotationError(f"{path}: {record['doc_id']} is not in eval/real/selection.json")
    return split, record


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")]
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    done: dict[str, list[dict]] = {}
    failed = 0
    for path in paths:
        try:
            split, record = convert_file(path)
        except realset.AnnotationError as e:
            print(f"error: {e}", file=sys.stderr)
            failed += 1
            continue
        done.setdefault(split, []).append(record)
        core = sum(not e["optional"] for e in record["events"])
        typed = sum(bool(s["types"]) for s in record["sentences"])
        print(
            f"{path}: ok, {record['doc_id']} ({split}): {len(record['lines'])} lines, "
            f"{len(record['sentences'])} sentences ({typed} typed), {len(record['places'])} places, "
            f"{core} core + {len(record['events']) - core} optional events"
        )
    if not check:
        order = realset.selection()
        for split, records in done.items():
            target = realset.HERE / f"{split}.json"
            # several annotators may convert at once: read, merge and write under one lock
            with (realset.HERE / f".{split}.lock").open("w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                stored = realset.load_split(target)
                ids = {r["doc_id"] for r in records}
                stored["documents"] = [d for d in stored["documents"] if d["doc_id"] not in ids] + records
                realset.save_split(target, stored, order[split])
            print(f"{target}: {len(stored['documents'])} of {len(order[split])} documents annotated")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
