# A count of settlements: "18 frontline settlements"; one describing word may stand between, not a
# preposition or an article.
({number})\s+(?:(?!(?:in|of|from|at|and|or|the|a|to|near)\s)[a-z-]+\s+)?(?:{settlement_nouns})\b
