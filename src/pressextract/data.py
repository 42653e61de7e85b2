"""Reading the gazetteers under data/.

Every data file starts with ``#`` comment lines (what it is, its source and
date, its columns), then a header row, then one row per entry. TSV cells
that hold several values separate them with ``|``. Logic reads these files;
adding an alias or a cue is a data change, never a code change.
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib import resources


def _lines(name: str):
    with resources.files(__package__).joinpath("data", name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").rstrip("\r")


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict, ...]:
    """Rows of a TSV file as dicts keyed by the header row; empty cells are ''."""
    rows = csv.reader(_lines(name), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(rows)
    return tuple(
        {key: (row[i].strip() if i < len(row) else "") for i, key in enumerate(header)}
        for row in rows
    )


def split(cell: str) -> list[str]:
    """A ``|``-separated cell as a list (empty cell: empty list)."""
    return [part.strip() for part in cell.split("|") if part.strip()] if cell else []


@lru_cache(maxsize=None)
def load_json(name: str):
    """A JSON data file; its source and date live under the "_source" key."""
    with resources.files(__package__).joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)
