"""The learned attribution tagger: SOURCE, CUE and CONTENT spans predicted by an entity recognizer
trained on PolNeAR (training/train_attributions.sh), assembled into attributions.

The tagger is not shipped: PolNeAR's texts are for research use, so the model is built on the machine
from ../shared/data into the cache folder (or the folder $EVENTWIRE_ATTRIBUTION_MODEL names). When it is
there, `find_attributions` adds what it finds to the rule-based attributions; when it is not, the rules
work alone.

The tagger reads the words and the bundled pipeline's part-of-speech tags of the parsed document; it runs
on a copy of the document, so the document's own entities stay as they are. Assembly: each predicted cue
takes the content pieces that follow it up to the next cue (or, when none follows in its sentence, the
content just before it: "“...,” he said"), and the source nearest to it in its sentence; a cue with no
predicted content takes what its verb governs, as the rules read it (eventwire.quotes.finder).
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.paths import cache_dir

COMPONENT = "attribution"
WEIGHTS = f"{COMPONENT}/model"  # in the tagger's folder
NEAR_TOKENS = 25  # how far from a cue an unclaimed content piece may lie and still be its content


def model_path() -> Path:
    return Path(os.environ.get("EVENTWIRE_ATTRIBUTION_MODEL") or cache_dir() / "attributions")


def tagger_built(path: Path) -> bool:
    """Whether a tagger has been built in `path`: its pipeline's configuration and the weights."""
    return (path / "config.cfg").exists() and (path / WEIGHTS).exists()


@lru_cache(maxsize=2)
def load_tagger(path: Path | None = None) -> Language | None:
    """The trained tagger's pipeline, or None when no model has been built."""
    path = path or model_path()
    if not tagger_built(path):
        return None
    return spacy.load(path, exclude=["tok2vec", "tagger", "morphologizer", "parser"])


def tagger_version(path: Path | None = None) -> str | None:
    """A short digest of the built tagger's weights, for the provenance of what it coded; None when none
    is built."""
    path = path or model_path()
    return hashlib.sha256((path / WEIGHTS).read_bytes()).hexdigest()[:12] if tagger_built(path) else None


def predicted_spans(doc: Doc, tagger: Language) -> list[Span]:
    """SOURCE, CUE and CONTENT spans of `doc` (a parsed document), in text order."""
    copy = Doc(tagger.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               pos=[t.pos_ for t in doc], tags=[t.tag_ for t in doc])
    copy = tagger.get_pipe(COMPONENT)(copy)
    return [Span(doc, e.start, e.end, label=e.label_) for e in copy.ents]


def assemble(doc: Doc, spans: list[Span]) -> list[tuple[Span | None, Span, Span | None]]:
    """(source, cue, content) triples from predicted spans, one per cue; content None when no content
    span goes with the cue."""
    cues = [s for s in spans if s.label_ == "CUE"]
    contents = [s for s in spans if s.label_ == "CONTENT"]
    sources = [s for s in spans if s.label_ == "SOURCE"]
    chosen: dict[int, list[Span]] = {}
    taken: set[int] = set()
    # a cue with no content after it in its sentence takes the piece right before it ("“...,” he added")
    for n, cue in enumerate(cues):
        if not any(c.start >= cue.end and c.sent == cue.sent for c in contents):
            before = [c for c in contents if c.end <= cue.start and (n == 0 or c.start >= cues[n - 1].end)]
            if before:
                chosen[n] = before[-1:]
                taken.add(before[-1].start)
    for n, cue in enumerate(cues):  # the others take the pieces that follow, up to the next cue
        if n in chosen:
            continue
        following_cue = cues[n + 1].start if n + 1 < len(cues) else len(doc)
        pieces = [c for c in contents if cue.end <= c.start < following_cue and c.start not in taken]
        run = pieces[:1]
        for piece in pieces[1:]:  # pieces close together: a content cut by a line break or an inner quote
            if piece.start - run[-1].end > 3:
                break
            run.append(piece)
        if run:
            chosen[n] = run
    used = {piece.start for pieces in chosen.values() for piece in pieces}
    for n, cue in enumerate(cues):  # a cue still without content takes the nearest unused piece close by
        if n in chosen:
            continue
        near = [c for c in contents if c.start not in used and min(abs(c.start - cue.end), abs(cue.start - c.end))
                <= NEAR_TOKENS]
        if near:
            piece = min(near, key=lambda c: min(abs(c.start - cue.end), abs(cue.start - c.end)))
            chosen[n] = [piece]
            used.add(piece.start)
    triples = []
    for n, cue in enumerate(cues):
        in_sentence = [s for s in sources if s.sent == cue.sent]
        source = min(in_sentence, key=lambda s: abs(s.start - cue.start), default=None)
        pieces = chosen.get(n)
        triples.append((source, cue, doc[pieces[0].start:pieces[-1].end] if pieces else None))
    return triples
