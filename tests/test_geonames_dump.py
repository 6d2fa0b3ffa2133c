"""Importing a GeoNames country dump adds its villages to the gazetteer; without one nothing changes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.places import gazetteer, geonames_dump

# Rows in GeoNames' 19-column dump layout, written for these tests: two villages too small for cities500,
# a town section and a hill (neither is a settlement to add), and a village of another country.
ROWS = [
    (990001, "Khmarivka", "Khmarivka", "Khmarovka,Хмарівка", 48.61, 37.52, "P", "PPL", "UA", "05", 212),
    (990002, "Zhuravka Druha", "Zhuravka Druha", "", 49.91, 36.98, "P", "PPL", "UA", "07", 41),
    (990003, "Nyzhnii Kvartal", "Nyzhnii Kvartal", "", 48.0, 37.8, "P", "PPLX", "UA", "05", 0),
    (990004, "Mohyla Syva", "Mohyla Syva", "", 48.2, 37.9, "T", "HLL", "UA", "05", 0),
    (990005, "Berezovichi", "Berezovichi", "", 52.1, 26.0, "P", "PPL", "BY", "02", 120),
]  # fmt: skip


def dump_line(row: tuple) -> str:
    gid, name, ascii_name, alt, lat, lon, fclass, fcode, cc, admin1, pop = row
    cols = [gid, name, ascii_name, alt, lat, lon, fclass, fcode, cc, "", admin1, "", "", "", pop, "", "150",
            "Europe/Kyiv", "2024-01-01"]  # fmt: skip
    return "\t".join(str(c) for c in cols) + "\n"


def flat(output: str) -> str:
    return " ".join(output.split())


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FRONTWATCH_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(gazetteer, "_SINGLETON", None)  # the next load applies this folder's import
    return tmp_path / "data"


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "UA.txt"
    path.write_text("".join(dump_line(r) for r in ROWS), encoding="utf-8")
    return path


def test_read_dump_keeps_populated_places_of_the_chosen_countries(dump: Path) -> None:
    places = list(geonames_dump.read_dump(dump, ["UA"]))
    assert [p.geonameid for p in places] == [990001, 990002]
    first = places[0]
    assert (first.admin1, first.country, first.population) == ("UA.05", "UA", 212)
    assert "Хмарівка" in first.alternatenames
    assert {p.country for p in geonames_dump.read_dump(dump, None)} == {"UA", "BY"}


def test_zip_dump_as_geonames_ships_it(tmp_path: Path, dump: Path) -> None:
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(dump, "UA.txt")
        zf.writestr("readme.txt", "not a dump\n")
    assert [p.geonameid for p in geonames_dump.read_dump(archive, ["UA"])] == [990001, 990002]


def test_a_file_that_is_not_a_dump_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "cities.csv"
    bad.write_text(dump_line(ROWS[0]) + "Kyiv,50.45,30.52\n", encoding="utf-8")
    with pytest.raises(geonames_dump.DumpError, match=r"cities\.csv, line 2: 1 tab-separated fields"):
        list(geonames_dump.read_dump(bad))


@pytest.mark.slow
def test_imported_villages_resolve_by_any_spelling_and_in_text(data_dir: Path, dump: Path) -> None:
    from frontwatch.places import find_places

    assert not gazetteer.load().lookup("Khmarivka")
    gazetteer._SINGLETON = None
    read, total = geonames_dump.import_dump(dump)
    assert (read, total) == (3, 3)  # UA, RU, BY and MD by default
    g = gazetteer.load()
    for spelling in ("Khmarivka", "Khmarovka", "Хмарівка"):
        found = g.lookup(spelling, kinds=("settlement",))
        assert [p.geonameid for p in found] == [990001], spelling
    assert not g.lookup("Nyzhnii Kvartal")  # a town section is not added
    text = "Russian troops shelled the village of Khmarivka in the Donetsk region overnight."
    resolved = {m.mention: m.place for m in find_places("d1", text)}
    assert resolved["Khmarivka"] is not None
    assert resolved["Khmarivka"].geonameid == 990001
    assert resolved["Khmarivka"].admin1 == "UA.05"


def test_import_merges_and_is_idempotent(data_dir: Path, dump: Path, tmp_path: Path) -> None:
    geonames_dump.import_dump(dump)
    first = geonames_dump.imported_path().read_bytes()
    geonames_dump.import_dump(dump)
    assert geonames_dump.imported_path().read_bytes() == first
    other = tmp_path / "BY.txt"
    other.write_text(dump_line(ROWS[4]), encoding="utf-8")
    _, total = geonames_dump.import_dump(other, ["BY"])
    assert total == 3
    _, total = geonames_dump.import_dump(other, ["BY"], replace=True)
    assert total == 1
    assert geonames_dump.digest() != ""


def test_cli_import_reports_counts_and_bad_files(data_dir: Path, dump: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["gazetteer", "import", str(dump), "--country", "UA"])
    assert result.exit_code == 0, result.output
    assert "imported 2 populated places" in flat(result.output)
    missing = runner.invoke(app, ["gazetteer", "import", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2
    assert "nope.txt: no such file" in flat(missing.output)
    junk = tmp_path / "junk.txt"
    junk.write_text("hello\n", encoding="utf-8")
    bad = runner.invoke(app, ["gazetteer", "import", str(junk)])
    assert bad.exit_code == 2
    assert "junk.txt, line 1" in flat(bad.output)
