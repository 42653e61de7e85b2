"""Quantities: one phrase table, positives and negatives side by side."""
from __future__ import annotations

import pytest

from pressextract import extract
from pressextract.hits import Found, MoneyHit
from pressextract.quantities import find_quantities

from _shared import SEEDS, read_case, seed_gold_paths  # noqa: E402

QUANTITIES = [
    # phenomenon,                 text,                                              mention,                      value, unit,     category,       qualifier
    ("-tal with digits",          "Året gav ett 40-tal dömda för bedrägerier.",     "ett 40-tal dömda",           40,    "person", "convicted",    "approx"),
    ("-tal with a word",          "Polisen tog ett tiotal vapen i beslag.",         "ett tiotal vapen",           10,    "item",   "weapons",      "approx"),
    ("-tal hundred",              "Det gjordes ett hundratal kontroller.",          "ett hundratal kontroller",   100,   "item",   "operations",   "approx"),
    ("number word + agencies",    "Ett samarbete mellan tolv myndigheter.",         "tolv myndigheter",           12,    "agency", "agencies",     None),
    ("adjective between",         "Här samverkar tolv svenska myndigheter.",        "tolv svenska myndigheter",   12,    "agency", "agencies",     None),
    ("two adjectives between",    "Sju nya samverkande myndigheter anslöt.",        "Sju nya samverkande myndigheter", 7, "agency", "agencies",   None),
    ("sentence-initial word",     "Ytterligare nio myndigheter deltar.",            "nio myndigheter",            9,     "agency", "agencies",     None),
    ("compound noun",             "Dessutom deltar fem nätverksmyndigheter.",       "fem nätverksmyndigheter",    5,     "agency", "agencies",     None),
    ("compound number word",      "Totalt tjugofem personer hördes.",               "tjugofem personer",          25,    "person", "other",        None),
    ("prison years genitive",     "De fick sammanlagt 349 års fängelse.",           "349 års fängelse",           349,   "year",   "prison_years", None),
    ("prison years i fängelse",   "Straffen blev totalt 120 år i fängelse.",        "120 år i fängelse",          120,   "year",   "prison_years", None),
    ("prison years after",        "Han dömdes till fängelse i sammanlagt 45 år.",   "fängelse i sammanlagt 45 år", 45,   "year",   "prison_years", None),
    ("kilos with substance",      "Tullen stoppade nära 700 kilo narkotika.",       "nära 700 kilo narkotika",    700,   "kg",     "narcotics",    "under"),
    ("kg abbreviation",           "I bilen låg 12 kg kokain.",                      "12 kg kokain",               12,    "kg",     "narcotics",    None),
    ("tons converted",            "Fartyget hade 3,5 ton cannabis ombord.",         "3,5 ton cannabis",           3500,  "kg",     "narcotics",    None),
    ("substance earlier",         "Kokain beslagtogs, totalt 30 kilo.",             "30 kilo",                    30,    "kg",     "narcotics",    None),
    ("weight, no substance",      "Lasten vägde 40 kilo.",                          "40 kilo",                    40,    "kg",     "other",        None),
    ("verb after: dömdes",        "Under året dömdes inte alla, men 40 personer dömdes.", "40 personer",          40,    "person", "convicted",    None),
    ("verb after: greps",         "I natt greps tolv personer.",                    "tolv personer",              12,    "person", "arrested",     None),
    ("verb after with har",       "Sex personer har häktats.",                      "Sex personer",               6,     "person", "detained",     None),
    ("verb before",               "Polisen har gripit totalt 14 personer.",         "14 personer",                14,    "person", "arrested",     None),
    ("verb before, words between", "Tingsrätten dömde i maj sju personer.",         "sju personer",               7,     "person", "convicted",    None),
    ("verb later in the clause",  "Ett 30-tal personer i nätverket har dömts.",     "Ett 30-tal personer",        30,    "person", "convicted",    "approx"),
    ("cue noun before",           "Hovrätten fastställde domarna mot fem män.",     "fem män",                    5,     "person", "convicted",    None),
    ("no cue across och",         "Tre personer hördes och två greps.",             "Tre personer",               3,     "person", "other",        None),
    ("no cue across a comma",     "Vi kontrollerade 400 personer, fyra av dem greps.", "400 personer",            400,   "person", "other",        None),
    ("participle noun",           "Sammanlagt 30 åtalade väntar på rättegång.",     "30 åtalade",                 30,    "person", "prosecuted",   None),
    ("participle adjective",      "Tre misstänkta personer häktades i går.",        "Tre misstänkta personer",    3,     "person", "detained",     None),
    ("grouped digits + drygt",    "Drygt 1 250 personer lagfördes.",                "Drygt 1 250 personer",       1250,  "person", "convicted",    "over"),
    ("no-break space group",      "Det blev 2\u00a0400 timmar.",                    "2\u00a0400 timmar",          2400,  "hour",   "work_hours",   None),
    ("cirka + hours",             "Insatsen krävde cirka 3 000 arbetstimmar.",      "cirka 3 000 arbetstimmar",   3000,  "hour",   "work_hours",   "approx"),
    ("ca. with dot",              "Vi gjorde ca. 30 husrannsakningar.",             "ca. 30 husrannsakningar",    30,    "item",   "operations",   "approx"),
    ("minst",                     "Minst fem bilar beslagtogs.",                    "Minst fem bilar",            5,     "item",   "other",        "at_least"),
    ("upp till",                  "Det gäller upp till 20 ärenden.",                "upp till 20 ärenden",        20,    "case",   "other",        "at_most"),
    ("mer än",                    "Vi har utfört mer än 200 insatser.",             "mer än 200 insatser",        200,   "item",   "operations",   "over"),
    ("range",                     "Mellan natten greps 10–15 personer.",            "10–15 personer",             10,    "person", "arrested",     None),
    ("scale word",                "Tullen stoppade 1,2 miljoner cigaretter.",       "1,2 miljoner cigaretter",    1200000, "item", "other",        None),
    ("weapons",                   "Polisen hittade åtta skjutvapen.",               "åtta skjutvapen",            8,     "item",   "weapons",      None),
    ("age adjective between",     "Tre 20-åriga män greps.",                        "Tre 20-åriga män",           3,     "person", "arrested",     None),
    ("digits 1",                  "Endast 1 person greps.",                         "1 person",                   1,     "person", "arrested",     None),
    # negatives: the same surfaces, not quantities
    ("bare en",                   "En person greps i natt.",                        None, None, None, None, None),
    ("bare ett",                  "Ett vapen hittades i bilen.",                    None, None, None, None, None),
    ("age -årig",                 "En 35-årig man greps.",                          None, None, None, None, None),
    ("age år gammal",             "Mannen är 35 år gammal.",                        None, None, None, None, None),
    ("duration in years",         "Samarbetet har pågått i tolv år.",               None, None, None, None, None),
    ("year genitive",             "Det var 2020 års bästa resultat.",               None, None, None, None, None),
    ("year before noun phrase",   "Under 2020 samverkade svenska myndigheter.",     None, None, None, None, None),
    ("year after under, then a noun", "Myndigheten fattade under 2021 beslut om stöd.", None, None, None, None, None),
    ("vague flera",               "Flera personer greps.",                          None, None, None, None, None),
    ("vague hundratals",          "Hundratals personer berördes.",                  None, None, None, None, None),
    ("vague tiotals",             "Tiotals myndigheter deltog.",                    None, None, None, None, None),
    ("ordinal",                   "Den tredje personen släpptes.",                  None, None, None, None, None),
    ("percentage",                "Hela 20 procent av personerna greps.",           None, None, None, None, None),
    ("clock time",                "Klockan blev kl. 10.30 innan personer kom.",     None, None, None, None, None),
    ("decade -talet",             "Metoden kom på 40-talet.",                       None, None, None, None, None),
    ("number on another line",    "Resultat 12\npersoner greps.",                   None, None, None, None, None),
    ("money is not a quantity",   "Böterna var 40 000 kronor.",                     None, None, None, None, None),
    ("cue after an aside",        "Två män i 30-årsåldern, båda från Umeå, greps.", "Två män",                    2,     "person", "arrested",     None),
    ("aside right after the noun", "Två män, 25 och 31 år gamla, har gripits.",     "Två män",                    2,     "person", "arrested",     None),
    ("sentence ends in the aside", "Fyra personer, alla från Malmö. Greps inte.",   "Fyra personer",              4,     "person", "other",        None),
    ("är links a cue",            "Bolagets två företrädare är anhållna.",          "två företrädare",            2,     "person", "detained",     None),
    ("violations are cases",      "Det handlar om 214 överträdelser.",              "214 överträdelser",          214,   "case",   "other",        None),
    ("day fines are items",       "Platschefen döms till 80 dagsböter.",            "80 dagsböter",               80,    "item",   "other",        None),
    ("anhållna are detained",     "Två anhållna efter tillslaget i Norrköping.",    "Två anhållna",               2,     "person", "detained",     None),
    ("companies",                 "Dessutom fick 168 företag kontrollavgift.",      "168 företag",                168,   "item",   "other",        None),
    ("compound company noun",     "Två byggföretag granskades.",                    "Två byggföretag",            2,     "item",   "other",        None),
    ("plants are narcotics",      "Polisen hittade ett 30-tal cannabisplantor.",    "ett 30-tal cannabisplantor", 30,    "item",   "narcotics",    "approx"),
    ("applications are cases",    "Det kom in drygt 1 100 ansökningar.",            "drygt 1 100 ansökningar",    1100,  "case",   "other",        "over"),
]


@pytest.mark.parametrize(
    "text,mention,value,unit,category,qualifier",
    [row[1:] for row in QUANTITIES], ids=[row[0] for row in QUANTITIES])
def test_quantity(text, mention, value, unit, category, qualifier):
    hits = find_quantities(text)
    if mention is None:
        assert hits == []
        return
    assert len(hits) == 1, [text[h.start:h.end] for h in hits]
    h = hits[0]
    assert text[h.start:h.end] == mention
    assert (h.value, h.unit, h.category, h.qualifier) == (value, unit, category, qualifier)


def test_range_upper_end():
    (h,) = find_quantities("Det gällde 10–15 personer.")
    assert (h.value, h.value_max) == (10, 15)


def test_text_order_and_overlap():
    text = "Tre misstänkta personer greps och ett 40-tal dömda släpptes, ytterligare nio myndigheter."
    got = [text[h.start:h.end] for h in find_quantities(text)]
    assert got == ["Tre misstänkta personer", "ett 40-tal dömda", "nio myndigheter"]


def test_skips_money_spans():
    text = "Ersättningen var 40 personer."  # a money finder's span over the figure wins
    found = Found(text=text)
    found.money = [MoneyHit(start=17, end=28, value=40.0)]
    assert find_quantities(text, found) == []
    assert len(find_quantities(text)) == 1


ADVERSARIAL = [
    ("dashes", "- " * 500_000),
    ("digits", "1" * 100_000 + " personer"),
    ("spaces", "12" + " " * 50_000 + "personer"),
    ("number words", "tolv " * 100_000 + "myndigheter"),
    ("adjectives", "svenska " * 100_000 + "myndigheter"),
    ("many figures", "12 kilo " * 20_000),
]


@pytest.mark.parametrize("text", [a[1] for a in ADVERSARIAL], ids=[a[0] for a in ADVERSARIAL])
def test_adversarial_input_returns(text):
    hits = find_quantities(text)
    for h in hits:
        assert 0 <= h.start < h.end <= len(text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not available")
@pytest.mark.parametrize("gold_path", seed_gold_paths(), ids=lambda p: p.name.split(".")[0])
def test_seed_quantities(gold_path):
    gold, text = read_case(gold_path)
    got = [q.to_dict() for q in extract(text).quantities]
    keys = ("text", "start", "end", "value", "qualifier", "unit", "category")
    assert [{k: q[k] for k in keys} for q in got] == [{k: q[k] for k in keys} for q in gold["quantities"]]
