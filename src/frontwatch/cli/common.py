"""The Typer app, its consoles, and what several command groups share: the store option and its opening."""

from __future__ import annotations

import os
import re
from datetime import date
from typing import Annotated

import typer
from rich.console import Console

from frontwatch import __version__
from frontwatch.store import Store, StoreError
from frontwatch.terminal import printable

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


def open_store(db: str | None, *, create: bool = True) -> Store:
    """The store; the read commands (`create=False`) never create one where none is."""
    try:
        return Store(db, create=create)
    except (StoreError, Exception) as exc:
        where = f" {printable(db)}" if db else ""
        err.print(f"[red]error:[/red] cannot open the store{where}: {printable(exc)}", soft_wrap=True)
        raise typer.Exit(2) from exc


def open_readonly(db: str | None) -> Store:
    try:
        return Store.open_readonly(db)
    except StoreError as exc:
        err.print(f"[red]error:[/red] cannot open the store: {printable(exc)}")
        raise typer.Exit(2) from exc


def check_date(value: str | None) -> str | None:
    if value is None:
        return value
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: expected YYYY-MM-DD") from None
    return value


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
