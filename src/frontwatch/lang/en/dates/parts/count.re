# A small count of days, weeks or months: "two days later", "a week ago".
(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)
