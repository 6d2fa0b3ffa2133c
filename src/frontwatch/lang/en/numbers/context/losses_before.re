# A force's losses told as a noun: "the losses of the enemy over the past day amounted to up to 430", "from
# 24.02.22 to 15.03.25 amounted to" (a full stop between digits is no sentence end).
\blosses\b(?:[^.;]|\.(?=\d)){0,90}?\b(?:made\s+up|amounted|totalled|totaled|reached|exceeded|were|was|stood\s+at)\b[^.;]{0,25}$
