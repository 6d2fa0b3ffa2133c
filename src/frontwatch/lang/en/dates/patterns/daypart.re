# A time of day with no day of its own: "in the morning", "at about 22:40".
\b(?:(?:in|during)\s+the\s+(?:morning|afternoon|evening|night)(?!\s+of\b)|at\s+(?:night|dawn|dusk|midnight)|(?:at|around|about|as\s+of|shortly\s+(?:before|after)|until)\s+(?:about\s+|around\s+|approximately\s+)?\d{1,2}:\d\d\b|(?:at|around|about)\s+\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b))
