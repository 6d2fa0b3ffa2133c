"""The language layer: every word list and pattern the stages use, as data files, one file per concept.

A language is a folder, `lang/<code>/`, with sub-folders by stage (`clean/`, `places/`, `events/`,
`claims/`, ...). Three kinds of file:

- `<concept>.txt`: one entry per line, in order; `#` starts a comment, blank lines are skipped. Read with
  `words()` (a frozenset) or `entries()` (the ordered tuple, for lists where order matters).
- `<concept>.toml`: a table (units with factors, trigger senses, ...). Read with `table()`.
- `<concept>.re`: one regular-expression alternative per line, joined with `|`. Read with `pattern()`;
  the caller compiles it with the flags it needs. A line may name a part shared by several patterns as
  `{name}` (lower-case letters and underscores, so quantifiers such as `{1,3}` are left alone), kept by
  the stage as `<stage>/parts/<name>.re`; `expand()` splices the parts in.

Files are read once per process. Stages name concepts (`words("claims/report_verbs")`), never paths, so a
second language is a new folder with the same concept names (tests check that every language folder has
the same files as `en`), whose `model.toml` names the spaCy pipeline that parses it. `FRONTWATCH_LANG`
chooses the folder a process reads (default `en`).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

# read once at import: every cached list of a process comes from one language
DEFAULT = os.environ.get("FRONTWATCH_LANG", "en")
_PART = re.compile(r"\{([a-z_]+)\}")


def _read(concept: str, suffix: str, lang: str) -> str:
    path = resources.files("frontwatch.lang").joinpath(lang, f"{concept}{suffix}")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LookupError(f"language data {lang}/{concept}{suffix} not found") from None


def _lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


@cache
def entries(concept: str, lang: str = DEFAULT) -> tuple[str, ...]:
    """The entries of `<concept>.txt`, in file order."""
    return tuple(_lines(_read(concept, ".txt", lang)))


@cache
def words(concept: str, lang: str = DEFAULT) -> frozenset[str]:
    """The entries of `<concept>.txt` as a set."""
    return frozenset(entries(concept, lang))


@cache
def table(concept: str, lang: str = DEFAULT) -> dict[str, Any]:
    """The parsed `<concept>.toml`."""
    return tomllib.loads(_read(concept, ".toml", lang))


@cache
def pattern(concept: str, lang: str = DEFAULT) -> str:
    """The lines of `<concept>.re` joined as regular-expression alternatives (each wrapped in a group)."""
    lines = [raw.strip() for raw in _read(concept, ".re", lang).splitlines()]
    return "|".join(f"(?:{line})" for line in lines if line and not line.startswith("#"))


def expand(text: str, part: Callable[[str], str]) -> str:
    """`text` with each `{name}` replaced by `part(name)`, as a non-capturing group."""
    return _PART.sub(lambda m: f"(?:{part(m[1])})", text)
