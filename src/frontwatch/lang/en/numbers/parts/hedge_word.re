# Words that hedge a count: "more than", "at least", "nearly".
more than
over
at least
about
around
some
nearly
almost
up to
roughly
approximately
close to
