# An ordinal suffix after a day number: "14th", "1st".
(?:st|nd|rd|th)?
