"""The language layer: concept files load as documented, and every language provides the same concepts."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources, util
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


def test_frontwatch_lang_chooses_the_folder_a_process_reads() -> None:
    code = "from frontwatch import lang; print(lang.DEFAULT); lang.words('claims/report_verbs')"
    env = {**os.environ, "FRONTWATCH_LANG": "xx"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.stdout.strip() == "xx"
    assert "language data xx/claims/report_verbs.txt not found" in done.stderr


def test_the_language_names_an_installed_spacy_pipeline() -> None:
    assert util.find_spec(lang.table("model")["spacy"]) is not None
