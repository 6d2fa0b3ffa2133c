# A span of days, day first: "on the night of 14-15 January", "14 and 15 May".
\b(?P<d1>\d{1,2}){ordinal}(?:{range_to}|\s+and\s+)(?P<d2>\d{1,2}){ordinal}\s+(?:of\s+)?(?P<mon>{month_name})(?:,?\s+{year})?\b
