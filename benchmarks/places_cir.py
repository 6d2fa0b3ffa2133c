"""Place resolution on the CIR / Bellingcat Russia-Ukraine Monitor events (Ukraine rows).

Prints: the share of town names resolved within 25 km of the event's point (town with its oblast as
context), overall and over the towns the gazetteer holds, broken down by how the spelling matched; the
same from the title/description text through `find_places`; lookup speed (names/s, mentions/s, ms per
text) and the gazetteer's load time and memory.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

from _places_common import gazetteer_figures, km

DATA = Path("/work/shared/data/cir_bellingcat_events/events.csv")
NEAR_KM = 25.0


def near(place, lat: float, lon: float) -> bool:
    return place is not None and place.lat is not None and km(place.lat, place.lon, lat, lon) <= NEAR_KM


def share(ok: int, n: int) -> str:
    return f"{ok}/{n} = {ok / max(n, 1):.3f}"


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    print(gazetteer_figures())
    from frontwatch.places import find_places, gazetteer, resolve_name
    from frontwatch.places.translit import exact_key, loose_key

    g = gazetteer.load()

    rows = [r for r in csv.DictReader(DATA.open(encoding="utf-8")) if r["country"].strip() == "Ukraine"]
    rows = [r for r in rows if r["town/city"].strip() and r["lat"] and r["lon"]]
    ok = wrong = 0
    held_ok, held_n = Counter(), Counter()
    t0 = time.perf_counter()
    for r in rows:
        town, lat, lon = r["town/city"].strip(), float(r["lat"]), float(r["lon"])
        place = resolve_name(town, r["province"])
        hit = near(place, lat, lon)
        ok += hit
        wrong += place is not None and not hit
        ids = g.ids(town, fuzzy=True)
        if not any(near(g.place(i), lat, lon) for i, _, _ in ids):
            continue  # the gazetteer lacks this town (or has it only far away)
        how = ids[0][1]
        if how == "exact":
            primary = any(exact_key(g.name[i]) == exact_key(town) for i, _, _ in ids)
            how = "primary name" if primary else "alternate name"
        held_n[how] += 1
        held_ok[how] += hit
    dt = time.perf_counter() - t0
    held = sum(held_n.values())
    print(f"CIR town + oblast, within {NEAR_KM:.0f} km: {share(ok, len(rows))} of all rows "
          f"({len(rows) / dt:.0f} names/s)")  # fmt: skip
    print(f"  of towns the gazetteer holds: {share(sum(held_ok.values()), held)}; "
          f"not held: {len(rows) - held}; resolved but wrong: {wrong}")  # fmt: skip
    for how, n in held_n.most_common():
        print(f"  held, spelled by {how:14s} {share(held_ok[how], n)}")

    ok = n = mentions = unresolved = 0
    t0 = time.perf_counter()
    for r in rows:
        town = r["town/city"].strip()
        text = f"{r['title']}. {r['brief description']}"
        found = find_places(r["entry"], text)
        mentions += len(found)
        unresolved += sum(m.place is None for m in found)
        if loose_key(town) not in loose_key(text):
            continue
        n += 1
        lat, lon = float(r["lat"]), float(r["lon"])
        ok += any(near(m.place, lat, lon) for m in found if loose_key(m.mention) == loose_key(town))
    dt = time.perf_counter() - t0
    print(f"CIR title/description through find_places (town named in it): {share(ok, n)} within "
          f"{NEAR_KM:.0f} km")  # fmt: skip
    print(f"  find_places: {len(rows) / dt:.0f} texts/s ({1000 * dt / len(rows):.2f} ms per text), "
          f"{mentions / dt:.0f} mentions/s; {mentions} mentions, {unresolved} unresolved")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
