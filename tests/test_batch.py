"""The batch command end to end: exactly one record per input document, in
input order, whatever the input's state; CSV rows per amount; worker
processes; a killed run resumed without loss or duplicates."""
import argparse
import csv
import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import zipfile

import pytest

from pressextract import batch, extract, extract_many
from pressextract import io as pio

# Sentences written for these tests; a document is a few of them.
SENTENCES = [
    "Tullverket beslagtog {n} miljoner kronor i kontanter vid en kontroll i hamnen.",
    "Skatteverket höjde skatten med {n} 000 kronor för ett bolag i Västerås under 2021.",
    "Kronofogden utmätte tillgångar till ett värde av drygt {n} miljoner kronor.",
    "Polisen i region Mitt grep {n} personer efter en längre utredning.",
    "Försäkringskassan har återkrävt {n},5 miljoner kronor från ett tiotal personer.",
    "Samarbetet mellan myndigheterna har pågått sedan 2009 och fortsätter i år.",
]


def doc(i: int, sentences: int = 6) -> str:
    lines = [f"Rubrik nummer {i}", ""]
    for k in range(sentences):
        lines.append(SENTENCES[(i + k) % len(SENTENCES)].format(n=(i * 7 + k) % 90 + 2))
    return "\n".join(lines) + "\n"


def args(*argv):
    parser = argparse.ArgumentParser()
    batch.add_arguments(parser)
    return parser.parse_args([str(a) for a in argv])


def read_jsonl(path):
    return [json.loads(line) for line in open(path, encoding="utf-8")]


# member name, bytes, expected: "release" or the part of the error message
MEMBERS = [
    ("a/good1.txt", doc(1).encode(), "release"),
    ("a/good2.md", doc(2).encode(), "release"),
    ("empty.txt", b"", "release"),
    ("binary.txt", b"GIF89a\x00\x01\x00", "binary"),
    ("latin1.txt", doc(3).encode("cp1252"), "not UTF-8"),
    ("page.html", (f"<html><head><meta charset='windows-1252'></head><body><article><p>{doc(4)}</p>"
                   "</article></body></html>").encode("cp1252"), "release"),
    ("logo.png", b"\x89PNG\x00", None),  # not a document: skipped
]
DOCS = [(n, d, e) for n, d, e in MEMBERS if e is not None]


def write_zip(path):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data, _ in MEMBERS:
            zf.writestr(name, data)


def write_tar(path):
    with tarfile.open(path, "w:gz") as tf:
        for name, data, _ in MEMBERS:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))


def check(records, expected=DOCS):
    assert [r["id"] for r in records] == [name for name, _, _ in expected]
    for record, (name, _, expect) in zip(records, expected):
        if expect == "release":
            assert "error" not in record and "amounts" in record, (name, record.get("error"))
        else:
            assert expect in record["error"], (name, record)


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_archive(tmp_path, kind, jobs):
    path = tmp_path / f"docs.{kind}"
    (write_zip if kind == "zip" else write_tar)(path)
    out = tmp_path / "out.jsonl"
    assert batch.run(args(path, "-o", out, "--quiet", "--jobs", jobs)) == 1  # some documents failed
    records = read_jsonl(out)
    check(records)
    assert records[0]["source"] == f"{path}!a/good1.txt"
    assert records[0]["amounts"], "the extractor found nothing in a good document"


def test_truncated_archive_gives_error_records_and_goes_on(tmp_path):
    whole = tmp_path / "whole.tar.gz"
    members = [(f"d{i:03}.txt", doc(i).encode() * 5, "release") for i in range(120)]
    with tarfile.open(whole, "w:gz") as tf:
        for name, data, _ in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(whole.read_bytes()[:whole.stat().st_size // 2])
    good = tmp_path / "good.txt"
    good.write_text(doc(5), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch.run(args(cut, good, "-o", out, "-q")) == 1
    records = read_jsonl(out)
    assert records[-1]["id"] == str(good) and "error" not in records[-1]
    errors = [r for r in records if "error" in r]
    assert errors and errors[-1]["id"] == str(cut) and "truncated" in errors[-1]["error"]
    assert len(records) < 120 + 1


def test_jsonl_fields(tmp_path):
    path = tmp_path / "in.ndjson"
    rows = [
        {"key": "k1", "body": doc(1), "date": "2021-03-31", "url": "https://example.se/1"},
        {"key": "k2", "body": doc(2)},
        {"key": "k3", "body": None},
        {"body": "Ett kort stycke utan belopp."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = batch.run(args(path, "-o", out, "-q", "--text-field", "body", "--id-field", "key",
                            "--published-field", "date", "--source-field", "url"))
    assert status == 1
    records = read_jsonl(out)
    assert [r["id"] for r in records] == ["k1", "k2", "k3", pio.hash_id("Ett kort stycke utan belopp.")]
    assert records[0]["source"] == "https://example.se/1" and records[0]["published"] == "2021-03-31"
    assert records[1]["source"] == f"{path}:2" and records[1]["published"] is None
    assert "is null" in records[2]["error"]
    # the same record as the Python call gives
    assert records[0] == json.loads(pio.jsonl_line(extract(doc(1), published="2021-03-31",
                                                           source="https://example.se/1", id="k1")))


def test_csv_output(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"d{i}.txt").write_text(doc(i), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01")
    out = tmp_path / "out.csv"
    assert batch.run(args(folder, "-o", out, "-q")) == 1
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(pio.CSV_COLUMNS)
    errors = [r for r in rows if r["error"]]
    assert [r["id"] for r in errors] == ["broken.txt"]
    expected = []
    for i in range(5):
        release = extract(doc(i), id=f"d{i}.txt", source=str(folder / f"d{i}.txt"))
        expected += [(release.id, a.text, a.start, a.category) for a in release.amounts]
    got = [(r["id"], r["text"], int(r["start"]), r["category"]) for r in rows if not r["error"]]
    assert got == expected and got


def test_jobs_keep_input_order(tmp_path):
    path = tmp_path / "in.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(150):
            fh.write(json.dumps({"id": f"n{i}", "text": doc(i, sentences=1 + i % 7)}) + "\n")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert batch.run(args(path, "-o", one, "-q", "--jobs", "1")) == 0
    assert batch.run(args(path, "-o", two, "-q", "--jobs", "2")) == 0
    assert one.read_bytes() == two.read_bytes()
    assert [r["id"] for r in read_jsonl(one)] == [f"n{i}" for i in range(150)]


def test_stdin(tmp_path, monkeypatch):
    class Stdin:
        buffer = io.BytesIO(b'{"id": "s1", "text": "Polisen grep tre personer."}\n{"id": "s2", "text": ""}\n')

    monkeypatch.setattr(sys, "stdin", Stdin)
    out = tmp_path / "out.jsonl"
    assert batch.run(args("-", "-o", out, "-q")) == 0
    assert [r["id"] for r in read_jsonl(out)] == ["s1", "s2"]


def test_resume_skips_done_and_cuts_half_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"r{i}", "text": doc(i)}) + "\n" for i in range(20)),
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch.run(args(path, "-o", out, "-q")) == 0
    whole = out.read_bytes()
    lines = whole.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:7]) + lines[7][:25])  # as if killed while writing r7
    assert batch.run(args(path, "-o", out, "-q", "--resume")) == 0
    assert out.read_bytes() == whole
    assert batch.run(args(path, "-o", out, "-q", "--resume")) == 0  # nothing left to do
    assert out.read_bytes() == whole


@pytest.mark.parametrize("argv", [["-o", "out.csv", "--resume"], ["--resume"]], ids=["csv", "stdout"])
def test_resume_needs_jsonl_file(tmp_path, argv, capsys):
    assert batch.run(args(tmp_path, *argv)) == 2
    assert "--resume" in capsys.readouterr().err


def test_progress_and_summary_go_to_stderr(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "x", "text": doc(1)}) + "\n", encoding="utf-8")
    assert batch.run(args(path, "-o", "-")) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["id"] == "x"
    assert "1 documents" in captured.err and "0 errors" in captured.err
    assert batch.run(args(path, "-o", "-", "--quiet")) == 0
    assert capsys.readouterr().err == ""


def test_output_that_is_an_input_is_refused(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    assert batch.run(args(path, "-o", path)) == 2
    assert path.read_text(encoding="utf-8") == '{"id": "a", "text": "x"}\n'


def test_plain_progress_lines():
    stream = io.StringIO()
    progress = batch._PlainProgress(total=400, every=0.0, stream=stream)
    stats = batch._Stats()
    stats.started -= 10
    for _ in range(100):
        stats.add(amounts=2, failed=False)
    stats.add(amounts=0, failed=True)
    progress.update(stats)
    line = stream.getvalue()
    assert "101/400 (25%)" in line and "1 errors" in line and "ETA" in line
    assert "101 documents" in stats.summary() and "200 amounts" in stats.summary()


def _die_on_poison(items):
    if "poison" in items:
        os._exit(3)  # what a segfault or the out-of-memory killer looks like to the pool
    return [item.upper() for item in items]


def test_worker_that_dies_costs_one_item():
    items = ["a", "b", "poison", "c", "d", "e", "f"]
    chunked = batch.chunks(items, max_docs=2)
    results = [r for chunk in batch.ordered_map(_die_on_poison, chunked, 2, on_crash=lambda x: f"died on {x}")
               for r in chunk]
    assert results == ["A", "B", "died on poison", "C", "D", "E", "F"]


def test_extract_many_processes_keep_order():
    items = [(doc(i), {"id": f"m{i}", "source": "test"}) for i in range(40)] + [doc(99), "  "]
    one = list(extract_many(items))
    two = list(extract_many(items, n_process=2, batch_size=8))
    assert one == two
    assert [r.id for r in one][:3] == ["m0", "m1", "m2"]
    assert one[-1] == extract("  ") and one[-2] == extract(doc(99))


def test_kill_and_resume(tmp_path):
    """Kill a running batch, resume it: each id exactly once, none missing.
    If the first run finished before the kill, the check still holds."""
    folder = tmp_path / "in"
    folder.mkdir()
    n = 300
    for i in range(n):
        (folder / f"doc{i:03}.txt").write_text(doc(i, sentences=40), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "pressextract.batch", str(folder), "-o", str(out), "-q"]
    proc = subprocess.Popen(cmd + ["--jobs", "2"], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if out.exists() and out.stat().st_size > 0:
            break
        time.sleep(0.01)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)  # the main process and its workers
    proc.wait()
    first = out.read_bytes()
    with open(out, "ab") as fh:  # the worst case: killed in the middle of a line
        fh.write(b'{"schema":"pressextract/1","id":"doc')

    done = subprocess.run(cmd + ["--resume"], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    records = read_jsonl(out)
    ids = [r["id"] for r in records]
    assert len(ids) == n and len(set(ids)) == n
    assert sorted(ids) == [f"doc{i:03}.txt" for i in range(n)]
    assert out.read_bytes().startswith(first[:first.rfind(b"\n") + 1])
