"""The two real releases the project started from, scored end to end against
their hand-checked gold. Skipped where the shared folder is not beside the
checkout (a fresh user clone)."""
import json

import pytest

from pressextract import extract

from _shared import SEEDS  # noqa: E402
NAMES = sorted(p.name[: -len(".gold.json")] for p in SEEDS.glob("*.gold.json")) if SEEDS.is_dir() else []

pytestmark = pytest.mark.skipif(not NAMES, reason="../shared/seeds is not beside this checkout")

AMOUNT_FIELDS = ("text", "start", "end", "value", "currency", "qualifier", "category", "agency",
                 "region", "year", "part_of")


def _load(name):
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((SEEDS / f"{name}.gold.json").read_text(encoding="utf-8"))
    return text, gold, extract(text)


@pytest.mark.parametrize("name", NAMES)
def test_amounts_exactly(name):
    _, gold, r = _load(name)
    got = [{k: a.to_dict()[k] for k in AMOUNT_FIELDS} for a in r.amounts]
    want = [{k: g.get(k) for k in AMOUNT_FIELDS} for g in gold["amounts"]]
    assert got == want


@pytest.mark.parametrize("name", NAMES)
def test_release_fields(name):
    _, gold, r = _load(name)
    assert r.year == gold["year"]
    assert (r.region.police_region or r.region.id if r.region else None) == gold["region"]
    assert r.published == gold["published"]
    assert r.modified == gold["modified"]


@pytest.mark.parametrize("name", NAMES)
def test_sets(name):
    _, gold, r = _load(name)
    assert {a.id for a in r.agencies} == set(gold["agencies"])
    assert {reg.police_region or reg.id for reg in r.regions} == set(gold["regions"])
    assert sorted(y.year for y in r.years) == sorted(gold["years"])


@pytest.mark.parametrize("name", NAMES)
def test_quantities_and_quotes(name):
    _, gold, r = _load(name)
    assert [(q.text, q.value, q.qualifier, q.unit, q.category, q.start) for q in r.quantities] == \
        [(q["text"], q["value"], q["qualifier"], q["unit"], q["category"], q["start"]) for q in gold["quantities"]]
    assert [(q.speaker, q.role) for q in r.quotes] == [(q["speaker"], q["role"]) for q in gold["quotes"]]
