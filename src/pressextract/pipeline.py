"""The spaCy Language: ``spacy.blank("sv")`` plus one component per finder.

Each component runs one finder over the text and the shared tokens and
stores its spans on ``doc._.pe`` (a ``hits.Found``). Finders run in an
order that lets later ones skip what earlier ones claimed: page dates before
everything, agencies before places (a place inside "Stockholms tingsrätt" is
part of the court), money before quantities and years ("2 000 kronor" is no
year).
"""
from __future__ import annotations

import importlib
import re
import threading

from .hits import Found

# (component name, module, function): the function takes (found, doc) and fills found.
FINDERS = (
    ("pe_segments", "segments", "find"),
    ("pe_dates", "dates", "find"),
    ("pe_agencies", "agencies", "find"),
    ("pe_places", "places", "find"),
    ("pe_money", "money", "find"),
    ("pe_quantities", "quantities", "find"),
    ("pe_years", "years", "find"),
    ("pe_quotes", "quotes", "find"),
)

_nlp = None
_lock = threading.Lock()

# spaCy's rule-based tokenizer takes quadratic time on a long run without
# spaces ("–" or "”" repeated 20,000 times takes minutes). Texts with such a
# run are split on whitespace only; no finder needs finer tokens there.
_CHUNKS = re.compile(r"\S+|\s+")


class _GuardedTokenizer:
    def __init__(self, tokenizer, vocab):
        self.tokenizer = tokenizer
        self.vocab = vocab

    def __call__(self, text):
        doc = self._tokenize(text)
        # the finders read the original string: keep it, rather than have
        # spaCy rebuild doc.text token by token for every component
        doc._.pe = Found(text=text)
        return doc

    def _tokenize(self, text):
        if max(map(len, text.split()), default=0) < 200:  # cheaper than a regex scan
            return self.tokenizer(text)
        from spacy.tokens import Doc

        words, spaces = [], []
        for m in _CHUNKS.finditer(text):
            chunk = m.group()
            if chunk[0].isspace():
                if words and not spaces[-1] and chunk[0] == " ":
                    spaces[-1] = True
                    chunk = chunk[1:]
                if chunk:
                    words.append(chunk)
                    spaces.append(False)
            else:
                words.append(chunk)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size=1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):  # to_bytes, explain, rules ...: the real tokenizer's
        return getattr(self.tokenizer, name)


def _cacheable(tokenizer) -> None:
    """Move spaCy's Swedish tokenizer exceptions that keep a word whole
    ("kr.", "bl.a.", "t.ex.") from special cases into token_match.

    Why: once a text hits a special case, spaCy stops caching the words it
    splits for the rest of that text (explosion/spaCy#1250), so a release
    with "kr" or "bl.a." near the top was tokenized three to eight times
    slower than one without. As a token_match the same words stay whole
    and caching stays on. Tokens are the same as spacy.blank("sv") gives,
    except that the few exceptions that split a word ("hörru", emoticons
    such as "):") are no longer applied; no finder reads them.
    """
    whole = sorted((k for k, v in tokenizer.rules.items() if len(v) == 1 and k.strip()),
                   key=len, reverse=True)
    if not whole:
        return
    pattern = "(?:" + "|".join(map(re.escape, whole)) + r")\Z"
    previous = tokenizer.token_match
    if previous is not None:  # spaCy's own, if a language has one: either may match
        pattern = f"{pattern}|(?:{previous.__self__.pattern})"
    tokenizer.rules = {}
    # a compiled pattern's bound match method: spaCy can serialise it (to_bytes, pickle)
    tokenizer.token_match = re.compile(pattern).match


_registered = False


def _register() -> None:
    global _registered
    if _registered:
        return
    from spacy.language import Language
    from spacy.tokens import Doc

    if not Doc.has_extension("pe"):
        Doc.set_extension("pe", default=None)

    for name, module, func in FINDERS:
        def factory(nlp, name, _module=module, _func=func):
            fn = getattr(importlib.import_module(f"{__package__}.{_module}"), _func)

            def component(doc):
                found = doc._.pe
                if found is None:
                    found = doc._.pe = Found(text=doc.text)
                fn(found, doc)
                return doc

            return component

        if not Language.has_factory(name):
            Language.factory(name)(factory)
    _registered = True


def nlp():
    """The shared Language, built once per process and reused."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                _register()
                lang = spacy.blank("sv")
                _register()
                _cacheable(lang.tokenizer)
                from .api import MAX_CHARS

                lang.max_length = MAX_CHARS  # no parser here: memory grows linearly
                lang.tokenizer = _GuardedTokenizer(lang.tokenizer, lang.vocab)
                for name, _, _ in FINDERS:
                    lang.add_pipe(name)
                _nlp = lang
    return _nlp
