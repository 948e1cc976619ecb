"""Accuracy, speed and size of eventwire's bundled English pipeline (or any spaCy pipeline).

Usage: python benchmarks/model_benchmark.py [--model NAME] [--ud-dir ../shared/data/ud] [--json]

Accuracy is measured on the UD English EWT test set with Universal NER tags, with the model's own
tokenisation (gold tokens are aligned to predicted ones, as spaCy's scorer does): UPOS, PTB tag,
morphology, lemma, UAS and LAS (spaCy convention, punctuation excluded, and CoNLL convention,
punctuation included), entity F1 (PER, ORG, LOC). Two protocols, both printed:
- sentence level (the targets): each gold sentence is given to the pipeline as one sentence, which
  the pipeline tokenises itself (gold segmentation, predicted tokenisation);
- document level: each treebank document is given as running text, and the parser also decides
  where sentences end (prefixed `doc_`). Speed is words per second with `nlp.pipe` on one
core, beside the bare tokenizer's speed measured in the same run; size is the pipeline folder in
MiB (2**20 bytes) and bytes. Targets: POS >= 0.945, UAS >= 0.86, LAS >= 0.82, entity F1 >= 0.65,
>= 9,000 words/s, <= 30 MiB.
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.scorer import Scorer  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402

from eventwire.nlp.pipeline import BUNDLED_MODEL, load_pipeline  # noqa: E402
from training.convert_ud import build_doc, read_conllu, read_uner  # noqa: E402

TARGETS = {"pos": 0.945, "uas": 0.86, "las": 0.82, "ents_f": 0.65, "words_per_second": 9000, "size_mib": 30}


def gold_docs(nlp, ud_dir: Path, split: str = "test", by_sentence: bool = True):
    """Gold Docs, one per sentence, or one per treebank document (its sentences as running text)."""
    uner = read_uner(ud_dir / f"uner_en_ewt-ud-{split}.iob2")
    groups: dict[str, list] = {}
    for doc_id, sent_id, rows in read_conllu(ud_dir / f"en_ewt-ud-{split}.conllu"):
        groups.setdefault(sent_id if by_sentence else doc_id, []).append((rows, uner.get(sent_id, [])))
    return [build_doc(nlp.vocab, sentences) for sentences in groups.values()]


def as_one_sentence(nlp, text: str) -> Doc:
    """The text tokenised by the pipeline, marked as a single sentence for the parser."""
    doc = nlp.make_doc(text)
    for token in doc[1:]:
        token.is_sent_start = False
    return doc


def evaluate(nlp, golds: list[Doc], one_sentence: bool) -> tuple[dict, float, float]:
    """spaCy scores and CoNLL-convention UAS/LAS of the pipeline on gold docs."""
    inputs = (as_one_sentence(nlp, g.text) if one_sentence else g.text for g in golds)
    examples = [Example(doc, gold) for doc, gold in zip(nlp.pipe(inputs), golds)]
    return Scorer(nlp=nlp).score(examples), *conll_attachment(examples)


def conll_attachment(examples: list[Example]) -> tuple[float, float]:
    """UAS and LAS over all gold words, punctuation included; words without a one-to-one aligned
    predicted token count as wrong (the CoNLL 2018 convention)."""
    total = heads = labels = 0
    for example in examples:
        gold, pred = example.reference, example.predicted
        gold_to_pred = one_to_one(example.alignment.y2x)
        pred_to_gold = {p: g for g, p in gold_to_pred.items()}
        for token in gold:
            total += 1
            pred_i = gold_to_pred.get(token.i)
            if pred_i is None or pred_to_gold.get(pred[pred_i].head.i) != token.head.i:
                continue
            heads += 1
            labels += pred[pred_i].dep_.lower() == token.dep_.lower()
    return heads / total, labels / total


def one_to_one(ragged) -> dict[int, int]:
    """From an alignment (ragged array), the positions aligned to exactly one token."""
    mapping, offset = {}, 0
    data = ragged.data.tolist()
    for i, length in enumerate(ragged.lengths.tolist()):
        if length == 1:
            mapping[i] = data[offset]
        offset += length
    return mapping


def measure_speed(nlp, texts: list[str], min_words: int = 60000) -> tuple[float, float]:
    """Words per second of the whole pipeline and of the tokenizer alone, over at least min_words."""
    words_per_pass = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    passes = max(1, -(-min_words // words_per_pass))
    corpus = texts * passes
    list(nlp.pipe(texts[:20]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(corpus, batch_size=64):
        pass
    pipeline_wps = words_per_pass * passes / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in nlp.tokenizer.pipe(corpus):
        pass
    tokenizer_wps = words_per_pass * passes / (time.perf_counter() - start)
    return pipeline_wps, tokenizer_wps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the bundled one)")
    parser.add_argument("--ud-dir", type=Path, default=ROOT.parent / "shared" / "data" / "ud")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    if not (args.ud_dir / "en_ewt-ud-test.conllu").exists():
        sys.exit(f"UD English EWT not found in {args.ud_dir} (give --ud-dir)")

    nlp = load_pipeline(args.model)
    scores, conll_uas, conll_las = evaluate(nlp, gold_docs(nlp, args.ud_dir), one_sentence=True)
    documents = gold_docs(nlp, args.ud_dir, by_sentence=False)
    doc_scores, doc_conll_uas, doc_conll_las = evaluate(nlp, documents, one_sentence=False)
    pipeline_wps, tokenizer_wps = measure_speed(nlp, [gold.text for gold in documents])
    path = BUNDLED_MODEL if args.model is None else Path(args.model)
    size_bytes = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else None
    figures = {
        "model": args.model or "bundled en_eventwire",
        "tokens_f": scores.get("token_f"),
        "pos": scores.get("pos_acc"),
        "tag": scores.get("tag_acc"),
        "morph": scores.get("morph_acc"),
        "lemma": scores.get("lemma_acc"),
        "uas": scores.get("dep_uas"),
        "las": scores.get("dep_las"),
        "uas_with_punct": conll_uas,
        "las_with_punct": conll_las,
        "ents_f": scores.get("ents_f"),
        "ents_per_type": {k: round(v["f"], 4) for k, v in (scores.get("ents_per_type") or {}).items()},
        "doc_pos": doc_scores.get("pos_acc"),
        "doc_uas": doc_scores.get("dep_uas"),
        "doc_las": doc_scores.get("dep_las"),
        "doc_uas_with_punct": doc_conll_uas,
        "doc_las_with_punct": doc_conll_las,
        "doc_sentence_f": doc_scores.get("sents_f"),
        "doc_ents_f": doc_scores.get("ents_f"),
        "words_per_second": round(pipeline_wps),
        "tokenizer_words_per_second": round(tokenizer_wps),
        "pipeline_to_tokenizer_time_ratio": round(tokenizer_wps / pipeline_wps, 1),
        "size_mib": round(size_bytes / 2**20, 1) if size_bytes is not None else None,
        "size_bytes": size_bytes,
    }
    if args.json:
        print(json.dumps(figures))
        return
    for key, value in figures.items():
        target = TARGETS.get(key)
        mark = ""
        if target is not None and isinstance(value, (int, float)):
            ok = value <= target if key == "size_mib" else value >= target
            mark = f"   target {'<=' if key == 'size_mib' else '>='} {target}  {'ok' if ok else 'MISSED'}"
        shown = f"{value:.4f}" if isinstance(value, float) and value < 1 else value
        print(f"{key:34} {shown}{mark}")


if __name__ == "__main__":
    main()
