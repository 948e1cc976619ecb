"""The learned attribution tagger's assembly of predicted spans, and its absence."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Span

from eventwire.nlp import load_pipeline
from eventwire.paths import cache_dir
from eventwire.quotes import find_attributions
from eventwire.quotes.learned import assemble, load_tagger


def spans(doc, *labelled):
    """Spans by (label, first word, last word) over the doc's words."""
    words = [t.text for t in doc]
    return [Span(doc, words.index(first), words.index(last) + 1, label=label) for label, first, last in labelled]


def test_each_cue_takes_its_content_and_the_nearest_source():
    doc = load_pipeline()("The minister said the talks would resume. “We are ready,” the envoy added.")
    found = assemble(doc, spans(doc, ("SOURCE", "The", "minister"), ("CUE", "said", "said"),
                                ("CONTENT", "the", "resume"), ("CONTENT", "We", "ready"), ("SOURCE", "envoy", "envoy"),
                                ("CUE", "added", "added")))
    assert [(s.text, c.text, t.text) for s, c, t in found if t is not None] == [
        ("The minister", "said", "the talks would resume"), ("envoy", "added", "We are ready")]


def test_a_cue_without_content_span_is_left_to_its_verb():
    doc = load_pipeline()("The minister spoke on Monday.")
    [(source, cue, content)] = assemble(doc, spans(doc, ("SOURCE", "The", "minister"), ("CUE", "spoke", "spoke")))
    assert (source.text, cue.text, content) == ("The minister", "spoke", None)


def test_no_model_no_tagger(tmp_path):
    assert load_tagger(tmp_path) is None


def built_tagger():
    """The tagger training/train_attributions.sh built (its folder in EVENTWIRE_ATTRIBUTION_MODEL, or the
    cache folder); the test is skipped where none is built."""
    from tests.conftest import BUILT_TAGGER

    tagger = load_tagger(Path(BUILT_TAGGER) if BUILT_TAGGER else cache_dir() / "attributions")
    if tagger is None:
        pytest.skip("no attribution tagger built on this machine (training/train_attributions.sh)")
    return tagger


def test_a_built_tagger_adds_attributions_the_rules_miss(resolver):
    doc = load_pipeline()("The senator, speaking to reporters, dismissed the bill as a gift to donors and "
                          "vowed to fight it. “It will not pass,” she added.")
    found = find_attributions(doc, resolver.resolve(doc, None), tagger=built_tagger())
    assert any(a.cue.text == "added" and "will not pass" in a.content.text for a in found)
    assert all(a.content.text for a in found)


def test_the_seven_reference_attributions_are_found_with_the_tagger_too(resolver, shared_example):
    from tests.quotes.test_attributions import SEVEN

    doc = load_pipeline()(shared_example.read_text())
    found = [({m.identity.key for m in a.speakers}, a.cue.text.lower(), a.content.text)
             for a in find_attributions(doc, resolver.resolve(doc, date(2025, 7, 25)), tagger=built_tagger())]
    for key, cue, content in SEVEN:
        assert any(key in keys and cue == found_cue and text.startswith(content) for keys, found_cue, text in found), \
            (key, cue, content)
