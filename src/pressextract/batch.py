"""The batch command: many documents in, one record per document out.

``pressextract batch INPUT... -o OUT`` reads folders, zip and tar archives,
JSON Lines files and standard input (see io.py), extracts each document and
writes JSON Lines (one Release or ErrorRecord per document) or CSV (one row
per amount).

Nothing is lost: every document gives exactly one record, an ErrorRecord when
it cannot be read or extracted, and the batch goes on. Each document's output
is written (and flushed) as soon as it is ready, in input order, so a killed
run loses only the documents in flight; ``--resume`` then skips the ids
already in OUT. The exit status is 1 when any document failed.

``--jobs N`` runs the extraction in N worker processes. Documents go to them
in chunks, with a bounded number of chunks in flight, so memory stays bounded
whatever the size of the input. A worker that dies (a crash, the
out-of-memory killer) costs an error record for the document it was on,
found by retrying its chunk one document at a time.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections import deque
from typing import Callable, Iterable, Iterator, Optional

from . import io as pio
from .records import ErrorRecord, Release

# A chunk closes at this many documents or bytes, whichever comes first:
# big enough that sending it to a worker costs little, small enough that the
# chunks in flight stay small.
CHUNK_DOCS = 32
CHUNK_BYTES = 512 * 1024
PLAIN_PROGRESS_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal


# --------------------------------------------------------------------------- command line

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``batch`` command's arguments."""
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="a folder (every .txt, .md, .html, .htm file under it), a .zip or .tar.gz archive, "
             "a .jsonl/.ndjson file (one JSON object per line), a single text or HTML file, "
             "or - for standard input (JSON Lines when it starts with '{', else one plain text)")
    parser.add_argument(
        "-o", "--output", default="-", metavar="OUT",
        help="where the records go (default: - for standard output)")
    parser.add_argument(
        "--format", choices=pio.FORMATS, default=None,
        help="jsonl: one record per document; csv: one row per amount. "
             "Default: csv when OUT ends in .csv, else jsonl")
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N",
        help="worker processes (default 1; 0: one per CPU core)")
    parser.add_argument(
        "--resume", action="store_true",
        help="skip documents whose id is already in OUT (JSON Lines), and append the rest; "
             "a half-written last line from a killed run is cut off first")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    parser.add_argument(
        "--fallback-encoding", metavar="ENCODING", default=None,
        help="decode text files that are not UTF-8 with this encoding (e.g. cp1252) "
             "instead of reporting them as errors")
    if parser.epilog is None:
        parser.epilog = (
            "Every input document gives exactly one record: an error record when it cannot be "
            "read (binary, not UTF-8, a corrupt archive member) or extracted, and the batch goes "
            "on. Ids: the path under the folder, the archive member's name, the JSON Lines id "
            "field, else a hash of the text. Exit status: 0 all extracted, 1 some documents "
            "failed, 2 usage or output error.")
    group = parser.add_argument_group("JSON Lines input")
    group.add_argument("--text-field", default="text", metavar="NAME",
                       help="the field holding the text (default: text)")
    group.add_argument("--id-field", default="id", metavar="NAME",
                       help="the field holding the document id (default: id; a hash of the text when absent)")
    group.add_argument("--published-field", default=None, metavar="NAME",
                       help="a field holding the publication date (ISO), used when the text states none")
    group.add_argument("--source-field", default=None, metavar="NAME",
                       help="a field holding the source (a URL, a path)")


def run(args: argparse.Namespace) -> int:
    """Run the batch; the exit status: 0 all documents extracted, 1 some
    failed (their error records are in OUT), 2 a usage or output error,
    130 interrupted."""
    fmt = pio.format_for(args.output, args.format)
    if args.resume and fmt != "jsonl":
        return _usage("--resume needs JSON Lines output (CSV has no row for a release without amounts)")
    if args.resume and args.output == "-":
        return _usage("--resume needs an output file (-o OUT)")
    if args.output != "-" and any(_same_file(args.output, path) for path in args.inputs):
        return _usage(f"the output {args.output} is also an input")
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    fields = pio.Fields(text=args.text_field, id=args.id_field,
                        published=args.published_field, source=args.source_field)

    try:
        done = pio.done_ids(args.output) if args.resume else set()
        out = pio.Output(args.output, fmt, append=args.resume and os.path.exists(args.output))
    except OSError as err:
        return _usage(f"cannot write {args.output}: {err.strerror or err}")

    stats = _Stats()
    progress = None
    status = 0
    try:
        if not args.quiet:
            total = pio.count_documents(args.inputs) if "-" not in args.inputs else None
            if total is not None:
                total = max(0, total - len(done))
            progress = _progress(total, rich=_use_rich(args.output))
        items = _skip_done(pio.read_inputs(args.inputs, fields), done, stats)
        for results in _results(items, jobs, fmt, args.fallback_encoding):
            for data, amounts, failed in results:
                out.write(data)
                stats.add(amounts, failed)
                if progress is not None:
                    progress.update(stats)
        status = 1 if stats.errors else 0
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:
        # the reader of standard output went away (e.g. `| head`)
        _silence_stdout()
        status = 1
    except OSError as err:  # the output cannot be written any more (a full disk)
        print(f"pressextract batch: cannot write {args.output}: {err.strerror or err}", file=sys.stderr)
        status = 2
    finally:
        if progress is not None:
            progress.stop()
        out.close()
    if not args.quiet:
        print(stats.summary(interrupted=status == 130), file=sys.stderr)
    return status


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m pressextract.batch``: the batch command on its own."""
    parser = argparse.ArgumentParser(prog="pressextract batch",
                                     description="Extract records from many documents.")
    add_arguments(parser)
    return run(parser.parse_args(argv))


def _usage(message: str) -> int:
    print(f"pressextract batch: {message}", file=sys.stderr)
    return 2


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _skip_done(items: Iterable[pio.Item], done: set, stats: "_Stats") -> Iterator[pio.Item]:
    for item in items:
        if item.id in done:
            stats.skipped += 1
            continue
        yield item


# --------------------------------------------------------------------------- one document

def extract_item(item: pio.Item, fallback_encoding: Optional[str] = None):
    """The record for one input document: a Release, or an ErrorRecord saying why not."""
    from .api import extract

    try:
        text, published = pio.document_text(item, fallback_encoding)
        return extract(text, published=published, source=item.source, id=item.id)
    except pio.DocumentError as err:
        return ErrorRecord(id=item.id, source=item.source, error=str(err))
    except Exception as err:  # an extraction bug must not stop the batch
        return ErrorRecord(id=item.id, source=item.source,
                           error=f"extraction failed: {type(err).__name__}: {err}")


def process(item: pio.Item, fmt: str, fallback_encoding: Optional[str] = None) -> tuple[bytes, int, bool]:
    """One document's output bytes, its number of amounts, and whether it failed."""
    record = extract_item(item, fallback_encoding)
    amounts = len(record.amounts) if isinstance(record, Release) else 0
    return pio.format_record(record, fmt), amounts, isinstance(record, ErrorRecord)


_worker_options = {"fmt": "jsonl", "fallback_encoding": None}


def _init_worker(fmt: str, fallback_encoding: Optional[str]) -> None:
    # Ctrl-C goes to the whole process group; only the main process handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_options.update(fmt=fmt, fallback_encoding=fallback_encoding)
    from .api import nlp

    nlp()  # build the pipeline before the first chunk arrives


def _process_chunk(items: list) -> list:
    return [process(item, _worker_options["fmt"], _worker_options["fallback_encoding"])
            for item in items]


def _crashed(item: pio.Item, fmt: str) -> tuple[bytes, int, bool]:
    record = ErrorRecord(id=item.id, source=item.source,
                         error="the worker process died on this document (a crash or out of memory)")
    return pio.format_record(record, fmt), 0, True


def _results(items: Iterator[pio.Item], jobs: int, fmt: str,
             fallback_encoding: Optional[str]) -> Iterator[list]:
    if jobs <= 1:
        for item in items:
            yield [process(item, fmt, fallback_encoding)]
        return
    yield from ordered_map(
        _process_chunk, chunks(items), jobs,
        initializer=_init_worker, initargs=(fmt, fallback_encoding),
        on_crash=lambda item: _crashed(item, fmt),
    )


# --------------------------------------------------------------------------- worker processes

def chunks(items: Iterable, max_docs: int = CHUNK_DOCS, max_bytes: int = CHUNK_BYTES) -> Iterator[list]:
    """Lists of consecutive items, each at most ``max_docs`` long or about ``max_bytes`` big."""
    chunk: list = []
    size = 0
    for item in items:
        chunk.append(item)
        size += _size(item)
        if len(chunk) >= max_docs or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _size(item) -> int:
    if isinstance(item, pio.Item):
        return item.size
    if isinstance(item, tuple):
        item = item[0]
    return len(item) if isinstance(item, (str, bytes)) else 0


def _context():
    """Worker processes start from a fork server that has already imported
    spaCy and pressextract: as fast as fork, without forking a process that
    runs threads (the progress display has one)."""
    import multiprocessing as mp

    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pressextract.api", "spacy"])
        return ctx
    return mp.get_context("spawn")


def ordered_map(fn: Callable[[list], list], chunks: Iterable[list], jobs: int, *,
                initializer=None, initargs=(), on_crash: Optional[Callable] = None,
                in_flight: Optional[int] = None) -> Iterator[list]:
    """``fn(chunk)`` for each chunk, computed in ``jobs`` worker processes,
    yielded in input order. ``fn`` maps a list of items to a list of results.

    At most ``in_flight`` chunks are read ahead of the one being yielded, so
    memory stays bounded however long ``chunks`` is. When a worker dies,
    ``on_crash(item)`` (if given) stands in for the result of the item that
    killed it; without ``on_crash`` the error is raised.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    in_flight = in_flight or 2 * jobs + 1

    def new_pool():
        return ProcessPoolExecutor(jobs, mp_context=_context(), initializer=initializer,
                                   initargs=initargs)

    pool = new_pool()
    pending: deque = deque()
    source = iter(chunks)
    finished = False
    try:
        while True:
            while len(pending) < in_flight:
                chunk = next(source, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(fn, chunk)))
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                if on_crash is None:
                    raise
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                result, pool = _one_by_one(fn, chunk, pool, new_pool, on_crash)
                pending = deque((c, pool.submit(fn, c)) for c, _ in pending)
            yield result
        finished = True
    finally:
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _one_by_one(fn, chunk, pool, new_pool, on_crash):
    """Retry a chunk whose worker died, one item at a time, to find the item
    that kills it; that one gets ``on_crash``, the others their results."""
    from concurrent.futures.process import BrokenProcessPool

    results = []
    for item in chunk:
        try:
            results.extend(pool.submit(fn, [item]).result())
        except BrokenProcessPool:
            results.append(on_crash(item))
            pool.shutdown(wait=False, cancel_futures=True)
            pool = new_pool()
    return results, pool


def extract_chunk(pairs: list) -> list:
    """Worker side of ``extract_many(n_process > 1)``: records for (text, metadata) pairs."""
    from .api import extract

    return [extract(text, published=meta.get("published"), source=meta.get("source"),
                    id=meta.get("id"))
            for text, meta in pairs]


# --------------------------------------------------------------------------- progress

class _Stats:
    def __init__(self):
        self.started = time.monotonic()
        self.documents = 0
        self.errors = 0
        self.amounts = 0
        self.skipped = 0

    def add(self, amounts: int, failed: bool) -> None:
        self.documents += 1
        self.amounts += amounts
        self.errors += failed

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def summary(self, interrupted: bool = False) -> str:
        secs = self.seconds
        rate = self.documents / secs if secs > 0 else 0.0
        text = (f"pressextract batch: {'interrupted after ' if interrupted else ''}"
                f"{self.documents} documents in {secs:.1f} s ({rate:.0f}/s): "
                f"{self.documents - self.errors} records, {self.errors} errors, "
                f"{self.amounts} amounts")
        if self.skipped:
            text += f"; {self.skipped} already in the output, skipped"
        return text


def _use_rich(output: str) -> bool:
    # a live display on the terminal would be garbled by records written to the same terminal
    try:
        return sys.stderr.isatty() and not (output == "-" and sys.stdout.isatty())
    except (AttributeError, ValueError):
        return False


def _progress(total: Optional[int], rich: bool):
    if rich:
        try:
            return _RichProgress(total)
        except ImportError:
            pass
    return _PlainProgress(total)


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class _PlainProgress:
    """A line on stderr every few seconds, for logs and pipes."""

    def __init__(self, total: Optional[int], every: float = PLAIN_PROGRESS_EVERY, stream=None):
        self.total = total
        self.every = every
        self.stream = stream or sys.stderr
        self.next = time.monotonic() + every

    def update(self, stats: _Stats) -> None:
        now = time.monotonic()
        if now < self.next:
            return
        self.next = now + self.every
        secs = stats.seconds
        rate = stats.documents / secs if secs > 0 else 0.0
        done = f"{stats.documents}"
        eta = ""
        if self.total:
            done += f"/{self.total} ({100 * stats.documents / self.total:.0f}%)"
            if rate > 0 and self.total > stats.documents:
                eta = f", ETA {_duration((self.total - stats.documents) / rate)}"
        print(f"pressextract batch: {done} documents, {rate:.0f}/s, {stats.errors} errors, "
              f"{_duration(secs)} elapsed{eta}", file=self.stream, flush=True)

    def stop(self) -> None:
        pass


class _RichProgress:
    """A progress bar with documents/s and the time left, when stderr is a terminal."""

    def __init__(self, total: Optional[int]):
        from rich.console import Console
        from rich.progress import (
            BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
            TimeElapsedColumn, TimeRemainingColumn,
        )
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task):
                speed = task.finished_speed or task.speed
                return Text(f"{speed:.0f} docs/s" if speed else "… docs/s", style="progress.data.speed")

        self._progress = Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(),
            MofNCompleteColumn(), Rate(), TextColumn("{task.fields[errors]} errors"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False,
        )
        self._task = self._progress.add_task("extracting", total=total, errors=0)
        self._progress.start()
        self._last = 0

    def update(self, stats: _Stats) -> None:
        self._progress.update(self._task, advance=stats.documents - self._last, errors=stats.errors)
        self._last = stats.documents

    def stop(self) -> None:
        self._progress.stop()


if __name__ == "__main__":
    # run the package's module, not this __main__ copy, so that what the
    # worker processes are sent refers to pressextract.batch
    from pressextract.batch import main as _main

    sys.exit(_main())
