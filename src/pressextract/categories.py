"""Amount attribution: category, agency credited, year, region and part_of."""
from __future__ import annotations

from .records import Amount


def attribute(found, *, reporting_year, release_region, warnings) -> list[Amount]:
    text = found.text
    return [
        Amount(text=text[m.start:m.end], start=m.start, end=m.end, value=m.value,
               value_max=m.value_max, currency=m.currency, qualifier=m.qualifier,
               region=release_region, year=reporting_year)
        for m in found.money
    ]
