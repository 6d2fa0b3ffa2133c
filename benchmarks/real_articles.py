"""End-to-end quality on the real-article test bed (eval/real, see its README and docs/ANNOTATION.md).

Builds the scorer's gold file and the JSON Lines input from the stored offsets and ../shared/data in a
temporary folder, runs the whole pipeline as a user would (`frontwatch run INPUT --db ... --export ...`
in a fresh SQLite store), scores the export with the shared scorer (shared/eval/score.py, run as it is),
and prints every metric, articles/s and peak memory of the run.

The dev split is the default. The test split is locked: measure it only at milestones, never tune on it,
and never read its misses or false positives (--verbose is refused for it). The val split judges changes
written from dev before the test split sees them: its aggregate figures only (--verbose is refused too).

usage: python benchmarks/real_articles.py [--split dev|val|test] [--verbose] [--keep DIR]
  --verbose   the scorer's misses and false positives (dev only)
  --keep DIR  keep the built gold, input and export in DIR (outside the repository; dev only)
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval" / "real"))

import realset  # noqa: E402

from _frontwatch_cli import run_and_export  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
LOCKED = """\
*** LOCKED TEST SPLIT ***
Measure it only at milestones and write the date, commit and figures in eval/real/README.md (test log).
No rule, threshold or model choice may be tuned on these figures; misses and false positives stay unread."""


def peak_child_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run(split: str, folder: Path, verbose: bool) -> dict:
    stored = realset.load_split(realset.HERE / f"{split}.json")
    total = len(realset.selection()[split])
    n = len(stored["documents"])
    print(f"{split}: {n} of {total} selected documents annotated")
    if not n:
        return {}
    gold_path, input_path = realset.write_built(stored, folder / "built")
    export = folder / "export"
    seconds = run_and_export(input_path, f"sqlite:///{folder}/store.db", export)
    score = [sys.executable, str(SCORER), str(gold_path), str(export)]
    result = json.loads(subprocess.run([*score, "--json"], capture_output=True, text=True, check=True).stdout)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    events = [e for d in gold["documents"] for e in d["events"]]
    result["gold_core_events"] = sum(not e["optional"] for e in events)
    result["gold_optional_events"] = sum(e["optional"] for e in events)
    result["gold_incidents"] = len(gold["incidents"])
    result["seconds"] = round(seconds, 2)
    result["articles_per_s"] = round(n / seconds, 2)
    result["peak_rss_mb"] = round(peak_child_mb(), 1)
    for k, v in result.items():
        if isinstance(v, list):
            print(f"{k}: {len(v)}")
            if verbose:
                for item in v:
                    print(f"  {item}")
        else:
            print(f"{k}: {v}")
    print("(articles/s and peak memory: the whole `frontwatch run`, spaCy and gazetteer loading included)")
    return result


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "val", "test"), default="dev")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args(argv)
    if not SCORER.exists() or not realset.DATA.exists():
        print(f"skipped: {SCORER} or {realset.DATA} not found")
        return 0
    if args.split == "test":
        print(LOCKED)
    if args.split != "dev" and (args.verbose or args.keep):
        print("error: --verbose and --keep are for the dev split only", file=sys.stderr)
        return 2
    if args.keep:
        keep = args.keep.resolve()
        if keep.is_relative_to(ROOT):
            print(
                f"error: {keep} is inside the repository; built files hold third-party text", file=sys.stderr
            )
            return 2
        if keep.exists():
            shutil.rmtree(keep)
        keep.mkdir(parents=True)
        run(args.split, keep, args.verbose)
        print(f"kept in {keep}")
        return 0
    with tempfile.TemporaryDirectory(prefix="frontwatch-real-") as tmp:
        run(args.split, Path(tmp), args.verbose)
    if args.split == "test":
        print(LOCKED.splitlines()[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
