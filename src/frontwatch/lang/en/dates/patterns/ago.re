# A count of days, weeks or years before publication: "two weeks ago".
\b{count}\s+(?P<unit>day|week|month|year)s?\s+ago\b
