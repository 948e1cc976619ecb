"""Acceptance: every actor mention of the shared example resolves to the right key and sector."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.nlp import load_pipeline

ARTICLE_DATE = date(2025, 7, 25)


@pytest.fixture(scope="module")
def mentions(shared_example, resolver):
    text = shared_example.read_text()
    doc = load_pipeline()(text)
    return resolver.resolve(doc, ARTICLE_DATE)


def resolved(mentions, text, occurrence=None):
    """(key, sector) of every mention whose text is `text` (or of the n-th such mention)."""
    found = [(m.identity.key, m.identity.sector) for m in mentions if m.span.text == text]
    assert found, f"no mention {text!r}: {[m.span.text for m in mentions]}"
    return found if occurrence is None else found[occurrence]


@pytest.mark.parametrize("text, key", [
    ("Hamas", "hamas"), ("Qatar", "QAT"), ("Egypt", "EGY"), ("Israel", "ISR"),
])
def test_names_resolve_to_their_key(mentions, text, key):
    assert {k for k, _ in resolved(mentions, text)} == {key}


@pytest.mark.parametrize("text, key, sector", [
    ("Donald Trump", "USA", "GOV"), ("Trump", "USA", "GOV"), ("Steve Witkoff", "USA", "GOV"),
    ("Witkoff", "USA", "GOV"), ("Israeli officials", "ISR", "GOV"), ("Egyptian state media", "EGY", "MED"),
    ("American delegates", "USA", "GOV"), ("The Trump administration", "USA", "GOV"),
    ("Netanyahu’s office", "ISR", "GOV"), ("Prime Minister Benjamin Netanyahu‘s administration", "ISR", "GOV"),
])
def test_people_and_agent_phrases_resolve_with_their_sector(mentions, text, key, sector):
    assert set(resolved(mentions, text)) == {(key, sector)}


def test_state_names_in_every_form(mentions):
    for text in ("U.S.", "the U.S.", "America", "the United States"):
        assert {k for k, _ in resolved(mentions, text)} == {"USA"}, text


def test_al_rishq_is_affiliated_with_hamas_everywhere(mentions):
    assert {k for k, _ in resolved(mentions, "Izzat Al-Rishq")} == {"hamas"}
    assert {k for k, _ in resolved(mentions, "Al-Rishq")} == {"hamas"}


def test_descriptions_and_pronouns_follow_the_text(mentions):
    assert {k for k, _ in resolved(mentions, "the movement")} == {"hamas"}
    assert {k for k, _ in resolved(mentions, "the group")} == {"hamas"}
    assert sorted(k for k, _ in resolved(mentions, "the two countries")) == ["EGY", "QAT"]
    he = [m.identity.key for m in mentions if m.span.text in ("he", "He")]
    # Al-Rishq x3 (press release, pointed out, went further), Witkoff x2 (stated, explained,
    # then reaffirmed), Trump x2 (shared, ended)
    assert he == ["hamas", "hamas", "hamas", "USA", "USA", "USA", "USA", "USA"]
