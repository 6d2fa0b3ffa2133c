from __future__ import annotations

import os
from pathlib import Path

import pytest

from frontwatch.store import Store, metadata

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


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
