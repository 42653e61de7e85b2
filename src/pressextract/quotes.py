"""Quotes and who said them.

Two forms:
- the dash quote: a paragraph that starts with a dash ("– Vi har ..., säger
  Anna Svensson, kommunikatör vid Polisen."). The quote is the text after the
  dash up to the comma before the verb of saying; the speaker is the name
  after the verb, the role the words before the name ("säger regionpolischef
  Ulf Johansson") or after its comma, up to the end of the sentence.
- quotation marks (”…”, "…", »…«, “…”, „…“) on one line, attributed by a verb
  of saying or "enligt" right after the closing mark, in the next sentence
  ("”...” Det säger ...") or before the opening mark ("Anna Svensson säger: ”...").

Decisions:
- one QuoteHit per paragraph. A dash paragraph without an attribution of its
  own takes the speaker of the dash paragraphs right after it (the name is
  often given once, at the end of a run), else of a line before it that ends
  in a colon ("Anna Svensson säger:"), else of the quote before it when it
  reads as speech (ends like a sentence, a few words, no leading figure).
  Otherwise it is a bullet, not a quote.
- sentences after the attribution in the same dash paragraph are the same
  speaker's words: a second QuoteHit.
- quotation marks without an attribution are titles, names or irony
  ("rapporten ”Lägesbild 2020”"), not quotes.
- "säger hon/han" takes the last speaker named; a surname alone ("säger
  Johansson") takes the full name given earlier. The role is the one stated
  in the attribution itself: none for "säger hon", none for a speaker
  without a name ("säger en talesperson för Polisen").
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from .data import table
from .hits import QuoteHit

_SP = "[ \t\u00a0\u202f]"
_SPACES = " \t\u00a0\u202f"
_DASHES = "–—―-"
_OPENERS = "”“„»\""
_QUOTED = regex.compile(
    r"”(?P<q>[^”\n]{1,3000}+)”"
    r"|“(?P<q>[^“”\n]{1,3000}+)”"
    r"|„(?P<q>[^„“”\n]{1,3000}+)[“”]"
    r"|»(?P<q>[^»«\n]{1,3000}+)[«»]"
    r"|\"(?P<q>[^\"\n]{1,3000}+)\""
)
# the end of the attribution sentence: . ! ? followed by the end of the line or a new sentence
_SENT_END = regex.compile(r"[.!?](?=[ \t\u00a0]*+(?:$|[\r\n])|[ \t\u00a0]++[\p{Lu}–—\"”»])", regex.M)
_TRIM = " \t\u00a0\u202f\r,;:"
_MAX_ATTR = 300  # characters an attribution may run to


@lru_cache(maxsize=None)
def _words() -> dict:
    out: dict[str, set] = {}
    for row in table("quote_verbs.tsv"):
        out.setdefault(row["kind"], set()).add(row["word"].lower())
    return out


def _alt(words) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", _SP + "++") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _patterns():
    w = _words()
    say = _alt(w["verb"] | w["source"])
    verb = _alt(w["verb"])
    lead = _alt(w["lead"])
    # inside a dash paragraph: ", säger X", "? säger X", ". Det säger X"
    inside = regex.compile(
        rf"(?:,|(?<=[!?…]))[ \t\u00a0]++(?i:{say})(?!\p{{L}}){_SP}++(?=\S)"
        rf"|(?<=[.!?…])[ \t\u00a0]++(?i:{lead}){_SP}++(?i:{say})(?!\p{{L}}){_SP}++(?=\S)")
    # right after a closing quotation mark: ", säger X", ". Det säger X", ", enligt X"
    after = regex.compile(
        rf"{_SP}*+[,.!?]?{_SP}*+(?:(?i:{lead}){_SP}++)?(?i:{say})(?!\p{{L}}){_SP}++(?=\S)")
    # before an opening mark or at the end of an intro line: "Anna Svensson säger:" / "säger Anna Svensson:"
    before = regex.compile(rf"(?<!\p{{L}})(?i:{verb})(?!\p{{L}})")
    # the text before an opening mark ends in a verb of saying or a colon
    intro_end = regex.compile(rf"(?r)(?:(?<!\p{{L}})(?i:{verb})(?!\p{{L}}){_SP}*+:?|:){_SP}*+$")
    return inside, after, before, intro_end


def _is_name_word(word: str) -> bool:
    core = word.strip("().,;:!?\"”»")
    return (len(core) >= 2 and core[0].isupper() and any(c.islower() for c in core)
            and core.replace("-", "").replace("'", "").isalpha() and core == word.rstrip(",.;:!?"))


def _name_runs(words: list[str]) -> list[tuple[int, int]]:
    """Runs [i, j) of capitalised words (with name particles inside)."""
    particles = _words().get("particle", set())
    runs, i = [], 0
    while i < len(words):
        if _is_name_word(words[i]):
            j = i + 1
            while j < len(words):
                if _is_name_word(words[j]) and not words[j - 1].endswith(","):
                    j += 1
                elif (words[j] in particles and j + 1 < len(words) and _is_name_word(words[j + 1])
                      and not words[j - 1].endswith(",")):
                    j += 2
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _attribution(text: str, pos: int, limit: int, known: dict):
    """Speaker and role from the words after a verb of saying at pos:
    (speaker, role, end, how) with how in named/pronoun/unnamed, or None."""
    w = _words()
    limit = min(limit, pos + _MAX_ATTR)
    m = _SENT_END.search(text, pos, limit)
    end = m.start() if m else limit
    clause = text[pos:end]
    while clause and clause[-1] in " \t\u00a0:":
        clause = clause[:-1]
    words = clause.split()
    if not words:
        return None
    first = words[0].strip(",.:;!?").lower()
    if first in w.get("pronoun", ()):
        speaker = next(reversed(known), None) or _introduced(text, pos)
        return speaker, None, end, "pronoun"
    if first in w.get("not_speaker", ()):
        return None
    comma = clause.find(",")
    head = clause[:comma] if comma >= 0 else clause
    tail = clause[comma + 1:] if comma >= 0 else ""
    hw = head.split()
    runs = _name_runs(hw)
    name = None
    for i, j in runs:
        if j - i >= 2:
            name = (i, j)
            break
    if name is None and runs:
        i, j = runs[0]
        surname = " ".join(hw[i:j])
        full = next((k for k in reversed(known) if k.endswith(" " + surname)), None)
        if full or i == 0:
            name = (i, j)
    role = None
    if name is None:
        # "säger en talesperson för Tullverket": a speaker without a name
        if len(hw) > 8 or hw[0].lower() not in w.get("unnamed", ()):
            return None
        return None, None, end, "unnamed"
    i, j = name
    speaker = " ".join(x.strip("(),") for x in hw[i:j])
    if j - i == 1:
        speaker = next((k for k in reversed(known) if k.endswith(" " + speaker)), speaker)
    if i > 0:
        role = _clean_role(" ".join(hw[:i]))
    elif j == len(hw) and tail.strip():
        tw = tail.split()
        stops = w.get("role_stop", ())
        if tw[0].lower() not in stops:
            # the role ends where a clause starts: "..., chef för X, när rapporten presenterades"
            for part in regex.finditer(r",\s*(\p{L}+)", tail):
                if part.group(1).lower() in stops:
                    tail = tail[:part.start()]
                    break
            role = _clean_role(tail)
    return speaker, role, end, "named"


# "Eva Lund är kommunpolis i Lund." before "..., säger hon": a person introduced
# at the start of a sentence, followed by "är", "var", "har", "leder" or a comma.
_INTRODUCED = regex.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?[ \t]\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
    r"(?=[ \t](?:är|var|har|hade|leder|arbetar)\b|,[ \t]\p{Ll})"
)


def _introduced(text: str, pos: int):
    """The last person introduced in the 800 characters before pos (for "säger
    hon" when no speaker has been named yet), or None."""
    lo = max(0, pos - 800)
    name = None
    for m in _INTRODUCED.finditer(text, lo, pos):
        if m.group(1).split()[0].lower() not in _words().get("not_name", ()):
            name = m.group(1)
    return name


def _clean_role(s: str):
    s = " ".join(s.split()).strip(" ,;:.")
    if s.endswith(")") and s.count(")") > s.count("("):
        s = s[:-1].rstrip(" ,;:.")
    if s.startswith("(") and s.count("(") > s.count(")"):
        s = s[1:].lstrip()
    return s or None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    while s < e and text[s] in " \t\u00a0":
        s += 1
    return s, e


def _line_before(text: str, pos: int) -> tuple[int, int] | None:
    """The last non-empty line before pos (bounded look-back)."""
    e = pos
    floor = max(0, pos - 2000)
    while e > floor and text[e - 1].isspace():
        e -= 1
    if e <= floor:
        return None
    s = text.rfind("\n", floor, e) + 1
    return (s, e)


def _intro(text: str, line: tuple[int, int] | None, known: dict):
    """Speaker of a line that introduces a quote: "Anna Svensson, kommunikatör, säger:"
    or "Så här säger regionpolischef Ulf Johansson:"."""
    if line is None:
        return None
    s, e = line
    if e - s > 600 or not text[s:e].rstrip().endswith(":"):
        return None
    return _intro_clause(text, s, e, known)


def _intro_clause(text: str, s: int, e: int, known: dict):
    before = _patterns()[2]
    last = None
    for m in before.finditer(text, max(s, e - 300), e):
        last = m
    if last is None:
        return None
    pos = last.end()
    while pos < e and text[pos] in " \t\u00a0":
        pos += 1
    if text[pos:e].strip(" \t\u00a0:"):  # "säger Ulf Johansson:"
        return _attribution(text, pos, e, known)
    # "Ulf Johansson, regionpolischef, säger:": the name before the verb
    head = text[s:last.start()]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
    if cut >= 0:
        head = head[cut + 2:]
    hw = head.split()
    runs = [r for r in _name_runs(hw) if r[1] - r[0] >= 2]
    if not runs:
        return None
    i, j = runs[-1]
    speaker = " ".join(x.strip(",") for x in hw[i:j])
    role = None
    if hw[j - 1].endswith(",") and j < len(hw):
        role = _clean_role(" ".join(hw[j:]))
    return speaker, role, e, "named"


def _dash_paragraphs(text: str) -> list[dict]:
    """Lines that start with a dash and a space. (str methods, not a regex
    over the whole text: this runs on every text and must cost next to nothing.)"""
    out = []
    pos = 0
    for line in text.split("\n"):
        body = line.lstrip(_SPACES)
        if len(body) > 2 and body[0] in _DASHES and body[1] in _SPACES:
            rest = body[1:].lstrip(_SPACES)
            if rest and not rest[0].isspace():
                e = pos + len(line.rstrip("\r"))
                d = pos + len(line) - len(body)
                b = pos + len(line) - len(rest)
                out.append({"start": b, "end": e, "para": (d, e), "dash": body[0]})
        pos += len(line) + 1
    return out


def _quoted(text: str):
    """Quotation-mark spans, tried only where an opening mark stands."""
    starts = []
    for ch in _OPENERS:
        i = text.find(ch)
        while i >= 0:
            starts.append(i)
            i = text.find(ch, i + 1)
    starts.sort()
    last = -1
    for i in starts:
        if i < last:
            continue
        m = _QUOTED.match(text, i)
        if m is not None:
            last = m.end()
            yield m


def find_quotes(text: str) -> list[QuoteHit]:
    after = _patterns()[1]
    cands = [("dash", d) for d in _dash_paragraphs(text)]
    dash_starts = [d["para"][0] for _, d in cands]
    for m in _quoted(text):
        i = bisect_right(dash_starts, m.start()) - 1
        if i >= 0 and m.start() < cands[i][1]["para"][1]:
            continue  # quotation marks inside a dash paragraph belong to it
        s, e = m.span("q")
        cands.append(("mark", {"start": s, "end": e, "open": m.start(), "close": m.end()}))
    cands.sort(key=lambda c: c[1]["start"])

    known: dict = {}  # full names of the speakers so far (-> role), the latest last
    quotes: list[dict] = []
    for kind, c in cands:
        if kind == "dash":
            _resolve_dash(text, c, known, quotes)
        else:
            _resolve_mark(text, c, known, quotes, after)
    _fill_unattributed(text, quotes)
    return [QuoteHit(start=q["start"], end=q["end"], speaker=q["speaker"], role=q["role"])
            for q in quotes if q.get("keep", True)]


def _remember(known: dict, speaker, role, how: str) -> None:
    if speaker and how == "named" and " " in speaker:
        known.pop(speaker, None)
        known[speaker] = role  # the latest speaker last


def _resolve_dash(text, c, known, quotes) -> None:
    b, e = c["start"], c["end"]
    for n, a in enumerate(_patterns()[0].finditer(text, b, e)):
        if n >= 5:
            break
        a_start, a_end = a.span()
        res = _attribution(text, a_end, e, known)
        qs, qe = _trim(text, b, a_start)
        if res is not None and qe > qs:
            speaker, role, attr_end, how = res
            quotes.append({"start": qs, "end": qe, "speaker": speaker, "role": role, "how": how,
                           "para": c["para"]})
            _remember(known, speaker, role, how)
            # the same speaker's words after the attribution sentence
            rs, re_ = _trim(text, attr_end + 1, e)
            if re_ - rs > 1 and text[rs].isupper():
                quotes.append({"start": rs, "end": re_, "speaker": speaker, "role": role,
                               "how": how, "para": c["para"]})
            return
    qs, qe = _trim(text, b, e)
    if qe <= qs:
        return
    intro = _intro(text, _line_before(text, c["para"][0]), known)
    if intro is not None:
        quotes.append({"start": qs, "end": qe, "speaker": intro[0], "role": intro[1], "how": "intro",
                       "para": c["para"]})
        _remember(known, intro[0], intro[1], intro[3])
    else:
        quotes.append({"start": qs, "end": qe, "speaker": None, "role": None, "how": "none",
                       "para": c["para"], "dash": c["dash"]})


def _resolve_mark(text, c, known, quotes, after) -> None:
    s, e = _trim(text, c["start"], c["end"])
    if e <= s:
        return
    line_end = text.find("\n", c["close"])
    line_end = len(text) if line_end < 0 else line_end
    res = None
    a = after.match(text, c["close"], line_end)
    if a is not None:
        res = _attribution(text, a.end(), line_end, known)
    if res is None:
        line_start = max(text.rfind("\n", 0, c["open"]) + 1, c["open"] - 300)
        if _patterns()[3].search(text, line_start, c["open"]):
            res = _intro_clause(text, line_start, c["open"], known)
    if res is None:
        return  # no attribution: a title or a name in quotation marks
    speaker, role, _, how = res
    quotes.append({"start": s, "end": e, "speaker": speaker, "role": role, "how": how, "para": None})
    _remember(known, speaker, role, how)


def _fill_unattributed(text: str, quotes: list[dict]) -> None:
    """Dash paragraphs without their own attribution: take the speaker of the
    run of dash paragraphs they open, else of the quote before them when they
    read as speech; else they are bullets."""
    for idx in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[idx], quotes[idx + 1]
        if (q["how"] == "none" and nxt["how"] != "none" and nxt["para"] is not None
                and not text[q["para"][1]:nxt["para"][0]].strip()):
            q.update(speaker=nxt["speaker"], role=nxt["role"], how="run")
    last = None
    for q in quotes:
        if q["how"] == "none":
            body = text[q["start"]:q["end"]]
            speechlike = (body[-1:] in ".!?…”\"»" and len(body.split()) >= 3
                          and not body[:1].isdigit() and q.get("dash") != "-")
            if last is not None and speechlike:
                q.update(speaker=last["speaker"], role=last["role"], how="previous")
            else:
                q["keep"] = False
        if q.get("keep", True) and q["speaker"]:
            last = q


def find(found, doc) -> None:
    found.quotes = find_quotes(found.text)
