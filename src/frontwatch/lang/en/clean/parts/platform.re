# Social platforms and messengers that share bars and follow prompts name.
twitter
x
facebook
instagram
youtube
tiktok
telegram
whatsapp
linkedin
threads
mastodon
bluesky
viber
google news
