# A comment form and its fields, comment counts and comment-thread headers.
leave an? (reply|comment|response)\b.*
(post|submit|add) (a |your )?comment\b.*
your email address will not be published.*
required fields are marked.*
this site uses akismet.*
save my name,? email.*
you must be logged in to post a comment.*
notify me of (follow-up comments|new posts).*
(cancel reply|reply|comments?|{count} comments?|no comments( yet)?|comments are closed)\.?
(name|email|website|comment)\s*\*
{comments_header}
(your )?(name|e-?mail( address)?|nickname|comment|message)\s*\*?( \(required\))?:?
join the (conversation|discussion|debate)\b.{0,60}
(log ?in|sign in|register) to (comment|reply|post|join)\b.{0,60}
(write|leave|add|post) (a |your )?(comment|reply|response)\b.{0,60}
# A comment's buttons run together by a scraper: "ReplyDelete".
(reply ?delete|delete ?reply|reply ?report|report ?reply)
# A comment widget's prompt: "Would love your thoughts, please comment."
((we )?would love|we['’]d love) (to hear )?your thoughts,? please comment\.?x?
