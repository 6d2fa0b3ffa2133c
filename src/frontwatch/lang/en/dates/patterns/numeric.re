# A numeric date, day first as the European and post-Soviet press writes them: "29.03.2022", "29/03/2022".
(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep){year}\b
