"""The language layer: concept files load as documented, and every language provides the same concepts."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from frontwatch import lang

ROOT = Path(str(resources.files("frontwatch.lang")))


def concepts(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_every_language_folder_has_the_concepts_of_english() -> None:
    english = concepts(ROOT / "en")
    for folder in ROOT.iterdir():
        if folder.is_dir() and folder.name not in ("en", "__pycache__"):
            assert concepts(folder) == english, folder.name


def test_unknown_concept_names_the_missing_file() -> None:
    with pytest.raises(LookupError, match=r"en/no/such_concept\.txt"):
        lang.words("no/such_concept")


def test_every_word_list_parses_without_empty_or_padded_entries() -> None:
    for path in sorted((ROOT / "en").rglob("*.txt")):
        concept = path.relative_to(ROOT / "en").with_suffix("").as_posix()
        items = lang.entries(concept)
        assert items, concept
        assert all(item == item.strip() and item for item in items), concept
        assert len(set(items)) == len(items), f"{concept} repeats an entry"
