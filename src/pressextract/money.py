"""Money amounts: "20,5 miljoner kronor", "drygt en miljon kronor", "1,2 mdkr",
"10–15 Mkr", "mellan 10 och 15 miljoner kronor", "$10", "2 kronor och 23 öre",
and list items that leave the currency out ("varav 9,3 miljoner Försäkringskassan").

Three passes over the text, each one compiled pattern:
1. explicit amounts: a number (digits, words, fraction or -tal) with an optional
   qualifier before it, an optional scale word, and a currency form after it;
   or a currency symbol/code before the number. Ranges and "mellan ... och"
   are one amount with value_max; after a verb of change ("ökade från 159 till
   324 miljoner kronor") they are two, the first taking the second's scale.
2. a number directly before an explicit amount and joined to it by
   "respektive"/"och"/"eller" ("20 respektive 30 miljoner kronor") borrows its
   scale and currency.
3. bare "NUMBER SCALE" ("9,3 miljoner") after an explicit amount in the same
   sentence, joined by a breakdown or list word: currency inherited.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

import regex

from . import numbers as N
from .data import table
from .hits import MoneyHit
from .patterns import words_alternation
from .segments import folded

SP = "[ \u00a0\u202f\u2009]"
S = SP + "{1,3}"  # bounded: 50,000 spaces between a number and "kronor" cannot backtrack


@lru_cache(maxsize=None)
def _currencies() -> tuple[dict, str, str]:
    """Every currency form with its (ISO code, scale), and the patterns of the
    forms written after and before a number."""
    forms = {}
    after: dict[bool, list] = {True: [], False: []}  # by "any case"
    before: dict[bool, list] = {True: [], False: []}
    for row in table("currencies.tsv"):
        form = row["form"]
        info = (row["iso"], float(row["scale"]))
        forms[form] = info
        any_case = row["case"] == "i"
        if any_case:
            forms[form.lower()] = info
        if row["position"] in ("after", "both"):
            after[any_case].append(form.lower() if any_case else form)
        if row["position"] in ("before", "both"):
            before[any_case].append(form.lower() if any_case else form)

    def pattern(groups, guard):
        parts = [words_alternation(groups[True], ignore_case=True, guard=guard)] if groups[True] else []
        if groups[False]:
            parts.append(words_alternation(groups[False], guard=guard))
        return "(?:" + "|".join(parts) + ")"

    return forms, pattern(after, r"(?![\p{L}\p{N}])"), pattern(before, "")


@lru_cache(maxsize=1024)
def currency_of(form: str) -> tuple[str, float]:
    forms = _currencies()[0]
    key = " ".join(form.replace("\u00a0", " ").split())
    return forms.get(key) or forms.get(key.lower()) or ("SEK", 1.0)


@lru_cache(maxsize=None)
def _context() -> dict:
    roles: dict[str, list[str]] = {}
    for row in table("money_context.tsv"):
        roles.setdefault(row["role"], []).append(row["word"])
    return roles


def _words_pattern(words) -> str:
    alts = sorted(words, key=len, reverse=True)
    return r"(?<!\p{L})(?i:" + "|".join(regex.escape(w).replace(r"\ ", "[ \u00a0]") for w in alts) + r")(?!\p{L})"


@lru_cache(maxsize=None)
def _patterns():
    _, after, before = _currencies()
    # Digits first: the most common form, and the cheapest to try. A longer
    # reading ("2 och en halv miljoner", "ett 40-tal miljoner") is reached by
    # backtracking when the short one cannot be followed by a currency.
    number = (
        f"(?:{N.DIGITS}|{N.word_number_pattern()}|{N.tal_pattern()}|{N.fraction_pattern()})"
    )
    # after a dash the guard against "-" before a digit run must not apply
    number2 = f"(?:{N.DIGITS_CORE}|{N.word_number_pattern()}|{N.tal_pattern()}|{N.fraction_pattern()})"
    scale = N.scale_pattern()
    qual = N.qualifier_pattern()
    cur_after, cur_before = after, before
    # One path for a single figure and a range ("10–15 Mkr"): the number is
    # read once, and n2 is set only for a range. For a single figure its
    # scale word is s1 ("5 miljoner kronor").
    explicit = regex.compile(
        rf"""
        (?:(?P<qual>{qual}){S})?
        (?:
            (?P<rng>(?<!\p{{L}})(?i:mellan|från)){S}(?P<n1>{number})(?:{S}(?P<s1>{scale}))?
                {S}(?i:och|till){S}(?P<n2>{number2})
          | (?P<n1>{number})(?:{S}(?P<s1>{scale}))?(?:{SP}{{0,2}}[–—-]{SP}{{0,2}}(?P<n2>{number2}))?
        )
        (?:{S}(?P<scale>{scale}))?
        {SP}{{0,3}}(?P<cur>{cur_after})
        (?:{S}(?i:och){S}(?P<ore>\d{{1,2}}){S}(?i:öre)(?!\p{{L}}))?
        |
        (?:(?P<qual>{qual}){S})?
        (?<![\p{{L}}\p{{N}}])(?P<cur>{cur_before}){SP}{{0,2}}(?P<n1>{N.DIGITS_CORE})(?:{S}(?P<scale>{scale}))?
        """,
        regex.X,
    )
    # A number just before an explicit amount, joined by a list word: "20 respektive 30 mkr".
    joiners = _words_pattern(["respektive", "och", "eller", "till"])
    # searched right to left ((?r)) from the amount it leads to: the first
    # attempt is the one that ends there, instead of one attempt per position
    lead = regex.compile(
        rf"(?r)(?:(?P<qual>{qual}){S})?(?P<n>{number})(?:{S}(?P<scale>{scale}))?"
        rf"(?:{S}(?P<j>{joiners})|(?P<j>,)){S}$"
    )
    bare = regex.compile(
        rf"(?:(?P<qual>{qual}){S})?(?P<n>{number}){S}(?P<scale>{scale})(?!{SP}{{0,3}}{cur_after})"
    )
    change = regex.compile(_words_pattern(_context()["change_verb"]))
    joined = regex.compile(
        _words_pattern(_context()["breakdown"] + _context()["list_joiner"]) + r"|[,;:(]"
    )
    return explicit, lead, bare, change, joined


@lru_cache(maxsize=None)
def _candidate_patterns():
    """Where an amount's number can start: a digit run, a number word, a
    currency sign or code before a number. Cheap to scan; the full patterns
    are then tried only at these places (and a few words before them, for
    "drygt", "mellan", "ett 40-tal"), which keeps extraction fast. Three
    patterns, not one alternation: each alone lets the regex engine skip
    ahead to its first characters, which one alternation of all cannot."""
    _, _, before = _currencies()
    return (regex.compile(r"(?<!\d)\d"),
            regex.compile(r"\b" + N.word_number_trie() + r"\b"),
            regex.compile(before + r"[ \u00a0]?\d"))


def _candidate_starts(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Sorted start positions of candidates in text[lo:hi]."""
    hi = len(text) if hi is None else hi
    out = set()
    for pattern in _candidate_patterns():
        out.update(m.start() for m in pattern.finditer(text, lo, hi))
    return sorted(out)


_WORD_STARTS = regex.compile(r"(?<![^\s(\[\"”»/])\S")


def _matches(pattern, text: str, lo: int = 0, hi: int | None = None, back: int = 28, positions=None):
    """Matches of ``pattern`` that cover a candidate position in [lo, hi)
    (or at the given sorted candidate ``positions``).

    Each candidate is tried from up to ``back`` characters before it (word
    starts only), earliest first, so "strax under 2 miljoner" starts at "strax".
    """
    hi = len(text) if hi is None else hi
    if positions is None:
        positions = _candidate_starts(text, lo, hi)
    last_end = lo
    for p in positions:
        if p < last_end:
            continue
        m = pattern.match(text, p)
        if m is None and not _RANGE_OPEN.search(text[max(last_end, p - 8):p]):
            continue  # a qualifier before a number that is no amount cannot make it one
        # a qualifier, "mellan" or "från" a few words back extends the match;
        # only worth trying when the word just before could end one
        prev = text[max(last_end, p - _STARTER_CHARS):p].rstrip().rsplit(None, 1)[-1:]
        if not prev or prev[0].lstrip("([\"”»«'").lower() not in _extenders():
            if m is not None:
                last_end = m.end()
                yield m
            continue
        starters = _starters()
        for ws in _WORD_STARTS.finditer(text, max(last_end, p - back), p):
            word = text[ws.start():ws.start() + _STARTER_CHARS].split(None, 1)[0].lstrip("([\"”»«'").lower()
            if word not in starters and word.rstrip(".") not in starters:
                continue  # only a qualifier or "mellan"/"från" can start a wider match
            wider = pattern.match(text, ws.start())
            if wider and wider.end() > p:
                m = wider
                break
        if m is not None:
            last_end = m.end()
            yield m


_STARTER_CHARS = 40  # longer than any first word of a qualifier


@lru_cache(maxsize=None)
def _starters() -> frozenset:
    """First words of qualifiers and range openers ("strax" of "strax under", "mellan")."""
    return frozenset({phrase.split()[0] for phrase in N.qualifiers()} | {"mellan", "från"})


@lru_cache(maxsize=None)
def _extenders() -> frozenset:
    """Last words of qualifiers and range openers ("drygt", "än" of "mer än", "mellan")."""
    words = {phrase.split()[-1] for phrase in N.qualifiers()}
    return frozenset(words | {"mellan", "från"})


@lru_cache(maxsize=None)
def _anchors():
    """An Aho-Corasick automaton of every currency form, lower-cased: one fast
    pass finds where amounts can end (or, for "$10", begin)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for row in table("currencies.tsv"):
        form = row["form"].lower()
        auto.add_word(form, (len(form), row["position"] in ("before", "both")))
    auto.make_automaton()
    return auto


def _candidates(text: str) -> list[int]:
    """Start positions of numbers that stand within reach of a currency form."""
    low = folded(text)
    out = set()
    windows = []  # (lo, hi): up to 64 characters before each currency form, merged
    n = len(low)
    for end, (length, before) in _anchors().iter(low):
        start = end - length + 1
        if low[start].isalpha() and (start > 0 and low[start - 1].isalpha()
                                     and not low[start - 1] in "mtk"):
            continue  # inside a word ("skr" in "skriver"); m/t/k prefix scales ("mkr") are forms of their own
        if end + 1 < n and low[end].isalpha() and low[end + 1].isalpha():
            continue  # "kr" in "krav": the form runs on into a word
        if before:
            out.add(start)
        lo = max(start - 64, 0)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = start
        elif lo < start:
            windows.append([lo, start])
    digits, words, _ = _candidate_patterns()
    for lo, hi in windows:
        out.update(m.start() for m in digits.finditer(text, lo, hi))
        out.update(m.start() for m in words.finditer(text, lo, hi))
    return sorted(out)


_RANGE_OPEN = regex.compile(r"(?r)(?i:mellan|från)[ \u00a0]+$")  # used on a short slice


@lru_cache(maxsize=4096)  # the same figures come back text after text
def _num(s: str | None) -> float | None:
    return N.parse_number(s) if s else None


def _qualifier(m, n: str | None) -> str | None:
    q = N.qualifier_of(m.group("qual")) or N.inner_qualifier(n)
    if q is None and n and "tal" in n.lower():
        q = "approx"
    return q


@lru_cache(maxsize=None)
def _vague_before():
    return regex.compile("(?r)" + _words_pattern(_context()["vague"]) + r"[ \u00a0]+$")


def _explicit(text: str, found, explicit, change) -> list[MoneyHit]:
    hits = []
    vague = _vague_before()
    for m in _matches(explicit, text, positions=_candidates(text)):
        if vague.search(text[max(0, m.start() - 14):m.start()]):
            continue  # "flera hundra tusen kronor": a vague sum
        n = m.group("n1") if m.group("n2") is None else None  # a single figure
        scale_word = m.group("scale")
        if n is not None and m.group("s1"):
            if scale_word:
                continue  # "5 miljoner tusen kronor": two scale words
            scale_word = m.group("s1")
        if n and not scale_word and n.lower() in ("en", "ett") and currency_of(m.group("cur"))[1] == 1:
            continue  # "varje krona", "en krona som går tillbaka": an idiom, not a sum
        iso, cur_scale = currency_of(m.group("cur"))
        scale = N.scale_value(scale_word) * cur_scale
        start = m.start()
        if n is not None:
            value = _num(n)
            if not value:
                continue  # "0 kronor" is no sum
            value *= scale
            if m.group("ore"):
                value += int(m.group("ore")) / 100
            hits.append(MoneyHit(start, m.end(), N.round_value(value), None, iso, _qualifier(m, n)))
            continue
        v1, v2 = _num(m.group("n1")), _num(m.group("n2"))
        if v1 is None or v2 is None:
            continue
        if m.group("s1"):
            s1 = N.scale_value(m.group("s1")) * cur_scale
        elif scale_word and v1 >= 1000:
            s1 = cur_scale  # "mellan 30 000 och 5,5 miljoner kronor": a figure in full keeps its own
        else:
            s1 = scale  # "10–15 miljoner", "från 159 till 324 miljoner": the second's scale
        qual = N.qualifier_of(m.group("qual"))
        # After a verb of change the two figures are two amounts (from -> to).
        line_start = max(0, text.rfind("\n", 0, start), text.rfind(".", 0, start), start - 80)
        if m.group("rng") and m.group("rng").lower() == "från" and change.search(text, line_start, start):
            n1s, n1e = m.span("n1")
            end1 = m.end("s1") if m.group("s1") else n1e
            hits.append(MoneyHit(n1s, end1, N.round_value(v1 * s1), None, iso, None, False, True))
            hits.append(MoneyHit(m.start("n2"), m.end(), N.round_value(v2 * scale), None, iso, None))
            continue
        if v2 * scale < v1 * s1:
            continue  # "2020-15 kronor" and the like: not a range
        hits.append(MoneyHit(start, m.end(), N.round_value(v1 * s1), N.round_value(v2 * scale), iso, qual))
    return hits


_JOINER_ENDINGS = ("respektive ", "och ", "eller ", "till ", "respektive\u00a0", "och\u00a0", "till\u00a0")


def _leading(text: str, hits: list[MoneyHit], lead, change) -> list[MoneyHit]:
    """ "20 respektive 30 miljoner kronor": the first number borrows scale and
    currency. A number so found may have a further one before it, joined by
    a comma: "5, 10 respektive 15 miljoner kronor" (a comma alone never joins
    a number to a written amount: "Under 2020, 5 miljoner kronor")."""
    extra = []
    # hits are in text order and never overlap; a lead lies between the hit it
    # is found from and the hit before that, so it can only overlap that one
    # (and a chain of leads goes leftwards, each ending where the last starts)
    hit_starts = [h.start for h in hits]
    todo = [(hit, False) for hit in hits]
    while todo:
        hit, chained = todo.pop()
        if hit.value_max is not None:
            continue
        before = text[max(0, hit.start - 12):hit.start].lower()
        comma = before.rstrip(" \u00a0").endswith(",")
        if not before.endswith(_JOINER_ENDINGS) and not (chained and comma):
            continue  # cheap test first: the joining word must end right before
        window_start = max(0, hit.start - 60)
        m = lead.search(text, window_start, hit.start)
        if not m or m.end() != hit.start:
            continue
        j = m.group("j").lower()
        if j == "," and not chained:
            continue
        if j == "till":
            line_start = max(0, text.rfind("\n", 0, m.start()), text.rfind(".", 0, m.start()), m.start() - 80)
            if not change.search(text, line_start, m.start()):
                continue
        i = bisect_left(hit_starts, m.end()) - 1  # the last hit starting before this lead ends
        if i >= 0 and hits[i].end > m.start():
            continue
        n = m.group("n")
        if _YEARLIKE.fullmatch(n) and not m.group("scale"):
            continue  # "2020 och 5 miljoner kronor": a year, not a figure
        value = _num(n)
        if value is None:
            continue
        # scale: its own if written, else the explicit amount's value / its number
        if m.group("scale"):
            scale = N.scale_value(m.group("scale"))
        else:
            own = _own_number(text, hit)
            scale = hit.value / own if own else 1.0
        end = m.end("scale") if m.group("scale") else m.end("n")
        new = MoneyHit(m.start(), end, N.round_value(value * scale), None, hit.currency,
                       N.qualifier_of(m.group("qual")), False)
        extra.append(new)
        todo.append((new, True))
    extra.sort(key=lambda h: h.start)
    return extra


_NUM_IN = None


def _own_number(text: str, hit: MoneyHit) -> float | None:
    """The bare number of an explicit amount (20 in "20 miljoner kronor")."""
    global _NUM_IN
    if _NUM_IN is None:
        _NUM_IN = regex.compile(
            f"(?:{N.fraction_pattern()}|{N.tal_pattern()}|{N.DIGITS}|{N.word_number_pattern()})")
    for m in _NUM_IN.finditer(text, hit.start, hit.end):
        return _num(m.group())
    return None


_FOLLOW_OK = regex.compile(r"[ \u00a0]*(?:$|[^\p{L}]|\p{Lu}|(?:i|till|från|av|för|på|och|samt|har|avser|gäller|är|var|som|inom|under|vardera|styck|per|kr)(?!\p{L}))")


def _scale_positions(low: str, lo: int, hi: int) -> list[int]:
    """Where a scale word ("miljoner", "milj.", "tusen", "md") starts in low[lo:hi]."""
    out = []
    for stem in _scale_stems():
        i = low.find(stem, lo, hi)
        while i >= 0:
            out.append(i)
            i = low.find(stem, i + 1, hi)
    return out


@lru_cache(maxsize=None)
def _scale_stems() -> tuple:
    words = sorted(N._words()["scales"], key=len)
    stems = []
    for w in words:
        w = w.lower().rstrip(".")
        if not any(w.startswith(s) for s in stems):
            stems.append(w)
    return tuple(stems)


def _bare(text: str, found, hits: list[MoneyHit], bare, joined) -> list[MoneyHit]:
    """ "varav 9,3 miljoner Försäkringskassan": a bare scaled figure after an amount."""
    if not hits:
        return []
    extra = []
    low = None
    sentences = found.sentences or [(0, len(text))]
    starts = [h.start for h in hits]
    for s_start, s_end in sentences:
        # only sentences with an explicit amount can lend a currency
        i = bisect_left(starts, s_start)
        inside = []
        while i < len(hits) and hits[i].start < s_end:
            inside.append(hits[i])
            i += 1
        if not inside:
            continue
        if low is None:
            low = folded(text)
        # amounts never overlap and come in text order: their ends are sorted too
        in_starts = [h.start for h in inside]
        in_ends = [h.end for h in inside]

        def covered(a: int, b: int) -> bool:  # does [a, b) overlap an amount of the sentence?
            j = bisect_left(in_starts, b) - 1
            return j >= 0 and in_ends[j] > a

        # a scale word outside the amounts already found, or nothing to do
        scales = [p for p in _scale_positions(low, inside[0].end, s_end) if not covered(p, p + 1)]
        if not scales:
            continue
        positions = sorted({c for p in scales for c in _candidate_starts(text, max(s_start, p - 30), p)})
        first_extra = len(extra)
        for m in _matches(bare, text, s_start, s_end, positions=positions):
            if covered(m.start(), m.end()):
                continue
            j = bisect_right(in_ends, m.start()) - 1  # the last amount that ends before it
            parent = inside[j] if j >= 0 else None
            if len(extra) > first_extra and extra[-1].end <= m.start() \
                    and (parent is None or extra[-1].end > parent.end):
                parent = extra[-1]  # a bare figure found just before ("9,3 miljoner ..., 2,5 miljoner")
            if parent is None:
                continue
            if not joined.search(text, parent.end, m.start()):
                continue
            if not _FOLLOW_OK.match(text, m.end()):
                continue  # "9,3 miljoner människor"
            value = _num(m.group("n"))
            if value is None:
                continue
            q = N.qualifier_of(m.group("qual"))
            extra.append(MoneyHit(m.start(), m.end(), N.round_value(value * N.scale_value(m.group("scale"))),
                                  None, parent.currency, q, False))
    return extra


@lru_cache(maxsize=None)
def _unscaled_part():
    """ "varav 800 000 i kontanter": a figure without scale or currency right
    after a breakdown word."""
    words = _words_pattern([w for w in _context()["breakdown"] if " " not in w])
    return regex.compile(
        words + rf"{S}(?:(?P<qual>{N.qualifier_pattern()}){S})?(?P<n>{N.DIGITS})"
        rf"(?!{SP}{{0,3}}(?:{N.scale_pattern()}|{_currencies()[1]}|%|procent))"
    )


_YEARLIKE = regex.compile(r"(?:19|20)\d\d")


def _unscaled_parts(text: str, found, hits: list[MoneyHit]) -> list[MoneyHit]:
    """A figure in full ("800 000") after "varav"/"därav" breaks down the
    amount before it in the sentence and takes its currency; only figures of
    1,000 or more that are smaller than that amount count, so "varav 3 i
    Stockholm" (persons) stays out."""
    if not hits or found is None:
        return []
    low = folded(text)
    if "varav" not in low and "därav" not in low:
        return []
    starts = [h.start for h in hits]
    extra = []
    for s_start, s_end in found.sentences or [(0, len(text))]:
        i = bisect_left(starts, s_start)
        if i >= len(hits) or hits[i].start >= s_end:
            continue
        for m in _unscaled_part().finditer(text, hits[i].end, s_end):
            j = bisect_right(starts, m.start()) - 1
            parent = hits[j]
            if parent.end > m.start("n") or not _FOLLOW_OK.match(text, m.end()):
                continue
            value = _num(m.group("n"))
            if value is None or value < 1000 or value >= parent.value or _YEARLIKE.fullmatch(m.group("n")):
                continue
            extra.append(MoneyHit(m.start("qual") if m.group("qual") else m.start("n"), m.end(),
                                  N.round_value(value), None, parent.currency,
                                  N.qualifier_of(m.group("qual")), False))
    return extra


@lru_cache(maxsize=None)
def _value_frame():
    """ "värd", "ett gatuvärde av", "belopp på" right before a scaled figure."""
    words = _words_pattern(_context()["value_frame"])
    return regex.compile(words + r"(?:[ \u00a0]+(?i:av|på|om|till|uppgående\s+till))?[ \u00a0]+"
                         rf"(?:(?P<qual>{N.qualifier_pattern()})[ \u00a0]+)?$")


def _framed(text: str, hits: list[MoneyHit], bare) -> list[MoneyHit]:
    """ "kokain till ett gatuvärde av 100 miljoner": a scaled figure with no
    currency after a word of value is a sum in kronor."""
    low = text.lower() if len(text.lower()) == len(text) else text
    positions = [p for p in _scale_positions(low, 0, len(text)) if low[p:p + 4] in ("milj", "mn", "md", "mdr")]
    if not positions:
        return []
    starts = [h.start for h in hits]
    frame = _value_frame()
    extra = []
    for p in sorted(positions):
        i = bisect_right(starts, p) - 1
        if i >= 0 and hits[i].end > p:
            continue  # part of an amount already found
        for c in _candidate_starts(text, max(0, p - 24), p):
            m = bare.match(text, c)
            if m is None or m.end("scale") <= p or (extra and extra[-1].end > m.start()):
                continue
            lead_start = m.start("qual") if m.group("qual") else m.start("n")
            window = max(0, lead_start - 50)
            f = frame.search(text[window:lead_start])
            if not f:
                break
            start, qual = m.start(), m.group("qual")
            if f.group("qual"):  # "värd omkring 30 miljoner"
                start, qual = window + f.start("qual"), f.group("qual")
            value = _num(m.group("n"))
            if value:
                extra.append(MoneyHit(start, m.end(), N.round_value(value * N.scale_value(m.group("scale"))),
                                      None, "SEK", N.qualifier_of(qual), False))
            break
    return extra


def find_amounts(text: str, found=None) -> list[MoneyHit]:
    explicit, lead, bare, change, joined = _patterns()
    hits = _explicit(text, found, explicit, change)
    hits += _leading(text, hits, lead, change)
    hits.sort(key=lambda h: h.start)
    if found is not None:
        hits += _bare(text, found, hits, bare, joined)
        hits.sort(key=lambda h: h.start)
        parts = _unscaled_parts(text, found, hits)
        if parts:
            hits = sorted(hits + parts, key=lambda h: h.start)
    framed = _framed(text, hits, bare)
    if framed:
        hits = sorted(hits + framed, key=lambda h: h.start)
    skip = sorted(found.dates.spans) if found is not None else []
    if not skip:
        return hits
    skip_starts = [a for a, _ in skip]
    out = []
    for h in hits:  # amounts on page-date lines ("Publicerad ...") are furniture
        i = bisect_right(skip_starts, h.start) - 1
        if i < 0 or h.start >= skip[i][1]:
            out.append(h)
    return out


def find(found, doc) -> None:
    found.money = find_amounts(found.text, found)
