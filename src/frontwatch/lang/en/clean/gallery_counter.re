# A gallery's counter alone on a line, its caption on the next line: "3/7", "[2/5]", "Photo 4 of 9".
\d{1,3} ?/ ?\d{1,3}
{gallery_counter}
