"""Build the scorer's gold file and the JSON Lines input for a split from its offsets and ../shared/data.

The output holds third-party text: write it to a temporary folder, never into the repository.

usage: python eval/real/build.py SPLIT OUT_DIR     (SPLIT: dev or test)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realset


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("dev", "test"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    if out.is_relative_to(realset.ROOT):
        print(f"error: {out} is inside the repository; built files hold third-party text", file=sys.stderr)
        return 2
    stored = realset.load_split(realset.HERE / f"{argv[0]}.json")
    try:
        gold, articles = realset.write_built(stored, out)
    except realset.AnnotationError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"{gold}\n{articles}\n{len(stored['documents'])} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
