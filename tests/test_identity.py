"""Document identity: stable, collision-free ids; a collision is reported, never resolved by overwriting."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from conftest import write
from frontwatch.ingest import IngestOptions, read_paths
from frontwatch.pipeline import run
from frontwatch.records import IngestError, SourceDocument
from frontwatch.store import Store
from test_pipeline import OTHER, STORY, THIRD


def ids(*paths: Path) -> list[str]:
    return [d.doc_id for d in read_paths(paths, IngestOptions()) if isinstance(d, SourceDocument)]


def test_files_named_directly_or_at_the_top_keep_their_stem_nested_ones_their_path(
    tmp_path: Path,
) -> None:
    write(tmp_path / "in" / "top.txt", STORY)
    write(tmp_path / "in" / "day1" / "index.txt", STORY)
    write(tmp_path / "in" / "day2" / "index.html", "<p>" + OTHER + "</p>")
    write(tmp_path / "in" / "day2" / "deeper" / "index.txt.gz", gzip.compress(STORY.encode()))
    assert sorted(ids(tmp_path / "in")) == ["day1/index", "day2/deeper/index", "day2/index", "top"]
    assert ids(tmp_path / "in" / "day1" / "index.txt") == ["index"]


def test_jsonl_lines_without_id_are_named_by_url_or_content_not_by_line(tmp_path: Path) -> None:
    lines = [
        {"text": STORY},
        {"url": "https://news.example/nikopol", "text": OTHER},
        {"text": THIRD},
    ]
    feed = write(tmp_path / "feed.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    before = ids(feed)
    write(feed, "".join(json.dumps(x) + "\n" for x in lines[1:]))
    after = ids(feed)
    assert after == before[1:]
    assert before[1].startswith("url-") and before[0].startswith("text-") and len(set(before)) == 3


def test_deleting_a_jsonl_line_changes_no_other_document(tmp_path: Path, store: Store) -> None:
    lines = [{"text": STORY}, {"text": OTHER}, {"text": THIRD}]
    feed = write(tmp_path / "feed.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    first = run([feed], store, published="2022-10-01")
    assert first.new == 3
    write(feed, "".join(json.dumps(x) + "\n" for x in lines[1:]))
    second = run([feed], store, published="2022-10-01")
    assert (second.new, second.updated, second.unchanged) == (0, 0, 2)
    assert store.count("documents") == 3


def test_same_file_name_in_another_folder_in_a_later_run_is_a_collision(tmp_path: Path, store: Store) -> None:
    day1 = write(tmp_path / "day1" / "index.txt", STORY)
    day2 = write(tmp_path / "day2" / "index.txt", OTHER)
    run([day1], store, published="2022-10-01")
    kept = {d.doc_id: d.text for d in store.documents()}
    second = run([day2], store, published="2022-10-01")
    assert (second.new, second.updated) == (0, 0)
    [err] = second.errors
    assert err.source == str(day2) and str(day1) in err.reason and "not stored" in err.reason
    assert {d.doc_id: d.text for d in store.documents()} == kept
    # The stored file itself, edited, is still an update.
    write(day1, STORY.replace("Saturday", "Sunday"))
    third = run([day1], store, published="2022-10-01")
    assert (third.updated, third.errors) == (1, [])


def test_two_different_documents_with_one_id_in_a_run_are_named_both(tmp_path: Path, store: Store) -> None:
    feed = write(
        tmp_path / "feed.jsonl",
        json.dumps({"id": "a", "text": STORY}) + "\n" + json.dumps({"id": "a", "text": OTHER}) + "\n",
    )
    copy = write(tmp_path / "copy.jsonl", json.dumps({"id": "a", "text": STORY}) + "\n")
    summary = run([feed, copy], store, published="2022-10-01")
    assert summary.new == 1
    collision, repeat = summary.errors
    assert isinstance(collision, IngestError)
    assert collision.source.endswith("feed.jsonl:2") and f"{feed}:1" in collision.reason
    assert "collision" in collision.reason
    assert repeat.source.endswith("copy.jsonl:1") and "same document" in repeat.reason
    [doc] = store.documents()
    assert "Kupyansk" in doc.text
