# Words of the sure senses (events/sure_senses), to parse a sentence the typer gives no type: "X fell to
# Russian forces", "the town has fallen to the enemy", "came under Russian control".
\b(?:fell|falls|fallen|falling)\s+(?:to|into)\b|\b(?:came|come|comes|coming)\s+under\s+(?:\S+\s+){0,3}control\b
