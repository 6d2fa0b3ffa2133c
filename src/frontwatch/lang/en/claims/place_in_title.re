# Where a title names a place: 'the governor of the Luhansk region' (group a), 'Kharkiv's mayor' (group b).
\b(?:of|in|for)\s+(?:the\s+)?(?:(?:occupied|besieged|eastern|western|northern|southern|central|north-eastern|south-eastern|embattled|frontline|neighbouring|neighboring|nearby)\s+)*(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)
(?P<b>[A-Z][\w-]+)(?:['’]s\b|\s+(?:region|regional|oblast|province|city|district|town|military|mayor|governor)\b)
