#!/usr/bin/env bash
# Train eventwire's bundled English pipeline from the open treebank in ../shared/data/ud.
#
#   training/train_model.sh [SHARED_DATA_DIR] [WORK_DIR]
#
# Steps (each can be rerun on its own; see training/README.md):
#   1. convert UD English EWT + Universal NER to spaCy's binary format;
#   2. collect raw news-style text and pretrain the tok2vec layer on it (spacy pretrain, characters objective);
#   3. train tok2vec + tagger + morphologizer + lemmatizer + parser + NER from the pretrained layer;
#   4. train an entity recognizer with its own tok2vec from the same pretrained layer;
#   5. package: UD tokenizer rules, metadata, the separate NER, into eventwire/nlp/en_eventwire.
# On one CPU core: pretraining about 45 minutes, each training run one to two hours (a GPU does not help
# this CNN much). The bundled model stopped the main run at 6,500 steps (best dev score at 5,500).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${1:-$here/../../shared/data}"
work="${2:-$here/../build/model}"
mkdir -p "$work"

python "$here/convert_ud.py" "$data/ud" "$work/corpus"
python "$here/build_pretraining_text.py" "$data" "$work/raw.jsonl"
python -m spacy pretrain "$here/config.cfg" "$work/pretrain" --paths.raw_text "$work/raw.jsonl" \
    --pretraining.max_epochs 15
pretrained="$(ls -v "$work"/pretrain/model*.bin | grep -v last | tail -1)"
python -m spacy train "$here/config.cfg" -o "$work/full" --paths.train "$work/corpus/train.spacy" \
    --paths.dev "$work/corpus/dev.spacy" --paths.init_tok2vec "$pretrained"
python -m spacy train "$here/ner.cfg" -o "$work/ner" --paths.train "$work/corpus/train.spacy" \
    --paths.dev "$work/corpus/dev.spacy" --paths.init_tok2vec "$pretrained"
python "$here/package_model.py" "$work/full/model-best" --ner "$work/ner/model-best"
python "$here/../benchmarks/model_benchmark.py" --ud-dir "$data/ud"
