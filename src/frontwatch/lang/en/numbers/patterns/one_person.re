# One person: "a 44-year-old man was wounded".
\b{one_person}\b(?=(?P<tail>[^.;]{0,100}))
