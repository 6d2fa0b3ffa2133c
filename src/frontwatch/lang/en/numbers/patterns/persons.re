# A count of people: "12 civilians", "more than 30,000 servicemen"; not an age ("44-year-old").
({number})(?![\s-]+years?[\s-]+old)\s+(?:[A-Z][a-z]+\s+|reserve\s+|military\s+|more\s+)?(?:{person_nouns})\b(?=(?P<tail>[^.;]{0,100}))
