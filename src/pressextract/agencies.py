"""Finder stub: fills nothing yet (see the issue that implements it)."""
from __future__ import annotations


def find(found, doc) -> None:
    return None


def agency_info(agency_id: str) -> dict:
    """{name, kind, successor} of an agency id from the gazetteer."""
    return {"name": agency_id, "kind": "agency", "successor": None}
