# Labels that mark an advert or a sponsored slot, and the "continues below" notes around one.
advertisement
advertising
advert
ads?
ad feedback
sponsored
promoted
paid (content|post|partnership)
(sponsored|promoted|partner) (content|post|story|stories|links?)
(article|story|text) continues (below|after)( this)?( advertisement| ad)?
scroll (down )?to (continue|read more)( reading| with content)?
continue reading below
skip (the )?(ad|advert|advertisement)
remove ads
