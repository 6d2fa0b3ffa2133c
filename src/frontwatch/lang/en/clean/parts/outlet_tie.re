# A newsroom tie that makes a line about a writer an author bio: an outlet named after at/for/with,
# a possessive, "our", "based in", or a newsroom title ("senior correspondent").
(?=.*(\b(at|for|with) (the )?(?-i:[A-Z])|['’]s\b|\bour\b|\bbased in\b|\b(freelance|staff|senior|contributing|special|foreign|chief|deputy|managing|political|defen[cs]e|war) (reporter|correspondent|editor|writer|journalist|photographer|producer)))
