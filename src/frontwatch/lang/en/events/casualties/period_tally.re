# A toll counted over a span of days or a year, not the toll of one strike: "over the past week", "in the past
# 24 hours", "over the week", "during the past day", "in 2023", "last year". The typer, taught to give a strike's toll to the strike, scores
# such tallies below its casualties bar; a count told with one of these needs no typer.
\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?:\d+\s+)?(?:day|days|24\s+hours|48\s+hours|week|weeks|month|months)\b
\b(?:over|during)\s+the\s+(?:day|week|month)\b
\bin\s+(?:the\s+)?(?:last|past)\s+(?:day|week|month)\b
\b(?:in|during|throughout)\s+(?:19|20)\d\d\b
\b(?:over|in|during)\s+the\s+(?:past|last)\s+year\b
\b(?:last|this)\s+year\b
\b(?:last|this|past)\s+(?:week|month)\b
\bbetween\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+and\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b
