# What follows a place that heads its line as a label (place_label_before.re): a division word, then a stop,
# a colon or a dash and a space.
(?:\s+(?:region|oblast|district|community|direction|area))?\s*[.:—–-]\s
