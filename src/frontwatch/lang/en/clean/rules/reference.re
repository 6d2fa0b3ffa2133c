# Footnotes under a report that give a source's web address.
# Footnotes under a report: "[3] https://t.me/channel/123", "4. https://example dot org/page",
# "[5] Ministry of Defence, https://...". Body sentences carry the marker at their end, not the start.
(\[\d{1,3}\]|\d{1,3}[.)]|\^\d{0,3})\s*{url}(\s*[;,|]?\s*{url}){0,12}[\s;,.]*
\[\d{1,3}\]\s+(?=.{0,300}{url}).{1,600}
