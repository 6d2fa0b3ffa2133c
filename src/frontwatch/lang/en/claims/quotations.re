# A quotation within a line, in curly or straight marks, possibly left open at the line's end.
“[^”]*(?:”|$)
\"[^\"]*(?:\"|$)
