"""Amount attribution: category, agency credited, year, region and part_of.

The rules, in the order they apply (docs/attribution.md has the examples):

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
och besparingar") makes the amount `total`. Without a cue in scope: a short
label line just above ("Beslag" over a figure), then the parent of a
"varav" breakdown, else `other`. When a strong cue of another category
stands almost as near on the other side, the nearest wins and a warning
names the amount.

Agency. The agency the text credits: one named right after the amount
("9,3 miljoner Försäkringskassan"), in brackets after it in the same
clause ("(Försäkringskassan)"), as agent after it ("av Tullverket"), or
before it in the same clause as subject or genitive ("Kronofogden utmätte
...", "Försäkringskassans återkrav på ..."), not one behind a preposition
("tillsammans med Polisen"). Parts of a breakdown without their own take
their parent's. Otherwise null: never a guess from elsewhere in the text.

part_of. An amount after "varav", "därav", "fördelat på" breaks down the
amount before it; further amounts joined to a part by "och", "samt" or a
comma are its siblings; a closing bracket ends a nested breakdown. Items
of a list under a line that ends with ":" and holds one amount are its parts.

Year and region. A year or place named in the amount's own clause, else
the release's reporting year and region. "sedan 2009" is a start, not the
amount's year.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from .data import table
from .records import Amount

_BOUNDARY = regex.compile(
    r"[;,]|(?<!\p{L})(?i:och|samt|medan|men|varav|därav|respektive|vilket|varpå)(?!\p{L})|\s[–—]\s"
)
# Where the right side of the last amount in a sentence stops.
_RIGHT_END = regex.compile(
    r"[;,(]|(?<!\p{L})(?i:medan|men|varav|därav|vilket|samtidigt)(?!\p{L})"
    r"|(?<!\p{L})(?:och|samt)\s+(?=\p{Lu}|(?:det|de|han|hon|man|vi|myndigheten|polisen)\s)"
)
_LEFT_CLAUSE = regex.compile(r"[;,:]|(?<!\p{L})(?i:medan|men|när|då|eftersom|där)(?!\p{L})|\s[–—]\s")
_BREAKDOWN = regex.compile(
    r"(?<!\p{L})(?i:varav|därav|varibland|fördela[dst]?\s+på|uppdelat\s+på|fördelat\s+på)(?!\p{L})"
)
_SIBLING = regex.compile(r"^[\s,;]*(?:(?i:och|samt|respektive|,)[\s]*)?$")
_LIST_SEP = regex.compile(r"^\s*(?:,\s*|(?i:och|samt|eller|,)\s+|,\s*(?i:och|samt)\s+)$")
_PREPOSITION_BEFORE = regex.compile(
    r"(?<!\p{L})(?i:med|hos|från|till|för|mot|via|enligt|inom|vid|på|åt|om|hjälp\s+av|tillsammans\s+med|i\s+samarbete\s+med)\s+$"
)
_AGENT = regex.compile(r"^\s*(?i:av|från|hos)\s+$")
_SINCE = regex.compile(r"(?i:sedan|från\s+och\s+med|fram\s+till|t\.o\.m\.|före)\s+$")


def _cue_regex(cue: str) -> str:
    """ "förhindra* _ utbetalning*" -> förhindra\p{L}*(?:\s+\p{L}+)?\s+utbetalning\p{L}*"""
    out = ""
    for word in cue.split():
        if word == "_":
            out += r"(?:\s+\p{L}+)?"
            continue
        esc = regex.escape(word.strip("*"))
        if word.startswith("*"):
            esc = r"\p{L}*" + esc
        if word.endswith("*"):
            esc += r"\p{L}*"
        out += (r"\s+" if out else "") + esc
    return out


@lru_cache(maxsize=None)
def _cues():
    groups: dict[str, list[str]] = {}
    for row in table("category_cues.tsv"):
        key = f"{row['category']}__{row['strength']}"
        groups.setdefault(key, []).append(_cue_regex(row["cue"].lower()))
    alts = []
    names = {}
    for i, (key, pats) in enumerate(sorted(groups.items())):
        name = f"g{i}"
        names[name] = tuple(key.split("__"))
        pats.sort(key=len, reverse=True)
        alts.append(f"(?P<{name}>" + "|".join(pats) + ")")
    pattern = regex.compile(r"(?<!\p{L})(?i:" + "|".join(alts) + r")(?!\p{L})")
    return pattern, names


def find_cues(text: str, ranges=None) -> list[tuple[int, int, str, bool]]:
    """(start, end, category, strong) of every cue in the text, or only in the
    given sorted, disjoint (start, end) ranges: the sentences that hold amounts."""
    pattern, names = _cues()
    out = []
    for lo, hi in ranges if ranges is not None else [(0, len(text))]:
        out += [(m.start(), m.end(), names[m.lastgroup][0], names[m.lastgroup][1] == "strong")
                for m in pattern.finditer(text, lo, hi)]
    return out


def _in_list(cues, i, text) -> set[str]:
    """Categories of the list of cues that cue i stands in ("återkrav, utmätningar och beslag")."""
    cats = {cues[i][2]}
    j = i
    while j > 0 and _LIST_SEP.match(text[cues[j - 1][1]:cues[j][0]]):
        j -= 1
        cats.add(cues[j][2])
    j = i
    while j + 1 < len(cues) and _LIST_SEP.match(text[cues[j][1]:cues[j + 1][0]]):
        j += 1
        cats.add(cues[j][2])
    return cats


def _sentence_index(sentences, pos):
    starts = [s for s, _ in sentences]
    i = bisect_right(starts, pos) - 1
    return max(i, 0)


class _Scope:
    __slots__ = ("left", "right", "clause_left")

    def __init__(self, left, right, clause_left):
        self.left, self.right, self.clause_left = left, right, clause_left


def _scopes(text, money, sentences) -> list[_Scope]:
    scopes = []
    sent_of = [_sentence_index(sentences, m.start) if sentences else 0 for m in money]
    for k, m in enumerate(money):
        s_start, s_end = sentences[sent_of[k]] if sentences else (0, len(text))
        s_end = max(s_end, m.end)
        left = s_start
        if k > 0 and sent_of[k - 1] == sent_of[k]:
            prev = money[k - 1]
            b = _BOUNDARY.search(text, prev.end, m.start)
            left = b.start() if b else m.start
        if k + 1 < len(money) and sent_of[k + 1] == sent_of[k]:
            nxt = money[k + 1]
            b = _BOUNDARY.search(text, m.end, nxt.start)
            right = b.start() if b else m.end
        else:
            b = _RIGHT_END.search(text, m.end, s_end)
            right = b.start() if b else s_end
        clause_left = left
        for b in _LEFT_CLAUSE.finditer(text, left, m.start):
            clause_left = b.end()
        scopes.append(_Scope(left, right, clause_left))
    return scopes


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


def _category(k, money, scopes, cues, cue_starts, text, warnings):
    m, sc = money[k], scopes[k]
    lo = bisect_right(cue_starts, sc.left - 1)
    best = {True: None, False: None}  # strong -> (distance, index, side)
    left_best = right_best = None
    i = lo
    while i < len(cues) and cues[i][0] < sc.right:
        c_start, c_end, cat, strong = cues[i]
        if c_end <= m.start and c_start >= sc.left:
            dist, side = m.start - c_end, "left"
        elif c_start >= m.end and c_end <= sc.right:
            dist, side = c_start - m.end, "right"
        else:
            i += 1
            continue
        cur = best[strong]
        if cur is None or dist < cur[0] or (dist == cur[0] and side == "right"):
            best[strong] = (dist, i, side)
        if strong and side == "left" and (left_best is None or dist < left_best[0]):
            left_best = (dist, i)
        if strong and side == "right" and (right_best is None or dist < right_best[0]):
            right_best = (dist, i)
        i += 1
    chosen = best[True] or best[False]
    if chosen is None:
        return None
    idx = chosen[1]
    cats = _in_list(cues, idx, text)
    if len(cats) >= 2:
        return "total"
    if left_best and right_best and cues[left_best[1]][2] != cues[right_best[1]][2] \
            and abs(left_best[0] - right_best[0]) <= 12:
        warnings.append(
            f"amount {k} ({text[m.start:m.end]!r}): cues {text[cues[left_best[1]][0]:cues[left_best[1]][1]]!r} "
            f"({cues[left_best[1]][2]}) and {text[cues[right_best[1]][0]:cues[right_best[1]][1]]!r} "
            f"({cues[right_best[1]][2]}) compete; chose {cues[idx][2]} (nearest)")
    return cues[idx][2]


def _agency(k, money, scopes, agencies, agency_starts, text):
    m, sc = money[k], scopes[k]
    lo = bisect_right(agency_starts, sc.left - 1)
    left_pick = None
    for a in agencies[lo:]:
        if a.start >= sc.right:
            break
        if a.start >= m.end:
            between = text[m.end:a.start]
            if not between.strip() or between.strip() in ("(", "i (", "till", "hos"):
                return a.agency_id
            if between.rstrip().endswith("(") and ")" not in between:
                return a.agency_id
            if _AGENT.match(between[-12:] if len(between) > 12 else between) and len(between) < 40:
                return a.agency_id
            continue
        if a.end <= m.start and a.start >= sc.clause_left:
            if _PREPOSITION_BEFORE.search(text, max(0, a.start - 30), a.start):
                continue
            left_pick = a.agency_id  # the nearest one before the amount wins
    return left_pick


def _nearest_before(hits, starts, lo_pos, pos):
    """The last hit in [lo_pos, pos)."""
    i = bisect_right(starts, pos - 1) - 1
    if i >= 0 and hits[i].start >= lo_pos and hits[i].end <= pos:
        return hits[i]
    return None


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
    return part_of


def _colon_lists(money, text, part_of):
    """Bullet lines under a line ending in ':' that holds exactly one amount."""
    for k, m in enumerate(money):
        line_end = text.find("\n", m.end)
        if line_end < 0:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        if not text[:line_end].rstrip().endswith(":"):
            continue
        same_line = [j for j, o in enumerate(money) if line_start <= o.start < line_end]
        if same_line != [k]:
            continue
        j = k + 1
        pos = line_end
        while j < len(money):
            nxt_line_start = text.find("\n", pos) + 1 if text.find("\n", pos) >= 0 else len(text)
            line = text[nxt_line_start:text.find("\n", nxt_line_start) if text.find("\n", nxt_line_start) >= 0 else len(text)]
            if not line.strip():
                break
            if not regex.match(r"\s*(?:[•·\-–*▪●]|\d+[.)])", line):
                break
            for jj in range(j, len(money)):
                if nxt_line_start <= money[jj].start < nxt_line_start + len(line):
                    if part_of[jj] is None:
                        part_of[jj] = k
                    j = jj + 1
            pos = nxt_line_start + len(line)
            if pos >= len(text):
                break


def attribute(found, *, reporting_year, release_region, warnings) -> list[Amount]:
    text = found.text
    money = found.money
    if not money:
        return []
    sentences = found.sentences or [(0, len(text))]
    scopes = _scopes(text, money, sentences)
    ranges = sorted({(min(sc.left, m.start), max(sc.right, m.end)) for sc, m in zip(scopes, money)})
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

    out: list[Amount] = []
    for k, m in enumerate(money):
        sc = scopes[k]
        category = _category(k, money, scopes, cues, cue_starts, text, warnings)
        if category is None and part_of[k] is not None:
            category = out[part_of[k]].category
        if category is None:
            label = _label_line(text, m.start)
            if label:
                label_cues = find_cues(label)
                strong = [c for c in label_cues if c[3]] or label_cues
                if strong:
                    category = strong[0][2]
        agency = _agency(k, money, scopes, agencies, agency_starts, text)
        if agency is None and part_of[k] is not None:
            agency = out[part_of[k]].agency

        year = reporting_year
        in_clause = _in_scope(years_hits, year_starts, sc.clause_left, sc.right)
        in_clause = [y for y in in_clause
                     if not _SINCE.search(text, max(0, y.start - 20), y.start)]
        if in_clause:
            year = min(in_clause, key=lambda y: abs(y.start - m.start)).year
        elif part_of[k] is not None:
            year = out[part_of[k]].year

        region = release_region
        near_places = _in_scope(places, place_starts, sc.clause_left, sc.right)
        if near_places:
            p = min(near_places, key=lambda p: abs(p.start - m.start))
            region = p.police_region or (p.region_id if p.kind == "police_region" else region)
        elif part_of[k] is not None:
            region = out[part_of[k]].region

        out.append(Amount(
            text=text[m.start:m.end], start=m.start, end=m.end, value=m.value,
            value_max=m.value_max, currency=m.currency, qualifier=m.qualifier,
            category=category or "other", agency=agency, region=region, year=year,
            part_of=part_of[k]))
    return out
