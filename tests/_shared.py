"""What several test modules share: where the seed releases are."""
from pathlib import Path

# CI has the project's shared folder beside the checkout; a user's clone may not.
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def seed_gold_paths() -> list:
    """The seeds' gold files, or [] where the folder is absent."""
    return sorted(SEEDS.glob("*.gold.json")) if SEEDS.is_dir() else []


def read_case(gold_path: Path) -> tuple[dict, str]:
    """(gold record, text) of a NAME.gold.json and the NAME.txt beside it."""
    import json

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    return gold, text
