"""The pipeline's chunks over every local core (`LocalPool`) or a Dask cluster (`DaskEngine`).

An engine only runs chunk functions and hands their results back in the order of the chunks; reading,
the single writer and fusion stay in `frontwatch.pipeline`, so every engine gives the same store.
"""

from __future__ import annotations

import os

from frontwatch.scale.local import LocalPool


def cores() -> int:
    """Cores this process may use (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


__all__ = ["LocalPool", "cores"]
