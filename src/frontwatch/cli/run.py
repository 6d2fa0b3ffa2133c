"""`frontwatch run`: analyse documents into the store, with a progress bar and a summary table."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from frontwatch import __version__
from frontwatch.cli.common import DbOption, check_date, err, open_store, out
from frontwatch.export import export as write_export
from frontwatch.ingest.guard import DEFAULT_TIME_LIMIT
from frontwatch.records import IngestError, SkippedFile
from frontwatch.store import Store, StoreBusy
from frontwatch.terminal import printable

if TYPE_CHECKING:
    from frontwatch.pipeline import Engine as PipelineEngine
    from frontwatch.pipeline import RunSummary


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def run(
    paths: Annotated[
        list[str],  # not Path: it would fold the "//" of a feed's URL
        typer.Argument(
            help="Files and folders: .txt, .html/.htm, .jsonl/.json, feeds (.rss/.atom/.xml or a URL), "
            ".warc/.warc.gz."
        ),
    ],
    db: DbOption = None,
    export_dir: Annotated[
        Path | None, typer.Option("--export", help="Write the export files to this folder.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published", callback=check_date, help="Date for documents that have none (YYYY-MM-DD)."
        ),
    ] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Skip documents larger than this.")] = 5.0,
    time_limit: Annotated[
        float,
        typer.Option("--time-limit", help="Seconds one stage may spend on one document (0: no limit)."),
    ] = DEFAULT_TIME_LIMIT,
    wait: Annotated[
        float,
        typer.Option("--wait", help="Seconds to wait while another run writes to the store."),
    ] = 600.0,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Processes analysing documents; default: the machine's cores."),
    ] = None,
    engine_name: Annotated[
        Engine, typer.Option("--engine", help="local: processes on this machine; dask: a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Dask scheduler address (tcp://HOST:PORT); default: a local Dask cluster."
        ),
    ] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, help="Documents per task.")] = 8,
) -> None:
    """Read, clean, deduplicate and analyse documents into the store; optionally export."""
    from frontwatch.ingest.feeds import is_url

    if scheduler and engine_name is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask")
    store = open_store(db)
    missing = [p for p in paths if not is_url(p) and not os.path.lexists(p)]

    def on_error(e: IngestError) -> None:
        err.print(
            f"[yellow]skipped[/yellow] {printable(e.source)}: {printable(e.reason)}",
            highlight=False,
            soft_wrap=True,
        )

    def on_warning(e: IngestError) -> None:
        label = "skipped" if isinstance(e, SkippedFile) else "warning"
        err.print(
            f"[yellow]{label}[/yellow] {printable(e.source)}: {printable(e.reason)}",
            highlight=False,
            soft_wrap=True,
        )

    def on_lock_wait() -> None:
        err.print(f"waiting for another run to finish writing to the store (up to {wait:g} s)")

    options: dict[str, Any] = {
        "published": published,
        "max_bytes": int(max_mb * 1e6),
        "on_error": on_error,
        "on_warning": on_warning,
        "time_limit": time_limit or None,
        "lock_wait": wait,
        "on_lock_wait": on_lock_wait,
        "chunk_size": chunk_size,
    }
    with _engine(engine_name, workers, scheduler, store) as engine:
        summary = _run_with_progress(paths, store, engine=engine, **options)

    title = f"frontwatch {__version__} — {printable(store.display_url)}"
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_row("documents read", str(summary.read))
    table.add_row("  new / updated / unchanged", f"{summary.new} / {summary.updated} / {summary.unchanged}")
    table.add_row("duplicates in store", str(summary.duplicates))
    table.add_row("place mentions in store", str(summary.places))
    table.add_row("events in store", str(summary.events))
    if summary.set_aside:
        table.add_row("  set aside as off-topic", str(summary.set_aside))
    table.add_row("incidents in store", str(summary.incidents))
    table.add_row("errors", str(len(summary.errors)))
    if summary.warnings:
        table.add_row("warnings", str(len(summary.warnings)))
    if summary.reanalysed:
        why = ", ".join(f"{n} ({reason})" for reason, n in sorted(summary.reanalysed.items()))
        table.add_row("re-analysed", why)
    if summary.fused_again:
        table.add_row("incidents", "fused again (fusion changed)")
    out.print(table)
    if export_dir is not None:
        counts = write_export(store, export_dir)
        out.print(f"exported to {printable(export_dir)}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    store.close()
    if summary.processed == 0:
        err.print("[red]error:[/red] no document could be processed")
        raise typer.Exit(1)
    if missing:
        named = ", ".join(printable(p) for p in missing)
        err.print(f"[red]error:[/red] {len(missing)} input path(s) not found: {named}", soft_wrap=True)
        raise typer.Exit(1)


def _run_with_progress(paths: list[str], store: Store, **options: Any) -> RunSummary:
    if not err.is_terminal:
        return run_or_busy(paths, store, **options)
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[doc]}"),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("reading", total=None, doc="")

        def progress(phase: str, done: int, total: int | None, doc_id: str) -> None:
            bar.update(task, description=phase, completed=done, total=total, doc=printable(doc_id))

        return run_or_busy(paths, store, progress=progress, **options)


@contextmanager
def _engine(
    name: Engine, workers: int | None, scheduler: str | None, store: Store
) -> Iterator[PipelineEngine]:
    from frontwatch.scale import LocalPool, cores

    if name is Engine.local:
        with LocalPool(workers or cores()) as pool:
            yield pool
        return
    from frontwatch.scale.cluster import DaskEngine, DaskUnavailable

    try:
        dask = DaskEngine(scheduler, workers=workers or cores())
    except DaskUnavailable as exc:
        store.close()
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    except OSError as exc:
        store.close()
        err.print(f"[red]error:[/red] cannot reach the Dask scheduler {printable(scheduler or '')}: {exc}")
        raise typer.Exit(2) from exc
    with dask:
        yield dask


def run_or_busy(paths: list[str], store: Store, **options: Any) -> RunSummary:
    """The pipeline over `paths`; another run writing to the store ends the command with status 3."""
    from frontwatch.pipeline import run as run_pipeline

    try:
        return run_pipeline(paths, store, **options)
    except StoreBusy as exc:
        store.close()
        err.print(f"[red]error:[/red] {printable(exc)}", soft_wrap=True)
        raise typer.Exit(3) from exc
