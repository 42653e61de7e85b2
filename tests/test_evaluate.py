"""The scoring of extract() against gold: matching and metrics on small hand-made records."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from pressextract import evaluate as ev


def amt(start, end, value, **fields):
    return {"text": "x" * (end - start), "start": start, "end": end, "value": value, **fields}


# A fixed gazetteer for the police-region mapping, so these tests do not
# depend on the place tables.
PLACES = {
    ("county", "uppsala"): "mitt",
    ("county", "gotland"): "stockholm",
    ("municipality", "gavle"): "mitt",
    ("municipality", "lund"): "syd",
}


def lookup(kind, region_id):
    return PLACES.get((kind, region_id))


MATCHING = [
    # phenomenon,                     gold,                                     pred,                                expected pairs
    ("same span same value",          [amt(0, 10, 100)],                        [amt(0, 10, 100)],                   [(0, 0)]),
    ("overlap same value",            [amt(0, 10, 100)],                        [amt(5, 12, 100)],                   [(0, 0)]),
    ("int equals float",              [amt(0, 10, 20_500_000)],                 [amt(0, 10, 20_500_000.0)],          [(0, 0)]),
    ("overlap other value: miss",     [amt(0, 10, 100)],                        [amt(0, 10, 1000)],                  []),
    ("touching spans: miss",          [amt(0, 10, 100)],                        [amt(10, 20, 100)],                  []),
    ("disjoint same value: miss",     [amt(0, 10, 100)],                        [amt(30, 40, 100)],                  []),
    ("one-to-one: two gold, one pred", [amt(0, 10, 5), amt(5, 15, 5)],         [amt(4, 12, 5)],                     [(0, 0)]),
    ("one-to-one: one gold, two pred", [amt(0, 10, 5)],                         [amt(0, 4, 5), amt(6, 10, 5)],       [(0, 0)]),
    ("greedy in text order",          [amt(20, 30, 7), amt(0, 10, 7)],          [amt(0, 25, 7)],                     [(1, 0)]),
    ("pred out of order",             [amt(0, 10, 1), amt(20, 30, 2)],          [amt(20, 30, 2), amt(0, 10, 1)],     [(0, 1), (1, 0)]),
    ("empty",                         [],                                       [],                                  []),
]


@pytest.mark.parametrize("gold, pred, expected", [m[1:] for m in MATCHING], ids=[m[0] for m in MATCHING])
def test_match_spans(gold, pred, expected):
    assert ev.match_spans(gold, pred) == expected


PART_OF = [
    # phenomenon,                    gold part_of per amount,  pred part_of per amount,  pred order,     correct part_of
    ("both null",                    [None, None],             [None, None],             "same",         2),
    ("same index",                   [None, 0],                [None, 0],                "same",         2),
    # the prediction lists the amounts in another order: its index 1 is gold 0
    ("index mapped through matching", [None, 0],               [1, None],                "swapped",      2),
    ("raw index equal but wrong",    [None, 0],                [0, None],                "swapped",      1),
    ("predicted parent unmatched",   [None, 0],                [None, 2],                "same+extra",   1),
    ("missing part_of",              [None, 0],                [None, None],             "same",         1),
    ("spurious part_of",             [None, None],             [None, 0],                "same",         1),
]


@pytest.mark.parametrize("gold_parts, pred_parts, order, correct",
                         [p[1:] for p in PART_OF], ids=[p[0] for p in PART_OF])
def test_part_of_through_matching(gold_parts, pred_parts, order, correct):
    gold = {"amounts": [amt(0, 10, 100, part_of=gold_parts[0]), amt(20, 30, 50, part_of=gold_parts[1])]}
    spans = [(0, 10, 100), (20, 30, 50)]
    if order == "swapped":
        spans = spans[::-1]
    pred_amounts = [amt(*s, part_of=p) for s, p in zip(spans, pred_parts)]
    if order == "same+extra":
        pred_amounts.append(amt(40, 50, 9))
    counts, misses = ev.score_document(gold, {"amounts": pred_amounts}, lookup)
    assert counts["amounts"]["tp"] == 2
    assert counts["amount part_of"] == Counter(correct=correct, n=2)
    assert len([m for m in misses if m["kind"] == "amount part_of"]) == 2 - correct


POLICE = [
    # phenomenon,                  gold region id,  police region
    ("police region itself",       "mitt",          "mitt"),
    ("county",                     "uppsala",       "mitt"),
    ("county in another region",   "gotland",       "stockholm"),
    ("municipality",               "gavle",         "mitt"),
    ("unknown place",              "atlantis",      None),
    ("null",                       None,            None),
]


@pytest.mark.parametrize("region, expected", [p[1:] for p in POLICE], ids=[p[0] for p in POLICE])
def test_police_region_of(region, expected):
    assert ev.police_region_of(region, lookup) == expected


def region(id, kind, police=None):
    return {"id": id, "kind": kind, "name": id, "police_region": police, "mentions": []}


REGIONS = [
    # phenomenon,                     gold regions,          pred regions,                                            tp, fp, fn
    ("police region found",           ["mitt"],              [region("mitt", "police_region")],                      1, 0, 0),
    ("county counts as its region",   ["mitt"],              [region("uppsala", "county", "mitt")],                  1, 0, 0),
    ("gold county mapped",            ["uppsala"],           [region("mitt", "police_region")],                      1, 0, 0),
    ("two places, one region",        ["mitt"],              [region("gavle", "municipality", "mitt"),
                                                              region("mitt", "police_region")],                     1, 0, 0),
    ("unmapped place ignored",        ["mitt"],              [region("mitt", "police_region"),
                                                              region("sverige", "country")],                         1, 0, 0),
    ("wrong region",                  ["mitt"],              [region("syd", "police_region")],                       0, 1, 1),
    ("missed",                        ["mitt", "syd"],       [region("mitt", "police_region")],                      1, 0, 1),
]


@pytest.mark.parametrize("gold, pred, tp, fp, fn", [r[1:] for r in REGIONS], ids=[r[0] for r in REGIONS])
def test_region_set(gold, pred, tp, fp, fn):
    counts, _ = ev.score_document({"regions": gold}, {"regions": pred}, lookup)
    assert counts["regions"] == Counter(tp=tp, fp=fp, fn=fn)


PRIMARY = [
    # phenomenon,                  gold region,  predicted release region,                  correct
    ("same police region",         "mitt",       region("mitt", "police_region"),          1),
    ("county given as its region", "mitt",       region("uppsala", "county", "mitt"),      1),
    ("gold county",                "uppsala",    region("mitt", "police_region"),          1),
    ("both national",              None,         None,                                     1),
    ("predicted, gold national",   None,         region("mitt", "police_region"),          0),
    ("national, gold regional",    "syd",        None,                                     0),
]


@pytest.mark.parametrize("gold, pred, correct", [p[1:] for p in PRIMARY], ids=[p[0] for p in PRIMARY])
def test_primary_region(gold, pred, correct):
    counts, _ = ev.score_document({"region": gold}, {"region": pred}, lookup)
    assert counts["primary region"] == Counter(correct=correct, n=1)


FIELDS = [
    # phenomenon,              field,       gold value,  predicted value,  correct
    ("category equal",         "category",  "seizure",   "seizure",        1),
    ("category differs",       "category",  "seizure",   "other",          0),
    ("qualifier both null",    "qualifier", None,        None,             1),
    ("qualifier missing",      "qualifier", "over",      None,             0),
    ("agency equal",           "agency",    "tullverket", "tullverket",    1),
    ("year differs",           "year",      2020,        2019,             0),
    ("region as police region", "region",   "mitt",      "uppsala",        1),
    ("region differs",         "region",    "mitt",      "syd",            0),
    ("currency differs",       "currency",  "SEK",       "EUR",            0),
]


@pytest.mark.parametrize("field, gold, pred, correct", [f[1:] for f in FIELDS], ids=[f[0] for f in FIELDS])
def test_amount_field_accuracy(field, gold, pred, correct):
    counts, misses = ev.score_document({"amounts": [amt(0, 5, 1, **{field: gold})]},
                                       {"amounts": [amt(0, 5, 1, **{field: pred})]}, lookup)
    assert counts[f"amount {field}"] == Counter(correct=correct, n=1)
    assert any(m["kind"] == f"amount {field}" for m in misses) == (not correct)


def test_unmatched_amounts_not_scored_for_fields():
    counts, misses = ev.score_document({"amounts": [amt(0, 5, 1, category="fine")]},
                                       {"amounts": [amt(0, 5, 2, category="fine")]}, lookup)
    assert counts["amounts"] == Counter(tp=0, fp=1, fn=1)
    assert counts["amount category"]["n"] == 0
    assert {m["kind"] for m in misses} == {"missed amount", "extra amount"}


def quote(speaker, role=None):
    return {"text": "...", "start": 0, "end": 3, "speaker": speaker, "role": role}


QUOTES = [
    # phenomenon,                   gold quotes,                          pred quotes,                                tp, fp, fn, roles correct, roles n
    ("same speaker",                [quote("Anna Berg", "chef")],         [quote("Anna Berg", "chef")],              1, 0, 0, 1, 1),
    ("case-insensitive",            [quote("Anna Berg", "Chef")],         [quote("anna  berg", "chef")],             1, 0, 0, 1, 1),
    ("null speakers ignored",       [quote(None)],                        [quote(None), quote(None)],                0, 0, 0, 0, 0),
    ("multiset: quoted twice",      [quote("Anna Berg"), quote("Anna Berg")], [quote("Anna Berg")],                  1, 0, 1, 1, 1),
    ("wrong speaker",               [quote("Anna Berg")],                 [quote("Per Lund")],                       0, 1, 1, 0, 0),
    ("role differs",                [quote("Anna Berg", "chef")],         [quote("Anna Berg", None)],                1, 0, 0, 0, 1),
]


@pytest.mark.parametrize("gold, pred, tp, fp, fn, ok, n", [q[1:] for q in QUOTES], ids=[q[0] for q in QUOTES])
def test_quotes(gold, pred, tp, fp, fn, ok, n):
    counts, _ = ev.score_document({"quotes": gold}, {"quotes": pred}, lookup)
    assert counts["quote speakers"] == Counter(tp=tp, fp=fp, fn=fn)
    assert counts["quote role"] == Counter(correct=ok, n=n)


DATES = [
    # phenomenon,                  gold,                 predicted,              correct
    ("equal datetime",             "2021-08-04T10:37",   "2021-08-04T10:37",     1),
    ("zero seconds dropped",       "2021-08-04T10:37",   "2021-08-04T10:37:00",  1),
    ("nonzero seconds kept",       "2021-08-04T10:37",   "2021-08-04T10:37:05",  0),
    ("date is not a datetime",     "2021-08-04",         "2021-08-04T10:37",     0),
    ("both null",                  None,                 None,                   1),
    ("missed date",                "2021-08-04",         None,                   0),
]


@pytest.mark.parametrize("gold, pred, correct", [d[1:] for d in DATES], ids=[d[0] for d in DATES])
def test_dates(gold, pred, correct):
    counts, _ = ev.score_document({"modified": gold}, {"modified": pred}, lookup)
    assert counts["modified"] == Counter(correct=correct, n=1)


SETS = [
    # phenomenon,          gold doc,                                pred doc,                                              metric,     tp, fp, fn
    ("agencies",           {"agencies": ["tullverket", "skatteverket"]},
                           {"agencies": [{"id": "tullverket"}, {"id": "polismyndigheten"}]},                               "agencies", 1, 1, 1),
    ("years",              {"years": [2019, 2020]},                  {"years": [{"year": 2020}]},                          "years",    1, 0, 1),
    ("no years at all",    {"years": []},                            {"years": []},                                        "years",    0, 0, 0),
]


@pytest.mark.parametrize("gold, pred, metric, tp, fp, fn", [s[1:] for s in SETS], ids=[s[0] for s in SETS])
def test_set_metrics(gold, pred, metric, tp, fp, fn):
    counts, _ = ev.score_document(gold, pred, lookup)
    assert counts[metric] == Counter(tp=tp, fp=fp, fn=fn)


SCORES = [
    # phenomenon,       counts,                         precision, recall, f1
    ("perfect",         Counter(tp=4),                  1.0,       1.0,    1.0),
    ("half",            Counter(tp=1, fp=1, fn=1),      0.5,       0.5,    0.5),
    ("nothing found",   Counter(fn=3),                  None,      0.0,    0.0),
    ("nothing at all",  Counter(),                      None,      None,   None),
]


@pytest.mark.parametrize("counts, p, r, f1", [s[1:] for s in SCORES], ids=[s[0] for s in SCORES])
def test_f1_scores(counts, p, r, f1):
    s = ev.f1_scores(counts)
    assert (s["precision"], s["recall"], s["f1"]) == (p, r, f1)


def test_evaluate_scores_crash_as_empty(tmp_path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"amounts": [amt(0, 4, 1)], "years": [2020]}),
                                          encoding="utf-8")
    (tmp_path / "b.txt").write_text("text", encoding="utf-8")
    (tmp_path / "b.gold.json").write_text(json.dumps({"years": [2020]}), encoding="utf-8")

    def predict(path):
        if path.stem == "a":
            raise RuntimeError("boom")
        return {"years": [{"year": 2020}]}

    result = ev.evaluate(tmp_path, predict=predict)
    assert result["documents"] == 2
    assert result["crashes"] == [{"document": "a", "error": "RuntimeError: boom"}]
    assert result["metrics"]["amounts"]["fn"] == 1
    assert result["metrics"]["years"] == ev.f1_scores(Counter(tp=1, fn=1))
    table = ev.format_table(result)
    assert "crash: a: RuntimeError: boom" in table
    assert "missed amount" in ev.format_misses(result)


def test_missing_text_is_a_crash(tmp_path):
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    result = ev.evaluate(tmp_path)
    assert len(result["crashes"]) == 1 and "a.txt" in result["crashes"][0]["error"]


def test_metric_definitions_documented():
    for name in ("amounts", "part_of", "quantities", "quote speakers", "agencies", "regions",
                 "primary region", "years", "reporting year", "published", "modified", "Crashes"):
        assert name in ev.__doc__
