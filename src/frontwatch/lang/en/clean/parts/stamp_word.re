# One word of a date or time stamp. "8:10pm": a clock time may carry its am/pm without a space.
\d{1,4}(st|nd|rd|th|[ap]\.?m\.?)?
{month}
{weekday}
[ap]\.?m\.?
(?-i:[A-Z]{2,4})
at
on
ago
an?
today
yesterday
just now
(minute|min|hour|hr|day|week)s?
(last )?(updated|published|posted|modified)
read
