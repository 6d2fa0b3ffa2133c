"""Command line: `frontwatch run`, `watch`, `export`, `incidents`, `timeline`, `show`, `serve`."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, get_args

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from frontwatch import __version__
from frontwatch.export import export as write_export
from frontwatch.fuse.timeline import ControlChange
from frontwatch.ingest.guard import DEFAULT_TIME_LIMIT
from frontwatch.records import EventType, Incident, IncidentStatus, IngestError, Party, Place, SkippedFile
from frontwatch.store import Store, StoreBusy, StoreError
from frontwatch.terminal import plain, printable

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
    from frontwatch.pipeline import run as run_pipeline

    if scheduler and engine_name is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask")
    store = _open_store(db)
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

    options = {
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
        summary = _run_with_progress(run_pipeline, paths, store, engine=engine, **options)

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


def _run_with_progress(run_pipeline, paths, store: Store, **options):
    if not err.is_terminal:
        return _run_or_busy(run_pipeline, paths, store, **options)
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

        return _run_or_busy(run_pipeline, paths, store, progress=progress, **options)


@contextmanager
def _engine(name: Engine, workers: int | None, scheduler: str | None, store: Store) -> Iterator[Any]:
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
    store = _open_store(db, create=False)
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
    from frontwatch.places import gazetteer

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
    """A report as Rich text: its date, status, speaker and document, all shown literally."""
    who = f"{source.name or 'unnamed'} ({source.side or '?'})" if source else "own voice"
    return printable(f"{when or 'undated'} {status}: {who} [{doc_id}]")


def _quote(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return printable("“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”")


FORMATS = ("table", "json", "csv")


def _check_format(value: str) -> str:
    if value not in FORMATS:
        raise typer.BadParameter(f"choose from {', '.join(FORMATS)}")
    return value


FormatOption = Annotated[
    str, typer.Option("--format", callback=_check_format, help="table (default), json or csv.")
]


def _emit(pieces: Iterable[str]) -> None:
    """Write JSON or CSV to standard output; to a terminal with control characters made visible."""
    tty = sys.stdout.isatty()
    for piece in pieces:
        sys.stdout.write(plain(piece) if tty else piece)
    sys.stdout.flush()


def _fit_width() -> None:
    """Follow COLUMNS as it is when a command runs (the console is made at import)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        out.width = int(columns)


def _json_text(value: object) -> Iterator[str]:
    yield json.dumps(value, ensure_ascii=sys.stdout.isatty(), indent=2) + "\n"


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
    format_: FormatOption = "table",
) -> None:
    """List incidents: one row per real event, with its reports and who says what."""
    _fit_width()
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
    if format_ == "json":
        _emit(_json_text([i.to_dict() for i in shown]))
        store.close()
        return
    if format_ == "csv":
        from frontwatch.export import formats, tables
        from frontwatch.store import IncidentRow

        batch = [
            IncidentRow(
                i,
                bool(i.event_ids) and all(events[e].background for e in i.event_ids if e in events),
                ("", ""),
            )
            for i in shown
        ]
        _emit(formats.csv_text(tables.INCIDENT_COLUMNS, [tables.incident_rows(store, batch)]))
        store.close()
        return
    published = {
        d: m["published"] for d, m in store.document_meta({e.doc_id for e in events.values()}).items()
    }
    table = Table(title=f"{len(found)} incidents", title_justify="left", show_lines=True, expand=True)
    table.add_column("incident", overflow="fold", min_width=18)
    table.add_column("where and how sure", overflow="fold", ratio=1)
    table.add_column("who says what", overflow="fold", ratio=2)
    for inc in shown:
        members = [events[e] for e in inc.event_ids if e in events]
        sources = "\n".join(
            _report_line(m.status, m.source, m.doc_id, m.date.start if m.date else published.get(m.doc_id))
            + "\n"
            + _quote(m.evidence.text)
            for m in members
        )
        when = (
            (inc.date.start if inc.date.start == inc.date.end else f"{inc.date.start}..{inc.date.end}")
            if inc.date
            else "undated"
        )
        conflicts = "".join(
            f"\n[yellow]{printable(c.kind)}[/yellow]: {printable(c.detail)}" for c in inc.conflicts
        )
        table.add_row(
            f"{printable(inc.incident_id)}\n{inc.type}\n{when}",
            f"{_place_label(inc.place)}\n"
            f"[bold]{inc.status}[/bold], actor {printable(inc.actor_side or '?')}\n"
            f"{inc.n_reports} in {inc.n_documents} docs, {inc.n_independent_sources} independent{conflicts}",
            sources,
        )
    out.print(table)
    store.close()


def _change_date(c: ControlChange) -> str:
    if c.date:
        return c.date.start if c.date.start == c.date.end else f"{c.date.start}..{c.date.end}"
    return f"undated, before {c.before}" if c.before else "undated"


TIMELINE_COLUMNS = (
    "place",
    "geonameid",
    "admin1_code",
    "date_start",
    "date_end",
    "before",
    "change",
    "actor_side",
    "side_after",
    "status",
    "incident_id",
    "first_reported",
    "evidence",
)


def _timeline_row(c: ControlChange) -> dict:
    return {
        "place": c.place.name,
        "geonameid": c.place.geonameid if c.place.geonameid is not None else "",
        "admin1_code": c.place.admin1 or "",
        "date_start": c.date.start if c.date else "",
        "date_end": c.date.end if c.date else "",
        "before": c.before or "",
        "change": c.change,
        "actor_side": c.actor_side or "",
        "side_after": c.side or "",
        "status": c.status,
        "incident_id": c.incident_id,
        "first_reported": c.first_reported or "",
        "evidence": " || ".join(
            f"[{r.status}] {(r.source.name or 'unnamed') if r.source else 'own voice'}: {r.text}"
            for r in c.reports
        ),
    }


@app.command("timeline")
def timeline_cmd(
    place: Annotated[str, typer.Argument(help="A place name, any spelling (Izyum, Izium, Ізюм).")],
    db: DbOption = None,
    format_: FormatOption = "table",
) -> None:
    """Who holds a place over time, according to whom: its withdrawals and captures."""
    from frontwatch.fuse import timeline

    _fit_width()
    store = _open_store(db, create=False)
    candidates = _places_named(place)
    if not candidates:
        err.print(f"[red]error:[/red] no place called {printable(repr(place))} in the gazetteer")
        raise typer.Exit(1)
    found = [(p, changes) for p in candidates if (changes := timeline.for_place(store, p))]
    store.close()
    if format_ == "json":
        _emit(_json_text([{"place": p.to_dict(), "changes": [c.to_dict() for c in cs]} for p, cs in found]))
        return
    if format_ == "csv":
        from frontwatch.export import formats

        _emit(formats.csv_text(TIMELINE_COLUMNS, [[_timeline_row(c) for _, cs in found for c in cs]]))
        return
    for p, changes in found:
        title = f"{_place_label(p)}: control timeline"
        table = Table(title=title, title_justify="left", show_lines=True, expand=True)
        table.add_column("date", overflow="fold", min_width=10)
        table.add_column("change", overflow="fold")
        table.add_column("who holds it, how sure", overflow="fold")
        table.add_column("reports", overflow="fold", ratio=2)
        for c in changes:
            verb = "withdrew" if c.change == "withdrawal" else "captured"
            reports = "\n".join(
                _report_line(r.status, r.source, r.doc_id, r.date or r.published) + "\n" + _quote(r.text)
                for r in c.reports
            )
            table.add_row(
                printable(_change_date(c)),
                printable(f"{c.actor_side or 'unknown side'} {verb}") + f"\n{printable(c.incident_id)}",
                printable(f"{c.side or '?'}\n{c.status}"),
                reports,
            )
        out.print(table)
    if not found:
        out.print(f"no withdrawal or capture of {_place_label(candidates[0])} in the store")


def _open_readonly(db: str | None) -> Store:
    try:
        return Store.open_readonly(db)
    except StoreError as exc:
        err.print(f"[red]error:[/red] cannot open the store: {printable(exc)}")
        raise typer.Exit(2) from exc


def _check_show_format(value: str) -> str:
    if value not in ("table", "json"):
        raise typer.BadParameter("choose from table, json")
    return value


@app.command("show")
def show_cmd(
    incident_id: Annotated[str, typer.Argument(help="An incident id, e.g. I-0123456789abcdef.")],
    db: DbOption = None,
    format_: Annotated[
        str, typer.Option("--format", help="table (default) or json.", callback=_check_show_format)
    ] = "table",
) -> None:
    """One incident with its evidence: every report, who says it, how sure, and the sentence."""
    from frontwatch.serve.evidence import incident_detail

    _fit_width()
    store = _open_readonly(db)
    inc = store.incident(incident_id)
    if inc is None and (merged := store.incident_redirect(incident_id)) is not None:
        err.print(f"{printable(incident_id)} merged into {printable(merged)}")
        inc = store.incident(merged)
    if inc is None:
        store.close()
        err.print(f"[red]error:[/red] no incident {printable(incident_id)} in the store")
        raise typer.Exit(1)
    detail = incident_detail(store, inc)
    store.close()
    if format_ != "table":
        _emit(_json_text(detail))
        return
    when = (
        (inc.date.start if inc.date.start == inc.date.end else f"{inc.date.start}..{inc.date.end}")
        if inc.date
        else "undated"
    )
    head = Table(show_header=False, title=printable(inc.incident_id), title_justify="left")
    head.add_column(style="bold")
    head.add_column(overflow="fold")
    head.add_row("what", f"{inc.type} by {inc.actor_side or 'unknown side'}")
    head.add_row("where", _place_label(inc.place))
    head.add_row("when", when)
    head.add_row("status", f"[bold]{inc.status}[/bold]")
    head.add_row("why", printable(detail["why"]))
    out.print(head)
    table = Table(title="reports", title_justify="left", show_lines=True, expand=True)
    table.add_column("who, how sure, where", overflow="fold", ratio=1)
    table.add_column("evidence", overflow="fold", ratio=2)
    for r in detail["reports"]:
        doc = r["document"] or {}
        source = Party(**r["source"]) if r["source"] else None
        when = (r["date"] or {}).get("start") or doc.get("published")
        where = "\n".join(
            printable(x)
            for x in (
                doc.get("title"),
                doc.get("url"),
                f"chars {r['evidence']['start']}-{r['evidence']['end']}",
            )
            if x
        )
        note = "" if r["counted"] else "\n[italic]copy, not counted[/italic]"
        table.add_row(
            _report_line(r["status"], source, r["doc_id"], when) + note + "\n" + where,
            _quote(r["evidence"]["text"], 2000),
        )
    out.print(table)


@app.command("serve")
def serve_cmd(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """The analyst workspace: a map page, an HTTP API and exports over the store, read-only."""
    try:
        import uvicorn

        from frontwatch.serve import LOCAL_HOSTS, create_app, is_local
    except ModuleNotFoundError as exc:
        err.print(f"[red]error:[/red] serving needs {exc.name}: reinstall frontwatch")
        raise typer.Exit(2) from exc
    store = _open_readonly(db)
    local = is_local(host)
    if not local:
        err.print(
            f"[yellow]warning:[/yellow] listening on {printable(host)}: anyone who can reach this "
            "machine can read the store. There is no login."
        )
    app_ = create_app(store, allowed_hosts=(*LOCAL_HOSTS, host) if local else None)
    out.print(
        f"frontwatch {__version__} serving {printable(store.display_url)} on http://{printable(host)}:{port}/"
    )
    try:
        uvicorn.run(app_, host=host, port=port, log_level="warning")
    finally:
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
            summary = _run_or_busy(run_pipeline, feeds, store, on_error=on_error, engine=pool)
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
