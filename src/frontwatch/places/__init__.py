"""Toponyms in text: a gazetteer matcher over the tokens, filters for non-places, and disambiguation.

No NER labels are used: names are found by looking capitalised token n-grams up in the gazetteer
(exact key, then the transliteration key, then fuzzy in a place-like context). Filters drop people
("Dmitry Peskov", "Peskov said"), demonyms, organisations and common words. Each surviving mention
is resolved by context: region words ("the Kharkov region"), lists of regions, the regions and other
places of the document, population and match quality. A name shared by a region and its capital
("Kharkiv") keeps one sense per document: once the document means the region, its bare mentions do too,
unless a cue of their own says town ("the city of X", "X, the regional capital", "40 km north of X").
A town reached by an old or foreign alternate name gives way to a town of that very name ("Berea",
"Pokrovsk" before Engels), and fuzzy matching abroad stays with countries, world features and big cities
("Oconee" is not Ocoee). Of namesakes, the one in the region most of the document's places lie in wins, and
an explicit locator decides outright ("Yampil in the Donetsk region", "Krasne near Vovchansk": with no such
namesake held, the village is left unresolved). A bare regional capital that is shelled or entered, or whose
streets and districts the sentence speaks of, is the town; "the Dniprovskyi district" is a part of the city
named just before it.
A region's office ("the Kharkiv governor", "the X regional administration") names the region but does not
spread its sense; "across X" is the region. A lowercase name of a big place of the focus countries in a
place slot ("left for kherson") is found; a loose or typo match outside the regions the text names is
refused ("Berdychi" in the Donetsk region is not Berdychiv); a name before "river"/"lake" that the
gazetteer holds only as another town is no place, and unit names in quotes (grouping "Vostok") are none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontwatch.places.document import find_places, resolve_name, resolve_spans

__all__ = ["find_places", "resolve_name", "resolve_spans"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: fusion, export and the web app read the gazetteer without loading spaCy's words.
    if name in __all__:
        from frontwatch.places import document

        return getattr(document, name)
    raise AttributeError(name)
