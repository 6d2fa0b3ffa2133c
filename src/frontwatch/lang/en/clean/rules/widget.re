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
# An image's placeholder text where the picture did not load: "Avatar photo", "Article image".
(avatar|author|profile|article|news|featured|hero|cover|header|main|lead|story|post) (photo|image|picture|img|thumbnail|pic)
# A read-aloud player's note: "This audio is created with AI assistance"; a faked recording in the news is
# someone's claim.
(?!.*\b(said|says|told|according|claimed|fake|deepfake)\b)(this |the )?(audio|voice|narration|voiceover|reading)( version)?( of (this|the) (article|story|text))? (is|was|has been) (created|generated|produced|made|read|voiced) (with|by|using) (the help of )?(ai|artificial intelligence|a (synthetic|computer|machine) voice|text-to-speech)\b.{0,60}
# Markup left in the text: "<script async src=...>", "<iframe ...></iframe>".
<\/?(script|iframe|div|span|blockquote|figure|noscript|style|embed|object|ins)\b.{0,600}
# A page's version that cannot show an embed: "AMP version of the site does not support this content".
(?!.*\b(said|says|told|according|complained|claimed)\b).{0,40}\b(amp|mobile|lite|text-only) version\b.{0,40}\b(does not|doesn['’]t|cannot|can['’]t|is unable to) (support|display|show|load)\b.{0,60}
