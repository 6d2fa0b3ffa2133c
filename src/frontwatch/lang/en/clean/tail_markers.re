# Markers after which, near the end of a page, nothing belongs to the article.
leave an? (reply|comment|response)\b.*
your email address will not be published.*
related (posts?|articles?|news|stories|content)\b.*
(you may|you might) (also )?like\b.*
(more stories|more news|recommended|read next)
(previous|next) (post|article|story)\b.*
about the author\b.*
show more
share this( article| story| post)?:?
like this:?
%d bloggers like this:?
({count} )?comments?
{comments_header}
(add|post|write|leave) (a |your )?comment
(explore )?more on (this|these) (story|stories|topics?)
topics
