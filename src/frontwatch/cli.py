"""Command line: `frontwatch run`, `export`, `incidents`, `timeline`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from frontwatch import __version__
from frontwatch.export import export as write_export
from frontwatch.records import IngestError
from frontwatch.store import Store, StoreError

app = typer.Typer(
    help="Turn many conflict news articles into one sourced, geocoded, deduplicated record of events.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (sqlite:///path or postgresql://...); default FRONTWATCH_DB or frontwatch.db.",
    ),
]


def _open_store(db: str | None) -> Store:
    try:
        return Store(db)
    except (StoreError, Exception) as exc:
        err.print(f"[red]error:[/red] cannot open the store {db or ''}: {exc}")
        raise typer.Exit(2) from exc


def _check_date(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise typer.BadParameter("expected YYYY-MM-DD")
    return value


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders: .txt, .html/.htm, .jsonl/.json.")],
    db: DbOption = None,
    export_dir: Annotated[
        Path | None, typer.Option("--export", help="Write the export files to this folder.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published", callback=_check_date, help="Date for documents that have none (YYYY-MM-DD)."
        ),
    ] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Skip documents larger than this.")] = 5.0,
) -> None:
    """Read, clean, deduplicate and analyse documents into the store; optionally export."""
    from frontwatch.pipeline import run as run_pipeline

    store = _open_store(db)

    def on_error(e: IngestError) -> None:
        err.print(f"[yellow]skipped[/yellow] {e.source}: {e.reason}", highlight=False, soft_wrap=True)

    if err.is_terminal:
        with Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[doc]}"),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task("analysing", total=None, doc="")

            def progress(done: int, total: int, doc_id: str) -> None:
                bar.update(task, completed=done, total=total, doc=doc_id)

            summary = run_pipeline(
                paths,
                store,
                published=published,
                max_bytes=int(max_mb * 1e6),
                progress=progress,
                on_error=on_error,
            )
    else:
        summary = run_pipeline(
            paths, store, published=published, max_bytes=int(max_mb * 1e6), on_error=on_error
        )

    title = f"frontwatch {__version__} — {store.display_url}"
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_row("documents read", str(summary.read))
    table.add_row("  new / updated / unchanged", f"{summary.new} / {summary.updated} / {summary.unchanged}")
    table.add_row("duplicates in store", str(summary.duplicates))
    table.add_row("place mentions in store", str(summary.places))
    table.add_row("events in store", str(summary.events))
    table.add_row("incidents in store", str(summary.incidents))
    table.add_row("errors", str(len(summary.errors)))
    out.print(table)
    if export_dir is not None:
        counts = write_export(store, export_dir)
        out.print(f"exported to {export_dir}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    store.close()
    if summary.processed == 0:
        err.print("[red]error:[/red] no document could be processed")
        raise typer.Exit(1)


@app.command("export")
def export_cmd(
    directory: Annotated[Path, typer.Argument(help="Folder for the export files.")],
    db: DbOption = None,
) -> None:
    """Write documents, places, events and incidents as JSON Lines."""
    store = _open_store(db)
    counts = write_export(store, directory)
    store.close()
    out.print(f"exported to {directory}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        out.print(f"frontwatch {__version__}")
        raise typer.Exit()
