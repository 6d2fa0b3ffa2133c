# Between the days of a span: "14-15 January", "14 to 15 January"; not "March 3 - 15 people".
(?:-|\s*[–—]\s*|\s+(?:to|into|until|till)\s+)
