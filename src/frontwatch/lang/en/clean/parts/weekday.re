# A weekday as a page's date stamp writes it: "Wed", "Wednesday", "Thurs.".
({weekday_abbreviation})[a-z]*\.?
