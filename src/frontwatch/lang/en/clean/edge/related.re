# A rail naming a section or an author: "More from Opinion", "More by Jane Roe". Inside the body the
# same words can head a live page's next post ("More from Kharkiv"), so this rule holds only outside the prose.
more (from|by) ([\w'’&.-]+ ){0,4}[\w'’&-]+
