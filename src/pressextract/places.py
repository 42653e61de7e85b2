"""Finder stub: fills nothing yet (see the issue that implements it)."""
from __future__ import annotations


def find(found, doc) -> None:
    return None


def place_info(kind: str, region_id: str) -> dict:
    """{name, police_region} of a place (kind, id) from the gazetteer."""
    return {"name": region_id, "police_region": region_id if kind == "police_region" else None}


def primary_region(found):
    """(kind, id) of the region the release is about, or None (national)."""
    return None
