# Words of the sure senses (events/sure_senses), to parse a sentence the typer gives no type: "X fell to
# Russian forces", "the town has fallen to the enemy", "came under Russian control", "calling up reservists",
# "urged residents to leave", "raised the flag over X", "inflicted losses on the enemy near X", "dropped a
# KAB on X". (A toll over days, events/casualties/period_tally, is a cue too.)
\b(?:fell|falls|fallen|falling)\s+(?:to|into)\b|\b(?:came|come|comes|coming)\s+under\s+(?:\S+\s+){0,3}control\b|\bcall(?:s|ed|ing)?\s+up\b|\bto\s+leave\b|\bflags?\b|\binflict(?:s|ed|ing)?\b|\bdrop(?:s|ped|ping)?\b
