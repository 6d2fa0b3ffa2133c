# The second count of a toll, its noun and auxiliary left out: "killed ... and 73 injured".
\band\s+{hedge}(?P<num>{number})\s+(?:more\s+|others?\s+)?(?P<verb>injured|wounded|hurt|killed)\b
