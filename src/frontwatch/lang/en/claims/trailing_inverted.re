# A verb of saying before its subject at the end of a sentence, as translations write it: ', reports the ministry.'
,\s*(?P<verb>informed|informs|reported|reports|report|stated|states|said|says|noted|notes|wrote|writes|added|adds|announced|announces)\s+(?P<who>(?:the\s+)?[A-Za-z][^,;:“”\"]{2,120}?)[.!]?\s*$
