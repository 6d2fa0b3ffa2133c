# A small count of days, weeks or months: "two days later", "a week ago".
(?P<n>a|an|{small_number}|\d+)
