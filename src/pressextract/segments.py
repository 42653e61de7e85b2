"""Sentences, clauses and the title: the shared frame every finder and the
attribution pass use. Plain regexes over the text (faster than walking
tokens in Python, and exact on offsets)."""
from __future__ import annotations

import importlib
import threading

import regex

# A sentence ends at ., ! or ? followed by space and an upper-case letter, a
# dash, a quote or a bullet; or at a line break (lists, headings, datelines).
# Abbreviations that end in a dot ("ca.", "kl.", "bl.a.", "kr.") are followed by
# lower case or digits in running text, so they do not end a sentence here.
#
# The scan looks only at the few characters that can end a sentence (found
# with str.find, in C) and tests the rule there: a regex pass over the whole
# text costs several times more. The rule, as one regex, is
#   [.!?]["”»']?[ \t]++(?=[\p{Lu}–—•"”»\d])  |  (?<![ \t])[ \t]*+\n\s*+
# and the matches are taken left to right without overlap, like finditer.
_ENDERS = ".!?\n"
_QUOTES = "\"”»'"
_NEXT = regex.compile(r"[\p{Lu}–—•\"”»\d]")  # what may start the next sentence
_WHITE = regex.compile(r"\s*+")
_ABBREV_BEFORE = regex.compile(r"(?:\b(?:ca|kl|bl\.a|t\.ex|kr|milj|nr|s\.k|m\.m|d\.v\.s|jfr|tel|resp|st)\.)$", regex.I)


def _ender_positions(text: str) -> list[int]:
    out = []
    find = text.find
    for ch in _ENDERS:
        i = find(ch)
        while i >= 0:
            out.append(i)
            i = find(ch, i + 1)
    out.sort()
    return out


def _next_starts(c: str) -> bool:
    if c < "\x80":
        return "A" <= c <= "Z" or "0" <= c <= "9" or c == '"'
    return _NEXT.match(c) is not None


def sentences(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0  # start of the current sentence
    scan = 0  # end of the last sentence break
    n = len(text)
    for p in _ender_positions(text):
        if p < scan:  # a line break inside the white space after an earlier one
            continue
        if text[p] == "\n":
            start = p
            while start > scan and text[start - 1] in " \t":
                start -= 1
            after = p + 1
            while after < n and text[after] in "\n \t\r":  # blank lines, in Python
                after += 1
            if after < n and text[after].isspace():  # any other white space: \s decides
                after = _WHITE.match(text, after).end()
            end, scan = start, after
        else:
            j = p + 1
            if j < n and text[j] in _QUOTES:
                j += 1
            if j >= n or text[j] not in " \t":
                continue
            while j < n and text[j] in " \t":
                j += 1
            if j >= n or not _next_starts(text[j]):
                continue
            scan = j
            # ". " case: skip known abbreviations followed by a capital ("kl. 10" has a digit though)
            if text[p] == "." and _ABBREV_BEFORE.search(text, max(0, p - 6), p + 1):
                continue
            end = p + 1
            while end < n and text[end] in _QUOTES:
                end += 1
        if end > pos:
            seg_start = pos
            while seg_start < end and text[seg_start].isspace():
                seg_start += 1
            if end > seg_start:
                out.append((seg_start, end))
        pos = scan
    end = n
    while end > pos and text[end - 1].isspace():
        end -= 1
    if end > pos:
        out.append((pos, end))
    return out


_HEADING_END = regex.compile(r"[.!?:;,]$")


def title(text: str) -> tuple[str | None, int]:
    """The first non-empty line when it reads as a heading: short, no final
    sentence punctuation, starting with a capital letter or a digit."""
    stripped = text.lstrip()
    if not stripped:
        return None, 0
    start = len(text) - len(stripped)
    nl = text.find("\n", start)
    end = len(text) if nl < 0 else nl
    line = text[start:end].strip()
    if not line or len(line) > 200 or _HEADING_END.search(line):
        return None, 0
    if not (line[0].isupper() or line[0].isdigit()):
        return None, 0
    # a heading line must be followed by a break (or be the whole text)
    return line, end


# --- a lower-case copy, shared by the finders that search it --------------------

_SPACES = "\t\n\v\f\r\xa0\u2007\u2009\u202f"
_last_folded = (None, "")


def fold(text: str) -> str:
    """Lower case with every white space as one space, offsets unchanged."""
    low = text.lower()
    if len(low) != len(text):  # a rare character whose lower case is longer
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for space in _SPACES:
        if space in low:
            low = low.replace(space, " ")
    return low


def folded(text: str) -> str:
    """fold(text) of a whole text. Several finders search this copy (with
    str.find or an Aho-Corasick automaton); the last one is kept, so it is
    built once per text."""
    global _last_folded
    last = _last_folded
    if last[0] is not text:
        last = _last_folded = (text, fold(text))
    return last[1]


# --- one Aho-Corasick pass for the word lists of several finders --------------

# Finder modules whose word lists share one automaton over folded(text); each
# has scan_keys() -> {key as fold() writes it: payload}. The value of a key is
# (its length, payload of SCANNED[0] or None, payload of SCANNED[1] or None).
# One pass costs about as much as a pass for one of the lists alone.
SCANNED = ("agencies", "places")
_scan_lock = threading.Lock()
_scanner = None
_last_hits = (None, [])


def _build_scanner():
    import ahocorasick

    merged: dict = {}
    for i, name in enumerate(SCANNED):
        keys = importlib.import_module(f"{__package__}.{name}").scan_keys()
        for key, payload in keys.items():
            merged.setdefault(key, [len(key)] + [None] * len(SCANNED))[i + 1] = payload
    automaton = ahocorasick.Automaton()
    for key, value in merged.items():
        automaton.add_word(key, tuple(value))
    if merged:
        automaton.make_automaton()
    return automaton, bool(merged)


def scan(text: str) -> list:
    """(index of the last character, value) of every key of the SCANNED word
    lists in folded(text), in order of the last character. The last text's
    hits are kept, so the finders share the pass."""
    global _scanner, _last_hits
    last = _last_hits
    if last[0] is text:
        return last[1]
    if _scanner is None:
        with _scan_lock:
            if _scanner is None:
                _scanner = _build_scanner()
    automaton, any_keys = _scanner
    hits = list(automaton.iter(folded(text))) if any_keys else []
    _last_hits = (text, hits)
    return hits


def plain_case(word: str) -> bool:
    """Lower-casing the word is one character for one, the same in any
    context (no final sigma): where a text has the word, fold(text) has
    fold(word)."""
    return all(len(c.lower()) == 1 for c in word) and "\u03a3" not in word


# the letters for which caseless_exact holds (checked over all of Unicode)
CASELESS_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzåäöé")


def caseless_exact(text: str) -> bool:
    """True when a search of folded(text) finds every place where a
    case-insensitive regex matches a word of CASELESS_LETTERS. Only two
    characters match such a letter case-insensitively without lowering to
    it: "İ" (matches i) and "ſ" (matches s)."""
    return "\u0130" not in text and "\u017f" not in text


def find(found, doc) -> None:
    found.sentences = sentences(found.text)
    found.title, found.title_end = title(found.text)
