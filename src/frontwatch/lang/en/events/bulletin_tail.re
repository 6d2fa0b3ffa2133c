# A bulletin's source after a dash at the end of its line, the way official Telegram posts end: "..., a man
# was injured — Lysak", "... 5 wounded, — regional military administration". A line that ends so and runs to
# BULLETIN_MIN_WORDS words is a sentence of the story, though it has no final stop.
,?\s+[—–]\s*[\w'’.(][\w'’.() -]{0,60}$
