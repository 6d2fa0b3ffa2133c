# A day named relative to publication: "yesterday", "last night"; not "overnight on March 9-10" (the
# date that follows says which night).
\b(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|overnight(?!\s+(?:on|into|to|of)\b)|last\s+night|last\s+evening|this\s+(?:morning|afternoon|evening)|tomorrow)\b
