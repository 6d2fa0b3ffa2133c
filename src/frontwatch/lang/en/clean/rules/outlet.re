# An outlet's standing notes: standards, reuse and licensing, disclaimers, a report's own scope notes.
# Standards, reuse and licensing notes every page of an outlet carries.
our (editorial )?(standards|principles|values|ethics|policies|guidelines|mission|code of (conduct|ethics|practice))\s*:.{0,120}
(editorial (standards|guidelines|policy|independence)|corrections? policy|ethics policy|fact-?checking policy|trust principles)(\s*[|·•,]\s*[\w ]{1,30}){0,4}\.?
(learn|read|find out) more about (our|how we)\b.{0,80}
(reuse|republish|reprint|license|syndicate) this (content|article|story|page)\.?
(reprints?|permissions?|licensing)(\s*(and|&|\|)\s*(reprints?|permissions?|licensing))*
(purchase|buy|request|acquire|obtain|get) (licensing|reprint|republishing|syndication|reuse) rights\b.{0,60}
# "Any use of the materials is allowed only with ...", "All materials on this site are protected ..."
(any |the )?(full or partial )?(use|reprint\w*|reproduc\w*|republi\w*|copying|quoting|citing) of (the |our |these |this site['’]?s |any )?(materials?|content|articles?|texts?|publications?)\b.{0,200}
all (materials?|content|rights to (the )?materials?) (on|of|published on|from) (this|the|our) (site|website|portal|resource)\b.{0,200}
# "If you use any of X materials, a hyperlink to X is obligatory."
(?=.*\b(hyper-?links?|active links?|links? to [\w-]+\.[a-z]{2,4})\b)(?=.*\b(obligatory|mandatory|required|compulsory|necessary|must)\b).{0,300}
(view|download|read|open|print|see|get) (the |this |a )?(full |complete |entire |printable )?(report|document|version|assessment|article|transcript|text|study|brief|paper|update)?\s*(in|as|\()?\s*pdf\)?( format| version)?\.?
pdf( version)?
# A note about the publisher's sources or corrections, not about the news.
(note|disclaimer)\s*:(?=.*\b(classified|publicly available|open[- ]source|views expressed|necessarily (reflect|represent)|does not (receive|endorse)|(this|the) (map|report|article|story|page|assessment|update|post|blog) (is|was|has been|will be) (updated|corrected|amended|published|revised)|{cut_off}|{next_issue})).{0,400}
# A think-tank's standing notes on its own product: the data cut-off, where later reports will go,
# what it leaves out ("We do not report in detail on ... because ...").
(the )?(data )?{cut_off}\b.{0,300}
(?!{reported})[\w.&'’ -]{1,60}\b(will|to) (cover|address|report on|assess) .{0,80}{next_issue}.{0,200}
# "We cannot report from ..." can be a reporter's own story; a standing note says what is left out.
(?!{reported})we (do not|don['’]t|will not|won['’]t|no longer) (report|cover|publish|detail)(?! up)\b.{0,300}
the (views|opinions) expressed (in this|here)\b.{0,200}
# "X is not responsible for the content of external sites."
(?=.{0,80}\b(is|are) not responsible for)(?!{reported}).{0,80}\b(is|are) not responsible for (the )?(content|contents|materials?|information|opinions?|views)( and ([\w-]+ ){0,2}\w+)? (of|on|in|at) (any )?(external|third[- ]party|other|linked|outside|advertis\w*|readers['’]?|users['’]?)\b.{0,100}
# "The editorial board may not share the author's opinion."
(?=.{0,60}\b(editorial (board|office|staff|team)|editors|publisher)\b)(?!{reported}).{0,60}\b(editorial (board|office|staff|team)|editors|publisher)\b.{0,40}\b(may|does|do|might) not (share|coincide with|necessarily (share|reflect|coincide))\b.{0,150}
(was this (article|story|page) (helpful|useful)\?|report an? (error|typo|correction)|submit a correction).{0,40}
# A standing note on where a story was made and under what law: "This report was produced in X, where the
# law restricts coverage of ...".
this (content|article|story|report|material|piece) was (produced|written|filed|reported|prepared) in [\w ]{1,30},? where (the )?(martial |military )?(laws?|authorities|government|censors?) (restricts?|limits?|bans?|censors?)\b.{0,200}
