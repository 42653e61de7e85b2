"""Finder stub: fills nothing yet (see the issue that implements it)."""
from __future__ import annotations


def find(found, doc) -> None:
    return None
