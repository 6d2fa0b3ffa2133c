# Month before day: "March 2", "May 9, 2021".
\b(?P<mon>{month_name})\s+(?P<day>\d{1,2}){ordinal}(?:,?\s+{year})?\b
