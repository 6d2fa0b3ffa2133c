# Promotions: apps, newsletters, channels, subscriptions and donation appeals.
(download|get|install|try) (our|the) (free )?([\w.'’-]+ ){0,3}(app|apps|application)\b.{0,80}
(for (all |more of )?(the latest|our|more|all)\b.{0,40},\s)?(join|follow|subscribe to) (us|our)\b.{0,40}\b({platform}|channel|community|group)\b.{0,40}
subscribe( now| today| here| for free)?[.!]?
subscribe to (our|the|\w+['’]s) .{0,60}(newsletters?|channel|podcast|updates|alerts|feed|edition)\b.{0,60}
(get|receive) (the latest|our|the day['’]s|the week['’]s|breaking|the best|top)\b.{0,80}\b(inbox|newsletters?|e-?mails?|alerts)\b.{0,80}
sign up( now| today| here)?( for (free|our \w+|the \w+))?[.!]?
# The newsletter word heads what one signs up to: "Sign up for the Disney+ bundle using the same
# email" is a how-to step.
(sign up|subscribe|register|opt in)( now| today| here| for free)?( to| for) ([\w'’&+-]+ ){0,5}(newsletters?|briefings?|digest|bulletins?|alerts?|e-?mails?|updates|edition|podcast|channel|round-?up|dispatch)\b.{0,120}
.{0,120}\b(delivered (straight |directly |right )?|(straight|directly|right) )to your (inbox|phone|e-?mail)\b.{0,100}
enter your e-?mail( address)?\b.{0,60}|newsletters?( sign-?up)?
thanks? (you )?for (subscribing|signing up|your subscription)\b.{0,80}
# Donation appeals: "Support X or become our patron!", "Help us keep going."
.{0,200}\b(become (our|a) (patron|supporter|paying (member|subscriber))|help us (keep|continue) (going|reporting|doing)|support (our|independent) (journalism|reporting|newsroom))\b.{0,150}
(skip past|after) newsletter promotion|newsletter promotion
privacy notice\s*:.{0,300}
(please )?(support|donate to|help fund) (our|independent|this) (journalism|reporting|newsroom|work)\b.{0,150}
(become|be) (a|our) (member|patron|supporter|paying subscriber)\b.{0,120}
(donate|support us)( now| today| here)?[.!]?
# "Subscribe to X on Telegram", "Read us in Telegram and Dzen": an imperative pointing to a channel.
(subscribe to|join|read us|find us|watch us|listen to us)( [\w.&'’-]+){0,4} (on|in|via|at) {channel}((,|,? and|,? or) {channel}){0,4}\b.{0,80}
# "Our Telegram channel: t.me/steppe", "Steppe Radio on Viber: @steppe".
(our |the )?([\w.&'’-]+ ){0,3}(on |in )?{channel}( channel| page| account| group| community)?\s*:?\s*(https?://\S+|[\w-]+\.[a-z]{2,4}/\S*|@\w+)
# A closing call to keep reading: "Stay tuned.", "For the latest updates stay with us."
(for (more|the latest|further|up-to-date|all|daily)\b.{0,60}\s)?(stay|keep) (tuned|with us|connected)\b( (to|with) (us|our \w+( \w+)?))?( for (more|the latest|all|further|our|daily)\b.{0,60})?[.!]?
# A bare call to subscribe to an outlet: "Subscribe to The Week". A sentence that says who asked is news.
(please )?subscribe to( [\w.&'’+-]+){1,4}[.!]?
# App store badges: "Download on the App Store", "Google Play Download", "Get it on Google Play".
((download|get it|available) (it )?(on|from|at) (the )?)?(apple |the )?(app store|google play|apple store|appgallery)( download)?((\s*[|·•/,]\s*|\s+(and|or)\s+)((download|get it|available) (it )?(on|from) (the )?)?(apple |the )?(app store|google play|apple store|appgallery)( download)?){0,3}
# A pointer to the outlet's other pages: "For all the latest world news click here".
(for (all |more of )?(the latest|more|all)\b.{0,60}\s)?click here\b.{0,40}
# Who runs the page: "Powered by automated translation", "Powered by WordPress".
powered by\b.{0,60}
# A bare appeal naming the outlet: "Support Censor.NET", "Support The Courier".
support (?-i:[A-Z][\w.'’&-]*)( (?-i:[A-Z][\w.'’&-]*)){0,2}[.!]?
