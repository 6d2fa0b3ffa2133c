# A line that opens with a place and a stop, a colon or a dash, the way regional administrations and
# bulletins head each town's news ("Kramatorsk. This morning ...", "Lyman: in the afternoon ...",
# "Nikopol district — ..."): the place the line's events happened in when they name none of their own.
# $PLACE stands for the place's name as written.
^\s*(?:[-•*]\s*)?(?:the\s+)?$PLACE(?:\s+(?:region|oblast|district|community|direction|area))?\s*[.:—–-]\s
