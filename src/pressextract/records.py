"""The typed records of the contract (schema ``pressextract/1``).

Every field of the contract is present on every record from the start; a
field a finder does not fill yet stays empty or ``None``. Records are
``msgspec.Struct`` objects: small, fast to build, and the JSON Schema is
generated from these classes, never written by hand.
"""
from __future__ import annotations

from typing import Optional

import msgspec

SCHEMA = "pressextract/1"

AMOUNT_CATEGORIES = (
    "tax_increase", "recovery_claim", "prevented_payment", "seizure", "distraint",
    "forfeiture", "asset_freeze", "damages", "fine", "crime_amount", "cost",
    "total", "other",
)
QUALIFIERS = ("over", "under", "approx", "at_least", "at_most")
QUANTITY_UNITS = ("person", "year", "kg", "item", "hour", "case", "agency")
QUANTITY_CATEGORIES = (
    "convicted", "prosecuted", "arrested", "detained", "prison_years", "narcotics",
    "weapons", "operations", "agencies", "work_hours", "other",
)
REGION_KINDS = ("police_region", "county", "municipality", "country")


class _Record(msgspec.Struct, kw_only=True, omit_defaults=False):
    def to_dict(self) -> dict:
        """A plain dict of JSON types; ``json.dumps`` of it round-trips."""
        return msgspec.to_builtins(self)

    @classmethod
    def from_dict(cls, data: dict):
        return msgspec.convert(data, cls)


class Mention(_Record, kw_only=True):
    text: str
    start: int
    end: int


class YearMention(_Record, kw_only=True):
    text: str
    start: int
    end: int
    relative: bool = False


class Amount(_Record, kw_only=True):
    text: str
    start: int
    end: int
    value: float
    value_max: Optional[float] = None
    currency: str = "SEK"
    qualifier: Optional[str] = None
    category: str = "other"
    agency: Optional[str] = None
    region: Optional[str] = None
    year: Optional[int] = None
    part_of: Optional[int] = None


class Quantity(_Record, kw_only=True):
    text: str
    start: int
    end: int
    value: float
    value_max: Optional[float] = None  # "10–15 personer"
    qualifier: Optional[str] = None
    unit: str = "item"
    category: str = "other"


class Agency(_Record, kw_only=True):
    id: str
    name: str
    kind: str = "agency"
    successor: Optional[str] = None
    mentions: list[Mention] = []


class Region(_Record, kw_only=True):
    id: str
    kind: str
    name: str
    police_region: Optional[str] = None
    mentions: list[Mention] = []


class Year(_Record, kw_only=True):
    year: int
    mentions: list[YearMention] = []


class Quote(_Record, kw_only=True):
    text: str
    start: int
    end: int
    speaker: Optional[str] = None
    role: Optional[str] = None


class Release(_Record, kw_only=True):
    schema: str = SCHEMA
    id: str
    source: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    modified: Optional[str] = None
    year: Optional[int] = None
    region: Optional[Region] = None
    amounts: list[Amount] = []
    quantities: list[Quantity] = []
    agencies: list[Agency] = []
    regions: list[Region] = []
    years: list[Year] = []
    quotes: list[Quote] = []
    warnings: list[str] = []


class ErrorRecord(_Record, kw_only=True):
    """What a batch writes for a document it could not read or extract."""
    schema: str = SCHEMA
    id: str
    source: Optional[str] = None
    error: str


def json_schema() -> dict:
    """The JSON Schema of a Release, generated from the types above."""
    schema = msgspec.json.schema(Release)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = SCHEMA
    return schema


_encoder = msgspec.json.Encoder()


def to_json(record: _Record) -> bytes:
    return _encoder.encode(record)


def release_from_json(data: bytes | str) -> Release:
    return msgspec.json.decode(data, type=Release)
