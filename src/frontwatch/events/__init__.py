"""Event mentions: who did what, where, when, and who says so.

Sentences are split by rules; only those with a trigger word are parsed (`nlp.prefilter`). In a parsed
sentence each trigger (verbal or nominal) gets its arguments from the dependency tree: places linked by
object or preposition, the actor from subject, agent, possessive or adjective, date expressions in its
clause, quantities in its phrase. `claims` gives speaker and status. Repeated mentions of one event in a
document are merged.

The stage is a declared list of spaCy components (`components.PIPELINE`) run over each parsed sentence's
`Doc`, then a list of passes over the document's raw mentions (`document.PASSES`).

Modules, in the order the data flows: `lexicon` (words); `triggers` (which tokens tell which event), with
`senses` (the sense table), `sense_tests` (the tests its rules name) over `relations` (a trigger and the
words that govern or complete it), `forces` and `ground` (who and what its words name), `intent` (goals and
plans, not events) and `needs` (what a type needs besides its trigger); `annotations` (the document being
read and what each sentence `Doc` carries); `places`, `linking`, `anaphora` and `targets` (where an event
happened); `speakers`, `actors` (with `sides`) and `arguments` (date, quantities) for a trigger's
arguments; `sentence` (one sentence to raw mentions); `components` (the components and their order);
`relay` and `merge` (passes over the document); `document` (the whole document); `context` holds the
records passed between them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontwatch.events.document import extract_events
    from frontwatch.events.triggers import event_types

__all__ = ["event_types", "extract_events"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: later stages import `events.types` (the registry) without loading spaCy.
    if name == "extract_events":
        from frontwatch.events.document import extract_events

        return extract_events
    if name == "event_types":
        from frontwatch.events.triggers import event_types

        return event_types
    raise AttributeError(name)
