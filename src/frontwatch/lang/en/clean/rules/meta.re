# Date and time stamps, update notes, reading times and view counters alone on a line.
(last |first |originally )?(updated|published|posted|modified|edited)( on| at)?\s*:\s*.{1,60}
(last |first |originally )?(updated|published|posted|modified|edited)\s+{stamp}
(?=.*\d)(?=.*\b({month}|{weekday})){stamp}
# numeric dates alone on a line, bare or labelled: "2023-01-05", "date 2023-01", "Date: 05.10.2022"
(dated?\s*:?\s*)?(\d{4}-\d{1,2}(-\d{1,2})?|\d{1,2}[./]\d{1,2}[./](\d{4}|\d{2}))([\sT,|]+\d{1,2}:\d{2}(:\d{2})?)?
last updated
(updated |posted |published )?(\d+\s*(seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|months?)|an? (minute|hour|day|week|month)) ago|just now
\d+\s*(-\s*\d+\s*)?(min(ute)?s?|hours?)\.?\s*(read|reading time|to read)
(estimated )?(reading|read) time\s*:?\s*\d+.{0,20}
{count}\s*(views|reads|shares|hits)
# "Views: 2 317", "Viewed 1,204 times", "👁 2317".
((page )?views|reads|hits|viewed|view count|👁|👀)\s*[:|-]?\s*{count}( times)?
# A widget's counter between dashes, its leading dash taken as a bullet: "- 0 -", "— 12 —".
\d{1,4}\s*[-–—]
# "Posted on The Courier March 3rd, 2024": a stamp that names where it was posted.
(posted|published) (on|in|at|to) .{1,40}\b({month})\w*\.? \d{1,2}(st|nd|rd|th)?,? \d{4}
# A site's live counter: "8425 visitors online", "Online now: 312 readers".
{count}\s*(visitors?|users?|readers?|guests?) (online|now|on (the )?site)|(online|on the site) now\s*:?\s*{count}( (visitors?|users?|readers?|guests?))?
# A view counter glued to a date and time stamp by the scraper: "55910.12.2025, 16:24" (559 views, 10.12.2025).
\d{1,6}\s?\d{1,2}\.\d{1,2}\.\d{4},?\s*\d{1,2}:\d{2}
# A line of counters only ("1 598 4", "/1861"): view, comment and share counts whose labels were icons. A
# lone number stays: "2023" may head a timeline's year.
[/#]\d{1,6}|\d{1,6}([\s/]+\d{1,6}){1,4}
# A date stamp with the section it was filed under: "Oct 27, 2025 News".
{stamp}\s+(news|world|politics|opinion|war|europe|ukraine|russia|analysis|video|photos?|world news|international)
# A note to readers about the page, not the story: "Editor's note: WARNING: contains an image that may be
# disturbing", "Warning: graphic content".
(editor['’]?s'? note\s*:\s*)?(content )?warning\s*:\s*(this|the following|the (video|image|images|photo|photos|footage|pictures?)|contains|graphic|disturbing|some)\b.{0,200}
