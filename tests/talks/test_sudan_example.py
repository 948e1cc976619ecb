"""The shipped example (examples/sudan-talks-walkout.txt, 2025-03-04): a walk-out from ceasefire talks."""
from __future__ import annotations

from datetime import date

from eventwire.talks import build_tracks


def test_walk_out_facilitators_and_next_round(extract_articles, example_article):
    [record] = extract_articles([example_article], [date(2025, 3, 4)])
    [track] = build_tracks([record])
    assert track.venue == "Jeddah" and "ceasefire" in track.issues
    assert track.status == "suspended"
    assert {p.key for p in track.parties} == {"SDN", "rapid support forces"}
    assert {(m.key, m.role) for m in track.mediators} == {("SAU", "facilitator"), ("USA", "facilitator")}
    assert next(p for p in track.parties if p.key == "SDN").state == "withdrew"
    assert track.next_round.date == "2025-03-10/2025-03-16"
    assert "bring the two delegations back next week" in track.next_round.evidence[0].text
