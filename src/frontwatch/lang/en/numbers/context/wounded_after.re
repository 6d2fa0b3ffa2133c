# After a count of people, the words that say they were wounded: "two were injured".
^\W*(?:\w+\s+){0,3}?(?:were\s+|was\s+|have\s+been\s+)?(?:wounded|injured|hurt)\b
