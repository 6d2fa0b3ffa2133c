# An English possessive ending: "Kyiv's mayor".
['’]s
