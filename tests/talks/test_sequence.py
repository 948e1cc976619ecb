"""The test articles end to end: talks are proposed, open, stall, one side walks out (reported twice),
mediators keep going, talks resume and an agreement is signed; trade talks elsewhere stay apart."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.talks import build_tracks


@pytest.fixture(scope="module")
def tracks(sequence_records):
    return build_tracks(sequence_records.values())


def yemen(tracks):
    [track] = [t for t in tracks if "prisoners" in t.issues]
    return track


def slugs(sequence_records, evidence):
    by_id = {record["id"]: slug for slug, record in sequence_records.items()}
    return sorted(by_id[e.article] for e in evidence)


def test_two_tracks_one_per_negotiation(tracks, sequence_records):
    assert len(tracks) == 2
    trade = next(t for t in tracks if "trade" in t.issues)
    assert trade.venue == "Geneva"
    assert {p.key for p in trade.parties} == {"USA", "CHN"}
    assert trade.articles == [sequence_records["trade-talks-geneva"]["id"]]
    assert len(yemen(tracks).articles) == 7


def test_every_status_change_on_its_day_and_nothing_else(tracks):
    timeline = [(change.status, change.date) for change in yemen(tracks).timeline]
    assert timeline == [("proposed", "2025-09-01"), ("active", "2025-09-08"), ("suspended", "2025-09-15"),
                        ("resumed", "2025-09-29"), ("agreement", "2025-10-10")]
    assert yemen(tracks).status == "agreement"


def test_two_reports_of_one_walk_out_are_one_change(tracks, sequence_records):
    suspended = next(c for c in yemen(tracks).timeline if c.status == "suspended")
    assert suspended.actors == ["houthis"]
    assert slugs(sequence_records, suspended.evidence) == ["houthis-walk-out", "walkout-second-report"]
    assert all(e.event for e in suspended.evidence)


def test_each_change_is_linked_to_its_sentence(tracks, sequence_records):
    for change in yemen(tracks).timeline:
        for evidence in change.evidence:
            record = next(r for r in sequence_records.values() if r["id"] == evidence.article)
            assert record["text"][evidence.start:evidence.end] == evidence.text
            event = next(e for e in record["events"] if e["id"] == evidence.event)
            assert event["sentence"] == evidence.sentence
    agreement = yemen(tracks).timeline[-1]
    assert "signed an agreement on a prisoner exchange" in agreement.evidence[0].text


def test_parties_and_mediators(tracks):
    track = yemen(tracks)
    assert {p.key for p in track.parties} == {"YEM", "houthis"}
    assert {(m.key, m.role) for m in track.mediators} == {("OMN", "mediator"), ("united nations", "mediator")}
    assert track.venue == "Muscat"
    assert track.subject == "hostage/prisoner exchange"


def test_positions_between_the_parties(tracks):
    positions = {(p.source, p.kind, p.target): p.count for p in yemen(tracks).positions}
    assert positions[("houthis", "accusation", "YEM")] == 2
    assert positions[("YEM", "rejection", "houthis")] == 1


def test_as_of_a_day_shows_where_the_talks_stood(sequence_records):
    [during_walkout] = [t for t in build_tracks(sequence_records.values(), as_of=date(2025, 9, 20))
                        if "prisoners" in t.issues]
    assert during_walkout.status == "suspended"
    states = {p.key: p.state for p in during_walkout.parties + during_walkout.mediators}
    assert states["houthis"] == "withdrew" and states["OMN"] == "committed"
    assert during_walkout.next_round is None


def test_next_round_resolved_from_the_article_date(sequence_records):
    [resumed] = [t for t in build_tracks(sequence_records.values(), as_of=date(2025, 9, 29))
                 if "prisoners" in t.issues]
    assert resumed.status == "resumed"
    assert (resumed.next_round.start, resumed.next_round.end) == ("2025-10-06", "2025-10-12")
    assert "next round of talks would be held in Muscat next week" in resumed.next_round.evidence[0].text
    # once the agreement is signed, the round announced before it is no longer expected
    assert yemen(build_tracks(sequence_records.values())).next_round is None


def test_subject_filter(sequence_records):
    [track] = build_tracks(sequence_records.values(), subject="trade")
    assert track.issues == ["trade"]
    assert build_tracks(sequence_records.values(), subject="nuclear") == []


def test_order_of_records_does_not_matter(tracks, sequence_records):
    backwards = build_tracks(reversed(list(sequence_records.values())))
    assert [t.to_dict() for t in backwards] == [t.to_dict() for t in tracks]
