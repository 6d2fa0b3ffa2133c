# A year after a preposition: "in 2014", "since 2014"; not "born in 1961": a person's age is no date of an event.
(?<!born )\b(?:[Ii]n|[Ss]ince|[Bb]y|of|[Uu]ntil|[Tt]hrough|[Tt]hroughout|[Dd]uring)\s+{year}\b
