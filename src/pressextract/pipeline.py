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
                for name, _, _ in FINDERS:
                    lang.add_pipe(name)
                _nlp = lang
    return _nlp
