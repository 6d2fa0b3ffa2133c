"""Toponyms in text: a gazetteer matcher over the tokens, filters for non-places, and disambiguation.

No NER labels are used: names are found by looking capitalised token n-grams up in the gazetteer
(exact key, then the transliteration key, then fuzzy in a place-like context). Filters drop people
("Dmitry Peskov", "Peskov said"), demonyms, organisations and common words. Each surviving mention
is resolved by context: region words ("the Kharkov region"), lists of regions, the regions and other
places of the document, population and match quality. A name shared by a region and its capital
("Kharkiv") keeps one sense per document: once the document means the region, its bare mentions do too,
unless a cue of their own says town ("the city of X", "X, the regional capital", "40 km north of X").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from frontwatch import gazetteer
from frontwatch.gazetteer import FOCUS_COUNTRIES, REGION_WORDS, Gazetteer
from frontwatch.records import Place, PlaceMention
from frontwatch.translit import exact_key, loose_key

MAX_WORDS = 6
FUZZY_SURE = 85.0  # a typo-matched name this close needs no support from the document's other places
DOMINATED_PENALTY = 6.0  # more than an oblast's support (3.0 x 1.5) plus the country's (1.5)
DOMINANT_RATIO = 10  # how much bigger a place must be for its own name to beat a village's alternate
# A name that is also a common English word ("Metro", "War", "Red Cross") or given name ("Warren") names a
# town only with a place cue, or when the town is big for how common the word is: 10 ** (zipf + 1.25)
# people, 10 ** (zipf + 0.5) for a national capital or where the document's other places point to its
# country or region.
COMMON_ZIPF = 3.3
COMMON_ZIPF_PHRASE = 4.5  # a many-word name is rarely a phrase ("Red Cross"), often a town ("Boulder City")
VILLAGE_MAX_POPULATION = 100_000  # "the village of X" is no city
# Hyphenated names are split into tokens; n-grams join them again ("Ivano-Frankivsk", "Izyum-Balakliia").
_TOKEN = re.compile(r"[^\W\d_]+(?:[\'’ʼ][^\W\d_]+)*\.?", re.UNICODE)
_POSSESSIVE = re.compile(r"[\'’]s$")
_SEPARATOR = re.compile(r"[\s\-‐‑–—_/.,()]+")  # what exact_key folds to one space


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that put a name in a place-like slot; only there are typos fuzzy-matched.
PLACE_CUES = _words(
    "in near from to into outside around towards toward at across neighboring neighbouring besieged occupied "
    "liberated captured recaptured retook retaking retake entered shelled struck via through along beyond "
    "city town village settlement region oblast province of north south east west northeast northwest "
    "southeast southwest"
)
# Slots where an unknown capitalised name is still a place: "near X", "the village of X", "X district".
NEAR_CUES = _words("near outside")
SETTLEMENT_WORDS = _words("city town village settlement hamlet urban cities towns villages")
REGION_NOUNS = _words("region regions oblast oblasts province provinces territories territory areas krai")
AREA_NEXT = _words("region oblast district raion province krai county hromada")
# Local cues for a name that is both a town and the region named after it ("Kharkiv").
# Region: "X regional ...", "the X governor", "the governor of X" (a governor governs a region).
REGION_NEXT = frozenset(REGION_WORDS) | _words("regional governor governors area areas")
REGION_OF = REGION_NOUNS | _words("governor governors governorate")
# "the republics in Donetsk and Luhansk", "the regions of X and Y": a region noun right before the names
REGION_LEAD = REGION_NOUNS | _words("republic republics")
VILLAGE_WORDS = _words("village villages hamlet hamlets")
# Town: "X itself", "X's mayor", "the X mayoral race", "the mayor of X", "the streets of X", "downtown X",
# "30 km north of X".
TOWN_NEXT = SETTLEMENT_WORDS | _words("itself mayor mayoral")
TOWN_OF = SETTLEMENT_WORDS | _words(
    "mayor streets outskirts suburbs suburb downtown neighbourhoods neighborhoods"
)
TOWN_BEFORE = _words("downtown")
DISTANCE_UNITS = _words("km kms kilometres kilometers kilometre kilometer miles mile")
# Heads of an apposition: "X, the regional capital" / "X, a city of 300,000" / "X, a region bordering ..."
APPOSITION_TOWN = SETTLEMENT_WORDS | _words("capital centre center metropolis")
APPOSITION_START = _words("the a an its one")
COPULAS = _words("is was remains remained became been")
# Titles and roles before a name mark a person ("Spokesman Peskov", "Mr Kyiv" is not a place).
PERSON_TITLES = _words(
    "mr mrs ms miss dr prof president minister spokesman spokeswoman spokesperson general gen lt col colonel "
    "major sgt sergeant captain commander governor mayor secretary chancellor senator sen rep premier king "
    "queen prince pope patriarch ambassador adviser advisor envoy chief director lieutenant admiral marshal "
    "judge officer deputy head leader chairman"
)
SAY_VERBS = _words(
    "said says say told tells stated states added adds noted notes emphasized emphasised stressed "
    "estimated explained announced claimed warned argued insisted wrote tweeted asked replied responded "
    "believes thinks denied confirmed acknowledged admitted"
)
# A name followed by one of these is an organisation ("Kyiv Independent", "Moscow Times").
ORG_NEXT = _words(
    "post times independent herald tribune journal daily news gazette telegraph university institute college "
    "school academy fc club dynamo shakhtar bank group company corporation inc ltd media agency press review "
    "standard observer mail radio tv television regiment battalion brigade"
)
# Words after a town name that make it part of a place's name, not a person's ("Mariupol Drama Theatre").
FEATURE_WORDS = _words(
    "airport airfield air base port harbour harbor station railway plant factory works bridge dam river lake "
    "sea square street avenue road highway district raion oblast region theatre theater drama cathedral "
    "church monastery stadium arena hospital prison reservoir canal island peninsula front axis direction "
    "sector bay gulf"
)
# Nouns a sea's name qualifies without the thing being the sea: "the Black Sea port", "Black Sea Fleet".
ON_FEATURE_NOUNS = _words(
    "port ports city cities town towns village villages resort island islands harbour harbor palace "
    "fleet base naval"
)
# Capitalised words that are no place names: dates, institutions, roles, headline words.
NEWS_WORDS = _words(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday ministry defense defence army forces military operation "
    "special general western eastern northern southern central national federal republic state states "
    "government president minister police also photo photos photograph photographs video read see update "
    "live breaking exclusive opinion analysis north south east west northeast northwest southeast southwest"
)
# Institutions named after "in": "in Congress" is no place.
INSTITUTIONS = _words(
    "congress parliament senate court council cabinet assembly duma rada nato telegram "
    "facebook twitter instagram youtube christ god islam christianity christmas easter ramadan"
)
# Capitalised words that cannot be an unknown place's name.
_NOT_NAMES = frozenset(STOP_WORDS) | NEWS_WORDS | PERSON_TITLES | ORG_NEXT | INSTITUTIONS | set(REGION_WORDS)


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int
    key: str
    cap: bool
    sent_start: bool
    loose: str | None = None  # loose key, computed when first needed


@dataclass(slots=True)
class _Mention:
    first: int  # token indexes, inclusive
    last: int
    start: int
    end: int
    surface: str
    cands: list[tuple[int, str, float]]
    cue: bool  # a place-like word before it
    place: Place | None = None
    chosen: int | None = None  # gazetteer id of `place`
    kind_hint: str | None = None  # "region" | "settlement" from the words around it
    slot: str = ""  # "named" | "near": a slot only a place fills, kept unresolved when no candidate fits
    common: float = 0.0  # zipf frequency of the name as an English word, 0 when rare or placed by a cue
    within: frozenset[str] = frozenset()  # country and admin1 codes named right after it: "X, Texas"
    village: bool = False  # "the village of X"


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        word = m.group()
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word):
            e -= 1  # sentence full stop, not an abbreviation like "U.S."
            word = word[:-1]
        poss = _POSSESSIVE.search(word)
        if poss:
            e -= 2
            word = word[:-2]
        gap = text[prev_end:s]
        sent_start = not out or bool(re.search(r"[.!?:\n]|^\W*[“\"‘(]", gap) and re.search(r"[.!?:\n]", gap))
        out.append(_Token(word, s, e, exact_key(word), word[:1].isupper(), sent_start))
        prev_end = e
    return out


def _is_demonym(word: str, g: Gazetteer) -> bool:
    """'Ukrainian', 'Russians', 'French': the people of a country, region or continent."""
    return g.demonym(word) is not None


@lru_cache(maxsize=50_000)
def word_zipf(name: str) -> float:
    """How common a name is as English text, on wordfreq's Zipf scale (0 unknown, 7 "the")."""
    from wordfreq import zipf_frequency  # imported late: its word list loads on first use

    return zipf_frequency(name.replace("’", "'"), "en")


class _Finder:
    def __init__(self, g: Gazetteer, text: str) -> None:
        self.g = g
        self.text = text
        self.toks = _tokens(text)
        self.lower_words = {t.key for t in self.toks if not t.cap}

    def word(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def has_cue(self, i: int) -> bool:
        w = self.word(i - 1)
        if w == "the":
            w = self.word(i - 2)
        return w in PLACE_CUES

    def known(self, i: int, j: int) -> bool:
        """Whether tokens i..j may spell a gazetteer key: a cheap test before the full lookup."""
        g, toks = self.g, self.toks
        if i == j:
            return toks[i].key in g.exact or self.loose(i) in g.loose
        if not all(_SEPARATOR.fullmatch(self.text[toks[k].end : toks[k + 1].start]) for k in range(i, j)):
            surface = self.text[toks[i].start : toks[j].end]  # "People's", "&": the key is not the words'
            return exact_key(surface) in g.exact or loose_key(surface) in g.loose
        if " ".join(t.key for t in toks[i : j + 1]) in g.exact:
            return True
        # keys fold word by word, so a name's loose key is its words' loose keys joined
        return " ".join(self.loose(k) for k in range(i, j + 1)) in g.loose

    def loose(self, i: int) -> str:
        t = self.toks[i]
        if t.loose is None:
            t.loose = loose_key(t.key)
        return t.loose

    def match_at(self, i: int) -> tuple[int, list[tuple[int, str, float]]] | None:
        """Longest gazetteer name starting at token i: (last token, candidates)."""
        g, toks = self.g, self.toks
        first = toks[i].key
        longest = max(g.max_words.get(first, 0), g.max_words.get(loose_key(first), 0))
        n_max = min(MAX_WORDS, longest, len(toks) - i)
        for n in range(n_max, 0, -1):
            j = i + n - 1
            if n > 1 and (toks[j].sent_start or any(toks[k].sent_start for k in range(i + 1, j + 1))):
                continue
            if not self.known(i, j):
                continue
            surface = self.text[toks[i].start : toks[j].end]
            ids = g.ids(surface)
            if not ids:
                continue
            if not toks[i].cap or (n > 1 and not toks[j].cap):
                ids = [c for c in ids if g.kind[c[0]] == "feature"]  # "left bank of the Dnipro"
                if not ids:
                    continue
            return j, ids
        return None

    def find(self) -> list[_Mention]:
        g, toks = self.g, self.toks
        out: list[_Mention] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            hit = self.match_at(i) if (t.cap or t.key in g.max_words) else None
            if hit is None and t.cap and len(t.key) >= 5 and self.has_cue(i) and not t.sent_start:
                ids = g.ids(t.text, fuzzy=True)
                hit = (i, ids) if ids else None
            unknown = None
            if t.cap and (hit is None or hit[1][0][1] == "fuzzy" or self.cap_after(hit[0])):
                unknown = self.unknown_name(i)
            if unknown is not None and (hit is None or unknown > hit[0]):
                hit = (unknown, [])  # "the village of Nova X" is "Nova X", not the gazetteer's "Nova"
            elif hit is not None and hit[1][0][1] != "fuzzy":
                unknown = None  # a name the gazetteer holds exactly is never left unresolved
            if hit is None:
                i += 1
                continue
            j, ids = hit
            surface = self.text[toks[i].start : toks[j].end]
            slot = self.place_slot(i, j) if unknown == j else ""
            m = _Mention(i, j, toks[i].start, toks[j].end, surface, ids, self.has_cue(i), slot=slot)
            out.append(m)
            i = j + 1
        return out

    def cap_after(self, j: int) -> bool:
        return j + 1 < len(self.toks) and self.toks[j + 1].cap and not self.toks[j + 1].sent_start

    def place_slot(self, i: int, j: int) -> str:
        """Where tokens i..j stand: "named" after "the village of" or before "district", "near" after
        "near"/"outside" or in "in X, <known region or country>", else ""."""
        prev = self.word(i - 1)
        if prev == "the":
            prev = self.word(i - 2)
        nxt = self.toks[j + 1] if j + 1 < len(self.toks) else None
        if prev == "of" and self.word(i - 2) in SETTLEMENT_WORDS:
            return "named"
        if nxt is not None and nxt.key in AREA_NEXT and self.text[self.toks[j].end : nxt.start] == " ":
            return "named"
        if prev in NEAR_CUES:
            return "near"
        after_comma = nxt is not None and self.text[self.toks[j].end : nxt.start] == ", "
        known = after_comma and any(
            self.g.kind[c] in ("region", "country") for c, how, _ in self.g.ids(nxt.text) if how == "exact"
        )
        return "near" if prev in ("in", "at") and known else ""

    def joined(self, j: int) -> bool:
        """Tokens j and j + 1 are parts of one name ("Nova Kakhovka", "Ivano-Frankivsk")."""
        return self.cap_after(j) and self.text[self.toks[j].end : self.toks[j + 1].start] in (" ", "-")

    def unknown_name(self, i: int) -> int | None:
        """Last token of a capitalised name at i that the gazetteer lacks but a place slot holds, or None."""
        toks = self.toks
        j = i
        while j - i < 2 and self.joined(j) and toks[j + 1].key not in AREA_NEXT:
            j += 1
        nxt = self.word(j + 1)
        if toks[i].sent_start or not self.place_slot(i, j):
            return None
        if (self.joined(j) and nxt not in AREA_NEXT) or nxt in ORG_NEXT or nxt in FEATURE_WORDS - AREA_NEXT:
            return None  # a longer name than we take, an organisation, a feature ("X Bridge")
        for t in toks[i : j + 1]:
            if (
                len(t.key) < 3
                or t.text.isupper()
                or t.key in _NOT_NAMES
                or t.key in self.lower_words
                or _is_demonym(t.text, self.g)
                or self.text[t.end : t.end + 2] in ("'s", "’s")
            ):
                return None
        return j

    # -- filters ------------------------------------------------------------------------------------

    def person_surfaces(self, mentions: list[_Mention]) -> set[str]:
        """Words used as a person's name somewhere in the document; one person, everywhere a person."""
        toks = self.toks
        people: set[str] = set()
        for b in range(1, len(toks)):
            tb = toks[b]
            if not tb.cap or self._title_case_line(b):
                continue
            if toks[b - 1].key in PERSON_TITLES and self.text[toks[b - 1].end : tb.start].strip(". ") == "":
                people.add(tb.text)
            elif self._first_name(b - 1, b) and not self._strong_name(tb.text):
                people.add(tb.text)  # "Dmitry Peskov", "Jake Sullivan": a given name before it
            elif (
                self._given_name_town(toks[b - 1].text)
                and self.text[toks[b - 1].end : tb.start] == " "
                and tb.key not in STOP_WORDS | NEWS_WORDS | PERSON_TITLES | ORG_NEXT | FEATURE_WORDS
                and tb.key not in REGION_WORDS
                and not self.g.ids(tb.text)
                and not tb.sent_start
            ):
                people.add(tb.text)  # "Vladimir Putin": a town named like a given name, then a surname
        # given names before a known surname, even when they are also towns ("Vladimir Putin")
        for b in range(1, len(toks)):
            if (
                (
                    toks[b].text in people
                    and toks[b - 1].cap
                    and self.text[toks[b - 1].end : toks[b].start] == " "
                )
                and toks[b - 1].key not in PERSON_TITLES
                and not self._country_or_region(toks[b - 1].text)
            ):
                people.add(toks[b - 1].text)
        cued = {
            m.surface for m in mentions if m.cue and m.cands and all(how != "fuzzy" for _, how, _ in m.cands)
        }
        said = {
            toks[b].text
            for b in range(len(toks) - 1)
            if toks[b].cap and toks[b + 1].key in SAY_VERBS and not self._strong_name(toks[b].text)
        }
        return people | (said - cued)  # "Peskov said", unless the document puts it in a place slot too

    def _title_case_line(self, b: int) -> bool:
        """Headlines in Title Case make every word look like a name."""
        line_start = self.text.rfind("\n", 0, self.toks[b].start) + 1
        line_end = self.text.find("\n", self.toks[b].start)
        line_end = len(self.text) if line_end == -1 else line_end
        near = self.toks[max(0, b - 12) : b - 1] + self.toks[b + 1 : b + 12]
        long = [t for t in near if line_start <= t.start < line_end and len(t.text) > 3]
        return len(long) >= 3 and sum(t.cap for t in long) / len(long) > 0.75

    def _given_name_town(self, name: str) -> bool:
        ids = self.g.ids(name)
        return bool(ids) and all(self.g.kind[i] == "settlement" for i, _, _ in ids)

    def _country_or_region(self, name: str) -> bool:
        return any(
            self.g.kind[i] in ("country", "region") for i, how, _ in self.g.ids(name) if how == "exact"
        )

    def _first_name(self, a: int, b: int) -> bool:
        """Token a looks like a given name before token b: adjacent capitalised words, a not a place word."""
        ta, tb = self.toks[a], self.toks[b]
        return (
            ta.cap
            and tb.cap
            and not tb.sent_start
            and self.text[ta.end : tb.start] == " "
            and ta.key not in STOP_WORDS | PERSON_TITLES | NEWS_WORDS | PLACE_CUES  # not "Shelled X"
            and tb.key not in STOP_WORDS | PERSON_TITLES | NEWS_WORDS | ORG_NEXT
            and tb.key not in REGION_WORDS
            and not _is_demonym(ta.text, self.g)
            and not self._strong_name(ta.text)
        )

    def inside_longer_name(self, m: _Mention) -> bool:
        """A small town's name right after a title-like adjective or a demonym of elsewhere is the tail
        of an organisation's name the gazetteer lacks: "European Union", "National Union", not "Ukrainian
        Bakhmut"."""
        g, toks = self.g, self.toks
        if m.first == 0 or any(g.kind[i] != "settlement" for i, _, _ in m.cands):
            return False
        prev = toks[m.first - 1]
        if not prev.cap or self.text[prev.end : toks[m.first].start] != " ":
            return False
        if prev.key not in NEWS_WORDS:
            people = g.demonym(prev.text)
            if people is None or any(g.country[i] == g.country[people] for i, _, _ in m.cands):
                return False
        return not self._strong_name(m.surface)

    def _strong_name(self, name: str) -> bool:
        """A name too well known as a place to be read as a person's: a country, region or feature, or a
        city's own name. A city's alternate that is another word ("Ivanov" for Ivanovo) is a surname, and
        a city named like a common word or given name ("Warren", "Garland") must be big for that word or a
        national capital."""
        g = self.g
        own = loose_key(name)
        z = word_zipf(name)
        floor = max(100_000, 10 ** (z + 2)) if z >= COMMON_ZIPF else 100_000
        return any(
            g.kind[i] in ("country", "region", "feature")
            or (loose_key(g.name[i]) == own and (g.population[i] >= floor or i in g.capitals))
            for i, how, _ in g.ids(name)
            if how == "exact"
        )

    def keep(self, m: _Mention, people: set[str]) -> bool:
        g = self.g
        first = self.toks[m.first]
        if not m.cands:  # unknown name: after "the village of" whatever the person heuristics say
            return m.slot == "named" or not any(t.text in people for t in self.toks[m.first : m.last + 1])
        if m.first == m.last:
            if first.text in people or first.key in _NOT_NAMES | FEATURE_WORDS:  # "College", "Bridge"
                return False
            if first.key in g.demonyms:  # "English", "French": a people or language, not the town
                return False
            if first.key in self.lower_words:  # used as a common word elsewhere in the document
                return False
            own = loose_key(first.text)
            if _is_demonym(first.text, g) and not any(
                how == "exact" and loose_key(g.name[i]) == own for i, how, _ in m.cands
            ):
                return False  # "the German port": an adjective, even where a San Germán lists "German"
            if self.inside_longer_name(m):
                return False
            if (
                first.text.isupper()
                and len(first.text) <= 4
                and not any(g.kind[i] != "settlement" for i, _, _ in m.cands)
            ):
                return False
        if self.word(m.last + 1) in ORG_NEXT:  # "Kyiv Independent", "New York Times", "Azov regiment"
            return False
        # "the Black Sea port", "Black Sea Fleet": a sea that only qualifies another thing, which lies on it
        # or is named after it, is not where that thing is; a named port is its own mention ("... of Odesa").
        # Features of one country ("the Donbas city of X") are areas that hold the thing, and stay.
        if (
            all(g.kind[i] == "feature" and g.country[i] is None for i, _, _ in m.cands)
            and self.word(m.last + 1) in ON_FEATURE_NOUNS
        ):
            return False
        # a settlement-only match at a sentence start, with no cue, must be notable
        if first.sent_start and not m.cue and all(g.kind[i] == "settlement" for i, _, _ in m.cands):
            return any(g.population[i] >= 10_000 for i, _, _ in m.cands)
        return True


# -- disambiguation -----------------------------------------------------------------------------------


def _skip_parens(f: _Finder, i: int) -> int:
    """Index of the first token after a parenthesis that starts at token i ("Kharkiv (Northeast) region")."""
    if i < len(f.toks) and "(" in f.text[f.toks[i - 1].end : f.toks[i].start]:
        close = f.text.find(")", f.toks[i].start)
        if close != -1 and close - f.toks[i].start < 40:
            while i < len(f.toks) and f.toks[i].start < close:
                i += 1
    return i


def _head_kind(f: _Finder, k: int) -> str | None:
    """The kind of the first head noun of a noun phrase starting at token k: "the capital of the region",
    "Ukraine's second city", "a city of 300,000" are a town; "a region bordering Russia" a region."""
    if k >= len(f.toks):
        return None
    first = f.toks[k]
    if first.key not in APPOSITION_START and f.text[first.end : first.end + 2] not in ("'s", "’s"):
        return None  # a list ("X, Y and Z") or a country after a town ("X, Ukraine")
    for j in range(k, min(k + 7, len(f.toks))):
        t = f.toks[j]
        if j > k and (t.cap or re.search(r"[,.;:!?()\"“”]", f.text[f.toks[j - 1].end : t.start])):
            return None  # another name or the end of the phrase: "X, the Y region" is not about X
        if t.key in APPOSITION_TOWN:
            return "settlement"
        if t.key in REGION_NOUNS:
            return "region"
    return None


def _apposition(f: _Finder, m: _Mention) -> str | None:
    """The kind an apposition or a predicate gives a name: "X, the regional capital, ...", "X is a region
    ...", "X, 280,000 inhabitants before the war, was the only regional capital ..."."""
    k = m.last + 1
    if k >= len(f.toks):
        return None
    if re.fullmatch(r",[\s\d.,]*", f.text[f.toks[m.last].end : f.toks[k].start]):  # ", 280,000 people"
        kind = _head_kind(f, k)
        if kind:
            return kind
        # skip an apposition that names no kind, up to its closing comma, to reach a predicate
        for j in range(k, min(k + 12, len(f.toks))):
            gap = f.text[f.toks[j - 1].end : f.toks[j].start]
            if j > k and re.search(r"[.;:!?()]", gap):
                return None
            if j > k and "," in gap:
                k = j
                break
        else:
            return None
    if f.word(k) in ("has", "had", "have") and f.word(k + 1) == "been":
        k += 1
    return _head_kind(f, k + 1) if f.word(k) in COPULAS else None


def _local_hint(f: _Finder, m: _Mention) -> str | None:
    """The kind the words right around a mention give it, or None."""
    k = _skip_parens(f, m.last + 1)
    nxt, prev = f.word(k), f.word(m.first - 1)
    before_of = f.word(m.first - 2) if prev == "of" else ""
    if nxt in REGION_NEXT or before_of in REGION_OF:
        return "region"
    if prev == "in" and f.word(m.first - 2) in REGION_LEAD:
        return "region"  # "the republics in Donetsk and Luhansk"
    if nxt in SETTLEMENT_WORDS and f.word(k + 1) == "of" and k + 2 < len(f.toks) and f.toks[k + 2].cap:
        return "region"  # "the Luhansk city of Sievierodonetsk": a town of the region named first
    if nxt in TOWN_NEXT or before_of in TOWN_OF or prev in TOWN_BEFORE:
        return "settlement"
    if prev in ("of", "from") and any(f.word(k) in DISTANCE_UNITS for k in range(m.first - 4, m.first - 1)):
        return "settlement"  # a distance is measured from a point: "40 km southeast of X"
    return _apposition(f, m)


def _region_ids(g: Gazetteer, m: _Mention) -> set[int]:
    """Regions a mention may name that are called by their capital's name: where one sense per document
    applies. National capitals keep the town sense ("Kyiv said" after "the Kyiv region")."""
    if any(i in g.capitals for i, _, _ in m.cands):
        return set()
    return {i for i, how, _ in m.cands if how != "fuzzy" and i in g.capital_named}


def _kind_hints(f: _Finder, mentions: list[_Mention]) -> None:
    g = f.g
    by_first = {m.first: m for m in mentions}
    for m in mentions:
        m.kind_hint = _local_hint(f, m)
    # lists: "X, Y and Z regions", and "the four territories ... – X, Y, Z and W"
    i = 0
    while i < len(mentions):
        run = [mentions[i]]
        while True:
            last = run[-1]
            between = f.text[last.end : f.toks[last.last + 1].start] if last.last + 1 < len(f.toks) else ""
            nxt = last.last + 1
            if f.word(nxt) in ("and", "or"):
                nxt += 1
            elif not re.fullmatch(r"\s*,\s*", between):
                break
            if f.word(nxt) in ("and", "or"):
                nxt += 1
            if nxt in by_first:
                run.append(by_first[nxt])
            else:
                break
        if len(run) >= 2:
            k = _skip_parens(f, run[-1].last + 1)
            tail = f.word(k)
            if tail == "people" and f.word(k + 1) in REGION_LEAD:
                tail = "republics"  # "the Donetsk and Luhansk people's republics"
            all_regions = all(any(g.kind[c] == "region" for c, _, _ in r.cands) for r in run)
            lead = f.word(run[0].first - 1) in ("of", "in") and f.word(run[0].first - 2) in REGION_LEAD
            # a region noun shortly before the list, in the same sentence
            noun_before = False
            for k in range(run[0].first, max(-1, run[0].first - 13), -1):
                if f.word(k) in REGION_NOUNS:
                    noun_before = True
                    break
                if f.toks[k].sent_start:
                    break
            if all_regions and (tail in REGION_NEXT | REGION_LEAD or lead or (len(run) >= 3 and noun_before)):
                for r in run:
                    if r.kind_hint != "settlement":
                        r.kind_hint = "region"
        i += len(run)
    # One sense per document. Once a region named after its capital is meant as the region ("the Kharkiv
    # region", "the governor of Kharkiv", a list of regions, "Kharkiv Oblast"), its bare mentions without a
    # cue of their own mean the region too. Precedence: a mention's own cue (either kind) > the region sense
    # of the document > the town by default. A town cue elsewhere ("the city of Kharkiv") does not spread:
    # when a document uses both senses, a bare mention is ambiguous, and the region, which holds the town,
    # is the answer that is not wrong.
    region_sense: set[int] = set()
    for m in mentions:
        if m.kind_hint == "region" or (m.first < m.last and f.word(m.last) in REGION_WORDS):
            region_sense |= _region_ids(g, m)
    if region_sense:
        for m in mentions:
            if m.kind_hint is None and _region_ids(g, m) & region_sense:
                m.kind_hint = "region"


_Context = dict[str, dict[str, float]]  # admin1 or country -> surface -> weight


def _weight(ctx: _Context, code: str | None, surface: str) -> float:
    """Support for a code from the document's other names (a name does not support itself)."""
    return max((w for s, w in ctx.get(code or "", {}).items() if s != surface), default=0.0)


def _count(ctx: _Context, code: str | None, surface: str) -> int:
    """How many other names of the document support a code."""
    return sum(1 for s in ctx.get(code or "", {}) if s != surface)


def _name_rank(g: Gazetteer, i: int, how: str, surface_loose: str) -> int:
    """How well a surface names a place: 2 its own name in any spelling ("Mykolaiv" for Mykolayiv), 1 an
    unrelated alternate name matched exactly, 0 one matched loosely or by a typo."""
    if loose_key(g.name[i]) == surface_loose:
        return 2
    return 1 if how == "exact" else 0


def _dominated(g: Gazetteer, m: _Mention) -> set[int]:
    """Settlements that a far bigger namesake names better. GeoNames gives villages the names of nearby
    towns as alternates ("Mykolaiv" for a Mykolaivka, even "Kremenchuk" for a Yampil); document context
    must not let such a village beat the city whose own name it is. Between towns of like size an old name
    is often the one meant (Pervomaisk, renamed Sokolohirsk), so context decides there. Elsewhere a short
    alternate is usually the town's everyday name ("Avondale" for Avondale Estates), so only villages of the
    focus countries, whose alternates GeoNames fills from transliterations of nearby names, give way."""
    sets = [(i, how) for i, how, _ in m.cands if g.kind[i] == "settlement" and how != "fuzzy"]
    if len(sets) < 2:
        return set()
    surface_loose = loose_key(m.surface)
    rank = {i: _name_rank(g, i, how, surface_loose) for i, how in sets}
    return {
        i
        for i, _ in sets
        if g.country[i] in FOCUS_COUNTRIES
        and any(rank[j] > rank[i] and g.population[j] >= DOMINANT_RATIO * g.population[i] for j, _ in sets)
    }


def _choose(
    g: Gazetteer,
    m: _Mention,
    ctx_admin1: _Context,
    ctx_country: _Context,
    after_the: bool,
    prev_word: str = "",
) -> int | None:
    best, best_score = None, -math.inf
    exact_kinds = {g.kind[i] for i, how, _ in m.cands if how == "exact"}
    key = exact_key(m.surface)
    # a region named like a sizeable town inside it, or like a capital, is the town when named alone
    # ("Kharkiv"); a village that borrows a state's name ("Minnesota") is not
    town_named = {
        g.admin1[i]
        for i, how, _ in m.cands
        if g.kind[i] == "settlement" and (g.population[i] >= 50_000 or exact_key(g.name[i]) == key)
    }
    capital_named = any(i in g.capitals for i, _, _ in m.cands)
    dominated = _dominated(g, m)
    # a cue that says town, or a country or region named after it, places a common word
    common = 0.0 if m.kind_hint == "settlement" or m.within else m.common
    after_in = prev_word in ("in", "at", "from")
    within = m.within if any(_inside(g, i, m.within) for i, _, _ in m.cands) else frozenset()
    for i, how, sim in m.cands:
        kind = g.kind[i]
        if within and not _inside(g, i, within):
            continue  # "Odessa, Texas", "near Odesa in Ukraine"
        if m.village and (kind != "settlement" or g.population[i] >= VILLAGE_MAX_POPULATION):
            continue
        in_admin1 = _weight(ctx_admin1, g.admin1[i], m.surface)
        in_country = _weight(ctx_country, g.country[i], m.surface)
        if common and kind == "settlement":
            known = in_admin1 or in_country or i in g.capitals or after_in
            need = 10 ** (common + (0.5 if known else 1.25))
            if g.population[i] < need or not _names_alike(key, exact_key(g.name[i])):
                continue  # "the Metro", "Institute for the Study of War", "Red Cross", "White House"
        if common and kind == "region" and i in g.capital_named and m.kind_hint != "region":
            continue  # its capital's name read as a common word ("Stalin" for Stalino, now Donetsk)
        if how == "fuzzy" and (
            (not in_country and g.country[i] not in FOCUS_COUNTRIES) or (sim < FUZZY_SURE and not in_admin1)
        ):
            continue  # a near-spelling with nothing in the document pointing to it is a guess
        score = {"exact": 2.0, "loose": 1.0, "fuzzy": (sim - 80) / 20}[how]
        if kind == "settlement":
            score += math.log10(g.population[i] + 10) + 3.0 * in_admin1 + 1.5 * in_country
            if how == "exact" and exact_key(g.name[i]) != key:
                score -= 0.5  # an alternate name: a little weaker than a place's own name
            if i in dominated:
                score -= DOMINATED_PENALTY
            if m.kind_hint == "region":
                score -= 20
        elif kind == "region":
            if g.admin1[i] in town_named or capital_named:
                score += 0.5 + 2.0 * in_country
            else:  # "Texas", "Crimea": a region before any small namesake town
                score += 6.0 + 2.0 * min(_count(ctx_country, g.country[i], m.surface), 3)
            if m.kind_hint == "region":
                score += 23.5
            elif m.kind_hint == "settlement":
                score -= 20
        elif kind == "country":
            score += 10.0 + 2.0 * in_country
        else:  # feature
            score += 11.0
            if i in g.the_only and "settlement" in exact_kinds:
                score += 10 if after_the else -20  # "the Dnipro" is the river, "Dnipro" the city
        if score > best_score:
            best, best_score = i, score
    return best


def _names_alike(a: str, b: str) -> bool:
    """Whether two keys are one name, maybe shortened ("New York City", "St Petersburg" for Saint
    Petersburg), not an unrelated alternate ("White House" for Casablanca)."""
    long_a = {w for w in a.split() if len(w) >= 4}
    long_b = {w for w in b.split() if len(w) >= 4}
    if loose_key(a) == loose_key(b):
        return True
    return (bool(long_a) and long_a <= long_b) or (bool(long_b) and long_b <= long_a)


def _inside(g: Gazetteer, i: int, codes: frozenset[str]) -> bool:
    return g.country[i] in codes or g.admin1[i] in codes


def _support(ctx: _Context, code: str | None, surface: str, w: float) -> None:
    if code:
        slot = ctx.setdefault(code, {})
        slot[surface] = max(slot.get(surface, 0.0), w)


def _resolve(f: _Finder, mentions: list[_Mention], passes: int = 3) -> None:
    g = f.g
    _kind_hints(f, mentions)
    for _ in range(passes):
        # context from what the last pass resolved; before that, from names whose candidates agree
        ctx_admin1: _Context = {}
        ctx_country: _Context = {}
        for m in mentions:
            if m.place and m.chosen is not None:
                w = 1.5 if m.place.kind == "region" else 1.0
                if m.place.kind == "settlement" and loose_key(m.place.name) != loose_key(m.surface):
                    w = 0.5  # a town reached by another word ("Rankin" for Belton) is weak evidence
                # a name cued as the region is evidence for its towns, even a same-named one ("the Donetsk
                # region ... Donetsk, the regional capital"); a bare name does not support itself
                region = m.kind_hint == "region" and m.place.kind == "region"
                key = m.surface + " (region)" if region else m.surface
                for code in g.admin1_span(m.chosen):  # "Donbas" supports the towns of both its oblasts
                    _support(ctx_admin1, code, key, w)
                _support(ctx_country, m.place.country, key, 1.0)
            elif m.cands and len(m.cands) <= 3 and len({g.admin1[i] for i, _, _ in m.cands}) == 1:
                _support(ctx_admin1, g.admin1[m.cands[0][0]], m.surface, 1.0)
                _support(ctx_country, g.country[m.cands[0][0]], m.surface, 1.0)
        for m in mentions:
            prev = f.word(m.first - 1)
            m.chosen = _choose(g, m, ctx_admin1, ctx_country, prev == "the", prev)
            m.place = g.place(m.chosen) if m.chosen is not None else None


def _named_after(f: _Finder, m: _Mention, by_first: dict[int, _Mention]) -> frozenset[str]:
    """Codes of a country or region named right after a mention, "X, Texas" or "X in Ukraine", but not
    of the next item of a list ("Kharkiv, Donetsk and Luhansk")."""
    g, k = f.g, m.last + 1
    if k >= len(f.toks):
        return frozenset()
    gap = f.text[f.toks[m.last].end : f.toks[k].start]
    if re.fullmatch(r",\s*", gap):
        n = by_first.get(k)
    elif gap == " " and f.word(k) == "in":
        n = by_first.get(k + 1)
    else:
        return frozenset()
    if n is None or n.last + 1 >= len(f.toks):
        return frozenset() if n is None else _codes(g, n)
    after = f.text[f.toks[n.last].end : f.toks[n.last + 1].start]
    if f.word(n.last + 1) in ("and", "or") or ("," in after and n.last + 1 in by_first):
        return frozenset()
    return _codes(g, n)


def _codes(g: Gazetteer, n: _Mention) -> frozenset[str]:
    out = set()
    for i, how, _ in n.cands:
        if how == "exact" and g.kind[i] == "country":
            out.add(g.country[i])
        elif how == "exact" and g.kind[i] == "region" and g.admin1[i] and i not in g.capital_named:
            out.add(g.admin1[i])  # "Kharkiv" may be the town: only regions with names of their own
    return frozenset(out)


def _mark(f: _Finder, mentions: list[_Mention]) -> None:
    """Cues of each mention's own: the country or region named after it, "the village of", how common
    the name is as an English word."""
    by_first = {m.first: m for m in mentions}
    for m in mentions:
        m.within = _named_after(f, m, by_first)
        m.village = f.word(m.first - 1) == "of" and f.word(m.first - 2) in VILLAGE_WORDS
        if m.village:
            m.slot = "named"  # kept, unresolved, when no village of that name is known
        if not m.village and f.word(m.first - 1) not in NEAR_CUES:
            z = word_zipf(m.surface)
            floor = COMMON_ZIPF_PHRASE if m.first < m.last else COMMON_ZIPF
            m.common = z if z >= floor else 0.0


def find_places(doc_id: str, text: str) -> list[PlaceMention]:
    """Every toponym in `text`, resolved to a Place where the gazetteer and context allow."""
    f = _Finder(gazetteer.load(), text)
    mentions = f.find()
    people = f.person_surfaces(mentions)
    mentions = [m for m in mentions if f.keep(m, people)]
    _mark(f, mentions)
    _resolve(f, mentions)
    # a name no candidate fits is kept, unresolved, only where nothing but a place can stand
    return [PlaceMention(doc_id, m.surface, m.start, m.end, m.place) for m in mentions if m.place or m.slot]


def resolve_spans(text: str, spans: list[tuple[int, int]]) -> list[Place | None]:
    """Resolve given toponym spans of `text` with the whole document as context (for benchmarks)."""
    g = gazetteer.load()
    f = _Finder(g, text)
    mentions = []
    for s, e in spans:
        idx = [k for k, t in enumerate(f.toks) if t.start >= s and t.end <= e]
        surface = text[s:e]
        cands = g.ids(surface)
        if not any(how == "exact" for _, how, _ in cands):
            people = g.demonym(surface)  # an annotated adjective: "Russian" stands for Russia
            if people is not None:
                cands = [(people, "exact", 100.0)]
            elif not cands and " " not in surface.strip():
                cands = g.ids(surface, fuzzy=True)  # typos, in one-word names only
        first, last = (idx[0], idx[-1]) if idx else (0, 0)
        mentions.append(_Mention(first, last, s, e, surface, cands, bool(idx) and f.has_cue(first)))
    known = [m for m in mentions if m.cands]
    _mark(f, known)
    for m in known:
        m.common = 0.0  # the spans are places: a common word among them is still one
    _resolve(f, known)
    return [m.place for m in mentions]


def resolve_name(name: str, context: str | None = None) -> Place | None:
    """One name, with an optional region written any way as context ("Izum", "Kharkivs'ka oblast")."""
    g = gazetteer.load()
    cands = g.ids(name, fuzzy=True)
    if not cands:
        return None
    ctx_admin1: _Context = {}
    ctx_country: _Context = {}
    region = g.region(context) if context else None
    if region is not None and region.admin1:
        ctx_admin1[region.admin1] = {"": 2.0}
        ctx_country[region.country or ""] = {"": 1.0}
        # the region is given: a same-named place elsewhere is another place, not this one
        cands = [c for c in cands if g.admin1[c[0]] == region.admin1]
        if not cands:
            return None
    m = _Mention(0, 0, 0, len(name), name, cands, False, kind_hint="settlement")
    best = _choose(g, m, ctx_admin1, ctx_country, False)
    return g.place(best) if best is not None else None
