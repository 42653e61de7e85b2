"""Small pattern builders shared by the finders."""
from __future__ import annotations

import regex


def trie(words) -> str:
    """A regex alternation for literal words shaped as a prefix tree (one branch
    per next character: fast to try at each position). A space in a word also
    matches a no-break space."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            piece = "[ \\u00a0]" if ch == " " else regex.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def words_alternation(words, *, ignore_case: bool = False, guard: str = r"(?!\p{L})") -> str:
    """Literal words (or phrases) as one trie, then a guard that the word
    ends there. A word ending in a non-letter ("milj.", "€") needs no guard;
    the guard is applied only after a letter or digit. Trying a trie costs
    one branch per character, where an alternation of N words costs N
    attempts at every position."""
    words = sorted(set(words))
    if not words:
        return "(?!)"
    body = trie(words)
    if ignore_case:
        body = f"(?i:{body})"
    return rf"(?:{body})(?:(?<=[\p{{L}}\p{{N}}]){guard}|(?<![\p{{L}}\p{{N}}]))"
