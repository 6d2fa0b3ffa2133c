# Share bars, share buttons and follow prompts.
(share|share this( article| story| post| page)?|tweet|pin it|email|print|whatsapp|telegram|facebook|twitter|linkedin|reddit|copy link|pocket)\s*:?
(share|click to share|post) (on|to|via) \w+.*
follow us\b.{0,100}
(subscribe|sign up)\b.{0,80}(newsletter|channel|updates|free)\b.{0,60}
(join|follow) (us|our) .{0,40}(telegram|twitter|facebook|channel|whatsapp|google news).{0,40}
like this:?
like loading\W*
%d bloggers like this:?
share (this|the) (article|story|post|page|video|link)( on| via| with)\b.{0,60}
(did you |do you )?(like|enjoy(ed)?|love) (this|the) (story|article|post)\?.{0,80}
if you (like|liked|enjoyed|appreciated) (this|our|the) (article|story|post|reporting|journalism)\b.{0,200}
# "Follow-up talks on Telegram ..." is reportage; the imperative "Follow X on Twitter" is not.
follow(?!-)\b.{0,60}\b(on|at|via) {platform}\b.{0,100}
follow (us |me |him |her |them )?(on \w+ )?@\w+.{0,60}
(share|share this( article| story| post| page)?|share (on|via)|follow us( on)?)\s*:?\s*{share_button}({share_separator}{share_button}){0,12}[\s,|·•/]*
{share_button}({share_separator}{share_button}){1,12}
# "Send a link to a friend", "Email this story to a friend".
(send|e-?mail|forward) (a |the )?(link|this (article|story|page|post)|the (article|story|page|post)) to a friend\b.{0,40}
