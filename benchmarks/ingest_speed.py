"""Speed and memory of ingest + clean: read, prepare (extract, rule-clean, MinHash), corpus-repeated lines,
build_document (clean again with corpus evidence, language detection).

Two inputs, written to a temporary folder at run time: the NYT/Guardian 2022 news CSVs as JSON Lines,
and 50 pages of the article-extraction benchmark as .html files.
"""

from __future__ import annotations

import csv
import gzip
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from frontwatch.clean import language
from frontwatch.ingest import read_paths
from frontwatch.pipeline import build_document, corpus_repeated, prepare
from frontwatch.records import Document, SourceDocument

DATA = Path("/work/shared/data")
NEWS = DATA / "news_nyt_guardian_2022"
PAGES = DATA / "article_extraction_benchmark"
HTML_PAGES = 50


def write_news(folder: Path) -> Path:
    csv.field_size_limit(sys.maxsize)  # article bodies exceed the csv module's default field limit
    out = folder / "news.jsonl"
    with out.open("w", encoding="utf-8") as sink:
        for path in sorted(NEWS.glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as f:
                for i, row in enumerate(csv.DictReader(f), start=1):
                    record = {
                        "id": f"{path.stem}-{i}",
                        "published": row["published"],
                        "title": row["headlines"],
                    }
                    sink.write(json.dumps({**record, "text": row["articles"]}) + "\n")
    return out


def write_pages(folder: Path) -> Path:
    out = folder / "pages"
    out.mkdir()
    for path in sorted((PAGES / "html").glob("*.html.gz"))[:HTML_PAGES]:
        (out / path.name.removesuffix(".gz")).write_bytes(gzip.decompress(path.read_bytes()))
    return out


def ingest(path: Path) -> list[Document]:
    sources = [s for s in read_paths([path]) if isinstance(s, SourceDocument)]
    prepared = [prepare(s) for s in sources]
    repeated = corpus_repeated(prepared)
    return [build_document(p, repeated) for p in prepared]


def measure(label: str, path: Path) -> None:
    start = time.perf_counter()
    docs = ingest(path)
    seconds = time.perf_counter() - start
    words = sum(len(d.text.split()) for d in docs)
    # A second, traced run for the peak of Python allocations (tracing slows the run, so it is not timed).
    tracemalloc.start()
    ingest(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"{label:<6} {len(docs):5d} docs  {seconds:6.2f} s  {len(docs) / seconds:8.1f} docs/s  "
        f"{words / seconds:9.0f} words/s  peak traced {peak / 2**20:6.1f} MiB"
    )


def main() -> int:
    if not NEWS.is_dir() or not PAGES.is_dir():
        print(f"skipped: benchmark data not found under {DATA}")
        return 0
    language.detect("warm up the language model once, outside the timings")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        measure("jsonl", write_news(folder))
        measure("html", write_pages(folder))
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"process peak RSS {max_rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
