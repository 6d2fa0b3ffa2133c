"""Event mentions: who did what, where, when, and who says so.

Sentences are split by rules; only those with a trigger word are parsed (`nlp.prefilter`). In a parsed
sentence each trigger (verbal or nominal) gets its arguments from the dependency tree: places linked by
object or preposition, the actor from subject, agent, possessive or adjective, date expressions in its
clause, quantities in its phrase. `claims` gives speaker and status. Repeated mentions of one event in a
document are merged.

Modules, in the order the data flows: `lexicon` (words), `triggers` (which tokens tell which event),
`places`, `speakers`, `actors` and `arguments` (date, quantities) for a trigger's arguments, `sentence`
(one sentence to raw mentions), `merge` (one event told several times), `document` (the whole document);
`context` holds the records passed between them.
"""

from frontwatch.events.document import extract_events
from frontwatch.events.triggers import event_types

__all__ = ["event_types", "extract_events"]
