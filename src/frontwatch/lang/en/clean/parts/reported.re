# A reporting verb: the line tells what someone said, so it is the story even where it reads like a notice.
.*\b(said|says|told|tells|wrote|writes|added|urged|asked|according to|warned|announced|begged|pleaded|appealed|demanded|stated|claimed|noted|replied|insisted|explained|stressed|recalled)\b
