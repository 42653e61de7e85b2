"""Page dates: when the page says the release was published and last changed.

Web pages put date lines around a release: "Publicerad 31 mars 2021",
"Publicerad: 2021-03-31 kl. 08.00", "Ändrad 4 augusti 2021 10:37",
"Uppdaterad 2021-08-04", or a bare dateline "31 mars 2021" near the top.
The labels live in data/page_dates.tsv, month and weekday names in
data/months.tsv and data/weekdays.tsv.

Rules:
- A labelled date stands at the start of a line or after a separator
  (| · • ; –). The first published label wins; of several modified labels the
  latest date wins.
- A line that holds nothing but a date (maybe after a place name: "Stockholm
  31 mars 2021"), among the first lines of the text, is a dateline: the
  published date when no label gives one.
- Output is an ISO date "2021-03-31", or "2021-08-04T10:37" when the page
  gives a time (seconds only when written).
- The spans of these lines go to PageDates.spans: they are page furniture,
  so years.py gives them no year mention.

Parsing: ISO, "D month YYYY", "month D, YYYY", "D.M.YYYY" and "D/M YYYY"
(each with an optional weekday, "den" and time) are read here with one
pattern. Anything else that follows a label and looks like a date (starts
with a digit, a weekday, a month or "den" and holds a four-digit group) goes
to dateparser, and only
that short span, with fixed settings so the result never depends on today's
date. dateparser is imported on first need, never at import time.
"""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache

import regex

from .data import split, table
from .hits import PageDates
from .segments import CASELESS_LETTERS, caseless_exact
from .years import phrase_pattern, year_starts

_SP = "[ \t\u00a0\u202f\u2009]"
_SEPARATORS = "|·•;–—"
_DATELINE_LINES = 6  # a bare date counts as a dateline within this many non-empty lines
_CANDIDATE_MAX = 40  # characters handed to dateparser at most


@lru_cache(maxsize=None)
def _months() -> dict[str, int]:
    return {name: int(row["month"]) for row in table("months.tsv") for name in split(row["names"])}


@lru_cache(maxsize=None)
def _patterns():
    months = phrase_pattern(_months())
    weekdays = phrase_pattern([n for row in table("weekdays.tsv") for n in split(row["names"])])
    labels = {" ".join(row["label"].lower().split()): row["field"] for row in table("page_dates.tsv")}
    time = (
        rf"(?:(?:{_SP}*+[,|·–-]?{_SP}*+(?:kl\.?|klockan)?{_SP}*+|T)"
        r"(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<ss>\d{2}))?(?!\d))?"
    )
    date = (
        rf"(?i:(?:(?:{weekdays})\.?,?{_SP}++)?(?:den{_SP}++)?)"
        r"(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?!\d)"
        rf"|(?P<td>\d{{1,2}})(?::[ae])?\.?{_SP}++(?i:(?P<tm>{months}))\.?,?{_SP}++(?P<ty>\d{{4}})(?!\d)"
        rf"|(?i:(?P<um>{months}))\.?{_SP}++(?P<ud>\d{{1,2}}),?{_SP}++(?P<uy>\d{{4}})(?!\d)"
        rf"|(?P<nd>\d{{1,2}})(?:\.(?P<nm>\d{{1,2}})\.|/(?P<nm2>\d{{1,2}})(?:/|{_SP}))(?P<ny>\d{{4}})(?!\d))"
        + time
    )
    label = (
        rf"{_SP}*+(?P<label>(?i:{phrase_pattern(labels)})){_SP}*+[:•·|–-]?{_SP}*+"
    )
    # what may follow a label and still be a date: a digit, a weekday, a month or "den"
    looks_like_date = rf"(?i:\d|(?:{weekdays}|{months}|den)(?!\w))"
    return (regex.compile(label), regex.compile(date), regex.compile(looks_like_date), labels,
            regex.compile(r"(?<!\d)\d{4}(?!\d)"))


def _iso(y: int, mo: int, d: int, hh=None, mi=None, ss=None) -> str | None:
    """ISO date, or datetime when a valid time is given; None for an impossible date."""
    try:
        day = _dt.date(y, mo, d)
    except ValueError:
        return None
    if hh is None:
        return day.isoformat()
    try:
        t = _dt.time(int(hh), int(mi), int(ss) if ss else 0)
    except ValueError:  # "25:99" is no time; the date still stands
        return day.isoformat()
    out = f"{day.isoformat()}T{t.hour:02d}:{t.minute:02d}"
    return out + f":{t.second:02d}" if ss else out


def parse(s: str, pos: int = 0, endpos: int | None = None):
    """A date at s[pos:] in one of the forms read here: (iso, end), where iso is
    None for an impossible date ("31 februari 2021"); None when no form matches."""
    m = _patterns()[1].match(s, pos, len(s) if endpos is None else endpos)
    if m is None:
        return None
    # groups() in the order of the pattern (groupdict costs ten times more)
    iy, im, id_, td, tm, ty, um, ud, uy, nd, nm, nm2, ny, hh, mi, ss = m.groups()
    if iy:
        y, mo, d = iy, im, id_
    elif ty:
        y, mo, d = ty, _months().get(tm.lower()), td
    elif uy:  # "mar 31, 2021", as some newsroom services write it
        y, mo, d = uy, _months().get(um.lower()), ud
    else:
        y, mo, d = ny, nm or nm2, nd
    return _iso(int(y), int(mo), int(d), hh, mi, ss), m.end()


_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_LOCALE_DATE_ORDER": False,
    # fixed: a relative word must never turn into a date that depends on today
    "RELATIVE_BASE": _dt.datetime(2000, 1, 1),
}


@lru_cache(maxsize=256)
def _dateparser(candidate: str) -> str | None:
    """dateparser on one short candidate span (never on the whole text)."""
    import dateparser  # lazy: heavy import, rarely needed

    got = dateparser.parse(candidate, languages=["sv"], settings=dict(_DATEPARSER_SETTINGS))
    if got is None:
        return None
    if got.hour or got.minute or got.second:
        return _iso(got.year, got.month, got.day, got.hour, got.minute, got.second or None)
    return got.date().isoformat()


def _fallback(text: str, start: int, line_end: int) -> str | None:
    _, _, looks_like_date, _, four_digits = _patterns()
    if not looks_like_date.match(text, start, line_end):
        return None
    end = min(line_end, start + _CANDIDATE_MAX)
    for sep in _SEPARATORS:  # stop at the next field of a "Publicerad ... | Ändrad ..." line
        cut = text.find(sep, start, end)
        if cut > start:
            end = cut
    candidate = text[start:end].strip()
    if not four_digits.search(candidate):  # no year written: nothing to anchor, no guessing
        return None
    return _dateparser(candidate)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# a place name before a dateline: one capitalised word, maybe a comma
_PLACE = regex.compile(rf"\p{{Lu}}[\p{{L}}-]*+,?{_SP}++")


def _datelines(text: str, skip=()):
    """Lines near the top that hold only a date: (iso, start, end); lines
    whose stripped span is in skip (labelled date lines) are passed over."""
    pos, seen = 0, 0
    n = len(text)
    while pos < n and seen < _DATELINE_LINES:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        s, e = _strip(text, pos, end)
        if e > s and (s, e) in skip:
            seen += 1
        elif e > s:
            seen += 1
            if not text[e - 1].isdecimal():  # every date form read here ends in a digit
                pos = end + 1
                continue
            got = parse(text, s, e)
            if got is None:  # "Stockholm 31 mars 2021", "Malmö, 2021-03-31"
                place = _PLACE.match(text, s, e)
                got = parse(text, place.end(), e) if place else None
            if got and got[0] and got[1] == e:
                yield got[0], s, e
        pos = end + 1


def _lines_with_years(text: str):
    """(start, end) of each line holding a year: only these can carry a page date.

    Looking for the digits first (with str.find, in C) is much cheaper than
    trying the labels at every line start of a long text.
    """
    end = -1
    for pos in year_starts(text):
        if pos < end:
            continue
        start, end = _line_bounds(text, pos)
        yield start, end


@lru_cache(maxsize=None)
def _label_heads() -> tuple[int, frozenset] | None:
    """(k, the first k letters of every label, lower case): a field start
    whose first letters are none of these holds no label. None when a label
    has a letter the lower-case test is not exact for."""
    labels = list(_patterns()[3])
    if not labels or any(c.isalpha() and c not in CASELESS_LETTERS for label in labels for c in label):
        return None
    k = min(3, *(len(label.split()[0]) for label in labels))
    return k, frozenset(label[:k] for label in labels)


_SP_CHARS = " \t\u00a0\u202f\u2009"  # the characters of _SP


def _may_hold_label(text: str, pos: int, end: int, heads) -> bool:
    k, firsts = heads
    while pos < end and text[pos] in _SP_CHARS:
        pos += 1
    return text[pos:pos + k].lower() in firsts


def _field_starts(text: str, start: int, end: int) -> list[int]:
    """Where a label may stand on a line: its start and after each separator."""
    out = [start]
    for sep in _SEPARATORS:
        i = text.find(sep, start, end)
        while i >= 0:
            out.append(i + 1)
            i = text.find(sep, i + 1, end)
    out.sort()
    return out


def find(found, doc) -> None:
    text = found.text
    label_re, _, _, labels, _ = _patterns()
    published = modified = None
    spans = []
    # a cheap test of a field's first letters before the label pattern
    heads = _label_heads() if caseless_exact(text) else None
    for line_start, line_end in _lines_with_years(text):
        for pos in _field_starts(text, line_start, line_end):
            if heads is not None and not _may_hold_label(text, pos, line_end, heads):
                continue
            m = label_re.match(text, pos, line_end)
            if m is None:
                continue
            field = labels.get(" ".join(m.group("label").lower().split()))
            got = parse(text, m.end(), line_end)
            # a form read here but impossible is not handed on to dateparser
            iso = got[0] if got else _fallback(text, m.end(), line_end)
            if iso is None:
                continue
            if not spans or spans[-1][0] < line_start:  # one span per line
                spans.append(_strip(text, line_start, line_end))
            if field == "published":
                published = published or iso
            elif modified is None or iso > modified:
                modified = iso
    if published is None:
        for iso, s, e in _datelines(text, set(spans)):
            published = iso
            if (s, e) not in spans:
                spans.append((s, e))
            break
    spans.sort()
    found.dates = PageDates(published=published, modified=modified, spans=spans)
