# A labelled date stamp that a scraper glued to the front of the first paragraph: "date 2023-01-05 Troops
# entered ...", "Published: 05.10.2022 14:30 The mayor said ...". The stamp is split off onto its own line,
# where the `meta` rules remove it; the paragraph after it stays.
dated?\s*:?\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})([\sT,|]+\d{1,2}:\d{2}(:\d{2})?)?
(last |first |originally )?(updated|published|posted|modified)( on| at)?\s*:?\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})([\sT,|]+\d{1,2}:\d{2}(:\d{2})?)?
