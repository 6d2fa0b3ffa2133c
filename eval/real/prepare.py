"""Start a working file for one selected document (see docs/ANNOTATION.md and eval/real/README.md).

Writes WORKDIR/SPLIT/DOC_ID.json, a working file that lists every non-blank line of the document and the
sentences inside it, nothing labelled yet, and WORKDIR/SPLIT/DOC_ID.txt, the document's text to read.
Never overwrites a working file unless --force is given.

usage: python eval/real/prepare.py DOC_ID [DOC_ID ...] [--workdir DIR] [--force]
  --workdir   default: annot-work beside the checkout (outside the repository: working files quote text)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realset

WORKDIR = Path(__file__).resolve().parents[3] / "annot-work"


def selected() -> dict[str, tuple[str, dict]]:
    return {realset.doc_id_for(k): (split, k) for split, keys in realset.selection().items() for k in keys}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("doc_ids", nargs="+")
    ap.add_argument("--workdir", type=Path, default=WORKDIR)
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args(argv)
    chosen, status = selected(), 0
    for doc_id in args.doc_ids:
        if doc_id not in chosen:
            print(f"{doc_id}: not in eval/real/selection.json", file=sys.stderr)
            status = 1
            continue
        split, key = chosen[doc_id]
        doc = realset.load_document(key)
        folder = args.workdir / split
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{doc_id}.json"
        if path.exists() and not args.force:
            print(f"{path}: exists, left as it is (--force to start again)", file=sys.stderr)
            status = 1
            continue
        work = realset.skeleton(doc)
        work["split"] = split
        path.write_text(json.dumps(work, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        header = f"# {doc_id} ({split}) published {doc.published or 'unknown'}\n# title: {doc.title or '-'}\n"
        (folder / f"{doc_id}.txt").write_text(header + doc.text + "\n", encoding="utf-8")
        print(f"{path}: {len(work['lines'])} lines to label")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
