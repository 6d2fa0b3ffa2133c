# After a count of people, the words that say they died: "five were killed", "three people dead".
^\W*(?:\w+\s+){0,3}?(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died|perished)\b
