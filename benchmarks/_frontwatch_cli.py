"""The command line as a user runs it, for the benchmarks that score or compare what it exports."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path


def frontwatch() -> str:
    """The `frontwatch` command of the running interpreter's environment, else the one on PATH."""
    here = Path(sys.executable).with_name("frontwatch")
    return str(here) if here.exists() else (shutil.which("frontwatch") or "frontwatch")


def run_and_export(input_path: Path, db_url: str, export: Path) -> float:
    """`frontwatch run INPUT --db DB --export EXPORT`, its seconds; a failed run ends the benchmark."""
    cmd = [frontwatch(), "run", str(input_path), "--db", db_url, "--export", str(export)]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-2000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"frontwatch run failed with status {done.returncode}")
    return seconds
