"""The chunked pipeline over local processes and Dask gives the store a serial run gives."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, write
from frontwatch.cli import app
from frontwatch.export import export
from frontwatch.pipeline import run
from frontwatch.scale import LocalPool
from frontwatch.store import Store

pytestmark = pytest.mark.slow

EXPORTED = ("documents", "places", "events", "incidents", "timeline")

TOWNS = ["Izium", "Kupiansk", "Lyman", "Bakhmut", "Kherson", "Nikopol", "Vuhledar", "Balakliia"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
BODIES = [
    "Ukrainian troops entered {town} on {day} after a week of fighting, the General Staff in Kyiv said.\n\n"
    "Residents described columns of armoured vehicles moving through the centre of {town}.",
    "Russian artillery shelled {town} overnight into {day}, wounding {n} people, the regional governor "
    "said on Telegram.\n\nSeveral houses and a school were damaged, he added.",
    "The Russian Defence Ministry said on {day} that its units had withdrawn from {town} to regroup.\n\n"
    "Ukrainian officials did not immediately confirm the withdrawal.",
]
HEADER = "The Frontline Courier | independent reporting from the east"
FOOTER = "Share this story with your friends and colleagues"
# Neutral words for a paragraph of its own in every document, so that documents from one template are
# not near-duplicates of each other.
FILLER = [
    "market",
    "bakery",
    "winter",
    "river",
    "bridge",
    "tram",
    "station",
    "library",
    "morning",
    "harvest",
    "orchard",
    "teacher",
    "bus",
    "ferry",
    "garden",
    "roof",
    "window",
    "street",
    "square",
    "clinic",
    "pharmacy",
    "mayor",
    "council",
    "budget",
    "water",
    "heating",
    "pipes",
    "road",
    "field",
    "wheat",
    "sunflower",
    "tractor",
    "village",
    "kiosk",
    "bench",
    "park",
    "stadium",
    "museum",
    "choir",
    "concert",
    "notebook",
]


def generated_corpus(root: Path, n: int = 14) -> Path:
    """Documents from templates: a masthead and a share line repeated at their edges, one syndicated
    copy, a file with bad lines and a plain-text document."""
    lines = []
    for i in range(n):
        town, day = TOWNS[i % len(TOWNS)], DAYS[i % len(DAYS)]
        body = BODIES[i % len(BODIES)].format(town=town, day=day, n=2 + i)
        filler = " ".join(random.Random(i).sample(FILLER, 30)).capitalize() + "."
        text = f"{HEADER}\n\n{body}\n\n{filler}\n\n{FOOTER}"
        title = f"News from {town}, report {i}"
        row = {"id": f"gen-{i:02d}", "published": f"2022-09-{10 + i:02d}", "title": title, "text": text}
        lines.append(json.dumps(row))
    copy = json.loads(lines[1])
    copy.update(id="gen-copy", text=copy["text"] + "\n\nThis report was shared by a partner agency.")
    lines.insert(5, json.dumps(copy))
    lines.insert(3, "{not json")
    lines.insert(8, json.dumps({"id": "gen-empty", "text": "   "}))
    write(root / "corpus" / "gen.jsonl", "\n".join(lines) + "\n")
    write(
        root / "corpus" / "orikhiv.txt",
        "Strikes on Orikhiv\n\nRussian forces struck Orikhiv with drones on Sunday, the Zaporizhzhia "
        "regional administration said, and two people were hurt.\n",
    )
    return root / "corpus"


def exported(store: Store, out: Path) -> dict[str, str]:
    export(store, out)
    return {name: (out / f"{name}.jsonl").read_text(encoding="utf-8") for name in EXPORTED}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_corpus(tmp_path_factory.mktemp("gen"))


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("serial")
    with Store(f"sqlite:///{tmp / 'serial.db'}") as store:
        summary = run([corpus], store, chunk_size=2)
        assert len(summary.errors) == 2  # the bad line and the empty document
        return exported(store, tmp / "out")


@pytest.fixture(scope="module")
def pool():
    with LocalPool(2) as p:
        yield p


def test_the_generated_corpus_exercises_corpus_evidence(serial: dict[str, str]) -> None:
    docs = [json.loads(x) for x in serial["documents"].splitlines()]
    repeated = [d for d in docs if any(r["rule"] == "corpus-repeated" for r in d["removed"])]
    # Found across chunks of two documents: the evidence comes from the whole input.
    assert len(repeated) >= 10
    assert all(HEADER not in d["text"] and FOOTER not in d["text"] for d in repeated)
    assert {d["doc_id"]: d["duplicate_of"] for d in docs}["gen-copy"] == "gen-01"
    assert serial["events"] and serial["incidents"]


@pytest.mark.parametrize("chunk_size", [1, 3])
def test_two_local_workers_store_what_one_does(
    corpus: Path, serial: dict[str, str], pool: LocalPool, tmp_path: Path, chunk_size: int
) -> None:
    with Store(f"sqlite:///{tmp_path / 'pool.db'}") as store:
        summary = run([corpus], store, engine=pool, chunk_size=chunk_size)
        assert (summary.new, len(summary.errors)) == (16, 2)
        assert len(pool.worker_pids()) == 2  # the work really went to the processes
        assert exported(store, tmp_path / "out") == serial
        again = run([corpus], store, engine=pool, chunk_size=chunk_size)
        assert (again.new, again.updated, again.unchanged) == (0, 0, 16)
        assert exported(store, tmp_path / "out2") == serial


def test_workers_two_equals_workers_one_on_the_examples(tmp_path: Path) -> None:
    runner = CliRunner()
    outs = {}
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        result = runner.invoke(
            app,
            [
                "run",
                str(ROOT / "examples"),
                "--db",
                f"sqlite:///{tmp_path / f'w{workers}.db'}",
                "--export",
                str(out),
                "--workers",
                str(workers),
                "--chunk-size",
                "1",
            ],
        )
        assert result.exit_code == 0, result.output
        outs[workers] = {name: (out / f"{name}.jsonl").read_bytes() for name in EXPORTED}
    assert outs[1] == outs[2]
    assert outs[1]["events"].count(b"\n") >= 3


dask = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def dask_engine():
    from frontwatch.scale.cluster import DaskEngine

    with DaskEngine(workers=2) as engine:
        yield engine


def test_a_local_dask_cluster_stores_what_a_serial_run_does(
    corpus: Path, serial: dict[str, str], dask_engine, tmp_path: Path
) -> None:
    assert len(dask_engine.worker_pids()) == 2
    with Store(f"sqlite:///{tmp_path / 'dask.db'}") as store:
        summary = run([corpus], store, engine=dask_engine, chunk_size=2)
        assert (summary.new, len(summary.errors)) == (16, 2)
        assert exported(store, tmp_path / "out") == serial


def test_local_dask_workers_leave_glibc_its_own_memory_thresholds(dask_engine) -> None:
    import os

    # The nanny's default would set it in every worker it starts (see LOCAL_SETTINGS).
    seen = dask_engine.client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_")
    assert len(seen) == 2 and set(seen.values()) == {None}


def test_a_worker_killed_mid_job_loses_and_duplicates_nothing(
    corpus: Path, serial: dict[str, str], dask_engine, tmp_path: Path
) -> None:
    before = dask_engine.worker_pids()
    victim = sorted(before.values())[0]

    def kill_one(phase: str, done: int, total: int | None, doc_id: str) -> None:
        if phase == "analysing" and done == 3:
            os.kill(victim, signal.SIGKILL)  # the chunks queued on it or running there are lost with it

    with Store(f"sqlite:///{tmp_path / 'kill.db'}") as store:
        summary = run([corpus], store, engine=dask_engine, chunk_size=1, progress=kill_one)
        assert (summary.new, len(summary.errors)) == (16, 2)
        assert exported(store, tmp_path / "out") == serial
    dask_engine.client.wait_for_workers(2, timeout=120)
    after = dask_engine.worker_pids()
    assert victim not in after.values()  # the nanny started a new worker in its place


def test_a_local_worker_killed_mid_job_loses_and_duplicates_nothing(
    corpus: Path, serial: dict[str, str], pool: LocalPool, tmp_path: Path
) -> None:
    killed: list[int] = []

    def kill_one(phase: str, done: int, total: int | None, doc_id: str) -> None:
        if phase == "analysing" and done == 3 and not killed:
            killed.append(pool.worker_pids()[0])
            os.kill(killed[0], signal.SIGKILL)  # breaks the pool; its unfinished chunks run again

    with Store(f"sqlite:///{tmp_path / 'kill.db'}") as store:
        summary = run([corpus], store, engine=pool, chunk_size=1, progress=kill_one)
        assert killed and killed[0] not in pool.worker_pids()
        assert (summary.new, len(summary.errors)) == (16, 2)
        assert exported(store, tmp_path / "out") == serial


def hold_a_pool(conn) -> None:
    """In a child process: start a pool of two workers, say their pids, and wait to be killed."""
    pool = LocalPool(2)
    for _ in range(2):
        pool._started().submit(os.getpid)
    conn.send(pool.worker_pids())
    time.sleep(600)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_workers_leave_when_their_parent_is_killed() -> None:
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    holder = context.Process(target=hold_a_pool, args=(theirs,))
    holder.start()
    try:
        assert ours.poll(120)
        workers = ours.recv()
        assert len(workers) == 2 and all(alive(pid) for pid in workers)
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.join()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)
