"""The attribution pass: joins what the finders returned into a Release.

Finders return spans; this pass decides what belongs to what: each amount's
category, agency, year, region and part_of, the release's reporting year
and primary region, and resolves relative years.
"""
from __future__ import annotations

from . import agencies, categories, places, years
from .records import (
    Agency, Amount, Mention, Quantity, Quote, Region, Release, Year, YearMention,
)


def _mention(text, hit) -> Mention:
    return Mention(text=text[hit.start:hit.end], start=hit.start, end=hit.end)


def _agency_records(found) -> list[Agency]:
    out: dict[str, Agency] = {}
    for hit in found.agencies:
        rec = out.get(hit.agency_id)
        if rec is None:
            info = agencies.agency_info(hit.agency_id)
            rec = out[hit.agency_id] = Agency(
                id=hit.agency_id, name=info["name"], kind=info.get("kind", "agency"),
                successor=info.get("successor") or None, mentions=[])
        rec.mentions.append(_mention(found.text, hit))
    return list(out.values())


def _region_record(kind: str, region_id: str, mentions=None) -> Region:
    info = places.place_info(kind, region_id)
    return Region(id=region_id, kind=kind, name=info["name"],
                  police_region=info.get("police_region"), mentions=mentions or [])


def _region_records(found) -> list[Region]:
    out: dict[tuple, Region] = {}
    for hit in found.places:
        key = (hit.kind, hit.region_id)
        rec = out.get(key)
        if rec is None:
            rec = out[key] = _region_record(hit.kind, hit.region_id)
        rec.mentions.append(_mention(found.text, hit))
    return list(out.values())


def _year_records(found) -> list[Year]:
    out: dict[int, Year] = {}
    for hit in found.years:
        if hit.year is None:
            continue
        rec = out.get(hit.year)
        if rec is None:
            rec = out[hit.year] = Year(year=hit.year, mentions=[])
        rec.mentions.append(YearMention(text=found.text[hit.start:hit.end], start=hit.start,
                                        end=hit.end, relative=hit.relative))
    return sorted(out.values(), key=lambda y: y.mentions[0].start)


def build(found, doc, *, id: str, source, published) -> Release:
    text = found.text
    page = found.dates
    pub = page.published or published
    modified = page.modified

    found.published_hint = published
    reporting = years.reporting_year(found)
    warnings = list(found.warnings)
    warnings += years.resolve(found, published=pub, modified=modified, reporting=reporting)
    if reporting is None:
        reporting = years.reporting_year_fallback(found, published=pub)

    primary = places.primary_region(found)
    release_region = _region_record(*primary) if primary else None
    release_region_id = None
    if release_region is not None:
        release_region_id = release_region.police_region or release_region.id

    amounts: list[Amount] = categories.attribute(
        found, reporting_year=reporting, release_region=release_region_id, warnings=warnings)

    quantities = [
        Quantity(text=text[q.start:q.end], start=q.start, end=q.end, value=q.value,
                 value_max=getattr(q, "value_max", None), qualifier=q.qualifier, unit=q.unit,
                 category=q.category)
        for q in found.quantities
    ]
    quotes = [
        Quote(text=text[q.start:q.end], start=q.start, end=q.end, speaker=q.speaker, role=q.role)
        for q in found.quotes
    ]
    regions = _region_records(found)
    if release_region is not None:  # the same place, with its mentions
        release_region = next((r for r in regions if (r.kind, r.id) == (release_region.kind, release_region.id)),
                              release_region)
    return Release(
        id=id, source=source, title=found.title, published=pub, modified=modified,
        year=reporting, region=release_region, amounts=amounts, quantities=quantities,
        agencies=_agency_records(found), regions=regions,
        years=_year_records(found), quotes=quotes, warnings=warnings,
    )
