"""The read commands `incidents`, `timeline` and `show`: the store as tables, JSON or CSV."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any, get_args

import typer
from rich.table import Table

from frontwatch.cli.common import DbOption, check_date, err, open_readonly, open_store, out
from frontwatch.fuse.timeline import ControlChange
from frontwatch.records import DateRange, EventType, Incident, IncidentStatus, Party, Place
from frontwatch.terminal import plain, printable


def _choice(allowed: tuple[str, ...]) -> Callable[[str | None], str | None]:
    def check(value: str | None) -> str | None:
        if value is not None and value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of: {', '.join(allowed)}")
        return value

    return check


EVENT_TYPES: tuple[str, ...] = get_args(EventType)
STATUSES: tuple[str, ...] = get_args(IncidentStatus)


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


def _span(dates: DateRange | None) -> str:
    """A day, or first..last day."""
    if dates is None:
        return "undated"
    return dates.start if dates.start == dates.end else f"{dates.start}..{dates.end}"


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
            "--since", callback=check_date, help="Only incidents dated on or after this day (YYYY-MM-DD)."
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many.")] = 200,
    format_: FormatOption = "table",
) -> None:
    """List incidents: one row per real event, with its reports and who says what."""
    _fit_width()
    store = open_store(db, create=False)
    filters: dict[str, Any] = {"types": [type_] if type_ else [], "status": status, "since": since}
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
        when = _span(inc.date)
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
        return _span(c.date)
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


def _timeline_row(c: ControlChange) -> dict[str, Any]:
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


def timeline_cmd(
    place: Annotated[str, typer.Argument(help="A place name, any spelling (Izyum, Izium, Ізюм).")],
    db: DbOption = None,
    format_: FormatOption = "table",
) -> None:
    """Who holds a place over time, according to whom: its withdrawals and captures."""
    from frontwatch.fuse import timeline

    _fit_width()
    store = open_store(db, create=False)
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


def _check_show_format(value: str) -> str:
    if value not in ("table", "json"):
        raise typer.BadParameter("choose from table, json")
    return value


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
    store = open_readonly(db)
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
    when = _span(inc.date)
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
        said_on = (r["date"] or {}).get("start") or doc.get("published")
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
            _report_line(r["status"], source, r["doc_id"], said_on) + note + "\n" + where,
            _quote(r["evidence"]["text"], 2000),
        )
    out.print(table)
