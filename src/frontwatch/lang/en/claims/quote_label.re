# A label before a quoted line names no speaker: 'Claim 1:', 'Verdict:' (read ignoring case).
^(?:claim|verdict|question|myth|fact|rumou?r|update|headline|quote|caption|title|answer)\b\s*\d*$
