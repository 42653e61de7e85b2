"""The public calls: ``extract`` one text, ``extract_many`` a stream of them."""
from __future__ import annotations

import hashlib
import os
from typing import Any, Iterable, Iterator, Optional

from .records import Release


def nlp():
    """The shared spaCy Language (blank Swedish + the finders), built once."""
    from .pipeline import nlp as _nlp

    return _nlp()


# The longest text one call reads: some 2,000 pages, far beyond any release,
# and about 250 MB of working memory. Longer texts are refused with a clear
# error rather than spaCy's, which speaks of parser models we do not use.
MAX_CHARS = 5_000_000


def _as_text(text: Any) -> str:
    if isinstance(text, str):
        return _checked(text)
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            return _checked(bytes(text).decode("utf-8"))
        except UnicodeDecodeError as err:
            raise ValueError(
                f"text is not valid UTF-8 (byte {err.start}: {bytes(text)[err.start:err.start + 1]!r}); "
                "decode it yourself with the right encoding and pass a str"
            ) from None
    raise TypeError(f"extract() takes a str (or UTF-8 bytes), not {type(text).__name__}")


def _checked(text: str) -> str:
    if len(text) > MAX_CHARS:
        raise ValueError(f"text has {len(text):,} characters; pressextract reads at most {MAX_CHARS:,} "
                         "in one document: split it into parts")
    return text


def _text_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _published_iso(published: Any) -> Optional[str]:
    if published is None:
        return None
    if hasattr(published, "isoformat"):
        return published.isoformat()
    if isinstance(published, str):
        return published.strip() or None
    raise TypeError(f"published must be a date, datetime or ISO string, not {type(published).__name__}")


def _build(doc, text: str, *, published, source, id) -> Release:
    from .attribution import build

    return build(doc._.pe, doc, id=id if id is not None else _text_id(text),
                 source=source, published=_published_iso(published))


def _empty(text: str, *, published, source, id) -> Release:
    return Release(id=id if id is not None else _text_id(text), source=source,
                   published=_published_iso(published))


def extract(text: str, *, published=None, source: Optional[str] = None,
            id: Optional[str] = None) -> Release:
    """Find every amount, quantity, agency, region, year, date and quote in ``text``.

    ``published`` (date, datetime or ISO string) is used when the text states
    no publication date; it anchors "förra året" and "i år".
    """
    text = _as_text(text)
    if not text.strip():
        return _empty(text, published=published, source=source, id=id)
    doc = nlp()(text)
    return _build(doc, text, published=published, source=source, id=id)


def _items(items: Iterable) -> Iterator[tuple[str, dict]]:
    for item in items:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], dict):
            text, meta = item
        else:
            text, meta = item, {}
        yield _as_text(text), meta


def extract_many(items: Iterable, *, batch_size: int = 64, n_process: int = 1) -> Iterator[Release]:
    """Records for a stream of texts, in input order.

    ``items`` holds texts or ``(text, metadata)`` pairs, where metadata may give
    ``id``, ``source`` and ``published``. ``n_process > 1`` (``-1``: one per
    CPU core) runs the extraction in that many worker processes, ``batch_size``
    texts at a time, with a bounded number of batches in flight; the records
    still come in input order. An error in one text is raised, as ``extract``
    would raise it. As with any use of multiprocessing, a script that sets
    ``n_process`` should run under ``if __name__ == "__main__":``.
    """
    if n_process is not None and n_process < 0:
        n_process = os.cpu_count() or 1
    if not n_process or n_process <= 1:
        # one spaCy pipe over the stream; empty texts skip the pipeline
        pipe = nlp().pipe(((text, meta) for text, meta in _items(items)),
                          as_tuples=True, batch_size=batch_size)
        for doc, meta in pipe:
            kwargs = {k: meta.get(k) for k in ("published", "source", "id")}
            text = doc._.pe.text
            if not text.strip():
                yield _empty(text, **kwargs)
            else:
                yield _build(doc, text, **kwargs)
        return
    from .batch import chunks, extract_chunk, ordered_map

    for records in ordered_map(extract_chunk, chunks(_items(items), max_docs=max(1, batch_size)),
                               n_process):
        yield from records
