# A year of this or the last century: "2022".
(?P<year>(?:19|20)\d\d)
