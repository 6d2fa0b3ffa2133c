# A season with its year: "summer 2023", "the early spring of 2022".
\b(?:the\s+)?(?:(?P<part>early|late|mid)[- ]?)?{season}\s+(?:of\s+)?{year}\b
