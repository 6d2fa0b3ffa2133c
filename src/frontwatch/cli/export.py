"""`frontwatch export`: the store as files, in the formats asked for."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontwatch.cli.common import DbOption, err, open_store, out
from frontwatch.terminal import printable


def export_cmd(
    directory: Annotated[Path, typer.Argument(help="Folder for the export files.")],
    db: DbOption = None,
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            help="Comma-separated: jsonl (every table), csv (ACLED's columns first), geojson, parquet.",
        ),
    ] = "jsonl",
) -> None:
    """Write the store as JSON Lines, and incidents and events as CSV, GeoJSON or Parquet too."""
    from frontwatch.export import export_formats
    from frontwatch.export.formats import ParquetUnavailable

    wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
    store = open_store(db, create=False)
    try:
        counts = export_formats(store, directory, wanted)
    except (ValueError, ParquetUnavailable) as exc:
        err.print(f"[red]error:[/red] {printable(exc)}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    out.print(
        f"exported {', '.join(wanted)} to {printable(directory)}: "
        + ", ".join(f"{n} {k}" for k, n in counts.items())
    )
