"""The records that cross stage boundaries, defined once.

Every output (JSON Lines, tables, the store, the API) is built from these records. Offsets are
character offsets into `Article.text`. `to_dict()` gives the canonical JSON shape, whose keys are a
contract: add keys, never rename them.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


def text_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf8")).hexdigest()[:16]


@dataclass
class Article:
    """One input article, before any analysis."""

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    author: str | None = None
    language: str = "en"
    origin: str = ""  # where it came from (file path, "path:line", "<stdin>"), for messages

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_id(self.text)


@dataclass
class TextSpan:
    """A piece of the article text with its character offsets."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass
class Actor:
    """A mention of a political actor and the identity it resolved to.

    `key` follows the evaluation convention: ISO 3166 alpha-3 for a state actor of any sector, the
    canonical lower-case name for a non-state organisation, the affiliation's key for a person,
    null when unresolved.
    """

    id: str
    text: str
    start: int
    end: int
    key: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    cameo_code: str | None = None
    type: str | None = None
    kb_id: str | None = None
    refers_to: str | None = None  # for a pronoun or description ("it", "the group"): its antecedent's id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One coded event, tied to the sentence and trigger it came from."""

    id: str
    sentence: int
    trigger: TextSpan
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    cameo: str | None = None
    cameo_root: str | None = None
    plover: str | None = None
    plover_mode: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    negated: bool = False
    modality: str = "asserted"
    reported_by: str | None = None
    date: str | None = None
    location: Location | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    """An attribution: who (speaker) said what (content), signalled by a cue."""

    id: str
    speaker: str | None
    speaker_text: str | None
    cue: TextSpan
    content: TextSpan
    kind: str  # direct | indirect | mixed
    speakers: list[str] = field(default_factory=list)  # every speaker when several speak ("Qatar and Egypt")
    speaker_span: TextSpan | None = None  # where the speaker is named ("he", "Egyptian state media")
    # the whole phrase that stands for the source, as annotators mark it ("A 2014 study that appeared in the
    # British Medical Journal", whose speaker words are none; "Virginia AFL-CIO President Doris Crouse-Mays")
    source_span: TextSpan | None = None
    # the pieces of a content its cue interrupts ("“X,” he said, “Y.”": X and Y; `content` runs from the
    # first to the last); empty when the content is one piece
    content_parts: list[TextSpan] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "speaker": self.speaker, "speaker_text": self.speaker_text,
                "cue": self.cue.to_dict(), "content": self.content.to_dict(), "kind": self.kind,
                "speakers": self.speakers,
                "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
                "source_span": self.source_span.to_dict() if self.source_span else None,
                "content_parts": [part.to_dict() for part in self.content_parts]}


@dataclass
class ArticleRecord:
    """An article with every layer the pipeline found in it: the canonical output record."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        article = self.article
        return {
            "id": article.id,
            "title": article.title,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "text": article.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
        }



@dataclass
class TalksEvidence:
    """Where a talks finding comes from: an article, the sentence (character span and text) and,
    when an event says it, the event's id in that article's record."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    event: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TalksParticipant:
    """An actor of a negotiation: a party negotiating for itself, or a mediator or facilitator.
    `state` is "withdrew", "committed" or "negotiating" when its last word on taking part said so, else null."""

    key: str
    name: str
    role: str  # party | mediator | facilitator
    state: str | None = None
    evidence: list[TalksEvidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class StatusChange:
    """The status of the talks from `date` on, who brought it about, and every report of it."""

    status: str  # proposed | active | suspended | resumed | collapsed | agreement
    date: str | None
    actors: list[str] = field(default_factory=list)
    evidence: list[TalksEvidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TalksPosition:
    """Demands, accusations or rejections of one actor towards another, with how often they were reported."""

    source: str
    target: str
    kind: str  # demand | accusation | rejection
    count: int
    evidence: list[TalksEvidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class NextRound:
    """The next expected round: `date` is an ISO date or an ISO interval "start/end"."""

    date: str
    start: str
    end: str
    evidence: list[TalksEvidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TalksTrack:
    """One negotiation followed across articles: what is negotiated, where, by and between whom, its
    status over time, the positions of the sides and the next expected round."""

    id: str
    subject: str
    issues: list[str] = field(default_factory=list)
    venue: str | None = None
    area: str | None = None
    status: str | None = None
    parties: list[TalksParticipant] = field(default_factory=list)
    mediators: list[TalksParticipant] = field(default_factory=list)
    timeline: list[StatusChange] = field(default_factory=list)
    positions: list[TalksPosition] = field(default_factory=list)
    next_round: NextRound | None = None
    articles: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # "article_id/event_id"
    first_seen: str | None = None
    last_seen: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
