# Nouns for settlements a count names: "18 villages", "dozens of populated areas".
settlements?
villages?
towns?
localities
locality
communities
cities
hamlets?
populated (?:areas|localities)
