"""Reading documents for a batch, and writing its records.

Readers turn each input (a folder, a zip or tar archive, a JSON Lines file,
standard input) into a stream of ``Item`` objects: an id, a source and the
raw bytes or string of one document. Readers never decode or extract; that
happens in ``document_text`` (run in the worker processes), so that a
document that cannot be read becomes an error record of its own and the
batch goes on.

Archives are read member by member, never whole. A zip whose central
directory is missing (a truncated download) is read front to back from its
local headers, so the members before the damage are still extracted.

Encodings: a text file must be UTF-8 (a UTF-8 or UTF-16 byte-order mark is
honoured). Any other encoding gives an error record that names the first bad
byte, and says so when the file decodes cleanly as cp1252; guessing an
encoding from a few Swedish letters is not reliable enough to do silently, so
``fallback_encoding`` (``--fallback-encoding cp1252``) is an explicit choice.
HTML pages are decoded by trafilatura, which reads the page's declared charset
and detects one when none is declared.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import os
import struct
import sys
import tarfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

import msgspec

from .records import ErrorRecord, to_json

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
DOC_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
ZIP_SUFFIXES = (".zip",)

# A document larger than this is reported, not read: it protects memory from
# archive members that inflate to gigabytes. spaCy refuses texts over a
# million characters anyway.
MAX_BYTES = 64 * 1024 * 1024


class DocumentError(Exception):
    """A document that cannot be read as text; its message goes into the error record."""


@dataclass(slots=True)
class Item:
    """One input document, as read: not yet decoded, not yet extracted."""
    id: str
    source: Optional[str]
    data: bytes | str | None = None
    kind: str = "text"  # "text" or "html"
    published: Optional[str] = None
    error: Optional[str] = None  # set when reading failed: the item becomes an ErrorRecord

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0


def hash_id(data: bytes | str) -> str:
    """The id of a document with none of its own: the same hash ``extract`` uses."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha1(data).hexdigest()[:16]


def _kind(name: str) -> Optional[str]:
    low = name.lower()
    if low.endswith(HTML_SUFFIXES):
        return "html"
    if low.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def _hidden(name: str) -> bool:
    # dot-files and macOS resource forks ("__MACOSX/._a.txt") are not documents
    parts = name.replace("\\", "/").split("/")
    return any(p.startswith(".") and p not in (".", "..") for p in parts) or "__MACOSX" in parts


def _too_big(size: int) -> str:
    return f"document is {size} bytes, over the {MAX_BYTES}-byte limit"


# --------------------------------------------------------------------------- inputs

def input_kind(path: str) -> str:
    """What an INPUT argument is: stdin, folder, zip, tar, jsonl, file, or missing/unknown."""
    if path == "-":
        return "stdin"
    low = path.lower()
    if os.path.isdir(path):
        return "folder"
    if not os.path.exists(path):
        return "missing"
    if low.endswith(ZIP_SUFFIXES):
        return "zip"
    if low.endswith(TAR_SUFFIXES):
        return "tar"
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if _kind(low):
        return "file"
    return "unknown"


@dataclass
class Fields:
    """Which JSON Lines fields hold what."""
    text: str = "text"
    id: str = "id"
    published: Optional[str] = None
    source: Optional[str] = None


def read_inputs(paths: Iterable[str], fields: Fields | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document of every input, in order. An input that cannot be
    opened at all yields one error item named after it."""
    fields = fields or Fields()
    for path in paths:
        kind = input_kind(path)
        if kind == "stdin":
            yield from read_stdin(stdin or sys.stdin.buffer, fields)
        elif kind == "folder":
            yield from read_folder(path)
        elif kind == "zip":
            yield from read_zip(path)
        elif kind == "tar":
            yield from read_tar(path)
        elif kind == "jsonl":
            yield from read_jsonl(path, fields)
        elif kind == "file":
            yield _read_file(Path(path), Path(path).as_posix())
        elif kind == "missing":
            yield Item(id=path, source=path, error="no such file or folder")
        else:
            yield Item(id=path, source=path, error=(
                "not a supported input: give a folder, a .txt/.md/.html/.htm file, "
                "a .zip or .tar.gz archive, or a .jsonl file"))


def count_documents(paths: Iterable[str]) -> Optional[int]:
    """How many documents the inputs hold, when that is cheap to know
    (folders, zips, plain JSON Lines files); None otherwise."""
    total = 0
    for path in paths:
        kind = input_kind(path)
        try:
            if kind == "folder":
                total += sum(1 for _ in _folder_files(path))
            elif kind == "zip":
                with zipfile.ZipFile(path) as zf:
                    total += sum(1 for info in zf.infolist() if _zip_wanted(info.filename))
            elif kind == "jsonl" and not path.lower().endswith(".gz"):
                total += _count_lines(path)
            elif kind in ("file", "missing", "unknown"):
                total += 1
            else:
                return None
        except (OSError, zipfile.BadZipFile):
            return None
    return total


def _count_lines(path: str) -> int:
    lines = 0
    with open(path, "rb") as fh:
        last = b"\n"
        while block := fh.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
        if last != b"\n":
            lines += 1
    return lines


# --- folders and single files

def _folder_files(root: str) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and _kind(name):
                yield Path(dirpath, name)


def _read_file(path: Path, id: str) -> Item:
    kind = _kind(path.name) or "text"
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Item(id=id, source=str(path), kind=kind, error=_too_big(size))
        return Item(id=id, source=str(path), data=path.read_bytes(), kind=kind)
    except OSError as err:
        return Item(id=id, source=str(path), kind=kind, error=f"cannot read file: {err.strerror or err}")


def read_folder(root: str) -> Iterator[Item]:
    """Every .txt, .md, .html, .htm file under ``root``, in sorted order; the
    id is the path relative to ``root``."""
    base = Path(root)
    for path in _folder_files(root):
        yield _read_file(path, path.relative_to(base).as_posix())


# --- zip

def _zip_wanted(name: str) -> bool:
    return not name.endswith("/") and not _hidden(name) and _kind(name) is not None


def read_zip(path: str) -> Iterator[Item]:
    """The documents of a zip archive, one member at a time."""
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        # no readable central directory: a truncated or damaged file
        yield from _scan_zip(path)
        return
    except OSError as err:
        yield Item(id=path, source=path, error=f"cannot open archive: {err.strerror or err}")
        return
    with zf:
        for info in zf.infolist():
            name = info.filename
            if not _zip_wanted(name):
                continue
            item = Item(id=name, source=f"{path}!{name}", kind=_kind(name))
            if info.file_size > MAX_BYTES:
                item.error = _too_big(info.file_size)
            elif info.flag_bits & 0x1:
                item.error = "archive member is encrypted"
            else:
                try:
                    with zf.open(info) as fh:
                        data = fh.read(MAX_BYTES + 1)
                    if len(data) > MAX_BYTES:
                        item.error = _too_big(len(data))
                    else:
                        item.data = data
                except (zipfile.BadZipFile, zlib.error, EOFError, OSError,
                        NotImplementedError, RuntimeError) as err:
                    item.error = f"corrupt archive member: {err}"
            yield item


_LOCAL = struct.Struct("<4sHHHHHIIIHH")


def _scan_zip(path: str) -> Iterator[Item]:
    """Members of a zip without its central directory, read from the local
    headers in file order (what a streaming unzip does). Stops at the first
    damage with an error item for the archive."""
    def broken(why: str) -> Item:
        return Item(id=path, source=path, error=f"archive is truncated or corrupt: {why}")

    try:
        fh = open(path, "rb")
    except OSError as err:
        yield Item(id=path, source=path, error=f"cannot open archive: {err.strerror or err}")
        return
    members = 0
    with fh:
        while True:
            head = fh.read(_LOCAL.size)
            if head[:4] in (b"PK\x01\x02", b"PK\x05\x06") and members:
                return  # reached the directory: every member has been read
            if len(head) < _LOCAL.size or head[:4] != b"PK\x03\x04":
                if not members:
                    yield broken("not a zip file")
                elif not head:
                    yield broken(f"the archive's directory is missing; read {members} members before its end")
                else:
                    yield broken(f"damaged after {members} members")
                return
            _, _, flags, method, _, _, crc, csize, usize, nlen, xlen = _LOCAL.unpack(head)
            raw_name = fh.read(nlen)
            fh.read(xlen)
            name = raw_name.decode("utf-8" if flags & 0x800 else "cp437", "replace")
            members += 1
            wanted = _zip_wanted(name)
            item = Item(id=name, source=f"{path}!{name}", kind=_kind(name) or "text")
            descriptor = bool(flags & 0x8)
            if flags & 0x1 or csize == 0xFFFFFFFF or method not in (0, 8) or (descriptor and method == 0):
                # encrypted, zip64 or an unknown method: the member's end cannot be found safely
                if wanted:
                    item.error = "archive member cannot be read without the archive's directory"
                    yield item
                yield broken(f"cannot step over member {name!r}")
                return
            try:
                start = fh.tell()
                if method == 0:
                    data = fh.read(csize)
                    if len(data) < csize:
                        raise EOFError("member data ends early")
                else:
                    data = _inflate(fh, None if descriptor else csize)
                    if not descriptor:
                        fh.seek(start + csize)
                if descriptor:
                    tail = fh.read(4)
                    if tail == b"PK\x07\x08":
                        tail = fh.read(4)
                    crc = struct.unpack("<I", tail)[0] if len(tail) == 4 else None
                    fh.read(8)
                if crc is not None and zlib.crc32(data) != crc:
                    raise zlib.error("bad CRC-32")
            except (EOFError, zlib.error, struct.error) as err:
                if wanted:
                    item.error = f"corrupt archive member: {err}"
                    yield item
                yield broken(f"member {name!r}: {err}")
                return
            if wanted:
                if len(data) > MAX_BYTES:
                    item.error = _too_big(len(data))
                else:
                    item.data = data
                yield item


def _inflate(fh: BinaryIO, csize: Optional[int]) -> bytes:
    """Raw deflate data from ``fh``; leaves ``fh`` just after the stream."""
    d = zlib.decompressobj(-15)
    out = []
    total = 0
    remaining = csize
    while not d.eof:
        block = fh.read(65536 if remaining is None else min(65536, remaining))
        if not block:
            raise EOFError("member data ends early")
        if remaining is not None:
            remaining -= len(block)
        out.append(d.decompress(block, MAX_BYTES + 1 - total))
        total += len(out[-1])
        if total > MAX_BYTES:
            raise zlib.error(_too_big(total))
        if d.unconsumed_tail:
            raise zlib.error(_too_big(total))
    if d.unused_data:
        fh.seek(-len(d.unused_data), io.SEEK_CUR)
    return b"".join(out)


# --- tar

def read_tar(path: str) -> Iterator[Item]:
    """The documents of a (compressed) tar archive, streamed: each member's
    data is read when its header is reached, nothing is seeked."""
    members = 0
    current: Optional[Item] = None
    try:
        with tarfile.open(path, mode="r|*") as tf:
            for member in tf:
                members += 1
                if not member.isfile() or _hidden(member.name) or not _kind(member.name):
                    continue
                current = Item(id=member.name, source=f"{path}!{member.name}", kind=_kind(member.name))
                if member.size > MAX_BYTES:
                    current.error = _too_big(member.size)
                else:
                    fh = tf.extractfile(member)
                    data = fh.read() if fh is not None else b""
                    if len(data) < member.size:
                        raise EOFError("member data ends early")
                    current.data = data
                item, current = current, None
                yield item
    except (tarfile.TarError, EOFError, zlib.error, OSError, ValueError) as err:
        # gzip/bz2/xz errors are OSError/EOFError; a bad header is a TarError
        if current is not None:
            current.error = f"corrupt archive member: {err}"
            current.data = None
            yield current
        where = f"after {members} members" if members else "at the start"
        yield Item(id=path, source=path, error=f"archive is truncated or corrupt {where}: {err}")


# --- JSON Lines

_JSON = msgspec.json.Decoder()


def _jsonl_item(line: bytes, where: str, fields: Fields) -> Item:
    try:
        obj = _JSON.decode(line)
    except msgspec.DecodeError as err:
        return Item(id=hash_id(line), source=where, error=f"not a JSON object: {err}")
    if not isinstance(obj, dict):
        return Item(id=hash_id(line), source=where, error="not a JSON object")
    text = obj.get(fields.text)
    raw_id = obj.get(fields.id)
    id = str(raw_id) if raw_id not in (None, "") else (hash_id(text) if isinstance(text, str) else hash_id(line))
    source = obj.get(fields.source) if fields.source else None
    source = str(source) if source not in (None, "") else where
    item = Item(id=id, source=source, data=text if isinstance(text, str) else None)
    if fields.published:
        published = obj.get(fields.published)
        if published is not None and not isinstance(published, str):
            item.error = f"field {fields.published!r} is not an ISO date string"
        item.published = published or None
    if fields.text not in obj:
        item.error = f"no {fields.text!r} field"
    elif text is None:
        item.error = f"field {fields.text!r} is null"
    elif not isinstance(text, str):
        item.error = f"field {fields.text!r} is not a string"
    return item


def _jsonl_lines(fh: BinaryIO, name: str, fields: Fields, first: bytes = b"") -> Iterator[Item]:
    lineno = 0
    lines = fh if not first else _prepend(first, fh)
    for line in lines:
        lineno += 1
        if not line.strip():
            continue
        yield _jsonl_item(line, f"{name}:{lineno}", fields)


def _prepend(first: bytes, fh: BinaryIO) -> Iterator[bytes]:
    rest = fh.readline()
    yield first + rest
    yield from fh


def read_jsonl(path: str, fields: Fields | None = None) -> Iterator[Item]:
    """One document per line: ``{"id": ..., "text": ...}``; a line that is
    not JSON, or has no text, becomes an error item."""
    fields = fields or Fields()
    try:
        fh = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")
    except OSError as err:
        yield Item(id=path, source=path, error=f"cannot open file: {err.strerror or err}")
        return
    try:
        with fh:
            yield from _jsonl_lines(fh, path, fields)
    except (OSError, EOFError, zlib.error) as err:
        yield Item(id=path, source=path, error=f"file is truncated or corrupt: {err}")


def read_stdin(fh: BinaryIO, fields: Fields | None = None) -> Iterator[Item]:
    """Standard input: JSON Lines when it starts with "{", else one plain text."""
    fields = fields or Fields()
    head = b""
    while True:  # skip leading whitespace without reading everything
        ch = fh.read(1)
        if not ch or not ch.isspace():
            head = ch
            break
    if head == b"{":
        yield from _jsonl_lines(fh, "<stdin>", fields, first=head)
        return
    data = head + fh.read(MAX_BYTES + 1 - len(head))
    if len(data) > MAX_BYTES:
        yield Item(id="<stdin>", source="<stdin>", error=_too_big(len(data)))
        return
    yield Item(id=hash_id(data), source="<stdin>", data=data)


# --------------------------------------------------------------------------- decoding

def _encoding_hint(data: bytes) -> str:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return "; it decodes as cp1252 (Windows Latin-1): rerun with --fallback-encoding cp1252 if that is right"


def decode_text(data: bytes, fallback_encoding: Optional[str] = None) -> str:
    """Bytes of a plain text file as str: UTF-8 (with or without a BOM) or
    UTF-16 with a BOM; any other encoding only when asked for."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and not data.startswith(b"\xff\xfe\x00\x00"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError("not valid UTF-16 although it starts with a UTF-16 byte-order mark") from None
    if b"\x00" in data:
        raise DocumentError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if fallback_encoding:
            try:
                return data.decode(fallback_encoding)
            except (UnicodeDecodeError, LookupError) as err2:
                raise DocumentError(f"neither UTF-8 nor {fallback_encoding}: {err2}") from None
        bad = data[err.start:err.start + 1]
        raise DocumentError(
            f"not UTF-8 (byte 0x{bad.hex().upper()} at offset {err.start}){_encoding_hint(data)}"
        ) from None


def html_text(data: bytes | str) -> tuple[str, Optional[str]]:
    """The main text of an HTML page and its publication date (or None), by trafilatura."""
    if isinstance(data, bytes) and b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError("binary file (NUL bytes), not HTML")
    import trafilatura

    doc = trafilatura.bare_extraction(
        data, include_comments=False, favor_precision=True, with_metadata=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise DocumentError("no main text found in the HTML page")
    return text, getattr(doc, "date", None) or None


def document_text(item: Item, fallback_encoding: Optional[str] = None) -> tuple[str, Optional[str]]:
    """The text to extract from and the published date to pass along.

    Raises DocumentError when the item cannot be read as text."""
    if item.error:
        raise DocumentError(item.error)
    data = item.data if item.data is not None else ""
    if item.kind == "html":
        text, date = html_text(data)
        return text, item.published or date
    if isinstance(data, str):
        return data, item.published
    return decode_text(data, fallback_encoding), item.published


# --------------------------------------------------------------------------- outputs

FORMATS = ("jsonl", "csv")

CSV_COLUMNS = (
    # the release, repeated on each of its rows
    "id", "source", "published", "release_year", "release_region",
    # the amount
    "text", "start", "end", "value", "value_max", "currency", "qualifier", "category",
    "agency", "region", "year", "part_of",
    # set on the one row written for a document that failed
    "error",
)


def format_for(path: str, requested: Optional[str] = None) -> str:
    """The output format: the one asked for, else from OUT's suffix (JSON Lines by default)."""
    if requested:
        return requested
    return "csv" if path.lower().endswith(".csv") else "jsonl"


def jsonl_line(record) -> bytes:
    return to_json(record) + b"\n"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e17:
        return str(int(value))
    return str(value)


def csv_header() -> bytes:
    return _csv_bytes([CSV_COLUMNS])


def csv_rows(record) -> bytes:
    """One row per amount of a Release (none when it has no amounts); one
    row with ``error`` set for an ErrorRecord."""
    if isinstance(record, ErrorRecord):
        row = dict.fromkeys(CSV_COLUMNS, None)
        row.update(id=record.id, source=record.source, error=record.error)
        return _csv_bytes([[_cell(row[c]) for c in CSV_COLUMNS]])
    region = record.region
    release_region = (region.police_region or region.id) if region is not None else None
    head = [record.id, record.source, record.published, record.year, release_region]
    rows = []
    for a in record.amounts:
        rows.append([_cell(v) for v in head + [
            a.text, a.start, a.end, a.value, a.value_max, a.currency, a.qualifier, a.category,
            a.agency, a.region, a.year, a.part_of, None]])
    return _csv_bytes(rows) if rows else b""


def _csv_bytes(rows) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def format_record(record, fmt: str) -> bytes:
    return csv_rows(record) if fmt == "csv" else jsonl_line(record)


class _IdOnly(msgspec.Struct):
    id: str


_ID = msgspec.json.Decoder(_IdOnly)


def done_ids(path: str) -> set[str]:
    """Ids already written to a JSON Lines output, for resuming. A last line
    without its newline (a run killed mid-write) is cut off the file."""
    done: set[str] = set()
    if not os.path.exists(path):
        return done
    with open(path, "r+b") as fh:
        keep = 0
        pos = 0
        for line in fh:
            end = pos + len(line)
            if not line.endswith(b"\n"):
                break
            pos = end
            keep = end
            if line.strip():
                try:
                    done.add(_ID.decode(line).id)
                except msgspec.DecodeError:
                    pass  # not one of ours; leave it
        fh.truncate(keep)
    return done


class Output:
    """Where records go: a file (opened unbuffered, so each document's bytes
    reach the file in one write) or standard output (flushed per document)."""

    def __init__(self, path: str, fmt: str, *, append: bool = False, stdout: BinaryIO | None = None):
        self.fmt = fmt
        if path == "-":
            self.fh = stdout or sys.stdout.buffer
            self._close = False
        else:
            self.fh = open(path, "ab" if append else "wb", buffering=0)
            self._close = True
        if fmt == "csv" and not append:
            self.write(csv_header())

    def write(self, data: bytes) -> None:
        if data:
            view = memoryview(data)
            while view:  # a raw file may write less than asked
                n = self.fh.write(view)
                view = view[n:] if n is not None else view[len(view):]
            if not self._close:
                self.fh.flush()

    def close(self) -> None:
        if self._close:
            self.fh.close()
        else:
            try:
                self.fh.flush()
            except (BrokenPipeError, ValueError):
                pass


__all__ = [
    "Item", "Fields", "DocumentError", "read_inputs", "read_folder", "read_zip", "read_tar",
    "read_jsonl", "read_stdin", "count_documents", "document_text", "decode_text", "html_text",
    "format_for", "format_record", "csv_header", "csv_rows", "jsonl_line", "done_ids", "Output",
    "CSV_COLUMNS", "FORMATS",
]
