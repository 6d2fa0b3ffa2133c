"""Exports of the seeds, the evaluation sets A–E and the NYT/Guardian 2022 articles, for checking that a
change which should not alter behaviour (a restructure) leaves every exported file as it was.

Runs the real command line (`frontwatch run ... --export`) on each corpus into a fresh SQLite store, writes
the exports under OUT/<corpus>/, and prints one sha256 per exported file. With --compare BEFORE it prints,
per file, whether it is identical to BEFORE's and, if not, how many lines differ (only counts: the
NYT/Guardian export is compared without being shown). The reserved Guardian rows are left out of the
input, as in benchmarks/scale.py.

usage: python benchmarks/export_snapshot.py OUT [--compare BEFORE] [--only seeds,A,...,nyt]
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _frontwatch_cli import frontwatch
from scale import write_corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = ("A", "B", "C", "D", "E")


def corpora(tmp: Path) -> dict[str, Path]:
    # Inputs are read from fixed paths: each document's `source` names the file it was read from, and two
    # checkouts being compared live in different folders.
    fixed = Path(tempfile.gettempdir()) / "frontwatch-export-snapshot"
    fixed.mkdir(exist_ok=True)
    found = {"seeds": SHARED / "corpus" / "seeds.jsonl"}
    for name in SETS:
        found[name] = fixed / f"{name}.jsonl"
        shutil.copyfile(ROOT / "eval" / "sets" / name / "articles.jsonl", found[name])
    news = SHARED / "data" / "news_nyt_guardian_2022"
    if news.is_dir():
        found["nyt"] = fixed / "nyt.jsonl"
        write_corpus(news, found["nyt"], 1)
    return found


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def differing_lines(a: Path, b: Path) -> int:
    left = a.read_text(encoding="utf-8").splitlines()
    right = b.read_text(encoding="utf-8").splitlines()
    differ = sum(1 for x, y in zip(left, right, strict=False) if x != y)
    return differ + abs(len(left) - len(right))


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("--"):
        print(__doc__)
        return 2
    out = Path(argv[0])
    before = Path(argv[argv.index("--compare") + 1]) if "--compare" in argv else None
    only = set(argv[argv.index("--only") + 1].split(",")) if "--only" in argv else None
    changed = 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name, path in corpora(tmp).items():
            if only and name not in only:
                continue
            target = out / name
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            db = tmp / f"{name}.db"
            cmd = [frontwatch(), "run", str(path), "--db", f"sqlite:///{db}", "--export", str(target)]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{name}: run failed ({done.returncode}): {done.stderr[-500:]}")
                changed += 1
                continue
            for file in sorted(target.iterdir()):
                line = f"{name}/{file.name} {digest(file)}"
                if before is not None:
                    old = before / name / file.name
                    if not old.exists():
                        line += "  NEW"
                        changed += 1
                    elif digest(old) == digest(file):
                        line += "  same"
                    else:
                        line += f"  DIFFERS ({differing_lines(old, file)} lines)"
                        changed += 1
                print(line, flush=True)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
