"""The corpus end to end: every gold file is well formed, and the extractor
keeps its scores on it (a floor a little under today's, so that a change
that makes things worse fails here)."""
import json
from pathlib import Path

import pytest

from pressextract.evaluate import evaluate

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GOLD = sorted(CORPUS.glob("*.gold.json"))

FLOORS = [
    # metric, key, floor
    ("amounts", "f1", 0.98),
    ("amount category", "accuracy", 0.92),
    ("amount qualifier", "accuracy", 0.95),
    ("amount currency", "accuracy", 0.97),
    ("amount agency", "accuracy", 0.96),
    ("amount year", "accuracy", 0.96),
    ("amount region", "accuracy", 0.96),
    ("amount part_of", "accuracy", 0.97),
    ("quantities", "f1", 0.95),
    ("quote speakers", "f1", 0.95),
    ("agencies", "f1", 0.97),
    ("regions", "f1", 0.96),
    ("primary region", "accuracy", 0.90),
    ("years", "f1", 0.96),
    ("reporting year", "accuracy", 0.90),
    ("published", "accuracy", 0.95),
    ("modified", "accuracy", 0.95),
]


def test_corpus_is_large_enough():
    assert len(GOLD) >= 60


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.name[: -len(".gold.json")] for p in GOLD])
def test_gold_offsets_match_text(gold_path):
    text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for item in gold["amounts"] + gold["quantities"]:
        assert text[item["start"]:item["end"]] == item["text"]
    for i, a in enumerate(gold["amounts"]):
        assert a["part_of"] is None or 0 <= a["part_of"] < i


@pytest.fixture(scope="module")
def report():
    return evaluate(str(CORPUS))


def test_no_crashes(report):
    assert report["crashes"] == []


@pytest.mark.parametrize("metric, key, floor", FLOORS, ids=[f[0] for f in FLOORS])
def test_score_floor(report, metric, key, floor):
    assert report["metrics"][metric][key] >= floor
