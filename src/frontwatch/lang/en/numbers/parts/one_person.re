# One person as a toll names them: "a 44-year-old man", "an elderly woman".
(?:a|an|one)\s+(?:\d+[\s-]+years?[\s-]+old\s+|elderly\s+|young\s+)?(?:man|woman|boy|girl|child|civilian|person|soldier)
