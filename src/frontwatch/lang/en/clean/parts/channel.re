# Channels a "subscribe" prompt points to, the social platforms plus feed services.
{platform}
dzen
zen
vk
vkontakte
odnoklassniki
ok
rutube
max
signal
apple news
rss
flipboard
