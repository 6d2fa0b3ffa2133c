# Phrases placed by the start of the full-scale invasion: "early in the war", "at the start of the
# invasion", "in the first weeks of the war", "in the war's first days".
\b(?P<early>early|very early)\s+(?:on\s+)?in\s+{war}\b
\b(?:at|in|from)\s+the\s+(?:very\s+)?(?P<start>start|beginning|outset|onset)\s+of\s+{war}\b
\bin\s+the\s+(?:first|opening|early|initial)\s+{first_units}\s+of\s+{war}\b
\bin\s+the\s+(?:war|invasion|conflict)['’]s\s+(?:first|opening|early|initial)\s+(?:(?P<n2>few|two|three|four|five|six|\d+)\s+)?(?P<unit2>days?|weeks?|months?)\b
