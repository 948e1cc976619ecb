"""Near-duplicate articles share a story; separately written reports do not."""
from __future__ import annotations

from eventwire.store import open_store
from eventwire.store.stories import SIMILARITY, StoryIndex, signature, similarity

from .conftest import ARTICLES, SUDAN


def test_signatures_estimate_similarity():
    copy = ARTICLES["sudan-copy.txt"]
    assert similarity(signature(SUDAN), signature(SUDAN)) == 1.0
    assert similarity(signature(SUDAN), signature(copy)) >= SIMILARITY
    assert similarity(signature(SUDAN), signature(ARTICLES["donbas.txt"])) < 0.2
    assert (signature(SUDAN) == signature(SUDAN.upper().replace("\n", " "))).all()  # case and spacing ignored


def test_copies_join_the_first_story():
    index = StoryIndex()
    first = index.assign("a", signature(SUDAN))
    copy = index.assign("b", signature(ARTICLES["sudan-copy.txt"]))
    other = index.assign("c", signature(ARTICLES["donbas.txt"]))
    assert (first.story_id, copy.story_id, other.story_id) == ("a", "a", "c")


def test_store_groups_the_syndicated_copy(store_path):
    with open_store(str(store_path), read_only=True) as store:
        stories = store.query("SELECT story_id, count(*) AS articles FROM stories GROUP BY story_id "
                              "ORDER BY articles DESC").to_pylist()
        assert [row["articles"] for row in stories] == [2, 1, 1]
        # every event of the copy is counted once, with two mentions
        events = store.query("SELECT num_mentions, num_articles FROM story_events WHERE story_id = ?",
                             [stories[0]["story_id"]]).to_pylist()
        assert events and all(row["num_articles"] == 2 for row in events)
        total = store.query("SELECT sum(num_mentions) AS n FROM story_events").column("n")[0].as_py()
        assert total == store.counts()["events"]
