"""Event location against the gold subset of the event_location corpus ("Geolocating Political Events
in Text"): for each gold sentence (source RELABEL) and its annotated event verb, does the place
eventwire gives the event overlap the gold location span? A sentence whose event has no gold location
counts as right when eventwire gives none.

Usage: python benchmarks/location_benchmark.py [--data ../shared/data/event_location/labeled_text.jsonl.zip]

Target: the location matches for >= 60% of the gold records.
"""
from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

from eventwire.actors.identity import mentions_by_token
from eventwire.actors.sources import ActorSources
from eventwire.coding.location import event_place
from eventwire.evaluate.plover import overlaps
from eventwire.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent


def gold_records(path: Path) -> list[dict]:
    """The gold sentences; spans carry token offsets (their character offsets are not reliable)."""
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".jsonl") and "__MACOSX" not in n)
        rows = json.loads(archive.read(name))
    return [row for row in rows if row.get("source") == "RELABEL"]


def char_span(row: dict, span: dict) -> tuple[int, int]:
    tokens = row["tokens"]
    return tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/event_location/labeled_text.jsonl.zip")
    args = parser.parse_args()
    rows = [row for row in gold_records(args.data) if any(s["label"] == "VERB" for s in row.get("spans", []))]
    nlp = load_pipeline()
    resolver = ActorSources().build_resolver(nlp)
    right = with_gold = right_with_gold = 0
    for row, doc in zip(rows, nlp.pipe(row["text"] for row in rows)):
        verb = next(s for s in row["spans"] if s["label"] == "VERB")
        start, _ = char_span(row, verb)
        trigger = next((t for t in doc if t.idx <= start < t.idx + len(t)), doc[0])
        place = event_place(trigger, mentions_by_token(resolver.resolve(doc, None)), None)
        gold = [char_span(row, s) for s in row["spans"] if s["label"] == "LOCATION"]
        if gold:
            with_gold += 1
            hit = place is not None and any(overlaps(span, place.span.start_char, place.span.end_char) for span in gold)
            right_with_gold += hit
            right += hit
        else:
            right += place is None
    print(f"event_location gold: {len(rows)} records, {with_gold} with a gold location")
    print(f"location matches (overlap)      {right / len(rows):.3f}   target >= 0.60")
    print(f"  where the gold has a location {right_with_gold / with_gold:.3f}")


if __name__ == "__main__":
    main()
