# A wire story's opening dateline: the story's first line, never furniture: "KYIV, Ukraine (AP) — ",
# "DONETSK, Jan 5 (Reuters) - ", "ODESA — ".
^(?-i:[A-Z][A-Z .'’-]{2,})(,\s+[\w .'’-]{2,30})?\s*(\([\w .'’-]{1,30}\))?\s*[-–—]{1,2}\s+\w
