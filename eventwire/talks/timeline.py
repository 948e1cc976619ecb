"""A track's status over time, its positions and its next expected round.

Status: each event that signals a status (signals.yaml) is applied in date order; a signal that
leads to another status is a change, dated by the event. Reports of the same change on the same day
(two wires on one walk-out) are evidence of that one change; anything else changes nothing.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from eventwire.coding.dates import names_a_time, resolve
from eventwire.model import NextRound, StatusChange, TalksEvidence, TalksPosition
from eventwire.talks.clusters import Cluster
from eventwire.talks.knowledge import TalksKnowledge
from eventwire.talks.reports import ArticleReports
from eventwire.talks.roles import unique


def status_changes(track: Cluster, knowledge: TalksKnowledge) -> list[StatusChange]:
    """RETURNS (list[StatusChange]): the changes of status, oldest first, each with all its reports."""
    order = [rule.signal for rule in knowledge.signals.statuses]
    signalled = [(report, signal) for report in track.talks
                 if (signal := knowledge.signal(report.code, report.modality, report.negated)) is not None]
    signalled.sort(key=lambda item: (item[0].day, order.index(item[1]), item[0].published or date.min))
    changes: list[StatusChange] = []
    for report, signal in signalled:
        current = changes[-1] if changes else None
        status = knowledge.transition(current.status if current else None, signal)
        day = report.start.isoformat() if report.start else None
        if status is not None:
            changes.append(StatusChange(status=status, date=day, actors=list(report.sources),
                                        evidence=[report.evidence]))
        elif current is not None and current.date == day and \
                knowledge.transition(previous_status(changes), signal) == current.status:
            current.actors += [key for key in report.sources if key not in current.actors]
            current.evidence = unique([*current.evidence, report.evidence])
    return changes


def previous_status(changes: list[StatusChange]) -> str | None:
    return changes[-2].status if len(changes) > 1 else None


def positions(track: Cluster, knowledge: TalksKnowledge, sides: set[str]) -> list[TalksPosition]:
    """RETURNS (list[TalksPosition]): who demands of, accuses or rejects whom among `sides`, counted
    once per sentence that reports it, most reported first."""
    found: dict[tuple[str, str, str], list[TalksEvidence]] = defaultdict(list)
    for report in track.positions:
        kind = knowledge.position(report.code)
        for source in report.sources:
            for target in report.targets + report.place_targets:
                if source in sides and target in sides:
                    found[source, target, kind].append(report.evidence)
    counted = [TalksPosition(source=s, target=t, kind=k, count=len(unique(e)), evidence=unique(e))
               for (s, t, k), e in found.items()]
    return sorted(counted, key=lambda p: (-p.count, p.kind, p.source, p.target))


def next_round(track: Cluster, knowledge: TalksKnowledge, since: date | None,
               as_of: date | None) -> NextRound | None:
    """The round announced last, at or after the last change of status (`since`), that is not over by
    `as_of`: from planned or expected meetings, or from a statement that names talks, what is to come
    and a time ("new negotiations are expected to begin next week").

    RETURNS (NextRound | None): its dates and every report of it."""
    rounds: dict[str, list[tuple[date, TalksEvidence]]] = defaultdict(list)
    rule = knowledge.signals.next_round
    for report in track.talks:
        if rule.matches(report.code, report.modality, report.negated) and report.start and report.published \
                and report.start > report.published:
            rounds[interval(report.start, report.end)].append((report.published, report.evidence))
    for article in track.articles:
        for when, evidence in announced_rounds(article, knowledge):
            rounds[when].append((article.published, evidence))
    candidates = []
    for when, reports in rounds.items():
        announced = max(day for day, _ in reports)
        end = date.fromisoformat(when.split("/")[-1])
        if (since is None or announced >= since) and (as_of is None or end >= as_of):
            candidates.append((announced, when, reports))
    if not candidates:
        return None
    _, when, reports = max(candidates, key=lambda c: (c[0], c[1]))
    start, _, end = when.partition("/")
    return NextRound(date=when, start=start, end=end or start, evidence=unique([e for _, e in reports]))


def announced_rounds(article: ArticleReports, knowledge: TalksKnowledge) -> list[tuple[str, TalksEvidence]]:
    """RETURNS (list): (date or interval, evidence) for each statement of the article that announces a
    round; a quote's content is read on its own, so that the time it names is the round's. Sentences
    that report talks events that happened are left out: their time is those events'."""
    if article.published is None:
        return []
    happened = {r.sentence for r in article.reports if r.modality == "asserted"
                and knowledge.is_talks_event(r.code, r.modality, r.negated)}
    statements = [(content, sentence) for _, content, sentence in article.quotes]
    quoted = {sentence for _, sentence in statements}
    statements += [(article.evidence(n).text, n) for n in range(len(article.sentences)) if n not in quoted]
    found = []
    for text, sentence in statements:
        if sentence in happened:
            continue
        lower = text.lower()
        if not (knowledge.round_talks.search(lower) and knowledge.round_future.search(lower) and names_a_time(lower)):
            continue
        when = resolve(text, article.published, future=True)
        if when and date.fromisoformat(when.split("/")[0]) > article.published:
            found.append((when, article.evidence(sentence)))
    return found


def interval(start: date, end: date | None) -> str:
    return start.isoformat() if end in (None, start) else f"{start.isoformat()}/{end.isoformat()}"
