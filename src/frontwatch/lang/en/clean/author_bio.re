# A note about the author after the story: "Jane Roe is a reporter at the Courier covering ...",
# "Jane Roe covers Russia for the Courier". Only newsroom roles tied to an outlet or a newsroom title:
# "X is a senior fellow at Y" closes stories as background, and "X is a journalist who fled Mariupol" or
# news about a journalist (detained, killed, quoted) is the story itself.
{journalist_news}{outlet_tie}{people} (is|are|has been) (?!not )([\w.&'’-]+ ){0,6}(reporters?|correspondents?|editors?|writers?|journalists?|columnists?|contributors?|producers?|photographers?|photojournalists?|videographers?|bureau chief|interns?|contributing \w+|staff \w+)\b.{0,300}
{journalist_news}{people} (covers|reports (on|from)|writes (about|on|for)|has covered|has reported (on|from))\b(?=.{0,200}\b(for|at)\b).{0,300}
# A bio in the author's own voice: "I am Jane Roe, a staff writer for the Courier, covering ...".
(i am|i['’]m|my name is) {person},? (a|an|the) .{0,80}\b(writers?|journalists?|reporters?|editors?|bloggers?|correspondents?|authors?|contributors?)\b.{0,500}
