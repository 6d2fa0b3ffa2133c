# Words before "May" or "March" that make it a month, not a verb or a noun: "in May", "mid-March".
in
since
until
by
of
early
late
mid-?
