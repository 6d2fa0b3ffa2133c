# An image counter of a photo gallery: "[1/4]", "Photo 3 of 12", "2 of 9 |".
\[\d{1,3}\s*/\s*\d{1,3}\]
(photo|image|picture|slide|gallery)s?\s*\d{1,3}\s*(of|/)\s*\d{1,3}\b
\d{1,3} of \d{1,3}\s*\|
