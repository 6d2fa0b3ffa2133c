# Day before month: "2 March", "14th of May 2023".
\b(?P<day>\d{1,2}){ordinal}\s+(?:of\s+)?(?P<mon>{month_name})(?:,?\s+{year})?\b
