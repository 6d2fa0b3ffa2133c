# An area in square miles: "400 square miles".
({number})\s*(?:square\s+miles|sq\.?\s*mi)
