# A force's losses told as a noun: "the losses of the enemy over the past day amounted to up to 430".
\blosses\b[^.;]{0,90}?\b(?:made\s+up|amounted|totalled|totaled|reached|exceeded|were|was|stood\s+at)\b[^.;]{0,25}$
