# A live blog's time stamp (and the "May 2022" left of it) glued before a speaker's name: "2 May 2022 02.37 the
# governor", "May 2022 20.59 Ukrainian president ...".
^\s*(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\s+\d{1,2}[.:]\d{2}\s+
