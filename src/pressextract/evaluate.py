"""Scoring ``extract()`` against hand-checked gold records.

A gold directory holds pairs ``NAME.txt`` (the release) and ``NAME.gold.json``
(what the extractor should return: ``published``, ``modified``, ``year``,
``region``, ``amounts``, ``quantities``, ``agencies``, ``regions``, ``years``,
``quotes``). Every pair is one document; counts are summed over documents
(micro averages), so a long release weighs more than a short one.

The metrics
-----------
F1 metrics count true positives (tp), false positives (fp, predicted but not
gold) and false negatives (fn, gold but not predicted); precision is
tp / (tp + fp), recall tp / (tp + fn), F1 their harmonic mean. Accuracy
metrics count ``correct`` out of ``n`` compared pairs. A metric with nothing
to count (a zero denominator) is undefined: shown as ``-``, ``null`` in JSON.

amounts
    A predicted amount matches a gold amount when their spans overlap
    (``p.start < g.end and g.start < p.end``) and their values are equal.
    Matching is one-to-one and greedy in text order: each gold amount, in
    order of its start, takes the first still unmatched predicted amount (in
    order of its start) that matches it. Overlap with a different value is a
    miss (one fn and one fp), not a partial hit.
amount category, qualifier, currency, agency, year, region, part_of
    Accuracy over the matched amount pairs. ``region`` is compared as police
    regions (see regions). ``part_of`` is compared through the matching: the
    predicted parent index is replaced by the gold index its amount matched
    (an unmatched parent never equals anything) and compared with the gold
    ``part_of``; both null counts as equal.
quantities
    F1, matched like amounts (overlap and equal value).
quantity unit, quantity category
    Accuracy over the matched quantity pairs.
quote speakers
    F1 over the multiset of speaker names per document, compared
    case-insensitively with runs of whitespace collapsed; quotes without a
    speaker (null) are left out on both sides.
quote role
    Accuracy over matched speakers: the i-th gold quote of a speaker is paired
    with the i-th predicted quote of the same speaker; roles compare
    case-insensitively with whitespace collapsed (null equals only null).
agencies
    F1 over the set of agency ids per document (predicted: the ids of
    ``release.agencies``).
regions
    F1 over the set of police regions per document. Predicted:
    ``r.police_region or r.id`` for every region in ``release.regions``, kept
    when it is a police region id (nord, mitt, bergslagen, ost, stockholm,
    vast, syd). Gold entries that are not police region ids are mapped to
    their police region through the gazetteer (tried as a county, then as a
    municipality); entries that map to none are left out.
primary region
    Accuracy per document: the predicted release region as a police region
    (``region.police_region or region.id``, null when there is none) against
    the gold ``region`` (mapped like the gold regions). Both null is correct.
years
    F1 over the set of years per document (``y.year`` for ``release.years``).
reporting year
    Accuracy per document: ``release.year`` against the gold ``year``.
published, modified
    Accuracy per document: exact equality of the ISO strings, except that a
    zero seconds field is dropped first ("2021-08-04T10:37:00" equals
    "2021-08-04T10:37"). A date never equals a datetime. Both null is correct.

Crashes: a document whose text cannot be read or whose extraction raises is
counted as a crash, its message is reported, and it is scored as an empty
record (every gold item a miss), so a crash never improves a score. The run
always goes on to the next document.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

POLICE_REGIONS = ("nord", "mitt", "bergslagen", "ost", "stockholm", "vast", "syd")

AMOUNT_FIELDS = ("category", "qualifier", "currency", "agency", "year", "region", "part_of")
QUANTITY_FIELDS = ("unit", "category")

F1_METRICS = ("amounts", "quantities", "quote speakers", "agencies", "regions", "years")
ACCURACY_METRICS = (
    tuple(f"amount {f}" for f in AMOUNT_FIELDS)
    + tuple(f"quantity {f}" for f in QUANTITY_FIELDS)
    + ("quote role", "primary region", "reporting year", "published", "modified")
)
# The order of the report's rows: each F1 metric followed by its accuracies.
METRIC_ORDER = (
    ("amounts",) + tuple(f"amount {f}" for f in AMOUNT_FIELDS)
    + ("quantities",) + tuple(f"quantity {f}" for f in QUANTITY_FIELDS)
    + ("quote speakers", "quote role", "agencies", "regions", "primary region",
       "years", "reporting year", "published", "modified")
)

GOLD_SUFFIX = ".gold.json"
_UNMATCHED = object()  # a predicted parent that matched no gold amount


# --- counting ---------------------------------------------------------------

def new_counts() -> dict[str, Counter]:
    return {name: Counter() for name in METRIC_ORDER}


def add_counts(total: dict[str, Counter], part: dict[str, Counter]) -> None:
    for name, counter in part.items():
        total.setdefault(name, Counter()).update(counter)


def _ratio(num: int, den: int) -> Optional[float]:
    return num / den if den else None


def f1_scores(c: Counter) -> dict[str, Any]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = _ratio(2 * tp, 2 * tp + fp + fn)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}


def accuracy_scores(c: Counter) -> dict[str, Any]:
    return {"correct": c["correct"], "n": c["n"], "accuracy": _ratio(c["correct"], c["n"])}


# --- matching ---------------------------------------------------------------

def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is b
    a, b = float(a), float(b)
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def match_spans(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: overlapping spans, equal values.

    Greedy in text order: each gold item, by start, takes the first unmatched
    predicted item, by start, that overlaps it with the same value.
    """
    pred_order = sorted(range(len(pred)), key=lambda i: (pred[i]["start"], pred[i]["end"], i))
    used: set[int] = set()
    pairs = []
    for gi in sorted(range(len(gold)), key=lambda i: (gold[i]["start"], gold[i]["end"], i)):
        g = gold[gi]
        for pi in pred_order:
            if pi in used:
                continue
            p = pred[pi]
            if overlaps(g, p) and same_value(g.get("value"), p.get("value")):
                used.add(pi)
                pairs.append((gi, pi))
                break
    pairs.sort()
    return pairs


def set_counts(gold: Iterable, pred: Iterable) -> Counter:
    g, p = set(gold), set(pred)
    return Counter(tp=len(g & p), fp=len(p - g), fn=len(g - p))


def multiset_counts(gold: Iterable, pred: Iterable) -> Counter:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return Counter(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


# --- normalising ------------------------------------------------------------

def _default_place_lookup(kind: str, region_id: str) -> Optional[str]:
    from .places import place_info

    try:
        info = place_info(kind, region_id)
    except (KeyError, LookupError, ValueError):
        return None
    return (info or {}).get("police_region")


def police_region_of(region_id: Optional[str],
                     lookup: Callable[[str, str], Optional[str]] = _default_place_lookup
                     ) -> Optional[str]:
    """The police region id of a gold region id (a police region, county or municipality)."""
    if region_id is None:
        return None
    if region_id in POLICE_REGIONS:
        return region_id
    for kind in ("county", "municipality"):
        police = lookup(kind, region_id)
        if police in POLICE_REGIONS:
            return police
    return None


def predicted_police_regions(pred: dict) -> set[str]:
    out = set()
    for r in pred.get("regions") or ():
        value = r.get("police_region") or r.get("id")
        if value in POLICE_REGIONS:
            out.add(value)
    return out


def predicted_primary_region(pred: dict) -> Optional[str]:
    r = pred.get("region")
    if not r:
        return None
    return r.get("police_region") or r.get("id")


_ZERO_SECONDS = re.compile(r"(T\d{2}:\d{2}):00(?![\d.])")


def normalise_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    return _ZERO_SECONDS.sub(r"\1", str(value).strip())


def _name(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    return " ".join(str(value).split()).casefold() or None


# --- one document -----------------------------------------------------------

def score_document(gold: dict, pred: dict,
                   lookup: Callable[[str, str], Optional[str]] = _default_place_lookup
                   ) -> tuple[dict[str, Counter], list[dict]]:
    """Counts of every metric for one document, and the list of its misses."""
    counts = new_counts()
    misses: list[dict] = []

    def region_key(value):
        return police_region_of(value, lookup) or value

    _score_amounts(gold.get("amounts") or [], pred.get("amounts") or [], counts, misses, region_key)
    _score_quantities(gold.get("quantities") or [], pred.get("quantities") or [], counts, misses)
    _score_quotes(gold.get("quotes") or [], pred.get("quotes") or [], counts, misses)

    gold_agencies = set(gold.get("agencies") or [])
    pred_agencies = {a["id"] for a in pred.get("agencies") or []}
    _score_set("agencies", gold_agencies, pred_agencies, counts, misses)

    gold_regions = {p for p in (police_region_of(r, lookup) for r in gold.get("regions") or []) if p}
    _score_set("regions", gold_regions, predicted_police_regions(pred), counts, misses)

    gold_years = {int(y) for y in gold.get("years") or []}
    pred_years = {int(y["year"]) for y in pred.get("years") or []}
    _score_set("years", gold_years, pred_years, counts, misses)

    _score_equal("primary region", police_region_of(gold.get("region"), lookup),
                 predicted_primary_region(pred), counts, misses)
    _score_equal("reporting year", gold.get("year"), pred.get("year"), counts, misses)
    for field in ("published", "modified"):
        _score_equal(field, normalise_date(gold.get(field)), normalise_date(pred.get(field)),
                     counts, misses)
    return counts, misses


def _brief(item: dict) -> dict:
    return {k: item.get(k) for k in ("text", "value", "start", "end")}


def _score_amounts(gold, pred, counts, misses, region_key) -> None:
    pairs = match_spans(gold, pred)
    _span_misses("amount", gold, pred, pairs, counts["amounts"], misses)
    gold_of_pred = {pi: gi for gi, pi in pairs}
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        for field in AMOUNT_FIELDS:
            gv, pv = g.get(field), p.get(field)
            if field == "part_of":
                pv = None if pv is None else gold_of_pred.get(pv, _UNMATCHED)
            elif field == "region":
                gv, pv = region_key(gv), region_key(pv)
            ok = gv == pv
            counts[f"amount {field}"].update(correct=int(ok), n=1)
            if not ok:
                shown = p.get(field) if pv is _UNMATCHED else pv
                misses.append({"kind": f"amount {field}", "text": g.get("text"),
                               "start": g.get("start"), "gold": gv, "predicted": shown})


def _score_quantities(gold, pred, counts, misses) -> None:
    pairs = match_spans(gold, pred)
    _span_misses("quantity", gold, pred, pairs, counts["quantities"], misses)
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        for field in QUANTITY_FIELDS:
            ok = g.get(field) == p.get(field)
            counts[f"quantity {field}"].update(correct=int(ok), n=1)
            if not ok:
                misses.append({"kind": f"quantity {field}", "text": g.get("text"),
                               "start": g.get("start"), "gold": g.get(field),
                               "predicted": p.get(field)})


def _span_misses(what, gold, pred, pairs, counter, misses) -> None:
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    counter.update(tp=len(pairs), fn=len(gold) - len(pairs), fp=len(pred) - len(pairs))
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            misses.append({"kind": f"missed {what}", **_brief(g)})
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            misses.append({"kind": f"extra {what}", **_brief(p)})


def _score_quotes(gold, pred, counts, misses) -> None:
    def by_speaker(quotes):
        out: dict[str, list] = {}
        for q in quotes:
            key = _name(q.get("speaker"))
            if key is not None:
                out.setdefault(key, []).append(q)
        return out

    g, p = by_speaker(gold), by_speaker(pred)
    g_names = Counter({k: len(v) for k, v in g.items()})
    p_names = Counter({k: len(v) for k, v in p.items()})
    counts["quote speakers"].update(multiset_counts(g_names.elements(), p_names.elements()))
    for key in sorted(set(g) | set(p)):
        gq, pq = g.get(key, []), p.get(key, [])
        for q in gq[len(pq):]:
            misses.append({"kind": "missed quote speaker", "speaker": q.get("speaker")})
        for q in pq[len(gq):]:
            misses.append({"kind": "extra quote speaker", "speaker": q.get("speaker"),
                           "text": q.get("text")})
        for gq1, pq1 in zip(gq, pq):
            ok = _name(gq1.get("role")) == _name(pq1.get("role"))
            counts["quote role"].update(correct=int(ok), n=1)
            if not ok:
                misses.append({"kind": "quote role", "speaker": gq1.get("speaker"),
                               "gold": gq1.get("role"), "predicted": pq1.get("role")})


def _score_set(name, gold: set, pred: set, counts, misses) -> None:
    counts[name].update(set_counts(gold, pred))
    missed, extra = sorted(gold - pred, key=str), sorted(pred - gold, key=str)
    if missed or extra:
        misses.append({"kind": name, "missed": missed, "extra": extra})


def _score_equal(name, gold, pred, counts, misses) -> None:
    ok = gold == pred
    counts[name].update(correct=int(ok), n=1)
    if not ok:
        misses.append({"kind": name, "gold": gold, "predicted": pred})


# --- a directory ------------------------------------------------------------

def gold_files(directory) -> list[Path]:
    return sorted(Path(directory).glob("*" + GOLD_SUFFIX))


def _predict(text_path: Path) -> dict:
    from .api import extract

    text = text_path.read_bytes().decode("utf-8")
    return extract(text, source=text_path.name, id=text_path.stem).to_dict()


def evaluate(directory, *, predict: Callable[[Path], dict] = _predict) -> dict:
    """Score the extractor on every ``NAME.gold.json`` + ``NAME.txt`` pair in ``directory``.

    Returns ``{"directory", "documents", "crashes", "metrics", "per_document"}``:
    ``metrics`` maps each metric name to its counts and score,
    ``per_document`` lists each document's misses, ``crashes`` the documents
    that could not be scored, with the error message.
    """
    total = new_counts()
    crashes = []
    per_document = []
    paths = gold_files(directory)
    for gold_path in paths:
        name = gold_path.name[: -len(GOLD_SUFFIX)]
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            crashes.append({"document": name, "error": f"gold file unreadable: {err}"})
            continue
        crash = None
        try:
            pred = predict(gold_path.with_name(name + ".txt"))
        except Exception as err:  # a report: note the crash, go on with the next document
            crash = f"{type(err).__name__}: {err}"
            crashes.append({"document": name, "error": crash})
            pred = {}
        counts, misses = score_document(gold, pred)
        add_counts(total, counts)
        per_document.append({"document": name, "crash": crash, "misses": misses})
    return {
        "directory": str(directory),
        "documents": len(paths),
        "crashes": crashes,
        "metrics": metrics(total),
        "per_document": per_document,
    }


def metrics(total: dict[str, Counter]) -> dict[str, dict]:
    out = {}
    for name in METRIC_ORDER:
        c = total.get(name, Counter())
        out[name] = f1_scores(c) if name in F1_METRICS else accuracy_scores(c)
    return out


# --- the report -------------------------------------------------------------

def _fmt(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_table(result: dict) -> str:
    header = ("metric", "tp", "fp", "fn", "n", "precision", "recall", "score")
    rows = []
    for name in METRIC_ORDER:
        m = result["metrics"][name]
        if name in F1_METRICS:
            n = m["tp"] + m["fn"]
            rows.append((name, str(m["tp"]), str(m["fp"]), str(m["fn"]), str(n),
                         _fmt(m["precision"]), _fmt(m["recall"]), _fmt(m["f1"]) + " F1"))
        else:
            rows.append(("  " + name if name.startswith(("amount ", "quantity ", "quote role"))
                         else name, str(m["correct"]), "", "", str(m["n"]), "", "",
                         _fmt(m["accuracy"]) + " acc"))
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]

    def line(row):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        return "  ".join(cells).rstrip()

    out = [f"documents: {result['documents']}   crashes: {len(result['crashes'])}", "",
           line(header), line(tuple("-" * w for w in widths))]
    out += [line(r) for r in rows]
    out.append("")
    out.append("F1 rows: tp, fp, fn over items (n = gold items); acc rows: tp = correct of n.")
    for crash in result["crashes"]:
        out.append(f"crash: {crash['document']}: {crash['error']}")
    return "\n".join(out)


def format_miss(miss: dict) -> str:
    kind = miss["kind"]
    if kind.startswith(("missed ", "extra ")):
        if "speaker" in miss:
            return f"{kind}: {miss['speaker']}"
        return f"{kind}: {miss.get('text')!r} = {miss.get('value')} at {miss.get('start')}"
    if "missed" in miss:
        parts = []
        if miss["missed"]:
            parts.append("missed " + ", ".join(map(str, miss["missed"])))
        if miss["extra"]:
            parts.append("extra " + ", ".join(map(str, miss["extra"])))
        return f"{kind}: " + "; ".join(parts)
    where = ""
    if "text" in miss:
        where = f" of {miss['text']!r} at {miss.get('start')}"
    elif "speaker" in miss:
        where = f" of {miss['speaker']}"
    return f"{kind}{where}: gold {miss['gold']!r}, predicted {miss['predicted']!r}"


def format_misses(result: dict) -> str:
    out = []
    for doc in result["per_document"]:
        if not doc["misses"] and not doc["crash"]:
            continue
        out.append(f"== {doc['document']}")
        if doc["crash"]:
            out.append(f"  crash: {doc['crash']}")
        out += ["  " + format_miss(m) for m in doc["misses"]]
    return "\n".join(out)
