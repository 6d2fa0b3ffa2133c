# A noun for soldiers after a count: "30,000 servicemen", "900 Russian troops".
\s*(?:\w+\s+)?(?:soldiers?|troops|servicemen|servicemembers|fighters|men|personnel)\b
