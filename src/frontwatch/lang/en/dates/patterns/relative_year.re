# A year named relative to publication, which dates the bare months beside it: "last year ... in October".
\b(?P<rel>this|last|next)\s+year\b
