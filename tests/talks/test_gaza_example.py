"""The shared example (gaza-talks-collapse.txt, 2025-07-25) against its hand-coded talks reference."""
from __future__ import annotations

import pytest

from eventwire.talks import build_tracks


@pytest.fixture(scope="module")
def track(gaza_record):
    [track] = build_tracks([gaza_record])
    return track


def test_subject_and_venue(track):
    assert track.issues[:2] == ["ceasefire", "prisoners"]
    assert track.subject == "Gaza ceasefire and hostage/prisoner exchange"
    assert track.venue == "Doha"


def test_parties_mediators_and_facilitator(track):
    assert {p.key for p in track.parties} == {"ISR", "hamas"}
    roles = {m.key: (m.role, m.state) for m in track.mediators}
    assert roles == {"QAT": ("mediator", "committed"), "EGY": ("mediator", "committed"),
                     "USA": ("facilitator", "withdrew")}
    assert next(p for p in track.parties if p.key == "ISR").state == "withdrew"


def test_suspended_by_the_walk_outs_of_the_us_and_israel(track):
    [change] = track.timeline
    assert (change.status, change.date) == ("suspended", "2025-07-25")
    assert set(change.actors) == {"USA", "ISR"}
    texts = " ".join(e.text for e in change.evidence)
    assert "withdraw its delegation from Doha" in texts and "stepping away from the talks" in texts
    assert track.status == "suspended"


def test_next_round_the_following_week(track):
    assert track.next_round.date == "2025-07-28/2025-08-03"
    assert "new negotiations are expected to begin next week" in track.next_round.evidence[0].text


def test_who_blames_whom(track):
    positions = {(p.source, p.kind, p.target): p.count for p in track.positions}
    assert positions[("hamas", "accusation", "ISR")] == 1
    assert positions[("USA", "accusation", "hamas")] == 2
    assert positions[("hamas", "demand", "USA")] == 1


def test_every_item_is_linked_to_its_sentence(track, gaza_record):
    text = gaza_record["text"]
    items = [*track.parties, *track.mediators, *track.timeline, *track.positions, track.next_round]
    for item in items:
        assert item.evidence
        for evidence in item.evidence:
            assert evidence.article == gaza_record["id"]
            assert text[evidence.start:evidence.end] == evidence.text
            assert gaza_record["sentences"][evidence.sentence] == {"start": evidence.start, "end": evidence.end}
