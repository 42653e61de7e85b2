"""What the finders return: plain spans with offsets into the original text.

A finder knows nothing about categories, agencies credited or years of an
amount; the attribution pass (attribution.py) joins these up into records.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(slots=True)
class MoneyHit:
    start: int
    end: int
    value: float
    value_max: Optional[float] = None
    currency: str = "SEK"
    qualifier: Optional[str] = None
    currency_written: bool = True  # False: "9,3 miljoner" in a list, currency inherited
    change_from: bool = False  # the first figure of "ökade från 159 till 324 miljoner kronor"


@dataclass(slots=True)
class QuantityHit:
    start: int
    end: int
    value: float
    qualifier: Optional[str]
    unit: str
    category: str
    value_max: Optional[float] = None  # upper end of a range: "10–15 personer"


@dataclass(slots=True)
class AgencyHit:
    start: int
    end: int
    agency_id: str


@dataclass(slots=True)
class PlaceHit:
    start: int
    end: int
    region_id: str  # unique within its kind
    kind: str  # police_region | county | municipality | country
    police_region: Optional[str] = None


@dataclass(slots=True)
class YearHit:
    start: int
    end: int
    year: Optional[int]  # None for a relative form until it is resolved
    relative: bool = False
    # for relative forms: years back from the anchor ("förra året" = 1, "i år" = 0);
    # None means "the year in focus" ("under året"): the last named or reporting year
    offset: Optional[int] = None
    reporting: bool = False  # a form that names the reporting year: "(2020)" in a heading, "2020 års"
    # relative forms: what the offset counts from: "date" (published/modified), "named"
    # (the year named just before: "året innan") or "focus" ("under året")
    anchor: Optional[str] = None
    # what the year does in its sentence, from the cue before it: "since" ("sedan 2009"),
    # "compare" ("jämfört med 2019"), "deadline" ("senast den 1 oktober 2024"), "report"
    # ("2020 års", "resultaten för 2019", "förra årets"), "period" ("under 2020",
    # "under förra året"), or None
    role: Optional[str] = None
    in_date: bool = False  # the year of a full date in the running text ("den 21 mars 2023")


@dataclass(slots=True)
class QuoteHit:
    start: int
    end: int
    speaker: Optional[str] = None
    role: Optional[str] = None


@dataclass(slots=True)
class PageDates:
    published: Optional[str] = None
    modified: Optional[str] = None
    # spans of page furniture lines ("Publicerad ...") that other finders skip
    spans: list = field(default_factory=list)


@dataclass(slots=True)
class Found:
    """Everything found in one text, filled component by component."""
    text: str
    sentences: list = field(default_factory=list)  # [(start, end)]
    title: Optional[str] = None
    title_end: int = 0
    dates: PageDates = field(default_factory=PageDates)
    agencies: list = field(default_factory=list)
    places: list = field(default_factory=list)
    money: list = field(default_factory=list)
    quantities: list = field(default_factory=list)
    years: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    published_hint: Optional[str] = None  # the caller's published=
