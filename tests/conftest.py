from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from frontwatch import versions
from frontwatch.records import Place, PlaceMention
from frontwatch.store import Store, metadata

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


# The rules' tests read short sentences written to test what the rules find; the learned typer, which
# confirms the rules' events in a shipped run, is tested by itself (test_typer) and in the shipped
# configuration on the seeds (test_seeds, which clears this).
os.environ.setdefault("FRONTWATCH_TYPER", "off")

# A PostgreSQL server to run the store tests against as well, e.g. postgresql://user:pw@localhost/db
POSTGRES_URL = os.environ.get("FRONTWATCH_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "sqlite":
        s = Store(f"sqlite:///{tmp_path / 'test.db'}")
    elif POSTGRES_URL:
        s = Store(POSTGRES_URL)
    else:
        pytest.skip("FRONTWATCH_TEST_POSTGRES is not set")
    yield s
    if request.param == "postgresql":
        metadata.drop_all(s.engine)
    s.close()


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def town(name: str, lat: float, lon: float, admin1: str, gid: int, pop: int = 0, cc: str = "UA") -> Place:
    return Place("settlement", gid, name, lat, lon, admin1, cc, pop)


def region(name: str, admin1: str, gid: int, cc: str = "UA") -> Place:
    return Place("region", gid, name, None, None, admin1, cc)


def feature(name: str, lat: float, lon: float, admin1: str, gid: int) -> Place:
    return Place("feature", gid, name, lat, lon, admin1, "UA")


def hand_places(text: str, places: dict[str, Place]) -> list[PlaceMention]:
    """Place mentions made by hand from a pattern -> place table, longest patterns first, so that event
    tests do not depend on the gazetteer's choices."""
    out: list[PlaceMention] = []
    taken: set[int] = set()
    for pattern in sorted(places, key=len, reverse=True):
        for m in re.finditer(rf"\b(?:{pattern})\b", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken |= set(range(m.start(), m.end()))
            out.append(PlaceMention("d", m.group(0), m.start(), m.end(), places[pattern]))
    return sorted(out, key=lambda p: p.start)


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store built by the real pipeline from examples/, for the workspace's tests to read."""
    from frontwatch.pipeline import run

    url = f"sqlite:///{tmp_path_factory.mktemp('examples') / 'examples.db'}"
    with Store(url) as s:
        run([ROOT / "examples"], s, published="2022-10-02")
    return url


def stage_versions_with(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> dict[str, str]:
    """The analysis stages' versions with an environment switch set (they are cached per process)."""
    monkeypatch.setenv(variable, value)
    versions.stage_versions.cache_clear()
    try:
        return versions.stage_versions()
    finally:
        versions.stage_versions.cache_clear()


def files_of_stage(stage: str) -> set[str]:
    """The package files counted in a stage's version, relative to the package."""
    return {p.relative_to(versions.ROOT).as_posix() for p in versions.stage_files()[stage]}


TRAIN_CORPUS = Path(__file__).resolve().parents[1] / "train" / "corpus"


def corpus_texts(every: int = 1) -> list[str]:
    """The article texts of the team-written training corpus, every `every`-th folder's (its styles, not one
    folder's)."""
    return [
        json.loads(line).get("text") or ""
        for path in sorted(TRAIN_CORPUS.glob("*/articles.jsonl"))[::every]
        for line in path.read_text("utf-8").splitlines()
    ]


def corpus_sentences(every: int = 1) -> list[str]:
    """The corpus's sentences and lines, split roughly (at final stops and line breaks)."""
    return [s for t in corpus_texts(every) for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]
