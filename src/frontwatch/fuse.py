"""Fusion of event mentions into incidents (being written)."""

from __future__ import annotations

from collections.abc import Sequence

from frontwatch.store import Store


def update_incidents(store: Store, doc_ids: Sequence[str]) -> None:
    return None
