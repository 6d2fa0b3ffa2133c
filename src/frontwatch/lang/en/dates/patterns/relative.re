# A week, month or year named relative to publication: "last week", "earlier this month".
\b(?:earlier\s+|later\s+)?(?P<the>the\s+)?(?P<rel>this|last|past|next)\s+(?P<unit>week|month|year)\b
