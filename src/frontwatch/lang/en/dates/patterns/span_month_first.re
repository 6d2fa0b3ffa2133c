# A span of days, month first: "January 14 to 15".
\b(?P<mon>{month_name})\s+(?P<d1>\d{1,2}){ordinal}{range_to}(?P<d2>\d{1,2}){ordinal}(?:,?\s+{year})?\b
