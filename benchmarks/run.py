"""Speed and memory of pressextract, against spaCy's own blank Swedish pipeline.

    python benchmarks/run.py            # (a)-(d), within two minutes
    python benchmarks/run.py --batch    # also (e): the batch command, 1 vs 2 jobs
    python benchmarks/run.py --profile  # also the top functions under cProfile

All measurements use documents generated from the same source texts:
the corpus (corpus/*.txt), the seed texts next to the repository if there
are any, and the shipped example (examples/*.txt). Each generated document
is a heading and paragraphs drawn at random (fixed seed) from those texts,
about 3 KB on average.

(a) throughput of extract_many, and its ratio to spaCy's tokenizer alone
    (spacy.blank("sv").tokenizer.pipe) on the same texts; plus the cost of
    each pipeline step (one per finder), to name the finder that is slow
(b) cold start: a new process importing pressextract and extracting one
    text, over one importing spaCy and making spacy.blank("sv")
(c) time per byte on one 1 MB text over time per byte on 10 KB texts, in
    total and step by step (a step that grows faster than the text shows a
    high ratio)
(d) peak memory (peak RSS) of a process extracting 10,000 documents (fewer
    when the pipeline is too slow to stay within the time budget; --full)
(e) the batch command on 20,000 documents (JSON Lines), --jobs 1 and
    --jobs 2: documents/s (wall time), the ratio, and the peak memory of
    the whole process tree

(a)-(c) are measured in CPU time of the measuring process (wall time is
shown alongside), so that other work on the machine moves them less.

Targets: (a) >= 0.5, (b) <= 1.5, (c) <= 1.3, (d) < 400 MB,
(e) --jobs 2 >= 1.6x --jobs 1 with peak memory < 500 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Single-process costs are measured in CPU time of this process: other work
# on the machine then changes them far less than it changes wall time.
CLOCK = time.process_time

TARGETS = {
    "throughput": (">=", 0.5),
    "cold_start": ("<=", 1.5),
    "per_byte": ("<=", 1.3),
    "memory_mb": ("<", 400),
    "jobs_ratio": (">=", 1.6),
    "batch_memory_mb": ("<", 500),
}

# Used only when no source text is found at all: sentences written for this benchmark.
_FALLBACK = [
    "Myndigheterna i regionen redovisar resultatet för 2020\n\n"
    "Samverkan har lett till återkrav på 12,5 miljoner kronor och beslag av 3 miljoner kronor.\n\n"
    "Kronofogden utmätte tillgångar till ett värde av drygt en miljon kronor under förra året.\n\n"
    "– Arbetet fortsätter i år, säger en talesperson för polisen i region Mitt.",
]


# --------------------------------------------------------------------------- documents

def source_texts() -> list[str]:
    folders = [ROOT / "corpus", ROOT.parent / "shared" / "seeds", ROOT / "examples"]
    texts = []
    for folder in folders:
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return [t for t in texts if t.strip()] or _FALLBACK


class Generator:
    """Documents made of a heading and random paragraphs of the source texts."""

    def __init__(self, texts: list[str], seed: int = 0):
        self.rng = random.Random(seed)
        self.titles = [t.strip().splitlines()[0] for t in texts]
        self.paragraphs = [p.strip() for t in texts for p in t.split("\n\n")[1:] if p.strip()]
        if not self.paragraphs:
            self.paragraphs = [t.strip() for t in texts]

    def doc(self, size: int = 3000) -> str:
        rng = self.rng
        target = rng.randint(size // 2, size * 3 // 2)
        parts = [rng.choice(self.titles)]
        length = len(parts[0])
        while length < target:
            parts.append(rng.choice(self.paragraphs))
            length += len(parts[-1]) + 2
        return "\n\n".join(parts) + "\n"

    def docs(self, n: int, size: int = 3000):
        for _ in range(n):
            yield self.doc(size)

    def text_of_bytes(self, nbytes: int, max_chars: int) -> str:
        parts, total = [], 0
        while total < nbytes:
            parts.append(self.doc(3000))
            total += len(parts[-1].encode("utf-8"))
        text = "".join(parts)
        while len(text.encode("utf-8")) > nbytes or len(text) >= max_chars:
            text = text[:-1000]
        return text


def mb(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


# --------------------------------------------------------------------------- measurements

def throughput(texts: list[str]) -> dict:
    """extract_many and the bare tokenizer on the same texts, alternating
    block by block so that a change in the machine's load hits both alike."""
    import spacy
    import pressextract

    nlp = pressextract.nlp()
    tokenizer = spacy.blank("sv").tokenizer
    # warm both the same way (patterns, data files, the tokenizers' caches)
    list(pressextract.extract_many(texts[:50]))
    list(tokenizer.pipe(texts[:50]))

    ours = tok = wall = 0.0
    for i in range(0, len(texts), 100):
        block = texts[i:i + 100]
        w0, t0 = time.perf_counter(), CLOCK()
        for _ in pressextract.extract_many(block):
            pass
        t1 = CLOCK()
        wall += time.perf_counter() - w0
        for _ in tokenizer.pipe(block):
            pass
        ours += t1 - t0
        tok += CLOCK() - t1

    n, size = len(texts), mb(texts)
    cost = components(nlp, texts[:500])
    return {
        "docs": n, "mb": size,
        "docs_per_s": n / ours, "mb_per_s": size / ours, "wall_docs_per_s": n / wall,
        "tokenizer_docs_per_s": n / tok, "tokenizer_mb_per_s": size / tok,
        "throughput": tok / ours,
        "components": [(name, 1000 * secs / min(500, n)) for name, secs in cost.items()],
    }


def components(nlp, texts: list[str]) -> dict[str, float]:
    """Seconds spent in each step of ``extract`` over ``texts``: the
    tokenizer, each pipeline component (one per finder), building the record."""
    from pressextract import api

    cost = {"tokenizer": 0.0}
    for name, _ in nlp.pipeline:
        cost[name] = 0.0
    cost["attribution"] = 0.0
    clock = CLOCK
    for text in texts:
        t0 = clock()
        doc = nlp.make_doc(text)
        t1 = clock()
        cost["tokenizer"] += t1 - t0
        for name, proc in nlp.pipeline:
            doc = proc(doc)
            t2 = clock()
            cost[name] += t2 - t1
            t1 = t2
        api._build(doc, text, published=None, source=None, id=None)
        cost["attribution"] += clock() - t1
    return cost


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_child(code: str, *args: str) -> tuple[float, float]:
    """Wall time and CPU time of a new Python process running ``code``."""
    c0, t0 = _children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True,
                   stdout=subprocess.DEVNULL, env=_env())
    return time.perf_counter() - t0, _children_cpu() - c0


def _env() -> dict:
    env = dict(os.environ)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def cold_start(text: str, runs: int = 5) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "doc.txt")
        path.write_text(text, encoding="utf-8")
        ours_code = ("import sys, pressextract; "
                     "pressextract.extract(open(sys.argv[1], encoding='utf-8').read())")
        spacy_code = "import spacy; spacy.blank('sv')"
        _run_child(spacy_code)  # warm the file cache for both
        _run_child(ours_code, str(path))
        ours, base = [], []
        for _ in range(runs):
            ours.append(_run_child(ours_code, str(path)))
            base.append(_run_child(spacy_code))
    wall_o, wall_b = (statistics.median(w for w, _ in runs_) for runs_ in (ours, base))
    cpu_o, cpu_b = (statistics.median(c for _, c in runs_) for runs_ in (ours, base))
    return {"ours_s": wall_o, "spacy_s": wall_b, "ours_cpu_s": cpu_o, "spacy_cpu_s": cpu_b,
            "cold_start": cpu_o / cpu_b, "cold_start_wall": wall_o / wall_b}


def per_byte(gen: Generator, nlp, repeats: int = 3, budget: float = 20.0) -> dict:
    """Per-byte cost of one 1 MB text over that of 10 KB texts, in total
    and step by step (a step whose cost grows faster than the text does
    shows up with a high ratio)."""
    big = gen.text_of_bytes(1_000_000, nlp.max_length)
    small = [gen.text_of_bytes(10_000, nlp.max_length) for _ in range(100)]
    components(nlp, small[:5])
    big_b, small_b = len(big.encode("utf-8")), sum(len(t.encode("utf-8")) for t in small)
    best_big = best_small = None
    t0 = time.perf_counter()
    for i in range(repeats):
        cb, cs = components(nlp, [big]), components(nlp, small)
        if best_big is None or sum(cb.values()) < sum(best_big.values()):
            best_big = cb
        if best_small is None or sum(cs.values()) < sum(best_small.values()):
            best_small = cs
        if time.perf_counter() - t0 > budget / repeats * (i + 1):
            break  # a slow pipeline: fewer repeats keep the run short
    steps = [(name, 1e9 * best_big[name] / big_b, 1e9 * best_small[name] / small_b) for name in best_big]
    big_rate, small_rate = sum(best_big.values()) / big_b, sum(best_small.values()) / small_b
    return {"big_bytes": big_b, "small_bytes": small_b,
            "big_us_per_kb": 1e9 * big_rate, "small_us_per_kb": 1e9 * small_rate,
            "per_byte": big_rate / small_rate, "steps": steps}


_MEMORY_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import run as bench
import pressextract
gen = bench.Generator(bench.source_texts(), seed=1)
n = int(sys.argv[2])
t0 = time.perf_counter()
count = sum(1 for _ in pressextract.extract_many(gen.docs(n)))
secs = time.perf_counter() - t0
print(json.dumps({"docs": count, "seconds": secs, "max_rss_kb": bench.peak_rss_kb()}))
"""


def peak_rss_kb() -> int:
    """This process's peak RSS in KB. On Linux getrusage's ru_maxrss keeps
    the peak of the process that started it (it survives fork and exec), so
    a child of a big process would report its parent's size; the VmHWM line
    of /proc/self/status belongs to this process alone."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes


def memory(n: int = 10_000) -> dict:
    out = subprocess.run([sys.executable, "-c", _MEMORY_CHILD, str(Path(__file__).parent), str(n)],
                         check=True, capture_output=True, text=True, env=_env())
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["memory_mb"] = data["max_rss_kb"] / 1024
    return data


def _tree(pid: int) -> dict[int, tuple[int, float]]:
    """{pid: (RSS in KB, CPU seconds)} of a process and all its descendants
    (Linux /proc); empty elsewhere."""
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return {}
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    info = {}
    for entry in entries:
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields after the name: state ppid ... utime(11) stime(12) ... rss(21)
        children.setdefault(int(fields[1]), []).append(int(entry))
        info[int(entry)] = (int(fields[21]) * page_kb, (int(fields[11]) + int(fields[12])) / tick)
    out, todo = {}, [pid]
    while todo:
        p = todo.pop()
        if p in info:
            out[p] = info[p]
        todo += children.get(p, [])
    return out


def run_batch(path: Path, out: Path, jobs: int) -> dict:
    cmd = [sys.executable, "-m", "pressextract.batch", str(path), "-o", str(out), "-q",
           "--jobs", str(jobs)]
    peak = [0]
    cpu: dict[int, float] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=_env(), stderr=subprocess.PIPE)

    def sample():
        while proc.poll() is None:
            tree = _tree(proc.pid)
            peak[0] = max(peak[0], sum(rss for rss, _ in tree.values()))
            for p, (_, secs) in tree.items():
                cpu[p] = max(cpu.get(p, 0.0), secs)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    secs = time.perf_counter() - t0
    sampler.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"batch failed ({proc.returncode}): {err.decode()[-2000:]}")
    lines = sum(1 for _ in open(out, "rb"))
    main_cpu = cpu.pop(proc.pid, 0.0)
    others = sorted(cpu.values(), reverse=True)
    return {"jobs": jobs, "seconds": secs, "docs": lines, "docs_per_s": lines / secs,
            "peak_mb": peak[0] / 1024, "main_cpu": main_cpu, "worker_cpu": others[:jobs]}


def batch(gen: Generator, n: int = 20_000) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "docs.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for i, text in enumerate(gen.docs(n)):
                fh.write(json.dumps({"id": f"doc{i}", "text": text}, ensure_ascii=False) + "\n")
        one = run_batch(path, Path(tmp, "one.jsonl"), 1)
        two = run_batch(path, Path(tmp, "two.jsonl"), 2)
        size = path.stat().st_size / 1e6
    return {"docs": n, "mb": size, "one": one, "two": two,
            "jobs_ratio": two["docs_per_s"] / one["docs_per_s"],
            "batch_memory_mb": max(one["peak_mb"], two["peak_mb"])}


def profile(texts: list[str], top: int = 25) -> None:
    import cProfile
    import pstats

    import pressextract

    list(pressextract.extract_many(texts[:50]))
    prof = cProfile.Profile()
    prof.enable()
    for _ in pressextract.extract_many(texts):
        pass
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


# --------------------------------------------------------------------------- report

def verdict(key: str, value: float) -> str:
    op, limit = TARGETS[key.split(":")[0]]
    ok = {"<=": value <= limit, ">=": value >= limit, "<": value < limit}[op]
    return f"{'ok' if ok else 'MISSED'} (target {op} {limit})"


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    import spacy

    return (f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, "
            f"spaCy {spacy.__version__}, {platform.system()}")


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch", action="store_true", help="also run (e): the batch command, 1 vs 2 jobs")
    parser.add_argument("--profile", action="store_true", help="also print the top functions under cProfile")
    parser.add_argument("--docs", type=int, default=2000, help="documents for (a) (default 2000)")
    parser.add_argument("--memory-docs", type=int, default=10_000, help="documents for (d)")
    parser.add_argument("--batch-docs", type=int, default=20_000, help="documents for (e)")
    parser.add_argument("--full", action="store_true",
                        help="always use the full document counts, however long it takes")
    parser.add_argument("--budget", type=float, default=110.0,
                        help="seconds the default run aims to stay within (default 110)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    started = time.perf_counter()
    sources = source_texts()
    gen = Generator(sources, seed=0)
    texts = list(gen.docs(args.docs))
    print(f"# pressextract benchmark, {date.today().isoformat()}")
    print(f"machine: {machine()}")
    print(f"load average at start: {_load()}")
    print(f"command: python benchmarks/run.py{' --batch' if args.batch else ''}")
    print(f"documents generated from {len(sources)} source texts; "
          f"mean {1000 * mb(texts) / len(texts):.1f} KB")
    results = {}

    # (a) on three sets of the same kind of text, since the tokenizer's cost
    # per byte differs between them (spaCy's word cache, its exceptions):
    # the real releases next to the repository, the corpus as written, and
    # the generated mixes of paragraphs that (c) and (d) use too
    sets = []
    for name, folder in (("real releases (seeds)", ROOT.parent / "shared" / "seeds"),
                         ("corpus texts as written", ROOT / "corpus")):
        found = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))] if folder.is_dir() else []
        found = [t for t in found if t.strip()]
        if found:
            sets.append((name, [found[i % len(found)] for i in range(args.docs)]))
    sets.append(("generated mixes of paragraphs", texts))
    a = None
    for name, set_texts in sets:
        a = throughput(set_texts)
        results[f"throughput: {name}"] = a["throughput"]
        print(f"\n(a) throughput, {name}: {a['docs']} documents ({a['mb']:.1f} MB), per CPU-second")
        print(f"    extract_many:   {a['docs_per_s']:7.0f} docs/s  {a['mb_per_s']:6.2f} MB/s"
              f"   ({a['wall_docs_per_s']:.0f} docs/s wall time)")
        print(f"    tokenizer only: {a['tokenizer_docs_per_s']:7.0f} docs/s  {a['tokenizer_mb_per_s']:6.2f} MB/s")
        print(f"    ratio {a['throughput']:.2f}  {verdict('throughput', a['throughput'])}")
    results["throughput"] = min(v for k, v in results.items() if k.startswith("throughput:"))
    total = sum(ms for _, ms in a["components"])
    print("    cost per document by step, generated mixes (ms):")
    for name, ms in a["components"]:
        print(f"      {name:16} {ms:7.3f}  {100 * ms / total:5.1f} %")

    b = cold_start(texts[0])
    results["cold_start"] = b["cold_start"]
    print(f"\n(b) cold start, median of 5 new processes (CPU time; wall time in brackets):")
    print(f"    import pressextract + extract one text: {b['ours_cpu_s']:.2f} s ({b['ours_s']:.2f} s)")
    print(f"    import spacy + spacy.blank('sv'):       {b['spacy_cpu_s']:.2f} s ({b['spacy_s']:.2f} s)")
    print(f"    ratio {b['cold_start']:.2f} ({b['cold_start_wall']:.2f})  {verdict('cold_start', b['cold_start'])}")

    import pressextract

    c = per_byte(gen, pressextract.nlp())
    results["per_byte"] = c["per_byte"]
    print(f"\n(c) one {c['big_bytes'] / 1e6:.2f} MB text: {c['big_us_per_kb']:.0f} µs/KB; "
          f"100 texts of 10 KB: {c['small_us_per_kb']:.0f} µs/KB")
    print(f"    ratio {c['per_byte']:.2f}  {verdict('per_byte', c['per_byte'])}")
    print("    by step (µs/KB, 1 MB text / 10 KB texts):")
    for name, big, small in c["steps"]:
        ratio = f"{big / small:5.2f}" if small > 0 else "    -"
        print(f"      {name:16} {big:8.1f} {small:8.1f}  {ratio}")

    n_memory = args.memory_docs
    if not args.full:
        # keep the default run within its time budget when the pipeline is slow
        left = max(10.0, args.budget - (time.perf_counter() - started) - 5)
        n_memory = min(n_memory, max(1000, int(left * a["wall_docs_per_s"] * 0.8)))
    d = memory(n_memory)
    results["memory_mb"] = d["memory_mb"]
    note = "" if n_memory == args.memory_docs else \
        f" [reduced from {args.memory_docs} to stay within {args.budget:.0f} s; --full for all]"
    print(f"\n(d) peak memory over {d['docs']} documents: {d['memory_mb']:.0f} MB "
          f"({d['docs'] / d['seconds']:.0f} docs/s)  {verdict('memory_mb', d['memory_mb'])}{note}")

    if args.batch:
        e = batch(gen, args.batch_docs)
        results.update(jobs_ratio=e["jobs_ratio"], batch_memory_mb=e["batch_memory_mb"])
        print(f"\n(e) batch on {e['docs']} documents ({e['mb']:.0f} MB of JSON Lines)")
        for run in (e["one"], e["two"]):
            workers = ", ".join(f"{c:.1f}" for c in run["worker_cpu"]) if run["jobs"] > 1 else "-"
            print(f"    --jobs {run['jobs']}: {run['docs_per_s']:6.0f} docs/s, {run['seconds']:.1f} s, "
                  f"peak memory {run['peak_mb']:.0f} MB (process tree); "
                  f"CPU s: main {run['main_cpu']:.1f}, workers {workers}")
        print(f"    ratio {e['jobs_ratio']:.2f}  {verdict('jobs_ratio', e['jobs_ratio'])}; "
              f"peak memory {verdict('batch_memory_mb', e['batch_memory_mb'])}")
        busiest = max([e["two"]["main_cpu"]] + e["two"]["worker_cpu"])
        if busiest > 0 and e["one"]["main_cpu"] > 0:
            print(f"    on an idle machine --jobs 2 could reach about "
                  f"{e['one']['main_cpu'] / busiest:.2f}x (CPU of --jobs 1 over the busiest process of --jobs 2)")
    else:
        print("\n(e) batch --jobs 1 vs 2: run with --batch")

    if args.profile:
        print("\ncProfile of extract_many (top functions by own time):")
        profile(texts)

    print(f"\nload average at end: {_load()}")
    missed = [k for k, v in results.items() if ":" not in k and not verdict(k, v).startswith("ok")]
    print(f"\ntotal {time.perf_counter() - started:.0f} s; "
          + ("all targets met" if not missed else f"missed: {', '.join(missed)}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
