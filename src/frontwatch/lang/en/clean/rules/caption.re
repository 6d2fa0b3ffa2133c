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
# An agency photo caption: an upper-case dateline with the day of the picture, then what it shows
# ("ODESA, UKRAINE - JULY 20: Firefighters work at the terminal ..."). A story's own dateline has no date.
(?-i:[A-Z][A-Z'’.-]+( [A-Z][A-Z'’.-]+)*(, [A-Z][A-Z'’.-]+( [A-Z][A-Z'’.-]+)*){0,2}) [-–—] ({month}) \d{1,2}(, \d{4})?: .{10,600}
# A video teaser: its running time, its title, then the medium after a dash ("02:13 Rescuers at the
# site – video"). A live page's entry opens with a time too, but ends as a sentence.
\d{1,2}:\d{2}\s+.{5,200}\s[-–—]\s(video|audio|gallery|photos)
# A note that the page's picture is no photograph: "This image is AI-generated and does not depict a real
# event", "The illustration above was made with an image tool". A story about a faked image says who said so.
(this|the) (image|picture|illustration|photo|photograph)( above| at the top( of (this|the) (post|page|article))?)? (is|was|has been) (?!.*\b(said|says|according|claimed|told)\b).{0,40}\b(ai|artificial intelligence|generative|computer-generated|generated|illustration tool|image tool|image program)\b.{0,300}
(images?|pictures?|photos?) (is |are )?(used )?for illustrat\w+ purposes( only)?\.?
# A gallery's bare counter on a line of its own, the caption on the next line: "3/7".
\d{1,3} ?/ ?\d{1,3}
# A caption that says what the picture shows, with no credit: "A view shows ...", "In this file photo, ...",
# "A screenshot from an army video shows ...". A story says who showed what ("the footage showed").
(?!.*\b(said|says|say|according|claimed|told|wrote|reported)\b)(a |an )?(general |aerial |drone |satellite )?(view|image|picture|photo|screenshot|screen ?grab|still)( (from|of|taken from|taken by) .{1,80})? shows?\b.{5,400}
(?!.*\b(said|says|say|according|claimed|told|wrote|reported)\b)in (this|a|the) (file |handout |undated |satellite |aerial )?(photo|photograph|picture|image)( (taken|released|provided|made|posted) .{1,60})?, .{10,400}
# A picture that only illustrates, with or without its source: "Illustrative photo", "Illustration photo: X".
(illustrative|illustration|archive|archival|file|stock) (photo|image|picture|photograph)s?(\s*[:|]\s*.{1,120})?
# A caption with its source after a comma: "Fighting near the town, photo: video screenshot". A sentence
# ends with a full stop; a caption's source does not.
.{3,200}[,;]\s+(photo|image|picture|video|illustration)\s*:\s*[^.!?]{1,80}
