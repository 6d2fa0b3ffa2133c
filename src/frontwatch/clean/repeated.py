"""Lines repeated at the head or tail of several independent documents: an outlet's own furniture."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from frontwatch.clean.lines import is_prose, line_key, normalize_text


def edge_keys(text: str) -> set[str]:
    """Keys of the lines before the first or after the last prose paragraph, where furniture sits."""
    lines = [ln.strip() for ln in normalize_text(text).split("\n") if ln.strip()]
    prose = [i for i, ln in enumerate(lines) if is_prose(ln)]
    if not prose:
        return {line_key(ln) for ln in lines}
    first, last = prose[0], prose[-1]
    return {line_key(ln) for i, ln in enumerate(lines) if i < first or i > last}


def repeated_lines(edge_key_sets: Iterable[set[str]], min_docs: int = 3) -> frozenset[str]:
    """Edge lines found in at least `min_docs` documents. Pass one set per independent document
    (syndicated copies merged), or every line of a copied story would look like furniture."""
    counts: Counter[str] = Counter()
    for keys in edge_key_sets:
        counts.update(keys)
    return frozenset(k for k, n in counts.items() if n >= min_docs and k)
