# Between a part and its month or year: "the end of March", "mid-March", "late March".
(?:\s+of\s+|-|\s+)
