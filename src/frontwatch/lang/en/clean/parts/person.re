# A personal name: two to four capitalised words or initials ("Frederick W. Kagan").
(?-i:[A-Z][\w'’-]*\.?)( {name_word}){1,3}
