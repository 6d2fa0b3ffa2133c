# Not a bio: the line is news about the journalist (quoted, detained, killed, ...).
(?!.*\b(said|says|told|detained|arrested|jailed|killed|wounded|injured|died|dead|missing|charged|sentenced|accused|captured|released|freed|expelled|deported|held|tried)\b)
