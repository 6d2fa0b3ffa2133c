"""Spelling keys for place names.

Two keys, both pure functions of the name:

- `exact_key`: casefold, no diacritics, no apostrophes, hyphens as spaces. "Kup'yans'k" and "Kupyansk"
  meet here, "Izium" and "Izyum" do not.
- `loose_key`: `exact_key` after Cyrillic is romanised and the alternations that Russian and Ukrainian
  romanisations disagree on are collapsed (y/i/j/e, iotated vowels, kh/h/g, zh/z, ts/c, doubled letters).
  "Izum", "Izium", "Izyum" and "Изюм" share one loose key, as do "Balakleya", "Balakliya", "Balakliia",
  "Balaklya" and "Балаклея". The loose key is lossy on purpose; the gazetteer prefers exact matches and
  ranks the rest by context.

`ukrainian_key` is the loose key of a Russian spelling with its Ukrainian endings ("Toshkovka" -> the key
of "Toshkivka", "Troitskoye" -> "Troitske"). It goes one way: a Ukrainian spelling never reaches a Russian
village through it, and the gazetteer looks it up among Ukrainian places only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Russian and Ukrainian letters, one romanisation; the loose key folds the others onto it.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ў": "u",
}  # fmt: skip

_APOSTROPHES = re.compile(r"[\'’ʼʹ`´‘”“\"]")
# What exact_key folds to one space (the finder joins tokens across them too).
SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,()]+")
_CYRILLIC_CHAR = re.compile(r"[\u0400-\u04ff]")

# Applied in order to an exact key that is already plain ASCII.
_LOOSE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"shch|sch|szcz", "s"),
        (r"tsch|tch|ch|cz", "c"),
        (r"sh|sz", "s"),
        (r"zh|ž", "z"),
        (r"kh|ch|g|x", "h"),
        (r"ts|tz|c", "c"),
        (r"w", "v"),
        (r"ph", "f"),
        (r"[yje]", "i"),  # и/ы/й/е/є/ї: romanisations disagree on these
        (r"([a-z])\1+", r"\1"),  # doubled letters: Zaporizhzhia/Zaporizhia, Balakliia/Balakliya
        (r"i(?=[aou])", ""),  # iotated vowels: ya/ia/ja -> a, yu/iu/ju -> u
    )
)


# Russian endings of Ukrainian names and their Ukrainian forms: -ovka/-ivka (Bakhmutovka), the neuter -oye/-e
# (Pervomayskoye), the feminine -aya/-a (Kamenka-Dneprovskaya). Not -ovo/-ove: GeoNames keeps Russian -ovo
# names as old names of other villages.
_UKRAINIAN_ENDINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"ovka\b", "ivka"),
        (r"(?<=[kvn])(?:oye|oje|oie|oe)\b", "e"),
        (r"(?<=[kvn])(?:aya|aja|aia)\b", "a"),
    )
)


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC_CHAR.search(text))


def romanise(text: str) -> str:
    """Cyrillic letters to Latin ones; other characters pass through."""
    if not has_cyrillic(text):
        return text
    out = []
    for ch in text:
        low = ch.lower()
        rom = _CYRILLIC.get(low)
        if rom is None:
            out.append(ch)
        else:
            out.append(rom.capitalize() if ch != low else rom)
    return "".join(out)


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65_536)
def exact_key(name: str) -> str:
    """Case, accents, apostrophes and separators folded; Cyrillic romanised."""
    s = romanise(name)
    s = (s if s.isascii() else strip_diacritics(s)).casefold()
    s = s.replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    s = _APOSTROPHES.sub("", s)
    return SEPARATORS.sub(" ", s).strip()


@lru_cache(maxsize=65_536)
def loose_key(name: str) -> str:
    """A key that Russian and Ukrainian romanisations of one name share."""
    s = exact_key(name)
    for pattern, repl in _LOOSE_RULES:
        s = pattern.sub(repl, s)
    return s


# Adjective endings of Ukrainian and Russian place names, in the romanisations news uses: "Antonivka" gives
# the "Antonivskyi" (or "Antonivsky", "Antonovsky") bridge, "Kakhovka" the "Kakhovske" reservoir.
_ADJECTIVE_ENDINGS = ("skyi", "skyy", "sky", "skiy", "skii", "ski", "ska", "ske", "skoye", "skoe", "skaya")


def adjective_forms(name: str) -> list[str]:
    """Adjectives of a Slavic place name ending in -ka ("Antonivka" -> "Antonivskyi", "Antonivsky", ...); none
    for other names, whose adjectives are not regular enough to derive."""
    if has_cyrillic(name) or len(name) < 6 or not name.endswith("ka") or " " in name.strip():
        return []
    stem = name[:-2]
    return [stem + e for e in _ADJECTIVE_ENDINGS]


@lru_cache(maxsize=65_536)
def ukrainian_key(name: str) -> str:
    """The loose key of a name with Russian endings made Ukrainian, or "" when it has none."""
    s = exact_key(name)
    out = s
    for pattern, repl in _UKRAINIAN_ENDINGS:
        out = pattern.sub(repl, out)
    return loose_key(out) if out != s else ""


# The gender of an adjectival place name by its ending after "-sk-" or "-n-", in any romanisation. Russian and
# Ukrainian forms of one name keep it (Pervomaiske, Pervomayskoye), while neighbouring villages often differ
# only in it (Pervomaiske and Pervomaiskyi), which the loose key folds together.
_GENDER_ENDINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"(?:sk|n)(?:{endings})$"), gender)
    for endings, gender in (
        ("yi|iy|ii|ij|yy|y|oi|oy|iyi", "masculine"),
        ("e|oye|oe|oje|oie|ye", "neuter"),
        ("a|aya|aja|aia|ia", "feminine"),
    )
)


def adjective_gender(name: str) -> str | None:
    """ "masculine", "neuter" or "feminine" for a name whose last word ends like an adjective ("Pervomaiskyi",
    "Zelene", "Pervomayskaya"), else None."""
    key = exact_key(name).rsplit(" ", 1)[-1]
    for pattern, gender in _GENDER_ENDINGS:
        if pattern.search(key):
            return gender
    return None


def other_gender(a: str, b: str) -> bool:
    """Two names that end like adjectives of different genders: other places, however alike their keys."""
    ga, gb = adjective_gender(a), adjective_gender(b)
    return ga is not None and gb is not None and ga != gb


# A district (raion) is named by an adjective of its seat town: "Sudzhansky" (Sudzha), "Korenevsky"
# (Korenevo), "Kupianskyi" (Kupiansk), "Chuhuivskyi" (Chuhuiv). The ending, after "sk", in the
# romanisations news uses; the seat's name is the stem with one of a few endings, or, for a stem in "n", the
# stem without it.
_DISTRICT_ADJECTIVE = re.compile(r"^(\w{3,}?)sk(?:yi|yy|iy|ii|ij|y|oi|oy|ogo|aya|a|e|oe|oye)$")
_SEAT_ENDINGS = ("sk", "", "o", "a", "e")


def seat_forms(adjective: str) -> list[str]:
    """Names the seat of a district named by `adjective` may bear ("Korenevsky" -> "Korenevsk", "Korenev",
    "Korenevo", ...); none for a word that is no such adjective."""
    m = _DISTRICT_ADJECTIVE.match(adjective)
    if m is None or has_cyrillic(adjective):
        return []
    stem = m.group(1)
    forms = [stem + e for e in _SEAT_ENDINGS]
    if stem.endswith("n") and len(stem) >= 5:
        forms.append(stem[:-1])  # "Sudzhansky": Sudzha
    return [f for f in forms if len(f) >= 4]
