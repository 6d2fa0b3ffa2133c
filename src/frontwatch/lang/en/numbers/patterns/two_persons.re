# Two people, one by one: "a 63-year-old man and a 61-year-old woman were injured".
\b{one_person}\s+and\s+{one_person}(?=(?P<tail>[^.;]{0,100}))
