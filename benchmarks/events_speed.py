"""Speed of the event stage against a bare spaCy pass over the same articles.

Reads the NYT and Guardian 2022 Russia-Ukraine articles (shared/data/news_nyt_guardian_2022, CSV columns
published,headlines,articles) and prints articles/second of
  1. a bare full spaCy pass (the whole en_core_web_sm pipeline on every article),
  2. frontwatch's event stage (extract_events: rule split, pre-filter, parse of selected sentences),
  3. places + events (find_places then extract_events), what the pipeline runs per document,
their ratios, the share of sentences parsed, and peak memory (max RSS).

usage: python benchmarks/events_speed.py [DATA_DIR] [--limit N]
"""

from __future__ import annotations

import csv
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "news_nyt_guardian_2022"


def read_articles(folder: Path, limit: int | None) -> list[tuple[str, str, str]]:
    csv.field_size_limit(10**9)
    rows: list[tuple[str, str, str]] = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                text = (row.get("articles") or "").strip()
                if text:
                    published = (row.get("published") or "").replace("/", "-")[:10] or None
                    rows.append((f"{path.stem}:{i}", published, text))
    return rows[:limit] if limit else rows


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    if limit is not None:
        args = [a for a in args if a != str(limit)]
    folder = Path(args[0]) if args else DEFAULT
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return 0
    import spacy

    from frontwatch.events import extract_events, nlp
    from frontwatch.places import find_places
    from frontwatch.records import Document

    articles = read_articles(folder, limit)
    words = sum(len(t.split()) for _, _, t in articles)
    print(f"{len(articles)} articles, {words} words")

    full = spacy.load(nlp.MODEL)
    nlp.load()
    find_places("warmup", "Troops left Kharkiv.")  # build or read the gazetteer before timing
    mem_models = peak_mb()

    t0 = time.perf_counter()
    for _ in full.pipe((t for _, _, t in articles), batch_size=16):
        pass
    bare = time.perf_counter() - t0

    docs = [Document(i, "bench", None, t, "", published=p) for i, p, t in articles]
    place_lists = [find_places(d.doc_id, d.text) for d in docs]
    t0 = time.perf_counter()
    n_events = sum(len(extract_events(d, pl)) for d, pl in zip(docs, place_lists, strict=True))
    events_only = time.perf_counter() - t0

    t0 = time.perf_counter()
    for d in docs:
        extract_events(d, find_places(d.doc_id, d.text))
    both = time.perf_counter() - t0

    sents = [s for d in docs for s in nlp.split_sentences(d.text)]
    selected = sum(1 for s in sents if not s.heading and nlp.prefilter(s.text))

    n = len(articles)
    print(f"bare spaCy full pass:   {n / bare:8.1f} articles/s  ({words / bare:8.0f} words/s)")
    print(f"events stage:           {n / events_only:8.1f} articles/s  ratio {bare / events_only:5.1f}x")
    print(f"places + events:        {n / both:8.1f} articles/s  ratio {bare / both:5.1f}x")
    print(f"sentences parsed:       {selected}/{len(sents)} ({selected / max(1, len(sents)):.0%})")
    print(f"events found:           {n_events}")
    print(f"peak memory (max RSS):  {peak_mb():.0f} MB (after loading models: {mem_models:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
