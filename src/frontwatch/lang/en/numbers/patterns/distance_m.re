# A distance in metres: "500 metres".
({number})[\s-]*(?:{metre_forms})\b
