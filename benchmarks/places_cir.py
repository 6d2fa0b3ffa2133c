"""Place resolution on the CIR / Bellingcat Russia-Ukraine Monitor events (Ukraine rows).

Prints the share of town names resolved within 25 km of the event's point (town with its oblast as
context, broken down by how the spelling matched), the same from the title/description text where the
town is named in it, lookup speed and gazetteer load time and memory.
"""

from __future__ import annotations

import csv
import math
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

DATA = Path("/work/shared/data/cir_bellingcat_events/events.csv")
NEAR_KM = 25.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    tracemalloc.start()
    t0 = time.perf_counter()
    from frontwatch import gazetteer
    from frontwatch.toponyms import find_places, resolve_name
    from frontwatch.translit import exact_key, loose_key

    g = gazetteer.load()
    load_s = time.perf_counter() - t0
    mem = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"gazetteer: {len(g)} places, {len(g.exact)} exact keys, {len(g.loose)} loose keys; "
          f"load {load_s:.2f} s, peak memory {mem:.0f} MiB")  # fmt: skip

    rows = [r for r in csv.DictReader(DATA.open(encoding="utf-8")) if r["country"].strip() == "Ukraine"]
    rows = [r for r in rows if r["town/city"].strip() and r["lat"] and r["lon"]]
    ok, wrong, held, by_variant, total_variant = 0, 0, 0, Counter(), Counter()
    t0 = time.perf_counter()
    for r in rows:
        town = r["town/city"].strip()
        place = resolve_name(town, r["province"])
        hit = (
            place is not None
            and place.lat is not None
            and km(place.lat, place.lon, float(r["lat"]), float(r["lon"])) <= NEAR_KM
        )
        ids = g.ids(town, fuzzy=True)
        lat, lon = float(r["lat"]), float(r["lon"])
        held += any(g.lat[i] is not None and km(g.lat[i], g.lon[i], lat, lon) <= NEAR_KM for i, _, _ in ids)
        wrong += place is not None and not hit
        if not ids:
            variant = "unknown"
        elif ids[0][1] == "exact":
            variant = (
                "primary name"
                if any(exact_key(g.name[i]) == exact_key(town) for i, _, _ in ids)
                else "alternate name"
            )
        else:
            variant = ids[0][1] + " key" if ids[0][1] == "loose" else "fuzzy"
        total_variant[variant] += 1
        by_variant[variant] += hit
        ok += hit
    dt = time.perf_counter() - t0
    print(f"town + oblast: {ok}/{len(rows)} = {ok / len(rows):.3f} within {NEAR_KM:.0f} km "
          f"({len(rows) / dt:.0f} names/s)")  # fmt: skip
    print(
        f"  of towns the gazetteer holds (a same-name place within {NEAR_KM:.0f} km): {ok}/{held} = "
        f"{ok / held:.3f}; resolved but wrong: {wrong}; left unresolved: {len(rows) - ok - wrong}"
    )
    for v, n in total_variant.most_common():
        print(f"  {v:15s} {by_variant[v]}/{n} = {by_variant[v] / n:.3f}")

    ok = n = mentions = 0
    t0 = time.perf_counter()
    for r in rows:
        town = r["town/city"].strip()
        text = f"{r['title']}. {r['brief description']}"
        found = find_places(r["entry"], text)
        mentions += len(found)
        same = [m for m in found if loose_key(m.mention) == loose_key(town)]
        if loose_key(town) not in loose_key(text):
            continue
        n += 1
        ok += any(
            m.place is not None and m.place.lat is not None
            and km(m.place.lat, m.place.lon, float(r["lat"]), float(r["lon"])) <= NEAR_KM
            for m in same
        )  # fmt: skip
    dt = time.perf_counter() - t0
    print(
        f"from title/description text (town named in it): {ok}/{n} = {ok / max(n, 1):.3f} within "
        f"{NEAR_KM:.0f} km; find_places {len(rows) / dt:.0f} texts/s, {mentions / dt:.0f} mentions/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
