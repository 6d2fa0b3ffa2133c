# What a think-tank calls its own regular product (report, assessment, update, ...).
product
report
assessment
update
map
edition
brief
briefing
analysis
digest
overview
summary
bulletin
