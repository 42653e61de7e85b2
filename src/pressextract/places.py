"""Places: the seven police regions, the 21 counties, the 290 municipalities
and the country (kind ``country``: "i hela Sverige", "Sveriges"; it has no
police region, so it never decides an amount's or the release's region).

The gazetteers (police_regions.tsv, counties.tsv, municipalities.tsv) and the
words around a name (place_words.tsv) are data; this module holds the rules.
One pattern, built once from a trie of every name, finds a name with an
optional prefix ("region", "polisregion"), a genitive -s and an optional
suffix ("län", "kommun", "stad"); the rules below say what it names.

What a name means:

- With a suffix: "X län" / "Xs län" is the county, "X kommun" / "Xs kommun" /
  "X stad" is the municipality (when X is one; otherwise the suffix is ignored).
- "polisregion X" is the police region X. "region X" is the police region X,
  except that "Region X" written with a capital mid-sentence before a county
  name is the regional council, i.e. the county ("Region Skåne", "Region
  Stockholm"); a county name after "region" is always the county ("region
  Skåne"). Lower-case "region" before no name ("i vår region") is nothing.
- Bare names:
  - a police region name marked ``bare=yes`` is that police region: bare
    "Stockholm" / "Stockholms" is the police region stockholm (the city, the
    county and the police region agree there, and releases use it for the
    region); "Stockholms stad"/"Stockholms kommun" is the municipality,
    "Stockholms län" the county.
  - a police region name that is also a common word (Mitt, Syd, Väst, ...)
    counts only capitalised, not sentence-initial, after a preposition, and
    when the sentence before it speaks of the police ("regionpolischef i
    Mitt", "regionalt i Mitt") or the text names that region with a prefix
    elsewhere, or when it is coordinated with a police region just found
    ("regionerna Syd och Väst").
  - a name that is both a county and a municipality is the municipality
    (bare "Uppsala", "Jönköping", "Kalmar", "Örebro", "Gotland"); a county
    name that is no municipality is the county ("i Gävleborg", "Skåne").
  - a municipality name that is also a common word or a person's name (the
    ``context`` column: Vara, Mark, Ale, Mora, Boden, Lund, ...) counts only
    after a preposition ("i Vara", "norr om Mora") or coordinated with a
    place just found ("i Vara och Mark"); sentence-initial capitals are no
    evidence. A municipality name right after a capitalised word inside a
    sentence that is no preposition ("säger Anna Lund") is a surname.
- A name is skipped when it overlaps an agency already found ("Stockholms
  tingsrätt", "Länsstyrelsen i Skåne"), sits inside a word or a web address
  ("polisen.se"), follows a postal code ("114 55 Stockholm", a letterhead), or
  follows a blocker word ("häktet Kronoberg").

The release's primary region (``primary_region``) is decided by the first
of these levels that names any place: the title; the first paragraph of
running text after it; the second paragraph, which decides only when the
whole text agrees (its police region dominates all mentions, as below); and
last, anywhere in the text, police regions written with a prefix ("region
Syd", "polisregion Mitt").
Releases put what they are about at the top; a municipality or county named
only further down, in a national release, is an example ("I ett ärende i
Södertälje ..."), not the release's region. At the deciding level each mention
counts once for its police region, and the police region with at least twice
the mentions of the next one wins; places in three or more police regions
at that level are examples from across the country. When several police
regions are compared there with none dominant, or with three or more, or
when no level names a place, the release is national: None. Within the
winning police region the place returned is the one in the lead (title,
first and second paragraph) first, then police region over county over
municipality, then the most mentioned, then the first; the release record
gives that place's police region.
"""
from __future__ import annotations

import bisect
import itertools
from collections import Counter
from typing import Optional

import regex

from . import segments
from .data import split, table
from .hits import PlaceHit
from .patterns import trie

KIND_RANK = {"police_region": 0, "county": 1, "municipality": 2, "country": 3}

_SPACE = "[ \\t\\u00a0]++"
_gaz = None


def _slug(name: str) -> str:
    """The id rule of the gazetteers: lower case, å/ä -> a, ö -> o, spaces -> hyphens."""
    out = name.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    return "-".join(out.split())


class _Gazetteer:
    def __init__(self):
        self.police = {r["id"]: r for r in table("police_regions.tsv")}
        self.counties = {r["id"]: r for r in table("counties.tsv")}
        self.municipalities = {r["id"]: r for r in table("municipalities.tsv")}
        self.countries = {r["id"]: r for r in table("countries.tsv")}
        words: dict[str, set] = {}
        for row in table("place_words.tsv"):
            words.setdefault(row["role"], set()).add(row["word"].lower())
        self.prepositions = words.get("preposition", set())
        self.conjunctions = words.get("conjunction", set())
        self.blockers = words.get("blocker", set())
        self.place_nouns = words.get("place_noun", set())
        self.linkers = words.get("linker", set())
        self.police_prefixes = words.get("police_prefix", set())
        self.county_suffixes = words.get("county_suffix", set())
        self.municipality_suffixes = words.get("municipality_suffix", set())

        # each kind's gazetteer, and the column that holds the name as written
        self.by_kind = {"police_region": (self.police, "name"), "county": (self.counties, "short"),
                        "municipality": (self.municipalities, "name"), "country": (self.countries, "name")}
        # surface form -> {kind: id}; a form may name several kinds (Stockholm)
        forms: dict[str, dict] = {}
        for kind, (rows, column) in self.by_kind.items():
            for place_id, row in rows.items():
                for form in [row[column], *split(row["aliases"])]:
                    forms.setdefault(form, {})[kind] = place_id
        self.forms = forms
        self.lower_police = {f.lower(): r["police_region"] for f, r in forms.items()
                             if "police_region" in r}
        self.prefixes = self.police_prefixes | words.get("region_prefix", set())
        self.needs_context = {mid for mid, r in self.municipalities.items() if r["context"] == "yes"}
        self.police_of = {("police_region", pid): pid for pid in self.police}
        self.police_of.update({("county", cid): r["police_region"] for cid, r in self.counties.items()})
        self.police_of.update({("municipality", mid): self.counties[r["county"]]["police_region"]
                               for mid, r in self.municipalities.items()})

        def alt(items):
            return "|".join(regex.escape(w) for w in sorted(items, key=len, reverse=True))

        self.region_prefixes = words.get("region_prefix", set())
        suffixes = self.county_suffixes | self.municipality_suffixes
        # not followed by a letter, a web address, a compound ("Göteborgs-tidningen") or
        # a cut compound ("Mark- och miljödomstolen")
        boundary_after = r"(?![\p{L}\p{N}_]|[./@][\p{L}\p{N}]|-\p{Ll}|-\s)"
        # Names start with a capital: the cheap "\b(?=\p{Lu})" test lets the engine
        # skip most positions before the trie and the guards run.
        # not inside a web address or an e-mail, not after a postal code
        head = r"\b(?=\p{Lu})(?<![@/.]|\p{Ll}-|\d{3}[ \u00a0]?\d{2}[ \u00a0])"
        tail = (rf"(?P<gen>s)?(?:{_SPACE}(?P<suf>(?i:{alt(suffixes)})){boundary_after})?"
                + boundary_after)
        self.pattern = regex.compile(head + rf"(?P<name>{trie(forms)})" + tail)
        # "polisregion mitt": a lower-case police region name only after this prefix
        self.lower_pattern = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}_@/.])(?i:{alt(self.police_prefixes)}){_SPACE}"
            rf"({alt(self.lower_police)})s?" + boundary_after
        )
        self.police_cue = regex.compile(
            "(?i:" + alt(words.get("police_cue", {"polis"})) + ")")

        # keys for the shared automaton (segments.scan): each name in lower
        # case -> (the names as written, False), each police prefix -> ((), True).
        # Only where the text has a name as written (a no-break space for a
        # space) can the pattern match; only where it has a prefix in any case
        # can the lower-case pattern.
        keys: dict = {}
        for form in forms:
            keys.setdefault(segments.fold(form), set()).add(form)
        self.keys = {key: (frozenset(names), False) for key, names in keys.items()}
        for prefix in self.police_prefixes:
            key = prefix.lower()
            self.keys[key] = (self.keys[key][0] if key in self.keys else frozenset(), True)
        # a name whose lower case is no plain copy, or a prefix with letters
        # the lower-case search is not exact for: the patterns run over the text
        self.scan_names = all(segments.plain_case(form) for form in forms)
        self.scan_prefixes = all(c in segments.CASELESS_LETTERS for p in self.police_prefixes for c in p.lower())


def _gazetteer() -> _Gazetteer:
    global _gaz
    if _gaz is None:
        _gaz = _Gazetteer()
    return _gaz


def scan_keys() -> dict:
    """The place names and police prefixes for the shared automaton (segments.scan)."""
    return _gazetteer().keys


_SCANNED = segments.SCANNED.index("places")


def _scanned(g: _Gazetteer, text: str) -> tuple[set, list]:
    """From the shared automaton: the starts of the names written as listed
    (a no-break space for a space) and of the police prefixes in any case."""
    names = set()
    prefixes = []
    for last, value in segments.scan(text):
        entry = value[_SCANNED + 1]
        if entry is None:  # a key of another finder's list
            continue
        start = last + 1 - value[0]
        if entry[1]:
            prefixes.append(start)
        if entry[0]:
            span = text[start:last + 1]
            if span in entry[0] or span.replace("\u00a0", " ") in entry[0]:
                names.add(start)
    return names, prefixes


def _names(g: _Gazetteer, text: str, at) -> list[tuple]:
    """(start, name, "s" or None, suffix or None, end) of each match of
    g.pattern, as finditer gives them: a match starts where a name is
    written, so the pattern is tried only at those starts."""
    out = []
    pos = 0
    match = g.pattern.match
    for start in sorted(at):
        if start >= pos:
            m = match(text, start)
            if m is not None:
                pos = m.end()
                out.append((start, *m.groups(), pos))
    return out


def _lower_names(g: _Gazetteer, text: str, starts: list) -> list[tuple]:
    """(start, end, name) of each match of g.lower_pattern, as finditer gives
    them; tried only where a police prefix is written."""
    out = []
    pos = 0
    for start in sorted(set(starts)):
        if start >= pos:
            m = g.lower_pattern.match(text, start)
            if m is not None:
                out.append((start, m.end(), m.group(1)))
                pos = m.end()
    return out


def _matches(g: _Gazetteer, text: str) -> tuple[list, list]:
    """The matches of g.pattern and of g.lower_pattern over the text (see
    _names and _lower_names), tried only where the shared automaton found a
    name or a prefix; over the whole text when its lower case is not exact."""
    if g.scan_names:
        at, prefixes = _scanned(g, text)
        names = _names(g, text, at)
    else:
        names = [(m.start(), *m.groups(), m.end()) for m in g.pattern.finditer(text)]
    if g.scan_names and g.scan_prefixes and segments.caseless_exact(text):
        lower = _lower_names(g, text, prefixes)
    else:
        lower = [(m.start(), m.end(), m.group(1)) for m in g.lower_pattern.finditer(text)]
    return names, lower


_PREV_WORD = regex.compile(r"(?r)(\p{L}++)[ \t\u00a0]++\Z")  # matched backwards from the name
_OPENERS = " \t\u00a0\"'”“»«•*–—-("
_SENT_BREAK = ".!?:\n\r"


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    stop = max(-1, pos - 12)
    while i > stop and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENT_BREAK


def _prev_word(text: str, pos: int) -> Optional[tuple]:
    """(word, start) of the word right before ``pos`` (spaces between), or None."""
    lo = max(0, pos - 40)
    i = pos
    while i > lo and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == pos:
        return None
    j = i
    while j > lo:
        c = text[j - 1]
        if c >= "\u0250":  # beyond the Latin letters: the pattern says what a letter is
            # a reverse match is anchored at the end (pos), as the pattern's \Z is
            m = _PREV_WORD.match(text, lo, pos)
            return (m.group(1), m.start(1)) if m else None
        if not c.isalpha():  # str.isalpha is \p{L} for these
            break
        j -= 1
    return (text[j:i], j) if j < i else None


_CELL_END = regex.compile(r"[ \t\u00a0]*(?:\||\t|:[ \t])")


def _row_label(text: str, start: int, end: int) -> bool:
    """The name is the first cell of a table row: it starts a line and a
    column separator ("|", a tab, ": ") follows it."""
    before = text[max(0, start - 8):start]  # a few characters: a bullet, an indent
    cut = before.rfind("\n")
    if cut < 0 and start > 8:
        return False  # the line starts further back: the name is no first cell
    return not before[cut + 1:].strip(" \t\u00a0•*-") and _CELL_END.match(text, end) is not None


def _word_before_is(words: set, text: str, pos: int) -> bool:
    prev = _prev_word(text, pos)
    return prev is not None and prev[0].lower() in words


def _police_context(g: _Gazetteer, text: str, pos: int) -> bool:
    lo = max(0, pos - 160)
    window = text[lo:pos]
    cut = max(window.rfind(c) for c in ".!?\n")
    return bool(g.police_cue.search(window, cut + 1))


class _Spans:
    """Overlap test against the agency hits (sorted, with a running maximum end)."""

    def __init__(self, spans):
        spans.sort()
        self.spans = spans
        self.starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        self.max_end = list(itertools.accumulate(ends, max))
        self.ends = set(ends)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start


def _coordinated(text: str, last: Optional[PlaceHit], start: int, g: _Gazetteer) -> bool:
    """The name follows the last place hit after a comma or a conjunction."""
    if last is None or start - last.end > 12:
        return False
    gap = text[last.end:start].strip(" \t\u00a0").lower()
    return gap == "," or gap in g.conjunctions


def _read(cand, g: _Gazetteer, text: str, found_police: set, last, agency_ends) -> Optional[tuple]:
    """(start, end, kind, id) for one name match, or None. A candidate is
    (start, end of the name with its -s, end with the suffix, name, suffix,
    (previous word, its start) or None); agency_ends are the ends of the
    agency hits (a name one or two characters after one is no surname)."""
    start, end, full_end, name, suf, prev = cand
    readings = g.forms[name]
    prev_word, prev_start = prev if prev else (None, start)
    prev_low = prev_word.lower() if prev_word else None
    pre = prev_low if prev_low in g.prefixes else None

    if suf:
        suf = suf.lower()
        if suf in g.county_suffixes and "county" in readings:
            return (prev_start if pre else start), full_end, "county", readings["county"]
        if suf in g.municipality_suffixes and "municipality" in readings:
            return start, full_end, "municipality", readings["municipality"]

    if pre:
        if pre in g.police_prefixes and "police_region" in readings:
            return prev_start, end, "police_region", readings["police_region"]
        if pre in g.region_prefixes:
            council = prev_word[0].isupper() and not _sentence_initial(text, prev_start)
            if "county" in readings and (council or "police_region" not in readings):
                return prev_start, end, "county", readings["county"]
            if "police_region" in readings:
                return prev_start, end, "police_region", readings["police_region"]
        # a prefix that fits no reading ("region Gävle"): read the name alone

    if prev_low in g.blockers:
        return None
    after_prep = prev_low in g.prepositions or prev_low in g.place_nouns or (
        prev_low in g.linkers and _word_before_is(g.place_nouns, text, prev_start))
    coordinated = _coordinated(text, last, start, g)

    pid = readings.get("police_region")
    if pid is not None:
        if g.police[pid]["bare"] == "yes":
            return start, end, "police_region", pid
        if not _sentence_initial(text, start) and (
                coordinated and last.kind == "police_region"
                or after_prep and (pid in found_police or _police_context(g, text, start))):
            return start, end, "police_region", pid
        if _row_label(text, start, end) and g.police_cue.search(text, max(0, start - 400), start):
            return start, end, "police_region", pid  # "Nord | 87,4 mnkr" under "Polisregion | Belopp"
    mid = readings.get("municipality")
    if mid is not None:
        if prev_word and prev_word[0].isupper() and not after_prep and not pre \
                and prev_low not in g.conjunctions \
                and start - 1 not in agency_ends and start - 2 not in agency_ends \
                and not (last is not None and start - last.end <= 1) \
                and not _sentence_initial(text, prev_start):
            return None  # "säger Anna Lund": a surname
        if mid in g.needs_context and not (after_prep or coordinated):
            return None
        return start, end, "municipality", mid
    cid = readings.get("county")
    if cid is not None:
        return start, end, "county", cid
    sid = readings.get("country")
    if sid is not None:
        nxt = _NEXT_WORD.match(text, end)
        if nxt is not None and nxt.group(1)[0].isupper():
            return None  # "Sveriges Radio", "Sveriges Kommuner och Regioner": part of a name
        return start, end, "country", sid
    return None


_NEXT_WORD = regex.compile(r"[ \t\u00a0]+(\p{L}+)")


def find(found, doc) -> None:
    text = found.text
    if not text:
        return
    g = _gazetteer()
    # the word before each name; police regions the text names with a prefix
    # (their bare names then count after a preposition: "i Mitt")
    cands = []
    found_police = set()
    names, lower = _matches(g, text)
    for start, name, gen, suf, full_end in names:
        name = name.replace("\u00a0", " ")  # the form as listed
        prev = _prev_word(text, start)
        end = start + len(name) + (1 if gen else 0)
        cands.append((start, end, full_end, name, suf, prev))
        if prev and prev[0].lower() in g.prefixes:
            pid = g.forms[name].get("police_region")
            if pid:
                found_police.add(pid)
    for start, end, name in lower:
        pid = g.lower_police[name.lower()]
        found_police.add(pid)
        cands.append((start, end, pid))
    if not cands:
        return
    cands.sort()
    agencies = _Spans([(a.start, a.end) for a in found.agencies])
    agency_ends = agencies.ends
    out = []
    names = []  # the name each hit was read from, for the list pass below
    last = None
    for cand in cands:
        if len(cand) == 3:
            got = (cand[0], cand[1], "police_region", cand[2])
        else:
            got = _read(cand, g, text, found_police, last, agency_ends)
        if got is None:
            continue
        start, end, kind, pid = got
        if (out and start < out[-1].end) or (agencies.spans and agencies.overlaps(start, end)):
            continue
        hit = PlaceHit(start=start, end=end, region_id=pid, kind=kind,
                       police_region=g.police_of.get((kind, pid)))
        out.append(hit)
        names.append(cand[3] if len(cand) > 3 else None)
        last = hit
    _shared_suffix(g, text, out, names)
    found.places = out


def _shared_suffix(g: _Gazetteer, text: str, hits: list, names: list) -> None:
    """In "Östergötlands, Jönköpings och Södermanlands län" the last name's
    "län" covers the whole list: the bare names before it that can be
    counties are counties."""
    for i in range(len(hits) - 1, 0, -1):
        hit = hits[i]
        if hit.kind != "county" or text[hit.start:hit.end].rsplit(None, 1)[-1].lower() \
                not in g.county_suffixes:
            continue
        j = i - 1
        while j >= 0 and _coordinated(text, hits[j], hits[j + 1].start, g):
            before = hits[j]
            cid = g.forms.get(names[j] or "", {}).get("county")
            written = text[before.start:before.end].replace("\u00a0", " ")
            if cid is None or written not in (names[j], names[j] + "s"):
                break  # not a bare county name
            hits[j] = PlaceHit(start=before.start, end=before.end, region_id=cid, kind="county",
                               police_region=g.police_of.get(("county", cid)))
            j -= 1


def place_info(kind: str, region_id: str) -> dict:
    """{name, police_region} of a place (kind, id) from the gazetteer."""
    g = _gazetteer()
    rows = g.by_kind.get(kind, ({}, "name"))[0]
    name = rows[region_id]["name"] if region_id in rows else region_id
    return {"name": name, "police_region": g.police_of.get((kind, region_id))}


_BLANK_LINE = regex.compile(r"\n[ \t\u00a0\r]*+\n")
_SENTENCE_END = regex.compile(r"[.!?](?:\s|$)")


# An image caption ("Pengar i en väska. Bild: Polisen") is page furniture, not the lead.
_CAPTION = regex.compile(r"(?i)(?<!\p{L})(?:bild|foto|fotograf|illustration)\s*:")


def _off_captions(text: str, hits: list) -> list:
    """The hits whose line is no image caption. Each line is looked up and
    searched once (hits come in text order), so a long line with many names
    costs no more than a short one."""
    out = []
    start, end, caption = 0, -1, False
    for h in hits:
        if not start <= h.start <= end:
            start = text.rfind("\n", 0, h.start) + 1
            end = text.find("\n", h.start)
            end = len(text) if end < 0 else end
            caption = _CAPTION.search(text, start, end) is not None
        if not caption:
            out.append(h)
    return out


def _paragraph_ends(found, count: int = 2) -> list:
    """Ends of the first ``count`` paragraphs of running text after the title
    (blocks with a full sentence; captions, datelines and "Dela" are skipped)."""
    text = found.text
    pos = found.title_end if found.title else 0
    furniture = [tuple(s) for s in (found.dates.spans or [])]
    ends = []
    for _ in range(12):
        m = _BLANK_LINE.search(text, pos)
        end = m.start() if m else len(text)
        block = text[pos:end].strip()
        in_furniture = any(s <= pos + 1 and end <= e + 1 for s, e in furniture)
        if len(block) >= 40 and _SENTENCE_END.search(block) and not in_furniture \
                and not _CAPTION.search(block):
            ends.append(end)
            if len(ends) == count:
                break
        if not m:
            break
        pos = m.end()
    return ends


def _dominant(hits) -> Optional[str]:
    """The police region of these hits if it has at least twice the mentions of
    the next one; None when several are compared with none dominant."""
    ranked = Counter(h.police_region for h in hits).most_common(2)
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def primary_region(found):
    """(kind, id) of the region the release is about, or None (national).

    The rule is in the module docstring: the title, the first paragraph, the
    second, then police regions written with "region"/"polisregion" anywhere
    decide the police region; within it the place in the lead, of the
    highest kind, most mentioned, first.
    """
    text = found.text
    hits = _off_captions(text, [h for h in found.places if h.police_region])
    if not hits:
        return None
    g = _gazetteer()
    title_end = found.title_end if found.title else 0
    bounds = [0, title_end, *_paragraph_ends(found)]
    levels = [[h for h in hits if lo <= h.start < hi] for lo, hi in zip(bounds, bounds[1:])]
    levels.append([h for h in hits if h.kind == "police_region"
                   and text[h.start:h.end].split(None, 1)[0].lower() in g.prefixes])
    winner = None
    for depth, level in enumerate(levels):
        if level:
            # places in three or more police regions are examples from across
            # the country ("i Stockholms stad, Hallands län ... och Luleå"): national
            winner = _dominant(level) if len({h.police_region for h in level}) < 3 else None
            # a place first named in the second paragraph is the release's only
            # when the whole text agrees (a court ruling naming where the case began is not)
            if depth == 2 and winner is not None and _dominant(hits) != winner:
                winner = None
            break
    if winner is None:
        return None
    lead_end = bounds[-1]
    places: dict = {}
    for h in hits:
        if h.police_region != winner:
            continue
        key = (h.kind, h.region_id)
        lead, count, first = places.get(key, (False, 0, h.start))
        places[key] = (lead or h.start < lead_end, count + 1, first)
    best = min(places.items(), key=lambda kv: (not kv[1][0], KIND_RANK.get(kv[0][0], 9),
                                                 -kv[1][1], kv[1][2]))
    return best[0]
