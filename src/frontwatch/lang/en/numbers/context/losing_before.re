# A verb of losing before a count, a force's dead and wounded together: "lost more than 900 soldiers".
\b(?:lost|lose|loses|losing)\s+{hedge}$
