"""What the learned linear models share (the line classifier, the off-topic gate, the instance filter, the
place linker): a feature's hashed column and the logistic score of a sparse row."""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path

# Beyond this the probability is 0 or 1 to within 1e-26, and exp() of a larger value overflows.
_CLAMP = 60.0


def bucket(key: str, dim: int) -> int:
    """A feature's column: crc32 is the same in every process, unlike Python's salted `hash`."""
    return zlib.crc32(key.encode("utf-8")) % dim


def logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-_CLAMP, min(_CLAMP, z))))


def probability(weights: Sequence[float], bias: float, row: Mapping[int, float]) -> float:
    """The logistic of a sparse row's weighted sum: a sum over its few non-zero columns, since a dense
    product of a wide row would go through BLAS, whose idle threads spin on every core."""
    return logistic(math.fsum(float(weights[column]) * v for column, v in row.items()) + bias)


def read_weights(path: Path) -> tuple[list[float], float]:
    """A model's weights and bias as its trainer saved them (`learn.linear.write_weights`); the weights as a
    plain list, since indexing it per column is faster than a numpy array's scalar access."""
    import numpy as np

    with np.load(path) as saved:
        return saved["weights"].tolist(), float(saved["bias"])
