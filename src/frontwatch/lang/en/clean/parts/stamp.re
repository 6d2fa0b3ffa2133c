# A date or time stamp made only of stamp words: "Nov. 20, 2019 at 11:28 AM EST", "3 hours ago".
{stamp_word}([\s,:/.|+()·•–—-]+{stamp_word}){0,12}\.?
