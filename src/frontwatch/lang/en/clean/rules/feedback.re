# Prompts asking readers to report a mistake or send a tip.
# Error-report prompts: "Found a mistake? Select it and press Ctrl+Enter".
.{0,150}\bctrl\s*\+\s*enter\b.{0,100}
(if you )?(have )?(found|noticed|spotted|see|seen|find|notice|spot) (an? )?(mistake|error|typo|misprint|inaccuracy|spelling mistake)s?( in (the|this|our) (text|article|story|report))?\s*[?,.!:]?\s*(please )?(select|highlight|mark|let us know|tell us|report|write|e-?mail|contact|notify|click|press)\b.{0,150}
(mistake|error|typo|misprint)s? in (the|this) (text|article|story)\?.{0,150}
# Calls for readers' tips: "Have you seen a claim we should check? Write to our desk." A quoted
# appeal ("Contact us if you see drones," police said) is reportage.
(have|do|did|got|are|were|can|know)\b(?!{reported})[^?]{0,150}\?\s*(please )?(write|e-?mail|contact|send|tell|message|get in touch|let us know|share|reach|text|call|drop)\b(?=.{0,160}(\b(us|our)\b|@)).{0,200}
(please )?(write|e-?mail|send|message|contact) (to )?(us|our ([\w'’-]+ ){0,3}(desk|team|editors?|newsroom|reporters?|journalists?|editorial( office| board| team)?))\b(?!{reported}).{0,160}
if you (have|know|saw|witnessed|were|are|have been|had)\b(?!{reported})[^.?]{0,150}[,.]? (please )?(contact|e-?mail|write to|message|get in touch with|tell|let) (us|our)\b.{0,150}
(share|send) (us )?your (own )?(story|stories|tips?|photos?|videos?|experiences?|news|footage)( with us)?\b(?!{reported}).{0,120}
(got|have) a (news )?tip\?.{0,120}
tell us (what you think|your (views?|opinions?|story|stories|thoughts|experiences?))\b(?!{reported}).{0,120}
# "To suggest a correction or clarification, write to us here."
to (suggest|request|report|submit|send) (a |an )?(correction|clarification|error|mistake|inaccuracy)s?( or (a |an )?(correction|clarification|update))?,? (please )?(write|e-?mail|contact|message|tell)( to)? us\b.{0,60}
