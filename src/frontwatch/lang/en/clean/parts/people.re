# One or more personal names as a byline lists them: "Jane Roe, John Doe and Ann Poe".
{person}((,| and| &|, and) {person}){0,6}
