"""`frontwatch gazetteer import` and `info`: the GeoNames places the gazetteer holds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontwatch.cli.common import err, out
from frontwatch.terminal import printable

gazetteer_app = typer.Typer(help="The place gazetteer: GeoNames towns, regions, countries and features.")


@gazetteer_app.command("import")
def gazetteer_import(
    dump: Annotated[
        Path,
        typer.Argument(help="A GeoNames dump: UA.txt or UA.zip from GeoNames' export, or allCountries.txt."),
    ],
    country: Annotated[
        list[str] | None,
        typer.Option("--country", help="Keep this country's places (repeatable); default UA, RU, BY, MD."),
    ] = None,
    all_countries: Annotated[
        bool, typer.Option("--all-countries", help="Keep every country's places.")
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace earlier imports instead of adding.")
    ] = False,
) -> None:
    """Add the populated places of a GeoNames dump (villages too) to the gazetteer."""
    from frontwatch.places import geonames_dump

    if not dump.is_file():
        err.print(f"[red]error:[/red] {printable(dump)}: no such file")
        raise typer.Exit(2)
    countries = None if all_countries else (country or list(geonames_dump.DEFAULT_COUNTRIES))
    try:
        read, total = geonames_dump.import_dump(dump, countries, replace=replace)
    except (geonames_dump.DumpError, UnicodeDecodeError, OSError) as exc:
        err.print(f"[red]error:[/red] {printable(exc)}")
        raise typer.Exit(2) from exc
    if read == 0:
        err.print(f"[yellow]warning:[/yellow] {printable(dump)}: no populated places of {countries} in it")
    out.print(
        f"imported {read} populated places from {printable(dump)}; {total} in "
        f"{printable(geonames_dump.imported_path())}. Stored documents are analysed again on the next run."
    )


@gazetteer_app.command("info")
def gazetteer_info() -> None:
    """How many places the gazetteer holds, and what was imported."""
    from collections import Counter

    from frontwatch.places import gazetteer, geonames_dump

    g = gazetteer.load()
    kinds = Counter(g.kind)
    out.print(", ".join(f"{n} {k}s" for k, n in sorted(kinds.items())))
    imported = geonames_dump.read_imported()
    if imported:
        by_country = Counter(p.country for p in imported)
        out.print(
            f"imported from GeoNames dumps: {len(imported)} places "
            f"({', '.join(f'{c} {n}' for c, n in by_country.most_common())}) in "
            f"{printable(geonames_dump.imported_path())}"
        )
    else:
        out.print("no GeoNames dump imported: towns of 500 people or more only (frontwatch gazetteer import)")
