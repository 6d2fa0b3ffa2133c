"""Two writers on one store (SQLite and PostgreSQL), and a run stopped between saving and fusion."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import POSTGRES_URL, write
from frontwatch.export import export
from frontwatch.pipeline import run
from frontwatch.store import Store, StoreBusy, metadata
from test_pipeline import STORY, corpus, read_export

SECOND_REPORT = (
    "Kyiv's troops enter Kupyansk\n\n"
    "Ukrainian soldiers entered Kupyansk in the Kharkiv region on Saturday, the regional governor told "
    "reporters.\n\nHe gave no details.\n"
)
NO_EVENTS = (
    "Weather in Kyiv\n\nIt rained in the capital on Saturday, forecasters said.\n\nMore rain is expected.\n"
)


def test_a_second_writer_waits_then_is_told_the_store_is_busy(store: Store) -> None:
    store.acquire_writer(wait=0)
    other = Store(store.url)
    try:
        with pytest.raises(StoreBusy, match="busy: another run is writing"):
            other.acquire_writer(wait=0.3)
        store.release_writer()
        other.acquire_writer(wait=5)  # free again
    finally:
        other.close()


def _cli_run(folder: Path, url: str) -> subprocess.Popen[str]:
    code = "import sys; from frontwatch.cli import app; sys.argv[0] = 'frontwatch'; app()"
    args = [sys.executable, "-c", code, "run", str(folder), "--db", url, "--published", "2022-10-01"]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_runs_at_once_on_a_new_store_both_finish_and_do_the_work_once(
    tmp_path: Path, backend: str
) -> None:
    folder = corpus(tmp_path)
    if backend == "postgresql":
        if not POSTGRES_URL:
            pytest.skip("FRONTWATCH_TEST_POSTGRES is not set")
        url = POSTGRES_URL
        with Store(url) as s:
            metadata.drop_all(s.engine)  # a new store: both runs race to create its schema
    else:
        url = f"sqlite:///{tmp_path / 'shared.db'}"
    try:
        first, second = _cli_run(folder, url), _cli_run(folder, url)
        results = [p.communicate(timeout=300) for p in (first, second)]
        for p, (_out, err) in zip((first, second), results, strict=True):
            assert p.returncode == 0, err
            assert "Traceback" not in err and "Error" not in err, err
        news = sorted(out.split("new / updated / unchanged")[1].split("│")[1].strip() for out, _ in results)
        assert news == ["0 / 0 / 3", "3 / 0 / 0"]  # the second waited, then found the work done
        with Store(url) as shared:
            export(shared, tmp_path / "together")
            seqs = [seq for _, _, _, seq in shared.fingerprints()]
            assert len(set(seqs)) == len(seqs) == 3
        with Store(f"sqlite:///{tmp_path / 'serial.db'}") as serial:
            run([folder], serial, published="2022-10-01")
            export(serial, tmp_path / "serial")
        assert read_export(tmp_path / "together") == read_export(tmp_path / "serial")
    finally:
        if backend == "postgresql":
            with Store(url) as s:
                metadata.drop_all(s.engine)


def test_a_run_stopped_between_saving_and_fusion_is_fused_right(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt", STORY)
    write(folder / "b.txt", SECOND_REPORT)
    run([folder], store, published="2022-10-01")
    [both] = [i for i in store.incidents() if i.type == "capture"]
    assert both.n_reports == 2
    write(folder / "b.txt", NO_EVENTS)  # b's new version reports nothing

    def stop_after_saving(phase: str, done: int, total: int, doc_id: str) -> None:
        if phase == "analysing" and done == total:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([folder], store, published="2022-10-01", progress=stop_after_saving)
    resumed = run([folder], store, published="2022-10-01")
    assert resumed.unchanged == 2
    [one] = [i for i in store.incidents() if i.type == "capture"]
    assert (one.n_reports, one.status, one.event_ids) == (1, "single-source", ("a:0",))


def test_a_new_store_is_first_opened_under_the_schema_lock(tmp_path: Path) -> None:
    # While another process makes the schema, a second one must wait before it touches the new file: a
    # new SQLite file turns to WAL at its first write, and a connection opened during that was refused.
    from frontwatch.store.locking import schema_lock

    db = tmp_path / "new.db"
    code = (
        "from frontwatch.store import Store\n"
        f"with Store('sqlite:///{db}') as s:\n"
        "    print(s.schema_version())"
    )
    with schema_lock(db):
        opener = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        with contextlib.suppress(subprocess.TimeoutExpired):
            opener.wait(timeout=3)
        assert opener.poll() is None and not db.exists()  # waiting, the file not yet made
    out, _ = opener.communicate(timeout=60)
    assert opener.returncode == 0 and out.strip().isdigit()
