"""Command line: `frontwatch run`, `watch`, `export`, `incidents`, `timeline`."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from frontwatch import __version__
from frontwatch.export import export as write_export
from frontwatch.records import Incident, IngestError, Party, Place
from frontwatch.store import Store, StoreError
from frontwatch.terminal import printable
from frontwatch.timeline import ControlChange

app = typer.Typer(
    help="Turn many conflict news articles into one sourced, geocoded, deduplicated record of events.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
if not out.is_terminal and "COLUMNS" not in os.environ:
    out = Console(width=160)  # piped output has no width; 80 columns would fold the tables unreadably
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


class Engine(StrEnum):
    local = "local"
    dask = "dask"


@app.command()
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
            "--published", callback=_check_date, help="Date for documents that have none (YYYY-MM-DD)."
        ),
    ] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Skip documents larger than this.")] = 5.0,
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
    if scheduler and engine_name is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask")
    store = _open_store(db)
    try:
        with _engine(engine_name, workers, scheduler) as engine:
            _run(paths, store, engine, published, max_mb, chunk_size, export_dir)
    finally:
        store.close()


@contextmanager
def _engine(name: Engine, workers: int | None, scheduler: str | None) -> Iterator[Any]:
    from frontwatch.scale import LocalPool, cores

    if name is Engine.local:
        with LocalPool(workers or cores()) as pool:
            yield pool
        return
    from frontwatch.scale.cluster import DaskEngine, DaskUnavailable

    try:
        dask = DaskEngine(scheduler, workers=workers or cores())
    except DaskUnavailable as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot reach the Dask scheduler {printable(scheduler or '')}: {exc}")
        raise typer.Exit(2) from exc
    with dask:
        yield dask


def _run(
    paths: Sequence[Path | str],
    store: Store,
    engine: Any,
    published: str | None,
    max_mb: float,
    chunk_size: int,
    export_dir: Path | None,
) -> None:
    from frontwatch.pipeline import run as run_pipeline

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
            task = bar.add_task("reading", total=None, doc="")

            def progress(phase: str, done: int, total: int | None, doc_id: str) -> None:
                bar.update(task, description=phase, completed=done, total=total, doc=doc_id)

            summary = run_pipeline(
                paths,
                store,
                published=published,
                max_bytes=int(max_mb * 1e6),
                progress=progress,
                on_error=on_error,
                engine=engine,
                chunk_size=chunk_size,
            )
    else:
        summary = run_pipeline(
            paths,
            store,
            published=published,
            max_bytes=int(max_mb * 1e6),
            on_error=on_error,
            engine=engine,
            chunk_size=chunk_size,
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


def _show_version(value: bool) -> None:
    if value:
        out.print(f"frontwatch {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """frontwatch: one sourced, geocoded, deduplicated record of a war from many news articles."""


def _places_named(name: str) -> list[Place]:
    """Places a name may mean, towns first: the gazetteer's spellings, then fuzzy ones."""
    from frontwatch import gazetteer

    g = gazetteer.load()
    found = g.lookup(name, kinds=("settlement", "feature", "region")) or g.lookup(
        name, fuzzy=True, kinds=("settlement", "feature", "region")
    )
    rank = {"settlement": 0, "feature": 1, "region": 2}
    return sorted(found, key=lambda p: (rank[p.kind], -p.population))[:10]


def _place_label(p: Place | None) -> str:
    if p is None:
        return "-"
    where = ", ".join(x for x in (p.admin1, p.country) if x and x != p.name)
    return f"{p.name} ({where})" if where else p.name


def _report_line(status: str, source: Party | None, doc_id: str, when: str | None) -> str:
    who = f"{source.name or 'unnamed'} ({source.side or '?'})" if source else "own voice"
    return f"{when or 'undated'} {status}: {who} [{doc_id}]"


@app.command("incidents")
def incidents_cmd(
    db: DbOption = None,
    place: Annotated[str | None, typer.Option("--place", help="A place name, any spelling.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Event type, e.g. withdrawal, capture.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="confirmed, corroborated, contested or single-source.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", callback=_check_date, help="Only incidents dated on or after this day (YYYY-MM-DD)."
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many.")] = 200,
) -> None:
    """List incidents: one row per real event, with its reports and who says what."""
    store = _open_store(db)
    filters: dict = {"types": [type_] if type_ else [], "status": status, "since": since}
    if place:
        candidates = _places_named(place)
        if not candidates:
            err.print(f"[red]error:[/red] no place called {place!r} in the gazetteer")
            raise typer.Exit(1)
        rows: dict[str, Incident] = {}
        for p in candidates:
            if p.kind == "region":
                found = store.find_incidents(admin1=p.admin1, **filters)
            elif p.geonameid is not None:
                found = store.find_incidents(geonameid=p.geonameid, **filters)
            else:
                found = [i for i in store.find_incidents(admin1=p.admin1, **filters) if i.place == p]
            rows.update((i.incident_id, i) for i in found)
        found = sorted(rows.values(), key=lambda i: ((i.date.start if i.date else "9999"), i.incident_id))
    else:
        found = store.find_incidents(**filters)
    shown = found[:limit]
    events = store.events_by_id(e for i in shown for e in i.event_ids)
    published = {
        d: m["published"] for d, m in store.document_meta({e.doc_id for e in events.values()}).items()
    }
    table = Table(title=f"{len(found)} incidents", title_justify="left", show_lines=True)
    for col in ("incident", "type", "place", "date", "actor", "status", "reports", "sources", "conflicts"):
        table.add_column(col, overflow="fold")
    for inc in shown:
        members = [events[e] for e in inc.event_ids if e in events]
        sources = "\n".join(
            _report_line(m.status, m.source, m.doc_id, m.date.start if m.date else published.get(m.doc_id))
            for m in members
        )
        table.add_row(
            inc.incident_id,
            inc.type,
            _place_label(inc.place),
            (inc.date.start if inc.date.start == inc.date.end else f"{inc.date.start}..{inc.date.end}")
            if inc.date
            else "-",
            inc.actor_side or "?",
            inc.status,
            f"{inc.n_reports} in {inc.n_documents} docs, {inc.n_independent_sources} independent",
            sources,
            "\n".join(f"{c.kind}: {c.detail}" for c in inc.conflicts) or "-",
        )
    out.print(table)
    store.close()


def _change_date(c: ControlChange) -> str:
    if c.date:
        return c.date.start if c.date.start == c.date.end else f"{c.date.start}..{c.date.end}"
    return f"undated, before {c.before}" if c.before else "undated"


@app.command("timeline")
def timeline_cmd(
    place: Annotated[str, typer.Argument(help="A place name, any spelling (Izyum, Izium, Ізюм).")],
    db: DbOption = None,
) -> None:
    """Who holds a place over time, according to whom: its withdrawals and captures."""
    from frontwatch import timeline

    store = _open_store(db)
    candidates = _places_named(place)
    if not candidates:
        err.print(f"[red]error:[/red] no place called {place!r} in the gazetteer")
        raise typer.Exit(1)
    shown = 0
    for p in candidates:
        changes = timeline.for_place(store, p)
        if not changes:
            continue
        shown += 1
        table = Table(title=f"{_place_label(p)}: control timeline", title_justify="left", show_lines=True)
        for col in ("date", "change", "in control after", "status", "reports"):
            table.add_column(col, overflow="fold")
        for c in changes:
            verb = "withdrew" if c.change == "withdrawal" else "captured"
            reports = "\n".join(
                _report_line(r.status, r.source, r.doc_id, r.date or r.published) for r in c.reports
            )
            table.add_row(
                _change_date(c),
                f"{c.actor_side or 'unknown side'} {verb}",
                c.side or "?",
                c.status,
                reports,
            )
        out.print(table)
    if not shown:
        out.print(f"no withdrawal or capture of {_place_label(candidates[0])} in the store")
    store.close()


def _interval(value: str) -> float:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value)
    if not m or float(m[1]) <= 0:
        raise typer.BadParameter("expected a positive duration such as 90s, 15m, 1h")
    return float(m[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m[2]]


@app.command("watch")
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

    from frontwatch.pipeline import run as run_pipeline
    from frontwatch.scale import LocalPool, cores

    seconds = _interval(every)
    limit = 1 if once else times
    store = _open_store(db)

    def on_error(e: IngestError) -> None:
        err.print(f"[yellow]skipped[/yellow] {printable(e.source)}: {printable(e.reason)}", highlight=False)

    # One pool for every fetch: its processes keep the models loaded between rounds.
    with LocalPool(workers or cores()) as pool:
        done = 0
        while True:
            summary = run_pipeline(feeds, store, on_error=on_error, engine=pool)
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
