# A sentence that withholds confirmation: 'The claim could not be independently verified.' (read ignoring case).
^(?:(?:this|that|the|these|those|such|neither|none)\b[^.]{0,60}?)?(?:could|can|has|have|had|was|were|is|are|did)\s*(?:not|n't|no|yet to)\b[^.]{0,30}?\b(?:be\s+)?(?:independently\s+)?(?:verif|confirm)\w*
^\w+(?:\s+\w+)?\s+(?:could|can|was|were)\s+not\s+(?:able\s+to\s+)?(?:independently\s+)?(?:verify|confirm)
