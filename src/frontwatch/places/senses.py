"""The kind of place each mention means, from the words around it: region words ("the Kharkov region"),
lists of regions, town cues ("the city of X", "X, the regional capital", "40 km north of X"), a country or
region named after it ("X, Texas"), and one sense per document for a region named after its capital."""

from __future__ import annotations

import re

from frontwatch.places.finder import Finder, Mention
from frontwatch.places.gazetteer import DIVISION_WORDS, REGION_WORDS, Gazetteer, core_name
from frontwatch.places.translit import loose_key
from frontwatch.places.words import (
    APPOSITION_START,
    APPOSITION_TOWN,
    CENTRE_WORDS,
    CITY_DISTRICT,
    COMMON_ZIPF,
    COMMON_ZIPF_PHRASE,
    COMPASS_ADJECTIVES,
    CONJUNCTIONS,
    COPULAS,
    DISTANCE_UNITS,
    DISTRICT_WORDS,
    ENTRY_VERBS,
    NEAR_CUES,
    OFFICE_NEXT,
    OFFICE_OF,
    REGION_LEAD,
    REGION_NEXT,
    REGION_NOUNS,
    REGION_OF,
    REGION_SPAN,
    SETTLEMENT_WORDS,
    TARGET_NOUNS,
    TARGET_VERBS,
    TOWN_BEFORE,
    TOWN_NEXT,
    TOWN_OF,
    TOWN_PARTS,
    VILLAGE_WORDS,
    word_zipf,
)


def _skip_parens(f: Finder, i: int) -> int:
    """Index of the first token after a parenthesis that starts at token i ("Kharkiv (Northeast) region")."""
    if i < len(f.toks) and "(" in f.text[f.toks[i - 1].end : f.toks[i].start]:
        close = f.text.find(")", f.toks[i].start)
        if close != -1 and close - f.toks[i].start < 40:
            while i < len(f.toks) and f.toks[i].start < close:
                i += 1
    return i


def _head_kind(f: Finder, k: int) -> str | None:
    """The kind of the first head noun of a noun phrase starting at token k: "the capital of the region",
    "Ukraine's second city", "a city of 300,000" are a town; "a region bordering Russia" a region."""
    if k >= len(f.toks):
        return None
    first = f.toks[k]
    if first.key not in APPOSITION_START and f.text[first.end : first.end + 2] not in ("'s", "’s"):
        return None  # a list ("X, Y and Z") or a country after a town ("X, Ukraine")
    for j in range(k, min(k + 7, len(f.toks))):
        t = f.toks[j]
        if j > k and t.cap and f.g.demonym(t.text) is not None and not t.sent_start:
            continue  # "the southern Russian region"
        if j > k and (t.cap or re.search(r"[,.;:!?()\"“”]", f.text[f.toks[j - 1].end : t.start])):
            return None  # another name or the end of the phrase: "X, the Y region" is not about X
        if t.key in APPOSITION_TOWN:
            return "settlement"
        if t.key in REGION_NOUNS:
            return "region"
    return None


def _apposition(f: Finder, m: Mention) -> str | None:
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


def _local_hint(f: Finder, m: Mention) -> str | None:
    """The kind the words right around a mention give it, or None."""
    k = _skip_parens(f, m.last + 1)
    nxt, prev = f.word(k), f.word(m.first - 1)
    if k < len(f.toks) and re.search(r"[,;:.!?—–]", f.text[f.toks[k - 1].end : f.toks[k].start]):
        nxt = ""  # "X, regional governor Y said": the next clause's word is not X's
    before_of = f.word(m.first - 2) if prev == "of" else ""
    if prev == "the" and f.word(m.first - 2) == "of":
        before_of = f.word(m.first - 3)  # "the governor of the Zaporizhzhia"
    if nxt in REGION_NEXT or before_of in REGION_OF:
        return "region"
    if prev == "in" and f.word(m.first - 2) in REGION_LEAD and not f.toks[m.first - 1].sent_start:
        return "region"  # "the republics in Donetsk and Luhansk"
    if nxt in SETTLEMENT_WORDS and f.word(k + 1) == "of" and k + 2 < len(f.toks) and f.toks[k + 2].cap:
        return "region"  # "the Luhansk city of Sievierodonetsk": a town of the region named first
    if nxt in TOWN_NEXT or before_of in TOWN_OF or prev in TOWN_BEFORE:
        return "settlement"
    if prev in ("of", "from") and any(f.word(k) in DISTANCE_UNITS for k in range(m.first - 4, m.first - 1)):
        return "settlement"  # a distance is measured from a point: "40 km southeast of X"
    return _apposition(f, m)


def _region_ids(g: Gazetteer, m: Mention) -> set[int]:
    """Regions a mention may name that are called by their capital's name: where one sense per document
    applies. National capitals keep the town sense ("Kyiv said" after "the Kyiv region")."""
    if any(i in g.capitals for i, _, _ in m.cands):
        return set()
    # a renamed capital's new name is the town's alone ("Dnipro" beside "the Dnipropetrovsk region")
    surface = loose_key(m.surface)
    return {
        i
        for i, how, _ in m.cands
        if how != "fuzzy"
        and i in g.capital_named
        and (i not in g.renamed_capital or loose_key(core_name(g.name[i])) == surface)
    }


def kind_hints(f: Finder, mentions: list[Mention]) -> None:
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
            if f.word(nxt) in CONJUNCTIONS:
                nxt += 1
            elif not re.fullmatch(r"\s*,\s*", between):
                break
            if f.word(nxt) in CONJUNCTIONS:
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
    # "In X, a missile hit a hotel in the city centre": a town's parts in the sentence make its bare name
    # the town; so does being what is shelled or entered ("shelled X during the evacuation"), and "the X
    # district", the district around the town, whose seat is the point it has
    town_parts = _sentences_on_town_parts(f, mentions)
    for m in mentions:
        town = f.sentence(m.first) in town_parts or _target(f, m) or f.word(m.last + 1) in DISTRICT_WORDS
        if m.kind_hint is None and town and _region_ids(g, m):
            m.kind_hint = "settlement"
    for m in mentions:
        if m.kind_hint is None and f.word(m.first - 1) in REGION_SPAN and _region_ids(g, m):
            m.kind_hint = "region"  # "strikes across Kharkiv": an area, not a point
    # One sense per document. Once a region named after its capital is meant as the region ("the Kharkiv
    # region", "the governor of Kharkiv", a list of regions, "Kharkiv Oblast"), its bare mentions without a
    # cue of their own mean the region too ("Sloviansk in neighbouring Donetsk", "fighting in Luhansk").
    # Precedence: a mention's own cue (either kind) > the region sense of the document > the town by
    # default. A town cue elsewhere ("the city of Kharkiv") does not spread: when a document uses both
    # senses, a bare mention is ambiguous, and the region, which holds the town, is the answer that is not
    # wrong. Measured on 2022 war reporting, dropping this turns far more right regions into wrong towns
    # (bare "Donetsk" and "Luhansk") than it turns wrong regions into right towns.
    # An office of the region ("the Kharkiv governor", "the Mykolaiv regional administration") is the
    # region's, but says nothing of which sense the text's other mentions have: it sits in the town.
    region_sense: set[int] = set()
    for m in mentions:
        worded = m.first < m.last and f.word(m.last) in REGION_WORDS
        if worded or (m.kind_hint == "region" and not _office(f, m)):
            region_sense |= _region_ids(g, m)
    if region_sense:
        for m in mentions:
            if m.kind_hint is None and _region_ids(g, m) & region_sense:
                m.kind_hint = "region"


def _office(f: Finder, m: Mention) -> bool:
    """A mention that names a region's office: "X regional administration", "the X governor", "the
    governor of [the] X"."""
    k = _skip_parens(f, m.last + 1)
    if f.word(k) in REGION_WORDS:
        return False  # "the governor of the X region": the region named as such
    if f.word(k) in OFFICE_NEXT and not re.search(r"[,;:.!?—–]", f.text[f.toks[k - 1].end : f.toks[k].start]):
        return True
    j = m.first - 1
    if f.word(j) == "the":
        j -= 1
    return f.word(j) == "of" and f.word(j - 1) in OFFICE_OF


def _sentences_on_town_parts(f: Finder, mentions: list[Mention]) -> set[int]:
    """Sentences that speak of a town's parts or of the town itself: "the city centre", "downtown", "on the
    central square", "the streets", "the Dniprovskyi district", "already in the city" (not "the city of
    Y", which names another)."""
    out = set()
    for k, t in enumerate(f.toks):
        if (
            t.key in TOWN_BEFORE
            or (t.key in TOWN_PARTS and not t.cap)
            or (t.key in CENTRE_WORDS and f.word(k - 1) in SETTLEMENT_WORDS)
            or (t.key == "city" and not t.cap and f.word(k - 1) in ("the", "this") and f.word(k + 1) != "of")
        ):
            out.add(f.sentence(k))
    out.update(f.sentence(m.first) for m in mentions if city_district(f, m))
    return out


def city_district(f: Finder, m: Mention) -> bool:
    """A district of a town named by an adjective: "the Dniprovskyi district", "Kyivskyi District", "the
    Kyivskyi and Saltivskyi districts"."""
    return (
        district_at(f, m) is not None
        and CITY_DISTRICT.fullmatch(f.toks[m.first].text) is not None
        and (m.first == m.last or m.first + 1 == m.last)
    )


def district_at(f: Finder, m: Mention) -> int | None:
    """The token of the district word a mention names a district with: in it ("Dniprovsky District"),
    right after it, or after the list it opens ("Kyivskyi, Slobidskyi and Saltivskyi districts")."""
    if m.first < m.last:
        return m.last if f.word(m.last) in DISTRICT_WORDS and m.first + 1 == m.last else None
    k = m.last + 1
    for _ in range(4):
        if f.word(k) in DISTRICT_WORDS:
            return k
        if k >= len(f.toks) or not re.fullmatch(r",?\s*", f.text[f.toks[k - 1].end : f.toks[k].start]):
            return None
        if f.word(k) in CONJUNCTIONS:
            k += 1
        if k >= len(f.toks) or f.toks[k].sent_start or not CITY_DISTRICT.fullmatch(f.toks[k].text):
            return None
        k += 1
    return None


def _target(f: Finder, m: Mention) -> bool:
    """A mention that is what is shelled, struck, entered or captured: "shelled X", "entered in X", "strikes
    on X", "the shelling of X", "X was shelled", "X came under fire"."""
    j = m.last + 1
    if f.word(j) in ("was", "were", "is", "has", "had") and f.word(j + 1) in ("been", "again"):
        j += 1
    if f.word(j) in ("was", "were", "is", "been", "again") and f.word(j + 1) in TARGET_VERBS:
        return True
    if f.word(j) in ("came", "comes", "come") and f.word(j + 1) == "under":
        return True
    k = m.first - 1
    if f.word(k) == "the":
        k -= 1
    prev = f.word(k)
    if prev in TARGET_VERBS:
        return True
    if prev in ("in", "into"):
        return f.word(k - 1) in ENTRY_VERBS
    return prev in ("on", "of") and f.word(k - 1) in TARGET_NOUNS


def _named_after(f: Finder, m: Mention, by_first: dict[int, Mention]) -> frozenset[str]:
    """Codes of a country or region named right after a mention: "X, Texas", "X in Ukraine", "X in the
    Donetsk region", "X of Kharkov region", "X, a village in Donetsk province", but not of the next item of
    a list ("Kharkiv, Donetsk and Luhansk")."""
    k = m.last + 1
    if k >= len(f.toks):
        return frozenset()
    gap = f.text[f.toks[m.last].end : f.toks[k].start]
    if re.fullmatch(r",\s*", gap):
        n = by_first.get(k)
        if n is None:  # ", a village in the X region", ", in the X region"
            j = k + 2 if f.word(k) in APPOSITION_START and f.word(k + 1) in SETTLEMENT_WORDS else k
            n = _after_in(f, j, by_first) if f.word(j) == "in" else None
    elif gap == " " and f.word(k) in ("in", "of"):
        n = _after_in(f, k, by_first)
        if n is not None and f.word(k) == "of" and not _worded(f, n):
            return frozenset()  # "Democrat of California" is no place; "Sinkovka of Kharkov region" is one
    else:
        return frozenset()
    if n is None or n.last + 1 >= len(f.toks):
        return frozenset() if n is None else _codes(f, n)
    after = f.text[f.toks[n.last].end : f.toks[n.last + 1].start]
    if f.word(n.last + 1) in CONJUNCTIONS or ("," in after and n.last + 1 in by_first):
        return frozenset()
    return _codes(f, n)


def _after_in(f: Finder, k: int, by_first: dict[int, Mention]) -> Mention | None:
    """The mention after the preposition at token k, past an article and a compass word: "in [the]
    [eastern] X"."""
    k += 1
    k += f.word(k) == "the"
    k += f.word(k) in COMPASS_ADJECTIVES
    return by_first.get(k)


def _worded(f: Finder, n: Mention) -> bool:
    """A region named with a word of a division: "Kharkiv Oblast", "the Kharkiv region", "Donetsk People's
    Republic"."""
    last = n.surface.split()[-1].casefold()
    return last in DIVISION_WORDS or f.word(_skip_parens(f, n.last + 1)) in REGION_WORDS


def _codes(f: Finder, n: Mention) -> frozenset[str]:
    g = f.g
    out = set()
    # "Kharkiv" may be the town: only regions with names of their own, or named with a region word
    worded = _worded(f, n)
    for i, how, _ in n.cands:
        own = worded or i not in g.capital_named
        country, admin1 = g.country[i], g.admin1[i]
        if how == "exact" and g.kind[i] == "country" and country:
            out.add(country)
        elif how == "exact" and g.kind[i] == "region" and admin1 and own:
            out.add(admin1)
    return frozenset(out)


def _list_after(f: Finder, k: int, by_first: dict[int, Mention]) -> list[Mention]:
    """The mentions of a list starting at token k: "A, B, C and D"."""
    out: list[Mention] = []
    while k in by_first:
        n = by_first[k]
        out.append(n)
        if n.last + 1 >= len(f.toks):
            break
        gap = f.text[f.toks[n.last].end : f.toks[n.last + 1].start]
        k = n.last + 1
        if f.word(k) in CONJUNCTIONS and gap == " ":
            k += 1
        elif re.fullmatch(r",\s*", gap):
            k += f.word(k) in CONJUNCTIONS
        else:
            break
    return out


def _lists_in_region(f: Finder, mentions: list[Mention], by_first: dict[int, Mention]) -> None:
    """ "five villages in the Kharkiv region: A, B, C and D": a region and a colon before a list put its
    items in that region."""
    for n in mentions:
        k = _skip_parens(f, n.last + 1)
        if f.word(k) in REGION_WORDS:
            k += 1
        if not 0 < k < len(f.toks) or not re.fullmatch(
            r"\s*:\s*", f.text[f.toks[k - 1].end : f.toks[k].start]
        ):
            continue
        if f.word(n.first - 1) not in ("in", "of") and f.word(n.first - 2) not in ("in", "of"):
            continue
        codes = _codes(f, n)
        if codes:
            for item in _list_after(f, k, by_first):
                item.within = item.within or codes


def _near_anchors(f: Finder, mentions: list[Mention], by_first: dict[int, Mention]) -> None:
    """ "X near Y", "A and B near Y": the place each is said to lie near."""
    for n, m in enumerate(mentions):
        k = m.last + 1
        if f.word(k) not in NEAR_CUES or f.text[f.toks[m.last].end : f.toks[k].start] not in (" ", ", "):
            continue
        anchor = by_first.get(k + 1)  # "near the New York border", "near the X river" name no town
        if anchor is None:
            continue
        m.anchor = anchor
        # the earlier items of a list before it: "Hatyshche and Krasne near Vovchansk"
        while n > 0 and re.fullmatch(
            r",\s*(?:and\s+)?|\s+and\s+", f.text[mentions[n - 1].end : mentions[n].start]
        ):
            mentions[n - 1].anchor = anchor
            n -= 1


def mark_cues(f: Finder, mentions: list[Mention]) -> None:
    """Cues of each mention's own: the country or region named after it, "the village of", how common
    the name is as an English word."""
    by_first = {m.first: m for m in mentions}
    for m in mentions:
        m.within = _named_after(f, m, by_first)
    _lists_in_region(f, mentions, by_first)
    _near_anchors(f, mentions, by_first)
    for m in mentions:
        m.village = f.word(m.first - 1) == "of" and f.word(m.first - 2) in VILLAGE_WORDS
        if m.village:
            m.slot = "named"  # kept, unresolved, when no village of that name is known
        if not m.village and f.word(m.first - 1) not in NEAR_CUES:
            z = word_zipf(m.surface)
            floor = COMMON_ZIPF_PHRASE if m.first < m.last else COMMON_ZIPF
            m.common = z if z >= floor else 0.0
