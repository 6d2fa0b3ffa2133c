# Photo and video captions, credits and gallery counters.
(screenshot|screen ?grab|still|frame)s? (from|of) (a |the )?(video|footage|clip|telegram|social media)\b.{0,80}(?<![.!?])
\(?(photo|photograph|image|picture|pic|video|graphic|illustration|file photo|main image|top image|featured image|cover image|photo ?credit|image credit|credit)s?( credit| courtesy| source| by)?\s*[:|]\s*.{1,160}
\((photo|photograph|image|picture|video|file photo|credit|illustration)s?\b[^()]{0,120}\)\.?
# A credit has no full stop; "Photos by drone operators showed ... ." is a sentence.
(photo|photograph|image|picture|video|illustration)s? (by|courtesy( of)?|credit)\b.{0,100}(?<![.!?])
([\w.'’ -]{1,40}\s*/\s*)?{agency}(\s*(/|via)\s*[\w.'’ -]{1,40}){0,2}
# A gallery's caption, however real the scene it describes: an image counter before it
# ("[1/4] Firefighters at the site ...", "Photo 2 of 9: ...") or a photo credit after its last
# sentence ("... in Odesa on July 20. REUTERS/Jane Roe", "... Photograph: Jane Roe/AP").
({gallery_counter})(\s*[:|.–—-]?\s+.{0,600})?
# One sentence only: a story's paragraph with a caption glued after it is content.
((?![.!?][\"'”’]?\s).){10,400}[.!?][\"'”’]?\s+\(?({photo_credit})\)?
