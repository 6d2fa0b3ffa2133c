# An ISO date: "2023-03-29", "2023/03/29".
\b{year}(?P<sep>[-/])(?P<m>\d\d)(?P=sep)(?P<day>\d\d)\b
