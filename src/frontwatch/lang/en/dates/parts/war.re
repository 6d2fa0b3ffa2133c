# Russia's full-scale invasion of Ukraine as news names it: "the war", "Russia's full-scale invasion".
(?:the|Russia['’]s|Moscow['’]s)\s+(?:full-scale\s+|Russian\s+)?(?:war|invasion|conflict|offensive)
