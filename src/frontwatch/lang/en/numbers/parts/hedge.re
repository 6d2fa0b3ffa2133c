# A hedge before a count: "more than 300", "up to 430", "about 20".
(?:{hedge_word}\s+)?
