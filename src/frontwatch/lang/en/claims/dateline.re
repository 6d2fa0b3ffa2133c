# A wire story's dateline, which the parser may hang on the first noun phrase: 'KYIV, April 2 (Reuters) - '.
^[A-Z][A-Z .'’-]+,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s*
