"""Syndicated and near-duplicate copies: MinHash LSH over word shingles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
# Copies of one wire story keep most 5-word shingles even after an outlet trims or adds a paragraph;
# independent reports of the same event share far fewer.
THRESHOLD = 0.5

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    doc_id: str
    signature: bytes
    order: tuple  # earlier sorts first: the original of a group of copies


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


SCHEME = "affine32"  # stored signatures are only comparable under one hashing scheme


# The permutations depend on the seed alone; building them for every MinHash cost about a millisecond each,
# which a comparison against every stored document paid once per document.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> bytes:
    m = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, scheme=SCHEME)
    items = list(shingles(text))
    if items:
        m.update_batch(items)
    return m.hashvalues.astype(np.uint64).tobytes()


def _minhash(sig: bytes) -> MinHash:
    hashvalues = np.frombuffer(sig, dtype=np.uint64)
    return MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, permutations=_PERMUTATIONS, scheme=SCHEME)


def find_duplicates(prints: Sequence[Fingerprint], threshold: float = THRESHOLD) -> dict[str, str | None]:
    """Map every doc_id to the original it copies, or None. The original is the earliest by `order`."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    result: dict[str, str | None] = {}
    order_of: dict[str, tuple] = {}
    for fp in sorted(prints, key=lambda f: f.order):
        if fp.doc_id in order_of:
            continue
        m = _minhash(fp.signature)
        # Point at the root of the earliest matching group, so chains of copies never form.
        roots = {result[d] or d for d in lsh.query(m)}
        result[fp.doc_id] = min(roots, key=order_of.__getitem__) if roots else None
        order_of[fp.doc_id] = fp.order
        lsh.insert(fp.doc_id, m)
    return result
