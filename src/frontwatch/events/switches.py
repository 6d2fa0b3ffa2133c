"""The environment switches of the event stage's learned parts, read without loading any model: the
stage's version names them, and the writer of a run computes it without spaCy."""

from __future__ import annotations

import os

ON_OFF = ("on", "off")


def switch(variable: str, default: str, modes: tuple[str, ...] = ON_OFF) -> str:
    value = os.environ.get(variable, default).strip().lower() or default
    if value not in modes:
        raise ValueError(f"{variable} must be one of {', '.join(modes)}, not {value!r}")
    return value


def gate() -> str:
    return switch("FRONTWATCH_GATE", "on")


def instance_filter() -> str:
    return switch("FRONTWATCH_FILTER", "off")


def linker() -> str:
    return switch("FRONTWATCH_LINKER", "off")
