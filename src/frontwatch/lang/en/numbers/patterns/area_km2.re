# An area in square kilometres: "1,000 sq km", "500 square kilometres".
({number})\s*(?:square\s+(?:kilometers|kilometres|km)|sq\.?\s*km|km2|km²)
