"""RSS/Atom feeds (files and URLs), `frontwatch watch`, and WARC archives as input."""

from __future__ import annotations

import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import write
from frontwatch.cli import app
from frontwatch.ingest import read_paths
from frontwatch.ingest.feeds import fragment_text, short_id
from frontwatch.pipeline import run
from frontwatch.records import IngestError, SourceDocument
from frontwatch.store import Store

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Eastern Front Desk</title><link>https://desk.example/</link><description>d</description>
<item>
  <title>Troops enter Kupiansk</title>
  <link>https://desk.example/2022/09/kupiansk</link>
  <guid>https://desk.example/2022/09/kupiansk</guid>
  <pubDate>Sat, 10 Sep 2022 18:00:00 GMT</pubDate>
  <description>Short teaser only.</description>
  <content:encoded><![CDATA[<p>Ukrainian troops have entered Kupiansk, officials in Kyiv said on
  Saturday.</p><p>The Russian Defence Ministry said its units had been <b>regrouped</b> to the east.</p>
  <script>tracker()</script>]]></content:encoded>
</item>
<item>
  <title>Shelling in Nikopol</title>
  <link>https://desk.example/2022/09/nikopol</link>
  <pubDate>Sun, 11 Sep 2022 07:30:00 GMT</pubDate>
  <description>&lt;p&gt;Russian forces shelled Nikopol overnight, wounding three people, the governor
  said.&lt;/p&gt;</description>
</item>
<item><title>No body at all</title><link>https://desk.example/empty</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title><id>urn:desk</id>
<updated>2022-10-02T10:00:00Z</updated>
<entry><id>urn:desk:vuhledar</id><title>Evacuation in Vuhledar</title>
<link href="https://atom.example/vuhledar"/><updated>2022-10-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;Authorities urged the remaining residents of Vuhledar to
leave.&lt;/p&gt;</content>
</entry></feed>
"""


def docs(items: list[SourceDocument | IngestError]) -> dict[str, SourceDocument]:
    return {d.doc_id: d for d in items if isinstance(d, SourceDocument)}


def test_rss_entries_become_documents_with_their_dates_and_paragraphs(tmp_path: Path) -> None:
    items = list(read_paths([write(tmp_path / "desk.rss", RSS)]))
    found = docs(items)
    assert set(found) == {"https://desk.example/2022/09/kupiansk", "https://desk.example/2022/09/nikopol"}
    kupiansk = found["https://desk.example/2022/09/kupiansk"]
    assert kupiansk.title == "Troops enter Kupiansk" and kupiansk.published == "2022-09-10"
    assert kupiansk.url == "https://desk.example/2022/09/kupiansk"
    # the full content wins over the teaser, paragraphs stay apart and scripts go
    assert kupiansk.text is not None and "teaser" not in kupiansk.text and "tracker" not in kupiansk.text
    assert "on Saturday.\n\nThe Russian Defence Ministry said its units had been regrouped" in kupiansk.text
    nikopol = found["https://desk.example/2022/09/nikopol"]
    assert nikopol.published == "2022-09-11" and nikopol.text.startswith("Russian forces shelled Nikopol")
    errors = [e for e in items if isinstance(e, IngestError)]
    assert [(e.doc_id, e.reason) for e in errors] == [
        ("https://desk.example/empty", "feed entry has no content or summary")
    ]
    assert errors[0].source.endswith("desk.rss#3")


def test_atom_feeds_and_folders_of_feeds(tmp_path: Path) -> None:
    write(tmp_path / "feeds" / "a.atom", ATOM)
    write(tmp_path / "feeds" / "notes.xml", "<notes><n>not a feed</n></notes>")
    items = list(read_paths([tmp_path / "feeds"]))
    found = docs(items)
    assert list(found) == ["urn:desk:vuhledar"]
    assert found["urn:desk:vuhledar"].published == "2022-10-02"
    assert any(isinstance(e, IngestError) and e.source.endswith("notes.xml") for e in items)


def test_long_ids_fit_the_store_and_stay_distinct() -> None:
    a, b = "https://x.example/" + "a" * 400, "https://x.example/" + "a" * 399 + "b"
    assert len(short_id(a)) <= 255 and short_id(a) != short_id(b) and short_id("short") == "short"


def test_fragment_text_keeps_line_breaks_and_drops_markup() -> None:
    assert fragment_text("<div>One<br>two</div><ul><li>three</li><li>four</li></ul>") == (
        "One\ntwo\n\nthree\n\nfour"
    )
    assert fragment_text("") == ""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on the loopback serving a folder."""
    root = tmp_path / "site"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()
    server.server_close()


def test_a_feed_by_url_and_a_missing_one(served: tuple[str, Path]) -> None:
    base, root = served
    write(root / "desk.rss", RSS)
    found = docs(list(read_paths([f"{base}/desk.rss"])))
    assert len(found) == 2
    missing = list(read_paths([f"{base}/gone.rss"]))
    assert len(missing) == 1 and isinstance(missing[0], IngestError)
    assert missing[0].source == f"{base}/gone.rss" and "HTTP 404" in missing[0].reason


def test_watch_fetches_analyses_and_fuses_only_what_is_new(served: tuple[str, Path], tmp_path: Path) -> None:
    base, root = served
    write(root / "desk.rss", RSS)
    db = f"sqlite:///{tmp_path / 'watch.db'}"
    runner = CliRunner()
    args = ["watch", f"{base}/desk.rss", "--db", db, "--workers", "1", "--every", "0.01s"]
    first = runner.invoke(app, [*args, "--once"])
    assert first.exit_code == 0, first.output
    assert "fetch 1: 2 entries, 2 new, 0 updated, 0 unchanged" in first.output
    with Store(db) as store:
        events_before = store.count("events")
        assert events_before >= 2 and store.count("incidents") >= 2
    # a new entry appears in the feed: the next fetches analyse it alone
    write(root / "desk.rss", RSS.replace("<item><title>No body", ATOM_ITEM + "<item><title>No body"))
    second = runner.invoke(app, [*args, "--times", "2"])
    assert second.exit_code == 0, second.output
    assert "fetch 1: 3 entries, 1 new, 0 updated, 2 unchanged" in second.output
    assert "fetch 2: 3 entries, 0 new, 0 updated, 3 unchanged" in second.output
    with Store(db) as store:
        assert store.count("documents") == 3 and store.count("events") > events_before


ATOM_ITEM = """<item><title>Strike on Orikhiv</title><link>https://desk.example/orikhiv</link>
<pubDate>Mon, 12 Sep 2022 09:00:00 GMT</pubDate><description>&lt;p&gt;Russian forces struck Orikhiv with
drones on Monday, the regional administration said.&lt;/p&gt;</description></item>
"""


def page(title: str, body: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p></article></body></html>"
    ).encode()


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> Path:
    """(uri, content type, body, status) responses plus a request record, as a crawler writes them."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=path.suffix == ".gz")
    for uri, ctype, body, status in records:
        request = writer.create_warc_record(
            uri, "request", payload=io.BytesIO(b""), http_headers=StatusAndHeaders("GET / HTTP/1.1", [])
        )
        writer.write_record(request)
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
        )
    return write(path, buffer.getvalue())


LYMAN = (
    "Ukrainian forces retook the town of Lyman in the Donetsk region on Saturday, the defence ministry in "
    "Kyiv said, after Russian troops withdrew from the rail hub."
)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_responses_become_documents(tmp_path: Path, name: str) -> None:
    path = write_warc(
        tmp_path / name,
        [
            ("https://news.example/lyman", "text/html; charset=utf-8", page("Lyman", LYMAN), "200 OK"),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n", "200 OK"),
            ("https://news.example/moved", "text/html", b"<html>moved</html>", "301 Moved Permanently"),
        ],
    )
    items = list(read_paths([tmp_path]))
    found = docs(items)
    assert list(found) == ["https://news.example/lyman"]
    assert not [e for e in items if isinstance(e, IngestError)]
    doc = found["https://news.example/lyman"]
    assert doc.url == "https://news.example/lyman" and doc.html and "Lyman" in doc.html
    assert doc.source.startswith(str(path) + "@")


def test_a_warc_file_runs_through_the_pipeline(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "crawl.warc.gz",
        [("https://news.example/lyman", "text/html", page("Lyman retaken", LYMAN), "200 OK")],
    )
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        summary = run([path], store, published="2022-10-01")
        assert (summary.new, len(summary.errors)) == (1, 0)
        (doc,) = list(store.documents())
        assert doc.url == "https://news.example/lyman" and "retook the town of Lyman" in doc.text
        assert {e.type for e in store.events()} & {"capture", "withdrawal"}


def test_broken_and_empty_warc_files_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "bad.warc", b"this is not an archive\n")
    write_warc(tmp_path / "images.warc", [("https://news.example/a.png", "image/png", b"png", "200 OK")])
    write(tmp_path / "trunc.warc.gz", gzip.compress(b"WARC/1.0\r\n")[:-4])
    reasons = {Path(e.source).name: e.reason for e in read_paths([tmp_path]) if isinstance(e, IngestError)}
    assert reasons["bad.warc"].startswith("not a readable WARC file")
    assert reasons["images.warc"] == "no HTML pages in this WARC file"
    assert "trunc.warc.gz" in reasons


def test_run_takes_a_feed_url(served: tuple[str, Path], tmp_path: Path) -> None:
    base, root = served
    write(root / "desk.atom", ATOM)
    db = f"sqlite:///{tmp_path / 'run.db'}"
    result = CliRunner().invoke(app, ["run", f"{base}/desk.atom", "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert [d.url for d in store.documents()] == ["https://atom.example/vuhledar"]
