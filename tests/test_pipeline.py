from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import write
from frontwatch.cli import app
from frontwatch.export import export
from frontwatch.pipeline import run
from frontwatch.store import Store

STORY = (
    "Ukrainian forces retake Kupyansk\n\n"
    "Ukrainian troops have entered Kupyansk, the rail hub used by Moscow's troops in the Kharkiv region, "
    "officials in Kyiv said on Saturday after a week of fighting.\n\n"
    "The Russian Defence Ministry said its units had been regrouped to the east of the Oskil river.\n\n"
    "Leave a Reply\n\nYour email address will not be published.\n"
)
OTHER = (
    "Shelling in Nikopol\n\n"
    "Russian forces shelled Nikopol from across the Dnipro overnight, wounding three people, "
    "the regional governor said on Telegram on Sunday morning.\n\n"
    "Power was cut in several districts of the town, he added.\n"
)
THIRD = (
    "Evacuation ordered in Vuhledar\n\n"
    "Authorities in the Donetsk region urged the remaining residents of Vuhledar to leave, "
    "citing constant artillery fire on the town over the past week.\n"
)


def corpus(root: Path) -> Path:
    write(root / "in" / "kupyansk.txt", STORY)
    write(root / "in" / "nikopol.txt", OTHER)
    write(
        root / "in" / "feed.jsonl",
        json.dumps({"id": "vuhledar", "published": "2022-10-02", "text": THIRD}) + "\n",
    )
    return root / "in"


def read_export(out: Path) -> dict[str, str]:
    return {
        name: (out / f"{name}.jsonl").read_text(encoding="utf-8")
        for name in ("documents", "places", "events", "incidents")
    }


def test_second_run_adds_nothing_and_exports_the_same_rows(tmp_path: Path, store: Store) -> None:
    folder = corpus(tmp_path)
    first = run([folder], store, published="2022-10-01")
    assert (first.new, first.unchanged, len(first.errors)) == (3, 0, 0)
    export(store, tmp_path / "x1")
    second = run([folder], store, published="2022-10-01")
    assert (second.new, second.updated, second.unchanged) == (0, 0, 3)
    export(store, tmp_path / "x2")
    assert read_export(tmp_path / "x1") == read_export(tmp_path / "x2")


def test_a_changed_document_replaces_its_own_rows(tmp_path: Path, store: Store) -> None:
    folder = corpus(tmp_path)
    run([folder], store)
    write(folder / "nikopol.txt", OTHER.replace("three people", "five people"))
    summary = run([folder], store)
    assert (summary.new, summary.updated, summary.unchanged) == (0, 1, 2)
    docs = {d.doc_id: d for d in store.documents()}
    assert len(docs) == 3 and "five people" in docs["nikopol"].text


def test_an_interrupted_run_is_resumed(tmp_path: Path, store: Store) -> None:
    folder = corpus(tmp_path)

    def crash(phase: str, done: int, total: int, doc_id: str) -> None:
        if phase == "analysing" and done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([folder], store, progress=crash)
    assert store.count("documents") == 2
    summary = run([folder], store)
    assert (summary.new, summary.unchanged) == (1, 2)
    assert store.count("documents") == 3


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path: Path, store: Store) -> None:
    folder = corpus(tmp_path)
    write(folder / "empty.txt", "")
    write(folder / "broken.jsonl", '{"id": "x", "text": "ok"\n')
    summary = run([folder], store)
    assert summary.new == 3
    reasons = sorted(e.reason for e in summary.errors)
    assert reasons[0] == "empty file" and "malformed JSON" in reasons[1]
    assert len(store.errors()) == 2


def test_syndicated_copy_points_at_the_earlier_original(tmp_path: Path, store: Store) -> None:
    body = STORY.split("\n\n", 1)[1]
    lines = [
        {"id": "original", "published": "2022-09-10", "title": "Kupyansk retaken", "text": body},
        {
            "id": "copy",
            "published": "2022-09-11",
            "title": "Ukraine retakes Kupyansk",
            "text": body + "\nShare this:\n",
        },
        {"id": "unrelated", "published": "2022-09-11", "text": OTHER},
    ]
    feed = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(x) for x in lines))
    summary = run([feed], store)
    assert summary.duplicates == 1
    assert {d.doc_id: d.duplicate_of for d in store.documents()} == {
        "copy": "original",
        "original": None,
        "unrelated": None,
    }


def test_export_rows_follow_the_contract(tmp_path: Path, store: Store) -> None:
    run([corpus(tmp_path)], store, published="2022-10-01")
    export(store, tmp_path / "x")
    docs = [json.loads(x) for x in (tmp_path / "x" / "documents.jsonl").read_text().splitlines()]
    assert {"doc_id", "title", "published", "language", "text", "duplicate_of"} <= set(docs[0])
    by_id = {d["doc_id"]: d for d in docs}
    assert by_id["kupyansk"]["title"] == "Ukrainian forces retake Kupyansk"
    assert by_id["kupyansk"]["language"] == "en"
    assert by_id["kupyansk"]["published"] == "2022-10-01"
    assert by_id["vuhledar"]["published"] == "2022-10-02"
    assert "Leave a Reply" not in by_id["kupyansk"]["text"]
    assert {"line": "Leave a Reply", "rule": "comment-form"} in by_id["kupyansk"]["removed"]
    for name in ("places", "events", "incidents"):
        assert (tmp_path / "x" / f"{name}.jsonl").exists()


def test_cli_exit_codes_and_summary(tmp_path: Path) -> None:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    folder = corpus(tmp_path)
    write(folder / "empty.txt", "")
    ok = runner.invoke(
        app, ["run", str(folder), "--db", db, "--export", str(tmp_path / "x"), "--published", "2022-10-01"]
    )
    assert ok.exit_code == 0, ok.output
    assert "documents read" in ok.output and "empty.txt: empty file" in ok.output
    assert (tmp_path / "x" / "events.jsonl").exists()
    nothing = runner.invoke(app, ["run", str(write(tmp_path / "only.txt", "")), "--db", db])
    assert nothing.exit_code == 1
    bad_date = runner.invoke(app, ["run", str(folder), "--db", db, "--published", "10/01/2022"])
    assert bad_date.exit_code == 2
    again = runner.invoke(app, ["export", str(tmp_path / "y"), "--db", db])
    assert again.exit_code == 0
    assert (tmp_path / "y" / "documents.jsonl").read_text() == (
        tmp_path / "x" / "documents.jsonl"
    ).read_text()


def test_published_option_only_fills_documents_without_a_date(tmp_path: Path, store: Store) -> None:
    page = (
        "<html><head><title>Lyman retaken</title>"
        '<meta property="article:published_time" content="2022-10-01T18:40:00+00:00"></head>'
        "<body><article><p>Ukrainian troops entered the town of Lyman in the Donetsk region on Saturday, "
        "a military spokesman told reporters in Kramatorsk.</p></article></body></html>"
    )
    write(tmp_path / "in" / "lyman.html", page)
    write(tmp_path / "in" / "note.txt", OTHER)
    run([tmp_path / "in"], store, published="2022-10-05")
    assert {d.doc_id: d.published for d in store.documents()} == {"lyman": "2022-10-01", "note": "2022-10-05"}


def test_cli_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("frontwatch ")


def test_a_run_stopped_before_fusion_is_fused_by_the_next(tmp_path: Path, store: Store) -> None:
    folder = corpus(tmp_path)

    def stop_after_saving(phase: str, done: int, total: int, doc_id: str) -> None:
        if phase == "analysing" and done == total:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([folder], store, published="2022-10-01", progress=stop_after_saving)
    assert store.count("events") > 0 and store.count("incidents") == 0
    summary = run([folder], store, published="2022-10-01")
    assert summary.unchanged == 3
    assert store.count("incidents") > 0
    assert all(e.incident_id for e in store.events())
