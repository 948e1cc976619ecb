"""Turn a trained pipeline into the model shipped inside the package.

Usage: python training/package_model.py TRAINED_MODEL_DIR [--ner NER_MODEL_DIR] [--out OUT_DIR]

Applies the UD-style tokenizer rules (training/tokenizer_rules.py), optionally replaces the entity
recognizer with one trained on its own (which then carries its own copy of the tok2vec layer),
writes the metadata the model card refers to, and saves the pipeline to eventwire/nlp/en_eventwire.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy
import srsly
from spacy.language import Language

sys.path.insert(0, str(Path(__file__).parent))
from tokenizer_rules import customize_tokenizer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def prune_strings(nlp: Language) -> int:
    """Keep only the strings the pipeline needs at run time: component labels, the lemmatizer's edit
    trees and the tokenizer's special cases. Training leaves every word of the corpus in the string
    store; words of new text are added as they are seen, so dropping them changes no prediction.
    RETURNS (int): how many strings were dropped."""
    strings = nlp.vocab.strings
    keep: set[str] = set()
    for _, pipe in nlp.pipeline:
        keep.update(label for label in getattr(pipe, "labels", ()) if isinstance(label, str))
        keep.update(move.split("-", 1)[1] for move in getattr(pipe, "move_names", ()) if "-" in move)
        if hasattr(pipe, "trees"):
            for node in srsly.msgpack_loads(pipe.trees.to_bytes())["trees"]:
                keep.update(strings[node[k]] for k in ("orig", "subst") if k in node and node[k] in strings)
    for key, subtokens in nlp.tokenizer.rules.items():
        keep.add(key)
        keep.update(value for token in subtokens for value in token.values() if isinstance(value, str))
    before = len(strings)
    strings._reset_and_load(sorted(keep))
    return before - len(strings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trained", type=Path, help="pipeline folder written by `spacy train`")
    parser.add_argument("--ner", type=Path, help="pipeline folder whose `ner` replaces the trained one")
    parser.add_argument("--out", type=Path, default=ROOT / "eventwire" / "nlp" / "en_eventwire")
    args = parser.parse_args()
    nlp = customize_tokenizer(spacy.load(args.trained))
    if args.ner:
        ner_source = spacy.load(args.ner)
        ner_source.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.remove_pipe("ner")
        nlp.add_pipe("ner", source=ner_source)
    out = args.out
    nlp.meta.update({
        "name": "eventwire",
        "version": "0.1.0",
        "description": "eventwire's compact English pipeline: tokenizer, tagger, morphologizer, lemmatizer, "
                       "dependency parser and named entities (PER, ORG, LOC), CNN, no static vectors.",
        "author": "eventwire",
        "license": "CC BY-SA 4.0",
        "sources": [
            {"name": "Universal Dependencies English Web Treebank", "license": "CC BY-SA 4.0",
             "url": "https://github.com/UniversalDependencies/UD_English-EWT"},
            {"name": "Universal NER English EWT", "license": "CC BY-SA 4.0",
             "url": "https://github.com/UniversalNER/UNER_English-EWT"},
            {"name": "NGEC synthetic news stories (tok2vec pretraining only)", "license": "MIT",
             "url": "https://github.com/ahalterman/NGEC-2025"},
            {"name": "event_location sentences (tok2vec pretraining only)", "license": "MIT",
             "url": "https://github.com/ahalterman/event_location"},
        ],
    })
    nlp.meta.pop("performance", None)
    print(f"dropped {prune_strings(nlp)} strings that only the training corpus needed")
    nlp.to_disk(out)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    shutil.copy(Path(__file__).parent / "MODEL_CARD.md", out / "MODEL_CARD.md")
    print(f"saved {out} ({size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
