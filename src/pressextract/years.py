"""Years: explicit mentions, relative forms, their resolution, and the reporting year.

Explicit mentions
    A four-digit number from 1900 to 2100 standing on its own: "2020",
    "år 2020", "under 2020", "sedan 2009", "sommaren 2009", "(2020)", the
    genitive "2020 års" / "2020:s" (the span takes the ending), both ends of
    "2019/2020", "2020/21" and "2013–2018", and the year of a date in the
    running text ("den 3 mars 2020", "2021-03-31", "31.3.2021"). Page date
    lines ("Publicerad ...", found by dates.py) are furniture, not mentions.
    Not years: numbers inside money or quantity spans (those finders run
    first), a number next to another digit group ("1 2020", "2020 500"), a
    number after a count word or before a unit ("drygt 2000", "2020 kronor",
    "1100 års fängelse"), case and statute numbers ("2020/1234",
    "dnr 2021-1234", "SFS 2020:123"), decimals, clock times, "2000-talet".
    The cue words live in data/year_cues.tsv; each hit also gets a role from
    them: since ("sedan 2009", "startade 2009"), compare ("jämfört med
    2019"), deadline ("senast den 1 oktober 2024"), report ("resultaten för
    2019", "2020 års") or period ("under 2020", "år 2020"). A year that ends
    a full date in the running text is marked in_date.

Relative forms
    The phrases of data/relative_years.tsv ("förra året", "i fjol", "i år",
    "året innan", "under året", ...) with an offset (years back) and an
    anchor: the release's date, the year named just before, or the year in
    focus. Their role comes from the table (genitives such as "förra årets"
    frame results) or from the cue before them ("under förra året": period).

Resolution (resolve)
    - date anchor: the year of published, else of modified, less the offset.
      With no date known, the reporting year the text states explicitly is
      used, and the DECISION is: a past form ("förra året", "i fjol") then
      refers to the reporting year itself, because a release that states a
      reporting year and says "förra året" reports on that year from the year
      after (the region Mitt seed: "(2020)" and "under förra året"). So
      offset 1 gives the reporting year, offset 2 the year before it; "i år"
      also gives the reporting year and "nästa år" the year after. With
      neither, the latest full date in the running text stands in for the
      date ("Domen kom den 21 mars 2023 ... förra året": 2022).
    - named anchor ("året innan", "samma år", "föregående år"): the year in
      focus before it (below), less the offset; with none, as for the date
      anchor.
    - focus ("under året"): the last year named or resolved before it that is
      not a starting point, comparison or deadline ("inleddes 2009 ... året
      innan" is not 2008), else the reporting year, else the year of the
      date, else of the latest full date in the text.
    What cannot be resolved keeps year None and yields a warning.

Reporting year (reporting_year): the year the release's results are about.
Each explicit mention scores for its year; the highest score wins.
  strong forms:
    8  a year (or range) closing a heading or label line: "Resultat i siffror
       (2020):", "Resultat 2017", "Plan för 2013–2015"
    6  a report form in the first paragraphs ("2020 års ...", "resultaten för
       2019", "summerar 2018"); 3 further down
    4  any other year in the title
  weak forms:
    2  "under 2020" / "år 2020" in the first paragraphs
    1  any other year in the first paragraphs
  never: starting points, comparisons and deadlines.
When strong forms exist, all scores add up and a tie goes to the year named
first. A release with a date (published, modified, or a full date in its
running text) and no strong form: None, and the fallback decides, since such
a release names background years ("anmäldes 2016") that are not what it
reports. A release with no date and only weak forms: the highest score, a
tie going to the latest year (the one nearest the release's own time). The
first paragraphs are the title and the first two paragraphs of prose (a
block of at least 60 characters; captions and menu words do not count).

reporting_year_fallback, after relative years are resolved. A dated
release (published, else modified, else the latest full date in its running
text) reports on its own year, unless its first paragraphs give enough
evidence for an earlier year: 2 votes, where a framed relative form ("under
förra året", "förra årets resultat", "i fjol" in the title) gives 2, and a
bare one ("tog förra året in ...") or "under 2024" gives 1; "under 2024" in a
release of 2024 gives its own year 2, and a tie goes to the release's own
year. So "Myndigheten tog förra året in ... Under 2024 kom ..." in a
release of 2025 is about 2024, while "Tingsrätten friade honom i fjol ..."
in a ruling of 2023 is about 2023. With no date at all: the year most named by report or period forms
further down (the latest on a tie), else None.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from types import SimpleNamespace

import regex

from . import segments
from .data import split, table
from .hits import YearHit

YEAR_MIN, YEAR_MAX = 1900, 2100
_SP = "[ \t\u00a0\u202f\u2009]"
_BEFORE_WINDOW = 70  # characters looked at before a number for its cue
_AFTER_WINDOW = 40
_MAX_FILLERS = 4
_LEAD_PARAGRAPHS = 2
_PROSE_MIN = 60
_HEADING_MAX = 120  # a heading or label line is at most this long

_SP_CHARS = " \t\u00a0\u202f\u2009"  # the characters of _SP
_TAIL_SEPS = ("-", "–", "—", "/")
_TAIL_STARTS = _TAIL_SEPS  # "-03-31" starts with "-" too

_ROLES = ("since", "compare", "deadline", "report", "period")
_NOT_FOCUS = ("since", "compare", "deadline")  # mentions that are not the year in focus
_YEAR_PREFIXES = tuple(sorted({str(y)[:2] for y in range(YEAR_MIN, YEAR_MAX + 1)}))

# votes for an earlier year in a dated release (reporting_year_fallback)
_V_FRAMED, _V_BARE, _V_ENOUGH = 2, 1, 2

_W_HEADING, _W_REPORT_LEAD, _W_REPORT, _W_TITLE, _W_PERIOD_LEAD, _W_LEAD = 8, 6, 3, 4, 2, 1


def _tok(ch: str) -> str:
    return r"\s++" if ch == " " else regex.escape(ch)


def phrase_pattern(words) -> str:
    """Whole words or phrases, case as given (use with (?i)), as a prefix tree:
    one branch per letter, so a failed match costs a letter compare, not one
    try per word (a flat alternation of a hundred words is ~40x slower).
    A space in a phrase matches any run of white space."""
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def after(node: dict, ch: str) -> str:
        alts = [_tok(c) + after(sub, c) for c, sub in sorted(node.items()) if c]
        if "" in node:  # a word may end here; longer ones are tried first
            alts.append(r"(?!\w)" if ch.isalnum() else "")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    alts = [(r"(?<!\w)" if c.isalnum() else "") + _tok(c) + after(sub, c)
            for c, sub in sorted(root.items())]
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


def _suffix_words(words) -> str:
    """Like _words, but a tree of endings: for patterns matched backwards (?r)."""
    root: dict = {}
    for w in set(words):
        node = root
        for ch in reversed(w.lower()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def before(node: dict, ch: str) -> str:
        alts = [before(sub, c) + _tok(c) for c, sub in sorted(node.items()) if c]
        if "" in node:  # a word may start here
            alts.append(r"(?<!\w)" if ch.isalnum() else "")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    alts = [before(sub, c) + _tok(c) + (r"(?!\w)" if c.isalnum() else "")
            for c, sub in sorted(root.items())]
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


@lru_cache(maxsize=None)
def _relative() -> dict[str, tuple]:
    out = {}
    for row in table("relative_years.tsv"):
        offset = int(row["offset"]) if row["offset"] else None
        out[" ".join(row["phrase"].lower().split())] = (offset, row["anchor"], row.get("role") or None)
    return out


def _anchors(phrases) -> list[str]:
    """The fewest substrings (two letters or more) that every phrase contains one of.

    Scanning the text for these is much faster than trying every phrase at
    every position; the phrases are then matched only around the anchors.
    """
    remaining = set(phrases)
    out = []
    while remaining:
        counts: dict[str, int] = {}
        for p in remaining:
            subs = {p[i:j] for i in range(len(p)) for j in range(i + 2, len(p) + 1)}
            for sub in subs:
                if not sub.isspace() and sub.strip() == sub:
                    counts[sub] = counts.get(sub, 0) + 1
        best = max(sorted(counts), key=lambda sub: (counts[sub], len(sub)))
        out.append(best)
        remaining = {p for p in remaining if best not in p}
    return out


@lru_cache(maxsize=None)
def _patterns() -> SimpleNamespace:
    cues: dict[tuple, list] = {}
    for row in table("year_cues.tsv"):
        cues.setdefault((row["position"], row["role"]), []).append(row["cue"])
    months = [n for row in table("months.tsv") for n in split(row["names"])]
    fillers = _suffix_words(cues.get(("before", "filler"), []) + months) + r"|\d{1,2}\.?(?!\d)"
    roles = _ROLES
    framed = "|".join(f"(?P<{r}>{_suffix_words(cues.get(('before', r), []))})" for r in roles)
    phrases = list(_relative())
    anchors = _anchors(phrases)
    # the last words of the cues and fillers: a year after any other word has no cue
    befores = [c.lower() for (position, _), words in cues.items() if position == "before" for c in words]
    last_words = {regex.search(r"\w+$", c).group() for c in befores + months if c[-1:].isalnum()}
    return SimpleNamespace(
        # matched backwards from the number: the cue, then up to a few filler words
        before=regex.compile(
            rf"(?r)(?i)(?:(?P<not_year>{_suffix_words(cues.get(('before', 'not_year'), []))}):?\s*+"
            rf"|(?:{framed})(?:\s++(?:{fillers})\.?,?){{0,{_MAX_FILLERS}}}\s*+)\Z"),
        after=regex.compile(
            rf"(?i)(?:{_SP}*+(?P<not_year>{phrase_pattern(cues.get(('after', 'not_year'), []))})"
            rf"|{_SP}?+(?P<genitive>{phrase_pattern(cues.get(('after', 'report'), []))}))"),
        # the day and month of a date before its year ("31.3.", "1/7 "), matched backwards
        day_month=regex.compile(rf"(?r)(?<![\d.,/])\d{{1,2}}(?:\.\d{{1,2}}\.|/\d{{1,2}}(?:/|{_SP}))\Z"),
        # "21 mars " / "21:a mars, " before a year: the year of a full date
        day_month_name=regex.compile(
            rf"(?r)(?i)(?<![\d.,/])\d{{1,2}}(?::[ae])?\.?{_SP}++{phrase_pattern(months)}\.?,?{_SP}++\Z"),
        # what may directly follow a year: a date's month and day, or the other end of a pair
        tail=regex.compile(
            rf"(?P<iso>-\d\d-\d\d(?!\d))"
            rf"|{_SP}?+(?P<sep>[-–—/]){_SP}?+(?P<y2>\d{{4}}|\d\d)(?!\d)"),
        # after a year these make it part of something else: a decimal, a digit
        # group, a statute or time ("2020:123"), a case number, a decade, a percentage
        bad_tail=regex.compile(rf"[.,:]\d|{_SP}\d{{3}}(?!\d)|[-–—/]\d|-tal|%|\w"),
        relative=regex.compile(rf"(?i:{phrase_pattern(phrases)})"),
        # the anchors as written in lower case, upper case and capitalised
        anchors=sorted({form for a in anchors for form in (a, a.upper(), a.capitalize())}),
        anchors_lower=sorted(set(anchors)),
        longest=max(map(len, phrases), default=0),
        # anchors with white space in them would be found differently in the
        # shared lower-case copy (white space there is one space)
        anchors_plain=not any(c.isspace() for a in anchors for c in a),
        cue_last_words=frozenset(last_words) if all(
            c in segments.CASELESS_LETTERS for w in last_words for c in w if c.isalpha()) else None,
    )


def _occurrences(text: str, needles, lo: int = 0, hi: int | None = None) -> list[int]:
    """Start offsets of the needles in the text (starting in text[lo:hi]),
    sorted. str.find runs in C and is many times faster than any regex pass
    over the whole text."""
    out = []
    find = text.find
    hi = len(text) if hi is None else hi
    for needle in needles:
        i = find(needle, lo, hi + len(needle) - 1)
        while i >= 0:
            out.append(i)
            i = find(needle, i + 1, hi + len(needle) - 1)
    out.sort()
    return out


_last_years = (None, ())


def year_starts(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Start offsets of four-digit groups from YEAR_MIN to YEAR_MAX, in text
    order (only those starting in text[lo:hi]). Page dates and years both
    ask for the whole text: the last answer is kept."""
    global _last_years
    whole = lo == 0 and hi is None
    if whole and _last_years[0] is text:
        return list(_last_years[1])
    out = []
    n = len(text)
    for i in _occurrences(text, _YEAR_PREFIXES, lo, n if hi is None else hi):
        digits = text[i:i + 4]
        if (len(digits) == 4 and digits.isdecimal() and YEAR_MIN <= int(digits) <= YEAR_MAX
                and (i == 0 or not text[i - 1].isdecimal())
                and (i + 4 == n or not text[i + 4].isdecimal())):
            out.append(i)
    if whole:
        _last_years = (text, tuple(out))
    return out


def _relative_matches(text: str):
    """The relative phrases in the text, found around their anchors."""
    pats = _patterns()
    margin = pats.longest + 8  # room for a phrase with a few extra spaces
    windows: list[list[int]] = []
    if pats.anchors_plain and "\u0130" not in text:
        # the shared lower-case copy is text.lower() but for white space, and
        # only "İ" lower-cases to more than one character
        found = _occurrences(segments.folded(text), pats.anchors_lower)
    else:
        low = text.lower()
        # one search per anchor in a lower-case copy; if lower-casing changed the
        # length (rare letters like "İ"), offsets would shift: search each case form
        found = _occurrences(low, pats.anchors_lower) if len(low) == len(text) else _occurrences(text, pats.anchors)
    for a in found:
        ws, we = max(0, a - margin), min(len(text), a + margin)
        if windows and ws <= windows[-1][1]:
            windows[-1][1] = we
        else:
            windows.append([ws, we])
    for ws, we in windows:
        for m in pats.relative.finditer(text, ws, we):
            # the window's end is not the text's end: the word must end here too
            if m.end() == we and we < len(text) and text[we].isalnum():
                continue
            yield m


def _phrase_key(phrase: str) -> str:
    """The table key of a relative phrase as the text writes it. The pattern
    matches "İ" as i and "ſ" as s (lower case makes them "i̇" and "ſ")."""
    key = " ".join(phrase.lower().split())
    return key.replace("i\u0307", "i").replace("\u017f", "s")


def _skip_spans(found) -> list[tuple[int, int]]:
    spans = list(found.dates.spans)
    spans += [(m.start, m.end) for m in found.money]
    spans += [(q.start, q.end) for q in found.quantities if getattr(q, "unit", None) != "year"]
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _inside(spans, starts, pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _glued_before(text: str, s: int) -> bool:
    """True when the number continues something else: "1 2020", "12.2020",
    "AM-2020", "X2020", "polisen.se/2020"."""
    if s == 0:
        return False
    c1 = text[s - 1]
    if c1.isalnum() or c1 in "_/":
        return True
    if s < 2:
        return False
    c2 = text[s - 2]
    if c1 in " \u00a0\u202f\u2009\t" and c2.isdecimal():
        # glued to a digit group, unless that is a year of its own ("2019 2020" in a table)
        prev = text[max(0, s - 5):s - 1]
        return not (len(prev) == 4 and prev.isdecimal() and YEAR_MIN <= int(prev) <= YEAR_MAX
                    and (s < 6 or not text[s - 6].isdecimal()))
    return c1 in "-–—.,:" and c2.isalnum()


def _no_cue(text: str, s: int, lo: int, last_words) -> bool:
    """True when the word before s (one or more spaces between) is plain
    letters and the last word of no cue or filler: the "before" pattern
    cannot match then, and this costs a tenth of trying it."""
    k = s
    while k > lo and text[k - 1] == " ":
        k -= 1
    i = text.rfind(" ", lo, k) + 1
    if k == s or i <= lo or last_words is None:
        return False
    word = text[i:k]
    return (word.isalpha() and max(word) < "\u0250" and "\u0130" not in word and "\u017f" not in word
            and word.lower() not in last_words)


def _role(text: str, s: int):
    """The cue before a year: 'not_year', a role, or None."""
    pats = _patterns()
    lo = max(0, s - _BEFORE_WINDOW)
    if _no_cue(text, s, lo, pats.cue_last_words):
        return None
    # a reverse match is anchored at the end (s), as the pattern's \Z is
    m = pats.before.match(text, lo, s)
    if m is None:
        return None
    for name in ("not_year",) + _ROLES:
        if m.group(name) is not None:
            return name
    return None


def _explicit(text: str, s: int, e: int, year: int, role, hits: list, in_date: bool = False) -> int:
    """Checks what follows a year; appends the hit; returns where the mention ends (or -1)."""
    pats = _patterns()
    after = pats.after.match(text, e, min(len(text), e + _AFTER_WINDOW))
    if after is not None:
        if after.group("not_year") is not None:
            return -1
        e = after.end()
        role = "report"
    elif pats.bad_tail.match(text, e):
        return -1
    hits.append(YearHit(start=s, end=e, year=year, role=role, in_date=in_date))
    return e


def _pair_ok(y1: int, y2: int, sep: str, two_digits: bool) -> bool:
    if two_digits:
        return y2 == y1 + 1
    if not YEAR_MIN <= y2 <= YEAR_MAX or y2 <= y1:
        return False
    return y2 - y1 <= (1 if sep == "/" else 50)


def _day_month_before(text: str, s: int):
    """Start of "31.3." / "1/7 " right before the year at s, or None."""
    if s < 2 or not (text[s - 1] in "./" or text[s - 2].isdecimal()):
        return None
    m = _patterns().day_month.match(text, max(0, s - 8), s)
    return m.start() if m else None


def find(found, doc) -> None:
    text = found.text
    pats = _patterns()
    relative = _relative()
    spans = _skip_spans(found)
    starts = [s for s, _ in spans]
    hits: list[YearHit] = []
    for m in _relative_matches(text):
        if not _inside(spans, starts, m.start()):
            offset, anchor, role = relative[_phrase_key(m.group())]
            role = role or _role(text, m.start())
            hits.append(YearHit(start=m.start(), end=m.end(), year=None, relative=True,
                                offset=offset, anchor=anchor,
                                role=None if role == "not_year" else role))
    done = 0
    for s in year_starts(text):
        e = s + 4
        if s < done or _inside(spans, starts, s):
            continue
        y1 = int(text[s:e])
        day = _day_month_before(text, s)
        if day is not None:  # "31.3.2021", "1/7 2020": a date in the text
            role = _role(text, day)
            if role != "not_year" and not _inside(spans, starts, day):
                _explicit(text, s, e, y1, role, hits, in_date=True)
            continue
        if _glued_before(text, s):
            continue
        # "den 21 mars 2023" (the pattern ends in a space before the year)
        named = pats.day_month_name.match(text, max(0, s - 30), s) if s and text[s - 1] in _SP_CHARS else None
        role = _role(text, named.start() if named else s)
        if role == "not_year":
            continue
        # the tail pattern starts with a dash or slash, maybe after one space
        c = text[e:e + 1]
        t = pats.tail.match(text, e) if c and (c in _TAIL_STARTS or (
            c in _SP_CHARS and text[e + 1:e + 2] in _TAIL_SEPS)) else None
        if t is not None and t.group("iso"):  # "2021-03-31" in the running text
            done = t.end()
            hits.append(YearHit(start=s, end=e, year=y1, role=role, in_date=True))
            continue
        if t is not None:
            raw, sep = t.group("y2"), t.group("sep")
            y2 = int(raw)
            if len(raw) == 2:  # "2020/21", "1999/00"
                y2 += (y1 // 100) * 100
                y2 += 100 if y2 <= y1 else 0
            done = t.end()
            if not _pair_ok(y1, y2, sep, len(raw) == 2):
                if len(raw) == 2 and sep == "-" and 1 <= int(raw) <= 12:  # "2020-12": a month
                    hits.append(YearHit(start=s, end=e, year=y1, role=role))
                continue  # "2020/1234", "dnr 2021-1234": a case number, not two years
            first = YearHit(start=s, end=e, year=y1, role=role)
            n = len(hits)
            if _explicit(text, t.start("y2"), t.end(), y2, role, hits) < 0:
                continue  # "2013–2018 kronor"
            hits.insert(n, first)
            continue
        end = _explicit(text, s, e, y1, role, hits, in_date=named is not None)
        if end > 0:
            done = end
    hits.sort(key=lambda h: h.start)
    found.years = hits


# --- resolution -------------------------------------------------------------

def _year_of(iso) -> int | None:
    if not iso:
        return None
    try:
        return int(str(iso)[:4])
    except ValueError:
        return None


def _text_date_year(found) -> int | None:
    """The year of the latest full date in the running text ("Domen kom den 21
    mars 2023"), deadlines left out: an undated release was written on or
    after it, so it stands in for the missing date."""
    years = [h.year for h in found.years if h.in_date and h.role not in _NOT_FOCUS]
    return max(years) if years else None


def _from_date(offset: int, date_year, reporting, text_year):
    if date_year is not None:
        return date_year - offset
    if reporting is not None:  # the decision in the module docstring
        return reporting - offset + 1 if offset >= 1 else reporting - offset
    if text_year is not None:
        return text_year - offset
    return None


def resolve(found, *, published, modified, reporting) -> list[str]:
    """Resolve relative year hits in place; returns warnings for unresolved ones."""
    date_year = _year_of(published) or _year_of(modified)
    text_year = _text_date_year(found)
    focus = None  # the last year resolved that is not a starting point, comparison or deadline
    warnings = []
    for hit in found.years:
        if hit.relative:
            if hit.anchor == "focus":
                hit.year = focus or reporting or date_year or text_year
            elif hit.anchor == "named" and focus is not None:
                hit.year = focus - hit.offset
            else:
                hit.year = _from_date(hit.offset, date_year, reporting, text_year)
            if hit.year is None:
                what = "the year in focus" if hit.offset is None else f"offset {hit.offset}"
                phrase = found.text[hit.start:hit.end]
                warnings.append(f"relative year not resolved: '{phrase}' ({what}): "
                                "no date and no reporting year")
                continue
        if hit.year is not None and hit.role not in _NOT_FOCUS:
            focus = hit.year
    return warnings


# --- reporting year -----------------------------------------------------------

_BLANK_LINE = regex.compile(r"\n[ \t\u00a0]*+(?=\n)")


def _lead_end(found) -> int:
    """End of the title and the first paragraphs of prose."""
    text = found.text
    prose = 0
    start = found.title_end or 0
    for m in _BLANK_LINE.finditer(text, start):
        if m.start() - start >= _PROSE_MIN and len(text[start:m.start()].strip()) >= _PROSE_MIN:
            prose += 1
            if prose >= _LEAD_PARAGRAPHS:
                return m.start()
        start = m.end()
    return len(text)


def _heading_line(text: str, s: int, e: int) -> bool:
    """A year (or range of years) at s:e closing a short heading or label line:
    "Resultat i siffror (2020):", "Resultat 2017", "Budget för 2013–2015"."""
    # bounded look-ups: a megabyte-long line must not be scanned once per year
    lo, hi = max(0, s - _HEADING_MAX), min(len(text), e + _HEADING_MAX)
    nl = text.rfind("\n", lo, s)
    if nl < 0 and lo > 0:
        return False
    line_start = nl + 1
    nl = text.find("\n", e, hi)
    if nl < 0 and hi < len(text):
        return False
    line_end = hi if nl < 0 else nl
    if line_end - line_start > _HEADING_MAX:
        return False
    before = text[line_start:s].rstrip()
    rest = text[e:line_end].strip()
    if before.endswith("(") and rest[:1] == ")":  # "(2020)" closing the line
        return rest[1:].strip() in ("", ":")
    # a bare year closing a heading: the line starts like a heading, not a list item
    return rest in ("", ":") and before[:1].isupper()


def _weights(text: str, hits: list, title_end: int, lead_end: int) -> list[tuple[int, bool]]:
    """(weight, strong) for each explicit hit; see the module docstring."""
    out = []
    for i, hit in enumerate(hits):
        if hit.role in _NOT_FOCUS:
            out.append((0, False))
            continue
        end = hit.end
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and 0 < nxt.start - hit.end <= 3 and not nxt.relative:
            end = nxt.end  # the first year of a range: "2013–2015" closing a heading
        in_lead = hit.start < lead_end
        if _heading_line(text, hit.start, end):
            out.append((_W_HEADING, True))
        elif hit.role == "report":
            out.append(((_W_REPORT_LEAD if in_lead else _W_REPORT), True))
        elif hit.start < title_end:
            out.append((_W_TITLE, True))
        elif in_lead:
            out.append(((_W_PERIOD_LEAD if hit.role == "period" else _W_LEAD), False))
        else:
            out.append((0, False))
    return out


def _best(scores: dict, first: dict, *, latest: bool = False):
    """The year with the highest score; a tie goes to the year named first,
    or with latest=True to the latest year."""
    if not scores:
        return None
    if latest:
        return max(scores, key=lambda y: (scores[y], y))
    return max(scores, key=lambda y: (scores[y], -first[y]))


def _date_year(found):
    return (_year_of(found.dates.published) or _year_of(found.published_hint)
            or _year_of(found.dates.modified) or _text_date_year(found))


def reporting_year(found):
    """The year the release's results are about, from explicit forms; or None.

    Strong forms decide when there are any (weak ones then add to their
    scores); weak forms alone decide only when the release has no date at
    all, since a dated release names background years ("anmäldes 2016")
    that are not what it reports.
    """
    text = found.text
    title_end = found.title_end if found.title else 0
    lead_end = _lead_end(found)
    explicit = [h for h in found.years if not h.relative]
    weights = _weights(text, explicit, title_end, lead_end)
    if not any(strong for _, strong in weights) and _date_year(found) is not None:
        return None
    scores: dict[int, int] = {}
    first: dict[int, int] = {}
    strong_found = False
    for hit, (w, strong) in zip(explicit, weights):
        if w:
            scores[hit.year] = scores.get(hit.year, 0) + w
            first.setdefault(hit.year, hit.start)
            strong_found = strong_found or strong
    # weak forms alone: the latest year named is the nearest to the release's own time
    best = _best(scores, first, latest=not strong_found)
    for hit, (_, strong) in zip(explicit, weights):
        hit.reporting = strong and hit.year == best
    return best


def reporting_year_fallback(found, *, published):
    """The reporting year when no explicit form states it (after relative years are resolved)."""
    date_year = _year_of(published) or _date_year(found)
    if date_year is None:
        # no date at all: a period or report form further down ("Under 2018 greps ...")
        scores: dict[int, int] = {}
        for hit in found.years:
            if not hit.relative and hit.role in ("report", "period"):
                scores[hit.year] = scores.get(hit.year, 0) + 1
        return _best(scores, {}, latest=True)
    # a dated release reports on its own year, unless its first paragraphs give
    # enough evidence for an earlier one (see the module docstring)
    title_end = found.title_end if found.title else 0
    lead_end = _lead_end(found)
    votes: dict[int, int] = {}
    first: dict[int, int] = {}
    for hit in found.years:
        if hit.year is None or hit.start >= lead_end or hit.year > date_year:
            continue
        if hit.relative and hit.anchor == "date":
            w = _V_FRAMED if hit.role in ("period", "report") or hit.start < title_end else _V_BARE
        elif not hit.relative and hit.role == "period":
            # "Under sommaren 2023" in a release of 2023 confirms its own year as
            # firmly as "förra årets säsong" points at the year before
            w = _V_FRAMED if hit.year == date_year else _V_BARE
        else:
            continue
        votes[hit.year] = votes.get(hit.year, 0) + w
        first.setdefault(hit.year, hit.start)
    best = _best(votes, first)
    if best is None or votes[best] < _V_ENOUGH or votes.get(date_year, 0) >= votes[best]:
        return date_year  # a tie goes to the release's own year
    return best
