"""Attributions: the shared example's seven, and direct quotation in several styles."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.nlp import load_pipeline
from eventwire.quotes import find_attributions

SEVEN = [  # speaker key, cue, start of content (the reference's quotes)
    ("hamas", "according to", "the movement disagrees completely"),
    ("hamas", "described", "their statements as misleading"),
    ("USA", "said", "Hamas’ reaction to recent negotiation proposals was disappointing"),
    ("USA", "stated", "although mediators worked hard"),
    ("ISR", "said", "failed to show any real intention"),
    ("USA", "according to", "Hamas seemed prepared for destruction"),
    ("EGY", "reported", "new negotiations are expected to begin next week"),
]


def attributions(resolver, text, day=date(2025, 7, 25)):
    doc = load_pipeline()(text)
    return find_attributions(doc, resolver.resolve(doc, day))


def test_the_seven_reference_attributions_are_found(resolver, shared_example):
    found = [({m.identity.key for m in a.speakers}, a.cue.text.lower(), a.content.text)
             for a in attributions(resolver, shared_example.read_text())]
    for key, cue, content in SEVEN:
        assert any(key in keys and cue == found_cue and text.startswith(content) for keys, found_cue, text in found), \
            (key, cue, content, found)


@pytest.mark.parametrize("text, speaker, kind", [
    ("“We will not sit across from people who bomb hospitals,” an army spokesman told reporters.", None, "direct"),
    ("Egypt’s foreign minister said the talks were “dead for now” and would resume later.", "EGY", "mixed"),
    ("«Nous continuerons», the French envoy said. The French envoy said the talks would go on.", "FRA", "indirect"),
    ("It was reported that the talks had collapsed.", None, "indirect"),
])
def test_quotation_styles_and_kinds(resolver, text, speaker, kind):
    found = attributions(resolver, text)
    assert found, text
    last = found[-1]
    assert last.kind == kind
    assert ({m.identity.key for m in last.speakers} == {speaker}) if speaker else True



def test_first_person_hedges_are_not_attributions(resolver):
    found = attributions(resolver, "“I think the deal is dead,” the minister said. He thinks the talks will fail.")
    assert sorted(a.cue.text for a in found) == ["said", "thinks"]


def test_an_intention_in_a_controlled_clause_is_attributed(resolver):
    [found] = attributions(resolver, "The Egyptian president wants to end the war quickly.")
    assert found.cue.text == "wants" and found.content.text.startswith("to end the war")
    assert {m.identity.key for m in found.speakers} == {"EGY"}


def test_a_name_and_a_colon_opening_a_line_speak_the_line(resolver):
    text = "Transcript of the interview.\n\nPENCE: Well, look, the talks in Doha will go on.\n\nThe end."
    [found] = [a for a in attributions(resolver, text) if a.cue.text == ":"]
    assert found.speaker_span.text == "PENCE" and found.content.text.startswith("Well, look, the talks in Doha will go on")


def test_a_quotation_the_cue_interrupts_is_one_attribution_in_pieces(resolver):
    [found] = attributions(resolver, "“The talks will go on,” Qatar’s envoy said, “and Egypt will host them.”")
    assert [part.text.strip("“”,. ") for part in found.parts] == ["The talks will go on", "and Egypt will host them"]
    assert found.kind == "direct" and found.content.text.startswith("“The talks") and found.cue.text == "said"


def test_a_quotation_takes_its_cue_from_its_own_paragraph(resolver):
    text = ("“The talks are over,” the envoy said. “We cannot do everything.”\n\n"
            "Witkoff said the plan was dead.")
    found = attributions(resolver, text)
    continuation = next(a for a in found if "We cannot do everything" in a.content.text)
    assert continuation.speaker_span.text == "the envoy"


def test_a_quotation_with_no_cue_continues_the_quoted_attribution_before_it(resolver):
    text = ("“The talks are over,” said Ahmed Saleh, one of the negotiators who came back from Doha on Monday. "
            "“We stepped in when no one else would.”")
    [found] = attributions(resolver, text)
    assert len(found.parts) == 2 and found.parts[1].text.startswith("“We stepped in")
    assert found.cue.text == "said"


def test_paired_apostrophes_quote_like_quotation_marks(resolver):
    [found] = attributions(resolver, "''The talks will resume next week,'' the envoy said.")
    assert found.kind == "direct" and "The talks will resume next week" in found.content.text


def test_a_speaker_is_never_an_actor_inside_what_is_said(resolver):
    # the participle hangs on "sides": its phrase is "both sides", not the detainees in the content
    text = "The talks opened on Sunday with both sides promising to discuss the release of detainees."
    [found] = [a for a in attributions(resolver, text) if a.cue.text == "promising"]
    assert found.speaker_span.text == "both sides"
    assert all("detainees" not in m.span.text for m in found.speakers)
