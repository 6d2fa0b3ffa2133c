"""The off-topic document gate: whether a document is about armed conflict at all, learned from the
team-written corpus (`frontwatch.learn.gate_train`).

A logistic regression over the document's words (hashed, sublinear counts, unit length) and a few features
of its places and words: the share of its resolved places that lie in Ukraine or Russia, how many do, and
how many war words (munitions, military units) it uses. A document scored below the threshold keeps its
places but yields no events: a match report or a wildfire says "captured", "attack" and "evacuated" in
other senses, and the sentence rules cannot tell that from one sentence. numpy only at run time; the
weights and settings are loaded once per process. `FRONTWATCH_GATE=off` turns it off.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from frontwatch.events import lexicon, switches
from frontwatch.linear import bucket, probability, read_weights
from frontwatch.records import Document, PlaceMention

if TYPE_CHECKING:
    import numpy as np

MODEL_DIR = Path(__file__).parent / "gate_model"
WAR_STATES = frozenset({"UA", "RU"})
# Words that are military in any story; "company", "group" and "unit" are not.
WAR_WORDS = (
    lexicon.MUNITIONS
    | lexicon.AIRBORNE
    | {w for w in lexicon.FORCE_UNITS if w.startswith(("battalion", "brigade", "regiment", "troop"))}
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# How the pipeline uses the gate (FRONTWATCH_GATE): "on" sets off-topic documents aside, "off" never does.
MODES = switches.ON_OFF


def mode() -> str:
    return switches.gate()


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def place_features(places: Sequence[PlaceMention], tokens: Sequence[str]) -> list[float]:
    """Share of resolved places in Ukraine or Russia, log count of them, log count of war words."""
    states = [p.place.country for p in places if p.place is not None]
    war = sum(1 for s in states if s in WAR_STATES)
    share = war / len(states) if states else 0.0
    war_words = sum(1 for w in tokens if w in WAR_WORDS or (w.endswith("s") and w[:-1] in WAR_WORDS))
    return [share, math.log1p(war), math.log1p(war_words)]


@dataclass(frozen=True)
class Settings:
    dim: int  # hashed word columns
    place_scale: float  # the place features' weight against the unit-length word vector
    threshold: float  # a document scored below it is set aside

    @classmethod
    def read(cls, path: Path) -> Settings:
        raw = json.loads(path.read_text("utf-8"))
        return cls(int(raw["dim"]), float(raw["place_scale"]), float(raw["threshold"]))


def feature_items(text: str, places: Sequence[PlaceMention], settings: Settings) -> dict[int, float]:
    """One document's non-zero features by column: `dim` word columns, then the place features."""
    tokens = words(text)
    row: dict[int, float] = {}
    for word, n in Counter(tokens).items():
        column = bucket(word, settings.dim)
        row[column] = row.get(column, 0.0) + 1.0 + math.log(n)
    norm = math.sqrt(math.fsum(v * v for v in row.values()))
    if norm > 0:
        row = {column: v / norm for column, v in row.items()}
    for k, v in enumerate(place_features(places, tokens)):
        row[settings.dim + k] = v * settings.place_scale
    return row


def features(text: str, places: Sequence[PlaceMention], settings: Settings) -> np.ndarray:
    """The same features as one dense row, for training."""
    import numpy as np

    row = np.zeros(settings.dim + 3)
    for column, v in feature_items(text, places, settings).items():
        row[column] = v
    return row


def document_text(doc: Document) -> str:
    return f"{doc.title}\n{doc.text}" if doc.title else doc.text


class Gate:
    def __init__(self, folder: Path = MODEL_DIR, threshold: float | None = None) -> None:

        settings = Settings.read(folder / "gate.json")
        if threshold is not None:
            settings = Settings(settings.dim, settings.place_scale, threshold)
        self.settings = settings
        self.weights, self.bias = read_weights(folder / "weights.npz")

    def probability(self, doc: Document, places: Sequence[PlaceMention]) -> float:
        """How likely the document is about armed conflict."""
        return probability(self.weights, self.bias, feature_items(document_text(doc), places, self.settings))

    def on_topic(self, doc: Document, places: Sequence[PlaceMention]) -> bool:
        return self.probability(doc, places) >= self.settings.threshold


@cache
def shared() -> Gate:
    """The shipped model, loaded on first use."""
    return Gate()


def sets_aside(doc: Document, places: Sequence[PlaceMention]) -> bool:
    """Whether the document yields no events because it is not about armed conflict."""
    return mode() == "on" and not shared().on_topic(doc, places)
