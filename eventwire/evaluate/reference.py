"""Scoring against eventwire reference files (JSON like examples' `*.expected.json`).

A reference lists `events` (required) and `optional_events`, each with a source key, a target key
(or null), a CAMEO root and optionally `accept` (other roots a careful coder could defend) and
`accept_targets`. eventwire's events are reduced to distinct (source key, target key, root) rows,
one per source-target pair. A required row is found when some produced row matches it; a produced
row is correct when it matches a required or an optional row. Matching: same source key, a target
key equal to the reference's or among its accepted targets, a root equal to the reference's or among
its accepted roots. Events that did not happen — negated ("did not attack"), only asked for or
supposed (modality `demanded`, `hypothetical`) — are not compared with a reference of what happened.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.evaluate import precision_recall_f1
from eventwire.model import ArticleRecord

Row = tuple[str | None, str | None, str]  # (source key, target key, CAMEO root)
UNREALISED = {"demanded", "hypothetical"}


@dataclass(frozen=True)
class ReferenceEvent:
    source: str | None
    target: str | None
    root: str
    accept: frozenset[str] = frozenset()
    accept_targets: frozenset[str | None] = frozenset()
    evidence: str = ""

    def matches(self, row: Row) -> bool:
        source, target, root = row
        return (source == self.source and (target == self.target or target in self.accept_targets)
                and (root == self.root or root in self.accept))


@dataclass
class Reference:
    document: Path
    required: list[ReferenceEvent]
    optional: list[ReferenceEvent] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Reference:
        data = json.loads(path.read_text(encoding="utf8"))

        def events(key: str) -> list[ReferenceEvent]:
            return [ReferenceEvent(source=e.get("source"), target=e.get("target"), root=str(e["cameo_root"]),
                                   accept=frozenset(map(str, e.get("accept", []))),
                                   accept_targets=frozenset(e.get("accept_targets", [])),
                                   evidence=e.get("evidence", "")) for e in data.get(key, [])]
        return cls(document=path.parent / data["document"], required=events("events"),
                   optional=events("optional_events"))


def event_rows(record: ArticleRecord) -> list[Row]:
    """Distinct (source key, target key, root) rows of an article's events."""
    keys = {actor.id: actor.key for actor in record.actors}
    rows: dict[Row, None] = {}
    for event in record.events:
        if event.modality in UNREALISED or event.negated:
            continue
        for source in event.source:
            for target in event.target or [None]:
                rows[(keys.get(source), keys.get(target) if target else None, event.cameo_root)] = None
    return list(rows)


def score(reference: Reference, record: ArticleRecord) -> dict:
    """Recall of the required rows, precision of the produced rows, F1, and the rows themselves."""
    rows = event_rows(record)
    found = [event for event in reference.required if any(event.matches(row) for row in rows)]
    correct = [row for row in rows if any(e.matches(row) for e in reference.required + reference.optional)]
    precision, recall, f1 = precision_recall_f1(len(correct), len(rows), len(found), len(reference.required))
    return {
        "required": len(reference.required), "required_found": len(found), "recall": round(recall, 4),
        "produced": len(rows), "produced_correct": len(correct), "precision": round(precision, 4),
        "f1": round(f1, 4),
        "missed": [f"{e.source} -> {e.target} {e.root}: {e.evidence}" for e in reference.required if e not in found],
        "wrong": [f"{s} -> {t} {r}" for s, t, r in rows if (s, t, r) not in correct],
    }
