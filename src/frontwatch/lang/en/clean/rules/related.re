# Teasers and headings that point to other articles: "Read also: ...", "Related stories".
(read also|also read|see also|also see|read more|read next|more to read|must read|don'?t miss)\b.*
(you may|you might|you may also|you might also) (also )?like\b.*
related (posts?|articles?|news|stories|content|topics|coverage|reading)\b.*
(related|recommended|trending|popular|latest|more|watch|listen)( news| now| stories| posts)?\s*:.*
(related|recommended|trending now|popular posts|latest news|more stories|more news|top stories)
(also )?on (the|this) (topic|subject)|mentioned in this (article|story)
(see|view|watch|listen|read) more\s*:.*
(most (read|popular|viewed|shared|watched|commented|emailed)|recommended for you|trending( now| stories)?|editor'?s'? (picks?|choice)|in case you missed it|what to read next|popular (on|in) \w+)[\w'’ ]{0,40}:?
continue reading\b.{0,120}
read (the )?(full|whole|complete|original|entire|rest of the) (story|article|report|post|interview|text)\b.{0,80}
# "Click here to see our interactive map. This map is updated daily ..." may run to two sentences.
(please )?click (here|the link|below|on the link)\b.{0,300}
(explore )?more (on|about) (this|these) (story|stories|topics?|subjects?)
(explore|more) (topics|on this topic)
# A feed's own heading over other headlines: "News feed", "Recent posts", "Latest photos from Kherson".
(news ?feed|recent (posts|articles|news)|latest (posts|articles|photos|videos)( from [\w'’ -]{1,30})?|photo (gallery|report)|all news)
