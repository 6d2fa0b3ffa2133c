# A place a byline files from: "Kyiv", "Kryvyi Rih".
{name_word}( {name_word}){0,2}
