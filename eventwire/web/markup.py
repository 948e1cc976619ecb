"""Marking spans of article text (actors, triggers, quotes) for display.

Marks may overlap or nest (an actor inside a quote, a trigger inside an evidence sentence), so the text is cut
at every mark boundary into flat segments, each carrying the kinds and notes of every mark covering it. The
templates escape each segment's text; nothing here produces HTML.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any


@dataclass(frozen=True)
class Mark:
    """A span to mark: character offsets into the text, a kind (used as a CSS class) and a note (a tooltip)."""

    start: int
    end: int
    kind: str
    note: str = ""


@dataclass(frozen=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(f"mark-{kind}" for kind in self.kinds)

    @property
    def title(self) -> str:
        return "; ".join(note for note in self.notes if note)


def segments(text: str, marks: Iterable[Mark], offset: int = 0) -> list[Segment]:
    """Cut `text` at the boundaries of the marks that fall inside it.

    text (str): the text shown, which starts at character `offset` of the article.
    marks (Iterable[Mark]): spans in article offsets; the parts outside `text` are ignored.
    RETURNS (list[Segment]): consecutive pieces whose texts join back into `text`.
    """
    inside = [Mark(max(m.start - offset, 0), min(m.end - offset, len(text)), m.kind, m.note) for m in marks]
    inside = [m for m in inside if m.start < m.end]
    cuts = sorted({0, len(text), *(m.start for m in inside), *(m.end for m in inside)})
    pieces = []
    for start, end in pairwise(cuts):
        covering = [m for m in inside if m.start <= start and end <= m.end]
        pieces.append(Segment(text[start:end], tuple(dict.fromkeys(m.kind for m in covering)),
                              tuple(dict.fromkeys(m.note for m in covering))))
    return pieces


def actor_note(actor: Mapping[str, Any]) -> str:
    """RETURNS (str): what a mention resolved to, e.g. "Hamas (hamas, PSEREB)" or "unresolved"."""
    if not actor.get("key"):
        return "unresolved"
    code = f", {actor['cameo_code']}" if actor.get("cameo_code") else ""
    return f"{actor.get('name') or actor['key']} ({actor['key']}{code})"


def evidence_marks(event: Mapping[str, Any], mentions: Mapping[tuple[str, str], Mapping[str, Any]]) -> list[Mark]:
    """The trigger, sources and targets of an event row (from the events table), as marks.

    mentions (Mapping): actor rows by (article id, actor id), as `Catalog.mentions` gives them.
    """
    marks = [Mark(event["trigger_start"], event["trigger_end"], "trigger",
                  f"{event.get('cameo') or ''} {event.get('plover') or ''}".strip())]
    for role in ("source", "target"):
        for actor_id in event.get(role) or []:
            actor = mentions.get((event["article_id"], actor_id))
            if actor is not None:
                marks.append(Mark(actor["start"], actor["end"], role, f"{role}: {actor_note(actor)}"))
    return marks


def article_marks(record: Mapping[str, Any]) -> list[Mark]:
    """Every actor mention, event trigger, quote cue and quote content of a canonical record, as marks."""
    marks = [Mark(a["start"], a["end"], "actor", actor_note(a)) for a in record.get("actors", [])]
    marks += [Mark(e["trigger"]["start"], e["trigger"]["end"], "trigger",
                   f"{e['id']}: {e.get('cameo') or ''} {e.get('plover') or ''}".strip())
              for e in record.get("events", [])]
    for quote in record.get("quotes", []):
        speaker = quote.get("speaker_text") or "unknown speaker"
        marks.append(Mark(quote["cue"]["start"], quote["cue"]["end"], "cue", f"{quote['id']}: cue"))
        marks.append(Mark(quote["content"]["start"], quote["content"]["end"], "quote",
                          f"{quote['id']}: {quote['kind']} quote of {speaker}"))
    return marks
