# After a count of people, the verb that says they were called up: "200,000 men had been mobilised".
^\W*(?:\w+\s+){0,2}?(?:had\s+been|have\s+been|has\s+been|were|was|been|being)\s+(?:mobili[sz]ed|called\s+up|drafted|conscripted)\b
