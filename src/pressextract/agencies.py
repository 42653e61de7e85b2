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

from . import data
from .hits import AgencyHit

_FILE = "agencies.tsv"
_LOOKBACK = 160  # characters searched before a name for hyphenated stems
_JOIN = 20  # at most this far from the last stem's hyphen to the name: " och ", " eller "

_lock = threading.Lock()
_gazetteer = None


class _Gazetteer:
    """Everything built once from the TSV: the info table and two automata."""

    def __init__(self, rows):
        self.info = {}
        self.names = _automaton()  # lower-cased name -> (id, length, forms, lower_ok)
        self.abbrevs = _automaton()  # abbreviation as written -> (id, length)
        self.by_name = {}  # lower-cased name -> id (hyphen coordination)
        names = {}
        for row in rows:
            agency_id = row["id"]
            self.info[agency_id] = {
                "name": row["name"],
                "kind": row["kind"] or "agency",
                "successor": row["successor"] or None,
            }
            for form in [row["name"], *data.split(row["aliases"])]:
                if _is_abbreviation(form):
                    self.abbrevs.add_word(form, (agency_id, len(form)))
                    continue
                key = " ".join(form.split()).lower()
                entry = names.setdefault(key, [agency_id, set()])
                entry[1].add(form)
        for key, (agency_id, forms) in names.items():
            # a lower-case first letter: listed as such, or any name of several words
            lower_ok = " " in key or any(f[:1].islower() for f in forms)
            self.names.add_word(key, (agency_id, len(key), frozenset(forms), lower_ok))
            self.by_name[key] = agency_id
        self.names.make_automaton()
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


def agency_info(agency_id: str) -> dict:
    """{name, kind, successor} of an agency id from the gazetteer."""
    info = _load().info.get(agency_id)
    if info is None:
        return {"name": agency_id, "kind": "agency", "successor": None}
    return dict(info)


def _fold(text: str) -> str:
    """Lower case with every whitespace as one space, offsets unchanged."""
    low = text.lower()
    if len(low) != len(text):  # a rare character whose lower case is longer
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for space in _SPACES:
        if space in low:
            low = low.replace(space, " ")
    return low


_SPACES = "\t\n\v\f\r\xa0\u2007\u2009\u202f"


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
    out = []
    if len(g.names):
        for last, (agency_id, length, forms, lower_ok) in g.names.iter(_fold(text)):
            start = last + 1 - length
            if not _starts_word(text, start):
                continue
            span = text[start:last + 1]
            if not _case_ok(span, forms, lower_ok):
                continue
            end = _end(text, last + 1, False, span.isupper())
            if end is not None:
                out.append((start, end, agency_id, last + 1))
    if len(g.abbrevs):
        for last, (agency_id, length) in g.abbrevs.iter(text):
            start = last + 1 - length
            if _starts_word(text, start):
                end = _end(text, last + 1, True, False)
                if end is not None:
                    out.append((start, end, agency_id, None))
    return out


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
        m = _stems_pattern().search(text, lo, start)
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
