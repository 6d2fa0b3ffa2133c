"""Command line: `frontwatch run`, `watch`, `export`, `incidents`, `timeline`, `show`, `serve`, `gazetteer`.

The commands live in one module per group and are registered here, in one place, because the order of
registration is the order of `frontwatch --help`.
"""

from __future__ import annotations

from frontwatch.cli.common import app, main
from frontwatch.cli.export import export_cmd
from frontwatch.cli.gazetteer import gazetteer_app
from frontwatch.cli.read import incidents_cmd, show_cmd, timeline_cmd
from frontwatch.cli.run import run as run_cmd  # the bare name would hide the module cli.run
from frontwatch.cli.serve import serve_cmd
from frontwatch.cli.watch import watch_cmd

app.command("run")(run_cmd)
app.command("export")(export_cmd)
app.command("incidents")(incidents_cmd)
app.command("timeline")(timeline_cmd)
app.command("show")(show_cmd)
app.command("serve")(serve_cmd)
app.command("watch")(watch_cmd)
app.add_typer(gazetteer_app, name="gazetteer")

__all__ = ["app", "main"]
