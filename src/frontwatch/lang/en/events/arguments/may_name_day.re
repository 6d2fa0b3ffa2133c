# The cheap test before reading dates: a sentence can name a day only with a number, a weekday or a word of days.
\d
\b(?:mon|tues|wednes|thurs|fri|satur|sun)day
\b(?:yesterday|today|tonight|overnight)\b
