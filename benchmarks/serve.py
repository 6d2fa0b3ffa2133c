"""The analyst workspace's speed: API latency over a store with 100,000 event mentions, and the page's time to
its first rendered marker with 10,000 incidents in headless Chromium.

The stores are synthetic, written through the store's own API (documents, event mentions, incidents) with
random places in Ukraine's bounding box and dates over 2022; no article is analysed. API requests go
to uvicorn on 127.0.0.1 from one keep-alive httpx client; the page is served the same way.

    .venv/bin/python benchmarks/serve.py [--mentions 100000] [--page-incidents 10000] [--repeat 40]

Targets (issue 11): incident list p95 <= 100 ms, one incident p95 <= 50 ms, first marker <= 2 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import httpx

from frontwatch.records import (
    Conflict,
    DateRange,
    Document,
    EventMention,
    Evidence,
    Incident,
    Party,
    Place,
)
from frontwatch.store import Store

TYPES = ("withdrawal", "capture", "advance", "attack", "evacuation", "casualties")
STATUSES = ("confirmed", "corroborated", "contested", "single-source")
MENTION_STATUS = ("reported", "claimed", "unconfirmed", "denied")
EVENTS_PER_DOC = 50


def build(
    path: Path, mentions: int, per_incident: int = 3, background: float = 0.05, seed: int = 7
) -> tuple[Store, list[str]]:
    """A store of `mentions` event mentions in incidents of up to `per_incident` reports each."""
    rng = random.Random(seed)
    store = Store(f"sqlite:///{path}")
    towns = [
        Place(
            "settlement", 700000 + i, f"Town {i}", rng.uniform(44.5, 52), rng.uniform(22.5, 40), "UA.07", "UA"
        )
        for i in range(3000)
    ]
    first_day = date(2022, 2, 24)
    pending: list[EventMention] = []
    docs = 0

    def flush() -> None:
        nonlocal docs, pending
        published = (first_day + timedelta(days=docs % 300)).isoformat()
        doc = Document(f"doc-{docs:06d}", "bench", f"Report {docs}", "x" * 200, f"h{docs}", None, published)
        store.save_document(doc, signature=None, pipeline_version="bench", event_mentions=pending)
        docs += 1
        pending = []

    ids: list[str] = []
    batch: list[tuple[Incident, str, str, list[tuple[str, str]]]] = []
    made = 0
    while made < mentions:
        n = min(rng.randint(1, per_incident), mentions - made)
        place = rng.choice(towns)
        day = (first_day + timedelta(days=rng.randrange(300))).isoformat()
        when = DateRange(day, day, "day", "on that day")
        type_ = rng.choice(TYPES)
        side = rng.choice(("RU", "UA"))
        is_background = rng.random() < background
        members = []
        for _ in range(n):
            doc_id = f"doc-{docs:06d}"
            e = EventMention(
                event_id=f"{doc_id}:{len(pending)}",
                doc_id=doc_id,
                type=type_,  # type: ignore[arg-type]
                actor=Party(None, side),
                place=place,
                date=when,
                status=rng.choice(MENTION_STATUS),  # type: ignore[arg-type]
                source=Party("a spokesman", rng.choice(("RU", "UA"))),
                evidence=Evidence(SENTENCE, 0, len(SENTENCE)),
                trigger="struck",
                background=is_background,
            )
            members.append((e.event_id, doc_id))
            pending.append(e)
            if len(pending) == EVENTS_PER_DOC:
                flush()
        status = rng.choice(STATUSES)
        event_ids = tuple(eid for eid, _ in members)
        inc = Incident(
            incident_id=f"I-{len(ids):016x}",
            type=type_,  # type: ignore[arg-type]
            place=place,
            date=when,
            status=status,  # type: ignore[arg-type]
            n_reports=n,
            n_sources=n,
            n_independent_sources=rng.randint(1, n),
            event_ids=event_ids,
            conflicts=(Conflict("claimed-vs-denied", event_ids, "claimed vs denied"),)
            if status == "contested"
            else (),
            actor_side=side,
            n_documents=n,
        )
        ids.append(inc.incident_id)
        batch.append((inc, day, day, members))
        made += n
    if pending:
        flush()
    for i in range(0, len(batch), 5000):  # after their documents: write_incidents sets the events' incident
        store.write_incidents([], batch[i : i + 5000])
    return store, ids


SENTENCE = "Forces of one side struck a target near the town, a spokesman said."


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()  # warm
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


@contextmanager
def serving(db: Path) -> Iterator[tuple[Store, str]]:
    """uvicorn on a free 127.0.0.1 port in a thread, over the store read-only."""
    import uvicorn

    from frontwatch.serve import LOCAL_HOSTS, create_app

    store = Store.open_readonly(f"sqlite:///{db}")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(store, allowed_hosts=LOCAL_HOSTS)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield store, f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()


def api_figures(db: Path, ids: list[str], repeat: int) -> None:
    with serving(db) as (store, base), httpx.Client(base_url=base, timeout=120) as client:
        _api_figures(store, client, ids, repeat)


def _api_figures(store: Store, client: httpx.Client, ids: list[str], repeat: int) -> None:
    rng = random.Random(1)

    def get(url: str, **params: object) -> Callable[[], object]:
        def call() -> object:
            r = client.get(url, params=params)
            assert r.status_code == 200, r.text
            return r

        return call

    first = client.get("/api/v1/incidents").json()
    print(f"  store: {store.count('events'):,} event mentions, {store.count('incidents'):,} incidents")
    cursor = first["next"]
    cases = [
        ("incident list, first page (100)", get("/api/v1/incidents")),
        ("incident list, next page", get("/api/v1/incidents", cursor=cursor)),
        ("incident list, status=contested", get("/api/v1/incidents", status="contested")),
        ("incident list, one month", get("/api/v1/incidents", since="2022-09-01", until="2022-09-30")),
        ("incident list, bbox + min_sources=2", get("/api/v1/incidents", bbox="35,47,40,51", min_sources=2)),
        ("incident list, type=capture&side=UA", get("/api/v1/incidents", type="capture", side="UA")),
    ]
    for label, fn in cases:
        p50, p95 = timed(fn, repeat)
        print(f"  {label:<40} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")

    def one() -> object:
        r = client.get(f"/api/v1/incidents/{rng.choice(ids)}")
        assert r.status_code == 200
        return r

    p50, p95 = timed(one, repeat * 5)
    print(f"  {'one incident (random ids)':<40} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    month = client.get("/api/v1/incidents", params={"since": "2022-09-01", "until": "2022-09-30"}).json()[
        "count"
    ]
    p50, p95 = timed(
        get("/api/v1/incidents.csv", since="2022-09-01", until="2022-09-30"), max(5, repeat // 4)
    )
    print(f"  {f'CSV export, one month ({month:,} rows)':<40} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    total = first["count"]
    t = time.perf_counter()
    size = len(client.get("/api/v1/incidents.csv").content)
    took = time.perf_counter() - t
    label = f"CSV export, everything ({total:,} rows)"
    print(f"  {label:<40} once {took * 1000:7.0f} ms  ({size / 1e6:.1f} MB)")


def page_figures(db: Path, runs: int) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("  page: skipped, Debian's chromium is not installed")
        return
    from playwright.sync_api import sync_playwright

    flags = [
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    figures = []
    rows = 0
    with serving(db) as (_, base), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=flags)
        for _ in range(runs):
            ctx = browser.new_context(viewport={"width": 1400, "height": 900})
            page = ctx.new_page()
            page.goto(base + "/")
            page.locator("body[data-first-marker]").wait_for(timeout=60_000)
            figures.append(int(page.locator("body").get_attribute("data-first-marker") or 0))
            page.locator("[data-testid=incident-row]").first.wait_for(timeout=60_000)
            rows = page.locator("[data-testid=incident-row]").count()
            ctx.close()
        browser.close()
    print(
        f"  page: {rows:,} incidents listed; first marker after {', '.join(f'{f:,} ms' for f in figures)} "
        f"(median {statistics.median(figures):,.0f} ms, from navigation start)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--page-incidents", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        store, ids = build(Path(tmp) / "big.db", args.mentions)
        store.close()
        print(f"API over a synthetic store (built in {time.perf_counter() - t:.0f} s through the store API):")
        api_figures(Path(tmp) / "big.db", ids, args.repeat)
        store, _ = build(Path(tmp) / "page.db", args.page_incidents, per_incident=1, background=0.0)
        store.close()
        print("Page in headless Debian Chromium:")
        page_figures(Path(tmp) / "page.db", 3)


if __name__ == "__main__":
    main()
