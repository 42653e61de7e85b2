"""``python -m pressextract``: the command line tool (see cli.py)."""
from .cli import main

raise SystemExit(main())
