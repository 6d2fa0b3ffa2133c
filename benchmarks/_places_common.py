"""Helpers shared by the place benchmarks: great-circle distance and the gazetteer's load figures."""

from __future__ import annotations

import math
import pickle
import time
import tracemalloc


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def gazetteer_figures() -> str:
    """Load time of the gazetteer (from its on-disk cache once built), and the memory a loaded copy takes."""
    from frontwatch.places import gazetteer

    t0 = time.perf_counter()
    g = gazetteer.load()
    load_s = time.perf_counter() - t0
    tracemalloc.start()
    with gazetteer.cache_path().open("rb") as fh:
        copy = pickle.load(fh)
    size, peak = (x / 2**20 for x in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    del copy
    return (f"gazetteer: {len(g)} places, {len(g.exact)} exact keys, {len(g.loose)} loose keys; "
            f"load {load_s:.2f} s; memory {size:.0f} MiB held, {peak:.0f} MiB peak loading")  # fmt: skip
