"""Readers and writers of the batch: every input document becomes exactly one
item, readable or not, and every record one output line (JSON Lines) or one
row per amount (CSV). Archives are generated here, with good, empty, binary
and mis-encoded members, then damaged on purpose."""
import csv
import gzip
import io
import json
import tarfile
import zipfile

import pytest

from pressextract import io as pio
from pressextract.records import Amount, ErrorRecord, Region, Release

GOOD = "Tullverket beslagtog 3 miljoner kronor vid en kontroll i hamnen under 2021.\n"
LATIN = "Skatteverket höjde skatten med 2 miljoner kronor förra året.\n"

# member name, bytes, what the reader + decoder should make of it:
# text it decodes to, or "error: <part of the message>", or None (not a document, skipped)
MEMBERS = [
    ("good.txt", GOOD.encode("utf-8"), GOOD),
    ("sub/notes.md", GOOD.encode("utf-8"), GOOD),
    ("empty.txt", b"", ""),
    ("bom.txt", b"\xef\xbb\xbf" + GOOD.encode("utf-8"), GOOD),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error: binary"),
    ("latin1.txt", LATIN.encode("cp1252"), "error: not UTF-8"),
    ("picture.png", b"\x89PNG\r\n\x1a\n\x00", None),
    ("__MACOSX/._good.txt", b"\x00\x05\x16\x07", None),
    (".hidden.txt", GOOD.encode("utf-8"), None),
]
WANTED = [(name, data, expect) for name, data, expect in MEMBERS if expect is not None]


def outcome(item):
    try:
        text, _ = pio.document_text(item)
    except pio.DocumentError as err:
        return f"error: {err}"
    return text


def check_members(items):
    got = {item.id: outcome(item) for item in items}
    assert list(got) == [name for name, _, _ in WANTED]
    for name, _, expect in WANTED:
        if expect.startswith("error: "):
            assert got[name].startswith("error: ") and expect[7:] in got[name], (name, got[name])
        else:
            assert got[name] == expect, name


def make_zip(path, members=MEMBERS, **kw):
    with zipfile.ZipFile(path, "w", **kw) as zf:
        for name, data, _ in members:
            zf.writestr(name, data)
    return path


def make_tar(path, members=MEMBERS):
    with tarfile.open(path, "w:gz") as tf:
        for name, data, _ in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return path


# --------------------------------------------------------------------------- decoding

DECODE = [
    # phenomenon,                 bytes,                                  fallback,  text or "error: ..."
    ("utf-8",                     "Åklagaren i Malmö".encode(),            None,      "Åklagaren i Malmö"),
    ("utf-8 with BOM",            b"\xef\xbb\xbf" + "år".encode(),          None,      "år"),
    ("utf-16 with BOM",           "Växjö tingsrätt".encode("utf-16"),       None,      "Växjö tingsrätt"),
    ("empty",                     b"",                                     None,      ""),
    ("cp1252 is not guessed",     "förra året".encode("cp1252"),            None,      "error: not UTF-8 (byte 0xF6 at offset 1)"),
    ("cp1252 hint",               "förra året".encode("cp1252"),            None,      "error: --fallback-encoding cp1252"),
    ("cp1252 when asked for",     "förra året – 5 €".encode("cp1252"),      "cp1252",  "förra året – 5 €"),
    ("latin-1 when asked for",    "Göteborg".encode("latin-1"),             "latin-1", "Göteborg"),
    ("utf-8 wins over fallback",  "Göteborg".encode(),                      "cp1252",  "Göteborg"),
    ("NUL bytes are binary",      b"PK\x03\x04\x00\x00",                   None,      "error: binary file"),
    ("NUL bytes even with fallback", b"abc\x00def",                        "cp1252",  "error: binary file"),
    ("undefined in cp1252: no hint", b"\x81\x8d\x8f",                       None,      "error: not UTF-8 (byte 0x81"),
]


@pytest.mark.parametrize("data,fallback,expect", [row[1:] for row in DECODE], ids=[row[0] for row in DECODE])
def test_decode_text(data, fallback, expect):
    try:
        got = pio.decode_text(data, fallback)
    except pio.DocumentError as err:
        got = f"error: {err}"
    if expect.startswith("error: "):
        assert got.startswith("error: ") and expect[7:] in got
        if "0x81" in expect:
            assert "cp1252" not in got
    else:
        assert got == expect


HTML_PAGE = (
    '<html><head><meta charset="iso-8859-1"><title>Nyhet</title>'
    '<meta property="article:published_time" content="2021-03-31T09:00:00"></head>'
    "<body><nav>Meny Kontakt Om oss</nav><article><h1>Beslag i hamnen</h1>"
    "<p>Tullverket beslagtog 3 miljoner kronor i kontanter vid en kontroll i hamnen i Malmö.</p>"
    "<p>Pengarna hittades i en bil som skulle lämna landet på förmiddagen.</p></article>"
    "<footer>Cookies och personuppgifter</footer></body></html>"
)


def test_html_text_reads_declared_charset_and_date():
    text, date = pio.html_text(HTML_PAGE.encode("latin-1"))
    assert "beslagtog 3 miljoner kronor" in text and "i Malmö" in text
    assert "Cookies" not in text and "Meny" not in text
    assert date == "2021-03-31"


@pytest.mark.parametrize("data,message", [
    (b"<html><body></body></html>", "no main text"),
    (b"<html>\x00\x00\x00</html>", "binary"),
], ids=["empty page", "binary"])
def test_html_text_errors(data, message):
    with pytest.raises(pio.DocumentError, match=message):
        pio.html_text(data)


def test_html_date_only_when_none_given():
    item = pio.Item(id="a", source=None, data=HTML_PAGE.encode("latin-1"), kind="html",
                    published="2020-01-02")
    assert pio.document_text(item)[1] == "2020-01-02"
    item.published = None
    assert pio.document_text(item)[1] == "2021-03-31"


# --------------------------------------------------------------------------- folders and archives

def test_folder(tmp_path):
    root = tmp_path / "in"
    for name, data, _ in MEMBERS:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    items = list(pio.read_folder(str(root)))
    # sorted walk: files of a folder before its subfolders
    assert sorted(i.id for i in items) == sorted(n for n, _, _ in WANTED)
    assert all(i.source.endswith(i.id) for i in items)
    by_id = {i.id: i for i in items}
    check_members([by_id[name] for name, _, _ in WANTED])
    assert pio.count_documents([str(root)]) == len(WANTED)


@pytest.mark.parametrize("compression", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED], ids=["deflated", "stored"])
def test_zip(tmp_path, compression):
    path = make_zip(tmp_path / "docs.zip", compression=compression)
    items = list(pio.read_zip(str(path)))
    check_members(items)
    assert items[0].source == f"{path}!good.txt"
    assert pio.count_documents([str(path)]) == len(WANTED)


def test_tar_gz(tmp_path):
    for name in ("docs.tar.gz", "docs.tgz"):
        path = make_tar(tmp_path / name)
        assert pio.input_kind(str(path)) == "tar"
        check_members(pio.read_tar(str(path)))


def test_zip_corrupt_member(tmp_path):
    path = make_zip(tmp_path / "docs.zip", compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    at = data.index(b"Tullverket")  # the first copy is good.txt's data
    data[at] ^= 0x20
    path.write_bytes(bytes(data))
    items = list(pio.read_zip(str(path)))
    assert [i.id for i in items] == [n for n, _, _ in WANTED]  # nothing lost, nothing extra
    assert "corrupt archive member" in items[0].error and "CRC" in items[0].error
    assert items[1].error is None and outcome(items[1]) == GOOD


class _Unseekable(io.RawIOBase):
    """A write-only stream: zipfile then writes data descriptors after each member."""

    def __init__(self):
        self.buf = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.buf += b
        return len(b)


@pytest.mark.parametrize("descriptors", [False, True], ids=["sizes in headers", "data descriptors"])
def test_zip_without_directory(tmp_path, descriptors):
    """A zip cut before its central directory: members read from the local
    headers, then one error item for the archive."""
    if descriptors:
        sink = _Unseekable()
        with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data, _ in MEMBERS:
                zf.writestr(name, data)
        whole = bytes(sink.buf)
    else:
        whole = make_zip(tmp_path / "whole.zip", compression=zipfile.ZIP_DEFLATED).read_bytes()
    cut = whole[:whole.index(b"PK\x01\x02")]
    path = tmp_path / "cut.zip"
    path.write_bytes(cut)
    items = list(pio.read_zip(str(path)))
    check_members(items[:-1])
    assert items[-1].id == str(path) and "directory is missing" in items[-1].error

    # cut inside the last wanted member's data: the members before it are read
    last = cut.rindex(b"PK\x03\x04")  # .hidden.txt, not wanted; cut in the one before
    before = cut.rindex(b"PK\x03\x04", 0, last)
    path.write_bytes(cut[:before + 40])
    items = list(pio.read_zip(str(path)))
    assert items[-1].id == str(path) and "truncated or corrupt" in items[-1].error
    ids = [i.id for i in items[:-1]]
    assert ids == [n for n, _, _ in WANTED][:len(ids)] and len(ids) >= 4


@pytest.mark.parametrize("content", [b"", b"this is not a zip file at all", b"PK\x03\x04\x14"],
                         ids=["empty file", "text", "bare header"])
def test_not_a_zip(tmp_path, content):
    path = tmp_path / "bad.zip"
    path.write_bytes(content)
    items = list(pio.read_zip(str(path)))
    assert len(items) == 1 and items[0].id == str(path) and items[0].error


def test_tar_truncated(tmp_path):
    members = [(f"doc{i:03}.txt", (GOOD * 20 + str(i)).encode(), "x") for i in range(200)]
    whole = make_tar(tmp_path / "whole.tar.gz", members).read_bytes()
    path = tmp_path / "cut.tar.gz"
    path.write_bytes(whole[:len(whole) // 2])
    items = list(pio.read_tar(str(path)))
    good = [i for i in items if i.error is None]
    assert 0 < len(good) < 200
    assert [i.id for i in good] == [f"doc{i:03}.txt" for i in range(len(good))]
    assert items[-1].id == str(path) and "truncated or corrupt" in items[-1].error
    # garbage instead of gzip
    path.write_bytes(b"\x1f\x8b" + b"\xff" * 100)
    items = list(pio.read_tar(str(path)))
    assert len(items) == 1 and items[0].error


# --------------------------------------------------------------------------- JSON Lines and stdin

JSONL = [
    # phenomenon,          line,                                                   id,                    error part or None
    ("all fields",         {"id": "a1", "body": "Text ett.", "date": "2021-02-03", "url": "https://x.se/a1"}, "a1", None),
    ("numeric id",         {"id": 17, "body": "Text två."},                         "17",                  None),
    ("no id: hash",        {"body": "Text tre."},                                   pio.hash_id("Text tre."), None),
    ("no text",            {"id": "a4"},                                            "a4",                  "no 'body' field"),
    ("text not a string",  {"id": "a5", "body": ["x"]},                             "a5",                  "not a string"),
    ("date not a string",  {"id": "a6", "body": "x", "date": 20210203},             "a6",                  "not an ISO date"),
    ("not an object",      [1, 2],                                                  None,                  "not a JSON object"),
    ("not JSON",           "{broken",                                               None,                  "not a JSON object"),
]


def _jsonl_bytes(rows):
    out = []
    for _, line, _, _ in rows:
        out.append(line.encode() if isinstance(line, str) else json.dumps(line, ensure_ascii=False).encode())
    return b"\n\n".join(out) + b"\n"  # blank lines in between are skipped


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_jsonl(tmp_path, gz):
    path = tmp_path / ("in.jsonl.gz" if gz else "in.jsonl")
    data = _jsonl_bytes(JSONL)
    path.write_bytes(gzip.compress(data) if gz else data)
    fields = pio.Fields(text="body", published="date", source="url")
    items = list(pio.read_jsonl(str(path), fields))
    assert len(items) == len(JSONL)
    for (phenomenon, _, id, error), item in zip(JSONL, items):
        if id is not None:
            assert item.id == id, phenomenon
        if error is None:
            assert item.error is None, phenomenon
        else:
            assert error in item.error, phenomenon
    assert items[0].published == "2021-02-03" and items[0].source == "https://x.se/a1"
    assert items[1].source == f"{path}:3"  # line numbers count the blank lines
    assert items[0].data == "Text ett."


def test_jsonl_count(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "a"}\n{"text": "b"}')  # no final newline
    assert pio.count_documents([str(path)]) == 2


@pytest.mark.parametrize("data,ids,texts", [
    (b'  {"id": "x", "text": "A."}\n{"id": "y", "text": "B."}\n', ["x", "y"], ["A.", "B."]),
    ("Polisen grep två personer.".encode(), [pio.hash_id("Polisen grep två personer.")], ["Polisen grep två personer."]),
    (b"", [pio.hash_id(b"")], [""]),
], ids=["json lines", "plain text", "nothing"])
def test_stdin(data, ids, texts):
    items = list(pio.read_stdin(io.BytesIO(data)))
    assert [i.id for i in items] == ids
    assert [outcome(i) for i in items] == texts


def test_inputs_that_cannot_be_read(tmp_path):
    other = tmp_path / "table.xlsx"
    other.write_bytes(b"PK")
    items = list(pio.read_inputs([str(tmp_path / "missing"), str(other)]))
    assert [i.id for i in items] == [str(tmp_path / "missing"), str(other)]
    assert "no such file" in items[0].error and "not a supported input" in items[1].error


# --------------------------------------------------------------------------- outputs

def _release():
    return Release(
        id="r1", source="a.txt", published="2021-03-31", year=2020,
        region=Region(id="uppsala", kind="county", name="Uppsala län", police_region="mitt"),
        amounts=[
            Amount(text="63 miljoner kronor", start=10, end=28, value=63e6, category="total",
                   region="mitt", year=2020),
            Amount(text="9,3 miljoner", start=40, end=52, value=9.3e6, category="recovery_claim",
                   agency="forsakringskassan", part_of=0, qualifier="approx", value_max=9.5e6),
        ])


def test_csv_rows():
    rows = list(csv.DictReader(io.StringIO((pio.csv_header() + pio.csv_rows(_release())).decode())))
    assert len(rows) == 2
    assert [r["id"] for r in rows] == ["r1", "r1"]
    assert rows[0]["release_region"] == "mitt" and rows[0]["release_year"] == "2020"
    assert rows[0]["value"] == "63000000" and rows[1]["value"] == "9300000"
    assert rows[1]["part_of"] == "0" and rows[0]["part_of"] == ""
    assert rows[1]["agency"] == "forsakringskassan" and rows[1]["value_max"] == "9500000"
    assert rows[0]["error"] == ""


def test_csv_error_row_and_empty_release():
    err = ErrorRecord(id="e1", source="b.txt", error="binary file, not text")
    rows = list(csv.DictReader(io.StringIO((pio.csv_header() + pio.csv_rows(err)).decode())))
    assert rows == [dict(dict.fromkeys(pio.CSV_COLUMNS, ""), id="e1", source="b.txt",
                         error="binary file, not text")]
    assert pio.csv_rows(Release(id="r2")) == b""


@pytest.mark.parametrize("path,requested,expect", [
    ("out.csv", None, "csv"), ("OUT.CSV", None, "csv"), ("out.jsonl", None, "jsonl"),
    ("-", None, "jsonl"), ("out.txt", "csv", "csv"), ("out.csv", "jsonl", "jsonl"),
], ids=["csv suffix", "upper-case suffix", "jsonl suffix", "stdout", "asked csv", "asked jsonl"])
def test_format_for(path, requested, expect):
    assert pio.format_for(path, requested) == expect


def test_done_ids_cuts_a_half_written_line(tmp_path):
    path = tmp_path / "out.jsonl"
    lines = [pio.jsonl_line(Release(id="r1")), pio.jsonl_line(ErrorRecord(id="e1", error="x"))]
    path.write_bytes(b"".join(lines) + b'{"schema":"pressextract/1","id":"r2","ti')
    assert pio.done_ids(str(path)) == {"r1", "e1"}
    assert path.read_bytes() == b"".join(lines)
    assert pio.done_ids(str(tmp_path / "none.jsonl")) == set()


def test_output_appends_and_writes_header_once(tmp_path):
    path = tmp_path / "out.csv"
    out = pio.Output(str(path), "csv")
    out.write(pio.csv_rows(_release()))
    out.close()
    out = pio.Output(str(path), "csv", append=True)
    out.write(pio.csv_rows(_release()))
    out.close()
    text = path.read_text()
    assert text.count("release_region") == 1 and text.count("r1,") == 4
