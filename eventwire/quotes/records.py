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
        quotes.append(Quote(id=f"q{n}", speaker=speakers[0] if speakers else None,
                            speaker_text=speaker_text(attribution), cue=text_span(attribution.cue),
                            content=text_span(attribution.content), kind=attribution.kind, speakers=speakers))
    return quotes


def speaker_text(attribution: Attribution) -> str | None:
    """The words naming the speakers: their mentions ("Qatar and Egypt"), else the subject phrase."""
    if attribution.speakers:
        spans = sorted((m.span for m in attribution.speakers), key=lambda s: s.start)
        if spans[-1].end - spans[0].start <= 8:
            return spans[0].doc[spans[0].start:spans[-1].end].text
        return spans[0].text
    return attribution.speaker_span.text if attribution.speaker_span is not None else None


def mark_reported(events: list[Event], quotes: list[Quote]) -> None:
    """An event whose trigger lies inside a quote's content is reported by that quote."""
    for event in events:
        for quote in quotes:
            if quote.content.start <= event.trigger.start < quote.content.end:
                event.reported_by = quote.id
                break
