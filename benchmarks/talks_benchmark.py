"""Talks tracker speed: tracks built from many article records, against reading the same records.

The test articles of tests/talks/articles are extracted once, then copied with new ids and dates
moved on by four months per copy (so every copy is a negotiation of its own). The baseline, measured
in the same run, is parsing the records from JSON Lines: what any consumer of the store pays.

    python benchmarks/talks_benchmark.py [--copies N]
"""
from __future__ import annotations

import argparse
import json
import time
from datetime import date, timedelta
from pathlib import Path

from eventwire.engine import Extractor
from eventwire.model import Article
from eventwire.talks import build_tracks

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "talks" / "articles"


def shifted(record: dict, copy: int) -> dict:
    """The record as if published `copy` times 120 days later, with its own id."""
    def move(day: str) -> str:
        return "/".join((date.fromisoformat(part) + timedelta(days=120 * copy)).isoformat() for part in day.split("/"))

    events = [{**event, "date": move(event["date"]) if event.get("date") else None} for event in record["events"]]
    return {**record, "id": f"{record['id']}-{copy}", "published": move(record["published"]), "events": events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="copies of the test sequence (default 100)")
    args = parser.parse_args()
    paths = sorted(ARTICLES.glob("*.txt"))
    articles = [Article(text=p.read_text(encoding="utf8").strip(), published=date.fromisoformat(p.name[:10]))
                for p in paths]
    base = [r.to_dict() for r in Extractor().extract(articles)]
    lines = [json.dumps(shifted(r, copy)) for copy in range(args.copies) for r in base]

    started = time.perf_counter()
    records = [json.loads(line) for line in lines]
    reading = time.perf_counter() - started
    started = time.perf_counter()
    tracks = build_tracks(records)
    tracking = time.perf_counter() - started

    per_copy = len(tracks) / args.copies
    print(f"articles                 {len(records)}")
    print(f"tracks                   {len(tracks)} ({per_copy:g} per copy of the sequence; 2 expected)")
    print(f"read records (baseline)  {reading:.3f} s  ({len(records) / reading:,.0f} articles/s)")
    print(f"build tracks             {tracking:.3f} s  ({len(records) / tracking:,.0f} articles/s)")
    print(f"ratio build/read         {tracking / reading:.1f}")


if __name__ == "__main__":
    main()
