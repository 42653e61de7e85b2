"""Sentences, clauses and the title: the shared frame every finder and the
attribution pass use. Plain regexes over the text (faster than walking
tokens in Python, and exact on offsets)."""
from __future__ import annotations

import regex

# A sentence ends at ., ! or ? followed by space and an upper-case letter, a
# dash, a quote or a bullet; or at a line break (lists, headings, datelines).
# Abbreviations that end in a dot ("ca.", "kl.", "bl.a.", "kr.") are followed by
# lower case or digits in running text, so they do not end a sentence here.
_SENT_END = regex.compile(
    r"""(?:[.!?]["”»']?[ \t]++(?=[\p{Lu}–—•"”»\d])|(?<![ \t])[ \t]*+\n\s*+)""",
)
_ABBREV_BEFORE = regex.compile(r"(?:\b(?:ca|kl|bl\.a|t\.ex|kr|milj|nr|s\.k|m\.m|d\.v\.s|jfr|tel|resp|st)\.)$", regex.I)


def sentences(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if m.group().lstrip(" \t")[:1] not in ("\n", "\r") and "\n" not in m.group():
            # ". " case: skip known abbreviations followed by a capital ("kl. 10" has a digit though)
            if _ABBREV_BEFORE.search(text, max(0, m.start() - 6), m.start() + 1):
                continue
            end = m.start() + 1
            while end < len(text) and text[end] in "\"”»'":
                end += 1
        else:
            end = m.start()
        if end > pos:
            seg_start = pos
            while seg_start < end and text[seg_start].isspace():
                seg_start += 1
            if end > seg_start:
                out.append((seg_start, end))
        pos = m.end()
    end = len(text)
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


def find(found, doc) -> None:
    found.sentences = sentences(found.text)
    found.title, found.title_end = title(found.text)
