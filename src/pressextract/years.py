"""Finder stub: fills nothing yet (see the issue that implements it)."""
from __future__ import annotations


def find(found, doc) -> None:
    return None


def reporting_year(found):
    """The year the release's results are about, from explicit forms; or None."""
    return None


def reporting_year_fallback(found, *, published):
    """The reporting year when no explicit form states it (after relative years are resolved)."""
    return None


def resolve(found, *, published, modified, reporting) -> list[str]:
    """Resolve relative year hits in place; returns warnings for unresolved ones."""
    return []
