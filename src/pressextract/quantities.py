"""Quantities: every figure that is not money or a year. "ett 40-tal dömda",
"349 års fängelse", "nära 700 kilo narkotika", "tolv svenska myndigheter".

The nouns that make a figure a quantity live in data/quantity_units.tsv.
Candidates come out of the spaCy Doc's token arrays (hash lookups in numpy,
no Python loop over tokens): a noun, or a compound ending in one, with a
number among the four tokens before it. For each candidate the few words
before it are read right to left: up to two adjectives ("svenska",
"samverkande"), the number (digits, a number word, a scale word, "-tal", a
range), then an optional "ett" and a qualifier (data/qualifiers.tsv). A cue
word in the clause of a persons figure sets its category ("tolv personer
greps", "tingsrätten dömde sju personer"); a substance after a weight sets it
for kilos ("12 kg kokain"). The work per candidate is bounded by a short
window, so time stays linear on any input.

Decisions:
- a bare "en"/"ett" ("en person greps", "ett vapen") is not counted: the
  article reads as a number too often, and a single item is rarely a result
  figure. "1 person" in digits is counted.
- prison years need "fängelse" next to them: "349 års fängelse", "120 år i
  fängelse", "fängelse i sammanlagt 45 år" (the mention then starts at
  "fängelse"). A bare "4 år" is a duration or an age, not a quantity.
- weights are given in kg: "3,5 ton" is 3500.
- "tiotals", "hundratals", "flera" have no value and are not quantities.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from functools import lru_cache

import regex

from . import numbers as N
from .data import split, table
from .hits import QuantityHit

_WINDOW = 120  # characters read before a noun; bounds the work per noun
_HSPACE = "[ \t\u00a0\u202f\u2009]"
_TOKEN = regex.compile(r"\S++")
_TOKEN_BACK = regex.compile(r"(?r)\S++")  # words read right to left
_THREE = regex.compile(r"\d{3}")
_DIGITS = regex.compile(N.DIGITS_CORE)
_RANGE = regex.compile(r"(\d{1,6})[–-](\d{1,6})")
_GROUP = regex.compile(r"\d{1,3}")
_YEAR = regex.compile(r"(?:18|19|20)\d\d")
_TRAIL = ".,;:!?)]»”\"'"
_LEAD = "([«»“”„\"'"
_COUNTS = frozenset({"person", "item", "case", "agency"})  # units that only take whole numbers


@lru_cache(maxsize=None)
def _units():
    """The nouns of quantity_units.tsv, ready for lookup:
    rows {form: info}; heads {first word of a form}; compound {last three
    letters: [forms that may end a compound word]}; a pattern that reads the
    whole form (one or more words) at a given offset."""
    rows: dict[str, dict] = {}
    heads: set[str] = set()
    compound: dict[str, list[str]] = {}
    alts = []
    for row in table("quantity_units.tsv"):
        info = {
            "unit": row["unit"],
            "category": row["category"],
            "factor": float(row["factor"] or 1),
            "cue": row["cue"] == "yes",
            "measure": row["measure"] == "yes",
            "before": [tuple(p.lower().split()) for p in split(row.get("before", ""))],
        }
        for form in split(row["forms"]):
            key = " ".join(form.lower().split())
            rows.setdefault(key, info)
            heads.add(key.split()[0])
            alts.append((len(key), regex.escape(key).replace(r"\ ", _HSPACE + "{1,3}")))
            if row["compound"] == "yes" and " " not in key:
                compound.setdefault(key[-3:], []).append(key)
    alt = "|".join(p for _, p in sorted(set(alts), key=lambda x: -x[0]))
    form_re = regex.compile(rf"(?i:{alt})(?!\p{{L}})")
    return rows, heads, compound, form_re


# bits of the hash tables below
_NOUN, _NUM = 1, 2


@lru_cache(maxsize=None)
def _hashes():
    """Two lookup tables that pick candidates out of the Doc's token arrays
    without a Python loop over tokens: (sorted hashes, bits) for whole
    lower-case words (noun heads; number words from number_words.tsv and their
    two-part compounds "tjugofem", "tvåhundra", "tretusen"), for three-letter
    endings (compound nouns; "-tal") and for token shapes (digits)."""
    import numpy
    from spacy.strings import hash_string

    _, heads, compound, _ = _units()
    rows = [r for r in table("number_words.tsv") if r["kind"] in ("unit", "hundred", "thousand")]
    parts = {r["word"].lower() for r in rows}
    ones = {r["word"].lower() for r in rows if float(r["value"]) == 1}  # "en", "ett": mostly articles
    numbers = (parts | {a + b for a in parts for b in parts}) - ones

    def build(groups):
        bits: dict[int, int] = {}
        for flag, strings in groups:
            for x in strings:
                h = hash_string(x)
                bits[h] = bits.get(h, 0) | flag
        keys = sorted(bits)
        return (numpy.array(keys, dtype=numpy.uint64),
                numpy.array([bits[k] for k in keys], dtype=numpy.uint8))

    # token shapes of figures in digits ("d", "dd,d", "dd–dd", "d.ddd.ddd"; runs are cut at four)
    runs = ["d" * n for n in range(1, 5)]
    shapes = set(runs) | {a + sep + b for a in runs for b in runs for sep in ",.–-"}
    shapes |= {a + ".ddd.ddd" for a in runs[:3]}

    return (build([(_NOUN, heads), (_NUM, numbers)]),
            build([(_NOUN, compound), (_NUM, {"tal"})]),
            build([(_NUM, shapes)]))


@lru_cache(maxsize=None)
def _np():
    import numpy
    from spacy.attrs import LOWER, SHAPE, SUFFIX

    return numpy, [LOWER, SUFFIX, SHAPE]


def _lookup(values, table):
    """The bits of each value in a (sorted hashes, bits) table; 0 when absent."""
    keys, bits = table
    pos = _np()[0].searchsorted(keys, values)
    pos[pos == len(keys)] = 0
    return (keys[pos] == values) * bits[pos]


@lru_cache(maxsize=None)
def _cues() -> dict:
    out: dict[str, dict] = {"cue": {}, "link": {}, "clause_stop": {}, "article": {}, "not_adjective": {},
                            "substance": {}, "year_before": {}}
    for row in table("quantity_cues.tsv"):
        out.setdefault(row["kind"], {})[row["word"].lower()] = row.get("value") or None
    subst = sorted(out["substance"], key=len, reverse=True)
    # the last substance named earlier in the sentence, also as the first part of a compound
    # ("narkotikabeslag"); searched right to left
    out["substance_re"] = regex.compile(r"(?r)(?<!\p{L})(?i:" + "|".join(map(regex.escape, subst)) + ")")
    return out


def _tokens_before(text: str, pos: int, limit: int = 12) -> list[tuple[int, int]]:
    """The words right before pos on the same line, nearest first."""
    lo = max(0, pos - _WINDOW)
    out = []
    right = pos
    for m in _TOKEN_BACK.finditer(text, lo, pos):
        s, e = m.span()
        gap = text[e:right]
        if not gap and not out and text[e - 1].isdigit():
            pass  # a unit written onto the number: "12kg"
        elif not gap or "\n" in gap or "\r" in gap:
            break
        if s == lo and lo > 0 and not text[lo - 1].isspace():
            break  # cut off by the window: not a whole word
        out.append((s, e))
        right = s
        if len(out) >= limit:
            break
    return out


def _tokens_after(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """The words right after pos on the same line."""
    out = []
    left = pos
    for m in _TOKEN.finditer(text, pos, min(len(text), pos + _WINDOW)):
        gap = text[left:m.start()]
        if not gap or "\n" in gap or "\r" in gap:
            break
        out.append((m.start(), m.end()))
        left = m.end()
        if len(out) >= limit:
            break
    return out


def _is_adjective(word: str, cues: dict) -> bool:
    """A word that may stand between the number and the noun: a plural
    adjective or participle ("svenska", "samverkande", "narkotikaklassade")."""
    low = word.lower()
    bare = low.replace("-", "")
    return (len(low) >= 3 and low[-1] in "ae" and bare.isalnum() and not bare.isdigit()
            and low.islower() and low not in cues["not_adjective"])


def _number(text: str, toks, i: int):
    """The number whose last word is toks[i]: (index of its first word, start,
    value, value_max, approx) or None."""
    s, e = toks[i]
    while s < e and text[s] in _LEAD:
        s += 1
    word = text[s:e]
    if not word:
        return None
    low = word.lower()
    if low.endswith("tal") and (low[:-3].isalpha() or low.endswith("-tal")):
        value = _parse_number(low)
        return (i, s, value, None, True) if value else None
    m = _RANGE.fullmatch(word)
    if m:
        lo_, hi = float(m.group(1)), float(m.group(2))
        return (i, s, lo_, hi if hi > lo_ else None, False)
    if word[0].isdigit():
        if not _DIGITS.fullmatch(word):
            return None
        j, start = i, s
        # "1 250 000": groups of three joined by one space-like character
        while (j + 1 < len(toks) and _THREE.fullmatch(text[toks[j][0]:toks[j][1]].split(",")[0])
               and _GROUP.fullmatch(text[toks[j + 1][0]:toks[j + 1][1]])
               and toks[j][0] - toks[j + 1][1] == 1):
            j += 1
            start = toks[j][0]
        if start != s and not _DIGITS.fullmatch(text[start:e]):
            j, start = i, s
        value = _parse_digits(text[start:e])
        return (j, start, value, None, False) if value is not None else None
    if not word.isalpha():
        return None
    scale = N.scale_value(low)
    if scale != 1.0 and i + 1 < len(toks):
        inner = _number(text, toks, i + 1)
        if inner is not None and not inner[4]:
            j, start, value, _, _ = inner
            return (j, start, value * scale, None, False)
    value = _parse_number(low)
    if value is None or value == 1:
        return None  # not a number, or a bare "en"/"ett"
    return (i, s, value, None, False)


# the same few words come back in every text: read each once
_parse_number = lru_cache(maxsize=4096)(N.parse_number)
_parse_digits = lru_cache(maxsize=4096)(N.parse_digits)


def _clean(text: str, s: int, e: int) -> str:
    return text[s:e].rstrip(_TRAIL).lower()


def _read(text: str, ns: int, ne: int, row: dict, cues: dict):
    toks = _tokens_before(text, ns)
    num = None
    k = 0
    while k < 3 and k < len(toks):
        if k > 0 and not _is_adjective(text[toks[k - 1][0]:toks[k - 1][1]], cues):
            return None
        num = _number(text, toks, k)
        if num is not None:
            break
        k += 1
    if num is None:
        return None
    j, start, value, value_max, approx = num
    if k > 0 and _YEAR.fullmatch(text[start:toks[k][1]]):
        return None  # "2020 svenska myndigheter" reads as a year
    if _YEAR.fullmatch(text[start:toks[k][1]]) and j + 1 < len(toks) \
            and _clean(text, *toks[j + 1]) in cues["year_before"]:
        return None  # "fattade under 2021 beslut": a year, not 2021 decisions
    qualifier = "approx" if approx else None
    nxt = j + 1
    if approx and nxt < len(toks) and text[toks[nxt][0]:toks[nxt][1]].lower() in cues["article"]:
        start = toks[nxt][0]
        nxt += 1
    for width in (2, 1):
        if nxt + width <= len(toks):
            first = toks[nxt + width - 1]
            phrase = text[first[0]:toks[nxt][1]]
            q = N.qualifier_of(phrase)
            if q:
                qualifier, start, nxt = q, first[0], nxt + width
                break
    if row["before"]:
        p = nxt
        while p < len(toks) and _clean(text, *toks[p]) in cues["link"] and p - nxt < 2:
            p += 1
        for phrase in row["before"]:
            n = len(phrase)
            if p + n <= len(toks) and tuple(
                    text[toks[q][0]:toks[q][1]].lower() for q in range(p + n - 1, p - 1, -1)) == phrase:
                start = toks[p + n - 1][0]
                nxt = p + n
                break
        else:
            return None
    category = row["category"]
    end = ne
    after = _tokens_after(text, ne, 16 if row["cue"] else 2)
    if row["cue"]:
        category = _cue_category(text, toks, k, nxt, after, cues, ne) or category
    if row["measure"]:
        subst, end = _substance(text, start, ne, after, cues)
        category = subst or category
    if row["unit"] in _COUNTS and value != int(value):
        return None  # "kl. 10.30": a count is a whole number
    value *= row["factor"]
    if value_max is not None:
        value_max *= row["factor"]
    return QuantityHit(start=start, end=end, value=_tidy(value), qualifier=qualifier,
                       unit=row["unit"], category=category, value_max=_tidy(value_max))


def _cue_category(text, toks, k, nxt, after, cues, ne):
    """The category a cue word in the clause of a persons figure gives it."""
    cue, links, stops = cues["cue"], cues["link"], cues["clause_stop"]
    for q in range(k):  # an adjective that is a participle: "40 dömda personer"
        cat = cue.get(text[toks[q][0]:toks[q][1]].lower())
        if cat:
            return cat
    for s, e in after[:3]:  # right after: "tolv personer (har) greps"
        word = text[s:e]
        clean = word.rstrip(_TRAIL).lower()
        if clean in cue:
            return cue[clean]
        if clean not in links or len(clean) != len(word):
            break
    for p in range(nxt, min(len(toks), nxt + 6)):  # before: "tingsrätten dömde i juni sju personer"
        word = text[toks[p][0]:toks[p][1]]
        if word[-1:] in _TRAIL:
            break
        low = word.lower()
        if low in cue:
            return cue[low]
        if low in stops:
            break
    for n, (s, e) in enumerate(after[:10]):  # later in the clause: "ett 30-tal personer i nätverken dömdes"
        word = text[s:e]
        clean = word.rstrip(_TRAIL).lower()
        if clean in cue:
            return cue[clean]
        if clean in stops or len(clean) != len(word):
            if word.endswith(","):
                return _after_aside(text, after[n + 1:], cues)
            break
    if not after and text[ne:ne + 1] == ",":  # "Två män, 25 och 31 år gamla, har gripits"
        return _after_aside(text, _tokens_after(text, ne + 1, 16), cues)
    return None


def _after_aside(text, after, cues):
    """The cue right after one aside between commas: "Två män i 30-årsåldern,
    båda från Umeå, greps" (after is the words after the first comma)."""
    cue, links = cues["cue"], cues["link"]
    for n, (s, e) in enumerate(after[:12]):
        word = text[s:e]
        if word.endswith(","):
            for s2, e2 in after[n + 1:n + 3]:
                verb = text[s2:e2].rstrip(_TRAIL).lower()
                if verb in cue:
                    return cue[verb]
                if verb not in links:
                    break
            return None
        if word[-1:] in _TRAIL:
            return None  # the sentence or the clause ends inside the aside
    return None


def _substance(text, start, ne, after, cues):
    """(category, end) of "700 kilo narkotika"; else a substance earlier in the sentence."""
    subst = cues["substance"]
    for n in range(min(2, len(after))):
        s, e = after[n]
        word = text[s:e]
        clean = word.rstrip(_TRAIL)
        if clean.lower() in subst:
            return subst[clean.lower()], s + len(clean)
        if not clean.isalpha() or clean != word or not clean.islower():
            break
    lo = max(0, start - 150)
    cut = max(text.rfind("\n", lo, start), text.rfind(". ", lo, start))
    lo = cut + 1 if cut >= 0 else lo
    m = cues["substance_re"].search(text, lo, start)
    if m is not None:
        return subst.get(m.group().lower()), ne
    return None, ne


def _tidy(value):
    if value is None:
        return None
    return int(value) if value == int(value) else round(value, 6)


def _candidates(text: str, doc):
    """(start, end, form) of each noun of quantity_units.tsv that has a
    number among the four tokens before it."""
    numpy, attrs = _np()
    rows, heads, compound, form_re = _units()
    words, endings, shapes = _hashes()
    arr = doc.to_array(attrs)
    if not len(arr):
        return
    bits = _lookup(arr[:, 0], words) | _lookup(arr[:, 1], endings)
    nouns = numpy.flatnonzero(bits & _NOUN)
    if not len(nouns):
        return
    num = (bits & _NUM) | _lookup(arr[:, 2], shapes)  # a number word, "-tal", or digits
    seen = numpy.concatenate(([0], numpy.cumsum(num)))  # seen[i]: numbers among tokens before i
    nouns = nouns[seen[nouns] > seen[numpy.maximum(nouns - 4, 0)]]
    for i in nouns.tolist():
        tok = doc[i]
        s = tok.idx
        word = tok.lower_
        if word in heads:
            m = form_re.match(text, s)
            if m is not None:
                yield s, m.end(), " ".join(m.group().lower().split())
                continue
        for form in compound.get(word[-3:], ()):
            if len(word) > len(form) and word.endswith(form) and word[-len(form) - 1].isalpha():
                yield s, s + len(tok.text), form
                break


def find_quantities(text: str, found=None, doc=None) -> list[QuantityHit]:
    if doc is None:
        from .pipeline import nlp

        doc = nlp().make_doc(text)
    rows = _units()[0]
    cues = _cues()
    hits = []
    for ns, ne, form in _candidates(text, doc):
        hit = _read(text, ns, ne, rows[form], cues)
        if hit is not None:
            hits.append(hit)
    blocked = []
    if found is not None:
        blocked = sorted([(h.start, h.end) for h in found.money] + list(found.dates.spans))
    block_starts = [a for a, _ in blocked]
    block_max_end = list(accumulate((b for _, b in blocked), max))  # for overlap tests by bisect
    hits.sort(key=lambda h: (h.start, -h.end))
    out = []
    for h in hits:
        i = bisect_left(block_starts, h.end) - 1  # last blocked span starting before h ends
        if i >= 0 and block_max_end[i] > h.start:
            continue  # overlaps money or a page-date line
        if out and h.start < out[-1].end:
            continue  # "tre misstänkta personer" beats "tre misstänkta"
        out.append(h)
    return out


def find(found, doc) -> None:
    found.quantities = find_quantities(found.text, found, doc)
