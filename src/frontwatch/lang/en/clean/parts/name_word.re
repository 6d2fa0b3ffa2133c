# One word of a personal or place name as a byline prints it: capitalised, or a name particle.
(?-i:[A-Z][\w'’-]*\.?|(van|von|de|der|den|al|el|da|di|du|la|le|bin|ibn)(?=\s))
