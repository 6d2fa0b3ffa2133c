# Nouns for people a toll or a troop count names: "civilians", "servicemen", "a local man".
people
persons?
individuals
civilians?
soldiers?
troops
servicemen
servicemembers
fighters
men
women
children
residents
reservists
conscripts
personnel
(?:[\w-]+\s+)?(?:man|woman|boy|girl|child)
