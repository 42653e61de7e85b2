"""The ``pressextract`` command: extract, schema, evaluate, batch.

Importing this module is cheap: spaCy and the finders load only when a
command that needs them runs.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Optional

from . import __version__

PROG = "pressextract"


class InputError(Exception):
    """An input that cannot be read; the message names it."""


# --- extract ----------------------------------------------------------------

def _iso_date(value: str) -> str:
    """argparse type for --published: an ISO date or datetime, kept as given."""
    text = value.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(text)
            return text
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(
        f"not an ISO date or datetime: {value!r} (examples: 2021-03-31, 2021-03-31T09:00)")


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory (use 'pressextract batch' for folders)") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from None


def read_input(path: str, *, html: bool = False,
               fallback_encoding: Optional[str] = None) -> tuple[str, Optional[str]]:
    """The text of one input (``-`` is stdin) and the publication date an HTML page declares.

    Text must be UTF-8 (see io.decode_text); HTML is reduced to its main text.
    """
    from . import io as pio

    name = "<stdin>" if path == "-" else path
    data = _read(path)
    try:
        if html or (path != "-" and path.lower().endswith(pio.HTML_SUFFIXES)):
            return pio.html_text(data)
        return pio.decode_text(data, fallback_encoding), None
    except pio.DocumentError as err:
        raise InputError(f"{name}: {err}") from None


def cmd_extract(args) -> int:
    from .api import extract
    from .records import to_json

    if args.id is not None and len(args.files) != 1:
        print(f"{PROG}: --id needs exactly one input", file=sys.stderr)
        return 2
    status = 0
    for path in args.files:
        try:
            text, page_date = read_input(path, html=args.html,
                                         fallback_encoding=args.fallback_encoding)
        except InputError as err:
            print(f"{PROG}: {err}", file=sys.stderr)
            status = 2
            continue
        source = None if path == "-" else path
        try:
            record = extract(text, published=args.published or page_date, source=source,
                             id=args.id)
        except Exception as err:  # report it against the file, go on with the others
            name = "<stdin>" if path == "-" else path
            print(f"{PROG}: {name}: extraction failed: {type(err).__name__}: {err}",
                  file=sys.stderr)
            status = status or 1
            continue
        line = to_json(record).decode("utf-8")
        if args.pretty:
            line = json.dumps(json.loads(line), indent=2, ensure_ascii=False)
        sys.stdout.write(line + "\n")
    return status


# --- schema -----------------------------------------------------------------

def cmd_schema(args) -> int:
    from .records import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


# --- evaluate ---------------------------------------------------------------

def cmd_evaluate(args) -> int:
    from . import evaluate as ev

    directory = Path(args.directory)
    if not directory.is_dir():
        print(f"{PROG}: {directory}: not a directory", file=sys.stderr)
        return 2
    if not ev.gold_files(directory):
        print(f"{PROG}: {directory}: no *{ev.GOLD_SUFFIX} files", file=sys.stderr)
        return 2
    result = ev.evaluate(directory)
    print(ev.format_table(result))
    if args.show:
        misses = ev.format_misses(result)
        print()
        print(misses if misses else "no misses")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    return 0


# --- batch ------------------------------------------------------------------

BATCH_HELP = "extract many documents (files, directories, JSON Lines) in parallel"


def cmd_batch(argv: list[str]) -> int:
    """Hand the batch command to pressextract.batch, imported only now."""
    try:
        from .batch import add_arguments, run
    except ModuleNotFoundError as err:
        if err.name not in (f"{__package__}.batch",):
            raise
        print(f"{PROG}: batch is not available in this installation "
              "(the pressextract.batch module is missing)", file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(prog=f"{PROG} batch", description=BATCH_HELP + ".",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    return int(run(parser.parse_args(argv)) or 0)


# --- the parser -------------------------------------------------------------

EXTRACT_EXAMPLES = """\
examples:
  pressextract extract release.txt
  pressextract extract --pretty release.txt
  pressextract extract page.html other.txt > records.jsonl
  cat release.txt | pressextract extract --published 2021-03-31 -
"""

EVALUATE_EXAMPLES = """\
a directory holds NAME.txt + NAME.gold.json pairs; metric definitions:
python -c "import pressextract.evaluate as e; print(e.__doc__)"

examples:
  pressextract evaluate seeds/
  pressextract evaluate --show seeds/
  pressextract evaluate --json scores.json seeds/
"""


def build_parser() -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=PROG, formatter_class=raw,
        description="Structured records (money amounts, agencies, regions, years, quotes) "
                    "from Swedish government-agency press releases.",
        epilog="run 'pressextract COMMAND --help' for a command's options")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "extract", formatter_class=raw, epilog=EXTRACT_EXAMPLES,
        help="print one JSON record per input (JSON Lines)",
        description="Print one JSON record (schema pressextract/1) per input, one per line. "
                    "Inputs are UTF-8 text files; .html/.htm files are reduced to their "
                    "main text first; '-' reads standard input.")
    p.add_argument("files", nargs="+", metavar="FILE", help="a text or HTML file, or - for stdin")
    p.add_argument("--pretty", action="store_true",
                   help="indented JSON for reading (one record spans several lines)")
    p.add_argument("--published", type=_iso_date, metavar="DATE",
                   help="publication date (ISO) used when the text states none "
                        "(default for HTML: the date the page declares)")
    p.add_argument("--id", metavar="ID", help="the record id (one input only; default: a hash "
                   "of the text)")
    p.add_argument("--html", action="store_true",
                   help="treat every input as HTML (needed for HTML on stdin)")
    p.add_argument("--fallback-encoding", metavar="ENCODING",
                   help="decode text that is not UTF-8 with this encoding (e.g. cp1252) "
                        "instead of stopping with an error")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "schema", formatter_class=raw,
        help="print the JSON Schema of a record",
        description="Print the JSON Schema (draft 2020-12) of the record 'extract' prints.",
        epilog="example:\n  pressextract schema > pressextract.schema.json\n")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser(
        "evaluate", formatter_class=raw, epilog=EVALUATE_EXAMPLES,
        help="score the extractor against gold records",
        description="Score extract() against every NAME.gold.json beside a NAME.txt in DIR "
                    "and print precision, recall, F1 and accuracies.")
    p.add_argument("directory", metavar="DIR")
    p.add_argument("--show", action="store_true", help="list every miss, per document")
    p.add_argument("--json", metavar="OUT", help="also write all metrics and misses as JSON")
    p.set_defaults(func=cmd_evaluate)

    # Parsed by pressextract.batch itself (see cmd_batch); listed here for --help.
    sub.add_parser("batch", help=BATCH_HELP, add_help=False,
                   description=BATCH_HELP + ". Run 'pressextract batch --help' for its options.")
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "batch":
            return cmd_batch(argv[1:])
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        return args.func(args)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
