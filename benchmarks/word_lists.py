"""How much language is still written in Python: word-list and pattern constants in the package's modules.

Counts, per module of src/frontwatch (or of another checkout's, given as ROOT), module-level constants that
hold words: a set, frozenset, list or tuple literal of three or more strings (also `frozenset([...])`,
`set(...)`, `"a b c".split()`), and regular expressions compiled from a string literal of letters. Word
lists read from `lang/` data files count as none. Prints one line per module that has any, then totals.

usage: python benchmarks/word_lists.py [ROOT]
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
LETTERS = re.compile(r"[A-Za-z]{3,}")


def _concept_names(node: ast.AST) -> set[int]:
    """The string literals that name a concept of `lang/` (`lang.words("claims/report_verbs")`): no words."""
    out: set[int] = set()
    for call in ast.walk(node):
        func = call.func if isinstance(call, ast.Call) else None
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "lang":
            out |= {id(n) for arg in call.args for n in ast.walk(arg)}  # type: ignore[attr-defined]
    return out


def _literals(node: ast.AST) -> list[str]:
    names = _concept_names(node)
    return [
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in names
    ]


def _words(node: ast.AST) -> int:
    """English words written in the expression's string literals (identifiers with `_` or `.` are none)."""
    return sum(1 for text in _literals(node) for token in text.split() if WORD.fullmatch(token))


def _is_pattern(node: ast.AST) -> bool:
    calls = [n for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    compiled = [c for c in calls if c.func.attr == "compile" and c.args]  # type: ignore[attr-defined]
    return any(len(LETTERS.findall(" ".join(_literals(c.args[0])))) >= 2 for c in compiled)


# The analysis stages' modules, in the stage packages and in the flat layout before them (to compare).
STAGES = {"ingest", "clean", "places", "claims", "events"}
FLAT = {"extract", "guard", "dedup", "language", "gazetteer", "geonames_dump", "translit", "toponyms", "nlp"}
FLAT |= {"dates", "quantities", "ontology"}


def analysis(module: str) -> bool:
    return module.split("/")[0].removesuffix(".py") in STAGES | FLAT


def count(package: Path) -> dict[str, tuple[int, int, int]]:
    out: dict[str, tuple[int, int, int]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        lists = entries = patterns = 0
        for node in tree.body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            if value is None or isinstance(value, ast.Constant | ast.JoinedStr):
                continue  # one string: a name, a message, a path
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                continue
            if _is_pattern(value):
                patterns += 1
            elif (n := _words(value)) >= 3:
                lists += 1
                entries += n
        if lists or patterns:
            out[path.relative_to(package).as_posix()] = (lists, entries, patterns)
    return out


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    package = root / "src" / "frontwatch"
    if not package.is_dir():
        print(f"{package}: no such package folder")
        return 2
    found = count(package)
    for name, (lists, entries, patterns) in found.items():
        print(f"{name:40} {lists:3} word lists ({entries} words), {patterns} patterns")
    for label, keep in (("analysis stages", True), ("elsewhere (field names, labels, specs)", False)):
        part = [v for name, v in found.items() if analysis(name) == keep]
        lists, words, patterns = (sum(v[k] for v in part) for k in range(3))
        print(f"{label}: {lists} word-list constants ({words} words), {patterns} word patterns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
