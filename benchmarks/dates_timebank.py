"""Date values on TimeBank: DATE expressions resolved against the document creation time.

For every TIMEX3 of type DATE (not the creation time itself) whose value is a day, month or year, the
expression with the ten words before it is given to `frontwatch.events.dates.find_dates`
with the creation time as publication date. Prints coverage (an expression found) and accuracy (the found
start agrees with the gold value at the gold's granularity), per granularity.

usage: python benchmarks/dates_timebank.py [TIMEBANK_DIR]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "timebank_tbaq" / "TimeBank"
TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')
GRAIN = {10: "day", 7: "month", 4: "year"}


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    files = sorted(folder.glob("*.tml")) if folder.is_dir() else []
    if not files:
        print(f"skipped: no .tml files in {folder}")
        return 0
    from frontwatch.events.dates import find_dates

    total, found, right = Counter(), Counter(), Counter()
    for path in files:
        raw = path.read_text(encoding="utf-8", errors="replace")
        tags = [(m, dict(ATTR.findall(m.group(1)))) for m in TIMEX.finditer(raw)]
        dct = next((a["value"] for _, a in tags if a.get("functionInDocument") == "CREATION_TIME"), None)
        if not dct or not re.fullmatch(r"\d{4}-\d\d-\d\d", dct[:10]):
            continue
        for m, a in tags:
            value = a.get("value", "")
            if a.get("type") != "DATE" or a.get("functionInDocument") == "CREATION_TIME":
                continue
            if not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", value):
                continue  # weeks, seasons, PRESENT_REF, partial values: not comparable
            grain = GRAIN[len(value)]
            before = re.sub(r"<[^>]+>", "", raw[max(0, m.start() - 300) : m.start()]).split()[-10:]
            expr = re.sub(r"<[^>]+>", "", m.group(2))
            text = " ".join([*before, expr])
            total[grain] += 1
            dates = [d for d in find_dates(text, dct[:10]) if d.end > len(text) - len(expr) - 1]
            if not dates:
                continue
            found[grain] += 1
            right[grain] += dates[-1].range.start[: len(value)] == value
    for grain in ("day", "month", "year"):
        n = total[grain]
        if n:
            print(
                f"{grain:5s}  n={n:4d}  coverage {found[grain] / n:.3f}  accuracy {right[grain] / n:.3f}"
                f"  precision {right[grain] / max(1, found[grain]):.3f}"
            )
    n = sum(total.values())
    print(
        f"all    n={n:4d}  coverage {sum(found.values()) / n:.3f}  accuracy {sum(right.values()) / n:.3f}"
        f"  precision {sum(right.values()) / max(1, sum(found.values())):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
