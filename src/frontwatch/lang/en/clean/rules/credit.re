# Source and reporting credits: "Source: ...", "(Reporting by ...; editing by ...)".
sources?\s*:\s*.{1,80}
\((additional )?(reporting|writing|editing|compiled|edited|translated|written) by\b[^()]{0,250}\)\.?
(additional )?(reporting|writing|editing) by\b.{0,250}(?<![.!?])
.{0,200}\bcontributed (reporting|to this (report|story|article))\b.{0,60}
# "Associated Press writer Jane Roe in Kyiv contributed."
.{0,100}\b(writers?|reporters?|correspondents?|journalists?)\b.{0,150}\bcontributed\.?
# A scraper's source stub: "source site-12".
source:? site-?\d{1,4}
# A link stub to where the story came from: "Source link", "Original article link:".
(source|original)( article| story| post)? (link|url)( here)?\s*:?
