"""Events on pages that are not about the war: the general-news pages of the article extraction benchmark
(../shared/data/article_extraction_benchmark/html, 181 pages of every kind of news). None of them should
yield an event.

Runs `frontwatch run PAGES --db ... --export ...` into a fresh SQLite store as a user would, then prints the
events exported, the pages that have any, the documents the off-topic gate set aside (the stored documents
scored again by the shipped gate, as the run scored them) and the speed. Third-party text, for measuring
only: nothing here may be tuned to its words.

usage: python benchmarks/offtopic_pages.py [--verbose]
  --verbose   each page with events: its id, and the type and trigger of each event
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from _frontwatch_cli import run_and_export

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "data" / "article_extraction_benchmark" / "html"


def set_aside(db: str) -> int:
    from frontwatch.pipeline import set_aside
    from frontwatch.store import Store

    store = Store(db)
    loaded = (store.load_document(doc_id) for doc_id in store.all_document_ids())
    return sum(1 for item in loaded if item is not None and set_aside(item[0], item[2]))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not PAGES.exists():
        print(f"skipped: {PAGES} not found")
        return 0
    pages = sorted(PAGES.glob("*.html.gz"))
    with tempfile.TemporaryDirectory(prefix="frontwatch-offtopic-") as tmp:
        db, export = f"sqlite:///{tmp}/store.db", Path(tmp) / "export"
        seconds = run_and_export(PAGES, db, export)
        lines = (export / "events.jsonl").read_text("utf-8").splitlines()
        events = [json.loads(line) for line in lines if line.strip()]
        documents = sum(1 for line in (export / "documents.jsonl").open(encoding="utf-8") if line.strip())
        gated = set_aside(db)
    per_page = Counter(e["doc_id"] for e in events)
    print(f"pages: {len(pages)} read, {documents} stored")
    print(f"events: {len(events)}")
    print(f"pages with events: {len(per_page)}")
    print(f"documents set aside as off-topic: {gated}")
    print(
        f"seconds: {seconds:.1f} ({len(pages) / seconds:.2f} pages/s, spaCy and gazetteer loading included)"
    )
    if args.verbose:
        for doc_id, n in sorted(per_page.items()):
            told = ", ".join(f"{e['type']}:{e.get('trigger')}" for e in events if e["doc_id"] == doc_id)
            print(f"  {doc_id[:16]} {n}: {told}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
