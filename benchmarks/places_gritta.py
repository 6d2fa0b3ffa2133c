"""Toponym resolution on LGL and GeoWebNews (Gritta et al.): gold toponym spans given, resolved with
the other gold toponyms of the article as context; share within 161 km (100 miles) of the gold point.
Also prints the gazetteer's load time and memory, resolution speed (mentions/s) and `find_places` speed
over the same texts."""

from __future__ import annotations

import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from _places_common import gazetteer_figures, km

ROOT = Path("/work/shared/data/geoparsing_gritta")
NEAR_KM = 161.0


def lgl() -> list[tuple[str, list[tuple[int, int, float, float]]]]:
    docs = []
    for art in ET.parse(ROOT / "Corpora" / "lgl.xml").getroot():
        gold = []
        for t in art.find("toponyms"):
            gz = t.find("gaztag")
            if gz is None or gz.find("lat") is None:
                continue
            gold.append((int(t.findtext("start")), int(t.findtext("end")), float(gz.findtext("lat")),
                         float(gz.findtext("lon"))))  # fmt: skip
        docs.append((art.findtext("text"), gold))
    return docs


def gwn() -> list[tuple[str, list[tuple[int, int, float, float]]]]:
    texts = [a.findtext("text") for a in ET.parse(ROOT / "GWN.xml").getroot()]
    lines = (ROOT / "Geocoding" / "gwn_full.txt").read_text(encoding="utf-8").splitlines()
    docs = []
    for text, line in zip(texts, lines, strict=False):
        gold = []
        for item in line.split("||"):
            parts = item.split(",,")
            if len(parts) == 6:
                gold.append((int(parts[4]), int(parts[5]), float(parts[2]), float(parts[3])))
        docs.append((text or "", gold))
    return docs


def score(name: str, docs) -> None:
    from frontwatch.places import find_places, resolve_spans

    ok = total = unresolved = 0
    t0 = time.perf_counter()
    for text, gold in docs:
        places = resolve_spans(text, [(s, e) for s, e, _, _ in gold])
        for (_, _, lat, lon), p in zip(gold, places, strict=True):
            total += 1
            if p is None or p.lat is None:
                unresolved += 1
            elif km(p.lat, p.lon, lat, lon) <= NEAR_KM:
                ok += 1
    dt = time.perf_counter() - t0
    print(f"{name} ({len(docs)} articles), gold spans resolved within {NEAR_KM:.0f} km: "
          f"{ok}/{total} = {ok / max(total, 1):.3f}; unresolved {unresolved}, "
          f"wrong {total - ok - unresolved}; {total / dt:.0f} mentions/s")  # fmt: skip
    t0 = time.perf_counter()
    found = [m for text, _ in docs for m in find_places("d", text)]
    dt = time.perf_counter() - t0
    unresolved = sum(m.place is None for m in found)
    print(f"  find_places over the texts: {len(found)} mentions ({unresolved} unresolved), "
          f"{len(found) / dt:.0f} mentions/s, {1000 * dt / len(docs):.1f} ms per article")  # fmt: skip


def main() -> int:
    if not ROOT.exists():
        print(f"skipped: {ROOT} not found")
        return 0
    print(gazetteer_figures())
    score("LGL", lgl())
    if (ROOT / "GWN.xml").exists() and (ROOT / "Geocoding" / "gwn_full.txt").exists():
        try:
            score("GeoWebNews", gwn())
        except (ET.ParseError, ValueError) as err:
            print(f"GeoWebNews skipped: {err}")
    else:
        print("GeoWebNews skipped: GWN.xml or Geocoding/gwn_full.txt not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
