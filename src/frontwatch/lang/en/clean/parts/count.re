# A count as pages print it: "12", "1,203", "2 317", "1.2K".
\d{1,3}([,.\u202f ]\d{3})+
\d+([.,]\d)?\s?[km]?
