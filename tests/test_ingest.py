from __future__ import annotations

import json
from pathlib import Path

from conftest import write
from frontwatch.ingest import IngestOptions, read_paths
from frontwatch.records import IngestError, SkippedFile, SourceDocument

ARTICLE = (
    "Troops pull back from Balakleya\n\n"
    "The Russian Defence Ministry said on Saturday that its troops had left Balakleya to regroup.\n"
)


def read(*paths: Path, **kw) -> list[SourceDocument | IngestError]:
    return list(read_paths(paths, IngestOptions(**kw)))


def test_txt_document_id_is_the_file_stem(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path / "balakleya-report.txt", ARTICLE))
    assert isinstance(doc, SourceDocument)
    assert doc.doc_id == "balakleya-report"
    assert doc.text == ARTICLE
    assert doc.published is None


def test_html_is_kept_for_extraction(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path / "page.htm", "<html><body><p>Kupiansk was retaken.</p></body></html>"))
    assert doc.doc_id == "page"
    assert doc.html and "Kupiansk" in doc.html
    assert doc.text is None


def test_jsonl_fields_and_ids(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a1",
            "url": "https://x.example/a1",
            "published": "2022-11-10T08:00:00Z",
            "title": "T",
            "text": "Body.",
        },
        {"id": "a2", "html": "<p>Kherson</p>"},
    ]
    path = write(tmp_path / "dump.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    a1, a2 = read(path)
    assert (a1.doc_id, a1.url, a1.published, a1.title, a1.text) == (
        "a1",
        "https://x.example/a1",
        "2022-11-10",
        "T",
        "Body.",
    )
    assert a2.doc_id == "a2" and a2.html == "<p>Kherson</p>" and a2.text is None
    assert a1.source.endswith("dump.jsonl:1") and a2.source.endswith("dump.jsonl:2")


def test_json_file_with_a_list_of_documents(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.json", json.dumps([{"id": "x", "text": "One."}, {"text": "Two."}]))
    x, second = read(path)
    assert x.doc_id == "x"
    # A list item without an id is named by its content, not by its position in the list.
    assert second.doc_id.startswith("text-")


def test_folders_are_read_recursively_in_a_stable_order(tmp_path: Path) -> None:
    write(tmp_path / "b" / "two.txt", ARTICLE)
    write(tmp_path / "a" / "one.txt", ARTICLE)
    write(tmp_path / "a" / "notes.md", "not an article")
    write(tmp_path / ".hidden" / "three.txt", ARTICLE)
    items = read(tmp_path)
    assert [d.doc_id for d in items if isinstance(d, SourceDocument)] == ["a/one", "b/two"]
    [skipped] = [e for e in items if isinstance(e, SkippedFile)]
    assert skipped.source.endswith("notes.md") and "unsupported file type" in skipped.reason


def test_malformed_jsonl_line_is_named_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        '{"id": "ok1", "text": "A."}\n{"id": "bad", "text": \n{"id": "ok2", "text": "B."}\n',
    )
    items = read(path)
    assert [type(i).__name__ for i in items] == ["SourceDocument", "IngestError", "SourceDocument"]
    err = items[1]
    assert err.source.endswith("feed.jsonl:2")
    assert "malformed JSON" in err.reason and " at at " not in err.reason


def test_missing_text_is_an_error(tmp_path: Path) -> None:
    [err] = read(write(tmp_path / "feed.jsonl", '{"id": "empty", "title": "Only a title"}\n'))
    assert isinstance(err, IngestError)
    assert "no text or html" in err.reason and err.doc_id == "empty"


def test_bad_published_value_is_an_error(tmp_path: Path) -> None:
    [err] = read(write(tmp_path / "feed.jsonl", '{"id": "d", "text": "x", "published": "last Tuesday"}\n'))
    assert isinstance(err, IngestError) and "published" in err.reason


def test_empty_and_blank_files(tmp_path: Path) -> None:
    items = read(write(tmp_path / "empty.txt", ""), write(tmp_path / "blank.txt", "  \n\n \t\n"))
    assert [i.reason for i in items] == ["empty file", "empty file"]


def test_binary_file_is_refused(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4
    [err] = read(write(tmp_path / "photo.txt", png))
    assert isinstance(err, IngestError) and "binary" in err.reason


def test_non_utf8_text_is_decoded_by_its_charset(tmp_path: Path) -> None:
    text = (
        "Вооружённые силы России покинули Балаклею и Изюм, сообщило министерство обороны в субботу вечером."
    )
    [doc] = read(write(tmp_path / "ru.txt", text.encode("cp1251")))
    assert isinstance(doc, SourceDocument)
    assert doc.text == text


def test_size_limit(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", "word " * 400)
    [err] = read(big, max_bytes=1000)
    assert isinstance(err, IngestError) and "limit" in err.reason
    feed = write(
        tmp_path / "feed.jsonl",
        json.dumps({"id": "long", "text": "word " * 400}) + "\n" + '{"id": "short", "text": "ok"}\n',
    )
    items = read(feed, max_bytes=1000)
    assert isinstance(items[0], IngestError) and items[0].source.endswith("feed.jsonl:1")
    assert "limit" in items[0].reason
    assert isinstance(items[1], SourceDocument) and items[1].doc_id == "short"


def test_missing_and_unsupported_paths(tmp_path: Path) -> None:
    missing, unsupported = read(tmp_path / "nope.txt", write(tmp_path / "scan.pdf", b"%PDF-1.4"))
    assert missing.reason == "no such file or folder"
    assert "unsupported file type .pdf" in unsupported.reason
