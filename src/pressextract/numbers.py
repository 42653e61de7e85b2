"""Swedish numbers: digits in every grouping, number words, scale words, -tal.

The words live in data/number_words.tsv and data/qualifiers.tsv; this module
turns them into pattern pieces (shared by money.py and quantities.py) and
into values. Every piece is written so that a match attempt can only start
at the beginning of a digit run or a word (lookbehind guards) and never
backtracks through a run (possessive quantifiers): time stays linear on
100,000 digits or megabytes of punctuation.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .data import table
from .patterns import trie

# Digit-group separators: space, no-break space, narrow no-break space, thin space.
GROUP_SEP = "[ \u00a0\u202f\u2009]"

# One number written in digits. Order matters: grouped forms first.
#  996 000 / 1 250 000,5   (space-like groups of exactly three)
#  1.250.000               (dot groups of exactly three: thousands)
#  20,5 / 20.5 / 40        (decimal comma; a decimal point takes one or two digits)
DIGITS_CORE = (
    rf"(?:\d{{1,3}}(?:{GROUP_SEP}\d{{3}})++(?!\d)(?:,\d++)?"
    r"|\d{1,3}(?:\.\d{3})++(?![\d.])"
    r"|\d++(?:,\d++|\.\d{1,2}(?![\d.]))?)"
)
# A match may only start at the beginning of a digit run (linear time, and no
# "563" taken out of "010-563 10 00" or "2020/1234").
DIGITS = r"(?<![\p{N}\p{L}.,:/-])(?<![\p{N}][.,])" + DIGITS_CORE


@lru_cache(maxsize=None)
def _words() -> dict:
    units, multipliers, scales, fractions = {}, {}, {}, {}
    for row in table("number_words.tsv"):
        word, value, kind = row["word"], float(row["value"]), row["kind"]
        if kind == "unit":
            units[word] = value
        elif kind in ("hundred", "thousand"):
            multipliers[word] = value
        elif kind == "scale":
            scales[word] = value
        elif kind == "fraction":
            fractions[word] = value
    return {"units": units, "mult": multipliers, "scales": scales, "fractions": fractions}


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def word_number_pattern() -> str:
    """A number written as one word ("tolv", "tjugofem", "tvåhundra", "tretusen")."""
    w = _words()
    parts = trie(sorted(set(w["units"]) | set(w["mult"])))
    return rf"(?<!\p{{L}})(?i:(?:{parts})++)(?!\p{{L}})"


@lru_cache(maxsize=None)
def word_number_trie() -> str:
    """Case-insensitive run of number-word parts, for finding candidates fast."""
    w = _words()
    return "(?i:(?:" + trie(sorted(set(w["units"]) | set(w["mult"]))) + ")++)"


@lru_cache(maxsize=None)
def scale_pattern() -> str:
    """A scale word after a number: tusen, miljoner, miljarder, milj., mn, md."""
    words = _words()["scales"]
    alts = []
    for word in sorted(words, key=len, reverse=True):
        esc = regex.escape(word)
        alts.append(esc if word.endswith(".") else esc + r"(?!\p{L})")
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=None)
def fraction_pattern() -> str:
    """ "en halv", "en kvarts", "två och en halv": a value that needs a scale word
    after it. Also the article with a qualifying adjective ("en dryg halv
    miljon", "en knapp miljon": qualifiers.tsv rows that start with en/ett),
    which stands for one (or the fraction) of the scale that follows."""
    fr = _alt(_words()["fractions"])
    whole = rf"(?:{DIGITS}|{word_number_pattern()})"
    adjectives = _alt(article_qualifiers())
    out = rf"(?:{whole}[ \u00a0]och[ \u00a0])?(?i:en|ett)[ \u00a0](?:(?i:{adjectives})[ \u00a0])?(?:{fr})(?!\p{{L}})"
    if adjectives:
        out += rf"|(?<!\p{{L}})(?i:en|ett)[ \u00a0](?i:{adjectives})(?=[ \u00a0]{{1,3}}{scale_pattern()})"
    return f"(?:{out})"


@lru_cache(maxsize=None)
def article_qualifiers() -> tuple:
    """ "dryg", "knapp": the second words of qualifier phrases "en dryg", "ett knappt"."""
    return tuple(sorted({p.split()[1] for p in qualifiers() if len(p.split()) == 2
                         and p.split()[0] in ("en", "ett")}))


def inner_qualifier(number: str | None) -> str | None:
    """The qualifier written inside a number ("en dryg halv" -> over)."""
    words = number.lower().split() if number else []
    return qualifiers().get(" ".join(words[:2])) if len(words) >= 2 else None


@lru_cache(maxsize=None)
def tal_pattern() -> str:
    """ "ett 40-tal", "ett tiotal", "ett hundratal": approximate counts."""
    w = _words()
    parts = _alt(list(w["units"]) + list(w["mult"]))
    return rf"(?<!\p{{L}})(?i:ett)[ \u00a0](?:\d{{1,6}}-tal|(?i:(?:{parts})++tal))(?!\p{{L}})"


@lru_cache(maxsize=None)
def qualifiers() -> dict:
    return {row["phrase"].lower(): row["qualifier"] for row in table("qualifiers.tsv")}


@lru_cache(maxsize=None)
def qualifier_pattern() -> str:
    alts = []
    for phrase in sorted(qualifiers(), key=len, reverse=True):
        esc = regex.escape(phrase).replace(r"\ ", "[ \u00a0]")
        alts.append(esc if phrase.endswith(".") else esc + r"(?!\p{L})")
    return r"(?<!\p{L})(?i:" + "|".join(alts) + ")"


def qualifier_of(phrase: str | None) -> str | None:
    if not phrase:
        return None
    return qualifiers().get(" ".join(phrase.lower().split()))


def _parse_word(word: str) -> float | None:
    """Value of a compound number word, or None when it is not one.

    Read left to right: units add up; "hundra" multiplies what came before
    (or 1); "tusen" multiplies everything so far (or 1): tvåhundrafemtio = 250,
    tretusen = 3000, hundratjugo = 120, ettusen = 1000.
    """
    w = _words()
    units, mult = w["units"], w["mult"]
    keys = sorted(list(units) + list(mult), key=len, reverse=True)
    word = word.lower()
    total = 0.0  # completed thousands
    current = 0.0  # below one thousand
    last_unit = 0.0
    i = 0
    while i < len(word):
        for key in keys:
            if word.startswith(key, i):
                break
        else:
            return None
        i += len(key)
        if key in mult:
            if mult[key] == 100:
                current = (current or 1) * 100
            else:  # tusen
                total += (current or 1) * mult[key]
                current = 0.0
            last_unit = 0.0
        else:
            value = units[key]
            if last_unit and (last_unit < 10 or value >= 10):
                return None  # "femfem", "tjugotjugo": not a number
            current += value
            last_unit = value
    return total + current


_NO_SEP = str.maketrans("", "", " \u00a0\u202f\u2009")
_DOT_GROUPS = regex.compile(r"\d{1,3}(?:\.\d{3})+")


def parse_digits(s: str) -> float | None:
    """Value of a number written in digits, in any Swedish grouping."""
    s = s.strip().translate(_NO_SEP)
    if not s:
        return None
    if s.count(".") and _DOT_GROUPS.fullmatch(s):
        s = s.replace(".", "")
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def parse_tal(s: str) -> float | None:
    """ "ett 40-tal" → 40, "ett hundratal" → 100."""
    m = regex.search(r"(\d+)-tal|(\p{L}+)tal", s)
    if not m:
        return None
    return float(m.group(1)) if m.group(1) else _parse_word(m.group(2))


def parse_fraction(s: str) -> float | None:
    """ "en halv" → 0.5, "en och en halv" → 1.5, "två och en kvarts" → 2.25."""
    fractions = _words()["fractions"]
    words = s.lower().split()
    if len(words) == 2 and words[0] in ("en", "ett") and words[1] in article_qualifiers():
        return 1.0  # "en knapp (miljon)"
    if not words or words[-1] not in fractions:
        return None
    value = fractions[words[-1]]
    if "och" in words:
        whole = parse_number(" ".join(words[: words.index("och")]))
        if whole is None:
            return None
        value += whole
    return value


def scale_value(word: str | None) -> float:
    if not word:
        return 1.0
    return _words()["scales"].get(word.lower(), _words()["scales"].get(word, 1.0))


def parse_number(s: str) -> float | None:
    """Value of one number in digits or words: "1 250" → 1250, "20,5" → 20.5,
    "tolv" → 12, "tjugofem" → 25, "ett 40-tal" → 40, "en och en halv" → 1.5."""
    s = " ".join(s.split()) if s else s
    if not s:
        return None
    if s[0].isdigit():
        return parse_digits(s) if "-tal" not in s else parse_tal(s)
    low = s.lower()
    if low.endswith("tal"):
        return parse_tal(low)
    if " " in low:
        return parse_fraction(low)
    return _parse_word(low)


def round_value(value: float) -> float | int:
    """Whole numbers as int (20500000, not 20500000.0); others rounded to cents."""
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded
