# A shift marker after a byline name, "(updated)" included: " (now)", " (earlier)".
( \((now|earlier|later|updated|previously|before|overnight|until now|from now)\))
