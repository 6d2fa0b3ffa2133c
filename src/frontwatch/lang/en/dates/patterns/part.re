# A part of a year or of a month named relatively: "late 2022", "the end of last year", "early this month".
\b(?:the\s+)?(?P<part>{part_of}){part_separator}(?:(?P<rel>last|this|next|the\s+same)\s+(?P<unit>year|month)|{year})\b
