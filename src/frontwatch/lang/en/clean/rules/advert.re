# Advert labels alone on a line, one or a few in a row: "Advertisement", "Sponsored content | Ad".
{ad_label}([\s.:|·•/*–—-]+{ad_label}){0,3}[\s.:|·•*–—-]*
# An advert slot's placeholder left by a plugin: "[ad_1]", "[ad_2]".
\[ad_?\d{1,2}\]
