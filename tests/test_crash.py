"""A run killed with SIGKILL at random points, then resumed, exports what an uninterrupted run exports."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from conftest import write
from frontwatch.export import export
from frontwatch.pipeline import run
from frontwatch.store import Store
from test_pipeline import OTHER, STORY, THIRD, corpus, read_export

KILLS = 2


def bigger_corpus(root: Path) -> Path:
    folder = corpus(root)
    towns = ["Izium", "Lyman", "Kupiansk", "Balakliia", "Vovchansk", "Svatove"]
    lines = [
        {"id": f"wire-{i}", "published": f"2022-10-0{i + 2}", "text": text.replace("Kupyansk", town)}
        for i, (town, text) in enumerate(zip(towns, [STORY, OTHER, THIRD, STORY, OTHER, STORY], strict=True))
    ]
    write(folder / "wire.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    return folder


def stored_documents(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()


@pytest.mark.slow
def test_runs_killed_at_random_points_resume_to_the_same_export(tmp_path: Path) -> None:
    seed = int(os.environ.get("FRONTWATCH_KILL_SEED", time.time_ns() % 10**6))
    rng = random.Random(seed)
    folder = bigger_corpus(tmp_path)
    with Store(f"sqlite:///{tmp_path / 'reference.db'}") as reference:
        total = run([folder], reference, published="2022-10-01").processed
        export(reference, tmp_path / "reference")

    db = tmp_path / "killed.db"
    code = "import sys; from frontwatch.cli import app; sys.argv[0] = 'frontwatch'; app()"
    args = [sys.executable, "-c", code, "run", str(folder), "--db", str(db), "--published", "2022-10-01"]
    history = []
    for _ in range(KILLS):
        # A random point: once a random number of documents is stored (all of them: during fusion),
        # then a random moment more.
        target, extra = rng.randint(stored_documents(db), total), rng.uniform(0, 0.3)
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and stored_documents(db) < target:
            time.sleep(0.02)
        time.sleep(extra)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        history.append((target, round(extra, 2), stored_documents(db), "killed" if killed else "finished"))

    with Store(f"sqlite:///{db}") as resumed:
        run([folder], resumed, published="2022-10-01")
        export(resumed, tmp_path / "resumed")
        with resumed.engine.connect() as conn:
            assert conn.execute(sa.text("PRAGMA integrity_check")).scalar() == "ok"
    assert read_export(tmp_path / "resumed") == read_export(tmp_path / "reference"), (seed, history)
