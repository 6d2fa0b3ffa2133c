# A part of a day that a phrase placed by the narrative names: "the same morning", "the next day".
day
morning
afternoon
evening
night
