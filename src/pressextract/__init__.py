"""pressextract: structured records from Swedish government-agency press releases.

>>> from pressextract import extract
>>> r = extract("Kronofogden utmätte tillgångar till ett värde av drygt en miljon kronor.")
>>> a = r.amounts[0]
>>> (a.text, a.value, a.qualifier, a.category, a.agency)
('drygt en miljon kronor', 1000000, 'over', 'distraint', 'kronofogdemyndigheten')
"""
from __future__ import annotations

from .api import extract, extract_many, nlp
from .records import (
    Agency, Amount, Mention, Quantity, Quote, Region, Release, Year, YearMention,
    json_schema, SCHEMA,
)

__version__ = "0.1.0"

__all__ = [
    "extract", "extract_many", "nlp", "json_schema", "SCHEMA", "__version__",
    "Release", "Amount", "Quantity", "Agency", "Region", "Year", "Quote",
    "Mention", "YearMention",
]
