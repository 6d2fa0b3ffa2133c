# A later issue that takes up later news: "... will cover subsequent reports in the April 29
# assessment", "... in tomorrow's update".
subsequent (reports|developments|claims|events|updates)\b.{0,40}\bin (tomorrow['’]s|the next day['’]s|the following day['’]s|(its|our|the) next|a future|the {month} \d{1,2}(st|nd|rd|th)?) .{0,60}{own_product}
