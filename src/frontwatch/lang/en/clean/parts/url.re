# A web address, also the "example dot org" spelling some reports use to keep links inert.
((https?://|www\.)\S+|[\w-]+(\.[\w-]+)*\s?(\[dot\]|\(dot\)| dot )\s?(com|org|net|gov|mil|int|edu|info|media|news|online|io|me|tv|ru|ua|by|su|uk|eu)\b\S*)(\s?(\[dot\]|\(dot\)| dot )\s?\S+)*
