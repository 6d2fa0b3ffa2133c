# Photo and news agencies as captions credit them.
getty( images)?
afp
reuters
ap( photo)?
epa(-efe)?
shutterstock
istock(photo)?
alamy
anadolu( agency)?
xinhua
sputnik
pa (images|wire)
