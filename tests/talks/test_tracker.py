"""Track forming: different negotiations reported on the same day stay apart, one article's walk-out
and the other side's reply stay together."""
from __future__ import annotations

from datetime import date

from eventwire.talks import build_tracks


def test_talks_elsewhere_that_share_only_a_facilitator_are_another_track(extract_articles, example_article,
                                                                          shared_example):
    day = date(2025, 7, 25)  # both reported the same day, so time does not keep them apart
    records = extract_articles([example_article, shared_example], [day, day])
    tracks = build_tracks(records)
    assert len(tracks) == 2
    by_venue = {track.venue: track for track in tracks}
    assert {p.key for p in by_venue["Jeddah"].parties} == {"SDN", "rapid support forces"}
    assert {p.key for p in by_venue["Doha"].parties} == {"hamas", "ISR"}
    assert all(len(track.articles) == 1 for track in tracks)
    assert by_venue["Jeddah"].status == "suspended"
