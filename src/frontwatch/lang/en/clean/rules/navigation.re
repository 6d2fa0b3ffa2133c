# Site navigation: previous/next links, back-to-top, pagination, tags and a media player's controls.
(previous|next|older|newer|prev) (post|article|story|page|entry)\b.*
[«‹<]?\s*(previous|prev|next)\s*[»›>]?
back to (top|home)( button)?
(show|load|view|see) (more|all)( news| articles| stories)?
skip to (main )?content
page \d+( of \d+)?
(home|news)\s*[»>/|›].{0,80}
(tags?|categories|category|filed under|posted in|topics?)\s*:.{0,120}
(tags|tagged|keywords|topics)
(print|email|e-mail|save|bookmark|listen to) (this )?(article|story|page|post)( for later)?
(font|text) size\b.{0,20}
# A media player's controls.
(play|watch|replay) (the )?(video|now|more|again)|now playing|videos?|sections
# A topic kicker naming the war itself: "Russia-Ukraine War", "War in Ukraine", "Ukraine conflict".
(the )?((russia|ukraine)\s*[-–—/ ]\s*(russia|ukraine)|russian|ukrainian|ukraine|russia)( war| conflict| crisis| invasion)( live)?( updates| news| coverage)?|(the )?(war|conflict) in ukraine( live)?( updates| news| coverage)?
