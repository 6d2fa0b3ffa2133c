# A weekday, maybe with a relative word: "on Tuesday", "last Friday", "this coming Monday".
\b(?:(?P<rel>last|this\s+coming|this\s+past|this|next|past|earlier\s+on|late\s+on|early\s+on)\s+)?(?P<wd>{weekday_name})\b
