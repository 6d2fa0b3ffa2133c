# Phrases of earlier time in the war: a change of control told with one is recalled background ("earlier in the war").
\b(?:earlier|early|previously|before)\s+(?:on\s+)?in\s+the\s+(?:war|invasion|conflict)\b
\bbefore\s+the\s+(?:full-scale\s+)?(?:war|invasion)\b
\bsince\s+(?:the\s+)?(?:start|beginning|outset|war|invasion|spring|summer|winter|January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\b
