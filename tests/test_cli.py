"""The command line tool: extract, schema, evaluate, batch wiring, --version."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pressextract import __version__
from pressextract.cli import main

from _shared import SEEDS  # noqa: E402

RELEASE = ("Resultat för året\n\n"
           "Kronofogden utmätte tillgångar till ett värde av drygt en miljon kronor under 2020.\n")


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_extract_prints_one_json_line(tmp_path, capsys):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    status, out, err = run(capsys, "extract", str(path))
    assert status == 0, err
    lines = out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["schema"] == "pressextract/1"
    assert record["source"] == str(path)


def test_extract_options(tmp_path, capsys):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    status, out, err = run(capsys, "extract", "--pretty", "--id", "doc-1",
                           "--published", "2021-03-31", str(path))
    assert status == 0, err
    assert out.count("\n") > 5  # indented over several lines
    assert "Resultat för året" in out  # not escaped as \u00f6
    record = json.loads(out)
    assert record["id"] == "doc-1"
    assert record["published"] == "2021-03-31"


def test_extract_several_files_and_stdin(tmp_path, capsys, monkeypatch):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(RELEASE, encoding="utf-8")
    b.write_text("Tullverket beslagtog 300 000 kronor.\n", encoding="utf-8")
    status, out, _ = run(capsys, "extract", str(a), str(b))
    assert status == 0
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(a), str(b)]

    import io
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RELEASE.encode("utf-8"))))
    status, out, _ = run(capsys, "extract", "-")
    assert status == 0
    assert json.loads(out)["source"] is None


BAD_INPUTS = [
    # phenomenon,        file name,       bytes (None: no file),             message part
    ("latin-1 bytes",    "latin.txt",     "Beslag på 5 kr i Växjö".encode("latin-1"), "UTF-8"),
    ("missing file",     "absent.txt",    None,                              "no such file"),
]


@pytest.mark.parametrize("name, data, message", [b[1:] for b in BAD_INPUTS], ids=[b[0] for b in BAD_INPUTS])
def test_extract_unreadable_input(tmp_path, capsys, name, data, message):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    status, out, err = run(capsys, "extract", str(path))
    assert status == 2
    assert out == ""
    assert str(path) in err and message in err


def test_extract_bad_file_does_not_stop_the_others(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(RELEASE, encoding="utf-8")
    status, out, err = run(capsys, "extract", str(tmp_path / "absent.txt"), str(good))
    assert status == 2
    assert len(out.splitlines()) == 1 and "absent.txt" in err


def test_extract_html(tmp_path, capsys):
    body = "".join(f"<p>{RELEASE.splitlines()[2]} Stycke {i} om samverkan mellan myndigheterna.</p>"
                   for i in range(5))
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Resultat</title></head><body><article><h1>Resultat för året</h1>"
                    f"{body}</article></body></html>", encoding="utf-8")
    status, out, err = run(capsys, "extract", str(path))
    assert status == 0, err
    record = json.loads(out)
    assert record["amounts"], record
    assert "<p>" not in json.dumps(record)


def test_extract_bad_published(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--published", "31 mars", "-"])
    assert exc.value.code == 2
    assert "ISO" in capsys.readouterr().err


def test_schema(capsys):
    status, out, _ = run(capsys, "schema")
    assert status == 0
    schema = json.loads(out)
    assert "$defs" in schema and "Release" in schema["$defs"]


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_no_command_shows_help(capsys):
    status, _, err = run(capsys, )
    assert status == 2 and "extract" in err and "batch" in err


HELP = ["extract", "schema", "evaluate"]


@pytest.mark.parametrize("command", HELP)
def test_command_help_has_examples(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert f"pressextract {command}" in out and "example" in out


def write_doc(directory: Path, name: str, text: str, gold: dict) -> None:
    (directory / f"{name}.txt").write_text(text, encoding="utf-8")
    (directory / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def test_evaluate_prints_every_metric(tmp_path, capsys):
    from pressextract.evaluate import METRIC_ORDER

    start = RELEASE.index("drygt")
    end = RELEASE.index("kronor") + len("kronor")
    write_doc(tmp_path, "one", RELEASE, {
        "published": None, "modified": None, "year": 2020, "region": None,
        "amounts": [{"text": RELEASE[start:end], "value": 1000000, "currency": "SEK",
                     "qualifier": "over", "category": "distraint",
                     "agency": "kronofogdemyndigheten", "region": None, "year": 2020,
                     "part_of": None, "start": start, "end": end}],
        "quantities": [], "agencies": ["kronofogdemyndigheten"], "regions": [],
        "years": [2020], "quotes": [{"speaker": "Anna Berg", "role": "chef"}],
    })
    out_json = tmp_path / "scores.json"
    status, out, err = run(capsys, "evaluate", "--show", "--json", str(out_json), str(tmp_path))
    assert status == 0, err
    for name in METRIC_ORDER:
        assert name in out, name
    assert "crashes: 0" in out
    assert "missed quote speaker: Anna Berg" in out  # --show lists the misses
    saved = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(saved["metrics"]) == set(METRIC_ORDER)
    assert saved["per_document"][0]["document"] == "one"


def test_evaluate_without_gold_files(tmp_path, capsys):
    status, _, err = run(capsys, "evaluate", str(tmp_path))
    assert status == 2 and "gold" in err


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not beside the repository")
def test_evaluate_seeds_without_crashes(capsys):
    status, out, err = run(capsys, "evaluate", str(SEEDS))
    assert status == 0, err
    assert "crashes: 0" in out


BATCH_AVAILABLE = importlib.util.find_spec("pressextract.batch") is not None


def test_batch_listed_in_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "batch" in capsys.readouterr().out


@pytest.mark.skipif(not BATCH_AVAILABLE, reason="pressextract.batch not present")
def test_batch_is_wired(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["batch", "--help"])
    assert exc.value.code == 0
    assert "pressextract batch" in capsys.readouterr().out

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status, _, err = run(capsys, "batch", "-q", "-o", str(out), str(folder))
    assert status == 0, err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1 and records[0]["schema"] == "pressextract/1"


def test_batch_missing_module_is_reported(capsys, monkeypatch):
    # Simulate an installation without the batch module.
    monkeypatch.setitem(sys.modules, "pressextract.batch", None)
    status, _, err = run(capsys, "batch", "x")
    assert status == 2 and "not available" in err


def test_python_dash_m_and_cheap_import():
    code = ("import sys, pressextract.cli; "
            "print('spacy' in sys.modules, 'trafilatura' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
    done = subprocess.run([sys.executable, "-m", "pressextract", "--version"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and __version__ in done.stdout
