# What separates the buttons of a share bar.
[\s,|·•/]+
