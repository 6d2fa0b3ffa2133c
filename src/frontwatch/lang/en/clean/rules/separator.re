# A divider: a line of punctuation alone. Not "___" or "|---|": the first can be a story's own
# divider, the second is a table's rule (the code keeps lines with a pipe).
[^\w|]+
