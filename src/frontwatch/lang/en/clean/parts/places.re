# One or more places a byline files from: "Kyiv", "Kyiv and Moscow".
{place}((,|,? and) {place}){0,3}
