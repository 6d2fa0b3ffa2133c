# Bylines outside the article's prose, where a name on its own is a byline (inside the body it can be a subheading).
# "Olena Marchuk in Kyiv", "A B in Kyiv and C D in Kharkiv", "A B and C D in Kyiv",
# "A B, C D, and E F".
(?!{not_person}){people} in {places}(,? and {people} in {places})*( and agencies)?
(?!{not_person}){person}((, | and |, and | & ){person}){1,8}
([\w'’]+ ){0,3}(staff|reporters?|correspondents?) and agencies|agencies
# "Martin Keller, Europe correspondent"
{person},? (the |our )?([\w'’-]+ ){0,3}(correspondent|editor|reporter|writer|analyst|columnist|contributor|producer)( in {place})?
