# A tally of the whole war, which no one place holds: "lost 100,000 troops since the start of the invasion".
\bsince\s+(?:the\s+)?(?:start|beginning|outset|onset)\b
\bsince\s+(?:the\s+)?(?:full-scale\s+)?(?:war|invasion)\b
\bin\s+total\b
\bso\s+far\s+in\s+the\s+war\b
\bin\s+the\s+(?:war|invasion|conflict)\s+so\s+far\b
