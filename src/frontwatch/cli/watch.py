"""`frontwatch watch`: fetch feeds again and again, analysing and fusing what is new."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from frontwatch.cli.common import DbOption, err, open_store, out
from frontwatch.cli.run import run_or_busy
from frontwatch.export import export as write_export
from frontwatch.records import IngestError
from frontwatch.terminal import printable


def _interval(value: str) -> float:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value)
    if not m or float(m[1]) <= 0:
        raise typer.BadParameter("expected a positive duration such as 90s, 15m, 1h")
    return float(m[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m[2]]


def watch_cmd(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feeds: URLs or files.")],
    every: Annotated[str, typer.Option("--every", help="Time between fetches: 90s, 15m, 1h.")] = "15m",
    times: Annotated[
        int | None, typer.Option("--times", min=1, help="Stop after this many fetches; default: never.")
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="Fetch, analyse and fuse once, then stop.")] = False,
    db: DbOption = None,
    export_dir: Annotated[
        Path | None, typer.Option("--export", help="Rewrite the export files after each fetch.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Processes analysing documents; default: the machine's cores."),
    ] = None,
) -> None:
    """Follow feeds: every interval, fetch them, analyse new or changed entries and fuse them in."""
    import time

    from frontwatch.scale import LocalPool, cores

    seconds = _interval(every)
    limit = 1 if once else times
    store = open_store(db)

    def on_error(e: IngestError) -> None:
        err.print(f"[yellow]skipped[/yellow] {printable(e.source)}: {printable(e.reason)}", highlight=False)

    # One pool for every fetch: its processes keep the models loaded between rounds.
    with LocalPool(workers or cores()) as pool:
        done = 0
        while True:
            summary = run_or_busy(feeds, store, on_error=on_error, engine=pool)
            done += 1
            out.print(
                f"fetch {done}: {summary.read} entries, {summary.new} new, {summary.updated} updated, "
                f"{summary.unchanged} unchanged; {summary.events} events, {summary.incidents} incidents "
                "in store",
                highlight=False,
            )
            if export_dir is not None:
                write_export(store, export_dir)
            if limit is not None and done >= limit:
                break
            time.sleep(seconds)
    store.close()
