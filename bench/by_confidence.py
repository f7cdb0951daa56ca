"""Attribution precision at confidence thresholds: does filtering on ``quotes.confidence`` pay?

    python bench/by_confidence.py DB GOLD_DIR [SCORER]

For each threshold, a copy of the database keeps only the quotes at or above
it and the PolNeAR scorer (``../shared/eval/polnear.py`` by default) is run on
the copy; one line per threshold gives the quotes kept and the scorer's
attribution precision and recall.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def score(db: Path, gold: str, scorer: str) -> dict:
    """The scorer's figures for one database, as a dict."""
    out = subprocess.run([sys.executable, scorer, str(db), gold, "--json"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main(db: str, gold: str, scorer: str = "../shared/eval/polnear.py") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for threshold in THRESHOLDS:
            copy = Path(tmp) / f"at-{threshold}.db"
            shutil.copy(db, copy)
            with sqlite3.connect(copy) as conn:
                conn.execute("pragma foreign_keys = off")
                conn.execute("delete from quotes where confidence < ?", (threshold,))
            figures = score(copy, gold, scorer)
            print(f"confidence>={threshold:.1f}  quotes {figures['predicted_direct']:5d}  "
                  f"attr_p {figures['attr_p']:.3f}  attr_r {figures['attr_r']:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
