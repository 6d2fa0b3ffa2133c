# A verb of killing before a count: "killing at least 12".
\b(?:killing|killed|kills)\s+{hedge}$
