"""PolNeAR train articles as spaCy training data for the learned attribution tagger.

    python training/convert_polnear.py ../shared/data/polnear/data/train build/attributions/corpus

Each article is tokenized with the bundled pipeline; its gold source, cue and content spans become
entities SOURCE, CUE and CONTENT. Entities cannot overlap, and attributions nest (a content holds
another attribution), so sources and cues are kept first and contents fill what is left around them;
a content is also cut at line breaks (a paragraph is a piece of its own).
One article in ten is held out as the development set (PolNeAR's own dev split stays for measurement).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eventwire.evaluate.polnear import read_corpus  # noqa: E402
from eventwire.nlp import load_pipeline  # noqa: E402

LABELS = {"Source": "SOURCE", "Cue": "CUE", "Content": "CONTENT"}


def trimmed(span: Span | None, label: str) -> Span | None:
    """The span without space or punctuation at its edges (an entity may not start or end with them)."""
    if span is None:
        return None
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_space or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].is_space or span.doc[end - 1].is_punct):
        end -= 1
    return Span(span.doc, start, end, label=label) if end > start else None


def gold_spans(doc: Doc, gold: dict[str, list[list[tuple[int, int]]]]) -> list[Span]:
    """Non-overlapping entity spans: sources and cues first, then the parts of contents around them."""
    kept: list[Span] = []
    for role in ("Source", "Cue"):
        for fragments in gold.get(role, []):
            for start, end in fragments:
                span = trimmed(doc.char_span(start, end, alignment_mode="expand"), LABELS[role])
                if span is not None:
                    kept.append(span)
    kept = filter_spans(kept)
    taken = {i for span in kept for i in range(span.start, span.end)}
    contents: list[Span] = []
    for fragments in gold.get("Content", []):
        for start, end in fragments:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            piece: list[int] = []
            for token in [*span, None]:  # cut the content at kept sources and cues inside it, and at line breaks
                if token is not None and token.i not in taken and not (token.is_space and "\n" in token.text):
                    piece.append(token.i)
                    continue
                content = trimmed(doc[piece[0]:piece[-1] + 1], "CONTENT") if piece else None
                if content is not None:
                    contents.append(content)
                piece = []
    return filter_spans(kept + filter_spans(contents))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("polnear", type=Path, help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("output", type=Path)
    parser.add_argument("--heldout-every", type=int, default=10)
    args = parser.parse_args()
    nlp = load_pipeline()
    corpus = read_corpus(args.polnear)
    train, heldout = DocBin(store_user_data=False), DocBin(store_user_data=False)
    for n, article in enumerate(corpus):
        doc = nlp.make_doc(article.text)
        doc.ents = gold_spans(doc, article.gold)
        (heldout if n % args.heldout_every == 0 else train).add(doc)
    args.output.mkdir(parents=True, exist_ok=True)
    train.to_disk(args.output / "train.spacy")
    heldout.to_disk(args.output / "dev.spacy")
    print(f"{len(train)} training and {len(heldout)} held-out articles in {args.output}")


if __name__ == "__main__":
    main()
