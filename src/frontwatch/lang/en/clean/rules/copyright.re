# Copyright lines and reuse prohibitions.
(©|\(c\)|copyright\b).{0,160}
all rights reserved\.?
.{0,100}\ball rights reserved\b.{0,100}
this (material|article|content|story) (may|must) not be (published|reproduced|copied|republished|redistributed)\b.*
this copy is for your personal\b.*
