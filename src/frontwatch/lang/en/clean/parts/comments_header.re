# A heading over a page's comments, with their count, or a button that opens them.
(reader |readers['’] |user )?(comments?|discussion|responses|replies|reactions)(\s*\({count}\)|\s*:\s*{count}|\s*\[{count}\])
(show|view|load|read|see|hide|open) (all |the )?({count} )?(reader )?comments?( \({count}\))?
