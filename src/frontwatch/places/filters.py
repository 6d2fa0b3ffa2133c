"""Filters for candidates that are no places: people ("Dmitry Peskov", "Peskov said"), demonyms,
organisations ("Kyiv Independent") and common words."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from frontwatch import lang
from frontwatch.places.finder import Finder, Mention
from frontwatch.places.translit import exact_key, loose_key
from frontwatch.places.words import (
    APPOSITION_START,
    AREA_WORDS,
    ATTRIBUTION_NOUNS,
    CLOCK_WORDS,
    COMMON_ZIPF,
    COMPANY_NEXT,
    COMPANY_NOUNS,
    COMPANY_OWNS,
    COURT_VERBS,
    FEATURE_WORDS,
    INSIDE_CUES,
    NEWS_WORDS,
    NOT_NAMES,
    ON_FEATURE_NOUNS,
    ORG_NEXT,
    PERSON_ROLES,
    PERSON_TITLES,
    PLACE_CUES,
    PREPOSITIONS,
    QUOTES,
    SAY_VERBS,
    SHIP_MODIFIERS,
    SHIP_NOUNS,
    STRONG_TOWN,
    UNIT_WORDS,
    WATER_WORDS,
    word_zipf,
)

POSSESSIVE_GAP = re.compile(f"(?:{lang.pattern('places/possessive')})\\s")


def person_surfaces(f: Finder, mentions: list[Mention]) -> set[str]:
    """Words used as a person's name somewhere in the document; one person, everywhere a person."""
    toks = f.toks
    people: set[str] = set()
    for b in range(1, len(toks)):
        tb = toks[b]
        if not tb.cap or _title_case_line(f, b) or _place_pair(f, b - 1):
            continue
        if toks[b - 1].key in PERSON_TITLES and f.text[toks[b - 1].end : tb.start].strip(". ") == "":
            people.add(tb.text)
        elif _first_name(f, b - 1, b) and not _strong_name(f, tb.text):
            people.add(tb.text)  # "Dmitry Peskov", "Jake Sullivan": a given name before it
        elif _first_name(f, b - 1, b) and _introduced(f, b) and not _major_place(f, tb.text):
            people.add(tb.text)  # "Oleksandr Kamyshin, the head of ...": a town's name as a surname
        elif _attributed(f, b) and not _strong_name(f, tb.text):
            people.add(tb.text)  # "comments by X.", "according to X,": a source, not a place
        elif (
            toks[b - 1].cap  # "Residents of X": a lower-case word is no given name, though "Of" is a town
            and _given_name_town(f, toks[b - 1].text)
            and f.text[toks[b - 1].end : tb.start] == " "
            and tb.key not in STOP_WORDS | NEWS_WORDS | PERSON_TITLES | ORG_NEXT | FEATURE_WORDS
            and tb.key not in AREA_WORDS
            and not f.g.ids(tb.text)
            and not tb.sent_start
        ):
            people.add(tb.text)  # "Vladimir Putin": a town named like a given name, then a surname
    # given names before a known surname, even when they are also towns ("Vladimir Putin")
    for b in range(1, len(toks)):
        if (
            (toks[b].text in people and toks[b - 1].cap and f.text[toks[b - 1].end : toks[b].start] == " ")
            and toks[b].key not in STOP_WORDS  # a headline run on: "... withdraw from X The army ..."
            and not toks[b].sent_start
            and toks[b - 1].key not in PERSON_TITLES
            and not _country_or_region(f, toks[b - 1].text)
            and not _place_pair(f, b - 2)  # "... Nova Kakhovka Leontyev said": no given name
        ):
            people.add(toks[b - 1].text)
    cued = {m.surface for m in mentions if m.cue and m.cands and all(how != "fuzzy" for _, how, _ in m.cands)}
    said = {
        toks[b].text
        for b in range(len(toks) - 1)
        if toks[b].cap and toks[b + 1].key in SAY_VERBS and not _strong_name(f, toks[b].text)
    }
    return people | (said - cued)  # "Peskov said", unless the document puts it in a place slot too


def _place_pair(f: Finder, a: int) -> bool:
    """Tokens a and a + 1 spell a two-word place by its own name ("Nova Kakhovka", "Hola Prystan"): no given
    name and surname, and the second word is no surname elsewhere in the text."""
    if a < 0 or a + 1 >= len(f.toks) or not (f.toks[a].cap and f.toks[a + 1].cap):
        return False
    if f.text[f.toks[a].end : f.toks[a + 1].start] not in (" ", "-") or not f.known(a, a + 1):
        return False
    surface = f.text[f.toks[a].start : f.toks[a + 1].end]
    own = loose_key(surface)
    g = f.g
    return any(
        how == "exact" and (g.kind[i] != "settlement" or loose_key(g.name[i]) == own)
        for i, how, _ in g.ids(surface)
    )


def _introduced(f: Finder, b: int) -> bool:
    """Token b ends a name that the next words say is a person: "X said", "X, the chair of ...", "X, who"."""
    if f.word(b + 1) in SAY_VERBS:
        return True
    if b + 1 >= len(f.toks) or f.text[f.toks[b].end : f.toks[b + 1].start] != ", ":
        return False
    if f.word(b + 1) == "who":
        return True
    if f.word(b + 1) not in APPOSITION_START:
        return False
    for k in range(b + 2, min(b + 6, len(f.toks))):
        if f.word(k) in PERSON_ROLES:
            return True
        if re.search(r"[,.;:!?()]", f.text[f.toks[k - 1].end : f.toks[k].start]):
            break
    return False


def _attributed(f: Finder, b: int) -> bool:
    """Token b is a one-word name a reporting phrase leads to, ending there: "comments by X.", "according
    to X,". A name going on ("according to X officials", "X's mayor") may still be a place."""
    lead = f.word(b - 1)
    if not (
        (lead == "to" and f.word(b - 2) == "according")
        or (lead in ("by", "from") and f.word(b - 2) in ATTRIBUTION_NOUNS)
    ):
        return False
    after = f.text[f.toks[b].end : f.toks[b + 1].start] if b + 1 < len(f.toks) else "."
    return bool(re.match(r"\s*[,.;:!?)]", after)) and not f.toks[b - 1].cap


def _major_place(f: Finder, name: str) -> bool:
    """A country, region, feature, national capital or city of a million: never a surname."""
    g = f.g
    return any(
        g.kind[i] != "settlement" or i in g.capitals or g.population[i] >= 1_000_000
        for i, how, _ in g.ids(name)
        if how == "exact"
    )


def organisation_surfaces(f: Finder) -> set[str]:
    """Words the document uses as a company's name somewhere ("X Group", "X, Europe's largest holiday
    company", "X's shareholders"); one company, everywhere a company, unless the name is a strong place."""
    toks = f.toks
    out: set[str] = set()
    for b, t in enumerate(toks[:-1]):
        if not t.cap or _title_case_line(f, b):
            continue
        nxt = toks[b + 1]
        gap = f.text[t.end : nxt.start]
        company = (
            (gap == " " and nxt.key in COMPANY_NEXT)
            or (f.text[t.end : t.end + 2] in ("'s", "’s") and nxt.key in COMPANY_OWNS)
            or (gap == ", " and _apposition_noun(f, b + 1) in COMPANY_NOUNS)
        )
        if company and not _strong_name(f, t.text):
            out.add(t.text)
    return out


def _apposition_noun(f: Finder, k: int) -> str:
    """The head of a short apposition starting at token k: its last lower-case word before punctuation
    ("the German travel company", "Europe's largest holiday company" give "company")."""
    first = f.toks[k]
    if first.key not in APPOSITION_START and f.text[first.end : first.end + 2] not in ("'s", "’s"):
        return ""
    head = ""
    for j in range(k + 1, min(k + 7, len(f.toks))):
        if re.search(r"[,.;:!?()\"“”]", f.text[f.toks[j - 1].end : f.toks[j].start]):
            break
        if not f.toks[j].cap:
            head = f.toks[j].key
    return head


def _title_case_line(f: Finder, b: int) -> bool:
    """Headlines in Title Case make every word look like a name."""
    line_start = f.text.rfind("\n", 0, f.toks[b].start) + 1
    line_end = f.text.find("\n", f.toks[b].start)
    line_end = len(f.text) if line_end == -1 else line_end
    near = f.toks[max(0, b - 12) : b - 1] + f.toks[b + 1 : b + 12]
    long = [t for t in near if line_start <= t.start < line_end and len(t.text) > 3]
    return len(long) >= 3 and sum(t.cap for t in long) / len(long) > 0.75


def _given_name_town(f: Finder, name: str) -> bool:
    ids = f.g.ids(name)
    return bool(ids) and all(f.g.kind[i] == "settlement" for i, _, _ in ids)


def _country_or_region(f: Finder, name: str) -> bool:
    return any(f.g.kind[i] in ("country", "region") for i, how, _ in f.g.ids(name) if how == "exact")


def _first_name(f: Finder, a: int, b: int) -> bool:
    """Token a looks like a given name before token b: adjacent capitalised words, a not a place word."""
    ta, tb = f.toks[a], f.toks[b]
    return (
        ta.cap
        and tb.cap
        and not tb.sent_start
        and f.text[ta.end : tb.start] == " "
        and ta.key
        not in STOP_WORDS | PERSON_TITLES | NEWS_WORDS | PLACE_CUES | PREPOSITIONS  # "Shelled X", "Inside X"
        and tb.key not in STOP_WORDS | PERSON_TITLES | NEWS_WORDS | ORG_NEXT
        and tb.key not in AREA_WORDS
        and f.g.demonym(ta.text) is None
        and not _strong_name(f, ta.text)
    )


def _inside_longer_name(f: Finder, m: Mention) -> bool:
    """A small town's name right after a title-like adjective or a demonym of elsewhere is the tail
    of an organisation's name the gazetteer lacks: "European Union", "National Union", not "Ukrainian
    Bakhmut"."""
    g, toks = f.g, f.toks
    if m.first == 0 or any(g.kind[i] != "settlement" for i, _, _ in m.cands):
        return False
    prev = toks[m.first - 1]
    if not prev.cap or f.text[prev.end : toks[m.first].start] != " ":
        return False
    if prev.key not in NEWS_WORDS:
        people = g.demonym(prev.text)
        if people is None or any(g.country[i] == g.country[people] for i, _, _ in m.cands):
            return False
    return not _strong_name(f, m.surface)


def _names_another_thing(f: Finder, m: Mention) -> bool:
    """An ocean's or world region's name inside another name or a modifier: "Atlantic Council", "Middle East
    Institute", "The Atlantic" (a title), "trans-Atlantic"."""
    toks = f.toks
    nxt = toks[m.last + 1] if m.last + 1 < len(toks) else None
    if (
        nxt
        and f.cap_after(m.last)
        and f.text[toks[m.last].end : nxt.start] == " "
        and nxt.key not in NEWS_WORDS
    ):
        return True
    if m.first == 0:
        return False
    prev = toks[m.first - 1]
    gap = f.text[prev.end : toks[m.first].start]
    return (prev.text == "The" and not prev.sent_start and gap == " ") or (not prev.cap and gap == "-")


def _inside_cue(f: Finder, i: int) -> bool:
    w = f.word(i - 1)
    return (f.word(i - 2) if w == "the" else w) in INSIDE_CUES


def _big(g, i: int) -> bool:
    return g.population[i] >= STRONG_TOWN


def _strong_name(f: Finder, name: str) -> bool:
    """A name too well known as a place to be read as a person's: a country, region or feature, or a
    city's own name. A city's alternate that is another word ("Ivanov" for Ivanovo) is a surname, and
    a city named like a common word or given name ("Warren", "Garland") must be big for that word or a
    national capital."""
    g = f.g
    own = loose_key(name)
    z = word_zipf(name)
    floor = max(100_000, 10 ** (z + 2)) if z >= COMMON_ZIPF else 100_000
    return any(
        g.kind[i] in ("country", "region", "feature")
        or (loose_key(g.name[i]) == own and (g.population[i] >= floor or i in g.capitals))
        for i, how, _ in g.ids(name)
        if how == "exact"
    )


def _org_tail(f: Finder, m: Mention) -> bool:
    """Whether the word after a mention continues an organisation's name: not across a comma ("in Russia,
    Radio Free Europe reported"), a count ("shelled X 12 times") or a possessive before a common noun
    ("Kyiv's university district")."""
    nxt = f.toks[m.last + 1]
    gap = f.text[m.end : nxt.start]
    if re.search(r"[,;:.!?]", gap):
        return False
    return nxt.cap or not (re.search(r"\d", gap) or POSSESSIVE_GAP.match(gap))


def _unlisted_water(f: Finder, m: Mention) -> bool:
    """ "The Seym river", "the river Seym": a river or lake the gazetteer lacks, not the town Sim spelt
    alike. A water body that bears a place's exact name lies at it ("Sevastopol Bay", "the Suez Canal")."""
    own = exact_key(m.surface)
    if any(f.g.kind[i] == "feature" or exact_key(f.g.name[i]) == own for i, _, _ in m.cands):
        return False
    after = f.word(m.last + 1) in WATER_WORDS and f.text[f.toks[m.last].end : f.toks[m.last + 1].start] == " "
    before = (
        m.first >= 2
        and f.word(m.first - 1) in WATER_WORDS
        and f.word(m.first - 2) == "the"
        and f.text[f.toks[m.first - 1].end : f.toks[m.first].start] == " "
    )
    return after or before


def _ship_name(f: Finder, m: Mention) -> bool:
    """A warship named after a town, with a word for a ship beside the name: "the Moskva missile cruiser",
    "the cruiser Moskva"; then "Moskva sank" too, the name in no place slot ("in the bay of X")."""
    if not f.lower_words & SHIP_NOUNS or m.first != m.last:
        return False
    if _ship_at(f, m.first):
        return True
    name = f.word(m.first)
    slot = f.word(m.first - 1) in PLACE_CUES or f.word(m.first - 2) in PLACE_CUES
    return not slot and any(_ship_at(f, k) for k, t in enumerate(f.toks) if t.key == name)


def _ship_at(f: Finder, k: int) -> bool:
    after = f.word(k + 1)
    if after in SHIP_NOUNS or (after in SHIP_MODIFIERS and f.word(k + 2) in SHIP_NOUNS):
        return True
    return f.word(k - 1) in SHIP_NOUNS and not f.toks[k].sent_start


def _quoted_unit(f: Finder, m: Mention) -> bool:
    """A unit's name in quotes: grouping of troops "Vostok", the battalion 'Azov', the "Yug" group."""
    if (
        f.text[m.start - 1 : m.start] not in QUOTES
        or not f.text[m.end : m.end + 1]
        or f.text[m.end] not in QUOTES
    ):
        return False
    if m.start == 0:
        return False
    if f.word(m.last + 1) in UNIT_WORDS and not f.toks[m.last + 1].sent_start:
        return True
    for k in range(m.first - 1, max(-1, m.first - 5), -1):
        if f.word(k) in UNIT_WORDS:
            return True
        if f.toks[k].sent_start:
            break
    return False


def keep(f: Finder, m: Mention, people: set[str]) -> bool:
    g = f.g
    first = f.toks[m.first]
    if not m.cands:  # unknown name: after "the village of" whatever the person heuristics say
        return m.slot == "named" or not any(t.text in people for t in f.toks[m.first : m.last + 1])
    if m.state:  # "Macon, Ga.": found only after a town
        return True
    if any(i in g.organisations for i, how, _ in m.cands if how == "exact") and not _inside_cue(f, m.first):
        return False  # "EU leaders", "the EU said": an actor; "in the EU" is a place
    if m.first == m.last:
        if first.text in people or first.key in NOT_NAMES | FEATURE_WORDS:  # "College", "Bridge"
            return False
        if first.key in g.demonyms:  # "English", "French": a people or language, not the town
            return False
        if first.key in f.lower_words:  # used as a common word elsewhere in the document
            return False
        own = loose_key(first.text)
        if g.demonym(first.text) is not None and not any(
            how == "exact" and loose_key(g.name[i]) == own and (g.kind[i] != "settlement" or _big(g, i))
            for i, how, _ in m.cands
        ):
            return False  # "the German port", "Canadian troops": adjectives, not San Germán or Canadian, TX
        if _inside_longer_name(f, m):
            return False
        if (
            first.text.isupper()
            and len(first.text) <= 4
            and not any(g.kind[i] != "settlement" for i, _, _ in m.cands)
        ):
            return False
    # "The Hague ruled": a court named by its seat; a national capital stays ("Moscow ruled out talks")
    if (
        f.word(m.last + 1) in COURT_VERBS
        and f.word(m.last + 2) != "out"
        and not m.cue
        and not any(i in g.capitals for i, _, _ in m.cands)
    ):
        return False
    if f.word(m.last + 1) in ORG_NEXT and _org_tail(f, m):
        return False  # "Kyiv Independent", "New York Times", "Azov regiment"
    if f.word(m.last + 1) in CLOCK_WORDS and f.text[f.toks[m.last].end : f.toks[m.last + 1].start] == " ":
        return False  # "at 5am Moscow time": a time zone, no place
    if _unlisted_water(f, m) or _quoted_unit(f, m) or _ship_name(f, m):
        return False
    # "the Black Sea port", "Black Sea Fleet": a sea that only qualifies another thing, which lies on it
    # or is named after it, is not where that thing is; a named port is its own mention ("... of Odesa").
    # Features of one country ("the Donbas city of X") are areas that hold the thing, and stay.
    world = any(g.kind[i] == "feature" and g.country[i] is None for i, how, _ in m.cands if how == "exact")
    if (world or all(g.kind[i] == "feature" and g.country[i] is None for i, _, _ in m.cands)) and f.word(
        m.last + 1
    ) in ON_FEATURE_NOUNS:
        return False
    if world and _names_another_thing(f, m):
        return False
    # a settlement-only match at a sentence start, with no cue, must be notable; a name of several words
    # ("Velyka Novosilka fell") is seldom a capitalised common phrase, and needs less
    if first.sent_start and not m.cue and all(g.kind[i] == "settlement" for i, _, _ in m.cands):
        least = 10_000 if m.first == m.last else 1_000
        return any(g.population[i] >= least for i, _, _ in m.cands)
    return True
