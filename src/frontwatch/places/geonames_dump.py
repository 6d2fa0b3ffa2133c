"""Populated places from a full GeoNames dump, added to the gazetteer beside the shipped cities500.

The GeoNames data on PyPI holds towns of 500 people or more; most villages named in front-line reports
are smaller. A user who downloads a country dump (`UA.txt` or `UA.zip` from GeoNames' export, or
`allCountries.txt`) imports it once with `frontwatch gazetteer import FILE`; its populated places are kept
in one tab-separated file in the user's data folder and added to the gazetteer at load time. Without an
import nothing changes. GeoNames data is licensed CC BY 4.0.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Feature codes of class P that are not a place a report could mean today: sections of a town (a district
# is resolved to its town), historical and abandoned places, religious and Israeli settlements abroad.
SKIPPED_CODES = frozenset({"PPLX", "PPLH", "PPLQ", "PPLCH", "PPLR", "STLMT"})
DEFAULT_COUNTRIES = ("UA", "RU", "BY", "MD")
COLUMNS = ("geonameid", "name", "lat", "lon", "admin1", "country", "population", "alternatenames")
_DUMP_FIELDS = 19


class DumpError(ValueError):
    """A file that is not a GeoNames dump, with the file and the line that shows it."""


@dataclass(frozen=True, slots=True)
class DumpPlace:
    geonameid: int
    name: str
    lat: float
    lon: float
    admin1: str | None  # "UA.07"
    country: str
    population: int
    alternatenames: tuple[str, ...]


def data_dir() -> Path:
    return Path(os.environ.get("FRONTWATCH_DATA") or Path.home() / ".local" / "share" / "frontwatch")


def imported_path() -> Path:
    return data_dir() / "geonames-places.tsv"


def _lines(path: Path) -> Iterator[tuple[str, str]]:
    """(name within the file, line) for a plain dump or every .txt member of a zip (GeoNames' own form)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not members:
                raise DumpError(f"{path}: the zip file holds no .txt dump")
            for member in members:
                with zf.open(member) as raw:
                    for line in io.TextIOWrapper(raw, encoding="utf-8", newline=""):
                        yield f"{path}:{member}", line
        return
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            yield str(path), line


def read_dump(path: Path | str, countries: Iterable[str] | None = DEFAULT_COUNTRIES) -> Iterator[DumpPlace]:
    """Populated places of the given countries (all countries with None), streamed: a 1.6 GB
    allCountries.txt is read line by line."""
    path = Path(path)
    keep = {c.upper() for c in countries} if countries is not None else None
    for n, (where, line) in enumerate(_lines(path), start=1):
        line = line.rstrip("\r\n")
        if not line:
            continue
        cols = line.split("\t")
        if len(cols) != _DUMP_FIELDS:
            raise DumpError(
                f"{where}, line {n}: {len(cols)} tab-separated fields, a GeoNames dump has {_DUMP_FIELDS}"
            )
        if cols[6] != "P" or cols[7] in SKIPPED_CODES:
            continue
        cc = cols[8]
        if keep is not None and cc not in keep:
            continue
        try:
            gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            pop = int(cols[14] or 0)
        except ValueError as exc:
            raise DumpError(f"{where}, line {n}: not a GeoNames row ({exc})") from exc
        alternates = tuple(a for a in cols[3].split(",") if a and a != cols[1])
        admin1 = f"{cc}.{cols[10]}" if cols[10] and cols[10] != "00" else None
        yield DumpPlace(gid, cols[1], lat, lon, admin1, cc, pop, alternates)


def read_imported(path: Path | None = None) -> list[DumpPlace]:
    path = path or imported_path()
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [_row_place(r) for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _row_place(r: dict[str, str]) -> DumpPlace:
    alternates = tuple(a for a in r["alternatenames"].split("|") if a)
    return DumpPlace(
        int(r["geonameid"]), r["name"], float(r["lat"]), float(r["lon"]), r["admin1"] or None, r["country"],
        int(r["population"]), alternates,
    )  # fmt: skip


def _clean(s: str) -> str:
    return s.replace("\t", " ").replace("|", " ").replace("\n", " ")


def write_imported(places: Iterable[DumpPlace], path: Path | None = None) -> int:
    """Write the import file atomically, sorted by id so that the same dump gives the same file."""
    path = path or imported_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted({p.geonameid: p for p in places}.values(), key=lambda p: p.geonameid)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for p in rows:
            fields = (
                str(p.geonameid), _clean(p.name), repr(p.lat), repr(p.lon), p.admin1 or "", p.country,
                str(p.population), "|".join(_clean(a) for a in p.alternatenames),
            )  # fmt: skip
            fh.write("\t".join(fields) + "\n")
    tmp.replace(path)
    return len(rows)


def import_dump(
    path: Path | str, countries: Iterable[str] | None = DEFAULT_COUNTRIES, replace: bool = False
) -> tuple[int, int]:
    """Add a dump's populated places to the import file (or replace it); returns (places read, places now
    imported). A place already imported is updated from the newer dump."""
    found = list(read_dump(path, countries))
    current = [] if replace else read_imported()
    merged = {p.geonameid: p for p in current}
    merged.update((p.geonameid, p) for p in found)
    return len(found), write_imported(merged.values())


def digest(path: Path | None = None) -> str:
    """A short digest of the import file, or "" without one: the places stage's version includes it."""
    path = path or imported_path()
    if not path.exists():
        return ""
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]
