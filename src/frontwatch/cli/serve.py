"""`frontwatch serve`: the analyst workspace over HTTP."""

from __future__ import annotations

from typing import Annotated

import typer

from frontwatch import __version__
from frontwatch.cli.common import DbOption, err, open_readonly, out
from frontwatch.terminal import printable


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
    store = open_readonly(db)
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
