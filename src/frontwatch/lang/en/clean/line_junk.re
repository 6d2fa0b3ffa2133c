# Markup that leaks into extracted text: icon-font class names ("fa fa-twitter", "icon-share",
# "glyphicon-print") and screen-reader or template placeholders. The line classifier counts them.
\bfa[srlb]? fa-[a-z-]+
\bfa-[a-z][a-z-]+
\b(icon|glyphicon|bi|ion|mdi)-[a-z][a-z-]+
\{\{[^}]*\}\}
\[\[[^\]]*\]\]
