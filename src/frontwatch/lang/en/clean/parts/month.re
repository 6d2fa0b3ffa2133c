# A month as a page's date stamp writes it: "Nov.", "November", "Sept".
({month_abbreviation})[a-z]*\.?
