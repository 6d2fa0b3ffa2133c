# Which shift of a live page a byline name wrote: "Jane Roe (now)", "John Doe (earlier)".
# "(updated)" also follows Title Case headlines, so alone it marks a byline only after "By" (see shift).
\((now|earlier|later|previously|before|overnight|until now|from now)\)
