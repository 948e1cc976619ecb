"""From attributions to `Quote` records, and events marked with the quote that reports them."""
from __future__ import annotations

from spacy.tokens import Span

from eventwire.model import Event, Quote, TextSpan
from eventwire.quotes.finder import Attribution


def text_span(span: Span) -> TextSpan:
    return TextSpan(span.text, span.start_char, span.end_char)


def quote_records(attributions: list[Attribution], actor_ids: dict[int, str]) -> list[Quote]:
    """Quote records numbered q1, q2, ...; `speaker` is the first speaker's actor id."""
    quotes = []
    for n, attribution in enumerate(attributions, start=1):
        speakers = list(dict.fromkeys(actor_ids[id(m)] for m in attribution.speakers if id(m) in actor_ids))
        words = speaker_words(attribution)
        quotes.append(Quote(id=f"q{n}", speaker=speakers[0] if speakers else None,
                            speaker_text=words.text if words is not None else None, cue=text_span(attribution.cue),
                            content=text_span(attribution.content), kind=attribution.kind, speakers=speakers,
                            speaker_span=text_span(words) if words is not None else None,
                            source_span=text_span(attribution.speaker_span) if attribution.speaker_span else None,
                            content_parts=[text_span(part) for part in attribution.parts]))
    return quotes


def speaker_words(attribution: Attribution) -> Span | None:
    """The words naming the speakers: their mentions where the cue names them ("Qatar and Egypt"),
    else the subject phrase."""
    near = [m.span for m in attribution.speakers
            if attribution.speaker_span is None or m.span.start < attribution.speaker_span.end
            and attribution.speaker_span.start < m.span.end]
    if near:
        spans = sorted(near, key=lambda s: s.start)
        doc = spans[0].doc
        return doc[spans[0].start:spans[-1].end] if spans[-1].end - spans[0].start <= 8 else spans[0]
    return attribution.speaker_span


def mark_reported(events: list[Event], quotes: list[Quote]) -> None:
    """An event whose trigger lies inside a quote's content is reported by that quote."""
    for event in events:
        for quote in quotes:
            if quote.content.start <= event.trigger.start < quote.content.end:
                event.reported_by = quote.id
                break
