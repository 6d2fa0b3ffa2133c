# What may come before a place that heads its line as a label (place_label_after.re): a bullet, "the".
# Such a line ("Kramatorsk. This morning ...", "Lyman: in the afternoon ...", "Nikopol district — ..."), the
# way regional administrations and bulletins head each town's news, places the line's events that name none.
\s*(?:[-•*]\s*)?(?:the\s+)?
