"""Command line: `frontwatch run`, `export`, `incidents`, `timeline`."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Annotated, get_args

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from frontwatch import __version__
from frontwatch.export import export as write_export
from frontwatch.guard import DEFAULT_TIME_LIMIT
from frontwatch.records import EventType, Incident, IncidentStatus, IngestError, Party, Place, SkippedFile
from frontwatch.store import Store, StoreBusy, StoreError
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


def _open_store(db: str | None, *, create: bool = True) -> Store:
    """The store; the read commands (`create=False`) never create one where none is."""
    try:
        return Store(db, create=create)
    except (StoreError, Exception) as exc:
        where = f" {printable(db)}" if db else ""
        err.print(f"[red]error:[/red] cannot open the store{where}: {printable(exc)}", soft_wrap=True)
        raise typer.Exit(2) from exc


def _check_date(value: str | None) -> str | None:
    if value is None:
        return value
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: expected YYYY-MM-DD") from None
    return value


def _choice(allowed: tuple[str, ...]):
    def check(value: str | None) -> str | None:
        if value is not None and value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of: {', '.join(allowed)}")
        return value

    return check


EVENT_TYPES: tuple[str, ...] = get_args(EventType)
STATUSES: tuple[str, ...] = get_args(IncidentStatus)


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
    time_limit: Annotated[
        float,
        typer.Option("--time-limit", help="Seconds one stage may spend on one document (0: no limit)."),
    ] = DEFAULT_TIME_LIMIT,
    wait: Annotated[
        float,
        typer.Option("--wait", help="Seconds to wait while another run writes to the store."),
    ] = 600.0,
) -> None:
    """Read, clean, deduplicate and analyse documents into the store; optionally export."""
    from frontwatch.pipeline import run as run_pipeline

    store = _open_store(db)
    missing = [p for p in paths if not os.path.lexists(p)]

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

    options = {
        "published": published,
        "max_bytes": int(max_mb * 1e6),
        "on_error": on_error,
        "on_warning": on_warning,
        "time_limit": time_limit or None,
        "lock_wait": wait,
        "on_lock_wait": on_lock_wait,
    }

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

            def progress(phase: str, done: int, total: int, doc_id: str) -> None:
                bar.update(task, description=phase, completed=done, total=total, doc=printable(doc_id))

            summary = _run_or_busy(run_pipeline, paths, store, progress=progress, **options)
    else:
        summary = _run_or_busy(run_pipeline, paths, store, **options)

    title = f"frontwatch {__version__} — {printable(store.display_url)}"
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_row("documents read", str(summary.read))
    table.add_row("  new / updated / unchanged", f"{summary.new} / {summary.updated} / {summary.unchanged}")
    table.add_row("duplicates in store", str(summary.duplicates))
    table.add_row("place mentions in store", str(summary.places))
    table.add_row("events in store", str(summary.events))
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


def _run_or_busy(run_pipeline, paths, store: Store, **options):
    try:
        return run_pipeline(paths, store, **options)
    except StoreBusy as exc:
        store.close()
        err.print(f"[red]error:[/red] {printable(exc)}", soft_wrap=True)
        raise typer.Exit(3) from exc


@app.command("export")
def export_cmd(
    directory: Annotated[Path, typer.Argument(help="Folder for the export files.")],
    db: DbOption = None,
) -> None:
    """Write documents, places, events and incidents as JSON Lines."""
    store = _open_store(db, create=False)
    counts = write_export(store, directory)
    store.close()
    out.print(f"exported to {printable(directory)}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


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
    """The place for a table: markup-safe."""
    if p is None:
        return "-"
    where = ", ".join(x for x in (p.admin1, p.country) if x and x != p.name)
    return printable(f"{p.name} ({where})" if where else p.name)


def _report_line(status: str, source: Party | None, doc_id: str, when: str | None) -> str:
    """One report for a table: markup-safe, so a document id shows in its brackets."""
    who = f"{source.name or 'unnamed'} ({source.side or '?'})" if source else "own voice"
    return printable(f"{when or 'undated'} {status}: {who} [{doc_id}]")


@app.command("incidents")
def incidents_cmd(
    db: DbOption = None,
    place: Annotated[str | None, typer.Option("--place", help="A place name, any spelling.")] = None,
    type_: Annotated[
        str | None,
        typer.Option("--type", callback=_choice(EVENT_TYPES), help="Event type: " + ", ".join(EVENT_TYPES)),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", callback=_choice(STATUSES), help="Incident status: " + ", ".join(STATUSES)),
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
    store = _open_store(db, create=False)
    filters: dict = {"types": [type_] if type_ else [], "status": status, "since": since}
    if place:
        candidates = _places_named(place)
        if not candidates:
            err.print(f"[red]error:[/red] no place called {printable(repr(place))} in the gazetteer")
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
            printable(inc.incident_id),
            printable(inc.type),
            _place_label(inc.place),
            printable(
                (inc.date.start if inc.date.start == inc.date.end else f"{inc.date.start}..{inc.date.end}")
                if inc.date
                else "-"
            ),
            printable(inc.actor_side or "?"),
            printable(inc.status),
            f"{inc.n_reports} in {inc.n_documents} docs, {inc.n_independent_sources} independent",
            sources,
            "\n".join(printable(f"{c.kind}: {c.detail}") for c in inc.conflicts) or "-",
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

    store = _open_store(db, create=False)
    candidates = _places_named(place)
    if not candidates:
        err.print(f"[red]error:[/red] no place called {printable(repr(place))} in the gazetteer")
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
                printable(_change_date(c)),
                printable(f"{c.actor_side or 'unknown side'} {verb}"),
                printable(c.side or "?"),
                printable(c.status),
                reports,
            )
        out.print(table)
    if not shown:
        out.print(f"no withdrawal or capture of {_place_label(candidates[0])} in the store")
    store.close()


gazetteer_app = typer.Typer(help="The place gazetteer: GeoNames towns, regions, countries and features.")
app.add_typer(gazetteer_app, name="gazetteer")


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
    from frontwatch import geonames_dump

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

    from frontwatch import gazetteer, geonames_dump

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
