"""Amount attribution: category, agency credited, year, region and part_of.

The rules, in the order they apply (examples: tests/test_attribution.py;
the choices behind them: docs/decisions.md):

Scope. Each amount owns a stretch of its sentence: from the previous amount
(or the sentence start) to the next amount (or the sentence end). The text
between two amounts is split at its first clause boundary (comma, semicolon,
"och", "samt", "medan", "varav", ...): what stands before the boundary
belongs to the first amount, the rest to the second. So in "Kronofogden
utmätte bilar för 2 miljoner kronor och Tullverket beslagtog kontanter för
1 miljon kronor" the first amount sees "utmätte", the second "beslagtog".
The right side of the last amount ends at the first clause boundary.

Category. The nearest strong cue (data/category_cues.tsv) in scope wins,
left or right; weak cues (totalt, sammanlagt, besparing) count only when
there is no strong one. A cue that stands in a list of cues of two or more
categories ("skattehöjningar, återkrav, utmätningar och beslag", "återkrav
och besparingar") makes the amount `total`. Without a cue in scope: the
category of the amount it breaks down or is listed with; a later item of
a list under one verb, split from the amount before it by a comma, "och"
or "samt" with at most six words and no agency of its own between
("utmättes en bil värd 500 000 kronor, två bilar värda 385 000 kronor samt
smycken för 60 000 kronor"), takes that amount's category; a "sammanlagt"
right after such an item is a sum of its kind; then the row's label or the
line introducing its list or table ("Beslag | 9,3 mkr", "Så fördelade sig
utmätningarna:"); else `other`. When a strong cue of another category
stands almost as near on the other side, the nearest wins and a warning
names the amount.

Agency. The agency the text credits (none for the size of a crime): one
named right after the amount ("9,3 miljoner Försäkringskassan"), in
brackets after it in the same clause ("(Försäkringskassan)"), as agent
after it ("av Tullverket"), or before it in the same clause as subject or
genitive ("Kronofogden utmätte ...", "Försäkringskassans återkrav på ..."),
not one behind a preposition ("tillsammans med Polisen"). Parts of a
breakdown in the same sentence without their own take their parent's.
Otherwise null: never a guess from elsewhere in the text.

part_of. An amount after "varav", "därav", "fördelat på" breaks down the
amount before it; further amounts joined to a part by "och", "samt" or a
comma are its siblings; a closing bracket ends a nested breakdown. Items
of a list under a line that ends with ":" and holds one amount are its
parts, and so are the amounts after a colon that follows an amount in the
same sentence. A sentence that refers back ("Av återkraven gällde ...",
"Av dem ...", "Sanktionsavgiften avser två överträdelser: ...") breaks down
the nearest amount before it, within two paragraphs, whose value holds the
parts' sum; such parts take the parent's category, not its agency.

Year and region. A year or place named in the amount's own clause, else
the amount it breaks down, else a period or place named earlier in the same
sentence, else the release's reporting year and region. "sedan 2009" is a start, not the
amount's year.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from .data import table
from .records import Amount
from .segments import folded

_BOUNDARY = regex.compile(
    r"[;,]|(?<!\p{L})(?i:och|samt|medan|men|varav|därav|respektive|vilket|varpå)(?!\p{L})|\s[–—]\s"
)
# Where the right side of the last amount in a sentence stops.
_RIGHT_END = regex.compile(
    r"[;,(]|(?<!\p{L})(?i:medan|men|varav|därav|vilket|samtidigt)(?!\p{L})"
    r"|(?<!\p{L})(?:och|samt)\s+(?=\p{Lu}|(?:det|de|han|hon|man|vi|myndigheten|polisen)\s)"
)
# The clause around an amount without commas: where a cue may still stand when
# none is in the amount's own stretch ("Kontanterna, nästan 5 miljoner kronor, togs i beslag").
_RIGHT_CLAUSE_END = regex.compile(
    r"[;]|(?<!\p{L})(?i:medan|men|varav|därav|vilket|samtidigt|eftersom)(?!\p{L})"
    r"|(?<!\p{L})(?:och|samt)\s+(?=\p{Lu}|(?:det|de|han|hon|man|vi|myndigheten|polisen)\s)"
)
_SPLIT_FIRST = regex.compile(r"[;,]")
# Boundaries between two amounts that make the second a further item of one list.
_LIST_SPLITS = frozenset({",", "och", "samt"})
_LEFT_CLAUSE = regex.compile(r"[;,:]|(?<!\p{L})(?i:medan|men|när|då|eftersom|där)(?!\p{L})|\s[–—]\s")
_LEFT_CLAUSE_LAST = regex.compile(r"(?r)" + _LEFT_CLAUSE.pattern)  # the last one before a position
_REACH = 400  # characters a scope reaches from its amount, either way
_BREAKDOWN = regex.compile(
    r"(?<!\p{L})(?i:varav|därav|varibland|fördela[dst]?\s+på|uppdelat\s+på|fördelat\s+på)(?!\p{L})"
)
# Amounts joined by nothing but list words share what the first one is:
# "beslagtog 340 000 danska kronor och 62 000 DKK", "SEK 250 000, 45 000 pund och 40 000 dollar".
_SIBLING = regex.compile(
    r"\s*(?:(?:,|(?<!\p{L})(?i:och|samt|respektive|eller|liksom|plus)(?!\p{L}))\s*)+"
    r"|\s*,?\s*(?i:liksom)\s[^.;:]{0,40}"
    r"|\s*,?\s*(?i:motsvarande|eller)\s+"
)
_LIST_SEP = regex.compile(r"^\s*(?:,\s*|(?i:och|samt|eller|,)\s+|,\s*(?i:och|samt)\s+)$")
_PREPOSITION_BEFORE = regex.compile(
    r"(?r)(?<!\p{L})(?i:med|hos|från|till|för|mot|via|enligt|inom|vid|på|åt|om|i|hjälp\s+av|begäran\s+av|"
    r"uppdrag\s+av|tillsammans\s+med|i\s+samarbete\s+med)\s+$"
)
# Where a subordinate clause starts: an agency before it is not the amount's subject.
_SUBCLAUSE = regex.compile(r";|(?<!\p{L})(?i:medan|men|när|eftersom|där)(?!\p{L})")
_ACCORDING = regex.compile(r"(?r)(?<!\p{L})(?i:enligt)\s+$")
_GENITIVE = regex.compile(r"(?:s|:s)\s+\p{Ll}")


def _cue_regex(cue: str) -> str:
    r""" "förhindra* _ utbetalning*" -> förhindra\p{L}*(?:\s+\p{L}+)?\s+utbetalning\p{L}*"""
    out = ""
    for word in cue.split():
        if word == "_":
            out += r"(?:\s+[\p{L}\p{N}]+)?"  # one optional word or figure ("stoppade under 2023 ...")
            continue
        esc = regex.escape(word.strip("*"))
        if word.startswith("*"):
            esc = r"\p{L}*" + esc
        if word.endswith("*"):
            esc += r"\p{L}*"
        out += (r"\s+" if out else "") + esc
    return out


def _literal_start(cue: str) -> str:
    """The longest literal text a cue starts with: "i beslag" for "i beslag",
    "krav på återbetalning" for "krav på återbetalning*", "skuld" for
    "skuld* på". A longer key is found in fewer places ("i" alone would be
    found in every word with an i)."""
    words = cue.split()
    while len(words) > 1 and words[0] == "_":
        words = words[1:]
    out = [words[0].strip("*")]
    if not words[0].endswith("*"):
        for w in words[1:]:
            if w == "_" or w.startswith("*"):
                break
            out.append(w.rstrip("*"))
            if w.endswith("*"):
                break
    return " ".join(out)


@lru_cache(maxsize=None)
def _cues():
    """Every cue as (compiled pattern, category, strong, may start mid-word), and
    an Aho-Corasick automaton of their literal parts: one fast pass over the
    lower-cased text finds where a cue may stand; its pattern is tried only there."""
    import ahocorasick

    table_ = []
    auto = ahocorasick.Automaton()
    keys: dict[str, list[int]] = {}
    for row in table("category_cues.tsv"):
        cue = row["cue"].lower()
        pattern = regex.compile(_cue_regex(cue) + r"(?!\p{L})")
        first = next(w for w in cue.split() if w != "_")
        if " " not in cue:  # one word: its end is found without a regex
            pattern = (len(cue.strip("*")), cue.endswith("*"))
        table_.append((pattern, row["category"], row["strength"] == "strong", first.startswith("*")))
        keys.setdefault(_literal_start(cue), []).append(len(table_) - 1)
    for literal, idx in keys.items():
        auto.add_word(literal, (len(literal), tuple(idx)))
    auto.make_automaton()
    return table_, auto


def find_cues(text: str, ranges=None) -> list[tuple[int, int, str, bool]]:
    """(start, end, category, strong) of every cue in the text, or only in the
    given sorted, disjoint (start, end) ranges: the sentences that hold amounts."""
    table_, auto = _cues()
    low = folded(text)  # lower case, offsets unchanged, shared with other finders
    best: dict[int, tuple] = {}
    ranges = list(ranges) if ranges is not None else [(0, len(text))]
    if len(ranges) <= 32:  # a few sentences: search only them
        hits = ((lo, end, value) for lo, hi in ranges for end, value in auto.iter(low, lo, hi))
    else:  # many: one pass, and drop what falls outside them
        range_starts = [lo for lo, _ in ranges]

        def inside():
            for end, value in auto.iter(low):
                r = bisect_right(range_starts, end - value[0] + 1) - 1
                if r >= 0 and end < ranges[r][1]:
                    yield ranges[r][0], end, value
        hits = inside()
    for lo, end, (length, idxs) in hits:
        start = end - length + 1
        word_start = start
        while word_start > lo and low[word_start - 1].isalpha() and start - word_start < 40:
            word_start -= 1
        for i in idxs:
            pattern, category, strong, inner = table_[i]
            if word_start != start and not inner:
                continue  # "beslag" inside "ombeslag": only cues written "*x" may start mid-word
            if type(pattern) is tuple:  # one word: the literal at start, then the word ends
                stem_len, any_ending = pattern
                cue_end = start + stem_len
                if any_ending:
                    while cue_end < len(low) and low[cue_end].isalpha() and cue_end - start < 64:
                        cue_end += 1
                if cue_end < len(low) and low[cue_end].isalpha():
                    continue
            else:
                m = pattern.match(low, word_start)
                if m is None:
                    continue
                cue_end = m.end()
            cur = best.get(word_start)
            if cur is None or cue_end > cur[1]:
                best[word_start] = (word_start, cue_end, category, strong)
    out = []
    for start in sorted(best):
        if out and start < out[-1][1]:
            continue
        out.append(best[start])
    return out


def _in_list(cues, i, text) -> set[str]:
    """Categories of the list of cues that cue i stands in ("återkrav,
    utmätningar och beslag"). Two cues joined by a comma alone are no list
    ("i beslaget, påförde skattetillägg"): a list of two needs och/samt/eller."""
    cats = {cues[i][2]}
    first = last = i
    while first > 0 and _LIST_SEP.match(text[cues[first - 1][1]:cues[first][0]]):
        first -= 1
        cats.add(cues[first][2])
    while last + 1 < len(cues) and _LIST_SEP.match(text[cues[last][1]:cues[last + 1][0]]):
        last += 1
        cats.add(cues[last][2])
    if last - first == 1 and text[cues[first][1]:cues[last][0]].strip() == ",":
        return {cues[i][2]}
    return cats


def _sentence_index(starts, pos):
    return max(bisect_right(starts, pos) - 1, 0)


class _Scope:
    __slots__ = ("left", "right", "clause_left", "right_ext", "sentence", "split_word")

    def __init__(self, left, right, clause_left, right_ext, sentence, split_word):
        self.left, self.right, self.clause_left = left, right, clause_left
        self.right_ext, self.sentence, self.split_word = right_ext, sentence, split_word


def _split(text, lo, hi):
    """Where the text between two amounts divides: at a breakdown word, else at
    the first comma or semicolon, else at the first other clause boundary."""
    b = _BREAKDOWN.search(text, lo, hi) or _SPLIT_FIRST.search(text, lo, hi) or _BOUNDARY.search(text, lo, hi)
    return b


def _scopes(text, money, sentences) -> list[_Scope]:
    scopes = []
    starts = [s for s, _ in sentences]
    sent_of = [_sentence_index(starts, m.start) if sentences else 0 for m in money]
    for k, m in enumerate(money):
        s_start, s_end = sentences[sent_of[k]] if sentences else (0, len(text))
        s_end = max(s_end, m.end)
        left = s_start
        split_word = None
        if k > 0 and sent_of[k - 1] == sent_of[k]:
            b = _split(text, money[k - 1].end, m.start)
            # no boundary between them ("från 287 till 318 miljoner kronor"): they share the left side
            left = b.start() if b else scopes[k - 1].left
            split_word = b.group().strip().lower() if b else None
        if k + 1 < len(money) and sent_of[k + 1] == sent_of[k]:
            b = _split(text, m.end, money[k + 1].start)
            right = right_ext = b.start() if b else m.end
        else:
            b = _RIGHT_END.search(text, m.end, s_end)
            right = b.start() if b else s_end
            b = _RIGHT_CLAUSE_END.search(text, m.end, s_end)
            right_ext = b.start() if b else s_end
        # a scope reaches at most _REACH characters from its amount: a run of
        # amounts with no boundary between them (1 MB of "9 kr ") stays linear
        left = max(left, m.start - _REACH)
        right, right_ext = min(right, m.end + _REACH), min(right_ext, m.end + _REACH)
        b = _LEFT_CLAUSE_LAST.search(text, left, m.start)
        clause_left = b.end() if b else left
        scopes.append(_Scope(left, right, clause_left, right_ext, (s_start, s_end), split_word))
    return scopes


_ITEM = regex.compile(r"[ \t]*(?:[•·\-–*▪●]|\d+[.)]\s|\||[^\n|]{1,40}\|)")  # "| Lön | 4,1 mdkr |" too


def _column_year(text, m, years_hits, year_starts):
    """In a table row "Beslag | 356 mkr | 410 mkr", the year its column's header names."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    row = text[line_start:line_end]
    if "|" not in row:
        return None
    column = text.count("|", line_start, m.start)
    pos = line_start - 1
    for _ in range(12):  # the header stands a few rows above
        if pos <= 0:
            return None
        head_start = text.rfind("\n", 0, pos) + 1
        head = text[head_start:pos]
        pos = head_start - 1
        if "|" not in head:
            if head.strip():
                return None
            continue
        cells = head.split("|")
        if column < len(cells):
            cell_start = head_start + sum(len(c) + 1 for c in cells[:column])
            found = _in_scope(years_hits, year_starts, cell_start, cell_start + len(cells[column]))
            if len(found) == 1:
                return found[0].year
    return None


_HEADING_END = tuple(".!?;,")
_CAPTION = regex.compile(r"(?i)(?<!\p{L})(?:bild|foto|fotograf|illustration|grafik)\s*:")


def _section_headings(text, title_end):
    """(start, end) of the lines after the title that read as section headings:
    short, not a bullet or table row, not ending like a sentence."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if pos >= title_end and 2 < len(stripped) <= 80 and not stripped.endswith(_HEADING_END) \
                and not _ITEM.match(line) and not stripped[0].isdigit() and not _CAPTION.search(line):
            out.append((pos, end))  # an image caption ("... Bild: Polisen") is no heading
        pos = end + 1
    return out


def _list_intro(text, start) -> str | None:
    """For an item of a bullet list or a table row, the line that introduces the
    list ("Återkraven fördelade sig så här:", "Förvaltningsanslag"), if any."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _ITEM.match(text, line_start):
        return None
    pos = line_start - 1
    for _ in range(30):
        if pos <= 0:
            return None
        prev_start = text.rfind("\n", 0, pos) + 1
        line = text[prev_start:pos]
        pos = prev_start - 1
        if not line.strip() or _ITEM.match(line):
            continue
        stripped = line.strip()
        return stripped if stripped.endswith(":") or len(stripped) <= 80 else None
    return None


def _label_line(text, start) -> str | None:
    """The short line just above an amount's line when it reads as a label ("Beslag")."""
    line_start = text.rfind("\n", 0, start)
    if line_start <= 0:
        return None
    prev_end = line_start
    while prev_end > 0 and text[prev_end - 1] in " \t\r\n\u00a0":
        prev_end -= 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    line = text[prev_start:prev_end]
    stripped = line.strip()
    if 0 < len(stripped) <= 60 and not stripped.endswith(".") and not regex.search(r"\d", stripped) \
            and not regex.match(r"[•·\-–*▪●]", stripped):
        return line
    return None


def _nearest(m, lo, hi, cues, cue_starts, strong):
    """(distance, index) of the nearest cue of the given strength in [lo, hi)
    on each side of the amount: returns (best, left_best, right_best)."""
    best = left_best = right_best = None
    i = bisect_right(cue_starts, lo - 1)
    while i < len(cues) and cues[i][0] < hi:
        c_start, c_end, _, is_strong = cues[i]
        if is_strong == strong:
            if c_end <= m.start:
                cand, side = (m.start - c_end, i), "left"
            elif c_start >= m.end and c_end <= hi:
                cand, side = (c_start - m.end, i), "right"
            else:
                cand = None
            if cand:
                if best is None or cand[0] < best[0] or (cand[0] == best[0] and side == "right"):
                    best = cand
                if side == "left" and (left_best is None or cand[0] < left_best[0]):
                    left_best = cand
                if side == "right" and (right_best is None or cand[0] < right_best[0]):
                    right_best = cand
        i += 1
    return best, left_best, right_best


def _category(k, money, scopes, cues, cue_starts, text, warnings, inherited, listed=None):
    """Strong cue in the amount's stretch; then the category of the amount it is
    listed with or breaks down; then a strong cue in its clause; then weak cues
    likewise. None when nothing applies."""
    m, sc = money[k], scopes[k]
    tiers = [(sc.left, sc.right, True), None, (sc.left, sc.right_ext, True),
             (sc.left, sc.right, False), (sc.left, sc.right_ext, False)]
    for tier in tiers:
        if tier is None:
            if inherited is not None:
                return inherited
            continue
        lo, hi, strong = tier
        best, left_best, right_best = _nearest(m, lo, hi, cues, cue_starts, strong)
        if best is None:
            continue
        idx = best[1]
        if len(_in_list(cues, idx, text)) >= 2:
            return "total"
        if not strong and cues[idx][2] == "total" and listed is not None:
            return listed  # "ett vite på 500 000 kronor per hem, sammanlagt 1,5 miljoner kronor"
        if strong and left_best and right_best and cues[left_best[1]][2] != cues[right_best[1]][2] \
                and abs(left_best[0] - right_best[0]) <= 12:
            lc, rc = cues[left_best[1]], cues[right_best[1]]
            warnings.append(
                f"amount {k} ({text[m.start:m.end]!r}): cues {text[lc[0]:lc[1]]!r} ({lc[2]}) and "
                f"{text[rc[0]:rc[1]]!r} ({rc[2]}) compete; chose {cues[idx][2]} (nearest)")
        return cues[idx][2]
    return None


# Agencies named together as one subject ("Polisen och Tullen tog ...",
# "Polisen i region Väst och elva andra myndigheter har ..."): credited to none.
_COORD_GAP = regex.compile(
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:i\s+(?:region|polisregion)\s+\p{Lu}\p{L}*\s*)?(?:,|och|samt|eller)\s*"
)
_COORD_OTHERS = regex.compile(
    r"\s*(?:i\s+(?:region|polisregion)\s+\p{Lu}\p{L}*\s*)?(?:och|samt)\s+(?:\p{L}+\s+)?(?i:andra|övriga)\s"
)


def _coordinated(i, agencies, text) -> bool:
    # "Centrala studiestödsnämnden (CSN)": the bracketed short form shares the
    # coordination of the full name before it
    while i > 0 and agencies[i - 1].agency_id == agencies[i].agency_id \
            and regex.fullmatch(r"\s*\(\s*", text[agencies[i - 1].end:agencies[i].start]):
        i -= 1
    a = agencies[i]
    if i > 0 and _COORD_GAP.fullmatch(text, agencies[i - 1].end, a.start):
        return True
    if i + 1 < len(agencies) and _COORD_GAP.fullmatch(text, a.end, agencies[i + 1].start):
        return True
    return bool(_COORD_OTHERS.match(text, a.end))
_AGENT_BEFORE = regex.compile(r"(?r)(?<!\p{L})(?i:av|hos)\s+$")


def _agency(k, money, scopes, agencies, agency_starts, text, kinds, category):
    """(agency id or None, how: "after" | "left" | None)."""
    m, sc = money[k], scopes[k]
    if category == "crime_amount":
        # the size of a crime is the offender's sum: the agency that found,
        # investigated or judged it ("utreds av Polismyndigheten för bedrägerier
        # för 30 miljoner kronor") is not credited with it
        return None, None
    lo = bisect_right(agency_starts, sc.left - 1)
    left_pick = None
    for i in range(lo, len(agencies)):
        a = agencies[i]
        if a.start >= sc.right_ext:
            break
        if a.start >= m.end:
            between = text[m.end:a.start]
            stripped = between.strip()
            if not stripped or stripped in ("(", "hos", "från"):
                return a.agency_id, "after"
            if stripped.endswith("(") and ")" not in stripped and len(stripped) < 60:
                return a.agency_id, "after"
            if len(between) < 40 and _AGENT_BEFORE.search(between):
                return a.agency_id, "after"
            continue
        if a.end <= m.start and a.start >= sc.left:
            genitive = _GENITIVE.match(text, a.end - 1) is not None  # "för Kronofogdens arbete"
            before = text[max(0, a.start - 30):a.start]
            if _ACCORDING.search(before) or (not genitive and _PREPOSITION_BEFORE.search(before)):
                continue
            if any(True for _ in _SUBCLAUSE.finditer(text, a.end, m.start)):
                continue  # "Skatteverket har gjort en anmälan ... där skatten uppgår till ..."
            if _coordinated(i, agencies, text):
                left_pick = None  # one of several agencies as subject: credited to none
                continue
            left_pick = a.agency_id
    return left_pick, ("left" if left_pick else None)


def _in_scope(hits, starts, lo, hi, skip=None):
    i = bisect_right(starts, lo - 1)
    out = []
    while i < len(hits) and hits[i].start < hi:
        if skip is None or not skip(hits[i]):
            out.append(hits[i])
        i += 1
    return out


def _parts(money, scopes, text):
    part_of = [None] * len(money)
    for k in range(1, len(money)):
        prev, cur = money[k - 1], money[k]
        gap = text[prev.end:cur.start]
        if "\n" in gap.strip(" \t") and not gap.strip().startswith(("varav", "därav")):
            continue
        if _BREAKDOWN.search(gap):
            part_of[k] = k - 1
        elif part_of[k - 1] is not None and len(gap) < 120 and not regex.search(r"[.!?]\s", gap):
            # a sibling of the part before it; a closing bracket ends a nested breakdown
            parent = part_of[k - 1]
            if ")" in gap and part_of[parent] is not None:
                parent = part_of[parent]
            if _BREAKDOWN.search(text, money[parent].end, cur.start) or ")" in gap:
                part_of[k] = parent
    _colon_lists(money, text, part_of)
    _sentence_colon_lists(money, scopes, text, part_of)
    _referring_breakdowns(money, scopes, text, part_of)
    return part_of


def _sentence_colon_lists(money, scopes, text, part_of):
    """ "sammanlagt 142 miljoner kronor: 78 miljoner kronor för A, 41 ...": the
    amounts after a colon that follows an amount in the same sentence are its parts."""
    k = 0
    while k < len(money) - 1:
        if not text[money[k].end:money[k + 1].start].lstrip(" \t").startswith(":"):
            k += 1
            continue
        j = k + 1
        while j < len(money) and scopes[j].sentence == scopes[k].sentence:
            if part_of[j] is None:
                part_of[j] = k
            j += 1
        k = j  # the rest of the sentence is this list: each amount is looked at once


# A sentence that breaks down an amount named before it: "Av återkraven gällde
# 174 miljoner kronor ...", "Av dem avsätts ...", "Sanktionsavgiften avser två
# överträdelser: 60 miljoner kronor ..., 25 miljoner kronor ...".
_REFERRING_START = regex.compile(
    r"[\s•·*–-]*(?:Av\s+(?:dem|dessa|detta|denna|\p{L}+(?:en|et|na))(?!\p{L})"
    r"|\p{Lu}\p{Ll}+(?:en|et|na)\s[^.:!?\n]{0,80}:)"
)


def _referring_breakdowns(money, scopes, text, part_of):
    """Parts named in a sentence of their own that refers back to an amount
    ("Av återkraven ...", "Avgiften avser ...: ..."). The parent is the nearest
    amount before the sentence, within the two paragraphs before it, whose
    value holds the parts' sum (so "en ökning från 231 miljoner kronor året
    innan", a comparison, is passed over)."""
    k = 0
    while k < len(money):
        sent = scopes[k].sentence
        end = k
        while end < len(money) and scopes[end].sentence == sent:  # amounts are in text order
            end += 1
        group = list(range(k, end))
        k = end
        first = group[0]
        if first == 0 or any(part_of[j] is not None for j in group):
            continue
        if _REFERRING_START.match(text, sent[0], money[first].start) is None:
            continue
        total = sum(money[j].value for j in group)
        lo = max(0, sent[0] - 1500)
        breaks = [b.start() for b in _BLANK.finditer(text, lo, sent[0])]
        if len(breaks) > 2:
            lo = breaks[-2]
        for i in range(first - 1, -1, -1):
            cand = money[i]
            if cand.start < lo:
                break
            if cand.currency == money[first].currency and cand.value >= total * 0.999:
                for j in group:
                    part_of[j] = i
                break


_BLANK = regex.compile(r"\n[ \t]*\n")


def _colon_lists(money, text, part_of):
    """Bullet lines under a line ending in ':' that holds exactly one amount."""
    starts = [m.start for m in money]
    for k, m in enumerate(money):
        line_end = text.find("\n", m.end)
        if line_end < 0:
            continue
        tail = line_end
        while tail > m.end and text[tail - 1] in " \t\r":
            tail -= 1
        if text[tail - 1] != ":":
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        first = bisect_right(starts, line_start - 1)
        last = bisect_right(starts, line_end - 1)
        if last - first != 1:
            continue  # the intro line must hold exactly this one amount
        pos = line_end + 1
        while pos < len(text):  # blank lines between the intro and its list
            nl = text.find("\n", pos)
            if nl < 0 or text[pos:nl].strip():
                break
            pos = nl + 1
        j = k + 1
        while j < len(money) and pos < len(text):
            nl = text.find("\n", pos)
            line_stop = len(text) if nl < 0 else nl
            line = text[pos:line_stop]
            if not line.strip() or not _BULLET.match(line):
                break
            while j < len(money) and money[j].start < line_stop:
                if money[j].start >= pos and part_of[j] is None:
                    part_of[j] = k
                j += 1
            pos = line_stop + 1


_BULLET = regex.compile(r"\s*(?:[•·\-–*▪●]|\d+[.)])")


@lru_cache(maxsize=None)
def _comparison():
    words = [row["word"] for row in table("money_context.tsv") if row["role"] == "comparison"]
    return regex.compile(r"(?<!\p{L})(?i:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?!\p{L})")


_THEN = regex.compile(r"[\s,]*(?i:då|när)\s*")


def _year_before_clause(text, sc, years_hits, year_starts):
    """The year a clause opened by "då"/"när" refers back to: "2022, då ..."."""
    i = bisect_right(year_starts, sc.clause_left) - 1
    if i < 0 or years_hits[i].start < sc.sentence[0]:
        return None
    y = years_hits[i]
    return y.year if _THEN.fullmatch(text, y.end, sc.clause_left) else None


def _sentence_period(sc, m, years_hits, year_starts):
    """A period named earlier in the sentence ("under 2021") covers the
    clauses after it that name no year of their own."""
    i = bisect_right(year_starts, m.start) - 1
    lo = max(sc.sentence[0], m.start - _REACH)  # as far as a scope reaches: linear in any sentence
    while i >= 0 and years_hits[i].start >= lo:
        if years_hits[i].role == "period" and not years_hits[i].relative:
            return years_hits[i].year
        i -= 1
    return None


@lru_cache(maxsize=None)
def _agency_kind(agency_id):
    from .agencies import agency_info

    try:
        return agency_info(agency_id).get("kind", "agency")
    except Exception:  # an id the gazetteer does not know: treat as an agency
        return "agency"


def attribute(found, *, reporting_year, release_region, warnings) -> list[Amount]:
    text = found.text
    money = found.money
    if not money:
        return []
    sentences = found.sentences or [(0, len(text))]
    scopes = _scopes(text, money, sentences)
    ranges = sorted({sc.sentence for sc in scopes})
    merged = []
    for lo, hi in ranges:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    cues = find_cues(text, merged)
    cue_starts = [c[0] for c in cues]
    agencies = sorted(found.agencies, key=lambda a: a.start)
    agency_starts = [a.start for a in agencies]
    years_hits = [y for y in found.years if y.year is not None]
    year_starts = [y.start for y in years_hits]
    places = sorted(found.places, key=lambda p: p.start)
    place_starts = [p.start for p in places]
    part_of = _parts(money, scopes, text)
    kinds = {agency_id: _agency_kind(agency_id) for agency_id in {a.agency_id for a in agencies}}
    hows: list = []
    headings = heading_starts = None

    out: list[Amount] = []
    for k, m in enumerate(money):
        sc = scopes[k]
        sibling = k > 0 and scopes[k - 1].sentence == sc.sentence \
            and _SIBLING.fullmatch(text, money[k - 1].end, m.start) is not None
        inherited = out[part_of[k]].category if part_of[k] is not None else (
            out[k - 1].category if sibling and out[k - 1].category != "other" else None)
        # the amount before, when this one is a further item of its list (split
        # from it by a comma, "och" or "samt" in the same sentence)
        prev_item = out[k - 1].category if k > 0 and scopes[k - 1].sentence == sc.sentence \
            and sc.split_word in _LIST_SPLITS and out[k - 1].category != "other" else None
        # a "sammanlagt" right after an amount of one kind is a sum of that kind
        listed = prev_item if prev_item != "total" else None
        category = _category(k, money, scopes, cues, cue_starts, text, warnings, inherited, listed)
        if category is None and k > 0 and scopes[k - 1].sentence == sc.sentence \
                and _comparison().search(text, money[k - 1].end, m.start):
            category = out[k - 1].category  # "45,7 miljoner kronor, jämfört med 51,5 miljoner kronor"
        elif category is None and k > 0 and _comparison().search(text, sc.left, m.start) \
                and not _BLANK.search(text, money[k - 1].end, m.start):
            # the next sentence of the paragraph: "... 258 miljoner kronor. Det är en
            # ökning från 231 miljoner kronor året innan."
            category = out[k - 1].category
        if category is None and prev_item is not None and len(text[sc.left:m.start].split()) <= 6 \
                and not _in_scope(agencies, agency_starts, sc.left, m.start):
            # a later item of a list under one verb: "utmättes en bil värd en halv miljon
            # kronor, två andra bilar värda 385 000 kronor samt smycken för 60 000 kronor"
            category = prev_item
        if category is None:
            # the row's own label ("Beslag | 9,3 mkr"), else the line that
            # introduces its list or table ("Så fördelade sig utmätningarna:")
            for label in (_label_line(text, m.start), _list_intro(text, m.start)):
                label_cues = find_cues(label) if label else []
                strong = [c for c in label_cues if c[3]] or label_cues
                if strong:
                    category = strong[0][2]
                    break
        agency, how = _agency(k, money, scopes, agencies, agency_starts, text, kinds, category or "other")
        if agency is None and part_of[k] is not None and scopes[part_of[k]].sentence == sc.sentence:
            agency = out[part_of[k]].agency  # not across sentences: "Av återkraven gällde ..."
        elif agency is None and sibling:
            agency, how = out[k - 1].agency, hows[k - 1]
        elif agency is None and sc.split_word in ("och", "samt") and k > 0 and hows[k - 1] == "left" \
                and not _in_scope(agencies, agency_starts, sc.left, m.start):
            # "Försäkringskassan ställde krav på ... och förhindrade utbetalningar om ...":
            # the subject carries over to a coordinated clause without its own
            agency, how = out[k - 1].agency, "left"
        hows.append(how)

        year = reporting_year
        right_after = [y for y in _in_scope(years_hits, year_starts, m.end, m.end + 3)
                       if "\n" not in text[m.end:y.start]]  # not the next table row's label
        in_clause = _in_scope(years_hits, year_starts, sc.clause_left, sc.right)
        column = _column_year(text, m, years_hits, year_starts)
        if right_after:  # "från 1,31 miljarder kronor 2018 till 1,27 miljarder kronor 2019"
            year = right_after[0].year
        elif column is not None:  # a table whose header row names the years
            year = column
        elif in_clause:
            year = min(in_clause, key=lambda y: abs(y.start - m.start)).year
        elif (named := _year_before_clause(text, sc, years_hits, year_starts)) is not None:
            year = named  # "jämfört med 2022, då motsvarande resultat var 61 miljoner kronor"
        elif part_of[k] is not None:
            year = out[part_of[k]].year
        elif (period := _sentence_period(sc, m, years_hits, year_starts)) is not None:
            year = period  # "undandrog under 2021 skatt med 6,2 miljoner och tvättade 12 miljoner"
        if m.change_from or (k > 0 and money[k - 1].change_from):
            # "steg från 287 till 318 miljoner kronor mellan 2023 och 2024": each its own year
            first = k if m.change_from else k - 1
            pair_years = [y.year for y in _in_scope(years_hits, year_starts, scopes[first].left,
                                                     scopes[min(first + 1, len(money) - 1)].right_ext)]
            if len(pair_years) == 2 and pair_years[0] != pair_years[1]:
                year = pair_years[0] if m.change_from else pair_years[1]

        region = release_region
        near_places = _in_scope(places, place_starts, sc.left, sc.right_ext)
        if near_places:
            p = min(near_places, key=lambda p: abs(p.start - m.start))
            region = p.police_region or (p.region_id if p.kind == "police_region" else region)
        elif part_of[k] is not None:
            region = out[part_of[k]].region
        elif (earlier := _in_scope(places, place_starts, max(sc.sentence[0], m.start - _REACH), m.start)) \
                and (earlier[-1].police_region or earlier[-1].kind == "police_region"):
            # a place named earlier in the sentence: "I Helsingborg beslagtog Tullverket
            # 340 000 danska kronor och 62 000 DKK"
            p = earlier[-1]
            region = p.police_region or p.region_id
        elif places:
            # a section of a report under a heading that names a region ("Region Syd")
            if headings is None:
                headings = _section_headings(text, found.title_end)
                heading_starts = [h[0] for h in headings]
            i = bisect_right(heading_starts, m.start) - 1
            if i >= 0:
                in_heading = _in_scope(places, place_starts, *headings[i])
                if in_heading and in_heading[0].police_region:
                    region = in_heading[0].police_region

        out.append(Amount(
            text=text[m.start:m.end], start=m.start, end=m.end, value=m.value,
            value_max=m.value_max, currency=m.currency, qualifier=m.qualifier,
            category=category or "other", agency=agency, region=region, year=year,
            part_of=part_of[k]))
    return out
