# The words a screen reader is given after a link that opens elsewhere.
[\s,;.(]*\(?\bopens? (in )?(a )?new (tab|window)\)?\.?$
