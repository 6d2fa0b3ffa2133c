"""`frontwatch serve`: the analyst workspace (HTTP API, exports and the map page) over a store, read-only."""

from __future__ import annotations

from frontwatch.serve.app import create_app
from frontwatch.serve.security import LOCAL_HOSTS

__all__ = ["LOCAL_HOSTS", "create_app", "is_local"]


def is_local(host: str) -> bool:
    return host.strip("[]").lower() in LOCAL_HOSTS or host.startswith("127.")
