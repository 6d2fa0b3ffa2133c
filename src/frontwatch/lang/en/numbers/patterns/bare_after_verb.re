# A count whose noun is left out, the verb before it: "wounding 88", "killing at least 12".
\b(?P<verb>killing|killed|wounding|wounded|injuring|injured)\s+{hedge}(?P<num>{number})\b(?=\s*(?:[,.;:)]|(?:and|others?|more|in|on|at|when|after|as|during)\b|$))
