# The credit closing a caption: an agency with a photographer, a handout via an agency, "Photograph: X/Y".
{agency}( photo)?\s*/\s*[\w.'’ -]{1,60}
[\w.'’ -]{1,80}/\s*([\w.'’ -]{0,40}\bvia )?{agency}
(photo|photograph|image|picture)s?( credit| by)?\s*:\s*[^.:]{1,80}(?<![.!?])
