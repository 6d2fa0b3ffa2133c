"""The command line: input escaped for the terminal, clear messages, read commands create nothing."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import write
from frontwatch.cli import app
from frontwatch.store import Store
from test_pipeline import STORY

HOSTILE_ID = "/world/2022/oct/01/\x1b]0;TITLE\x07\x1b[2J\x1b[41m[bold red]kupyansk"


def invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


# -- 3. terminal output -------------------------------------------------------------------------------


@pytest.mark.slow
def test_ids_and_text_from_input_are_printed_literally(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    feed = write(
        tmp_path / "feed.jsonl",
        json.dumps({"id": HOSTILE_ID, "published": "2022-10-01", "text": STORY})
        + "\n"
        + json.dumps({"id": "bad-date", "published": "[/x] \x1b[31m", "text": STORY})
        + "\n",
    )
    ran = invoke("run", feed, "--db", db)
    assert ran.exit_code == 0, ran.output
    assert "\x1b" not in ran.output and "[/x]" in ran.output
    listed = invoke("incidents", "--db", db)
    assert listed.exit_code == 0, listed.output
    assert "\x1b" not in listed.output and "\x07" not in listed.output
    # The id shows as written, its control characters made visible, its brackets kept.
    assert "[/world/" in listed.output and "[bold" in listed.output and "kupyansk]" in listed.output
    assert "\\x1b" in listed.output
    timeline = invoke("timeline", "Kupiansk", "--db", db)
    assert timeline.exit_code == 0, timeline.output
    assert "\x1b" not in timeline.output and "/world/2022/oct/01/" in timeline.output
    odd_place = invoke("timeline", "[/x]", "--db", db)
    assert odd_place.exit_code == 1 and "[/x]" in odd_place.output


# -- 6. skips, missing inputs, bad options, read commands ---------------------------------------------


def test_read_commands_never_create_a_store(tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    for args in (["incidents"], ["timeline", "Lyman"], ["export", str(tmp_path / "out")]):
        result = invoke(*args, "--db", typo)
        assert result.exit_code == 2 and "no store at" in result.output, result.output
    assert not typo.exists()


def test_bad_option_values_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert invoke("run", write(tmp_path / "a.txt", STORY), "--db", db).exit_code == 0
    for args in (
        ["incidents", "--status", "bogus"],
        ["incidents", "--type", "bogus"],
        ["incidents", "--since", "2022-13-45"],
        ["run", tmp_path / "a.txt", "--published", "2022-13-45"],
    ):
        result = invoke(*args, "--db", db)
        assert result.exit_code == 2, (args, result.output)
    assert invoke("incidents", "--status", "single-source", "--type", "capture", "--db", db).exit_code == 0


def test_a_missing_input_next_to_good_ones_fails_the_run_after_reading_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = invoke("run", write(tmp_path / "a.txt", STORY), tmp_path / "nowhere", "--db", db)
    assert result.exit_code == 1
    assert "nowhere: no such file or folder" in result.output and "not found" in result.output
    assert "documents read" in result.output


def test_nothing_in_a_folder_is_skipped_without_a_line(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "real" / "kupyansk.txt", STORY)
    write(root / "notes.md", "# notes")
    write(root / "page.html.gz", gzip.compress(b"<html><body><p>" + STORY.encode() + b"</p></body></html>"))
    write(root / "feed.jsonl.gz", gzip.compress(json.dumps({"id": "f1", "text": STORY}).encode() + b"\n"))
    os.symlink(root / "real", root / "linked")
    os.symlink(root / "gone.txt", root / "dangling.txt")
    os.symlink(root / "loop", root / "loop")
    result = invoke("run", root, "--db", tmp_path / "x.db")
    out = " ".join(result.output.split())
    assert "notes.md: unsupported file type" in out
    assert "dangling.txt: broken link" in out
    assert "loop: broken link" in out
    # A linked folder is read once; the second way to it is named.
    assert "linked: folder already read as" in out
    assert "documents read │ 3" in out, result.output  # real/kupyansk, page and f1


def test_run_on_a_store_another_run_writes_to_says_it_is_busy(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    holder = Store(str(db))
    holder.acquire_writer(wait=0)
    try:
        result = invoke("run", write(tmp_path / "a.txt", STORY), "--db", db, "--wait", "0.3")
        assert result.exit_code == 3
        out = " ".join(result.output.split())
        assert "waiting for another run" in out and "is busy: another run is writing to it" in out
        assert "Traceback" not in result.output
    finally:
        holder.close()
    assert invoke("run", tmp_path / "a.txt", "--db", db).exit_code == 0
