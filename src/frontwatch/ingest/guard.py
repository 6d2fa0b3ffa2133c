"""Run one stage of one document so that its failure, or its taking too long, is that document's error alone.

The time limit uses a real-time interval timer, so it works in the main thread of any process (a worker
process included); elsewhere (another thread, or a platform without SIGALRM) the stage runs unlimited.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from frontwatch.records import IngestError

T = TypeVar("T")
DEFAULT_TIME_LIMIT = 300.0  # seconds for one stage of one document


class TimeLimitExceeded(Exception):
    pass


class DocumentProblem(ValueError):
    """A document that a stage rejects for a reason its message states fully."""


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in the block once `seconds` have passed; a no-op where signals are
    unavailable. An outer timer already running is left to its own (earlier) deadline."""
    if not seconds or seconds <= 0 or not _can_time():
        yield
        return
    outer = signal.getitimer(signal.ITIMER_REAL)[0]
    if outer and outer <= seconds:
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise TimeLimitExceeded(f"took longer than the {seconds:g} s time limit")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, outer)


def guard(
    stage: str,
    source: str,
    doc_id: str | None,
    fn: Callable[..., T],
    *args: Any,
    limit: float | None = None,
) -> T | IngestError:
    """`fn(*args)`, or an `IngestError` naming the file, the stage and the reason it failed."""
    try:
        with time_limit(limit):
            return fn(*args)
    except TimeLimitExceeded as exc:
        return IngestError(source, f"{stage}: {exc}", doc_id)
    except DocumentProblem as exc:
        return IngestError(source, str(exc), doc_id)
    except Exception as exc:
        reason = " ".join(str(exc).split())[:300] or "no message"
        return IngestError(source, f"{stage} failed: {type(exc).__name__}: {reason}", doc_id)
