# What a page's scripts leave in the text: a media player's or widget's messages, style rules and template
# names. An embedded post is left alone: its text is often the story's quote.
# A player or widget that failed to load: "Something went wrong.", "No media source currently available".
(oops,? )?something went wrong\.?( please try again( later)?\.?)?
(please )?(try again|reload the page|refresh and try again)( later)?[.!]?
(please wait|loading)(\.{1,3}|…)?
no (media |video |audio )?(source|video|audio|stream)s? (is |are )?(currently |now )?(available|found|supported)\.?
(this |the )?(video|audio|media|player|content|embed) (is )?(currently )?(unavailable|not available|failed to load|could not be loaded|cannot be played)\b.{0,80}
# A player's label: "Video of the day", "Watch: top stories"; a note on a read-aloud voice.
(video|clip|photo|picture|story) of (the )?(day|week)
(\W{1,3} ?)?(listen:? )?(the |this )?(voice|audio|narration|reading)( (in|of) (this|the) (article|story|text))? (is|was) (ai|machine|computer)[ -]generated\b.{0,80}
# A style rule or template name in the text: ".in_text_22 { width: 300px; }", "spot_img".
[.#@]?[\w-]+( [\w.#:-]+)*\s*(\([^)]{0,40}\)\s*)?\{[^{}]{0,300}(\{[^{}]{0,300}\}[^{}]{0,300})*\}.{0,300}
@media\b.{0,300}
[a-z]+(_[a-z0-9]+)+
