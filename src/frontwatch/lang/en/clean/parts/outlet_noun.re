# What an outlet calls itself in its tagline ("news of the south", "independent journalism").
news
newspaper
journalism
reporting
media
magazine
daily
weekly
portal
agency
outlet
information
coverage
updates
headlines
newsroom
voice
