"""Negotiation tracks from article records: `TalksTracker(...).build(records)` or `build_tracks(records)`."""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from eventwire.model import TalksTrack
from eventwire.talks.clusters import Cluster, cluster
from eventwire.talks.knowledge import DATA_DIR, load_knowledge
from eventwire.talks.reports import ArticleReports, read_record
from eventwire.talks.roles import participants
from eventwire.talks.timeline import next_round, positions, status_changes


class TalksTracker:
    """Builds negotiation tracks from canonical article records (dicts as `ArticleRecord.to_dict()`).

    data_dir (Path): the folder of signals.yaml, subjects.yaml and cues.yaml.
    """

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.knowledge = load_knowledge(data_dir)

    def build(self, records: Iterable[dict], as_of: date | None = None, subject: str | None = None) -> list[TalksTrack]:
        """records (Iterable[dict]): article records, in any order.
        as_of (date | None): only what was published, and happened, by this day.
        subject (str | None): keep the tracks whose subject or issues contain this text.
        RETURNS (list[TalksTrack]): the tracks, most recently reported first."""
        articles = [read_record(record) for record in records]
        if as_of is not None:
            articles = [until(article, as_of) for article in articles if article.published is None
                        or article.published <= as_of]
        tracks = [self.track(found, as_of) for found in cluster(articles, self.knowledge)]
        return sorted(matching(tracks, subject), key=lambda t: (t.last_seen or "", t.id), reverse=True)

    def track(self, found: Cluster, as_of: date | None) -> TalksTrack:
        """RETURNS (TalksTrack): the record of one cluster of reports."""
        knowledge = self.knowledge
        parties, mediators = participants(found, knowledge)
        timeline = status_changes(found, knowledge)
        since = date.fromisoformat(timeline[-1].date) if timeline and timeline[-1].date else None
        issues = [key for key, _ in sorted(found.issues.items(), key=lambda kv: (-kv[1], list(knowledge.issues).index(kv[0])))]
        venue = found.venues.most_common(1)[0][0] if found.venues else None
        area = area_of(found, knowledge, venue)
        labels = " and ".join(knowledge.issues[key].label for key in issues) or "talks"
        days = sorted(a.published.isoformat() for a in found.articles if a.published)
        reports = sorted(found.reports, key=lambda r: (r.day, r.article, r.sentence))
        first = reports[0]
        return TalksTrack(
            id="t" + hashlib.sha256(f"{first.article}/{first.event}".encode()).hexdigest()[:10],
            subject=f"{area} {labels}" if area else labels, issues=issues, venue=venue, area=area,
            status=timeline[-1].status if timeline else None, parties=parties, mediators=mediators,
            timeline=timeline, positions=positions(found, knowledge, {p.key for p in parties + mediators}),
            next_round=next_round(found, knowledge, since, as_of),
            articles=list(dict.fromkeys(a.id for a in found.articles)),
            events=[f"{r.article}/{r.event}" for r in reports],
            first_seen=days[0] if days else None, last_seen=days[-1] if days else None)


def matching(tracks: list[TalksTrack], subject: str | None) -> list[TalksTrack]:
    """RETURNS (list[TalksTrack]): the tracks whose subject or issues contain `subject` (all when it is empty),
    in their order."""
    if not subject:
        return tracks
    needle = subject.lower()
    return [t for t in tracks if needle in t.subject.lower() or any(needle in i for i in t.issues)]


def until(article: ArticleReports, as_of: date) -> ArticleReports:
    """The article without the events dated after `as_of` that did happen (plans and expectations stay)."""
    article.reports = [r for r in article.reports if r.start is None or r.start <= as_of
                       or r.modality in {"planned", "expected"}]
    return article


def area_of(found: Cluster, knowledge, venue: str | None) -> str | None:
    """RETURNS (str | None): the place most often named where the track's articles name an issue ("a
    ceasefire agreement in Gaza"), other than the venue and the places that stand for a side ("Washington")."""
    counts: Counter = Counter()
    for article in found.articles:
        for name, key, sentence in article.places:
            if name != venue and key not in found.actors and knowledge.issues_in(article.evidence(sentence).text):
                counts[name] += 1
    return counts.most_common(1)[0][0] if counts else None


def build_tracks(records: Iterable[dict], as_of: date | None = None, subject: str | None = None) -> list[TalksTrack]:
    """RETURNS (list[TalksTrack]): the negotiation tracks of the records, with the bundled data."""
    return TalksTracker().build(records, as_of=as_of, subject=subject)
