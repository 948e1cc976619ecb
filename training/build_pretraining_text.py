"""Collect raw English news-style text for `spacy pretrain` of the bundled pipeline's tok2vec layer.

Usage: python training/build_pretraining_text.py SHARED_DATA_DIR OUT.jsonl

Sources (all under licences that allow a derived model to ship): the UD EWT training sentences
(CC BY-SA 4.0), the NGEC synthetic news stories (MIT) and the event_location sentences (MIT).
Nothing from the evaluation splits is used.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from pathlib import Path


def ewt_train_texts(data: Path):
    for line in (data / "ud" / "en_ewt-ud-train.conllu").open(encoding="utf8"):
        if line.startswith("# text = "):
            yield line[len("# text = "):].strip()


def ngec_stories(data: Path):
    with zipfile.ZipFile(data / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip") as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv") and "__MACOSX" not in n)
        with archive.open(name) as raw:
            for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf8")):
                if row.get("text"):
                    yield row["text"].strip()


def event_location_sentences(data: Path):
    seen: set[str] = set()
    with zipfile.ZipFile(data / "event_location" / "labeled_text.jsonl.zip") as archive:
        with archive.open("labeled_text.jsonl") as raw:
            for line in raw:
                records = json.loads(line)
                for record in records if isinstance(records, list) else [records]:
                    text = record.get("text", "").strip()
                    if text and text not in seen:
                        seen.add(text)
                        yield text


def main() -> None:
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    count = words = 0
    with out.open("w", encoding="utf8") as handle:
        for source in (ewt_train_texts, ngec_stories, event_location_sentences):
            for text in source(data):
                handle.write(json.dumps({"text": text}) + "\n")
                count += 1
                words += len(text.split())
    print(f"{count} texts, {words} words -> {out}")


if __name__ == "__main__":
    main()
