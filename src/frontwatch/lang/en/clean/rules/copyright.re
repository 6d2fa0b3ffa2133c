# Copyright lines and reuse prohibitions.
(©|\(c\)|copyright\b).{0,160}
all rights reserved\.?
.{0,100}\ball rights reserved\b.{0,100}
this (material|article|content|story) (may|must) not be (published|reproduced|copied|republished|redistributed)\b.*
this copy is for your personal\b.*
# A distributor's disclaimer that it hands the text on "as is" and answers for none of it.
.{0,80}\bprovides? (the|this|all) (information|content|news)\b.{0,40}\bas is\b.{0,600}
we (do not|don'?t) (accept|take|assume) (any )?(responsibility|liability)\b.{0,600}
