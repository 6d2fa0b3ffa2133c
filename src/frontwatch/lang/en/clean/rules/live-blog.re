# Widgets of a live page and the closing notice that points elsewhere.
# Widgets of a live page and the closing notice that points elsewhere.
(key events|(show|hide|view|see) (all |only )?key events( only)?)
(please )?(turn on|enable|activate|switch on|allow) javascript\b.{0,100}
javascript (is|must be) (disabled|required|turned off|not enabled|enabled)\b.{0,100}
(your|this) browser (does not|doesn['’]?t|cannot|can['’]?t) support\b.{0,120}
(show|load|view|see) (\d+ )?(new|more|earlier|later|older|newer|previous) (posts?|updates|entries)
(jump|skip|go) to (the )?(latest|first|most recent)( post| posts| update| updates)?
(pinned( post)?|auto-?update( on| off)?|live( updates| coverage| blog)?|refresh( the page)?)
that['’]?s (all|it|everything) (from (us|me|the team)|for (now|today|tonight))\b.{0,250}
(we['’]?re|we are|we['’]?ll be|we will be) (closing|pausing|ending|wrapping up|back)\b.{0,60}\b(blog|coverage|live|updates)\b.{0,200}
(this|the|our) (live )?blog (is|has) (now )?(closed|ended|paused|finished|moved)\b.{0,200}
thank(s| you) (all )?for (following|reading|joining us|being with us)\b.{0,150}
(you can )?(follow|read|find|see|catch up (on|with)|keep up with) (all )?(of )?(our|the latest|([\w.&-]+ ){0,3}[\w.&-]+['’]s?) (continuing |ongoing |latest |live |full |earlier |previous )?(coverage|updates|reporting|live blog|blog)\b.{0,150}
# A running story's standing note: "Editor's note: This story is developing and will be updated." (A
# sentence that says who said so is the story's own.)
(?!.*\b(said|says|told|according|wrote)\b)(editor['’]?s note\s*:\s*)?this (is a (developing|breaking)( news)? story|(story|article|report|post|page) is (developing|being updated))\b.{0,150}
(?!.*\b(said|says|told|according|wrote)\b)(editor['’]?s note\s*:\s*)?this (story|article|report|post|page) (will be|is being|is regularly) updated\b.{0,100}
# A pointer to a live page's updates, its link words lost by the scraper: "Here are updates.", "Here areupdates."
here (are|is) ?(the |our )?(latest |live )?updates\.?
