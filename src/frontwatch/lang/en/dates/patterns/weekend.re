# A weekend named relative to publication: "over the weekend", "last weekend".
\b(?P<rel>over\s+the|at\s+the|during\s+the|the\s+past|this|last|past|next)\s+weekend\b
