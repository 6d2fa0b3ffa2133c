# Advert labels alone on a line, one or a few in a row: "Advertisement", "Sponsored content | Ad".
{ad_label}([\s.:|·•/*–—-]+{ad_label}){0,3}[\s.:|·•*–—-]*
