"""Scoring attributions against PolNeAR-format brat annotations (text files + `.ann` files).

Layout: DIR/text/NAME.txt and DIR/attributions/NAME_ANNOTATOR.ann; an article annotated by several
annotators is scored against one of them (the first by name). Each role (source, cue, content) is
scored on its own: a predicted span and a gold span match exactly when their character offsets are
equal, and overlap when the tokens they share are at least half of the longer one's (a PolNeAR-style
lenient match); matching is one-to-one, greedily by largest overlap. The gold holds each span once
(attributions that share a source share its annotation), so predicted spans are counted once too.
Precision, recall and F1 per role and match kind.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate import precision_recall_f1
from eventwire.model import ArticleRecord

ROLES = ("Source", "Cue", "Content")
WORD = re.compile(r"\w+|[^\w\s]")


@dataclass
class Article:
    name: str
    text: str
    gold: dict[str, list[list[tuple[int, int]]]] = field(default_factory=lambda: defaultdict(list))


class PolnearError(ValueError):
    """The folder is not in PolNeAR's layout; the message names what is missing."""


def read_corpus(folder: Path, limit: int | None = None) -> list[Article]:
    """Articles with their gold spans per role (a span is a list of fragments)."""
    texts, annotations = folder / "text", folder / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise PolnearError(f"{folder}: expected the folders text/ and attributions/ (PolNeAR layout)")
    chosen: dict[str, Path] = {}
    for ann in sorted(annotations.glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles = []
    for name, ann in sorted(chosen.items())[:limit]:
        text_path = texts / f"{name}.txt"
        if not text_path.exists():
            continue
        article = Article(name=name, text=text_path.read_text(encoding="utf8"))
        for line in ann.read_text(encoding="utf8").splitlines():
            fields = line.split("\t")
            if len(fields) < 2 or not fields[0].startswith("T"):
                continue
            role, _, offsets = fields[1].partition(" ")
            if role in ROLES:
                article.gold[role].append([tuple(map(int, part.split())) for part in offsets.split(";")])
        articles.append(article)
    return articles


def tokens(text: str, fragments: list[tuple[int, int]]) -> set[int]:
    """Start offsets of the word tokens a span covers."""
    found = set()
    for start, end in fragments:
        found |= {start + m.start() for m in WORD.finditer(text[start:end])}
    return found


def match(gold: list[list[tuple[int, int]]], predicted: list[list[tuple[int, int]]], text: str) -> dict[str, int]:
    """Counts of exact and overlap matches, one-to-one."""
    counts = {"gold": len(gold), "predicted": len(predicted), "exact": 0, "overlap": 0}
    gold_sets = [tokens(text, g) for g in gold]
    pred_sets = [tokens(text, p) for p in predicted]
    counts["exact"] = len({tuple(g) for g in gold} & {tuple(p) for p in predicted})
    pairs = sorted(((len(g & p) / max(len(g), len(p), 1), i, j) for i, g in enumerate(gold_sets)
                    for j, p in enumerate(pred_sets) if g & p), reverse=True)
    used_gold, used_pred = set(), set()
    for share, i, j in pairs:
        if share >= 0.5 and i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            counts["overlap"] += 1
    return counts


def scores(totals: dict[str, dict[str, int]]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per role and match kind."""
    result = {}
    for role, counts in totals.items():
        for kind in ("exact", "overlap"):
            p, r, f = precision_recall_f1(counts[kind], counts["predicted"], counts[kind], counts["gold"])
            result[f"{role.lower()}_{kind}"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    return result


def score(corpus: list[Article], results: Iterable[ArticleRecord | InputError],
          on_error: Callable[[InputError], None]) -> dict:
    """Score each article's quotes (results in corpus order) against its gold attributions; an article
    that failed is reported through `on_error` and left out."""
    totals = {role: {"gold": 0, "predicted": 0, "exact": 0, "overlap": 0} for role in ROLES}
    for gold, result in zip(corpus, results):
        if isinstance(result, InputError):
            on_error(result)
            continue
        predicted: dict[str, list[list[tuple[int, int]]]] = {role: [] for role in ROLES}
        for quote in result.quotes:
            predicted["Cue"].append([(quote.cue.start, quote.cue.end)])
            predicted["Content"].append([(part.start, part.end) for part in quote.content_parts or [quote.content]])
            source = quote.source_span or quote.speaker_span
            if source is not None:
                predicted["Source"].append([(source.start, source.end)])
        for role in ROLES:  # one span per place, as in the gold: quotes sharing a speaker name it once
            distinct = list(dict.fromkeys(map(tuple, predicted[role])))
            for key, value in match(gold.gold[role], [list(span) for span in distinct], gold.text).items():
                totals[role][key] += value
    return {**scores(totals), "articles": len(corpus)}
