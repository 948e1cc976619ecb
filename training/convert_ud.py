"""Convert UD English EWT (.conllu) and its Universal NER layer (.iob2) into spaCy DocBin files.

Usage: python training/convert_ud.py UD_DIR OUT_DIR

Each treebank document is cut into spaCy Docs of at most ``--sentences`` sentences, so the parser
learns sentence boundaries from running text. Multiword tokens ("don't" = "do" + "n't") keep their
syntactic words, with the surface token's SpaceAfter on the last word. UNER tags are aligned by
``# sent_id``; OTH and stray tags are mapped to O (the treebank README says so).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

ENTITY_LABELS = {"PER", "ORG", "LOC"}


def read_uner(path: Path) -> dict[str, list[str]]:
    """Return sent_id -> BIO tags, with tags outside PER/ORG/LOC mapped to O."""
    tags: dict[str, list[str]] = {}
    sent_id, current = None, []
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id, current = line.split("= ", 1)[1].strip(), []
            tags[sent_id] = current
        elif line and not line.startswith("#"):
            tag = line.split("\t")[2]
            prefix, _, label = tag.partition("-")
            current.append(tag if prefix in ("B", "I") and label in ENTITY_LABELS else "O")
    return {key: repair_bio(value) for key, value in tags.items()}


def repair_bio(tags: list[str]) -> list[str]:
    """Turn an I- tag that does not continue an entity of its label into B-."""
    fixed = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or fixed[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def read_conllu(path: Path):
    """Yield (doc_id, sent_id, rows) per sentence; rows are word lines with SpaceAfter resolved."""
    doc_id = sent_id = None
    rows: list[dict] = []
    mwt_end, mwt_space = -1, True
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("# newdoc id = "):
            doc_id = line.split("= ", 1)[1].strip()
        elif line.startswith("# sent_id = "):
            sent_id = line.split("= ", 1)[1].strip()
        elif not line:
            if rows:
                yield doc_id, sent_id, rows
            rows, mwt_end = [], -1
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "." in cols[0]:
                continue  # empty nodes of the enhanced graph
            if "-" in cols[0]:
                _, end = cols[0].split("-")
                mwt_end, mwt_space = int(end), "SpaceAfter=No" not in cols[9]
                continue
            index = int(cols[0])
            if index < mwt_end:
                space = False
            elif index == mwt_end:
                space = mwt_space
            else:
                space = "SpaceAfter=No" not in cols[9]
            rows.append({"word": cols[1], "lemma": cols[2], "pos": cols[3], "tag": cols[4],
                         "morph": "" if cols[5] == "_" else cols[5], "head": int(cols[6]),
                         "dep": "ROOT" if cols[7] == "root" else cols[7], "space": space})
    if rows:
        yield doc_id, sent_id, rows


def build_doc(vocab: Vocab, sentences: list[tuple[list[dict], list[str]]]) -> Doc:
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts, ents = ([] for _ in range(10))
    for rows, bio in sentences:
        offset = len(words)
        for i, row in enumerate(rows):
            words.append(row["word"])
            spaces.append(row["space"])
            tags.append(row["tag"])
            pos.append(row["pos"])
            morphs.append(row["morph"])
            lemmas.append(row["lemma"])
            heads.append(offset + i if row["head"] == 0 else offset + row["head"] - 1)
            deps.append(row["dep"])
            starts.append(i == 0)
        spaces[-1] = True  # sentences are separated by a space in running text
        ents.extend(bio if len(bio) == len(rows) else ["O"] * len(rows))
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=starts, ents=ents)


def convert(conllu: Path, iob2: Path, out: Path, max_sentences: int) -> int:
    vocab = Vocab()
    uner = read_uner(iob2)
    bin_ = DocBin(store_user_data=False)
    batch: list = []
    batch_doc = None
    for doc_id, sent_id, rows in read_conllu(conllu):
        if batch and (doc_id != batch_doc or len(batch) >= max_sentences):
            bin_.add(build_doc(vocab, batch))
            batch = []
        batch_doc = doc_id
        batch.append((rows, uner.get(sent_id, [])))
    if batch:
        bin_.add(build_doc(vocab, batch))
    bin_.to_disk(out)
    return len(bin_)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ud_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--sentences", type=int, default=10, help="sentences per training doc")
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        n = convert(args.ud_dir / f"en_ewt-ud-{split}.conllu", args.ud_dir / f"uner_en_ewt-ud-{split}.iob2",
                    args.out_dir / f"{split}.spacy", args.sentences)
        print(f"{split}: {n} docs")


if __name__ == "__main__":
    main()
