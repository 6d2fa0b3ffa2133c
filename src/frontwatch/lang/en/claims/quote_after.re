# The speaker just after a quotation: '..., said the mayor' (group a), '... the mayor said' (group b; initials like 'J.' allowed).
^[\s,.]*(?:said|says|added|told|stated|wrote|announced|noted|claimed|declared|explained|insisted)\s+(?P<a>[^,.;“”\"]{2,120})
^[\s,.]*(?P<b>(?:[^.;“”\"]|(?<=\b[A-Z])\.){2,160}?)\s+(?:said|says|added|told|stated|wrote|announced|noted|claimed|declared|explained|insisted)\b
