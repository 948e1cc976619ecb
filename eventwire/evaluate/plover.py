"""Scoring event types on PLOVER dyad sets (TSV with `marked_sentence` holding <s>source</s> and
<t>target</t>, and `gold_root`, a PLOVER type; YIELD stands for CONCEDE or RETREAT).

- type accuracy given the dyad: the PLOVER type of the event eventwire codes between the marked source
  and target (an event whose source overlaps the marked source and whose target overlaps the marked
  target; else what the coder reads on the dependency path between the two spans; else an event between
  mentions that refer to them; else the event whose source overlaps the source; else the sentence's
  first event), against the gold type; a
  sentence with none of these counts as wrong;
- end to end: the share of gold dyads for which eventwire finds an event whose source and target
  overlap the marked spans, and the share of those with the right type as well.
An actor overlaps a span with its own words or through the mention it refers back to (`refers_to`: "The
ELN has said it will release" is an event of "it", that is of the ELN).
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputError
from eventwire.model import ArticleRecord

MARK = re.compile(r"</?[st]>")
YIELD = {"CONCEDE", "RETREAT"}


@dataclass
class Dyad:
    text: str
    source: tuple[int, int]
    target: tuple[int, int]
    gold: str


class PloverError(ValueError):
    """The gold file cannot be read or holds no dyad; the message names it and what was expected."""


def read_dyads(path: Path, limit: int | None = None) -> list[Dyad]:
    """The dyads of a TSV file with `marked_sentence` (<s>source</s>, <t>target</t>) and `gold_root`.
    RAISES (PloverError): when the file cannot be read or holds no such row."""
    dyads = []
    for row in csv.DictReader(io.StringIO(read_text(path), newline=""), delimiter="\t"):
        marked = row.get("marked_sentence") or ""
        spans, text, offset = {}, [], 0
        for piece in re.split(r"(</?[st]>)", marked):
            if MARK.fullmatch(piece):
                spans.setdefault(piece.strip("</>"), []).append(offset)
            else:
                text.append(piece)
                offset += len(piece)
        if len(spans.get("s", [])) == 2 and len(spans.get("t", [])) == 2 and row.get("gold_root"):
            dyads.append(Dyad("".join(text), tuple(spans["s"]), tuple(spans["t"]), row["gold_root"].strip()))
    if not dyads:
        raise PloverError(f"{path}: no dyad found (expected tab-separated columns marked_sentence, with "
                          "<s>...</s> and <t>...</t>, and gold_root)")
    return dyads[:limit]


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf8")
    except (OSError, UnicodeDecodeError) as error:
        raise PloverError(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None


# PLOVER_GSR_CAMEO was coded with early PLOVER type names.
OLD_TYPE_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def read_gsr(path: Path, limit: int | None = None) -> list[Dyad]:
    """The dyads of a PLOVER gold-standard file (a JSON array of records with `text`, `source` and
    `target` actor lists holding `actorText`, and `event`): the first source and target as spans of the
    text, the type under its current name. Records whose actors are not found in the text are left out.
    RAISES (PloverError): when the file cannot be read, is not such an array or holds no usable record."""
    try:
        records = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise PloverError(f"{path}: not a JSON array of PLOVER records ({error})") from None
    if not isinstance(records, list):
        raise PloverError(f"{path}: not a JSON array of PLOVER records")
    dyads = []
    for record in records:
        if not isinstance(record, dict):
            continue
        text, sources, targets = record.get("text") or "", record.get("source") or [], record.get("target") or []
        if not text or not sources or not targets or record.get("event") == "DOCUMENT":
            continue
        spans = [find_span(text, next((a["actorText"] for a in actors if isinstance(a, dict) and a.get("actorText")),
                                      "")) for actors in (sources, targets)]
        if None not in spans and record.get("event"):
            dyads.append(Dyad(text, spans[0], spans[1], OLD_TYPE_NAMES.get(record["event"], record["event"])))
    if not dyads:
        raise PloverError(f"{path}: no record with text, source and target actors found in the text, and event")
    return dyads[:limit]


def find_span(text: str, phrase: str) -> tuple[int, int] | None:
    start = text.find(phrase) if phrase else -1
    return (start, start + len(phrase)) if start >= 0 else None


def type_matches(predicted: str | None, gold: str) -> bool:
    return predicted == gold or (gold == "YIELD" and predicted in YIELD)


def overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return start < span[1] and span[0] < end


def touches(actors: dict, ids: list[str], span: tuple[int, int], references: bool = True) -> bool:
    """Whether any of the actors overlaps the span, itself or (with `references`) through the mention it
    refers back to ("<s>The ELN</s> has said it will release ...": the release is by "it", the ELN)."""
    for actor_id in ids:
        seen = set()
        while actor_id is not None and actor_id not in seen:
            seen.add(actor_id)
            if overlaps(span, actors[actor_id].start, actors[actor_id].end):
                return True
            actor_id = actors[actor_id].refers_to if references else None
    return False


def score(dyads: list[Dyad], records: list[ArticleRecord | InputError],
          between: list[str | None] | None = None) -> dict:
    """Records in the order of the dyads; a sentence that failed counts as one with no event.
    between: for each dyad, the PLOVER type of what the coder reads between the marked spans
    (`EventCoder.code_between`), used for the type given the dyad when no event joins the two."""
    typed = found = found_typed = 0
    for n, (dyad, record) in enumerate(zip(dyads, records)):
        if isinstance(record, InputError):
            continue
        actors = {a.id: a for a in record.actors}
        both = [e for e in record.events
                if touches(actors, e.source, dyad.source) and touches(actors, e.target, dyad.target)]
        # given the dyad, an event between the marked words themselves comes first, then what is read
        # between them, then an event between mentions that refer to them
        marked = [e for e in both if touches(actors, e.source, dyad.source, references=False)
                  and touches(actors, e.target, dyad.target, references=False)]
        from_source = [e for e in record.events if touches(actors, e.source, dyad.source)]
        read_between = between[n] if between else None
        chosen = marked[0].plover if marked else read_between or next(
            (e.plover for e in both or from_source or record.events), None)
        typed += chosen is not None and type_matches(chosen, dyad.gold)
        found += bool(both)
        found_typed += any(type_matches(e.plover, dyad.gold) for e in both)
    total = len(dyads) or 1
    return {"dyads": len(dyads), "type_accuracy_given_dyad": round(typed / total, 4),
            "end_to_end_dyad_found": round(found / total, 4), "end_to_end_with_type": round(found_typed / total, 4)}
