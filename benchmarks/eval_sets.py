"""End-to-end quality on the evaluation sets in eval/sets (see eval/README.md).

Each set's articles go through the whole pipeline into a fresh SQLite store, are exported, and are
scored by the shared scorer (shared/eval/score.py, run as it is). Prints one line per set with the
scorer's main figures, and with --verbose the scorer's full output (misses and false positives).

usage: python benchmarks/eval_sets.py [SET ...] [--verbose]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "eval" / "sets"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
FIGURES = (
    "boilerplate_removed", "content_kept", "place_accuracy", "event_precision", "event_recall", "event_f1",
    "actor_accuracy", "status_accuracy", "source_accuracy", "date_accuracy", "quantities_accuracy",
    "incident_f1",
)  # fmt: skip
HEADINGS = ("boiler", "kept", "place", "P", "R", "F1", "actor", "status", "source", "date", "qty", "incid")


def score(name: str, verbose: bool) -> dict[str, float]:
    from frontwatch.export import export
    from frontwatch.pipeline import run
    from frontwatch.store import Store

    folder = SETS / name
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/store.db")
        t0 = time.perf_counter()
        run([folder / "articles.jsonl"], store)
        export(store, Path(tmp) / "export")
        seconds = time.perf_counter() - t0
        cmd = [sys.executable, str(SCORER), str(folder / "gold.json"), str(Path(tmp) / "export")]
        result = json.loads(
            subprocess.run([*cmd, "--json"], capture_output=True, text=True, check=True).stdout
        )
        if verbose:
            print(subprocess.run([*cmd, "--verbose"], capture_output=True, text=True, check=True).stdout)
    result["seconds"] = seconds
    return result


def main(argv: list[str]) -> int:
    if not SCORER.exists():
        print(f"skipped: {SCORER} not found")
        return 0
    verbose = "--verbose" in argv
    names = [a for a in argv if not a.startswith("--")] or sorted(
        p.name for p in SETS.iterdir() if p.is_dir()
    )
    print("set  " + " ".join(f"{h:>6s}" for h in HEADINGS) + "  events tp/fp/fn")
    for name in names:
        r = score(name, verbose)
        row = " ".join(f"{r[f]:6.3f}" for f in FIGURES)
        print(f"{name:4s} {row}  {r['events_tp']}/{r['events_fp']}/{r['events_fn']} ({r['seconds']:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
