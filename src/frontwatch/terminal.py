"""Text from input made safe for a terminal: no markup, no control sequences.

Article text, titles and ids come from third parties. Rich reads `[...]` as markup and a terminal obeys
ANSI/OSC escape sequences, so everything printed from input passes through `printable` first.
"""

from __future__ import annotations

import re

from rich.markup import escape

# C0 and C1 controls except tab and newline, DEL, and the bidi overrides that can reorder a line.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: object) -> str:
    """The text with every control character shown as a visible code point instead of obeyed."""
    return _CONTROLS.sub(_shown, str(text))


def _shown(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else "\ufffd"


def printable(text: object) -> str:
    """`plain`, then escaped so that Rich prints it literally."""
    return escape(plain(text))
