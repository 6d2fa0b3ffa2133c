# A part of a month or a year: "the end of March", "mid-March", "late 2022".
beginning
start
end
middle
mid
early
late
