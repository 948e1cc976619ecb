#!/usr/bin/env bash
# Build the learned attribution tagger from PolNeAR train (../shared/data/polnear), for this machine.
#
#   training/train_attributions.sh [SHARED_DATA_DIR] [MODEL_DIR]
#
# MODEL_DIR defaults to where eventwire looks for it ($EVENTWIRE_ATTRIBUTION_MODEL, else
# $XDG_CACHE_HOME/eventwire/attributions or ~/.cache/eventwire/attributions). PolNeAR's texts are for
# research use, so the model is built here rather than shipped. About 15 minutes on one CPU core.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${1:-$here/../../shared/data}"
target="${2:-$(python -c 'from eventwire.quotes.learned import model_path; print(model_path())')}"
work="$here/../build/attributions"
mkdir -p "$work"
python "$here/convert_polnear.py" "$data/polnear/data/train" "$work/corpus"
python -m spacy train "$here/attributions.cfg" -o "$work/model" --paths.train "$work/corpus/train.spacy" \
    --paths.dev "$work/corpus/dev.spacy" --paths.base "$here/../eventwire/nlp/en_eventwire"
rm -rf "$target" && mkdir -p "$(dirname "$target")" && cp -r "$work/model/model-best" "$target"
cp "$here/ATTRIBUTIONS_MODEL_CARD.md" "$target/MODEL_CARD.md"
echo "attribution tagger installed in $target"
python "$here/../benchmarks/quotes_benchmark.py"
