"""Agencies: every Swedish state agency and court, in every form it is written.

The names come from data/agencies.tsv (official name, everyday names,
abbreviations, historical names). One Aho-Corasick pass over a lower-cased
copy of the text finds every name; a second pass over the text as written
finds the abbreviations, which count only in their own case (KFM, not kfm).
Each candidate must then stand as a word of its own, with its case allowed
(see _case_ok), and may take a genitive ("Polisens", "KFM:s"). Of
overlapping candidates the leftmost-longest wins ("Polismyndigheten i
Skåne" over "Polismyndigheten"). Last, a stem with a hyphen before a
coordinated name ("Skatte- och Tullverket") is read as a name of its own
when the stem and the coordinated name's ending form one.
"""
from __future__ import annotations

import threading

from . import data, segments
from .hits import AgencyHit

_FILE = "agencies.tsv"
_LOOKBACK = 160  # characters searched before a name for hyphenated stems
_JOIN = 20  # at most this far from the last stem's hyphen to the name: " och ", " eller "

_lock = threading.Lock()
_gazetteer = None


class _Gazetteer:
    """Everything built once from the TSV: the info table, the keys of the
    shared automaton (segments.scan) and an automaton of its own."""

    def __init__(self, rows):
        self.info = {}
        # the keys searched in the lower-cased text, for the names and the
        # abbreviations: lower-cased key -> (name entry or None, {abbreviation
        # as written: id}). A name entry is (id, forms, lower_ok); an
        # abbreviation counts only where the text has it as written.
        self.keys = {}
        self.abbrevs = _automaton()  # abbreviations whose lower case is no simple copy: over the text
        self.by_name = {}  # lower-cased name -> id (hyphen coordination)
        names = {}
        abbrevs = {}
        for row in rows:
            agency_id = row["id"]
            self.info[agency_id] = {
                "name": row["name"],
                "kind": row["kind"] or "agency",
                "successor": row["successor"] or None,
            }
            for form in [row["name"], *data.split(row["aliases"])]:
                if _is_abbreviation(form):
                    abbrevs[form] = agency_id
                    continue
                key = " ".join(form.split()).lower()
                entry = names.setdefault(key, [agency_id, set()])
                entry[1].add(form)
        for key, (agency_id, forms) in names.items():
            # a lower-case first letter: listed as such, or any name of several words
            lower_ok = " " in key or any(f[:1].islower() for f in forms)
            self.keys[key] = ((agency_id, frozenset(forms), lower_ok), {})
            self.by_name[key] = agency_id
        for form, agency_id in abbrevs.items():
            if segments.plain_case(form) and not any(c.isspace() for c in form):
                self.keys.setdefault(form.lower(), (None, {}))[1][form] = agency_id
            else:
                self.abbrevs.add_word(form, (agency_id, len(form)))
        if len(self.abbrevs):
            self.abbrevs.make_automaton()


def _automaton():
    import ahocorasick  # one pass over the text for all ~2,000 names and aliases

    return ahocorasick.Automaton()


def _is_abbreviation(form: str) -> bool:
    """One token with a capital after its first letter: KFM, SÄPO, HaV, SiS."""
    return " " not in form and any(c.isupper() for c in form[1:])


def _load() -> _Gazetteer:
    global _gazetteer
    if _gazetteer is None:
        with _lock:
            if _gazetteer is None:
                _gazetteer = _Gazetteer(data.table(_FILE))
    return _gazetteer


def scan_keys() -> dict:
    """The names and abbreviations for the shared automaton (segments.scan)."""
    return _load().keys


_SCANNED = segments.SCANNED.index("agencies")


def agency_info(agency_id: str) -> dict:
    """{name, kind, successor} of an agency id from the gazetteer."""
    info = _load().info.get(agency_id)
    if info is None:
        return {"name": agency_id, "kind": "agency", "successor": None}
    return dict(info)


_fold = segments.fold  # lower case with every white space as one space, offsets unchanged


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _starts_word(text: str, start: int) -> bool:
    if start == 0:
        return True
    before = text[start - 1]
    if _word_char(before) or before in "@.":  # inside a word, an address, a domain
        return False
    # "gräns-polisen": the tail of a compound, not a name
    return not (before == "-" and start >= 2 and text[start - 2].isalpha())


def _end(text: str, end: int, abbreviation: bool, upper: bool):
    """End of the mention with its genitive, or None when no word ends at ``end``."""
    n = len(text)
    if end < n:
        c = text[end]
        if abbreviation and c == ":" and end + 1 < n and text[end + 1] == "s":
            end += 2
        elif c == "s" or (upper and c == "S"):
            end += 1
    if end < n:
        c = text[end]
        if _word_char(c) or c == "@":
            return None
        if c in ".-" and end + 1 < n and text[end + 1].isalpha():  # polisen.se, CSN-lån
            return None
    return end


def _case_ok(span: str, forms, lower_ok: bool) -> bool:
    """Does ``span`` (equal to a form but for case) have a case the name allows?

    Each word as listed or capitalised; the first word also in lower case when
    ``lower_ok``; or the whole span in capitals. Later words may also start in
    lower case ("Hovrätten över skåne och blekinge" is a sloppy but clear name).
    """
    if span in forms or (span.isupper() and len(span) > 1):
        return True
    words = span.split()
    for form in forms:
        parts = form.split()
        if len(parts) != len(words):
            continue
        for i, (w, f) in enumerate(zip(words, parts)):
            if w[1:] != f[1:]:
                break
            if w[0] != f[0] and w[0] != f[0].upper() and not (w[0].islower() and (i > 0 or lower_ok)):
                break
        else:
            return True
    return False


def _candidates(text: str, g: _Gazetteer):
    """(start, end, id, name end) of every name and abbreviation that stands as a word.

    The name end is where the name stops before a genitive; None for an abbreviation.
    """
    out, abbrevs = [], []
    for last, value in segments.scan(text):
        entry = value[_SCANNED + 1]
        if entry is None:  # a key of another finder's list
            continue
        name, forms = entry
        name_end = last + 1
        start = name_end - value[0]
        span = text[start:name_end]
        # most hits of a short abbreviation are letters inside a word
        # ("ad" in "hade"): the exact-case test first is the cheapest
        if name is None and span not in forms:
            continue
        if start and not _starts_word(text, start):
            continue
        if name is not None and (span in name[1] or _case_ok(span, name[1], name[2])):
            end = _end(text, name_end, False, span.isupper())
            if end is not None:
                out.append((start, end, name[0], name_end))
        if forms and span in forms:
            end = _end(text, name_end, True, False)
            if end is not None:
                abbrevs.append((start, end, forms[span], None))
    if len(g.abbrevs):
        for last, (agency_id, length) in g.abbrevs.iter(text):
            start = last + 1 - length
            if _starts_word(text, start):
                end = _end(text, last + 1, True, False)
                if end is not None:
                    abbrevs.append((start, end, agency_id, None))
    return out + abbrevs


def _leftmost_longest(cands):
    cands.sort(key=lambda c: (c[0], -c[1]))
    kept, last_end = [], -1
    for c in cands:
        if c[0] >= last_end:
            kept.append(c)
            last_end = c[1]
    return kept


# "Skatte- och", "Skatte-, Tull- och": hyphenated stems, then one joining word, at the end of the window
_STEMS = None


def _stems_pattern():
    global _STEMS
    if _STEMS is None:
        import regex

        stem = r"(?<![\w-])([^\W\d_]{1,40})-"
        _STEMS = regex.compile(rf"(?:{stem}\s*+,\s*+)*+{stem}\s++[^\W\d_]{{1,12}}\s++\Z")
    return _STEMS


def _chain_start(text: str, lo: int, start: int) -> int:
    """Where a match of the stems pattern ending at ``start`` can begin at
    the earliest, or -1 when none can end there.

    Read backwards: white space, a word, white space, a hyphen, then stems,
    each with ", " and a hyphen before it. Every character that is no white
    space, comma or hyphen counts as a letter here, so the bound is never
    later than the pattern's own match; searching from it, not from ``lo``,
    spares the pattern a try at every position of the window.
    """
    def spaces(i):
        while i > lo and text[i - 1].isspace():
            i -= 1
        return i

    def letters(i):
        while i > lo and not (text[i - 1].isspace() or text[i - 1] in ",-"):
            i -= 1
        return i

    i = spaces(start)  # white space before the name
    if i == start:
        return -1
    j = letters(i)  # the joining word
    if j == i:
        return -1
    i = spaces(j)
    if i == j or i <= lo or text[i - 1] != "-":
        return -1
    first = -1
    while True:
        stem = letters(i - 1)
        if stem == i - 1:
            break
        first = stem
        i = spaces(stem)
        if i <= lo or text[i - 1] != ",":
            break
        i = spaces(i - 1)
        if i <= lo or text[i - 1] != "-":
            break
    return first


def _coordinated(text: str, hits, g: _Gazetteer):
    """Hits for "Skatte-" in "Skatte- och Tullverket": stem + an ending of the name after it."""
    extra = []
    for start, _, _, base_end in hits:
        if base_end is None:  # an abbreviation
            continue
        lo = max(0, start - _LOOKBACK)
        hyphen = text.rfind("-", lo, start)
        if hyphen < 0 or start - hyphen > _JOIN:  # no "X- och " right before the name
            continue
        first = _chain_start(text, lo, start)
        m = _stems_pattern().search(text, first, start) if first >= 0 else None
        if m is None:
            continue
        name = _fold(text[start:base_end])
        head = name.split(" ", 1)[0]
        stems = list(zip(m.starts(1), m.captures(1))) + [(m.start(2), m.group(2))]
        for stem_start, stem in stems:
            stem = stem.lower()
            for cut in range(1, len(head) - 2):  # the longest ending that makes a name
                agency_id = g.by_name.get(stem + name[cut:])
                if agency_id:
                    extra.append((stem_start, stem_start + len(stem) + 1, agency_id, None))
                    break
    return extra


def find(found, doc) -> None:
    """Store AgencyHit(start, end, agency_id) for every agency mention, in text order."""
    text = found.text
    g = _load()
    hits = _leftmost_longest(_candidates(text, g))
    hits = _leftmost_longest(hits + _coordinated(text, hits, g))
    found.agencies = [AgencyHit(start, end, agency_id) for start, end, agency_id, _ in hits]
