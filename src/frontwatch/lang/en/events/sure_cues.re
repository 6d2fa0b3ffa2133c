# Words of the sure senses (events/sure_senses), to parse a sentence the typer gives no type: "X fell to
# Russian forces", "the town has fallen to the enemy", "came under Russian control", "calling up reservists",
# "urged residents to leave", "raised the flag over X"; and a toll over a span of days (events/casualties/period_tally).
\b(?:fell|falls|fallen|falling)\s+(?:to|into)\b|\b(?:came|come|comes|coming)\s+under\s+(?:\S+\s+){0,3}control\b|\bcall(?:s|ed|ing)?\s+up\b|\bto\s+leave\b|\bflags?\b|\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?:\d+\s+)?(?:day|days|24\s+hours|48\s+hours|week|weeks|month|months)\b|\b(?:over|during)\s+the\s+(?:day|week|month)\b
