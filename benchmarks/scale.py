"""Throughput of `frontwatch run` on 1 and 2 local workers and on a 2-worker local Dask cluster.

Reads the NYT and Guardian 2022 Russia-Ukraine articles (shared/data/news_nyt_guardian_2022, CSV columns
published,headlines,articles) at run time into a temporary JSON Lines file, leaving out the reserved
Guardian rows (and their neighbours, whatever the numbering), then runs the real command line, end to
end (start-up, model loading, reading, analysis, store, fusion), once per configuration on a fresh
SQLite store, on the articles and on five copies of them (distinct ids) for a longer run. Prints, for
each run: articles/s, wall time, peak memory (the sum of resident memory over the command and every
process it starts, sampled every 0.1 s), CPU milliseconds per article (user + system, all processes),
then the speed-up ratios, and checks that every configuration exported the same files.

usage: python benchmarks/scale.py [DATA_DIR] [--quick] [--workers N]
  --quick      only the articles once, not the five-copy run
  --workers N  the parallel runs use N workers (default 2)
"""

from __future__ import annotations

import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "news_nyt_guardian_2022"
RESERVED_GUARDIAN_ROWS = (12, 30, 35, 39, 55, 65, 114, 134)
EXPORTED = ("documents", "places", "events", "incidents", "timeline")


def reserved_indices() -> set[int]:
    """0-based data-row indices to leave out: r-2, r-1 and r for each reserved row, so that neither a
    1-based nor a header-counting numbering lets a reserved article in."""
    return {r - d for r in RESERVED_GUARDIAN_ROWS for d in (0, 1, 2)}


def write_corpus(folder: Path, out: Path, copies: int) -> int:
    csv.field_size_limit(10**9)
    skip = reserved_indices()
    rows: list[dict[str, str | None]] = []
    for path in sorted(folder.glob("*.csv")):
        guardian = "guardian" in path.stem.lower()
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if guardian and i in skip:
                    continue
                text = (row.get("articles") or "").strip()
                if text:
                    published = (row.get("published") or "").replace("/", "-")[:10] or None
                    rows.append(
                        {
                            "id": f"{path.stem}-{i}",
                            "published": published,
                            "title": row.get("headlines"),
                            "text": text,
                        }
                    )
    with out.open("w", encoding="utf-8") as fh:
        for copy in range(copies):
            for row in rows:
                fh.write(
                    json.dumps({**row, "id": f"{row['id']}-c{copy}" if copies > 1 else row["id"]}) + "\n"
                )
    return len(rows) * copies


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ppid, pages = int(fields[1]), int(fields[21])
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total * os.sysconf("SC_PAGE_SIZE") / 1e6


@dataclass
class Result:
    name: str
    articles: int
    wall_s: float
    peak_mb: float
    cpu_s: float
    export: dict[str, bytes]

    @property
    def rate(self) -> float:
        return self.articles / self.wall_s


def run_once(name: str, corpus: Path, articles: int, tmp: Path, args: list[str]) -> Result:
    db, out = tmp / f"{name}.db", tmp / f"{name}-export"
    command = [sys.executable, "-c", "from frontwatch.cli import app; app()", "run", str(corpus)]
    command += ["--db", f"sqlite:///{db}"]
    command += ["--export", str(out), *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed ({proc.returncode}):\n{output[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    export = {n: (out / f"{n}.jsonl").read_bytes() for n in EXPORTED}
    return Result(name, articles, wall, peak, cpu, export)


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    workers = int(argv[argv.index("--workers") + 1]) if "--workers" in argv else 2
    args = [
        a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--workers")
    ]
    folder = Path(args[0]) if args else DEFAULT
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return 0
    print(
        f"cores: {os.cpu_count()} (usable {len(os.sched_getaffinity(0))}); load average at start: "
        + " ".join(f"{x:.2f}" for x in os.getloadavg())
    )
    configs = [
        ("local-1", ["--workers", "1"]),
        (f"local-{workers}", ["--workers", str(workers)]),
        (f"dask-{workers}", ["--engine", "dask", "--workers", str(workers)]),
    ]
    results: dict[tuple[int, str], Result] = {}
    with tempfile.TemporaryDirectory(prefix="frontwatch-scale-") as name:
        tmp = Path(name)
        for copies in (1,) if quick else (1, 5):
            corpus = tmp / f"articles-x{copies}.jsonl"
            n = write_corpus(folder, corpus, copies)
            print(f"\n{n} articles (x{copies})")
            print(f"{'run':<10} {'articles/s':>10} {'wall s':>8} {'peak MB':>8} {'CPU ms/article':>15}")
            for label, extra in configs:
                r = run_once(f"{label}-x{copies}", corpus, n, tmp, extra)
                results[copies, label] = r
                print(
                    f"{label:<10} {r.rate:>10.1f} {r.wall_s:>8.1f} {r.peak_mb:>8.0f} "
                    f"{1000 * r.cpu_s / n:>15.1f}",
                    flush=True,
                )
            base = results[copies, "local-1"]
            local, dask = results[copies, f"local-{workers}"], results[copies, f"dask-{workers}"]
            print(f"speed-up local-{workers} / local-1: {local.rate / base.rate:.2f}x")
            print(f"speed-up dask-{workers} / local-1: {dask.rate / base.rate:.2f}x")
            print(f"dask-{workers} / local-{workers}: {dask.rate / local.rate:.2f} of its articles/s")
            same = all(results[copies, label].export == base.export for label, _ in configs)
            print(f"identical exports: {'yes' if same else 'NO'}")
    print("load average at end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
