# A count whose noun is left out, the verb after it: "and five were injured".
(?<![\w,.])(?P<num>{number})\s+(?:others?\s+|more\s+)?(?:were|was|have\s+been|had\s+been)\s+(?P<verb>killed|wounded|injured|hurt)\b
