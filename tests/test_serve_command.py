"""`frontwatch serve` as a user runs it: a real process on a port, stopped by its id."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args: list[str]) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("frontwatch")
    return subprocess.Popen(
        [str(exe), "serve", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_for(url: str, proc: subprocess.Popen) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def stop(proc: subprocess.Popen) -> tuple[str, str]:
    os.kill(proc.pid, signal.SIGINT)
    try:
        return proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()


@pytest.mark.slow
def test_serve_answers_on_localhost_and_warns_for_other_hosts(examples_db: str, tmp_path: Path) -> None:
    port = free_port()
    proc = start(["--db", examples_db, "--port", str(port)])
    try:
        meta = wait_for(f"http://127.0.0.1:{port}/api/v1/meta", proc)
        assert meta.status_code == 200 and meta.json()["counts"]["incidents"] > 0
        page = httpx.get(f"http://127.0.0.1:{port}/")
        assert "default-src 'self'" in page.headers["content-security-policy"]
    finally:
        out, err = stop(proc)
    assert f"http://127.0.0.1:{port}/" in out and "warning" not in err
    port = free_port()
    proc = start(["--db", examples_db, "--host", "0.0.0.0", "--port", str(port)])
    try:
        assert wait_for(f"http://127.0.0.1:{port}/api/v1/meta", proc).status_code == 200
    finally:
        out, err = stop(proc)
    assert "warning" in err and "0.0.0.0" in err
    missing = subprocess.run(
        [str(Path(sys.executable).with_name("frontwatch")), "serve", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2 and "none.db" in missing.stderr
    assert not (tmp_path / "none.db").exists()
