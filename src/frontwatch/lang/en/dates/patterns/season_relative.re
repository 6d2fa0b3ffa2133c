# A season named relatively: "next spring", "the winter"; not "the fall of Bakhmut": "the" + season
# only where no "of" follows.
\b(?P<rel>this|last|next|past|the)\s+{season}\b(?!\s+of\b)
