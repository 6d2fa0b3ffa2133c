"""Time for one long single-paragraph document, and peak memory reading a large JSON Lines file.

    python benchmarks/robustness.py                 # 200 KB, 1 MB and 5 MB paragraphs; a 300 MB file
    python benchmarks/robustness.py --sizes 200 1000 --jsonl-mb 50

Each paragraph is built from a few sentences of this script's own, repeated with changing dates and
places, as scraped datasets that flatten an article into one line produce. Work should be linear in the
length: a 1 MB paragraph about five times a 200 KB one. The JSON Lines file is written to a temporary
folder and deleted afterwards; it is read with `read_paths` in a child process whose peak RSS is
reported, once for the file and once for a file of one line, so the difference is what the size costs.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = (
    "On {day} October Russian forces shelled {town} and the regional governor said two people were wounded.",
    "Ukrainian troops said on {day} October they had pushed back an attack near {town}.",
    "Residents of {town} were told to leave before the winter, officials said on Monday.",
    "The General Staff in Kyiv reported fighting around {town} since {day} September.",
    "Power was cut in several districts of {town}, he added.",
)
TOWNS = ("Kupiansk", "Izium", "Lyman", "Bakhmut", "Nikopol", "Kherson", "Vuhledar", "Svatove")


def paragraph(n_bytes: int) -> str:
    parts: list[str] = []
    size = 0
    i = 0
    while size < n_bytes:
        s = SENTENCES[i % len(SENTENCES)].format(day=1 + i % 28, town=TOWNS[i % len(TOWNS)])
        parts.append(s)
        size += len(s) + 1
        i += 1
    return " ".join(parts)[:n_bytes]


def time_paragraphs(sizes_kb: list[int]) -> None:
    from frontwatch.events import nlp
    from frontwatch.pipeline import analyse, build_document, prepare
    from frontwatch.places import gazetteer
    from frontwatch.records import SourceDocument

    nlp.load()
    gazetteer.load()  # loaded once, outside the timings
    print("single-paragraph document: extract, clean, places and events (no store)")
    for kb in sizes_kb:
        text = "Shelling in the east\n\n" + paragraph(kb * 1000)
        t0 = time.perf_counter()
        p = prepare(SourceDocument(f"p{kb}", "bench", text=text), "2022-10-05")
        doc = build_document(p, frozenset())
        places, events = analyse(doc)
        seconds = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"  {kb:>6} KB: {seconds:8.1f} s  ({seconds / kb * 1000:.1f} s per MB)  "
            f"{len(places)} places, {len(events)} events, peak RSS so far {rss:.0f} MB",
            flush=True,
        )


READER = """
import resource, sys
from frontwatch.ingest import read_paths
n = sum(1 for _ in read_paths([sys.argv[1]]))
print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def read_peak(path: Path) -> tuple[int, float]:
    out = subprocess.run(
        [sys.executable, "-c", READER, str(path)], capture_output=True, text=True, check=True
    )
    n, mb = out.stdout.split()
    return int(n), float(mb)


def jsonl_memory(total_mb: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.jsonl"
        one = Path(tmp) / "one.jsonl"
        body = paragraph(3000)
        with path.open("w", encoding="utf-8") as f:
            i = 0
            while f.tell() < total_mb * 1_000_000:
                doc = {"id": f"d{i}", "published": "2022-10-05", "title": f"Report {i}", "text": body}
                f.write(json.dumps(doc) + "\n")
                i += 1
        one.write_text(json.dumps({"id": "d0", "text": body}) + "\n", encoding="utf-8")
        size = path.stat().st_size / 1e6
        t0 = time.perf_counter()
        n, peak = read_peak(path)
        seconds = time.perf_counter() - t0
        _, base = read_peak(one)
        print(f"reading a {size:.0f} MB JSON Lines file ({n} documents) with read_paths:")
        print(f"  peak RSS {peak:.0f} MB (one-line file: {base:.0f} MB), {seconds:.1f} s")
    print("  (the file was deleted)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[200, 1000, 5000], help="paragraph sizes in KB")
    ap.add_argument("--jsonl-mb", type=int, default=300, help="size of the JSON Lines file (0: skip)")
    args = ap.parse_args()
    if args.jsonl_mb:
        jsonl_memory(args.jsonl_mb)
    if args.sizes:
        time_paragraphs(args.sizes)


if __name__ == "__main__":
    main()
