# An outlet's masthead over the story: "Steppe Radio / News of the south", "The Courier | Independent news".
# After a dash the tagline must say what the outlet is ("Border Watch — news of the southern regions")
# without a verb: "Bakhmut — what we know" and "Zelensky — media reports say ..." are standfirsts.
(?-i:[A-Z][\w'’.&-]*)( [\w'’.&-]+){0,3}\s+[/|]\s+(?-i:[A-Z])[\w'’&-]*( [\w'’.&,-]+){0,7}
(?-i:[A-Z][\w'’.&-]*)( (?-i:[A-Z])[\w'’.&-]*){0,3}\s+[—–]\s+(?=([\w'’.&,-]+ ){0,2}{outlet_noun}\b)(?!.*\b(says?|said|reports?|claims?|warns?|is|are|was|were|has|have|had|will)\b)[\w'’&-]+( [\w'’.&,-]+){0,9}
