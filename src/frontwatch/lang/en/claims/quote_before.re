# The speaker just before a quotation, ending the text: 'The mayor said: ' (group who).
(?P<who>[A-Z][^.;“”\"]{1,120}?)\s*(?:(?:said|says|added|stated|wrote|announced|noted|declared|told[^,:]{0,40})\s*[,:]|:)\s*$
