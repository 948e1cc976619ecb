"""Attribution accuracy on PolNeAR (source, cue, content; exact and overlap) and the share of the
shared example's reference attributions found.

Usage: python benchmarks/quotes_benchmark.py [--polnear ../shared/data/polnear/data/dev] [--limit N]

Targets (PolNeAR dev): content overlap F1 >= 0.65 and source overlap F1 >= 0.65. Prints the rules alone,
and the learned tagger with the rules where training/train_attributions.sh has built the tagger.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from eventwire.quotes.learned import model_path, tagger_built

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared/data/polnear/data/dev")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    tagger = model_path()
    runs = [("rules alone", {"EVENTWIRE_ATTRIBUTION_MODEL": str(ROOT / "no-attribution-model")})]
    if tagger_built(tagger):
        runs.append((f"learned tagger ({tagger}) and rules", {"EVENTWIRE_ATTRIBUTION_MODEL": str(tagger)}))
    else:
        print(f"no learned attribution tagger in {tagger}: training/train_attributions.sh builds it")
    for title, environment in runs:
        command = [sys.executable, "-m", "eventwire", "evaluate", "polnear", str(args.polnear), "--json"]
        if args.limit:
            command += ["--limit", str(args.limit)]
        figures = json.loads(subprocess.run(command, capture_output=True, text=True, check=True,
                                            env={**os.environ, **environment}).stdout)
        print(f"PolNeAR {args.polnear.name}, {title}: {figures.pop('articles')} articles")
        for name, value in figures.items():
            target = "   target F1 >= 0.65" if name in {"content_overlap", "source_overlap"} else ""
            print(f"  {name:18} P {value['precision']:.3f}  R {value['recall']:.3f}  F1 {value['f1']:.3f}{target}")


if __name__ == "__main__":
    main()
