# Cookie notices and the privacy and terms links under them.
(we|this (web)?site|our (web)?site) uses? cookies\b.{0,300}
by (continuing to )?(using|browsing|use|visit(ing)?) (this|our) (web)?site\b.{0,300}
((accept|allow|reject|decline|manage)( all)?( cookies)?|cookie (policy|settings|preferences))
(privacy policy|terms (of (use|service)|and conditions))(\s*[|·•,]\s*[\w ]{1,30}){0,4}
