"""Boilerplate removal for article bodies.

Three kinds of evidence: line rules for the furniture every web page carries (comment forms, "Read also"
teasers, navigation, share bars, author boxes and live-page shift bylines, breadcrumbs, adverts, captions,
gallery counters and credits, date stamps and view counters, cookie notices, app, channel and newsletter
promotions, error-report and reader-tip prompts, outlet standards, licence and disclaimer notes, a report's
standing notes and footnote references, live-page widgets); position (bylines and mastheads before
or after the prose, author bios after it, kickers over it, headline lists under "Read also" or "More from",
the tail after a comments header); and lines repeated at the head or tail of several independent documents
(an outlet's own furniture). Every removed line is kept for audit.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from frontwatch.records import RemovedLine

# The words a screen reader is given after a link that opens elsewhere.
_NEW_TAB = re.compile(r"[\s,;.(]*\(?\bopens? (in )?(a )?new (tab|window)\)?\.?$", re.IGNORECASE)
_BULLET = re.compile(r"^[\s•·▪►▶»*\-–—|]+")
_SPACES = re.compile(r"\s+")


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# A date or time stamp made only of date words: "Nov. 20, 2019 at 11:28 AM EST", "3 hours ago".
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_STAMP_WORD = (
    # "8:10pm": a clock time may carry its am/pm without a space.
    rf"(\d{{1,4}}(st|nd|rd|th|[ap]\.?m\.?)?|{_MONTH}|{_WEEKDAY}|[ap]\.?m\.?|(?-i:[A-Z]{{2,4}})|at|on|ago|an?"
    r"|today|yesterday|just now|(minute|min|hour|hr|day|week)s?|(last )?(updated|published|posted|modified)"
    r"|read)"
)
_STAMP = rf"{_STAMP_WORD}([\s,:/.|+()·•–—-]+{_STAMP_WORD}){{0,12}}\.?"
_AGENCY = (
    r"(getty( images)?|afp|reuters|ap( photo)?|epa(-efe)?|shutterstock|istock(photo)?|alamy|anadolu( agency)?"
    r"|xinhua|sputnik|pa (images|wire))"
)
_PLATFORM = (
    r"(twitter|x|facebook|instagram|youtube|tiktok|telegram|whatsapp|linkedin|threads|mastodon|bluesky|viber"
    r"|google news)"
)
# Buttons of a share bar: the platforms plus mail, print and link buttons.
_SHARE_BUTTON = (
    rf"({_PLATFORM}|tweet|vk|vkontakte|odnoklassniki|ok|reddit|pinterest|flipboard|pocket|messenger|sms"
    r"|e-?mail|print|copy( link)?|link|weibo|wechat|line|skype|tumblr)"
)
_SHARE_SEP = r"[\s,|·•/]+"
# A personal name as a byline prints it: two to four capitalised words or initials ("Frederick W. Kagan").
_NAME_WORD = r"(?-i:[A-Z][\w'’-]*\.?|(van|von|de|der|den|al|el|da|di|du|la|le|bin|ibn)(?=\s))"
_PERSON = rf"(?-i:[A-Z][\w'’-]*\.?)( {_NAME_WORD}){{1,3}}"
_PEOPLE = rf"{_PERSON}((,| and| &|, and) {_PERSON}){{0,6}}"
# "Kyiv", "Kryvyi Rih", "Kyiv and Moscow": where the reporters of a byline file from.
_PLACE = rf"{_NAME_WORD}( {_NAME_WORD}){{0,2}}"
_PLACES = rf"{_PLACE}((,|,? and) {_PLACE}){{0,3}}"
# Which shift of a live page a byline name wrote: "Jane Roe (now)", "John Doe (earlier)". "(updated)" also
# follows Title Case headlines, so alone it marks a byline only after "By".
_SHIFT_MARK = r"\((now|earlier|later|previously|before|overnight|until now|from now)\)"
_SHIFT = r"( \((now|earlier|later|updated|previously|before|overnight|until now|from now)\))"
# Words that make a capitalised pair a place or a body, not a person ("Kherson Oblast", "Armed Forces").
_NOT_PERSON = (
    r"(?-i:.*\b(Oblast|Region|Province|Krai|Raion|District|City|Republic|River|Sea|Island|Ministry|Forces|Army"
    r"|Union|Nations|States|Kingdom|Council|Office|Agency|Group|Brigade|Regiment|Battalion|Company|Committee"
    r"|Staff|Command|Guard|Service|News|Times|Post|Press|Media|University|Institute|Airport|Bridge|Plant"
    r"|Street|Square|Avenue|Front|Direction)\b)"
)

# A reporting verb: the line tells what someone said, so it is the story even where it reads like a notice.
_REPORTED = (
    r".*\b(said|says|told|tells|wrote|writes|added|urged|asked|according to|warned|announced|begged|pleaded"
    r"|appealed|demanded|stated|claimed|noted|replied|insisted|explained|stressed|recalled)\b"
)
# A count as pages print it: "12", "1,203", "2 317", "1.2K".
_COUNT = r"(\d{1,3}([,.\u202f ]\d{3})+|\d+([.,]\d)?\s?[km]?)"
# Channels a "subscribe" prompt points to, the social platforms plus feed services.
_CHANNEL = rf"({_PLATFORM}|dzen|zen|vk|vkontakte|odnoklassniki|ok|rutube|max|signal|apple news|rss|flipboard)"

_AD_LABEL = (
    r"(advertisement|advertising|advert|ads?|ad feedback|sponsored|promoted|paid (content|post|partnership)"
    r"|(sponsored|promoted|partner) (content|post|story|stories|links?)"
    r"|(article|story|text) continues (below|after)( this)?( advertisement| ad)?"
    r"|scroll (down )?to (continue|read more)( reading| with content)?|continue reading below"
    r"|skip (the )?(ad|advert|advertisement)|remove ads)"
)
_COMMENTS_HEADER = (
    r"((reader |readers['’] |user )?(comments?|discussion|responses|replies|reactions)"
    rf"(\s*\({_COUNT}\)|\s*:\s*{_COUNT}|\s*\[{_COUNT}\])"
    rf"|(show|view|load|read|see|hide|open) (all |the )?({_COUNT} )?(reader )?comments?( \({_COUNT}\))?)"
)

# A note on a report's own scope: its data cut-off and the next issue that takes up later news.
_OWN_PRODUCT = (
    r"(product|report|assessment|update|map|edition|brief|briefing|analysis|digest|overview|summary|bulletin)"
)
_CUT_OFF = rf"cut-?off (time |date |point )?(for|of) (this|today['’]s|our) ([\w-]+ ){{0,2}}{_OWN_PRODUCT}"
# "... will cover subsequent reports in the April 29 assessment / in tomorrow's update".
_NEXT_ISSUE = (
    r"subsequent (reports|developments|claims|events|updates)\b.{0,40}\bin (tomorrow['’]s|the next day['’]s"
    rf"|the following day['’]s|(its|our|the) next|a future|the {_MONTH} \d{{1,2}}(st|nd|rd|th)?)"
    rf" .{{0,60}}{_OWN_PRODUCT}"
)
# An image counter of a photo gallery: "[1/4]", "Photo 3 of 12", "2 of 9 |".
_GALLERY_COUNTER = (
    r"\[\d{1,3}\s*/\s*\d{1,3}\]|(photo|image|picture|slide|gallery)s?\s*\d{1,3}\s*(of|/)\s*\d{1,3}\b"
    r"|\d{1,3} of \d{1,3}\s*\|"
)
# The credit closing a caption: an agency with a photographer, a handout via an agency, "Photograph: X/Y".
_PHOTO_CREDIT = (
    rf"{_AGENCY}( photo)?\s*/\s*[\w.'’ -]{{1,60}}|[\w.'’ -]{{1,80}}/\s*([\w.'’ -]{{0,40}}\bvia )?{_AGENCY}"
    r"|(photo|photograph|image|picture)s?( credit| by)?\s*:\s*[^.:]{1,80}(?<![.!?])"
)
# A web address, also the "example dot org" spelling some reports use to keep links inert.
_URL = (
    r"((https?://|www\.)\S+|[\w-]+(\.[\w-]+)*\s?(\[dot\]|\(dot\)| dot )\s?"
    r"(com|org|net|gov|mil|int|edu|info|media|news|online|io|me|tv|ru|ua|by|su|uk|eu)\b\S*)"
    r"(\s?(\[dot\]|\(dot\)| dot )\s?\S+)*"
)
# Whole-line rules, matched against the line without leading bullets. Families name the rule in the audit.
# Each pattern must fit a whole line of furniture and no article sentence, so open-ended tails sit behind
# a colon, a question mark or an imperative that reportage does not start with.
LINE_RULES: dict[str, re.Pattern[str]] = {
    "comment-form": _rx(
        r"leave an? (reply|comment|response)\b.*",
        r"(post|submit|add) (a |your )?comment\b.*",
        r"your email address will not be published.*",
        r"required fields are marked.*",
        r"this site uses akismet.*",
        r"save my name,? email.*",
        r"you must be logged in to post a comment.*",
        r"notify me of (follow-up comments|new posts).*",
        rf"(cancel reply|reply|comments?|{_COUNT} comments?|no comments( yet)?|comments are closed)\.?",
        r"(name|email|website|comment)\s*\*",
        _COMMENTS_HEADER,
        r"(your )?(name|e-?mail( address)?|nickname|comment|message)\s*\*?( \(required\))?:?",
        r"join the (conversation|discussion|debate)\b.{0,60}",
        r"(log ?in|sign in|register) to (comment|reply|post|join)\b.{0,60}",
        r"(write|leave|add|post) (a |your )?(comment|reply|response)\b.{0,60}",
    ),
    "related": _rx(
        r"(read also|also read|see also|also see|read more|read next|more to read|must read|don'?t miss)\b.*",
        r"(you may|you might|you may also|you might also) (also )?like\b.*",
        r"related (posts?|articles?|news|stories|content|topics|coverage|reading)\b.*",
        r"(related|recommended|trending|popular|latest|more|watch|listen)( news| now| stories| posts)?\s*:.*",
        r"(related|recommended|trending now|popular posts|latest news|more stories|more news|top stories)",
        r"(also )?on (the|this) (topic|subject)|mentioned in this (article|story)",
        r"(see|view|watch|listen|read) more\s*:.*",
        r"(most (read|popular|viewed|shared|watched|commented|emailed)|recommended for you"
        r"|trending( now| stories)?|editor'?s'? (picks?|choice)|in case you missed it|what to read next"
        r"|popular (on|in) \w+)[\w'’ ]{0,40}:?",
        r"continue reading\b.{0,120}",
        r"read (the )?(full|whole|complete|original|entire|rest of the)"
        r" (story|article|report|post|interview|text)\b.{0,80}",
        # "Click here to see our interactive map. This map is updated daily ..." may run to two sentences.
        r"(please )?click (here|the link|below|on the link)\b.{0,300}",
        r"(explore )?more (on|about) (this|these) (story|stories|topics?|subjects?)",
        r"(explore|more) (topics|on this topic)",
    ),
    "navigation": _rx(
        r"(previous|next|older|newer|prev) (post|article|story|page|entry)\b.*",
        r"[«‹<]?\s*(previous|prev|next)\s*[»›>]?",
        r"back to (top|home)( button)?",
        r"(show|load|view|see) (more|all)( news| articles| stories)?",
        r"skip to (main )?content",
        r"page \d+( of \d+)?",
        r"(home|news)\s*[»>/|›].{0,80}",
        r"(tags?|categories|category|filed under|posted in|topics?)\s*:.{0,120}",
        r"(tags|tagged|keywords|topics)",
        r"(print|email|e-mail|save|bookmark|listen to) (this )?(article|story|page|post)( for later)?",
        r"(font|text) size\b.{0,20}",
        # A media player's controls.
        r"(play|watch|replay) (the )?(video|now|more|again)|now playing|videos?|sections",
    ),
    "share": _rx(
        r"(share|share this( article| story| post| page)?|tweet|pin it|email|print|whatsapp|telegram|facebook"
        r"|twitter|linkedin|reddit|copy link|pocket)\s*:?",
        r"(share|click to share|post) (on|to|via) \w+.*",
        r"follow us\b.{0,100}",
        r"(subscribe|sign up)\b.{0,80}(newsletter|channel|updates|free)\b.{0,60}",
        r"(join|follow) (us|our) .{0,40}(telegram|twitter|facebook|channel|whatsapp|google news).{0,40}",
        r"like this:?",
        r"like loading\W*",
        r"%d bloggers like this:?",
        r"share (this|the) (article|story|post|page|video|link)( on| via| with)\b.{0,60}",
        r"(did you |do you )?(like|enjoy(ed)?|love) (this|the) (story|article|post)\?.{0,80}",
        r"if you (like|liked|enjoyed|appreciated) (this|our|the) (article|story|post|reporting|journalism)"
        r"\b.{0,200}",
        # "Follow-up talks on Telegram ..." is reportage; the imperative "Follow X on Twitter" is not.
        rf"follow(?!-)\b.{{0,60}}\b(on|at|via) {_PLATFORM}\b.{{0,100}}",
        r"follow (us |me |him |her |them )?(on \w+ )?@\w+.{0,60}",
        rf"(share|share this( article| story| post| page)?|share (on|via)|follow us( on)?)\s*:?\s*"
        rf"{_SHARE_BUTTON}({_SHARE_SEP}{_SHARE_BUTTON}){{0,12}}[\s,|·•/]*",
        rf"{_SHARE_BUTTON}({_SHARE_SEP}{_SHARE_BUTTON}){{1,12}}",
    ),
    "promo": _rx(
        r"(download|get|install|try) (our|the) (free )?([\w.'’-]+ ){0,3}(app|apps|application)\b.{0,80}",
        rf"(join|follow|subscribe to) (us|our)\b.{{0,40}}\b({_PLATFORM}|channel|community|group)\b.{{0,40}}",
        r"subscribe( now| today| here| for free)?[.!]?",
        r"subscribe to (our|the|\w+['’]s) .{0,60}(newsletters?|channel|podcast|updates|alerts|feed|edition)"
        r"\b.{0,60}",
        r"(get|receive) (the latest|our|the day['’]s|the week['’]s|breaking|the best|top)\b.{0,80}"
        r"\b(inbox|newsletters?|e-?mails?|alerts)\b.{0,80}",
        r"sign up( now| today| here)?( for (free|our \w+|the \w+))?[.!]?",
        # The newsletter word heads what one signs up to: "Sign up for the Disney+ bundle using the same
        # email" is a how-to step.
        r"(sign up|subscribe|register|opt in)( now| today| here| for free)?( to| for) ([\w'’&+-]+ ){0,5}"
        r"(newsletters?|briefings?|digest|bulletins?|alerts?|e-?mails?|updates|edition|podcast|channel"
        r"|round-?up|dispatch)\b.{0,120}",
        r".{0,120}\b(delivered (straight |directly |right )?|(straight|directly|right) )to your"
        r" (inbox|phone|e-?mail)\b.{0,100}",
        r"enter your e-?mail( address)?\b.{0,60}|newsletters?( sign-?up)?",
        r"thanks? (you )?for (subscribing|signing up|your subscription)\b.{0,80}",
        # Donation appeals: "Support X or become our patron!", "Help us keep going."
        r".{0,200}\b(become (our|a) (patron|supporter|paying (member|subscriber))|help us (keep|continue)"
        r" (going|reporting|doing)|support (our|independent) (journalism|reporting|newsroom))\b.{0,150}",
        r"(skip past|after) newsletter promotion|newsletter promotion",
        r"privacy notice\s*:.{0,300}",
        r"(please )?(support|donate to|help fund) (our|independent|this) (journalism|reporting|newsroom|work)"
        r"\b.{0,150}",
        r"(become|be) (a|our) (member|patron|supporter|paying subscriber)\b.{0,120}",
        r"(donate|support us)( now| today| here)?[.!]?",
        # "Subscribe to X on Telegram", "Read us in Telegram and Dzen": an imperative pointing to a channel.
        rf"(subscribe to|join|read us|find us|watch us|listen to us)( [\w.&'’-]+){{0,4}} (on|in|via|at)"
        rf" {_CHANNEL}((,|,? and|,? or) {_CHANNEL}){{0,4}}\b.{{0,80}}",
        # "Our Telegram channel: t.me/steppe", "Steppe Radio on Viber: @steppe".
        rf"(our |the )?([\w.&'’-]+ ){{0,3}}(on |in )?{_CHANNEL}( channel| page| account| group| community)?"
        r"\s*:?\s*(https?://\S+|[\w-]+\.[a-z]{2,4}/\S*|@\w+)",
    ),
    "feedback": _rx(
        # Error-report prompts: "Found a mistake? Select it and press Ctrl+Enter".
        r".{0,150}\bctrl\s*\+\s*enter\b.{0,100}",
        r"(if you )?(have )?(found|noticed|spotted|see|seen|find|notice|spot) (an? )?"
        r"(mistake|error|typo|misprint|inaccuracy|spelling mistake)s?"
        r"( in (the|this|our) (text|article|story|report))?\s*[?,.!:]?\s*(please )?(select|highlight|mark"
        r"|let us know|tell us|report|write|e-?mail|contact|notify|click|press)\b.{0,150}",
        r"(mistake|error|typo|misprint)s? in (the|this) (text|article|story)\?.{0,150}",
        # Calls for readers' tips: "Have you seen a claim we should check? Write to our desk." A quoted
        # appeal ("Contact us if you see drones," police said) is reportage.
        rf"(have|do|did|got|are|were|can|know)\b(?!{_REPORTED})[^?]{{0,150}}\?\s*(please )?"
        r"(write|e-?mail|contact|send|tell|message|get in touch|let us know|share|reach|text|call|drop)\b"
        r"(?=.{0,160}(\b(us|our)\b|@)).{0,200}",
        r"(please )?(write|e-?mail|send|message|contact) (to )?(us|our ([\w'’-]+ ){0,3}"
        r"(desk|team|editors?|newsroom|reporters?|journalists?|editorial( office| board| team)?))\b"
        rf"(?!{_REPORTED}).{{0,160}}",
        rf"if you (have|know|saw|witnessed|were|are|have been|had)\b(?!{_REPORTED})[^.?]{{0,150}}[,.]? "
        r"(please )?(contact|e-?mail|write to|message|get in touch with|tell|let) (us|our)\b.{0,150}",
        r"(share|send) (us )?your (own )?(story|stories|tips?|photos?|videos?|experiences?|news|footage)"
        rf"( with us)?\b(?!{_REPORTED}).{{0,120}}",
        r"(got|have) a (news )?tip\?.{0,120}",
        r"tell us (what you think|your (views?|opinions?|story|stories|thoughts|experiences?))"
        rf"\b(?!{_REPORTED}).{{0,120}}",
    ),
    "advert": _rx(rf"{_AD_LABEL}([\s.:|·•/*–—-]+{_AD_LABEL}){{0,3}}[\s.:|·•*–—-]*"),
    "caption": _rx(
        r"(screenshot|screen ?grab|still|frame)s? (from|of) (a |the )?"
        r"(video|footage|clip|telegram|social media)\b.{0,80}(?<![.!?])",
        r"\(?(photo|photograph|image|picture|pic|video|graphic|illustration|file photo|main image|top image"
        r"|featured image|cover image|photo ?credit|image credit|credit)s?( credit| courtesy| source| by)?"
        r"\s*[:|]\s*.{1,160}",
        r"\((photo|photograph|image|picture|video|file photo|credit|illustration)s?\b[^()]{0,120}\)\.?",
        # A credit has no full stop; "Photos by drone operators showed ... ." is a sentence.
        r"(photo|photograph|image|picture|video|illustration)s? (by|courtesy( of)?|credit)\b"
        r".{0,100}(?<![.!?])",
        rf"([\w.'’ -]{{1,40}}\s*/\s*)?{_AGENCY}(\s*(/|via)\s*[\w.'’ -]{{1,40}}){{0,2}}",
        # A gallery's caption, however real the scene it describes: an image counter before it
        # ("[1/4] Firefighters at the site ...", "Photo 2 of 9: ...") or a photo credit after its last
        # sentence ("... in Odesa on July 20. REUTERS/Jane Roe", "... Photograph: Jane Roe/AP").
        rf"({_GALLERY_COUNTER})(\s*[:|.–—-]?\s+.{{0,600}})?",
        # One sentence only: a story's paragraph with a caption glued after it is content.
        rf"((?![.!?][\"'”’]?\s).){{10,400}}[.!?][\"'”’]?\s+\(?({_PHOTO_CREDIT})\)?",
    ),
    "reference": _rx(
        # Footnotes under a report: "[3] https://t.me/channel/123", "4. https://example dot org/page",
        # "[5] Ministry of Defence, https://...". Body sentences carry the marker at their end, not the start.
        rf"(\[\d{{1,3}}\]|\d{{1,3}}[.)]|\^\d{{0,3}})\s*{_URL}(\s*[;,|]?\s*{_URL}){{0,12}}[\s;,.]*",
        rf"\[\d{{1,3}}\]\s+(?=.{{0,300}}{_URL}).{{1,600}}",
    ),
    "credit": _rx(
        r"sources?\s*:\s*.{1,80}",
        r"\((additional )?(reporting|writing|editing|compiled|edited|translated|written) by\b"
        r"[^()]{0,250}\)\.?",
        r"(additional )?(reporting|writing|editing) by\b.{0,250}(?<![.!?])",
        r".{0,200}\bcontributed (reporting|to this (report|story|article))\b.{0,60}",
        # "Associated Press writer Jane Roe in Kyiv contributed."
        r".{0,100}\b(writers?|reporters?|correspondents?|journalists?)\b.{0,150}\bcontributed\.?",
    ),
    "meta": _rx(
        r"(last |first |originally )?(updated|published|posted|modified|edited)( on| at)?\s*:\s*.{1,60}",
        rf"(last |first |originally )?(updated|published|posted|modified|edited)\s+{_STAMP}",
        rf"(?=.*\d)(?=.*\b({_MONTH}|{_WEEKDAY})){_STAMP}",
        # numeric dates alone on a line, bare or labelled: "2023-01-05", "date 2023-01", "Date: 05.10.2022"
        r"(dated?\s*:?\s*)?(\d{4}-\d{1,2}(-\d{1,2})?|\d{1,2}[./]\d{1,2}[./](\d{4}|\d{2}))"
        r"([\sT,|]+\d{1,2}:\d{2}(:\d{2})?)?",
        r"last updated",
        r"(updated |posted |published )?(\d+\s*(seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?"
        r"|months?)|an? (minute|hour|day|week|month)) ago|just now",
        r"\d+\s*(-\s*\d+\s*)?(min(ute)?s?|hours?)\.?\s*(read|reading time|to read)",
        r"(estimated )?(reading|read) time\s*:?\s*\d+.{0,20}",
        rf"{_COUNT}\s*(views|reads|shares|hits)",
        # "Views: 2 317", "Viewed 1,204 times", "👁 2317".
        rf"((page )?views|reads|hits|viewed|view count|👁|👀)\s*[:|-]?\s*{_COUNT}( times)?",
    ),
    "consent": _rx(
        r"(we|this (web)?site|our (web)?site) uses? cookies\b.{0,300}",
        r"by (continuing to )?(using|browsing|use|visit(ing)?) (this|our) (web)?site\b.{0,300}",
        r"((accept|allow|reject|decline|manage)( all)?( cookies)?|cookie (policy|settings|preferences))",
        r"(privacy policy|terms (of (use|service)|and conditions))(\s*[|·•,]\s*[\w ]{1,30}){0,4}",
    ),
    "author": _rx(
        r"about the author\b.*",
        r"(written|posted|published|reported) by\b.{0,60}",
        r"authors?\s*:.{0,200}",
        r"by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}( and [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3})?",
        # The names are case-sensitive: "Reporting by the state broadcaster ..." is a sentence.
        rf"((live )?(updates|coverage|blog|reporting|report|text|words|analysis|story|photos?|video|graphics?"
        rf"|interview|compiled|edited|written|produced|translated|presented|curated))? ?by {_PEOPLE}",
        r"(write to|e-?mail|contact|reach)\b[^.]{0,60}\b(at|on|via)\s+(\S+@\S+|@\w+|https?://\S+|twitter)\b.{0,100}",
        # A live page's shift byline: "Jane Roe (now) and John Doe (earlier)". The marker makes it a byline
        # anywhere on the page.
        rf"(?=.*{_SHIFT_MARK}|by .*\(updated\))(?!{_NOT_PERSON})(by )?{_PERSON}{_SHIFT}?"
        rf"((,| and|, and| &) {_PERSON}{_SHIFT}?){{0,6}}( in {_PLACES})?",
    ),
    "outlet": _rx(
        # Standards, reuse and licensing notes every page of an outlet carries.
        r"our (editorial )?(standards|principles|values|ethics|policies|guidelines|mission"
        r"|code of (conduct|ethics|practice))\s*:.{0,120}",
        r"(editorial (standards|guidelines|policy|independence)|corrections? policy|ethics policy"
        r"|fact-?checking policy|trust principles)(\s*[|·•,]\s*[\w ]{1,30}){0,4}\.?",
        r"(learn|read|find out) more about (our|how we)\b.{0,80}",
        r"(reuse|republish|reprint|license|syndicate) this (content|article|story|page)\.?",
        r"(reprints?|permissions?|licensing)(\s*(and|&|\|)\s*(reprints?|permissions?|licensing))*",
        r"(purchase|buy|request|acquire|obtain|get) (licensing|reprint|republishing|syndication|reuse) rights"
        r"\b.{0,60}",
        # "Any use of the materials is allowed only with ...", "All materials on this site are protected ..."
        r"(any |the )?(full or partial )?(use|reprint\w*|reproduc\w*|republi\w*|copying|quoting|citing) of"
        r" (the |our |these |this site['’]?s |any )?(materials?|content|articles?|texts?|publications?)"
        r"\b.{0,200}",
        r"all (materials?|content|rights to (the )?materials?) (on|of|published on|from) (this|the|our) "
        r"(site|website|portal|resource)\b.{0,200}",
        # "If you use any of X materials, a hyperlink to X is obligatory."
        r"(?=.*\b(hyper-?links?|active links?|links? to [\w-]+\.[a-z]{2,4})\b)"
        r"(?=.*\b(obligatory|mandatory|required|compulsory|necessary|must)\b).{0,300}",
        r"(view|download|read|open|print|see|get) (the |this |a )?(full |complete |entire |printable )?"
        r"(report|document|version|assessment|article|transcript|text|study|brief|paper|update)?"
        r"\s*(in|as|\()?\s*pdf\)?( format| version)?\.?",
        r"pdf( version)?",
        # A note about the publisher's sources or corrections, not about the news.
        r"(note|disclaimer)\s*:(?=.*\b(classified|publicly available|open[- ]source|views expressed"
        r"|necessarily (reflect|represent)|does not (receive|endorse)"
        r"|(this|the) (map|report|article|story|page|assessment|update|post|blog)"
        r" (is|was|has been|will be) (updated|corrected|amended|published|revised)"
        rf"|{_CUT_OFF}|{_NEXT_ISSUE})).{{0,400}}",
        # A think-tank's standing notes on its own product: the data cut-off, where later reports will go,
        # what it leaves out ("We do not report in detail on ... because ...").
        rf"(the )?(data )?{_CUT_OFF}\b.{{0,300}}",
        rf"(?!{_REPORTED})[\w.&'’ -]{{1,60}}\b(will|to) (cover|address|report on|assess) .{{0,80}}"
        rf"{_NEXT_ISSUE}.{{0,200}}",
        # "We cannot report from ..." can be a reporter's own story; a standing note says what is left out.
        rf"(?!{_REPORTED})we (do not|don['’]t|will not|won['’]t|no longer) (report|cover|publish|detail)"
        r"(?! up)\b.{0,300}",
        r"the (views|opinions) expressed (in this|here)\b.{0,200}",
        # "X is not responsible for the content of external sites."
        rf"(?=.{{0,80}}\b(is|are) not responsible for)(?!{_REPORTED})"
        r".{0,80}\b(is|are) not responsible for (the )?"
        r"(content|contents|materials?|information|opinions?|views)( and ([\w-]+ ){0,2}\w+)? (of|on|in|at) "
        r"(any )?(external|third[- ]party|other|linked|outside|advertis\w*"
        r"|readers['’]?|users['’]?)\b.{0,100}",
        # "The editorial board may not share the author's opinion."
        rf"(?=.{{0,60}}\b(editorial (board|office|staff|team)|editors|publisher)\b)(?!{_REPORTED})"
        r".{0,60}\b(editorial (board|office|staff|team)|editors|publisher)\b"
        r".{0,40}\b(may|does|do|might) not (share|coincide with|necessarily (share|reflect|coincide))\b"
        r".{0,150}",
        r"(was this (article|story|page) (helpful|useful)\?|report an? (error|typo|correction)"
        r"|submit a correction).{0,40}",
    ),
    "live-blog": _rx(
        # Widgets of a live page and the closing notice that points elsewhere.
        r"(key events|(show|hide|view|see) (all |only )?key events( only)?)",
        r"(please )?(turn on|enable|activate|switch on|allow) javascript\b.{0,100}",
        r"javascript (is|must be) (disabled|required|turned off|not enabled|enabled)\b.{0,100}",
        r"(your|this) browser (does not|doesn['’]?t|cannot|can['’]?t) support\b.{0,120}",
        r"(show|load|view|see) (\d+ )?(new|more|earlier|later|older|newer|previous) (posts?|updates|entries)",
        r"(jump|skip|go) to (the )?(latest|first|most recent)( post| posts| update| updates)?",
        r"(pinned( post)?|auto-?update( on| off)?|live( updates| coverage| blog)?|refresh( the page)?)",
        r"that['’]?s (all|it|everything) (from (us|me|the team)|for (now|today|tonight))\b.{0,250}",
        r"(we['’]?re|we are|we['’]?ll be|we will be) (closing|pausing|ending|wrapping up|back)\b.{0,60}"
        r"\b(blog|coverage|live|updates)\b.{0,200}",
        r"(this|the|our) (live )?blog (is|has) (now )?(closed|ended|paused|finished|moved)\b.{0,200}",
        r"thank(s| you) (all )?for (following|reading|joining us|being with us)\b.{0,150}",
        r"(you can )?(follow|read|find|see|catch up (on|with)|keep up with) (all )?(of )?"
        r"(our|the latest|([\w.&-]+ ){0,3}[\w.&-]+['’]s?)"
        r" (continuing |ongoing |latest |live |full |earlier |previous )?"
        r"(coverage|updates|reporting|live blog|blog)\b.{0,150}",
    ),
    # Not "___" or "|---|": the first can be a story's own divider, the second is a table's rule.
    "separator": _rx(r"[^\w|]+"),
    "copyright": _rx(
        r"(©|\(c\)|copyright\b).{0,160}",
        r"all rights reserved\.?",
        r".{0,100}\ball rights reserved\b.{0,100}",
        r"this (material|article|content|story) (may|must) not be (published|reproduced|copied|republished"
        r"|redistributed)\b.*",
        r"this copy is for your personal\b.*",
    ),
}
# Rules for lines outside the article's prose (before its first or after its last paragraph), where a name
# on its own is a byline; inside the body the same shapes can be a subheading.
EDGE_RULES: dict[str, re.Pattern[str]] = {
    "author": _rx(
        # "Olena Marchuk in Kyiv", "A B in Kyiv and C D in Kharkiv", "A B and C D in Kyiv",
        # "A B, C D, and E F".
        rf"(?!{_NOT_PERSON}){_PEOPLE} in {_PLACES}(,? and {_PEOPLE} in {_PLACES})*( and agencies)?",
        rf"(?!{_NOT_PERSON}){_PERSON}((, | and |, and | & ){_PERSON}){{1,8}}",
        r"([\w'’]+ ){0,3}(staff|reporters?|correspondents?) and agencies|agencies",
        # "Martin Keller, Europe correspondent"
        rf"{_PERSON},? (the |our )?([\w'’-]+ ){{0,3}}(correspondent|editor|reporter|writer|analyst|columnist"
        rf"|contributor|producer)( in {_NAME_WORD}( {_NAME_WORD}){{0,2}})?",
    ),
    # A rail naming a section or an author: "More from Opinion", "More by Jane Roe". Inside the body the
    # same words can head a live page's next post ("More from Kharkiv").
    "related": _rx(r"more (from|by) ([\w'’&.-]+ ){0,4}[\w'’&-]+"),
}
# An outlet's masthead over the story: "Steppe Radio / News of the south", "The Courier | Independent news".
# After a dash the tagline must say what the outlet is ("Border Watch — news of the southern regions")
# without a verb: "Bakhmut — what we know" and "Zelensky — media reports say ..." are standfirsts.
_OUTLET_NOUN = (
    r"(news|newspaper|journalism|reporting|media|magazine|daily|weekly|portal|agency|outlet|information"
    r"|coverage|updates|headlines|newsroom|voice)"
)
MASTHEAD = _rx(
    r"(?-i:[A-Z][\w'’.&-]*)( [\w'’.&-]+){0,3}\s+[/|]\s+(?-i:[A-Z])[\w'’&-]*( [\w'’.&,-]+){0,7}",
    rf"(?-i:[A-Z][\w'’.&-]*)( (?-i:[A-Z])[\w'’.&-]*){{0,3}}\s+[—–]\s+"
    rf"(?=([\w'’.&,-]+ ){{0,2}}{_OUTLET_NOUN}\b)(?!.*\b(says?|said|reports?|claims?|warns?|is|are|was|were"
    r"|has|have|had|will)\b)[\w'’&-]+( [\w'’.&,-]+){0,9}",
)
# A note about the author after the story: "Jane Roe is a reporter at the Courier covering ...",
# "Jane Roe covers Russia for the Courier". Only newsroom roles tied to an outlet or a newsroom title:
# "X is a senior fellow at Y" closes stories as background, and "X is a journalist who fled Mariupol" or
# news about a journalist (detained, killed, quoted) is the story itself.
_JOURNALIST_NEWS = (
    r"(?!.*\b(said|says|told|detained|arrested|jailed|killed|wounded|injured|died|dead|missing|charged"
    r"|sentenced|accused|captured|released|freed|expelled|deported|held|tried)\b)"
)
_OUTLET_TIE = (
    r"(?=.*(\b(at|for|with) (the )?(?-i:[A-Z])|['’]s\b|\bour\b|\bbased in\b"
    r"|\b(freelance|staff|senior|contributing|special|foreign|chief|deputy|managing|political|defen[cs]e|war)"
    r" (reporter|correspondent|editor|writer|journalist|photographer|producer)))"
)
AUTHOR_BIO = _rx(
    rf"{_JOURNALIST_NEWS}{_OUTLET_TIE}{_PEOPLE} (is|are|has been) (?!not )([\w.&'’-]+ ){{0,6}}"
    r"(reporters?|correspondents?|editors?|writers?|journalists?|columnists?|contributors?|producers?"
    r"|photographers?|photojournalists?|videographers?|bureau chief|interns?|contributing \w+|staff \w+)"
    r"\b.{0,300}",
    rf"{_JOURNALIST_NEWS}{_PEOPLE} (covers|reports (on|from)|writes (about|on|for)|has covered"
    r"|has reported (on|from))\b(?=.{0,200}\b(for|at)\b).{0,300}",
)
# A lone heading over a list of other articles' headlines ("Read also", "Related").
RELATED_HEADER = _rx(
    r"(read|see) (also|more|next)|also (read|see)"
    r"|related( articles?| stories| news| posts| coverage| content)?"
    r"|more (on this( story| topic)?|stories|news|from \w+( \w+)?)|(you may|you might) (also )?like"
    r"|recommended( for you)?|most (read|popular|viewed)|popular|in other news|what to read next"
    r"|(also )?on (the|this) (topic|subject)|mentioned in this (article|story)"
)
RELATED_MAX_ITEMS = 8
# A headline: a short line without a full stop ("Prigozhin: Wagner to leave the city on May 25").
HEADLINE_MIN_WORDS, HEADLINE_MIN_WORDS_WITH_COLON, HEADLINE_MAX_WORDS = 5, 3, 25

# Markers after which, near the end of a page, nothing belongs to the article.
TAIL_MARKERS = _rx(
    r"leave an? (reply|comment|response)\b.*",
    r"your email address will not be published.*",
    r"related (posts?|articles?|news|stories|content)\b.*",
    r"(you may|you might) (also )?like\b.*",
    r"(more stories|more news|recommended|read next)",
    r"(previous|next) (post|article|story)\b.*",
    r"about the author\b.*",
    r"show more",
    r"share this( article| story| post)?:?",
    r"like this:?",
    r"%d bloggers like this:?",
    rf"({_COUNT} )?comments?",
    _COMMENTS_HEADER,
    r"(add|post|write|leave) (a |your )?comment",
    r"(explore )?more on (this|these) (story|stories|topics?)",
    r"topics",
)
COMMENTS_HEADER = _rx(_COMMENTS_HEADER)
TAIL_MIN_POSITION = 0.5  # a marker must sit in the second half of the body
TAIL_MAX_LINE = 300  # a long paragraph after a marker means the marker was not the footer

# A line that stops like a sentence or a clause (a headline may end in a question mark or a quote).
_CLAUSE_END = re.compile(r"[.!;,…:][\"'”’»)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*$|[\"”’»」』]$")
# Two category words glued by a scraper ("NewsEurope"), not a brand's inner capital ("iPhone").
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
# A kicker over the body: "Politics", "Military operation in Ukraine".
LABEL_MAX_WORDS, LABEL_MAX_CHARS = 5, 45
SHORT_LABEL_WORDS = 3  # up to this many words a label needs no further evidence
STEM_CHARS = 5  # "Tunisia" and "Tunisians" share a stem


@dataclass(frozen=True, slots=True)
class Cleaned:
    title: str | None
    text: str
    removed: tuple[RemovedLine, ...]


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\u00a0", " ").replace("\u200b", "")


def line_key(line: str) -> str:
    """A line as compared across documents: no bullets, spacing or case."""
    return _SPACES.sub(" ", _BULLET.sub("", line)).strip().casefold()


def rule_for(line: str) -> str | None:
    """The boilerplate family a single line belongs to, if any."""
    core = _BULLET.sub("", line).strip()
    # A link's screen-reader suffix ("Acquire Licensing Rights, opens new tab") says nothing about the link.
    bare = _NEW_TAB.sub("", core)
    if core and not bare:
        return "navigation"
    core = bare
    if not core:
        # A line of bullets or dashes alone is a divider; with pipes it is a table's rule and stays.
        return "separator" if line.strip() and "|" not in line else None
    for family, pattern in LINE_RULES.items():
        if pattern.fullmatch(core):
            return family
    if is_breadcrumb(core):
        return "breadcrumb"
    return None


def is_breadcrumb(line: str) -> bool:
    """Category labels glued together by a scraper ("World NewsEuropePolitics")."""
    words = line.split()
    if len(words) > 10 or len(line) > 80 or "://" in line or _SENTENCE_END.search(line):
        return False
    if len(_GLUED.findall(line)) >= 2 or bool(re.search(r"\S\s*[»›>|]\s*\S", line) and len(words) <= 6):
        return True
    # "The Daily Courier | World | Ukraine": a few short named segments; digits would make it a table row.
    segments = re.split(r"\s*[»›|]\s*", line)
    return (
        2 <= len(segments) <= 5
        and not re.search(r"\d", line)
        and all(seg[:1].isupper() and len(seg.split()) <= 4 for seg in segments)
    )


def is_prose(line: str) -> bool:
    return len(line.split()) >= 12 and bool(_SENTENCE_END.search(line.strip()))


def edge_keys(text: str) -> set[str]:
    """Keys of the lines before the first or after the last prose paragraph, where furniture sits."""
    lines = [ln.strip() for ln in normalize_text(text).split("\n") if ln.strip()]
    prose = [i for i, ln in enumerate(lines) if is_prose(ln)]
    if not prose:
        return {line_key(ln) for ln in lines}
    first, last = prose[0], prose[-1]
    return {line_key(ln) for i, ln in enumerate(lines) if i < first or i > last}


def repeated_lines(edge_key_sets: Iterable[set[str]], min_docs: int = 3) -> frozenset[str]:
    """Edge lines found in at least `min_docs` documents. Pass one set per independent document
    (syndicated copies merged), or every line of a copied story would look like furniture."""
    counts: Counter[str] = Counter()
    for keys in edge_key_sets:
        counts.update(keys)
    return frozenset(k for k, n in counts.items() if n >= min_docs and k)


def clean_text(text: str, title: str | None = None, repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Clean a plain-text body. With no `title`, the first line that is not boilerplate is the title when it
    looks like one and more text follows."""
    lines = normalize_text(text).split("\n")
    keep = [True] * len(lines)
    removed: list[tuple[int, str]] = []

    def drop(i: int, rule: str) -> None:
        if keep[i]:
            keep[i] = False
            removed.append((i, rule))

    for i, line in enumerate(lines):
        rule = rule_for(line)
        if rule:
            drop(i, rule)

    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    # Title: given, or the first surviving line when it reads as a headline and text follows it. A lede
    # or a one-paragraph bulletin is the article itself.
    title_index = None
    if title is None:
        kept = [i for i in nonblank if keep[i]]
        if len(kept) > 1 and looks_like_title(lines[kept[0]].strip()):
            title_index = kept[0]
            title = lines[title_index].strip()
            keep[title_index] = False
    if title:
        tkey = line_key(title)
        for i in nonblank:
            if keep[i] and line_key(lines[i]) == tkey:
                drop(i, "title-repeat")

    _drop_related_lists(lines, keep, drop)
    _drop_tail(lines, keep, drop)
    _drop_header_labels(lines, keep, drop, title_index)
    _drop_edge_lines(lines, keep, drop)
    _drop_author_bios(lines, keep, drop)

    if repeated:
        edges = edge_keys("\n".join(ln for ln, k in zip(lines, keep, strict=True) if k))
        for i in nonblank:
            key = line_key(lines[i])
            if keep[i] and key in repeated and key in edges:
                drop(i, "corpus-repeated")

    # A line repeated right after itself (a teaser headline and its paragraph) is kept once.
    previous = None
    for i in nonblank:
        if not keep[i]:
            continue
        key = line_key(lines[i])
        if key == previous:
            drop(i, "repeated-line")
        previous = key

    body = _join(lines, keep)
    audit = tuple(RemovedLine(lines[i].strip(), rule) for i, rule in sorted(removed))
    return Cleaned(title=title or None, text=body, removed=audit)


def _drop_related_lists(lines: list[str], keep: list[bool], drop) -> None:
    """Headlines listed under a lone "Read also" or "Related" heading belong to other articles."""
    for i, line in enumerate(lines):
        if not RELATED_HEADER.fullmatch(_BULLET.sub("", line).strip().rstrip(":").strip()):
            continue
        listed = 0
        for j in range(i + 1, len(lines)):
            item = _BULLET.sub("", lines[j]).strip()
            if not item or not keep[j]:
                continue  # blank lines and furniture already removed sit between the items
            if listed >= RELATED_MAX_ITEMS or not is_headline(item):
                break
            drop(j, "related")
            listed += 1
        if listed:
            drop(i, "related")  # the heading goes with its list ("More from Opinion")


def looks_like_title(line: str) -> bool:
    """A first line that can be a headline: short, and not ending as a sentence or clause does."""
    return 0 < len(line.split()) <= HEADLINE_MAX_WORDS and not _CLAUSE_END.search(line)


def is_headline(line: str) -> bool:
    words = len(line.split())
    # "Kremlin: talks are possible" names its speaker the way headlines do, so it may be shorter.
    least = HEADLINE_MIN_WORDS_WITH_COLON if re.search(r"\w: \w", line) else HEADLINE_MIN_WORDS
    return least <= words <= HEADLINE_MAX_WORDS and not _CLAUSE_END.search(line)


def _drop_edge_lines(lines: list[str], keep: list[bool], drop) -> None:
    kept = [i for i, ln in enumerate(lines) if keep[i] and ln.strip()]
    prose = [i for i in kept if is_prose(lines[i])]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    for i in kept:
        if first <= i <= last:
            continue
        core = _BULLET.sub("", lines[i]).strip()
        for family, pattern in EDGE_RULES.items():
            if pattern.fullmatch(core):
                drop(i, family)
                break
        else:
            if i < first and MASTHEAD.fullmatch(core) and not _SENTENCE_END.search(core):
                drop(i, "masthead")


def _drop_author_bios(lines: list[str], keep: list[bool], drop) -> None:
    """Notes about the author after the last paragraph of the story; the walk stops at the story's prose."""
    for i in reversed(range(len(lines))):
        core = _BULLET.sub("", lines[i]).strip()
        if not core or not keep[i]:
            continue
        if AUTHOR_BIO.fullmatch(core):
            drop(i, "author")
        elif is_prose(core):
            return


def _drop_tail(lines: list[str], keep: list[bool], drop) -> None:
    total = sum(len(ln) + 1 for ln in lines) or 1
    offset = 0
    for i, line in enumerate(lines):
        core = _BULLET.sub("", line).strip()
        # A counted comments header ends the article wherever it sits: the comments may outweigh the story.
        late = offset / total >= TAIL_MIN_POSITION or (
            COMMENTS_HEADER.fullmatch(core) and any(is_prose(ln) for ln in lines[:i])
        )
        if late and core and TAIL_MARKERS.fullmatch(core):
            rest = [ln for ln in lines[i + 1 :] if ln.strip()]
            if all(len(ln.strip()) <= TAIL_MAX_LINE for ln in rest):
                for j in range(i, len(lines)):
                    if lines[j].strip():
                        drop(j, rule_for(lines[j]) or "footer")
                return
        offset += len(line) + 1


def _drop_header_labels(lines: list[str], keep: list[bool], drop, title_index: int | None) -> None:
    """Short labels between the title and the first paragraph are section tags ("Politics", "Ukraine")."""
    start = (title_index + 1) if title_index is not None else 0
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if not line or not keep[i]:
            continue
        words = len(line.split())
        short = words <= LABEL_MAX_WORDS and len(line) <= LABEL_MAX_CHARS
        if short and not _SENTENCE_END.search(line) and not line.endswith("?"):
            # A longer label is a rubric only if the paragraph under it does not take up most of its words:
            # "Extreme heat in Europe" over a paragraph on a heat wave is the paragraph's own heading.
            if words > SHORT_LABEL_WORDS and _shares_words(line, _next_kept(lines, keep, i)):
                break
            drop(i, "section-label")
            continue
        break


def _stems(text: str) -> set[str]:
    return {w[:STEM_CHARS] for w in re.findall(r"[^\W\d_]{4,}", text.casefold())}


def _shares_words(label: str, paragraph: str) -> bool:
    """At least half the label's words recur below it: a heading that sums up its paragraph."""
    stems = _stems(label)
    return bool(stems) and 2 * len(stems & _stems(paragraph)) >= len(stems)


def _next_kept(lines: list[str], keep: list[bool], i: int) -> str:
    return next((ln for ln, k in zip(lines[i + 1 :], keep[i + 1 :], strict=True) if k and ln.strip()), "")


def _join(lines: list[str], keep: list[bool]) -> str:
    out: list[str] = []
    blank = False
    for line, k in zip(lines, keep, strict=True):
        if not k:
            continue
        stripped = line.rstrip()
        if not stripped.strip():
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(stripped.strip())
    return "\n".join(out)
