# A month, with its part, relative word or year: "in September", "mid-March", "last May", "March 2022".
\b(?:(?:at\s+)?(?:the\s+)?(?P<part>{part_of}){part_separator})?(?:(?P<mrel>last|this\s+coming|this\s+past|this|next|past)\s+)?(?P<mon>{month_name})(?:\s+{year}|\s+of\s+(?P<same>the\s+same|that)\s+year)?\b
