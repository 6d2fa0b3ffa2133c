# Before a count of people, a call-up: "the mobilisation of 300,000", "drafted about 20,000".
\b(?:mobili[sz]\w*|call(?:ed|ing)?[\s-]+up(?:\s+of)?|conscript\w*|draft\w*|recruit\w*)\s+{hedge}$
