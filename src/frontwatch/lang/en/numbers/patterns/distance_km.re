# A distance in kilometres: "50km", "35 kilometres"; not an area ("km2").
({number})[\s-]*(?:{km_forms})\b(?!\s*(?:2|²))
