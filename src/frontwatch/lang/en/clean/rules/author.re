# Bylines, author boxes and contact lines anywhere on the page.
about the author\b.*
(written|posted|published|reported) by\b.{0,60}
authors?\s*:.{0,200}
by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}( and [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3})?
# The names are case-sensitive: "Reporting by the state broadcaster ..." is a sentence.
((live )?(updates|coverage|blog|reporting|report|text|words|analysis|story|photos?|video|graphics?|interview|compiled|edited|written|produced|translated|presented|curated))? ?by {people}
(write to|e-?mail|contact|reach)\b[^.]{0,60}\b(at|on|via)\s+(\S+@\S+|@\w+|https?://\S+|twitter)\b.{0,100}
# A live page's shift byline: "Jane Roe (now) and John Doe (earlier)". The marker makes it a byline
# anywhere on the page.
(?=.*{shift_mark}|by .*\(updated\))(?!{not_person})(by )?{person}{shift}?((,| and|, and| &) {person}{shift}?){0,6}( in {places})?
# "By The Courier Staff & Agencies", "Article written by", "Story compiled by the news desk".
by (the )?([\w.'’-]+ ){0,4}(staff|team|desk|newsroom|editors?)( (&|and) (agencies|wires))?
(article|story|post|text|report|material|piece) (written|prepared|compiled|posted|edited) by\b.{0,60}
# A site account in place of a byline: "administrator", "Site admin".
(site |web )?(admin|administrator|webmaster)
# A byline with its date or place: "By Jane Roe - 24 April 2025", "By Jane Roe in Berlin June 24, 2023".
by {person}( in (?-i:[A-Z][\w'’-]+)( (?-i:[A-Z][\w'’-]+))?)?[\s,|·–—-]+{stamp}
# An editor's or author's label with a name alone: "Editor Jane Roe", "Author's name Jane Roe".
(editor|author|author['’`]?s name|reporter|correspondent|edited by)\s*:?\s*{person}
