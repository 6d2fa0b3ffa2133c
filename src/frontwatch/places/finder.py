"""Candidate toponyms: capitalised token n-grams looked up in the gazetteer (exact key, then the
transliteration key, then fuzzy in a place-like slot), and unknown names that only a place slot holds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwatch.places.gazetteer import FOCUS_COUNTRIES, Gazetteer
from frontwatch.places.translit import SEPARATORS, exact_key, loose_key, seat_forms, ukrainian_key
from frontwatch.places.words import (
    AREA_NEXT,
    CITY_DISTRICT,
    CONJUNCTIONS,
    DISTRICT_WORDS,
    FEATURE_WORDS,
    LOWER_CUES,
    LOWER_TOWN,
    MAX_WORDS,
    NEAR_CUES,
    NOT_NAMES,
    ORG_NEXT,
    PLACE_CUES,
    POSSESSIVE,
    PROPER_DIVISION_WORDS,
    SETTLEMENT_WORDS,
    SITE_MODIFIERS,
    SITE_PHRASES,
    TOKEN,
    may_be_typo,
)
from frontwatch.records import Place


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    key: str
    cap: bool
    sent_start: bool
    loose: str | None = None  # loose key, computed when first needed


@dataclass(slots=True)
class Mention:
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
    stray: bool = False  # its only candidates were villages outside the regions the text names
    state: bool = False  # a US state's abbreviation after a town ("Macon, Ga.")
    anchor: Mention | None = None  # the place it is said to be near: "X near Y"


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_SENTENCE_GAP = re.compile(r"[.!?:\n]")  # a gap with one of these starts a sentence


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    prev_end = 0
    for m in TOKEN.finditer(text):
        s, e = m.start(), m.end()
        word = m.group()
        if word.endswith(".") and not _INITIALS.fullmatch(word):
            e -= 1  # sentence full stop, not an abbreviation like "U.S."
            word = word[:-1]
        poss = POSSESSIVE.search(word)
        if poss:
            e -= 2
            word = word[:-2]
        gap = text[prev_end:s]
        sent_start = not out or _SENTENCE_GAP.search(gap) is not None
        out.append(Token(word, s, e, exact_key(word), word[:1].isupper(), sent_start))
        prev_end = e
    return out


class Finder:
    def __init__(self, g: Gazetteer, text: str) -> None:
        self.g = g
        self.text = text
        self.toks = tokens(text)
        self.lower_words = {t.key for t in self.toks if not t.cap}
        self._sentences: list[int] = []

    def sentence(self, i: int) -> int:
        """The index of the sentence token i lies in."""
        if not self._sentences:
            n = 0
            for k, t in enumerate(self.toks):
                n += t.sent_start and k > 0
                self._sentences.append(n)
        return self._sentences[i] if 0 <= i < len(self._sentences) else -1

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
            return toks[i].key in g.exact or self.loose(i) in g.loose or ukrainian_key(toks[i].key) in g.loose
        surface = self.text[toks[i].start : toks[j].end]
        if not all(SEPARATORS.fullmatch(self.text[toks[k].end : toks[k + 1].start]) for k in range(i, j)):
            # "People's", "&": the key is not the words'
            return exact_key(surface) in g.exact or loose_key(surface) in g.loose
        if " ".join(t.key for t in toks[i : j + 1]) in g.exact:
            return True
        # keys fold word by word, so a name's loose key is its words' loose keys joined
        return (
            " ".join(self.loose(k) for k in range(i, j + 1)) in g.loose or ukrainian_key(surface) in g.loose
        )

    def may_go_on(self, i: int, n_max: int) -> bool:
        """Whether a key of two to `n_max` words may start with tokens i and i + 1 (in any of the keys
        `known` tries); most capitalised words begin no such key, and the longer lookups are then skipped."""
        g, toks = self.g, self.toks
        j = i + 1
        if toks[j].sent_start:
            return False
        last = min(i + n_max, len(toks)) - 1
        if not all(SEPARATORS.fullmatch(self.text[toks[k].end : toks[k + 1].start]) for k in range(i, last)):
            return True  # "People's", "&": keys of the whole surface, not of the words
        a, b = toks[i].key, toks[j].key
        loose_a, loose_b = self.loose(i), self.loose(j)
        return (
            f"{a} {b}" in g.pairs
            or f"{loose_a} {loose_b}" in g.pairs
            or f"{ukrainian_key(a) or loose_a} {ukrainian_key(b) or loose_b}" in g.pairs
        )

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
        if n_max > 1 and not self.may_go_on(i, n_max):
            n_max = 1
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

    def find(self) -> list[Mention]:
        g, toks = self.g, self.toks
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            state = self.state_at(i, out[-1] if out else None) if t.cap else None
            if state is not None:
                j, end, sid = state
                surface = self.text[t.start : end]
                out.append(Mention(i, j, t.start, end, surface, [(sid, "exact", 100.0)], False, state=True))
                i = j + 1
                continue
            hit = self.match_at(i) if (t.cap or t.key in g.max_words) else None
            if hit is None and not t.cap and t.key in g.exact and self.lower_cue(i):
                lower = self.lowercase_place(i)
                if lower:
                    hit = (i, lower)
                    self.lower_words.discard(t.key)  # the capitalised spelling elsewhere is the place too
            if hit is None and t.cap:
                seats = self.district_seats(i)
                hit = (i, seats) if seats else None  # "the Sudzhansky district": Sudzha, the district's seat
            fuzzy_slot = self.has_cue(i) or self.listed_with_place(i)
            typo = t.cap and len(t.key) >= 5 and not t.sent_start and may_be_typo(t.text)
            if hit is None and typo and fuzzy_slot:
                ids = g.ids(t.text, fuzzy=True)
                hit = (i, ids) if ids else None
            if hit is not None and hit[1][0][1] != "fuzzy":
                hit = self.city_of(i, *hit)  # "Zaporizhzhia City"
            phrase = self.feature_phrase(i) if t.cap else None
            if phrase is not None and (hit is None or phrase[0] > hit[0]):
                hit = phrase  # "the Kakhovka hydroelectric dam", "the Antonivsky brige"
            if hit is not None and hit[1] and hit[1][0][1] != "fuzzy" and phrase is None:
                # "the Kramatorsk railway station", "Luhansk Province"
                hit = self.division_of(*self.site_of(*hit))
            unknown = None
            if t.cap and (hit is None or hit[1][0][1] == "fuzzy" or self.cap_after(hit[0])):
                unknown = self.unknown_name(i)
            if unknown is not None and (hit is None or unknown > hit[0]):
                # "the village of Nova X" is "Nova X", not the gazetteer's "Nova"
                hit = (unknown, [])
            elif hit is not None and hit[1][0][1] != "fuzzy":
                unknown = None  # a name the gazetteer holds exactly is never left unresolved
            if hit is None:
                i += 1
                continue
            j, ids = hit
            surface = self.text[toks[i].start : toks[j].end]
            slot = self.place_slot(i, j) if unknown == j else ""
            m = Mention(i, j, toks[i].start, toks[j].end, surface, ids, self.has_cue(i), slot=slot)
            out.append(m)
            i = j + 1
        return out

    def lower_cue(self, i: int) -> bool:
        """A place cue before a lowercase word, or a verb of leaving or holding: "the occupiers left
        kherson" (the word must name a big place too, so the looser cue is safe)."""
        w = self.word(i - 1)
        return self.has_cue(i) or (w == "the" and self.word(i - 2) in LOWER_CUES) or w in LOWER_CUES

    def lowercase_place(self, i: int) -> list[tuple[int, str, float]]:
        """Candidates for a lowercase word in a place slot, as machine-translated or informal text writes
        names ("troops left for kherson", "in russia"): the word must be the exact own name of a country,
        a region or a sizeable town of the focus countries, and no part of a link, handle or tag."""
        g, t = self.g, self.toks[i]
        if len(t.text) < 4 or not t.text.isalpha() or not t.text.islower():
            return []
        before, after = self.text[t.start - 1 : t.start] if t.start else "", self.text[t.end : t.end + 2]
        if (
            before in ("@", "#", "/", "_", "-", ".")
            or after[:1] in ("@", "/", "_", "-")
            or re.match(r"\.\w", after)
        ):
            return []
        own = loose_key(t.text)
        out = []
        for c in g.ids(t.text):
            i_, how = c[0], c[1]
            if how != "exact" or g.country[i_] not in FOCUS_COUNTRIES:
                continue
            if g.kind[i_] in ("country", "region") or (
                g.kind[i_] == "settlement" and g.population[i_] >= LOWER_TOWN and loose_key(g.name[i_]) == own
            ):
                out.append(c)
        return out

    def feature_phrase(self, i: int) -> tuple[int, list[tuple[int, str, float]]] | None:
        """A feature named by a place (or its adjective) of one or two words at token i and a phrase of its
        type words: (last token, candidates). The phrase may be longer than
        the gazetteer's names ("Kakhovka hydroelectric power plant dam"), its last word misspelt ("brige")."""
        g, toks = self.g, self.toks
        for b in range(min(i + 1, len(toks) - 2), i - 1, -1):
            if b > i and not self.joined(i):
                continue
            base = self.text[toks[i].start : toks[b].end]
            if exact_key(base) not in g.named_features:
                continue
            found = None
            k = b + 1
            while k < len(toks) and k - b <= 4 and not toks[k].sent_start:
                if self.text[toks[k - 1].end : toks[k].start] not in (" ", "-"):
                    break
                phrase = self.text[toks[b + 1].start : toks[k].end]
                fid = g.feature_named(base, phrase, misspelt=may_be_typo(toks[k].text))
                if fid is not None:
                    found = (k, fid)
                if toks[k].key not in g.type_words:
                    break
                k += 1
            if found is not None:
                return found[0], [(found[1], "exact", 100.0)]
        return None

    def city_of(
        self, i: int, j: int, ids: list[tuple[int, str, float]]
    ) -> tuple[int, list[tuple[int, str, float]]]:
        """A name shared by a region and its capital, with "City" after it, is the town ("Zaporizhzhia City",
        "Kharkiv City" against the oblasts), where the two words are no name of their own ("Kansas City"):
        (last token, the town candidates). A town without a namesake region
        keeps its bare name: "Manchester City" is a club more often than a city."""
        g = self.g
        if j > i and self.toks[j].text == "City" and all(g.kind[c] == "region" for c, _, _ in ids):
            # a city that is a region of its own ("Kyiv City"): the town, as for the other "X City"
            admin1 = {g.admin1[c] for c, _, _ in ids}
            base = self.text[self.toks[i].start : self.toks[j - 1].end]
            towns = [c for c in self._own_towns(base, g.ids(base)) if g.admin1[c[0]] in admin1]
            return (j, towns) if towns else (j, ids)
        k = j + 1
        if k >= len(self.toks) or self.toks[k].text != "City" or self.toks[k].sent_start:
            return j, ids
        if self.text[self.toks[j].end : self.toks[k].start] != " " or self.cap_after(k):
            return j, ids  # "Kharkiv City Council" is an institution
        if not any(c in g.capital_named for c, how, _ in ids if how != "fuzzy"):
            return j, ids
        towns = self._own_towns(self.text[self.toks[i].start : self.toks[j].end], ids)
        return (k, towns) if towns else (j, ids)

    def site_of(self, j: int, ids: list[tuple[int, str, float]]) -> tuple[int, list[tuple[int, str, float]]]:
        """A town's name followed by a site phrase ("railway station", "military airbase") names the site,
        which lies in or beside the town: (last token of the phrase, the town candidates). A name with no
        town among its candidates keeps its own span."""
        towns = [c for c in ids if self.g.kind[c[0]] == "settlement"]
        if not towns:
            return j, ids
        k = j + 1
        if self.word(k) in SITE_MODIFIERS and self._spaced(k):
            k += 1
        for phrase in SITE_PHRASES:
            end = k + len(phrase) - 1
            if end < len(self.toks) and all(
                self.word(k + n) == w and self._spaced(k + n) for n, w in enumerate(phrase)
            ):
                if self.cap_after(end) or self.word(end + 1) in ("of", "in"):
                    return j, ids  # a longer name ("Kharkiv Airport Authority"), or "the port of Y"
                return end, towns
        return j, ids

    def division_of(
        self, j: int, ids: list[tuple[int, str, float]]
    ) -> tuple[int, list[tuple[int, str, float]]]:
        """A region's name followed by a capitalised division word of proper names is the region's proper
        name, the word included ("Luhansk Province"), as "Kherson Oblast" is: (the word, the regions)."""
        k = j + 1
        regions = [c for c in ids if self.g.kind[c[0]] == "region"]
        proper = self._spaced(k) and self.toks[k].cap and self.word(k) in PROPER_DIVISION_WORDS
        if not regions or not proper:
            return j, ids
        if self.cap_after(k):
            return j, ids  # "Kharkiv Regional Administration" is no region word; "Kursk Region Governor"
        return k, regions

    def _spaced(self, k: int) -> bool:
        """Token k follows the one before it after a single space, in the same sentence."""
        return (
            0 < k < len(self.toks)
            and not self.toks[k].sent_start
            and self.text[self.toks[k - 1].end : self.toks[k].start] == " "
        )

    def district_seats(self, i: int) -> list[tuple[int, str, float]]:
        """The towns of the focus countries that may be the seat of a district named by the adjective at token
        i, where a district word follows it or the list it opens ("the Sudzhansky and Korenevsky districts");
        none elsewhere."""
        t = self.toks[i]
        if not CITY_DISTRICT.fullmatch(t.text) or not self._district_follows(i):
            return []
        g, out, seen = self.g, [], set()
        for form in seat_forms(t.text):
            own = loose_key(form)
            for c in g.ids(form):
                j = c[0]
                if (
                    j not in seen
                    and g.kind[j] == "settlement"
                    and g.country[j] in FOCUS_COUNTRIES
                    and loose_key(g.name[j]) == own
                ):
                    seen.add(j)
                    out.append(c)
        return out

    def _district_follows(self, i: int) -> bool:
        """A district word right after token i, or after the list of district adjectives it opens."""
        k = i + 1
        for _ in range(4):
            if self.word(k) in DISTRICT_WORDS:
                return True
            if k >= len(self.toks) or not re.fullmatch(
                r",?\s*", self.text[self.toks[k - 1].end : self.toks[k].start]
            ):
                return False
            if self.word(k) in CONJUNCTIONS:
                k += 1
            if (
                k >= len(self.toks)
                or self.toks[k].sent_start
                or not CITY_DISTRICT.fullmatch(self.toks[k].text)
            ):
                return False
            k += 1
        return False

    def _own_towns(self, name: str, ids: list[tuple[int, str, float]]) -> list[tuple[int, str, float]]:
        """The settlements among `ids` that bear `name` as their own name, in any spelling."""
        own = loose_key(name)
        return [c for c in ids if self.g.kind[c[0]] == "settlement" and loose_key(self.g.name[c[0]]) == own]

    def state_at(self, i: int, before: Mention | None) -> tuple[int, int, int] | None:
        """A US state abbreviated after a town at token i: "Macon, Ga.", "Raleigh, N.C.", or a postal code
        after a town of that state ("Austin, TX"). Returns (last token, end with the stop, state id)."""
        if i == 0 or self.text[self.toks[i - 1].end : self.toks[i].start] != ", " or not self.toks[i - 1].cap:
            return None
        for j in range(min(i + 2, len(self.toks) - 1), i - 1, -1):
            gap = self.text[self.toks[j - 1].end : self.toks[j].start] if j > i else ""
            if gap not in ("", " ") or (gap == " " and not self.toks[j - 1].text.endswith(".")):
                continue  # "W.Va.", "W. Va.": tokens "W." and "Va"
            end = self.toks[j].end + (self.text[self.toks[j].end : self.toks[j].end + 1] == ".")
            sid = self.g.abbreviation(self.text[self.toks[i].start : end])
            if sid is not None:
                return j, end, sid
        t = self.toks[i]
        sid = self.g.abbreviation(t.text, postal=True) if len(t.text) == 2 else None
        if sid is None or before is None or before.last != i - 1:
            return None
        state = self.g.admin1[sid]
        return (i, t.end, sid) if any(self.g.admin1[c] == state for c, _, _ in before.cands) else None

    def listed_with_place(self, i: int) -> bool:
        """Token i is one item of a list whose neighbour item is a known place: "hit X, Y and Z", where
        a typo in one item is still a place because its neighbours are."""
        toks = self.toks
        before = self.text[toks[i - 1].end : toks[i].start] if i > 0 else ""
        if i > 0 and (before == ", " or (before == " " and self.word(i - 1) == "and")):
            k = i - 1 if before == ", " else i - 2
            if k >= 0 and self.text[toks[k].end : toks[k + 1].start] in (", ", " ") and toks[k].cap:
                return self.known(k, k)
        if i + 1 < len(toks):
            after = self.text[toks[i].end : toks[i + 1].start]
            k = i + 1 if after == ", " else i + 2 if after == " " and self.word(i + 1) == "and" else -1
            if 0 <= k < len(toks) and toks[k].cap and not toks[k].sent_start:
                return self.known(k, k)
        return False

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
        known = (
            after_comma
            and nxt is not None
            and any(
                self.g.kind[c] in ("region", "country")
                for c, how, _ in self.g.ids(nxt.text)
                if how == "exact"
            )
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
                or t.key in NOT_NAMES | FEATURE_WORDS  # "near the Square of ...": a feature noun, not a name
                or t.key in self.lower_words
                or self.g.demonym(t.text) is not None
                or self.text[t.end : t.end + 2] in ("'s", "’s")
            ):
                return None
        return j
