# A distance in miles: "20 miles"; not a conversion in brackets ("32km (20 miles)").
({number})[\s-]*(?:{mile_forms})\b(?!\s*\))
