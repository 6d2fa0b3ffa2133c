# A verb of wounding before a count: "wounding 88".
\b(?:wounding|wounded|injuring|injured)\s+{hedge}$
