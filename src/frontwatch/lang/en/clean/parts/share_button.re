# Buttons of a share bar: the platforms plus mail, print and link buttons.
{platform}
tweet
vk
vkontakte
odnoklassniki
ok
reddit
pinterest
flipboard
pocket
messenger
sms
e-?mail
print
copy( link)?
link
weibo
wechat
line
skype
tumblr
