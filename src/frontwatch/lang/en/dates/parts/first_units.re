# How many of the war's first days, weeks or months: "the first few weeks", "the first days".
(?:(?P<n>few|two|three|four|five|six|\d+)\s+)?(?P<unit>days?|weeks?|months?)
